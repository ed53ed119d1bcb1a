'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/actions/form-action';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function LocalListForms({ stationId, actions }: { stationId: string; actions: { send: Action; check: Action } }) {
  const [sent, send, sending] = useActionState(actions.send, {});
  const [checked, check, checking] = useActionState(actions.check, {});
  return (
    <div className="space-y-3">
      <FormMessage state={sent} />
      <FormMessage state={checked} />
      <div className="flex flex-wrap gap-2">
        <form action={send} className="flex flex-wrap gap-2">
          <input type="hidden" name="stationId" value={stationId} />
          <Button type="submit" name="updateType" value="Differential" disabled={sending}>
            Send changes
          </Button>
          <Button type="submit" name="updateType" value="Full" variant="outline" disabled={sending}>
            Send full list
          </Button>
        </form>
        <form action={check}>
          <input type="hidden" name="stationId" value={stationId} />
          <Button type="submit" variant="outline" disabled={checking}>
            Check version
          </Button>
        </form>
      </div>
    </div>
  );
}
