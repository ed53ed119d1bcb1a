'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { REVIEW_NOTE_MAX, reviewTransaction } from '@/lib/transactions/mark-transaction-reviewed';

const schema = z.object({
  transactionId: z.coerce.number().int().min(1),
  note: z.string().max(REVIEW_NOTE_MAX, { message: `at most ${REVIEW_NOTE_MAX} characters` }).optional(),
});

/** Operator: clears the "Needs review" flag of a reconciled session, with an optional note (audited). */
export const markReviewedAction = formAction('operator', schema, async ({ transactionId, note }, user) => {
  await reviewTransaction(getDb(), userActor(user), transactionId, note);
  revalidatePath(`/sessions/${transactionId}`);
  revalidatePath('/sessions');
  return { ok: true, message: 'Marked as reviewed.' };
});
