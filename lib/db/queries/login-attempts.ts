import { and, count, eq, gt, gte, lt, min } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

export async function insertLoginAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

export async function countFailedLogins(db: Db, by: { email: string } | { ip: string }, since: Date): Promise<number> {
  const who = 'email' in by ? eq(loginAttempts.email, by.email) : eq(loginAttempts.ip, by.ip);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** Every attempt under this key after `since`, failed or not: how many, and when the first of them was. */
export async function countAttemptsSince(db: Db, by: { email: string } | { ip: string }, since: Date): Promise<{ count: number; first: Date | null }> {
  const who = 'email' in by ? eq(loginAttempts.email, by.email) : eq(loginAttempts.ip, by.ip);
  const [row] = await db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(who, gt(loginAttempts.at, since)));
  return { count: row?.n ?? 0, first: row?.first ?? null };
}

export async function deleteLoginAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}
