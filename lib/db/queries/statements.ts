import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { invoicingSettings, monthlyBilledSessions, walletEntries, type InvoicingMode, type InvoicingSetting, type InvoicingSubject, type MonthlyBilledSession, type WalletEntry } from '../schema';

/** The driver's own invoicing setting and their company's (either may be missing). */
export async function getInvoicingSettings(db: Db, driverId: string, company: string | null): Promise<{ driver?: InvoicingSetting; company?: InvoicingSetting }> {
  const rows = await db
    .select()
    .from(invoicingSettings)
    .where(
      sql`(${invoicingSettings.subject} = 'driver' and ${invoicingSettings.subjectKey} = ${driverId})
        or (${invoicingSettings.subject} = 'company' and ${invoicingSettings.subjectKey} = ${company?.trim().toLowerCase() ?? ''})`,
    );
  return { driver: rows.find((row) => row.subject === 'driver'), company: company ? rows.find((row) => row.subject === 'company') : undefined };
}

export async function putInvoicingSetting(db: Db, row: { subject: InvoicingSubject; subjectKey: string; mode: InvoicingMode; updatedBy: string; updatedAt: Date }): Promise<void> {
  await db
    .insert(invoicingSettings)
    .values(row)
    .onConflictDoUpdate({ target: [invoicingSettings.subject, invoicingSettings.subjectKey], set: { mode: row.mode, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export async function deleteInvoicingSetting(db: Db, subject: InvoicingSubject, subjectKey: string): Promise<void> {
  await db.delete(invoicingSettings).where(and(eq(invoicingSettings.subject, subject), eq(invoicingSettings.subjectKey, subjectKey)));
}

/** Records a session for its account's monthly invoice; false when it already was. */
export async function insertMonthlyBilledSession(db: Db, row: typeof monthlyBilledSessions.$inferInsert): Promise<boolean> {
  return (await db.insert(monthlyBilledSessions).values(row).onConflictDoNothing().returning({ id: monthlyBilledSessions.transactionId })).length > 0;
}

export async function getMonthlyBilledSession(db: Db, transactionId: number): Promise<MonthlyBilledSession | undefined> {
  const [row] = await db.select().from(monthlyBilledSessions).where(eq(monthlyBilledSessions.transactionId, transactionId));
  return row;
}

/** For a page of sessions at once: the stored price of those invoiced monthly, and their monthly invoice if any. */
export async function listMonthlyBilledSessionTotals(
  db: Db,
  transactionIds: number[],
): Promise<Map<number, { currency: string; net: number; vat: number; gross: number; invoiceId: string | null }>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await db
    .select({
      transactionId: monthlyBilledSessions.transactionId,
      currency: monthlyBilledSessions.currency,
      net: monthlyBilledSessions.net,
      vat: monthlyBilledSessions.vat,
      gross: monthlyBilledSessions.gross,
      invoiceId: monthlyBilledSessions.invoiceId,
    })
    .from(monthlyBilledSessions)
    .where(inArray(monthlyBilledSessions.transactionId, transactionIds));
  return new Map(rows.map(({ transactionId, ...row }) => [transactionId, row]));
}

/** Accounts, months (UTC) and currencies with sessions not yet invoiced that stopped before `before`. */
export async function listDueMonthlyAccounts(db: Db, before: Date): Promise<{ accountKey: string; month: Date; currency: string }[]> {
  const rows = (await db.execute(sql`
    select account_key, date_trunc('month', stopped_at at time zone 'UTC') at time zone 'UTC' as month, currency
    from ${monthlyBilledSessions}
    where invoice_id is null and stopped_at < ${before.toISOString()}::timestamptz
    group by 1, 2, 3 order by 2, 1, 3
  `)) as unknown as { account_key: string; month: Date | string; currency: string }[];
  return rows.map((row) => ({ accountKey: row.account_key, month: new Date(row.month), currency: row.currency }));
}

/** The account's sessions of [from, to) in one currency not yet invoiced, locked until the caller's transaction ends; in stop order. */
export function lockOpenMonthlySessions(db: Db, input: { accountKey: string; from: Date; to: Date; currency: string }): Promise<MonthlyBilledSession[]> {
  return db
    .select()
    .from(monthlyBilledSessions)
    .where(
      and(
        eq(monthlyBilledSessions.accountKey, input.accountKey),
        eq(monthlyBilledSessions.currency, input.currency),
        gte(monthlyBilledSessions.stoppedAt, input.from),
        lt(monthlyBilledSessions.stoppedAt, input.to),
        isNull(monthlyBilledSessions.invoiceId),
      ),
    )
    .orderBy(asc(monthlyBilledSessions.stoppedAt), asc(monthlyBilledSessions.transactionId))
    .for('update');
}

/** Marks the sessions as invoiced (in the transaction that issued the invoice, with their rows locked). */
export async function attachMonthlyInvoice(db: Db, input: { invoiceId: string; transactionIds: number[] }): Promise<void> {
  await db.update(monthlyBilledSessions).set({ invoiceId: input.invoiceId }).where(inArray(monthlyBilledSessions.transactionId, input.transactionIds));
}

/**
 * A credited monthly invoice gives its sessions back (invoice_id cleared) so the account's next
 * monthly invoice carries them again; the caller holds the account's lock. Returns their ids.
 */
export async function releaseMonthlyInvoiceSessions(db: Db, invoiceId: string): Promise<number[]> {
  const rows = await db.update(monthlyBilledSessions).set({ invoiceId: null }).where(eq(monthlyBilledSessions.invoiceId, invoiceId)).returning({ id: monthlyBilledSessions.transactionId });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** The account whose monthly invoice this is (one per invoice), from its sessions. */
export async function getMonthlyInvoiceAccount(db: Db, invoiceId: string): Promise<string | undefined> {
  const [row] = await db.select({ accountKey: monthlyBilledSessions.accountKey }).from(monthlyBilledSessions).where(eq(monthlyBilledSessions.invoiceId, invoiceId)).limit(1);
  return row?.accountKey;
}

/** Serialises issuing one account's monthly invoice until the transaction ends. */
export async function lockMonthlyAccount(db: Db, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`monthly-invoice:${key}`}, 0))`);
}

/** A wallet's balance before `at`, and its entries of [at, to) in ledger order. */
export async function getWalletMonth(db: Db, walletId: string, at: Date, to: Date): Promise<{ opening: number; entries: WalletEntry[] }> {
  const [opening] = await db
    .select({ sum: sql<number>`coalesce(sum(${walletEntries.amount}), 0)::int` })
    .from(walletEntries)
    .where(and(eq(walletEntries.walletId, walletId), lt(walletEntries.createdAt, at)));
  const entries = await db
    .select()
    .from(walletEntries)
    .where(and(eq(walletEntries.walletId, walletId), gte(walletEntries.createdAt, at), lt(walletEntries.createdAt, to)))
    .orderBy(asc(walletEntries.createdAt), asc(walletEntries.id));
  return { opening: opening?.sum ?? 0, entries };
}

/** A monthly session restated before its invoice (a late StopTransaction): its new stop time and priced lines. */
export async function updateOpenMonthlyBilledSession(db: Db, transactionId: number, fields: Pick<MonthlyBilledSession, 'stoppedAt' | 'lines' | 'net' | 'vat' | 'gross'>): Promise<void> {
  await db.update(monthlyBilledSessions).set(fields).where(and(eq(monthlyBilledSessions.transactionId, transactionId), isNull(monthlyBilledSessions.invoiceId)));
}

/** What the wallet has paid for a session invoiced monthly: its debit and any adjustments, as a positive amount. */
export async function getMonthlySessionWalletPaid(db: Db, transactionId: number): Promise<number> {
  const [row] = await db
    .select({ paid: sql<number>`coalesce(-sum(${walletEntries.amount}), 0)::int` })
    .from(walletEntries)
    .where(and(eq(walletEntries.transactionId, transactionId), isNull(walletEntries.invoiceId), inArray(walletEntries.kind, ['session_debit', 'adjustment'])));
  return row?.paid ?? 0;
}
