'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/actions/form-action';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * What a driver whose email is not confirmed sees on the account and connector pages, before
 * trying anything: why charging is held back, and "Send the link again" with its answer (a new
 * link, or when the limit lets them try again).
 */
export function EmailNotVerified({ email, resend }: { email: string | null; resend: Action }) {
  const [state, formAction, pending] = useActionState(resend, {});
  return (
    <Alert variant="info" title="Your email address is not confirmed yet" data-testid="email-not-verified">
      <p>Open the link we sent to {email ?? 'your email address'}. Until then you cannot start charging from your phone or add a card.</p>
      {state.message ? (
        <p className={state.ok ? 'mt-2' : 'mt-2 font-medium text-red-800 dark:text-red-300'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      <form action={formAction} className="mt-3">
        <Button type="submit" variant="outline" size="lg" className="w-full" disabled={pending}>
          {pending ? 'Sending…' : 'Send the link again'}
        </Button>
      </form>
    </Alert>
  );
}
