import { apiRoute } from '@/lib/api/api-route';
import { listLiveTransactionsOperation } from '@/lib/api/contracts/stations';
import { listLiveSessions } from '@/lib/db/queries/live-sessions';

export const GET = apiRoute(listLiveTransactionsOperation, async ({ db, query }) => ({ data: await listLiveSessions(db, query) }));
