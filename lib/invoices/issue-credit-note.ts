import type { Db } from '../db/client';
import { getCreditNoteFor, getInvoiceById, listInvoiceLines, lockInvoiceSubject } from '../db/queries/invoices';
import type { Invoice } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { releaseCreditedMonthlySessions } from '../statements/release-monthly-sessions';
import { refundWalletForCreditNote } from '../wallets/wallet-ledger';
import { insertNumberedInvoice } from './insert-numbered-invoice';

/**
 * Reverses an issued invoice in full with a credit note CN-{year}-{sequence} (its own gap-free
 * series): every line negated, totals negated, the reason kept. An invoice is credited at most
 * once; a credit note cannot be credited. The invoice itself never changes. A session paid from a
 * wallet gets the debited amount back into the wallet (a refund entry) in the same transaction; a
 * monthly invoice's sessions are released for the account's next monthly invoice (see
 * releaseCreditedMonthlySessions).
 */
export async function issueCreditNote(db: Db, actor: Actor, invoiceId: string, reason: string, now = new Date()): Promise<Invoice> {
  if (reason.trim() === '') throw badRequest('reason: is required', 'reason');
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `credit:${invoiceId}`);
    const invoice = await getInvoiceById(tx, invoiceId);
    if (!invoice) throw notFound('Invoice not found');
    if (invoice.kind === 'credit_note') throw conflict('is_credit_note', 'A credit note cannot be credited');
    if (await getCreditNoteFor(tx, invoiceId)) throw conflict('already_credited', `Invoice ${invoice.number} is already credited`);
    const lines = await listInvoiceLines(tx, invoiceId);
    const creditNote = await insertNumberedInvoice(
      tx,
      'CN',
      {
        kind: 'credit_note',
        issuedAt: now,
        currency: invoice.currency,
        transactionId: invoice.transactionId,
        driverId: invoice.driverId,
        subscriptionId: invoice.subscriptionId,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        creditsInvoiceId: invoice.id,
        customerName: invoice.customerName,
        customerEmail: invoice.customerEmail,
        note: `Reverses ${invoice.number}: ${reason.trim()}`,
        issuedBy: actor.label,
      },
      lines.map(({ id: _id, invoiceId: _invoiceId, position: _position, ...line }) => ({ ...line, net: -line.net, vat: -line.vat, gross: -line.gross })),
    );
    await refundWalletForCreditNote(tx, creditNote, now);
    const released = await releaseCreditedMonthlySessions(tx, invoice);
    await recordAudit(tx, actor, { action: 'invoice.credit', targetType: 'invoice', targetId: invoice.id, after: { creditNote: creditNote.number, reason, ...(invoice.kind === 'monthly' ? { releasedSessions: released } : {}) } });
    return creditNote;
  });
}
