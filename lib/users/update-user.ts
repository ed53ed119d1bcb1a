import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { getUserById, updateUser as updateUserRow, type PublicUser } from '../db/queries/users';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { AppError, conflict, notFound } from '../errors';
import type { UpdateUserInput } from './schemas';
import { auditView } from './create-user';

/**
 * Changes name, role or active flag. Refuses a change that would leave no active admin: the
 * other active admins are locked (FOR UPDATE) so two admins demoting each other cannot both pass.
 */
export async function updateUser(db: Db, actor: Actor, id: string, patch: UpdateUserInput): Promise<PublicUser> {
  try {
    return await applyUserUpdate(db, actor, id, patch);
  } catch (error) {
    // A refused change is audited too (outside the rolled-back transaction).
    if (error instanceof AppError && error.code === 'last_admin') {
      await recordAudit(db, actor, { action: 'user.update', targetType: 'user', targetId: id, after: patch, result: 'failure', detail: error.message });
    }
    throw error;
  }
}

function applyUserUpdate(db: Db, actor: Actor, id: string, patch: UpdateUserInput): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const before = await getUserById(tx, id);
    if (!before) throw notFound('User not found');
    const losesAdmin = before.role === 'admin' && before.active && (patch.role !== undefined && patch.role !== 'admin' || patch.active === false);
    if (losesAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)))
        .for('update');
      if (others.length === 0) {
        const field = patch.active === false ? 'active' : 'role';
        throw conflict('last_admin', 'This is the last active admin: make another user admin first', field);
      }
    }
    const after = (await updateUserRow(tx, id, patch))!;
    await recordAudit(tx, actor, { action: 'user.update', targetType: 'user', targetId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}
