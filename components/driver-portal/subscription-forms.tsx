'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/actions/form-action';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One button per plan; the outcome (or why not) shows above it. */
export function SubscribeButton({ planId, planName, disabled, action }: { planId: string; planName: string; disabled?: boolean; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <Button type="submit" size="lg" className="w-full" disabled={pending || disabled} aria-label={`Subscribe to ${planName}`}>
        {pending ? 'Subscribing…' : 'Subscribe'}
      </Button>
    </form>
  );
}

/** Stays mounted once cancelled (the page re-renders with the new status), so its message stays too. */
export function CancelSubscriptionButton({ subscriptionId, endsOn, action }: { subscriptionId: string; endsOn: string | null; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      {endsOn ? (
        <p className="text-muted-foreground">Cancelled: ends {endsOn}.</p>
      ) : (
        <Button type="submit" variant="outline" size="lg" className="w-full" disabled={pending}>
          {pending ? 'Cancelling…' : 'Cancel at the end of this period'}
        </Button>
      )}
    </form>
  );
}
