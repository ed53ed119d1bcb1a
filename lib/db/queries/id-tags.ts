import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { idTags, transactions, type IdTag } from '../schema';

export interface IdTagWithParent {
  tag: IdTag;
  parent: Pick<IdTag, 'idTag' | 'blocked' | 'expiresAt'> | null;
}

const parents = alias(idTags, 'parent');

/** The tag (case-insensitive: CiString20) and the tag its parentIdTag names, if registered. */
export async function getIdTagWithParent(db: Db, idTag: string): Promise<IdTagWithParent | undefined> {
  const [row] = await db
    .select({ tag: idTags, parent: { idTag: parents.idTag, blocked: parents.blocked, expiresAt: parents.expiresAt } })
    .from(idTags)
    .leftJoin(parents, sql`lower(${parents.idTag}) = lower(${idTags.parentIdTag})`)
    .where(sql`lower(${idTags.idTag}) = lower(${idTag})`);
  return row;
}

/** Open transactions of a tag, optionally not counting one (the transaction being stopped or replaced). */
export async function countOpenTransactionsForTag(db: Db, idTag: string, exceptTransactionId?: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(transactions)
    .where(
      and(
        sql`lower(${transactions.idTag}) = lower(${idTag})`,
        isNull(transactions.stoppedAt),
        exceptTransactionId === undefined ? undefined : ne(transactions.id, exceptTransactionId),
      ),
    );
  return row?.n ?? 0;
}

export type IdTagInput = Pick<IdTag, 'idTag'> & Partial<Pick<IdTag, 'parentIdTag' | 'blocked' | 'expiresAt' | 'maxConcurrentTx' | 'label'>>;

/** Creates the tag or updates the one with the same idTag (compared case-insensitively). */
export async function upsertIdTag(db: Db, input: IdTagInput): Promise<IdTag> {
  const { idTag, ...patch } = input;
  const [updated] = await db
    .update(idTags)
    .set({ ...patch, updatedAt: new Date() })
    .where(sql`lower(${idTags.idTag}) = lower(${idTag})`)
    .returning();
  if (updated) return updated;
  const [inserted] = await db.insert(idTags).values(input).returning();
  return inserted!;
}

export async function deleteIdTag(db: Db, id: string): Promise<void> {
  await db.delete(idTags).where(eq(idTags.id, id));
}
