import { apiRoute } from '@/lib/api/api-route';
import { reconciliationOperation } from '@/lib/api/contracts/payments';
import { getReconciliationReport } from '@/lib/payments/reconciliation';

export const GET = apiRoute(reconciliationOperation, ({ db, query }) => getReconciliationReport(db, { from: new Date(query.from), to: new Date(query.to) }));
