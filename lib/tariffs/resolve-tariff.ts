import type { Db } from '../db/client';
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
  const candidates = await listTariffCandidatesAt(db, target);
  const candidate = candidates.find((c) => isTariffActiveAt(c.version.tariff, target.at));
  if (candidate) return { found: true, candidate };
  if (candidates.length > 0) {
    return { found: false, code: 'tariff_not_valid', message: `No assigned tariff was valid at ${target.at.toISOString()} (start_date_time / end_date_time)` };
  }
  return {
    found: false,
    code: 'no_tariff',
    message: `No tariff was assigned to this connector, its station or site, and there was no default tariff at ${target.at.toISOString()}`,
  };
}
