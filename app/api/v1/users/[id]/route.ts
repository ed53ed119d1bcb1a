import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getUserOperation, updateUserOperation } from '@/lib/api/contracts/users';
import { getUserById } from '@/lib/db/queries/users';
import { notFound } from '@/lib/errors';
import { updateUser } from '@/lib/users/update-user';

export const GET = apiRoute(getUserOperation, async ({ db, params }) => {
  const user = await getUserById(db, params.id);
  if (!user) throw notFound('User not found');
  return user;
});

export const PATCH = apiRoute(updateUserOperation, ({ db, actor, params, body }) => updateUser(db, requireActor(actor), params.id, body));
