'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

export function DeleteAccountForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <FormField name="confirm" label="Type DELETE to confirm" autoComplete="off" errors={state.fieldErrors?.confirm} />
      <Button type="submit" variant="destructive" size="lg" className="w-full" disabled={pending}>
        Delete my account
      </Button>
    </form>
  );
}
