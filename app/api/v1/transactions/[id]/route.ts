import { apiRoute } from '@/lib/api/api-route';
import { getTransactionOperation } from '@/lib/api/contracts/transactions';
import { getTransactionWithBilling } from '@/lib/billing/transaction-billing';
import { notFound } from '@/lib/errors';

export const GET = apiRoute(getTransactionOperation, async ({ db, params }) => {
  const transaction = await getTransactionWithBilling(db, params.id);
  if (!transaction) throw notFound('Transaction not found');
  return transaction;
});
