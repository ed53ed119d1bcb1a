import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createIdTagOperation, listIdTagsOperation } from '@/lib/api/contracts/id-tags';
import { listIdTags } from '@/lib/db/queries/id-tags';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { idTagView } from '@/lib/id-tags/id-tag-view';

export const GET = apiRoute(listIdTagsOperation, async ({ db, query }) => {
  const { rows, total } = await listIdTags(db, query);
  const now = new Date();
  return { data: rows.map((row) => idTagView(row, now)), total };
});

export const POST = apiRoute(createIdTagOperation, ({ db, actor, body }) => createIdTag(db, requireActor(actor), body));
