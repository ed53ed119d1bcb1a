'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { FieldError } from '@/components/ui/field-error';
import type { Settings } from '@/lib/settings/schemas';
import { updateSettingsAction } from './actions';
import { FormMessage } from '@/components/forms/form-message';

const policies = [
  { value: 'accept', label: 'Accept: register the station and let it charge' },
  { value: 'pending', label: 'Pending: register it; an admin must accept it first' },
  { value: 'reject', label: 'Reject: refuse the connection' },
];

export function SettingsForm({ settings, readOnly }: { settings: Settings; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateSettingsAction, {});
  return (
    <form action={action} className="max-w-xl space-y-4">
      <FormMessage state={state} />
      <div className="space-y-1.5">
        <Label htmlFor="unknownStations">Unknown stations</Label>
        <NativeSelect id="unknownStations" name="unknownStations" defaultValue={settings.unknownStations} disabled={readOnly} aria-describedby="unknownStations-error">
          {policies.map((policy) => (
            <option key={policy.value} value={policy.value}>
              {policy.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="unknownStations-error" errors={state.fieldErrors?.unknownStations} />
      </div>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      )}
    </form>
  );
}
