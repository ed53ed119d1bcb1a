'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function DeleteSiteButton({ site, action }: { site: { id: string; name: string }; action: Action }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3">
      {state.message && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <ConfirmDialog
        trigger={<Button variant="destructive">Delete site</Button>}
        title={`Delete ${site.name}?`}
        description="The site and its tariff assignments are removed; the audit log keeps a record."
        confirmLabel="Delete"
        variant="destructive"
        action={formAction}
      >
        <input type="hidden" name="id" value={site.id} />
      </ConfirmDialog>
    </div>
  );
}
