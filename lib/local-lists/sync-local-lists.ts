import type { Actor } from '../auth/roles';
import type { CommandDeps } from '../commands/send-command';
import { listOnlineStationsWithLocalList } from '../db/queries/local-lists';
import { getLocalListStatus } from './local-list-status';
import { sendLocalList } from './send-local-list';

export interface LocalListSyncResult {
  stationId: string;
  updateType: 'Full' | 'Differential';
  /** The station's answer, or why there was none (the command's state). */
  outcome: string;
  listVersion: number;
}

/**
 * Re-sync after tags changed: every online station that holds a list we sent and is out of date
 * gets a Differential update; one reporting another version gets a Full list. In sync ones are left
 * alone. One station at a time (each waits for its answer), so a fleet re-sync is paced.
 */
export async function syncLocalLists(
  deps: CommandDeps,
  actor: Actor,
  options: { now?: Date; timeoutMs?: number; shouldContinue?: () => boolean } = {},
): Promise<LocalListSyncResult[]> {
  const now = options.now ?? new Date();
  const results: LocalListSyncResult[] = [];
  for (const stationId of await listOnlineStationsWithLocalList(deps.db)) {
    if (options.shouldContinue && !options.shouldContinue()) break;
    const { state } = await getLocalListStatus(deps.db, stationId, now);
    if (state !== 'out_of_date' && state !== 'version_mismatch') continue;
    const updateType = state === 'out_of_date' ? 'Differential' : 'Full';
    const sent = await sendLocalList(deps, actor, { stationId, updateType, timeoutMs: options.timeoutMs }, now);
    results.push({ stationId, updateType, outcome: sent.status ?? sent.command.state, listVersion: sent.listVersion });
  }
  return results;
}
