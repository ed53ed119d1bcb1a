'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { createDriver } from '@/lib/drivers/create-driver';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { inviteDriver } from '@/lib/driver-portal/link-tokens';
import { deleteDriver } from '@/lib/drivers/delete-driver';
import { createDriverSchema } from '@/lib/drivers/schemas';
import { updateDriver } from '@/lib/drivers/update-driver';
import { markEmailVerifiedByAdmin } from '@/lib/drivers/driver-email-verification';
import { blockIdTags } from '@/lib/id-tags/block-id-tags';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { deleteIdTag } from '@/lib/id-tags/delete-id-tag';
import { idTagFormInput } from '@/lib/id-tags/id-tag-form-input';
import { bulkBlockSchema, createIdTagSchema, idTagValueSchema } from '@/lib/id-tags/schemas';
import { updateIdTag } from '@/lib/id-tags/update-id-tag';

const driverId = z.uuid({ error: 'must be a driver id' });
const revalidate = () => revalidatePath('/drivers', 'layout');

export const createDriverAction = formAction('operator', createDriverSchema, async (input, user) => {
  const driver = await createDriver(getDb(), userActor(user), input);
  revalidate();
  redirect(`/drivers/${driver.id}`);
});

/** The edit form posts every field: it replaces them all (cleared fields become empty). */
export const updateDriverAction = formAction('operator', createDriverSchema.safeExtend({ id: driverId }), async ({ id, ...input }, user) => {
  await updateDriver(getDb(), userActor(user), id, input, { origin: publicOrigin(await headers()) });
  revalidate();
  return { ok: true, message: 'Driver saved.' };
});

export const deleteDriverAction = formAction('operator', z.object({ id: driverId }), async ({ id }, user) => {
  await deleteDriver(getDb(), userActor(user), id);
  revalidate();
  redirect('/drivers');
});

export const createIdTagAction = formAction('operator', z.preprocess(idTagFormInput, createIdTagSchema), async (input, user) => {
  const tag = await createIdTag(getDb(), userActor(user), input);
  revalidate();
  return { ok: true, message: `Tag ${tag.idTag} registered.`, result: { id: tag.id } };
});

/** The edit form posts every field but the value, which never changes. */
export const updateIdTagAction = formAction('operator', z.preprocess(idTagFormInput, createIdTagSchema), async ({ idTag, ...patch }, user) => {
  await updateIdTag(getDb(), userActor(user), idTag, patch);
  revalidate();
  return { ok: true, message: `Tag ${idTag} saved.` };
});

export const deleteIdTagAction = formAction('operator', z.object({ idTag: idTagValueSchema, then: z.string().startsWith('/drivers') }), async ({ idTag, then }, user) => {
  await deleteIdTag(getDb(), userActor(user), idTag);
  revalidate();
  redirect(then);
});

/** Bulk block/unblock from the tag table: the ticked values arrive joined by commas. */
export const bulkBlockAction = formAction(
  'operator',
  z.preprocess((values) => {
    const { idTags, action } = values as Record<string, string>;
    return { idTags: (idTags ?? '').split(',').filter(Boolean), action };
  }, bulkBlockSchema),
  async (input, user) => {
    const { changed } = await blockIdTags(getDb(), userActor(user), input);
    revalidate();
    const verb = input.action === 'block' ? 'blocked' : 'unblocked';
    return { ok: true, message: changed.length === 0 ? `Nothing to change: the selected tags were ${verb} already.` : `${changed.length} tag${changed.length === 1 ? '' : 's'} ${verb}.` };
  },
);

/** An admin vouches for the driver's email (audited). */
export const markEmailVerifiedAction = formAction('admin', z.object({ id: driverId }), async ({ id }, user) => {
  await markEmailVerifiedByAdmin(getDb(), userActor(user), id);
  revalidate();
  return { ok: true, message: 'Email marked verified.' };
});

/** Invites a driver to the portal: the one-time link comes back once (and is logged to the server console). */
export const inviteDriverAction = formAction('operator', z.object({ id: driverId }), async ({ id }, user) => {
  const link = await inviteDriver(getDb(), userActor(user), { driverId: id, origin: publicOrigin(await headers()) });
  return { ok: true, message: 'Invitation link created. Send it to the driver; it works once, for 7 days.', result: { link } };
});
