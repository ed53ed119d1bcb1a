import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { getUserById } from '../db/queries/users';
import type { Role } from '../db/schema';
import { getAuthOptions } from './next-auth-options';
import { roleAllows, type Actor } from './roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in operator, re-read from the database on every request: a role change or a
 * deactivation takes effect at once, not when the session cookie expires.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await getUserById(getDb(), session.userId);
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages and server actions: redirects to /login when signed out. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages and server actions: 403 (app/forbidden.tsx) when the role is too low. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!roleAllows(user.role, role)) forbidden();
  return user;
}

export function userActor(user: SessionUser): Actor {
  return { type: 'user', id: user.id, label: user.email, role: user.role };
}
