import { and, asc, count, eq, gt, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { connectors, drivers, idTags, stations, type Driver, type DriverStatus, type NewDriver } from '../schema';

export type DriverFields = Omit<NewDriver, 'id' | 'createdAt' | 'updatedAt'>;

export async function getDriverById(db: Db, id: string): Promise<Driver | undefined> {
  const [row] = await db.select().from(drivers).where(eq(drivers.id, id));
  return row;
}

export async function getDriverByEmail(db: Db, email: string): Promise<Driver | undefined> {
  const [row] = await db.select().from(drivers).where(sql`lower(${drivers.email}) = lower(${email})`);
  return row;
}

/** Drivers by id or by (lower-cased) email, for the CSV import. */
export async function findDrivers(db: Db, keys: { ids: string[]; emails: string[] }): Promise<Driver[]> {
  if (keys.ids.length === 0 && keys.emails.length === 0) return [];
  return db
    .select()
    .from(drivers)
    .where(
      or(
        keys.ids.length > 0 ? inArray(drivers.id, keys.ids) : undefined,
        keys.emails.length > 0 ? inArray(sql`lower(${drivers.email})`, keys.emails.map((email) => email.toLowerCase())) : undefined,
      ),
    );
}

export async function insertDriver(db: Db, fields: DriverFields, now: Date): Promise<Driver> {
  const [row] = await db.insert(drivers).values({ ...fields, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function updateDriverRow(db: Db, id: string, patch: Partial<DriverFields>, now: Date): Promise<Driver | undefined> {
  const [row] = await db.update(drivers).set({ ...patch, updatedAt: now }).where(eq(drivers.id, id)).returning();
  return row;
}

export async function deleteDriverRow(db: Db, id: string): Promise<void> {
  await db.delete(drivers).where(eq(drivers.id, id));
}

/** Values of the driver's tags. */
export async function listDriverIdTagValues(db: Db, driverId: string): Promise<string[]> {
  const rows = await db.select({ idTag: idTags.idTag }).from(idTags).where(eq(idTags.driverId, driverId)).orderBy(asc(idTags.idTag));
  return rows.map((row) => row.idTag);
}

export interface DriverListFilter {
  /** Part of the name, email, phone or company (case-insensitive). */
  search?: string;
  company?: string;
  status?: DriverStatus;
  limit?: number;
  offset?: number;
}

export type DriverRow = Driver & { tagCount: number };

/** Drivers by company, then name, with how many tags each holds, and how many match the filter. */
export async function listDrivers(db: Db, filter: DriverListFilter = {}): Promise<{ rows: DriverRow[]; total: number }> {
  const needle = filter.search?.trim() ? `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL | undefined = and(
    needle ? or(ilike(drivers.name, needle), ilike(drivers.email, needle), ilike(drivers.phone, needle), ilike(drivers.company, needle)) : undefined,
    filter.company ? sql`lower(${drivers.company}) = lower(${filter.company})` : undefined,
    filter.status ? eq(drivers.status, filter.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ driver: drivers, tagCount: sql<number>`(select count(*)::int from ${idTags} where ${idTags.driverId} = ${drivers.id})` })
      .from(drivers)
      .where(where)
      .orderBy(sql`lower(${drivers.company}) nulls last`, asc(sql`lower(${drivers.name})`), asc(drivers.id))
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0),
    db.select({ n: count() }).from(drivers).where(where),
  ]);
  return { rows: rows.map(({ driver, tagCount }) => ({ ...driver, tagCount })), total: total?.n ?? 0 };
}

/** The companies (fleets) drivers belong to, for filters and suggestions. */
export async function listDriverCompanies(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinctOn([sql`lower(${drivers.company})`], { company: drivers.company })
    .from(drivers)
    .where(isNotNull(drivers.company))
    .orderBy(sql`lower(${drivers.company})`);
  return rows.map((row) => row.company!);
}

/** Drivers for a picker: id, name and email, by name. */
export function listDriverChoices(db: Db): Promise<Pick<Driver, 'id' | 'name' | 'email'>[]> {
  return db.select({ id: drivers.id, name: drivers.name, email: drivers.email }).from(drivers).orderBy(asc(sql`lower(${drivers.name})`)).limit(5000);
}

/** The connectors (not 0, the station itself) that stations have reported, for QR stickers. */
export function listStickerConnectors(db: Db, stationId?: string): Promise<{ stationId: string; connectorId: number }[]> {
  return db
    .select({ stationId: connectors.stationId, connectorId: connectors.connectorId })
    .from(connectors)
    .innerJoin(stations, eq(stations.id, connectors.stationId))
    .where(and(gt(connectors.connectorId, 0), stationId ? eq(connectors.stationId, stationId) : undefined))
    .orderBy(asc(connectors.stationId), asc(connectors.connectorId));
}
