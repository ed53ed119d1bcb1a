import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createApiTokenOperation, listApiTokensOperation } from '@/lib/api/contracts/api-tokens';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { listApiTokens } from '@/lib/db/queries/api-tokens';

export const GET = apiRoute(listApiTokensOperation, async ({ db }) => ({ data: await listApiTokens(db) }));

export const POST = apiRoute(createApiTokenOperation, async ({ db, actor, body }) => {
  const { token, record } = await createApiToken(db, requireActor(actor), body);
  return { ...record, token };
});
