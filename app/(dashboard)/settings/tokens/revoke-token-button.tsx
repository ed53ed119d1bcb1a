'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { revokeTokenAction } from './actions';

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [, action] = useActionState(revokeTokenAction, {});
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="destructive">
          Revoke
        </Button>
      }
      title={`Revoke "${name}"?`}
      description="Clients using this token get 401 from now on. This cannot be undone."
      confirmLabel="Revoke"
      variant="destructive"
      action={action}
    >
      <input type="hidden" name="id" value={id} />
    </ConfirmDialog>
  );
}
