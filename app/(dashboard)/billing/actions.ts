'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-action';
import { requireRole, userActor, type SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { removeTariffAssignment } from '@/lib/tariffs/remove-tariff-assignment';
import { assignmentBodySchema, createTariffBodySchema, issuesByPath, replacementPatch } from '@/lib/tariffs/schemas';
import { updateTariff } from '@/lib/tariffs/update-tariff';

const uuid = z.uuid();
const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
};

/** Admin only; AppErrors come back as the form's message (and field), anything else propagates. */
async function adminAction(run: (user: SessionUser) => Promise<FormState>): Promise<FormState> {
  const user = await requireRole('admin');
  try {
    return await run(user);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
}

function refresh(tariffId?: string) {
  revalidatePath('/billing');
  if (tariffId) revalidatePath(`/billing/tariffs/${tariffId}`);
}

/**
 * The tariff editor posts `name`, `isDefault` and the whole OCPI object as JSON in `tariff`. Errors
 * come back keyed by their path (`elements.0.price_components.1.price`), shown next to the input.
 */
export async function saveTariffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let ocpi: unknown;
  try {
    ocpi = JSON.parse(text(formData, 'tariff'));
  } catch {
    return { message: 'The tariff could not be read; reload the page.' };
  }
  const id = uuid.safeParse(formData.get('id'));
  const parsed = createTariffBodySchema.safeParse({ ...(ocpi as object), name: text(formData, 'name'), is_default: formData.get('isDefault') === 'on' });
  if (!parsed.success) return { message: 'Please correct the highlighted fields.', fieldErrors: issuesByPath(parsed.error) };
  const { name, is_default: isDefault, ...tariff } = parsed.data;
  let savedId: string | undefined;
  const state = await adminAction(async (user) => {
    if (id.success) {
      const saved = await updateTariff(getDb(), userActor(user), id.data, { name, isDefault, ocpi: replacementPatch(tariff) });
      refresh(saved.id);
      return { ok: true, message: `Saved. The tariff is at version ${saved.version}; sessions already started keep the version they started with.` };
    }
    savedId = (await createTariff(getDb(), userActor(user), { name, isDefault, tariff })).id;
    refresh();
    return { ok: true };
  });
  if (savedId) redirect(`/billing/tariffs/${savedId}?created=1`);
  return state;
}

export async function assignTariffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const tariffId = uuid.safeParse(formData.get('tariffId'));
  if (!tariffId.success) return { message: 'Unknown tariff.' };
  const scope = text(formData, 'scope');
  const connector = text(formData, 'connectorId').trim();
  const body = assignmentBodySchema.safeParse(
    scope === 'site'
      ? { siteId: text(formData, 'siteId') || undefined }
      : { stationId: text(formData, 'stationId') || undefined, ...(scope === 'connector' ? { connectorId: connector === '' ? undefined : Number(connector) } : {}) },
  );
  if (!body.success) return { message: 'Please correct the highlighted fields.', fieldErrors: issuesByPath(body.error) };
  if (scope === 'connector' && body.data.connectorId === undefined) return { message: 'Choose a connector.', fieldErrors: { connectorId: ['is required'] } };
  return adminAction(async (user) => {
    await assignTariff(getDb(), userActor(user), tariffId.data, body.data);
    refresh(tariffId.data);
    return { ok: true, message: 'Assigned. Sessions that start from now on use this tariff there.' };
  });
}

export async function removeAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const tariffId = uuid.safeParse(formData.get('tariffId'));
  const assignmentId = uuid.safeParse(formData.get('assignmentId'));
  if (!tariffId.success || !assignmentId.success) return { message: 'Unknown assignment.' };
  return adminAction(async (user) => {
    await removeTariffAssignment(getDb(), userActor(user), tariffId.data, assignmentId.data);
    refresh(tariffId.data);
    return { ok: true, message: 'Assignment ended.' };
  });
}

/** `tariffId` empty: no default tariff (the current one stops being the default). */
export async function setDefaultTariffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const chosen = text(formData, 'tariffId');
  const current = text(formData, 'currentDefaultId');
  return adminAction(async (user) => {
    const db = getDb();
    if (chosen) await updateTariff(db, userActor(user), uuid.parse(chosen), { isDefault: true, ocpi: {} });
    else if (current) await updateTariff(db, userActor(user), uuid.parse(current), { isDefault: false, ocpi: {} });
    refresh();
    return { ok: true, message: chosen ? 'Default tariff set.' : 'No default tariff: stations without an assignment are not priced.' };
  });
}

/** Reverses an invoice with a credit note (admin), then shows the credit note. */
export async function creditInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const invoiceId = uuid.safeParse(formData.get('invoiceId'));
  if (!invoiceId.success) return { message: 'Unknown invoice.' };
  let creditNoteId: string | undefined;
  const state = await adminAction(async (user) => {
    creditNoteId = (await issueCreditNote(getDb(), userActor(user), invoiceId.data, text(formData, 'reason'))).id;
    revalidatePath('/billing/invoices');
    return { ok: true };
  });
  if (creditNoteId) redirect(`/billing/invoices/${creditNoteId}`);
  return state;
}
