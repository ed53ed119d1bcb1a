'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/actions/form-action';
import { getDb } from '@/lib/db/client';
import { startDriverCardTopUp, startDriverInvoiceCheckout } from '@/lib/driver-portal/driver-card-payments';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { AppError } from '@/lib/errors';
import { driverReturnUrls } from '@/lib/payments/checkout';
import { getPaymentProvider } from '@/lib/payments/payment-provider';

const NOT_CONFIGURED: FormState = { message: 'Card payment is not configured.' };

/** Runs a checkout start and sends the browser to the provider's hosted page; errors come back to the form. */
async function toCheckout(start: () => Promise<{ url: string }>, values: Record<string, string>): Promise<FormState> {
  let url: string;
  try {
    url = (await start()).url;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
  }
  redirect(url);
}

/** "Top up by card": the driver's own wallet only (found from the signed-in driver, never from the form). */
export async function startCardTopUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  const provider = getPaymentProvider();
  if (!provider) return NOT_CONFIGURED;
  const amount = String(formData.get('amount') ?? '');
  const returnUrls = driverReturnUrls(publicOrigin(await headers()));
  return toCheckout(() => startDriverCardTopUp(getDb(), provider, driver.id, amount, returnUrls), { amount });
}

/** "Pay by card" on an invoice: only the driver's own, for what is still owed. */
export async function payInvoiceByCardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  const provider = getPaymentProvider();
  if (!provider) return NOT_CONFIGURED;
  const invoiceId = String(formData.get('invoiceId') ?? '');
  const returnUrls = driverReturnUrls(publicOrigin(await headers()));
  return toCheckout(() => startDriverInvoiceCheckout(getDb(), provider, driver.id, invoiceId, returnUrls), {});
}
