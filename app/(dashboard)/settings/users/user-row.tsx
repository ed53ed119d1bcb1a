'use client';

import { useActionState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { NativeSelect } from '@/components/ui/native-select';
import { Td, Tr } from '@/components/ui/table';
import type { Role } from '@/lib/db/schema';
import { changeRoleAction, setActiveAction } from './actions';

interface RowUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
}

export function UserRow({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, {});
  const [activeState, activeAction] = useActionState(setActiveAction, {});
  const failure = [roleState, activeState].find((state) => state.message && !state.ok)?.message;
  return (
    <Tr>
      <Td>
        <div className="font-medium">
          {user.name} {isSelf ? <span className="text-muted-foreground">(you)</span> : null}
        </div>
        <div className="text-sm text-muted-foreground">{user.email}</div>
        {failure ? (
          <p role="alert" className="mt-1 text-sm text-danger">
            {failure}
          </p>
        ) : null}
      </Td>
      <Td>
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="id" value={user.id} />
          <NativeSelect name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="w-32">
            <option value="viewer">Viewer</option>
            <option value="operator">Operator</option>
            <option value="admin">Admin</option>
          </NativeSelect>
          <Button type="submit" size="sm" variant="outline" disabled={rolePending}>
            Save
          </Button>
        </form>
      </Td>
      <Td>{user.active ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Deactivated</Badge>}</Td>
      <Td className="text-sm text-muted-foreground">{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : 'Never'}</Td>
      <Td>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant={user.active ? 'destructive' : 'secondary'}>
              {user.active ? 'Deactivate' : 'Reactivate'}
            </Button>
          }
          title={user.active ? `Deactivate ${user.email}?` : `Reactivate ${user.email}?`}
          description={user.active ? 'They are signed out and can no longer sign in. Their history stays.' : 'They can sign in again with their password.'}
          confirmLabel={user.active ? 'Deactivate' : 'Reactivate'}
          variant={user.active ? 'destructive' : 'default'}
          action={activeAction}
        >
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        </ConfirmDialog>
      </Td>
    </Tr>
  );
}
