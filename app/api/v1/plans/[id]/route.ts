import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getPlanOperation, updatePlanOperation } from '@/lib/api/contracts/subscriptions';
import { getPlanById } from '@/lib/db/queries/subscriptions';
import { notFound } from '@/lib/errors';
import { updatePlan } from '@/lib/subscriptions/manage-subscriptions';
import { planView } from '@/lib/subscriptions/subscription-view';

export const GET = apiRoute(getPlanOperation, async ({ db, params }) => {
  const plan = await getPlanById(db, params.id);
  if (!plan) throw notFound('Plan not found');
  return planView(plan);
});

export const PATCH = apiRoute(updatePlanOperation, async ({ db, actor, params, body }) => planView(await updatePlan(db, requireActor(actor), params.id, body)));
