'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

/** One on/off setting saved by its server action: a checkbox named `name`, and Save for admins. */
export function SettingSwitchForm(props: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  formLabel: string;
  name: string;
  label: string;
  checked: boolean;
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  return (
    <form action={action} className="max-w-xl space-y-4" aria-label={props.formLabel}>
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" name={props.name} defaultChecked={props.checked} disabled={props.readOnly} className="size-5" />
        {props.label}
      </label>
      {props.readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      )}
    </form>
  );
}
