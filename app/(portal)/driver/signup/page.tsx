import { redirect } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DriverSignUpForm } from '@/components/driver-portal/sign-in-form';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { safePortalPath } from '@/lib/driver-portal/safe-next';
import { isSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { getDb } from '@/lib/db/client';
import { Alert } from '@/components/ui/alert';
import { driverSignUpAction } from '../actions';

export const metadata = { title: 'Create an account · Charge' };

export default async function DriverSignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getSessionDriver()) redirect(safePortalPath(next));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create an account</CardTitle>
        <CardDescription>Charge from your phone: you get an app tag at once, and can add your own cards later.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {(await isSelfSignUpOpen(getDb())) ? (
          <DriverSignUpForm action={driverSignUpAction} next={safePortalPath(next)} />
        ) : (
          <Alert variant="error">Sign-up is closed here. Ask the charging operator for an invitation.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
