'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** "Pay by card" for one invoice: what is still owed, on the provider's hosted card page. */
export function CardPaymentInvoiceForm({ action, invoiceId, label }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; invoiceId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2" aria-label={label}>
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <Button type="submit" variant="outline" size="lg" className="w-full" disabled={pending} aria-label={label}>
        {pending ? 'Opening the card page…' : 'Pay by card'}
      </Button>
    </form>
  );
}
