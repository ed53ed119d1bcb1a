import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { RequestResetForm } from '@/components/driver-portal/sign-in-form';
import { requestResetAction } from '../actions';

export const metadata = { title: 'Reset password · Charge' };

export default function RequestResetPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Forgot your password?</CardTitle>
        <CardDescription>We send a one-time link, valid for one hour.</CardDescription>
      </CardHeader>
      <CardContent>
        <RequestResetForm action={requestResetAction} />
      </CardContent>
    </Card>
  );
}
