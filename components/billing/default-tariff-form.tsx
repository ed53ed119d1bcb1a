'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function DefaultTariffForm({ tariffs, currentId, action }: { tariffs: { id: string; name: string }[]; currentId: string | null; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      {state.message ? <Alert className="w-full" variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      <input type="hidden" name="currentDefaultId" value={currentId ?? ''} />
      <div className="min-w-60 space-y-1.5">
        <Label htmlFor="default-tariff">Default tariff</Label>
        <NativeSelect id="default-tariff" name="tariffId" defaultValue={currentId ?? ''} key={currentId ?? 'none'}>
          <option value="">None: unassigned stations are not priced</option>
          {tariffs.map((tariff) => (
            <option key={tariff.id} value={tariff.id}>
              {tariff.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Save default
      </Button>
    </form>
  );
}
