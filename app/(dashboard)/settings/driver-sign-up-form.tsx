'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import { updateDriverSignUpAction } from './actions';

export function DriverSignUpSettingForm({ open, readOnly }: { open: boolean; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateDriverSignUpAction, {});
  return (
    <form action={action} className="max-w-xl space-y-4" aria-label="Driver portal">
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" name="selfSignUp" defaultChecked={open} disabled={readOnly} className="size-5" />
        Drivers may sign up on their own at /driver/signup
      </label>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      )}
    </form>
  );
}
