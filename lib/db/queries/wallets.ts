import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { drivers, idTags, walletEntries, wallets, type Wallet, type WalletEntry } from '../schema';

const balanceOf = sql<number>`coalesce((select sum(e.amount) from ${walletEntries} e where e.wallet_id = "wallets"."id"), 0)::int`;

export async function insertWallet(db: Db, row: typeof wallets.$inferInsert): Promise<Wallet> {
  const [inserted] = await db.insert(wallets).values(row).returning();
  return inserted!;
}

export async function getWalletByDriver(db: Db, driverId: string): Promise<Wallet | undefined> {
  const [row] = await db.select().from(wallets).where(eq(wallets.driverId, driverId));
  return row;
}

/** The wallet, locked until the transaction ends: appends to one wallet queue up behind each other. */
export async function lockWallet(db: Db, id: string): Promise<Wallet | undefined> {
  const [row] = await db.select().from(wallets).where(eq(wallets.id, id)).for('update');
  return row;
}

/** The balance: the sum of the ledger (minor units). */
export async function getWalletBalance(db: Db, walletId: string): Promise<number> {
  const [row] = await db.select({ balance: sql<number>`coalesce(sum(${walletEntries.amount}), 0)::int` }).from(walletEntries).where(eq(walletEntries.walletId, walletId));
  return row?.balance ?? 0;
}

export async function insertWalletEntry(db: Db, row: typeof walletEntries.$inferInsert): Promise<WalletEntry> {
  const [inserted] = await db.insert(walletEntries).values(row).returning();
  return inserted!;
}

export function listWalletEntries(db: Db, walletId: string, limit = 500): Promise<WalletEntry[]> {
  return db.select().from(walletEntries).where(eq(walletEntries.walletId, walletId)).orderBy(desc(walletEntries.id)).limit(limit);
}

/** A session's wallet debit: the one that paid its invoice `invoiceId`, or (null) the one made without an invoice (monthly invoicing). */
export async function getSessionDebit(db: Db, key: { transactionId: number; invoiceId: string | null }): Promise<WalletEntry | undefined> {
  const [row] = await db
    .select()
    .from(walletEntries)
    .where(and(eq(walletEntries.kind, 'session_debit'), key.invoiceId ? eq(walletEntries.invoiceId, key.invoiceId) : and(eq(walletEntries.transactionId, key.transactionId), isNull(walletEntries.invoiceId))));
  return row;
}

/** The session debit that paid this invoice, if one did. */
export async function getInvoiceDebit(db: Db, invoiceId: string): Promise<WalletEntry | undefined> {
  const [row] = await db.select().from(walletEntries).where(and(eq(walletEntries.invoiceId, invoiceId), eq(walletEntries.kind, 'session_debit')));
  return row;
}

export type WalletSummary = Wallet & { balance: number; driverName: string; driverEmail: string | null };

const summaryColumns = { wallet: wallets, balance: balanceOf, driverName: drivers.name, driverEmail: drivers.email };

export async function listWalletSummaries(db: Db): Promise<WalletSummary[]> {
  const rows = await db.select(summaryColumns).from(wallets).innerJoin(drivers, eq(drivers.id, wallets.driverId)).orderBy(asc(drivers.name));
  return rows.map(({ wallet, ...rest }) => ({ ...wallet, ...rest }));
}

export async function getWalletSummary(db: Db, id: string): Promise<WalletSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(wallets).innerJoin(drivers, eq(drivers.id, wallets.driverId)).where(eq(wallets.id, id));
  return row && { ...row.wallet, balance: row.balance, driverName: row.driverName, driverEmail: row.driverEmail };
}

/** The wallet of the driver holding this tag, with its balance; undefined when the tag's driver has none. */
export async function getWalletStandingForTag(db: Db, idTag: string): Promise<{ balance: number; minBalance: number; currency: string } | undefined> {
  const [row] = await db
    .select({ balance: balanceOf, minBalance: wallets.minBalance, currency: wallets.currency })
    .from(idTags)
    .innerJoin(wallets, eq(wallets.driverId, idTags.driverId))
    .where(eq(idTags.idTag, idTag));
  return row;
}
