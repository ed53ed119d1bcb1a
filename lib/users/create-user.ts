import type { Db } from '../db/client';
import { getUserByEmail, insertUser, type PublicUser } from '../db/queries/users';
import { hashPassword } from '../auth/password';
import { assertPasswordPolicy } from '../auth/password-policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import type { CreateUserInput } from './schemas';

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<PublicUser> {
  assertPasswordPolicy(input.password);
  if (await getUserByEmail(db, input.email)) {
    throw conflict('email_taken', 'A user with this email already exists', 'email');
  }
  const user = await insertUser(db, { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) });
  await recordAudit(db, actor, { action: 'user.create', targetType: 'user', targetId: user.id, after: auditView(user) });
  return user;
}

export function auditView(user: PublicUser) {
  return { email: user.email, name: user.name, role: user.role, active: user.active };
}
