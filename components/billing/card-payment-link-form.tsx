'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Creates a card payment link (Stripe Checkout) and shows it to copy; with `currency`, for an amount to top up. */
export function CardPaymentLinkForm({ action, hidden, currency }: { action: Action; hidden: Record<string, string>; currency?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3" aria-label="Card payment link">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {currency ? (
        <div className="max-w-xs space-y-1.5">
          <Label htmlFor="link-amount">Card top-up amount ({currency})</Label>
          <Input id="link-amount" name="amount" inputMode="decimal" placeholder="20.00" defaultValue={state.values?.amount} aria-describedby="link-amount-error" />
          <FieldError id="link-amount-error" errors={state.fieldErrors?.amount} />
        </div>
      ) : null}
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
        Create card payment link
      </Button>
      {state.result?.url ? (
        <div className="space-y-1.5">
          <Label htmlFor="card-payment-link">Payment link</Label>
          <Input id="card-payment-link" readOnly value={state.result.url} onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
