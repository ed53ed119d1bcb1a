import { apiRoute, requireActor } from '@/lib/api/api-route';
import { reviewTransactionOperation } from '@/lib/api/contracts/transactions';
import { reviewTransaction } from '@/lib/transactions/mark-transaction-reviewed';

export const POST = apiRoute(reviewTransactionOperation, async ({ db, actor, params, body }) => {
  const reviewed = await reviewTransaction(db, requireActor(actor), params.id, body?.note);
  return { id: reviewed.id, needsReview: false as const, reviewNote: reviewed.reviewNote };
});
