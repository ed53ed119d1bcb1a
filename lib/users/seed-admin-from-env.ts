import type { Db } from '../db/client';
import { countUsers } from '../db/queries/users';
import { createFirstAdmin } from './create-first-admin';

/** ADMIN_EMAIL + ADMIN_PASSWORD create the first admin without a browser; ignored once any user exists. */
export async function seedAdminFromEnv(db: Db, env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string }): Promise<string | null> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null;
  if ((await countUsers(db)) > 0) return null;
  const admin = await createFirstAdmin(db, { email: env.ADMIN_EMAIL, name: env.ADMIN_EMAIL.split('@')[0] ?? 'Admin', password: env.ADMIN_PASSWORD });
  return admin.email;
}
