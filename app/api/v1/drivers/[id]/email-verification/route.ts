import { apiRoute, requireActor } from '@/lib/api/api-route';
import { markEmailVerifiedOperation } from '@/lib/api/contracts/drivers';
import { markEmailVerifiedByAdmin } from '@/lib/drivers/driver-email-verification';

export const POST = apiRoute(markEmailVerifiedOperation, async ({ db, actor, params }) => {
  const { emailVerifiedAt } = await markEmailVerifiedByAdmin(db, requireActor(actor), params.id);
  return { emailVerifiedAt: emailVerifiedAt.toISOString() };
});
