import { systemActor } from '@/lib/auth/roles';
import type { CommandDeps } from '@/lib/commands/send-command';
import type { DbClient } from '@/lib/db/client';
import { withLocalListSyncLock } from '@/lib/db/queries/local-lists';
import { syncLocalLists } from '@/lib/local-lists/sync-local-lists';
import type { ScheduledTask } from './scheduler';

/** A station that does not answer a re-sync in this time is tried again next period. */
const SYNC_TIMEOUT_MS = 5000;

/**
 * Re-sync after tag changes, automatically: every period, one node (advisory lock) sends a
 * Differential SendLocalList to each online station whose accepted list is out of date, through the
 * same durable command path as the UI (the node holding the socket sends it). `stop()` ends a run
 * between two stations, so a shutdown does not wait for a whole fleet.
 */
export function localListSyncTask(db: DbClient, deps: CommandDeps, everyMs: number): ScheduledTask & { stop(): void } {
  let stopping = false;
  return {
    name: 'local list sync',
    everyMs,
    async run() {
      await withLocalListSyncLock(db, () => syncLocalLists(deps, systemActor, { timeoutMs: SYNC_TIMEOUT_MS, shouldContinue: () => !stopping }));
    },
    stop: () => void (stopping = true),
  };
}
