import type { Db } from '@/lib/db/client';
import { expireReservations } from '@/lib/db/queries/reservations';
import type { ScheduledTask } from './scheduler';

/**
 * Reservations past their expiry (OCPP 1.6 §5.13) become expired. The station frees the connector
 * by itself; this keeps our table true. One UPDATE, so several nodes running it do no harm.
 */
export function reservationExpiryTask(db: Db, everyMs = 10_000): ScheduledTask {
  return { name: 'reservation expiry', everyMs, run: async () => void (await expireReservations(db, new Date())) };
}
