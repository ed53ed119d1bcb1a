import type { Db } from '../db/client';
import { getSubscriptionCandidateAt, getTagOverrideKeys, listOverrideCandidatesAt } from '../db/queries/tariff-overrides';
import { listTariffCandidatesAt, type TariffCandidate } from '../db/queries/tariffs';
import { isTariffActiveAt } from '../pricing';

export type TariffResolution =
  | { found: true; candidate: TariffCandidate }
  | { found: false; code: 'no_tariff' | 'tariff_not_valid'; message: string };

/**
 * The tariff that applied to a connector at an instant, from the assignment and version histories:
 * connector > station > site > default, each with its version in force then. A version outside its
 * OCPI start/end_date_time does not apply; the next less specific assignment is tried.
 */
export async function resolveTariffAt(db: Db, target: { stationId: string; connectorId: number; siteId: string | null; at: Date }): Promise<TariffResolution> {
  return pickCandidate(await listTariffCandidatesAt(db, target), target.at);
}

export type SessionTariffResolution = TariffResolution & { driverId: string | null; subscriptionId: string | null };

/**
 * The tariff for a session started by `idTag`, as of `at`. Resolution order (first valid wins):
 *   1. an override for the tag itself, then for each tag above it (its id-tag group), nearest first;
 *   2. an override for the tag's driver;
 *   3. the tariff of the driver's subscription plan running at `at`;
 *   4. the assignments: connector > station > site > default (resolveTariffAt).
 * Every step uses the histories as of `at`, so the answer for a past instant never changes.
 */
export async function resolveSessionTariff(
  db: Db,
  target: { stationId: string; connectorId: number; siteId: string | null; idTag: string; at: Date },
): Promise<SessionTariffResolution> {
  const { tagChain, driverId } = await getTagOverrideKeys(db, target.idTag);
  const overrides = await listOverrideCandidatesAt(db, { tagChain, driverId, at: target.at });
  const subscription = driverId ? await getSubscriptionCandidateAt(db, driverId, target.at) : null;
  const assignments = await listTariffCandidatesAt(db, target);
  const candidates = [...overrides, ...(subscription?.candidate ? [subscription.candidate] : []), ...assignments];
  return { ...pickCandidate(candidates, target.at), driverId, subscriptionId: subscription?.subscriptionId ?? null };
}

function pickCandidate(candidates: TariffCandidate[], at: Date): TariffResolution {
  const candidate = candidates.find((c) => isTariffActiveAt(c.version.tariff, at));
  if (candidate) return { found: true, candidate };
  if (candidates.length > 0) {
    return { found: false, code: 'tariff_not_valid', message: `No assigned tariff was valid at ${at.toISOString()} (start_date_time / end_date_time)` };
  }
  return {
    found: false,
    code: 'no_tariff',
    message: `No tariff was assigned to this connector, its station or site, and there was no default tariff at ${at.toISOString()}`,
  };
}
