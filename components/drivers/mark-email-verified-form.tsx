'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** Admins only: vouch for the driver's email without the driver opening a link (audited). */
export function MarkEmailVerifiedForm({ driverId, action }: { driverId: string; action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label="Email verification">
      <input type="hidden" name="id" value={driverId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        Mark email verified
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
