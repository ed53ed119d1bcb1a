import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getSessionInvoice, lockInvoiceSubject } from '../db/queries/invoices';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import { getSubscriptionWithPlan } from '../db/queries/subscriptions';
import { getTransactionById } from '../db/queries/transactions';
import type { Invoice } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { priceTransaction } from '../billing/price-transaction';
import { conflict, notFound } from '../errors';
import { insertNumberedInvoice } from './insert-numbered-invoice';
import { discountLines, sessionInvoiceLines } from './invoice-lines';

/**
 * The invoice of a finished, priced session: one per session (issuing again returns the same one),
 * numbered INV-{year}-{sequence} in the transaction that inserts it (gap-free, see
 * allocateInvoiceSequence); lines and totals are the engine's final cost, to the cent. Billed to
 * the driver of the session's tag as recorded at its start; the discount of the subscription
 * running at its start is a line of its own. Immutable once issued.
 */
export async function issueSessionInvoice(db: Db, actor: Actor, transactionId: number, now = new Date()): Promise<Invoice> {
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `session:${transactionId}`);
    const existing = await getSessionInvoice(tx, transactionId);
    if (existing) return existing;
    const transaction = await getTransactionById(tx, transactionId);
    if (!transaction) throw notFound('Transaction not found');
    if (!transaction.stoppedAt) throw conflict('session_running', 'The session is still running: it is invoiced once it has stopped');
    const priced = await priceTransaction(tx, transaction, { now });
    if (!priced.cost) throw conflict('not_priced', `The session has no price: ${priced.costUnavailable.message}`);
    const snapshot = (await listTransactionTariffSnapshots(tx, [transactionId])).get(transactionId);
    const driverId = snapshot?.driverId ?? null;
    const lines = sessionInvoiceLines(priced.cost);
    const plan = snapshot?.subscriptionId ? (await getSubscriptionWithPlan(tx, snapshot.subscriptionId))?.plan : undefined;
    if (plan && plan.currency === priced.cost.currency) lines.push(...discountLines(lines, plan.discountPercent, plan.name));
    const driver = driverId ? await getDriverById(tx, driverId) : undefined;
    const invoice = await insertNumberedInvoice(
      tx,
      'INV',
      {
        kind: 'session',
        issuedAt: now,
        currency: priced.cost.currency,
        transactionId,
        driverId,
        customerName: driver?.name ?? null,
        customerEmail: driver?.email ?? null,
        note: `Charging session ${transactionId} at ${transaction.stationId} connector ${transaction.connectorId}, ${transaction.startedAt.toISOString()} – ${transaction.stoppedAt.toISOString()}; tariff ${priced.cost.tariff.name} v${priced.cost.tariff.version}`,
        issuedBy: actor.label,
      },
      lines,
    );
    await recordAudit(tx, actor, { action: 'invoice.issue', targetType: 'invoice', targetId: invoice.id, after: { number: invoice.number, transactionId, gross: invoice.gross } });
    return invoice;
  });
}
