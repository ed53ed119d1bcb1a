'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** "Invite to the driver portal": shows the one-time link once, to copy and send to the driver. */
export function InviteDriverForm({ driverId, hasEmail, action }: { driverId: string; hasEmail: boolean; action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={driverId} />
      <FormMessage state={state} />
      {state.result?.link ? <Input readOnly aria-label="Invitation link" value={state.result.link} onFocus={(event) => event.currentTarget.select()} /> : null}
      <Button type="submit" variant="outline" disabled={pending || !hasEmail}>
        {hasEmail ? 'Create invitation link' : 'Add an email first'}
      </Button>
    </form>
  );
}
