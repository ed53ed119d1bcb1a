import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { findUsableDriverLinkToken } from '@/lib/db/queries/driver-accounts';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';
import { verifyEmailAction } from '../../actions';

export const metadata = { title: 'Confirm your email · Charge' };

/** The link sent after self sign-up. A button, not the GET itself, spends it (mail scanners open links). */
export default async function VerifyEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ failed?: string }> }) {
  const [{ token }, { failed }] = await Promise.all([params, searchParams]);
  const link = token.length <= 100 ? await findUsableDriverLinkToken(getDb(), hashSecretToken(token), new Date()) : undefined;
  const usable = link?.purpose === 'verify' && !failed;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Confirm your email</CardTitle>
        {usable ? <CardDescription>{`${link.name} · ${link.email}`}</CardDescription> : null}
      </CardHeader>
      <CardContent>
        {usable ? (
          <form action={verifyEmailAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" size="lg" className="w-full">
              Confirm my email
            </Button>
          </form>
        ) : (
          <Alert variant="error">This link is expired or was used already. Sign in and send a new one from your account page.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
