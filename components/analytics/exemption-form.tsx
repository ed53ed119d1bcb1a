'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Marks an outage exempt from uptime (operators). */
export function ExemptionForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" aria-label="Mark an exempt outage">
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-5 sm:items-end">
        <FormField id="exemption-stationId" name="stationId" label="Station" required defaultValue={state.values?.stationId} errors={errors.stationId} />
        <FormField id="exemption-connectorId" name="connectorId" label="Connector (empty: all)" type="number" min={1} defaultValue={state.values?.connectorId} errors={errors.connectorId} />
        <FormField id="exemption-startsAt" name="startsAt" label="From (UTC)" type="datetime-local" required defaultValue={state.values?.startsAt} errors={errors.startsAt} />
        <FormField id="exemption-endsAt" name="endsAt" label="Until (UTC)" type="datetime-local" required defaultValue={state.values?.endsAt} errors={errors.endsAt} />
        <FormField id="exemption-reason" name="reason" label="Reason" required defaultValue={state.values?.reason} errors={errors.reason} />
      </div>
      <Button type="submit" disabled={pending}>
        Mark exempt
      </Button>
    </form>
  );
}

export function DeleteExemptionButton({ id, action }: { id: string; action: Action }) {
  const [, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        Remove
      </Button>
    </form>
  );
}
