'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function ReserveForm({ stationId, action }: { stationId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" aria-label="Reserve a connector">
      <FormMessage state={state} />
      <input type="hidden" name="stationId" value={stationId} />
      <div className="grid gap-3 sm:grid-cols-4 sm:items-start">
        <FormField name="connectorId" label="Connector" inputMode="numeric" defaultValue={state.values?.connectorId ?? '1'} errors={state.fieldErrors?.connectorId} />
        <FormField name="idTag" label="For tag" defaultValue={state.values?.idTag} errors={state.fieldErrors?.idTag} />
        <FormField name="minutes" label="Minutes" inputMode="numeric" defaultValue={state.values?.minutes ?? '30'} errors={state.fieldErrors?.minutes} />
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {pending ? 'Reserving…' : 'Reserve'}
        </Button>
      </div>
    </form>
  );
}

export function CancelReservationButton({ stationId, id, action }: { stationId: string; id: number; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="stationId" value={stationId} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Cancel
      </Button>
      {state.message && !state.ok ? <span className="text-xs text-destructive">{state.message}</span> : null}
    </form>
  );
}
