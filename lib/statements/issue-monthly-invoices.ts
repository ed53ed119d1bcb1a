import type { Db } from '../db/client';
import type { Invoice } from '../db/schema';
import { systemActor, type Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { getDriverById } from '../db/queries/drivers';
import { attachMonthlyInvoice, listDueMonthlyAccounts, lockMonthlyAccount, lockOpenMonthlySessions } from '../db/queries/statements';
import { insertNumberedInvoice } from '../invoices/insert-numbered-invoice';
import { monthLabel, monthlyInvoiceLines, utcMonth } from './monthly-invoice-lines';

/**
 * Issues the monthly invoices due by `now`: for every account (driver or company) invoiced monthly,
 * calendar month (UTC) that has ended and currency, one invoice with one line per session stopped
 * in that month, numbered INV-… by the same gap-free counter. Each is issued in one database
 * transaction under the account's advisory lock, and the sessions are marked with it there: running
 * the job twice (or on two nodes at once) invoices nothing twice. Sessions that stop late into a
 * month already invoiced (a late StopTransaction), and the sessions of a credited monthly invoice
 * (released by the credit note), go on a further invoice for that month.
 */
export async function issueMonthlyInvoices(db: Db, now: Date, actor: Actor = systemActor): Promise<Invoice[]> {
  const issued: Invoice[] = [];
  for (const due of await listDueMonthlyAccounts(db, utcMonth(now).start)) {
    const invoice = await issueMonthlyInvoice(db, { ...due, period: utcMonth(due.month) }, now, actor);
    if (invoice) issued.push(invoice);
  }
  return issued;
}

/** One account's invoice for one month and currency, of its sessions not invoiced yet; null when there are none. */
export async function issueMonthlyInvoice(db: Db, input: { accountKey: string; currency: string; period: { start: Date; end: Date } }, now: Date, actor: Actor = systemActor): Promise<Invoice | null> {
  const { accountKey, currency, period } = input;
  return db.transaction(async (tx) => {
    await lockMonthlyAccount(tx, accountKey);
    const sessions = await lockOpenMonthlySessions(tx, { accountKey, currency, from: period.start, to: period.end });
    if (sessions.length === 0) return null;
    const first = sessions[0]!;
    // Billed as the customer is at issue, like a session invoice: a corrected invoice (after a credit
    // note) carries corrected details. A company account keeps its name as the sessions recorded it.
    const driver = first.driverId ? await getDriverById(tx, first.driverId) : undefined;
    const invoice = await insertNumberedInvoice(
      tx,
      'INV',
      {
        kind: 'monthly',
        issuedAt: now,
        currency,
        driverId: first.driverId,
        periodStart: period.start,
        periodEnd: period.end,
        customerName: driver?.name ?? first.accountName,
        customerEmail: driver ? driver.email : first.customerEmail,
        note: `Charging sessions of ${monthLabel(period.start)} (UTC): ${sessions.length} session${sessions.length === 1 ? '' : 's'}, paid as they ended where a prepaid wallet covered them`,
        issuedBy: actor.label,
      },
      monthlyInvoiceLines(sessions),
    );
    await attachMonthlyInvoice(tx, { invoiceId: invoice.id, transactionIds: sessions.map((session) => session.transactionId) });
    await recordAudit(tx, actor, { action: 'invoice.issue', targetType: 'invoice', targetId: invoice.id, after: { number: invoice.number, accountKey, month: monthLabel(period.start), sessions: sessions.length, gross: invoice.gross } });
    return invoice;
  });
}
