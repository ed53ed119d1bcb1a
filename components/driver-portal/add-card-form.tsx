'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** "Add a card": the number printed on (or read from) the RFID card. */
export function AddCardForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" aria-label="Add a card" noValidate>
      <FormMessage state={state} />
      <FormField
        name="idTag"
        label="Card number"
        autoComplete="off"
        hint="Up to 20 letters and digits, as printed on the card."
        defaultValue={state.ok ? '' : state.values?.idTag}
        key={state.ok ? state.message : 'entry'}
        errors={state.fieldErrors?.idTag}
        required
      />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Adding…' : 'Add card'}
      </Button>
    </form>
  );
}
