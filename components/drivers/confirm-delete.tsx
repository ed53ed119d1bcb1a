'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A delete button that asks first; `fields` become hidden inputs of the confirming form. */
export function ConfirmDelete({ label, title, description, fields, action }: { label: string; title: string; description: string; fields: Record<string, string>; action: Action }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3">
      {state.message && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <ConfirmDialog trigger={<Button variant="destructive">{label}</Button>} title={title} description={description} confirmLabel="Delete" variant="destructive" action={formAction}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </ConfirmDialog>
    </div>
  );
}
