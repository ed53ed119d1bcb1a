import { getDb } from '@/lib/db/client';
import { getLocalListStatus } from '@/lib/local-lists/local-list-status';
import { checkLocalListVersionAction, sendLocalListAction } from '@/app/(dashboard)/stations/[stationId]/access-actions';
import { LocalListCard } from './local-list-card';

/** The station page's "Access" tab: who may charge here offline (local list) and who holds a connector (reservations). */
export async function StationAccess({ stationId, canSend }: { stationId: string; canSend: boolean }) {
  const db = getDb();
  const status = await getLocalListStatus(db, stationId);
  return (
    <div className="min-w-0 space-y-6">
      <LocalListCard status={status} canSend={canSend} actions={{ send: sendLocalListAction, check: checkLocalListVersionAction }} />
    </div>
  );
}
