'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { FormField } from '@/components/forms/form-field';
import { setupAction } from './actions';

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <Alert variant="error">{state.message}</Alert> : null}
      <FormField name="name" label="Your name" autoComplete="name" defaultValue={state.values?.name} errors={errors.name} required />
      <FormField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={errors.email} required />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" hint="At least 12 characters." errors={errors.password} required />
      <FormField name="confirmPassword" label="Repeat password" type="password" autoComplete="new-password" errors={errors.confirmPassword} required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating…' : 'Create admin account'}
      </Button>
    </form>
  );
}
