import { apiRoute, requireActor } from '@/lib/api/api-route';
import { deleteIdTagOperation, getIdTagOperation, updateIdTagOperation } from '@/lib/api/contracts/id-tags';
import { getIdTagRow } from '@/lib/db/queries/id-tags';
import { notFound } from '@/lib/errors';
import { deleteIdTag } from '@/lib/id-tags/delete-id-tag';
import { idTagView } from '@/lib/id-tags/id-tag-view';
import { updateIdTag } from '@/lib/id-tags/update-id-tag';

export const GET = apiRoute(getIdTagOperation, async ({ db, params }) => {
  const row = await getIdTagRow(db, { idTag: params.idTag });
  if (!row) throw notFound(`No tag ${params.idTag} is registered`);
  return idTagView(row, new Date());
});

export const PATCH = apiRoute(updateIdTagOperation, ({ db, actor, params, body }) => updateIdTag(db, requireActor(actor), params.idTag, body));

export const DELETE = apiRoute(deleteIdTagOperation, ({ db, actor, params }) => deleteIdTag(db, requireActor(actor), params.idTag));
