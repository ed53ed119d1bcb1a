import type { Db } from '@/lib/db/client';
import type { Bus } from '@/lib/bus/bus';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import type { AlertThresholds } from '@/lib/alerts/alert-rules';
import type { ScheduledTask } from './scheduler';

/** Evaluates the alert rules every 30 s (one node at a time: syncAlerts takes an advisory lock). */
export function alertsTask(db: Db, bus: Bus, input: { everyMs: number; thresholds: AlertThresholds }): ScheduledTask {
  return {
    name: 'alerts',
    everyMs: input.everyMs,
    async run() {
      const { raised, cleared } = await syncAlerts(db, new Date(), input.thresholds);
      for (const alert of raised) bus.publish({ kind: 'alert.raised', stationId: alert.stationId, alertId: alert.id });
      for (const alert of cleared) bus.publish({ kind: 'alert.cleared', stationId: alert.stationId, alertId: alert.id });
    },
  };
}
