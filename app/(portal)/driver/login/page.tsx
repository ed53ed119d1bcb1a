import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DriverSignInForm } from '@/components/driver-portal/sign-in-form';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { safePortalPath } from '@/lib/driver-portal/safe-next';
import { isSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { getDb } from '@/lib/db/client';
import { driverSignInAction } from '../actions';

export const metadata = { title: 'Sign in · Charge' };

export default async function DriverLoginPage({ searchParams }: { searchParams: Promise<{ next?: string; deleted?: string }> }) {
  const { next, deleted } = await searchParams;
  if (await getSessionDriver()) redirect(safePortalPath(next));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in to charge</CardTitle>
        <CardDescription>Use the email your charging operator invited.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {deleted ? <Alert variant="success">Your account was deleted. Thank you for charging with us.</Alert> : null}
        <DriverSignInForm action={driverSignInAction} next={safePortalPath(next)} signUpOpen={await isSelfSignUpOpen(getDb())} />
      </CardContent>
    </Card>
  );
}
