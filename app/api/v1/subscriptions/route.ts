import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createSubscriptionOperation, listSubscriptionsOperation } from '@/lib/api/contracts/subscriptions';
import { signUpForPlan } from '@/lib/subscriptions/sign-up';
import { getSubscriptionView, listSubscriptionViews } from '@/lib/subscriptions/subscription-view';

export const GET = apiRoute(listSubscriptionsOperation, async ({ db, query }) => ({ data: await listSubscriptionViews(db, query, new Date()) }));

export const POST = apiRoute(createSubscriptionOperation, async ({ db, actor, body }) => {
  const now = new Date();
  const { subscription, invoices } = await signUpForPlan(db, requireActor(actor), body, now);
  return { ...(await getSubscriptionView(db, subscription.id, now))!, invoiceIds: invoices.map((invoice) => invoice.id) };
});
