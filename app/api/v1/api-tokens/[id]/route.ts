import { apiRoute, requireActor } from '@/lib/api/api-route';
import { revokeApiTokenOperation } from '@/lib/api/contracts/api-tokens';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';

export const DELETE = apiRoute(revokeApiTokenOperation, ({ db, actor, params }) => revokeApiToken(db, requireActor(actor), params.id));
