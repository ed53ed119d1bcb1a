import { apiRoute } from '@/lib/api/api-route';
import { listAuditLogOperation } from '@/lib/api/contracts/audit-log';
import { listAuditEntries } from '@/lib/db/queries/audit-log';

export const GET = apiRoute(listAuditLogOperation, async ({ db, query }) => ({ data: await listAuditEntries(db, query) }));
