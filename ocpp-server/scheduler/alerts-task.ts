import type { Db } from '@/lib/db/client';
import type { Bus } from '@/lib/bus/bus';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import type { AlertThresholds } from '@/lib/alerts/alert-rules';
import type { ScheduledTask } from './scheduler';

/**
 * Evaluates the alert rules every ALERT_EVALUATION_INTERVAL s (one node at a time: syncAlerts takes
 * an advisory lock), with the thresholds read afresh each time (Settings over env defaults).
 */
export function alertsTask(db: Db, bus: Bus, input: { everyMs: number; thresholds: () => Promise<AlertThresholds> }): ScheduledTask {
  return {
    name: 'alerts',
    everyMs: input.everyMs,
    async run() {
      const { raised, cleared } = await syncAlerts(db, new Date(), await input.thresholds());
      for (const alert of raised) bus.publish({ kind: 'alert.raised', stationId: alert.stationId, alertId: alert.id });
      for (const alert of cleared) bus.publish({ kind: 'alert.cleared', stationId: alert.stationId, alertId: alert.id });
    },
  };
}
