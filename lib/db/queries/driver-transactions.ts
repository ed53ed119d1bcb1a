import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { connectors, idTags, transactions, type Transaction } from '../schema';

/** The values of a driver's tags: what scopes every portal read to the driver's own sessions. */
export async function listDriverTagValues(db: Db, driverId: string): Promise<string[]> {
  const rows = await db.select({ idTag: idTags.idTag }).from(idTags).where(eq(idTags.driverId, driverId)).orderBy(idTags.createdAt, idTags.idTag);
  return rows.map((row) => row.idTag);
}

export function listTransactionsForTags(db: Db, tags: string[], limit = 50): Promise<Transaction[]> {
  if (tags.length === 0) return Promise.resolve([]);
  return db.select().from(transactions).where(inArray(transactions.idTag, tags)).orderBy(desc(transactions.id)).limit(limit);
}

export async function getOpenTransactionForTags(db: Db, input: { stationId: string; connectorId: number; tags: string[] }): Promise<Transaction | undefined> {
  if (input.tags.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.stationId, input.stationId), eq(transactions.connectorId, input.connectorId), isNull(transactions.stoppedAt), inArray(transactions.idTag, input.tags)));
  return row;
}

export async function getConnector(db: Db, stationId: string, connectorId: number) {
  const [row] = await db.select().from(connectors).where(and(eq(connectors.stationId, stationId), eq(connectors.connectorId, connectorId)));
  return row;
}
