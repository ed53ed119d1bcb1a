'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formValues, type FormState } from '@/lib/actions/form-action';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { getDb } from '@/lib/db/client';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { AppError } from '@/lib/errors';
import { requestPasswordReset, verifyDriverEmail } from '@/lib/driver-portal/link-tokens';
import { resendEmailVerification } from '@/lib/driver-portal/resend-verification';
import { setDriverPassword, signInDriver } from '@/lib/driver-portal/driver-sign-in';
import { requireDriver, setDriverCookie, signOutDriver } from '@/lib/driver-portal/driver-session';
import { driverSignInSchema, driverSignUpSchema, requestResetSchema, setDriverPasswordSchema } from '@/lib/driver-portal/schemas';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { startCharging } from '@/lib/driver-portal/start-charging';
import { stopCharging } from '@/lib/driver-portal/stop-charging';
import { anonymiseDriver } from '@/lib/driver-portal/driver-privacy';
import { blockOwnIdTag } from '@/lib/driver-portal/block-own-id-tag';
import { addOwnIdTag, addOwnIdTagSchema } from '@/lib/driver-portal/add-own-id-tag';
import { safePortalPath } from '@/lib/driver-portal/safe-next';

/** The client's address as the proxy in front reports it (the limits count per address). */
const clientIp = async () => (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';

function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { data: z.infer<S> } | { state: FormState } {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  return { state: { message: 'Please correct the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors as FormState['fieldErrors'], values: { email: values.email ?? '', name: values.name ?? '' } } };
}

const asState = (error: unknown, values?: Record<string, string>): FormState => {
  if (!(error instanceof AppError)) throw error;
  return { message: error.message, fieldErrors: error.field && error.field !== 'token' ? { [error.field]: [error.message] } : undefined, values };
};

export async function driverSignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(driverSignInSchema, formData);
  if ('state' in parsed) return parsed.state;
  const ip = await clientIp();
  try {
    await setDriverCookie(await signInDriver(getDb(), { ...parsed.data, ip }));
  } catch (error) {
    return asState(error, { email: parsed.data.email });
  }
  redirect(safePortalPath(formData.get('next')?.toString()));
}

/** Self sign-up: creates the driver and an app tag, signs in, and goes back to the QR page (or /driver). */
export async function driverSignUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(driverSignUpSchema, formData);
  if ('state' in parsed) return parsed.state;
  const ip = await clientIp();
  try {
    const { session } = await signUpDriver(getDb(), { ...parsed.data, ip, origin: publicOrigin(await headers()) });
    await setDriverCookie(session);
  } catch (error) {
    return asState(error, { email: parsed.data.email, name: parsed.data.name });
  }
  redirect(safePortalPath(formData.get('next')?.toString()));
}

export async function setDriverPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(setDriverPasswordSchema, formData);
  if ('state' in parsed) return parsed.state;
  try {
    await setDriverCookie(await setDriverPassword(getDb(), parsed.data));
  } catch (error) {
    return asState(error);
  }
  redirect('/driver');
}

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(requestResetSchema, formData);
  if ('state' in parsed) return parsed.state;
  try {
    await requestPasswordReset(getDb(), { email: parsed.data.email, origin: publicOrigin(await headers()), ip: await clientIp() });
  } catch (error) {
    return asState(error, { email: parsed.data.email });
  }
  return { ok: true, message: 'If this email belongs to a driver account, a reset link is on its way. It is valid for one hour.' };
}

export async function driverSignOutAction(): Promise<void> {
  await signOutDriver();
  redirect('/driver/login');
}

const connectorInput = z.object({ stationId: z.string().min(1).max(48), connectorId: z.coerce.number().int().min(1) });

/** The Start button. Answers within the command timeout with a plain-language reason, or ok. */
export async function startChargingAction(input: { stationId: string; connectorId: number }): Promise<{ ok: boolean; message?: string }> {
  const { stationId, connectorId } = connectorInput.parse(input);
  const driver = await requireDriver(`/c/${encodeURIComponent(stationId)}/${connectorId}`);
  try {
    await startCharging(getCommandDeps(), driver, { stationId, connectorId });
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function stopChargingAction(transactionId: number): Promise<{ ok: boolean; message?: string }> {
  const id = z.number().int().positive().parse(transactionId);
  const driver = await requireDriver();
  try {
    await stopCharging(getCommandDeps(), driver, id);
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  if (formData.get('confirm')?.toString().trim().toUpperCase() !== 'DELETE') {
    return { message: 'Type DELETE to confirm.', fieldErrors: { confirm: ['Type DELETE to confirm.'] } };
  }
  await anonymiseDriver(getDb(), driver);
  await signOutDriver();
  redirect('/driver/login?deleted=1');
}

/** "I lost this card": the driver blocks one of their own tags (only an operator unblocks it). */
export async function blockOwnIdTagAction(formData: FormData): Promise<void> {
  const driver = await requireDriver('/driver/account');
  await blockOwnIdTag(getDb(), driver, String(formData.get('idTag') ?? ''));
  revalidatePath('/driver/account');
}

/** "Add a card": the driver registers their own RFID card. */
export async function addOwnIdTagAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  const values = formValues(formData);
  const parsed = addOwnIdTagSchema.safeParse(values);
  if (!parsed.success) {
    return { message: 'Please correct the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors as FormState['fieldErrors'], values: { idTag: values.idTag ?? '' } };
  }
  try {
    const tag = await addOwnIdTag(getDb(), driver, parsed.data.idTag);
    revalidatePath('/driver/account');
    return { ok: true, message: `Card ${tag.idTag} added. You can charge with it now.` };
  } catch (error) {
    return asState(error, { idTag: parsed.data.idTag });
  }
}

/** The verification link's button: no sign-in needed, the link is the proof. */
export async function verifyEmailAction(formData: FormData): Promise<void> {
  const token = z.string().min(20).max(100).safeParse(formData.get('token')?.toString());
  try {
    if (!token.success) throw new AppError(400, 'invalid_request', 'This link is not valid.', 'token');
    await verifyDriverEmail(getDb(), token.data);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect(`/driver/verify/${encodeURIComponent(String(formData.get('token') ?? '').slice(0, 100))}?failed=1`);
  }
  redirect('/driver/account?verified=1');
}

/** "Send the link again" (account and connector pages): limited per account and per address. */
export async function resendVerificationAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  void _formData;
  const driver = await requireDriver('/driver/account');
  try {
    const link = await resendEmailVerification(getDb(), driver, { ip: await clientIp(), origin: publicOrigin(await headers()) });
    return { ok: true, message: link ? `A new link is on its way to ${driver.email}. It is valid for 24 hours.` : 'Your email address is confirmed already.' };
  } catch (error) {
    return asState(error);
  }
}
