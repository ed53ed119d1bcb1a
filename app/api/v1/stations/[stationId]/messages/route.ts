import { apiRoute } from '@/lib/api/api-route';
import { listMessagesOperation } from '@/lib/api/contracts/messages';
import { redactText } from '@/lib/commands/redact-payload';
import { listMessageLog } from '@/lib/db/queries/message-log';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listMessagesOperation, async ({ db, params, query }) => {
  const rows = await listMessageLog(db, { stationId: params.stationId, ...query, errorsOnly: query.errors });
  return { data: rows.map((row) => ({ ...row, frame: redactText(row.frame), at: row.at.toISOString() })) };
});
