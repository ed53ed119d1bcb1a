'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/forms/form-field';
import { createTokenAction } from './actions';
import { FormMessage } from '@/components/forms/form-message';

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state.result?.token ? (
        <div className="space-y-1.5">
          <Label htmlFor="new-token">New token</Label>
          <Input id="new-token" readOnly value={state.result.token} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      <form action={action} className="grid gap-4 sm:grid-cols-3" noValidate>
        <FormField name="name" label="Name" defaultValue={values.name} errors={errors.name} placeholder="e.g. billing export" required />
        <div className="space-y-1.5">
          <Label htmlFor="field-token-role">Role</Label>
          <NativeSelect id="field-token-role" name="role" defaultValue={values.role ?? 'viewer'} aria-describedby="field-token-role-error">
            <option value="viewer">Viewer</option>
            <option value="operator">Operator</option>
            <option value="admin">Admin</option>
          </NativeSelect>
          <FieldError id="field-token-role-error" errors={errors.role} />
        </div>
        <FormField name="expiresAt" label="Expires (optional)" type="date" defaultValue={values.expiresAt} errors={errors.expiresAt} />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </Button>
        </div>
      </form>
    </div>
  );
}
