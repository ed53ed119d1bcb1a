'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function CreditNoteForm({ invoiceId, action }: { invoiceId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <div className="space-y-1.5">
        <Label htmlFor="credit-reason">Reason</Label>
        <Input id="credit-reason" name="reason" required maxLength={500} aria-describedby="credit-reason-error" />
        <FieldError id="credit-reason-error" errors={state.fieldErrors?.reason} />
      </div>
      <Button type="submit" variant="destructive" disabled={pending} className="justify-self-start">
        Issue credit note
      </Button>
    </form>
  );
}
