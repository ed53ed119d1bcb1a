import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { driverAccounts, driverLinkTokens, driverSessions, drivers, type Driver, type DriverAccount, type DriverTokenPurpose } from '../schema';

export async function getDriverAccount(db: Db, driverId: string): Promise<DriverAccount | undefined> {
  const [row] = await db.select().from(driverAccounts).where(eq(driverAccounts.driverId, driverId));
  return row;
}

/** The active, not anonymised driver with this email, and their portal account if invited. */
export async function getDriverWithAccountByEmail(db: Db, email: string): Promise<{ driver: Driver; account: DriverAccount | null } | undefined> {
  const [row] = await db
    .select({ driver: drivers, account: driverAccounts })
    .from(drivers)
    .leftJoin(driverAccounts, eq(driverAccounts.driverId, drivers.id))
    .where(and(sql`lower(${drivers.email}) = lower(${email})`, isNull(drivers.anonymisedAt)));
  return row;
}

export async function ensureDriverAccount(db: Db, driverId: string): Promise<void> {
  await db.insert(driverAccounts).values({ driverId }).onConflictDoNothing();
}

export async function setDriverPasswordHash(db: Db, driverId: string, passwordHash: string): Promise<void> {
  await db.insert(driverAccounts).values({ driverId, passwordHash }).onConflictDoUpdate({ target: driverAccounts.driverId, set: { passwordHash } });
}

export async function recordDriverLogin(db: Db, driverId: string, at: Date): Promise<void> {
  await db.update(driverAccounts).set({ lastLoginAt: at }).where(eq(driverAccounts.driverId, driverId));
}

export async function insertDriverLinkToken(db: Db, row: { driverId: string; purpose: DriverTokenPurpose; tokenHash: string; expiresAt: Date; createdAt: Date }): Promise<void> {
  await db.insert(driverLinkTokens).values(row);
}

/**
 * Marks an unused, unexpired link token of one of these purposes used and returns it: at most one
 * caller wins (one UPDATE).
 */
export async function consumeDriverLinkToken(db: Db, tokenHash: string, now: Date, purposes: readonly DriverTokenPurpose[]) {
  const [row] = await db
    .update(driverLinkTokens)
    .set({ usedAt: now })
    .where(and(eq(driverLinkTokens.tokenHash, tokenHash), isNull(driverLinkTokens.usedAt), gt(driverLinkTokens.expiresAt, now), inArray(driverLinkTokens.purpose, [...purposes])))
    .returning();
  return row;
}

/** Keeps the first verification time. */
export async function markDriverEmailVerified(db: Db, driverId: string, at: Date): Promise<void> {
  await db
    .update(driverAccounts)
    .set({ emailVerifiedAt: sql`coalesce(${driverAccounts.emailVerifiedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(driverAccounts.driverId, driverId));
}

/** The email changed: the old proof no longer holds. */
export async function clearDriverEmailVerified(db: Db, driverId: string): Promise<void> {
  await db.update(driverAccounts).set({ emailVerifiedAt: null }).where(eq(driverAccounts.driverId, driverId));
}

/** Spends every unused link of the driver (they went to an address that is no longer theirs). */
export async function spendDriverLinkTokens(db: Db, driverId: string, at: Date): Promise<void> {
  await db.update(driverLinkTokens).set({ usedAt: at }).where(and(eq(driverLinkTokens.driverId, driverId), isNull(driverLinkTokens.usedAt)));
}

export async function findUsableDriverLinkToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ purpose: driverLinkTokens.purpose, driverId: driverLinkTokens.driverId, email: drivers.email, name: drivers.name })
    .from(driverLinkTokens)
    .innerJoin(drivers, eq(drivers.id, driverLinkTokens.driverId))
    .where(and(eq(driverLinkTokens.tokenHash, tokenHash), isNull(driverLinkTokens.usedAt), gt(driverLinkTokens.expiresAt, now), isNull(drivers.anonymisedAt)));
  return row;
}

export async function insertDriverSession(db: Db, row: { driverId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insert(driverSessions).values(row);
}

/** The driver behind a session cookie: active, not anonymised, session not expired. */
export async function getDriverBySessionHash(db: Db, tokenHash: string, now: Date): Promise<Driver | undefined> {
  const [row] = await db
    .select({ driver: drivers })
    .from(driverSessions)
    .innerJoin(drivers, eq(drivers.id, driverSessions.driverId))
    .where(and(eq(driverSessions.tokenHash, tokenHash), gt(driverSessions.expiresAt, now), eq(drivers.status, 'active'), isNull(drivers.anonymisedAt)));
  return row?.driver;
}

export async function deleteDriverSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(driverSessions).where(eq(driverSessions.tokenHash, tokenHash));
}

/** Signs the driver out everywhere (password reset, account deletion), optionally keeping one session. */
export async function deleteDriverSessions(db: Db, driverId: string, exceptHash?: string): Promise<void> {
  await db.delete(driverSessions).where(and(eq(driverSessions.driverId, driverId), exceptHash ? ne(driverSessions.tokenHash, exceptHash) : undefined));
}

export async function deleteDriverPortalData(db: Db, driverId: string): Promise<void> {
  await db.delete(driverSessions).where(eq(driverSessions.driverId, driverId));
  await db.delete(driverLinkTokens).where(eq(driverLinkTokens.driverId, driverId));
  await db.delete(driverAccounts).where(eq(driverAccounts.driverId, driverId));
}
