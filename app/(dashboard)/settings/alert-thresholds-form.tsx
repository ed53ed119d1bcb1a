'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import type { AlertThresholdSettings } from '@/lib/settings/schemas';
import { updateAlertThresholdsAction } from './actions';

const fields: { name: keyof AlertThresholdSettings; label: string; hint: string }[] = [
  { name: 'offlineAfterMinutes', label: 'Station offline after (minutes)', hint: 'A station silent for longer raises "station offline".' },
  { name: 'stuckNoMeterValuesMinutes', label: 'No meter values for (minutes)', hint: 'A running session without samples for longer looks stuck.' },
  { name: 'stuckZeroPowerMinutes', label: '0 W while Charging for (minutes)', hint: 'A Charging connector drawing nothing for longer looks stuck.' },
  { name: 'maxSessionHours', label: 'Longest session (hours)', hint: 'A session open for longer looks stuck.' },
];

export function AlertThresholdsForm({ thresholds, readOnly }: { thresholds: AlertThresholdSettings; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateAlertThresholdsAction, {});
  return (
    <form action={action} className="max-w-xl space-y-4" aria-label="Alert thresholds">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => (
          <FormField
            key={field.name}
            name={field.name}
            label={field.label}
            hint={field.hint}
            type="number"
            min={field.name === 'offlineAfterMinutes' ? 0 : 1}
            step="any"
            required
            disabled={readOnly}
            defaultValue={state.values?.[field.name] ?? String(thresholds[field.name])}
            errors={state.fieldErrors?.[field.name]}
          />
        ))}
      </div>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save thresholds'}
        </Button>
      )}
    </form>
  );
}
