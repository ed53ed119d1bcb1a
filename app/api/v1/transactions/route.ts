import { apiRoute } from '@/lib/api/api-route';
import { listSessionsOperation } from '@/lib/api/contracts/stations';
import { listSessions } from '@/lib/db/queries/session-history';

export const GET = apiRoute(listSessionsOperation, async ({ db, query }) => {
  const data = await listSessions(db, query);
  return { data, nextBeforeId: data.length === (query.limit ?? 100) ? data.at(-1)?.id : null };
});
