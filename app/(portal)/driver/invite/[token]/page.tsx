import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SetPasswordForm } from '@/components/driver-portal/sign-in-form';
import { getDb } from '@/lib/db/client';
import { findUsableDriverLinkToken } from '@/lib/db/queries/driver-accounts';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';
import { setDriverPasswordAction } from '../../actions';

export const metadata = { title: 'Set your password · Charge' };

/** Invitation and reset links land here (the reset page re-exports it): choose a password, signed in. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = token.length <= 100 ? await findUsableDriverLinkToken(getDb(), hashSecretToken(token), new Date()) : undefined;
  // An email-verification link never sets a password.
  const link = found?.purpose === 'verify' ? undefined : found;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{link?.purpose === 'reset' ? 'Choose a new password' : 'Welcome'}</CardTitle>
        {link ? <CardDescription>{`${link.name} · ${link.email}`}</CardDescription> : null}
      </CardHeader>
      <CardContent>
        {link ? (
          <SetPasswordForm action={setDriverPasswordAction} token={token} />
        ) : (
          <Alert variant="error">This link is expired or was used already. Ask your operator for a new invitation, or request a new reset link.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
