import type { Db } from '@/lib/db/client';
import { refreshChangedRollups } from '@/lib/analytics/refresh-changed-rollups';
import type { ScheduledTask } from './scheduler';

/** Folds what arrived since the last run into the analytics rollups (one node at a time: advisory lock). */
export function rollupsTask(db: Db, input: { everyMs: number; log?: (line: string) => void }): ScheduledTask {
  return {
    name: 'analytics rollups',
    everyMs: input.everyMs,
    async run() {
      const { clampedFrom } = await refreshChangedRollups(db, new Date());
      if (clampedFrom) {
        input.log?.(`analytics rollups: rows stamped as early as ${clampedFrom.toISOString()} (a station clock fault?) were left out; \`npm run cli -- analytics rebuild\` folds them in if they are real`);
      }
    },
  };
}
