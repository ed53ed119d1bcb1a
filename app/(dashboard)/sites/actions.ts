'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, type FormState } from '@/lib/actions/form-action';
import { requireRole, userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { deleteSite } from '@/lib/sites/delete-site';
import { createSiteSchema, siteFormInput } from '@/lib/sites/schemas';
import { updateSite } from '@/lib/sites/update-site';

const siteId = z.uuid({ message: 'must be a site id' });

export const createSiteAction = formAction('admin', z.preprocess(siteFormInput, createSiteSchema), async (input, user) => {
  const site = await createSite(getDb(), userActor(user), input);
  revalidatePath('/sites');
  return { ok: true, message: `Site ${site.name} created.`, result: { id: site.id } };
});

/** The edit form posts every field: it replaces them all (cleared fields become empty). */
export const updateSiteAction = formAction(
  'admin',
  z.preprocess((values) => ({ ...siteFormInput(values as Record<string, string>), id: (values as Record<string, string>).id }), createSiteSchema.safeExtend({ id: siteId })),
  async ({ id, ...input }, user) => {
    await updateSite(getDb(), userActor(user), id, input);
    revalidatePath('/sites');
    revalidatePath(`/sites/${id}`);
    return { ok: true, message: 'Site saved.' };
  },
);

export const deleteSiteAction = formAction('admin', z.object({ id: siteId }), async ({ id }, user) => {
  await deleteSite(getDb(), userActor(user), id);
  revalidatePath('/sites');
  redirect('/sites');
});

/** Checkboxes post one `stationIds` entry per ticked station (formAction keeps one value per name). */
export async function assignStationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireRole('admin');
  const id = siteId.safeParse(formData.get('id'));
  if (!id.success) return { message: 'Unknown site.' };
  const stationIds = formData.getAll('stationIds').filter((value): value is string => typeof value === 'string');
  try {
    const stations = await assignSiteStations(getDb(), userActor(user), id.data, stationIds);
    revalidatePath('/sites');
    revalidatePath(`/sites/${id.data}`);
    return { ok: true, message: `${stations.length} station${stations.length === 1 ? '' : 's'} at this site.` };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
}
