'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/forms/form-field';
import { createUserAction } from './actions';
import { FormMessage } from '@/components/forms/form-message';

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <FormMessage state={state} className="sm:col-span-2" />
      <FormField name="name" label="Name" defaultValue={values.name} errors={errors.name} required />
      <FormField name="email" label="Email" type="email" defaultValue={values.email} errors={errors.email} required />
      <FormField name="password" label="Initial password" type="password" autoComplete="new-password" hint="At least 12 characters." errors={errors.password} required />
      <div className="space-y-1.5">
        <Label htmlFor="field-role">Role</Label>
        <NativeSelect id="field-role" name="role" defaultValue={values.role ?? 'operator'} aria-describedby="field-role-error">
          <option value="viewer">Viewer</option>
          <option value="operator">Operator</option>
          <option value="admin">Admin</option>
        </NativeSelect>
        <FieldError id="field-role-error" errors={errors.role} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </Button>
      </div>
    </form>
  );
}
