import type { Db } from '@/lib/db/client';
import type { Bus } from '@/lib/bus/bus';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import type { ScheduledTask } from './scheduler';

/** Evaluates the alert rules every 30 s (one node at a time: syncAlerts takes an advisory lock). */
export function alertsTask(db: Db, bus: Bus, everyMs = 30_000): ScheduledTask {
  return {
    name: 'alerts',
    everyMs,
    async run() {
      const { raised, cleared } = await syncAlerts(db, new Date());
      for (const alert of raised) bus.publish({ kind: 'alert.raised', stationId: alert.stationId, alertId: alert.id });
      for (const alert of cleared) bus.publish({ kind: 'alert.cleared', stationId: alert.stationId, alertId: alert.id });
    },
  };
}
