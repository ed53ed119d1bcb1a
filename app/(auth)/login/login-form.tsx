'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { FormField } from '@/components/forms/form-field';

const messages: Record<string, string> = {
  CredentialsSignin: 'Invalid email or password.',
  rate_limited: 'Too many failed sign-in attempts. Wait 15 minutes and try again.',
};

export function LoginForm({ setupDone, callbackUrl }: { setupDone: boolean; callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(messages[result?.error ?? ''] ?? messages.CredentialsSignin!);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {setupDone && !error ? <Alert variant="success">Admin account created. Sign in with it.</Alert> : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      <FormField name="email" label="Email" type="email" autoComplete="username" required />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
