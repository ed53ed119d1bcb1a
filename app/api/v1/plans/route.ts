import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createPlanOperation, listPlansOperation } from '@/lib/api/contracts/subscriptions';
import { listPlans } from '@/lib/db/queries/subscriptions';
import { createPlan } from '@/lib/subscriptions/manage-subscriptions';
import { planView } from '@/lib/subscriptions/subscription-view';

export const GET = apiRoute(listPlansOperation, async ({ db }) => ({ data: (await listPlans(db)).map(planView) }));

export const POST = apiRoute(createPlanOperation, async ({ db, actor, body }) => planView(await createPlan(db, requireActor(actor), { ...body, currency: body.currency.toUpperCase() })));
