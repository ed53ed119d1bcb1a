import { redirect } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { countUsers } from '@/lib/db/queries/users';
import { SetupForm } from './setup-form';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  if ((await countUsers(getDb())) > 0) redirect('/login');
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Welcome</CardTitle>
        <CardDescription>Create the first admin account. You can invite operators and viewers afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <SetupForm />
      </CardContent>
    </Card>
  );
}
