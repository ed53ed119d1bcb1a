import type { Db } from '../db/client';
import { getInvoiceById, listInvoices } from '../db/queries/invoices';
import { getInvoicePaidAmounts } from '../db/queries/payments';
import { getWalletBalance, getWalletByDriver, listWalletEntries } from '../db/queries/wallets';
import { notFound } from '../errors';
import { getInvoicePdf, paymentState } from '../invoices/invoice-view';

/** The driver's prepaid wallet (balance and latest movements) and their invoices and credit notes, newest first. */
export async function getDriverBilling(db: Db, driverId: string) {
  const wallet = await getWalletByDriver(db, driverId);
  const [balance, entries, invoices] = await Promise.all([
    wallet ? getWalletBalance(db, wallet.id) : Promise.resolve(0),
    wallet ? listWalletEntries(db, wallet.id, 10) : Promise.resolve([]),
    listInvoices(db, { driverId, limit: 50 }),
  ]);
  const paid = await getInvoicePaidAmounts(db, invoices.map((invoice) => invoice.id));
  return {
    wallet: wallet ? { currency: wallet.currency, minBalance: wallet.minBalance, balance, entries } : null,
    invoices: invoices.map((invoice) => ({ id: invoice.id, number: invoice.number, kind: invoice.kind, issuedAt: invoice.issuedAt, gross: invoice.gross, currency: invoice.currency, owed: owedOn(invoice, paid.get(invoice.id) ?? 0) })),
  };
}

/** What is still to pay on an invoice (0 for a credit note or a credited invoice: the note settles it). */
function owedOn(invoice: Parameters<typeof paymentState>[0], paid: number): number {
  const state = paymentState(invoice, paid);
  return state === 'unpaid' || state === 'partly_paid' ? invoice.gross - paid : 0;
}

/** The PDF of one of the driver's own invoices; another driver's is "not found", like one that does not exist. */
export async function getDriverInvoicePdf(db: Db, driverId: string, invoiceId: string) {
  const invoice = await getInvoiceById(db, invoiceId);
  if (!invoice || invoice.driverId !== driverId) throw notFound('Invoice not found');
  return getInvoicePdf(db, invoiceId);
}
