'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { parseAmount } from '@/lib/wallets/parse-amount';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

const createWalletForm = z.object({
  driverId: z.uuid({ message: 'Choose a driver' }),
  currency: z.string().trim().toUpperCase().length(3, { message: 'must be a 3-letter ISO 4217 code' }),
  minBalance: z.string().trim(),
});

export const createWalletAction = formAction('admin', createWalletForm, async (input, user) => {
  const minBalance = input.minBalance === '' ? 1 : parseAmount(input.minBalance, input.currency);
  if (minBalance === undefined) return { message: 'Please correct the highlighted fields.', fieldErrors: { minBalance: ['must be a positive amount, e.g. 5.00'] } };
  const wallet = await createWallet(getDb(), userActor(user), { driverId: input.driverId, currency: input.currency, minBalance });
  revalidatePath('/billing/wallets');
  redirect(`/billing/wallets/${wallet.id}`);
});

const topUpForm = z.object({ walletId: z.uuid(), currency: z.string(), amount: z.string().trim(), note: z.string().trim().max(200).optional() });

/** Amounts are typed as decimals ("20.00") and parsed to minor units by string arithmetic. */
export const topUpWalletAction = formAction('admin', topUpForm, async (input, user) => {
  const amount = parseAmount(input.amount, input.currency);
  if (amount === undefined) return { message: 'Please correct the highlighted fields.', fieldErrors: { amount: ['must be a positive amount, e.g. 20.00'] } };
  await topUpWallet(getDb(), userActor(user), input.walletId, { amount, note: input.note || undefined });
  revalidatePath(`/billing/wallets/${input.walletId}`);
  revalidatePath('/billing/wallets');
  return { ok: true, message: 'Topped up.' };
});
