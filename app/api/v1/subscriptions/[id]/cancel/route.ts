import { apiRoute, requireActor } from '@/lib/api/api-route';
import { cancelSubscriptionOperation } from '@/lib/api/contracts/subscriptions';
import { cancelSubscription } from '@/lib/subscriptions/manage-subscriptions';
import { getSubscriptionView } from '@/lib/subscriptions/subscription-view';

export const POST = apiRoute(cancelSubscriptionOperation, async ({ db, actor, params }) => {
  const now = new Date();
  await cancelSubscription(db, requireActor(actor), params.id, now);
  return (await getSubscriptionView(db, params.id, now))!;
});
