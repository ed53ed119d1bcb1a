'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { formAction, type FormState } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { createInvoicePaymentLink, createTopUpPaymentLink } from '@/lib/payments/payment-links';
import { getPaymentProvider } from '@/lib/payments/payment-provider';

const NOT_CONFIGURED: FormState = { message: 'Card payment is not configured.' };
const created = (url: string): FormState => ({ ok: true, message: 'Payment link created: send it to the driver. It works for one hour.', result: { url } });

/** Admin: a card top-up link for a driver's wallet (audited as payment.link_create). */
export const createTopUpLinkAction = formAction('admin', z.object({ walletId: z.uuid(), amount: z.string() }), async (input, user) => {
  const provider = getPaymentProvider();
  if (!provider) return NOT_CONFIGURED;
  const link = await createTopUpPaymentLink(getDb(), provider, userActor(user), { ...input, origin: publicOrigin(await headers()) });
  return created(link.url);
});

/** Admin: a card payment link for what is owed on a driver's invoice (audited as payment.link_create). */
export const createInvoicePaymentLinkAction = formAction('admin', z.object({ invoiceId: z.uuid() }), async (input, user) => {
  const provider = getPaymentProvider();
  if (!provider) return NOT_CONFIGURED;
  const link = await createInvoicePaymentLink(getDb(), provider, userActor(user), { ...input, origin: publicOrigin(await headers()) });
  return created(link.url);
});
