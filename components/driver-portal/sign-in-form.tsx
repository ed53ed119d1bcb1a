'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import type { FormState } from '@/lib/actions/form-action';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function DriverSignInForm({ action, next, signUpOpen }: { action: Action; next: string; signUpOpen: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={state.fieldErrors?.email} required />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" errors={state.fieldErrors?.password} required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm">
        <Link href="/driver/reset" className="underline underline-offset-4">
          Forgot your password?
        </Link>
      </p>
      {signUpOpen ? (
        <p className="text-center text-sm">
          New here?{' '}
          <Link href={`/driver/signup?next=${encodeURIComponent(next)}`} className="underline underline-offset-4">
            Create an account
          </Link>
        </p>
      ) : null}
    </form>
  );
}

export function DriverSignUpForm({ action, next }: { action: Action; next: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField name="name" label="Name" autoComplete="name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} required />
      <FormField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={state.fieldErrors?.email} required />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} errors={state.fieldErrors?.password} required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm">
        Already have an account?{' '}
        <Link href={`/driver/login?next=${encodeURIComponent(next)}`} className="underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}

export function SetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} errors={state.fieldErrors?.password} required />
      <FormField name="confirm" label="Repeat the password" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirm} required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set password and sign in'}
      </Button>
    </form>
  );
}

export function RequestResetForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <FormField name="email" label="Email" type="email" autoComplete="username" errors={state.fieldErrors?.email} required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        Send me a reset link
      </Button>
    </form>
  );
}
