import { apiRoute } from '@/lib/api/api-route';
import { listLiveTransactionsOperation } from '@/lib/api/contracts/stations';
import { listLiveSessions } from '@/lib/db/queries/live-sessions';
import { attachCosts } from '@/lib/dashboard/attach-costs';

export const GET = apiRoute(listLiveTransactionsOperation, async ({ db, query }) => ({
  data: await attachCosts(db, await listLiveSessions(db, query), new Date()),
}));
