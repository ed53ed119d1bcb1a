'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** "Mark reviewed" on a session the reconciliation flagged; the note is optional. */
export function MarkReviewedForm({ transactionId, action }: { transactionId: number; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3" aria-label="Review">
      <FormMessage state={state} />
      <input type="hidden" name="transactionId" value={transactionId} />
      <div className="space-y-1.5">
        <Label htmlFor="review-note">Note (optional)</Label>
        <Input id="review-note" name="note" maxLength={500} defaultValue={state.values?.note} aria-describedby="review-note-error" />
        <FieldError id="review-note-error" errors={state.fieldErrors?.note} />
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Mark reviewed
      </Button>
    </form>
  );
}
