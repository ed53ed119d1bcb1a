import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { invoices, monthlyBilledSessions, payments, walletEntries, wallets, type Payment, type PaymentStatus } from '../schema';

export async function insertPayment(db: Db, row: typeof payments.$inferInsert): Promise<Payment> {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted!;
}

/** The payment of a provider's reference, locked until the transaction ends (webhooks may arrive twice at once). */
export async function lockPaymentByReference(db: Db, provider: string, reference: string): Promise<Payment | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), or(eq(payments.reference, reference), eq(payments.intentReference, reference))))
    .for('update');
  return row;
}

export async function setPaymentIntentReference(db: Db, id: string, intentReference: string): Promise<void> {
  await db.update(payments).set({ intentReference }).where(eq(payments.id, id));
}

/**
 * The pending card payments of an invoice, after taking the invoice's payment lock (held until the
 * surrounding transaction ends: two tabs starting a payment of one invoice take turns).
 */
export async function lockPendingInvoicePayments(db: Db, invoiceId: string): Promise<Payment[]> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invoice_payment:${invoiceId}`}, 0))`);
  return db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.purpose, 'invoice'), eq(payments.status, 'pending')));
}

export async function setPaymentStatus(db: Db, id: string, status: PaymentStatus, now: Date): Promise<void> {
  const at = status === 'succeeded' ? { succeededAt: now } : status === 'refunded' ? { refundedAt: now } : {};
  await db.update(payments).set({ status, updatedAt: now, ...at }).where(eq(payments.id, id));
}

/**
 * What has been paid on invoices: succeeded card payments plus wallet debits, less wallet refunds. A
 * monthly invoice is paid by the wallet debits (and adjustments) of the sessions on it, which were
 * booked at each stop, before the invoice existed.
 */
const paidOnInvoice = sql`
  select invoice_id, sum(amount)::int as paid from (
    select invoice_id, amount from ${payments} where purpose = 'invoice' and status = 'succeeded'
    union all
    select invoice_id, -amount from ${walletEntries} where kind in ('session_debit', 'refund') and invoice_id is not null
    union all
    select m.invoice_id, -e.amount from ${walletEntries} e join ${monthlyBilledSessions} m on m.transaction_id = e.transaction_id
      where e.kind in ('session_debit', 'adjustment') and e.invoice_id is null and m.invoice_id is not null
  ) p group by invoice_id`;

export async function getInvoicePaidAmounts(db: Db, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db.execute<{ invoice_id: string; paid: number }>(sql`select * from (${paidOnInvoice}) paid where invoice_id in ${invoiceIds}`);
  return new Map(rows.map((row) => [row.invoice_id, Number(row.paid)]));
}

export interface ReconciliationDay {
  day: string;
  currency: string;
  invoiced: number;
  paid: number;
}

/**
 * Per UTC day and currency: the gross invoiced that day (credit notes negative) and what was paid
 * that day (card payments for invoices when they succeeded, wallet debits less refunds when booked;
 * a monthly-invoiced session's debit counts when booked at its stop).
 */
export async function listReconciliationDays(db: Db, range: { from: Date; to: Date }): Promise<ReconciliationDay[]> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const rows = await db.execute<{ day: string; currency: string; invoiced: number; paid: number }>(sql`
    select to_char(day, 'YYYY-MM-DD') as day, currency, sum(invoiced)::int as invoiced, sum(paid)::int as paid from (
      select date_trunc('day', issued_at, 'UTC') as day, currency, gross as invoiced, 0 as paid from ${invoices}
        where issued_at >= ${from}::timestamptz and issued_at < ${to}::timestamptz
      union all
      select date_trunc('day', succeeded_at, 'UTC'), currency, 0, amount from ${payments}
        where purpose = 'invoice' and status = 'succeeded' and succeeded_at >= ${from}::timestamptz and succeeded_at < ${to}::timestamptz
      union all
      select date_trunc('day', e.created_at, 'UTC'), i.currency, 0, -e.amount from ${walletEntries} e join ${invoices} i on i.id = e.invoice_id
        where e.kind in ('session_debit', 'refund') and e.created_at >= ${from}::timestamptz and e.created_at < ${to}::timestamptz
      union all
      select date_trunc('day', e.created_at, 'UTC'), m.currency, 0, -e.amount from ${walletEntries} e join ${monthlyBilledSessions} m on m.transaction_id = e.transaction_id
        where e.kind in ('session_debit', 'adjustment') and e.invoice_id is null and e.created_at >= ${from}::timestamptz and e.created_at < ${to}::timestamptz
    ) movements group by 1, 2 order by 1, 2`);
  return rows.map((row) => ({ day: row.day, currency: row.currency, invoiced: Number(row.invoiced), paid: Number(row.paid) }));
}

export interface InvoiceMismatch {
  invoiceId: string;
  number: string;
  issuedAt: Date;
  currency: string;
  gross: number;
  paid: number;
}

/**
 * Invoices issued in the range whose payments do not add up to their gross: unpaid, partly paid or
 * overpaid. A credited invoice is settled by its credit note (both leave the list).
 */
export async function listInvoiceMismatches(db: Db, range: { from: Date; to: Date }): Promise<InvoiceMismatch[]> {
  const rows = await db.execute<{ id: string; number: string; issued_at: string; currency: string; gross: number; paid: number }>(sql`
    select i.id, i.number, i.issued_at, i.currency, i.gross, coalesce(p.paid, 0) as paid
    from ${invoices} i left join (${paidOnInvoice}) p on p.invoice_id = i.id
    where i.issued_at >= ${range.from.toISOString()}::timestamptz and i.issued_at < ${range.to.toISOString()}::timestamptz
      and i.kind <> 'credit_note' and not exists (select 1 from ${invoices} c where c.credits_invoice_id = i.id)
      and coalesce(p.paid, 0) <> i.gross
    order by i.issued_at, i.number`);
  return rows.map((row) => ({ invoiceId: row.id, number: row.number, issuedAt: new Date(row.issued_at), currency: row.currency, gross: Number(row.gross), paid: Number(row.paid) }));
}

export type DriverPayment = Payment & { invoiceNumber: string | null };

/** One payment of the driver's own (their wallet's top-up or their invoice's payment); another driver's is undefined. */
export async function getDriverPayment(db: Db, driverId: string, paymentId: string): Promise<DriverPayment | undefined> {
  const [row] = await db
    .select({ payment: payments, invoiceNumber: invoices.number })
    .from(payments)
    .leftJoin(wallets, eq(wallets.id, payments.walletId))
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.id, paymentId), or(eq(wallets.driverId, driverId), eq(invoices.driverId, driverId))));
  return row ? { ...row.payment, invoiceNumber: row.invoiceNumber } : undefined;
}
