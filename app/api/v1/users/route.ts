import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createUserOperation, listUsersOperation } from '@/lib/api/contracts/users';
import { listUsers } from '@/lib/db/queries/users';
import { createUser } from '@/lib/users/create-user';

export const GET = apiRoute(listUsersOperation, async ({ db }) => ({ data: await listUsers(db) }));

export const POST = apiRoute(createUserOperation, ({ db, actor, body }) => createUser(db, requireActor(actor), body));
