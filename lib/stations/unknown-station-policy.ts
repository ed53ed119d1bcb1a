import { z } from 'zod';
import type { Db } from '../db/client';
import { getSetting } from '../db/queries/settings';

export const UNKNOWN_STATIONS_SETTING = 'ocpp.unknownStations';
export const unknownStationPolicies = ['accept', 'pending', 'reject'] as const;
export type UnknownStationPolicy = (typeof unknownStationPolicies)[number];
const policySchema = z.enum(unknownStationPolicies);

/**
 * What to do with a station we have never seen: the operator's choice in Settings, else the env
 * default. Read at most every `ttlMs` (a boot storm of unknown stations must not read it 10,000 times).
 */
export function createUnknownStationPolicy(
  db: Db,
  options: { fallback: UnknownStationPolicy; ttlMs?: number; now?: () => number },
): { get(): Promise<UnknownStationPolicy> } {
  const ttlMs = options.ttlMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: { value: Promise<UnknownStationPolicy>; at: number } | undefined;
  const read = async (): Promise<UnknownStationPolicy> => {
    const parsed = policySchema.safeParse(await getSetting<unknown>(db, UNKNOWN_STATIONS_SETTING));
    return parsed.success ? parsed.data : options.fallback;
  };
  return {
    get() {
      if (!cached || now() - cached.at > ttlMs) {
        const value = read().catch(() => options.fallback);
        cached = { value, at: now() };
      }
      return cached.value;
    },
  };
}
