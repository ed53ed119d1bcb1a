'use client';

import { useActionState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { handleAlertAction } from '@/app/(dashboard)/alerts/actions';

export function AlertActions({ id, acknowledged }: { id: number; acknowledged: boolean }) {
  const queryClient = useQueryClient();
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof handleAlertAction>>, formData: FormData) => {
    const result = await handleAlertAction(previous, formData);
    void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    return result;
  }, {});
  return (
    <form action={action} className="flex flex-wrap gap-2">
      <input type="hidden" name="id" value={id} />
      {acknowledged ? null : (
        <Button type="submit" name="action" value="acknowledge" size="sm" variant="outline" disabled={pending}>
          Acknowledge
        </Button>
      )}
      <Button type="submit" name="action" value="resolve" size="sm" variant="secondary" disabled={pending}>
        Resolve
      </Button>
      {state.message && !state.ok ? <span role="alert" className="text-sm text-danger">{state.message}</span> : null}
    </form>
  );
}
