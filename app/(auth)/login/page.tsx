import { redirect } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { countUsers } from '@/lib/db/queries/users';
import { getSessionUser } from '@/lib/auth/session';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ setup?: string; callbackUrl?: string }> }) {
  if ((await countUsers(getDb())) === 0) redirect('/setup');
  if (await getSessionUser()) redirect('/');
  const { setup, callbackUrl } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>Charging management system</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm setupDone={setup === '1'} callbackUrl={callbackUrl?.startsWith('/') ? callbackUrl : '/'} />
      </CardContent>
    </Card>
  );
}
