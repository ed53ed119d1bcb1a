import { authorizeIdTag } from '@/lib/id-tags/authorize-id-tag';
import type { AuthorizeRequest, AuthorizeResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.1: Accepted / Blocked / Expired / Invalid / ConcurrentTx, with expiryDate and parentIdTag. */
export const authorize: Handler<AuthorizeRequest, AuthorizeResponse> = async (ctx, request) => ({
  idTagInfo: await authorizeIdTag(ctx.db, { idTag: request.idTag, stationId: ctx.stationId, now: ctx.now() }),
});
