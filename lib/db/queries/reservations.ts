import { and, desc, eq, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { reservations, type Reservation, type ReservationStatus } from '../schema';

export async function insertReservation(db: Db, row: Pick<Reservation, 'stationId' | 'connectorId' | 'idTag' | 'parentIdTag' | 'expiresAt' | 'createdBy'> & { createdAt: Date }): Promise<Reservation> {
  const [inserted] = await db.insert(reservations).values(row).returning();
  return inserted!;
}

export async function getReservationById(db: Db, id: number): Promise<Reservation | undefined> {
  const [row] = await db.select().from(reservations).where(eq(reservations.id, id));
  return row;
}

/** Moves a reservation from one of `from` to `to`; undefined if it was not in one of them (someone else moved it). */
export async function setReservationStatus(
  db: Db,
  id: number,
  from: ReservationStatus[],
  patch: { status: ReservationStatus; stationAnswer?: string; transactionId?: number; endedAt?: Date | null },
): Promise<Reservation | undefined> {
  const [row] = await db.update(reservations).set(patch).where(and(eq(reservations.id, id), inArray(reservations.status, from))).returning();
  return row;
}

export interface ReservationFilter {
  stationId?: string;
  status?: ReservationStatus;
  limit?: number;
}

export function listReservations(db: Db, filter: ReservationFilter = {}): Promise<Reservation[]> {
  const where: SQL[] = [];
  if (filter.stationId) where.push(eq(reservations.stationId, filter.stationId));
  if (filter.status) where.push(eq(reservations.status, filter.status));
  return db.select().from(reservations).where(and(...where)).orderBy(desc(reservations.id)).limit(filter.limit ?? 100);
}

/**
 * Marks as used the active reservation a StartTransaction consumes: the one it names, or else the
 * one held on its connector (or on connector 0) for its tag. Returns it, if any.
 */
export async function consumeReservation(
  db: Db,
  input: { stationId: string; connectorId: number; idTag: string; reservationId?: number; transactionId: number; now: Date },
): Promise<Reservation | undefined> {
  const match = input.reservationId !== undefined
    ? eq(reservations.id, input.reservationId)
    : and(eq(reservations.idTag, input.idTag), or(eq(reservations.connectorId, input.connectorId), eq(reservations.connectorId, 0)));
  const [row] = await db
    .update(reservations)
    .set({ status: 'used', transactionId: input.transactionId, endedAt: input.now })
    .where(and(match, eq(reservations.stationId, input.stationId), eq(reservations.status, 'active')))
    .returning();
  return row;
}

/** Active reservations past their expiry become expired; returns them (for the bus). */
export function expireReservations(db: Db, now: Date): Promise<Reservation[]> {
  return db
    .update(reservations)
    .set({ status: 'expired', endedAt: now })
    .where(and(eq(reservations.status, 'active'), lte(reservations.expiresAt, now)))
    .returning();
}

export async function getActiveReservation(db: Db, stationId: string, connectorId: number): Promise<Reservation | undefined> {
  const [row] = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.stationId, stationId), eq(reservations.status, 'active'), or(eq(reservations.connectorId, connectorId), eq(reservations.connectorId, 0))));
  return row;
}
