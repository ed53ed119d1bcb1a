import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users, type Role, type User } from '../schema';

export type PublicUser = Omit<User, 'passwordHash'>;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastLoginAt: users.lastLoginAt,
};

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function getUserById(db: Db, id: string): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row;
}

export function listUsers(db: Db): Promise<PublicUser[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.email));
}

export async function insertUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string; role: Role },
): Promise<PublicUser> {
  const [row] = await db.insert(users).values({ ...input, email: input.email.trim().toLowerCase() }).returning(publicColumns);
  return row!;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<User, 'name' | 'role' | 'active' | 'passwordHash'>>,
): Promise<PublicUser | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(publicColumns);
  return row;
}

/** Active admins other than `exceptId`: a change that would leave none is refused. */
export async function countOtherActiveAdmins(db: Db, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

export async function recordLogin(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}
