import type { Bus } from '@/lib/bus/bus';
import type { CommandQueued } from '@/lib/bus/command-channel';
import type { Db } from '@/lib/db/client';
import { advanceCampaigns } from '@/lib/firmware/advance-campaigns';
import type { ScheduledTask } from './scheduler';

/** Firmware rollouts move on every 2 s (one node at a time: advanceCampaigns takes an advisory lock). */
export function firmwareCampaignsTask(deps: { db: Db; bus: Bus; requeue(message: CommandQueued): Promise<void> }, input: { nodeDeadAfterMs: number }): ScheduledTask {
  return {
    name: 'firmware campaigns',
    everyMs: 2000,
    async run() {
      const { changed, queued } = await advanceCampaigns(deps.db, { now: new Date(), nodeDeadAfterMs: input.nodeDeadAfterMs });
      for (const command of queued) await deps.requeue({ commandId: command.id, stationId: command.stationId, nodeId: command.nodeId });
      for (const campaignId of new Set(changed)) deps.bus.publish({ kind: 'firmware.updated', campaignId });
    },
  };
}
