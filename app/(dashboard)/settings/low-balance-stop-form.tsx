'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import { updateLowBalanceStopAction } from './actions';

export function LowBalanceStopForm({ on, readOnly }: { on: boolean; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateLowBalanceStopAction, {});
  return (
    <form action={action} className="max-w-xl space-y-4" aria-label="Prepaid wallets">
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" name="lowBalanceStop" defaultChecked={on} disabled={readOnly} className="size-5" />
        Stop sessions when the wallet balance would go negative
      </label>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      )}
    </form>
  );
}
