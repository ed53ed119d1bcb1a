import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getCreditNoteFor, getSessionInvoice, lockInvoiceSubject } from '../db/queries/invoices';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import { getSubscriptionWithPlan } from '../db/queries/subscriptions';
import { getTransactionById } from '../db/queries/transactions';
import type { Invoice } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { priceTransaction } from '../billing/price-transaction';
import { conflict, notFound } from '../errors';
import { draftIncludedEnergy, lockSessionSubscription, recordAllowanceUse } from '../subscriptions/session-allowance';
import { insertNumberedInvoice } from './insert-numbered-invoice';
import { discountLines, sessionInvoiceLines } from './invoice-lines';

/** What the session's invoice says now (lines, currency, customer), from its recorded stop data. */
export async function draftSessionInvoice(db: Db, transactionId: number, now: Date) {
  const transaction = await getTransactionById(db, transactionId);
  if (!transaction) throw notFound('Transaction not found');
  if (!transaction.stoppedAt) throw conflict('session_running', 'The session is still running: it is invoiced once it has stopped');
  const priced = await priceTransaction(db, transaction, { now });
  if (!priced.cost) throw conflict('not_priced', `The session has no price: ${priced.costUnavailable.message}`);
  const snapshot = (await listTransactionTariffSnapshots(db, [transactionId])).get(transactionId);
  const driverId = snapshot?.driverId ?? null;
  const lines = sessionInvoiceLines(priced.cost);
  const subscribed = snapshot?.subscriptionId ? await getSubscriptionWithPlan(db, snapshot.subscriptionId) : undefined;
  const stoppedAt = transaction.stoppedAt;
  const included = subscribed ? await draftIncludedEnergy(db, { ...subscribed, transactionId, startedAt: transaction.startedAt, stoppedAt, cost: priced.cost }) : { lines: [], use: null };
  lines.push(...included.lines);
  const plan = subscribed?.plan;
  if (plan && plan.currency === priced.cost.currency) lines.push(...discountLines(lines, plan.discountPercent, plan.name));
  const driver = driverId ? await getDriverById(db, driverId) : undefined;
  return { transaction: { ...transaction, stoppedAt }, cost: priced.cost, lines, allowanceUse: included.use, driverId, driver, gross: lines.reduce((sum, line) => sum + line.gross, 0) };
}

/**
 * The invoice of a finished, priced session: one per session at a time (issuing again returns the
 * same one while it is not credited; after a credit note the next revision is issued), numbered
 * INV-{year}-{sequence} in the transaction that inserts it (gap-free, see
 * allocateInvoiceSequence); lines and totals are the engine's final cost, to the cent. Billed to
 * the driver of the session's tag as recorded at its start; the included energy and then the
 * discount of the subscription running at its start are lines of their own (the allowance is taken
 * under the subscription's row lock). Immutable once issued.
 */
export async function issueSessionInvoice(db: Db, actor: Actor, transactionId: number, now = new Date()): Promise<Invoice> {
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `session:${transactionId}`);
    const existing = await getSessionInvoice(tx, transactionId);
    if (existing && !(await getCreditNoteFor(tx, existing.id))) return existing;
    await lockSessionSubscription(tx, transactionId);
    const { transaction, cost, lines, allowanceUse, driverId, driver } = await draftSessionInvoice(tx, transactionId, now);
    const invoice = await insertNumberedInvoice(
      tx,
      'INV',
      {
        kind: 'session',
        issuedAt: now,
        currency: cost.currency,
        transactionId,
        revision: existing ? existing.revision + 1 : 1,
        driverId,
        customerName: driver?.name ?? null,
        customerEmail: driver?.email ?? null,
        note: `Charging session ${transactionId} at ${transaction.stationId} connector ${transaction.connectorId}, ${transaction.startedAt.toISOString()} – ${transaction.stoppedAt.toISOString()}; tariff ${cost.tariff.name} v${cost.tariff.version}${existing ? `; replaces ${existing.number}` : ''}`,
        issuedBy: actor.label,
      },
      lines,
    );
    await recordAllowanceUse(tx, transactionId, allowanceUse, now);
    await recordAudit(tx, actor, { action: 'invoice.issue', targetType: 'invoice', targetId: invoice.id, after: { number: invoice.number, transactionId, gross: invoice.gross } });
    return invoice;
  });
}
