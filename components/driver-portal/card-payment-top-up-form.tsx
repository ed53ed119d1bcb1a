'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** "Top up by card": an amount, then the provider's hosted card page (Stripe Checkout). */
export function CardPaymentTopUpForm({ action, hint }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; hint: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" aria-label="Top up by card" noValidate>
      <FormMessage state={state} />
      <FormField name="amount" label="Top-up amount" inputMode="decimal" autoComplete="off" hint={hint} defaultValue={state.values?.amount} errors={state.fieldErrors?.amount} required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Opening the card page…' : 'Top up by card'}
      </Button>
    </form>
  );
}
