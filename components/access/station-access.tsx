import { getDb } from '@/lib/db/client';
import { listReservations } from '@/lib/db/queries/reservations';
import { getLocalListStatus } from '@/lib/local-lists/local-list-status';
import { reservationView } from '@/lib/reservations/reservation-view';
import {
  cancelReservationAction,
  checkLocalListVersionAction,
  reserveNowAction,
  sendLocalListAction,
} from '@/app/(dashboard)/stations/[stationId]/access-actions';
import { LocalListCard } from './local-list-card';
import { ReservationsCard } from './reservations-card';

/** The station page's "Access" tab: who may charge here offline (local list) and who holds a connector (reservations). */
export async function StationAccess({ stationId, canSend }: { stationId: string; canSend: boolean }) {
  const db = getDb();
  const [status, reservations] = await Promise.all([getLocalListStatus(db, stationId), listReservations(db, { stationId, limit: 50 })]);
  return (
    <div className="min-w-0 space-y-6">
      <LocalListCard status={status} canSend={canSend} actions={{ send: sendLocalListAction, check: checkLocalListVersionAction }} />
      <ReservationsCard stationId={stationId} reservations={reservations.map(reservationView)} canSend={canSend} actions={{ reserve: reserveNowAction, cancel: cancelReservationAction }} />
    </div>
  );
}
