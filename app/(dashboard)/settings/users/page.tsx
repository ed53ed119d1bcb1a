import { PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, THead, Th, Tr } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listUsers } from '@/lib/db/queries/users';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';

export default async function UsersPage() {
  const me = await requireRole('admin');
  const users = await listUsers(getDb());
  return (
    <>
      <PageHeader title="Users" description="Admins manage everything; operators run stations; viewers only look." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Add a user</CardTitle>
            <CardDescription>Give the person their email and the initial password; they sign in at /login.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateUserForm />
          </CardContent>
        </Card>
        <Table aria-label="Users">
          <THead>
            <Tr>
              <Th>User</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={{ ...user, lastLoginAt: user.lastLoginAt?.toISOString() ?? null }}
                isSelf={user.id === me.id}
              />
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
