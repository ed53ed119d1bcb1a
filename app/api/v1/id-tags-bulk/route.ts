import { apiRoute, requireActor } from '@/lib/api/api-route';
import { bulkIdTagStatusOperation } from '@/lib/api/contracts/csv';
import { blockIdTags } from '@/lib/id-tags/block-id-tags';

export const POST = apiRoute(bulkIdTagStatusOperation, ({ db, actor, body }) => blockIdTags(db, requireActor(actor), body));
