import type { Db } from '@/lib/db/client';
import { refreshChangedRollups } from '@/lib/analytics/refresh-changed-rollups';
import type { ScheduledTask } from './scheduler';

/** Folds what arrived since the last run into the analytics rollups (one node at a time: advisory lock). */
export function rollupsTask(db: Db, input: { everyMs: number }): ScheduledTask {
  return { name: 'analytics rollups', everyMs: input.everyMs, run: () => refreshChangedRollups(db, new Date()).then(() => undefined) };
}
