import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from '../db/client';
import type { WalletEntry } from '../db/schema';
import { getWalletMonth } from '../db/queries/statements';
import { getWalletSummary, type WalletSummary } from '../db/queries/wallets';
import { toCsv } from '../drivers/csv';
import { notFound } from '../errors';
import { decimalAmount } from '../invoices/invoice-csv';
import { PDF_A4, PDF_MARGIN, pdfWriter, type InvoiceIssuer } from '../invoices/invoice-pdf';
import { formatMinorUnits } from '../pricing/currency';
import { monthLabel } from './monthly-invoice-lines';

export interface WalletStatement {
  wallet: WalletSummary;
  month: { start: Date; end: Date };
  opening: number;
  entries: (WalletEntry & { balance: number })[];
  closing: number;
}

/** A wallet's month (UTC): the balance before it, every ledger entry in it with the running balance, the balance after. */
export async function getWalletStatement(db: Db, walletId: string, month: { start: Date; end: Date }): Promise<WalletStatement> {
  const wallet = await getWalletSummary(db, walletId);
  if (!wallet) throw notFound('Wallet not found');
  const { opening, entries } = await getWalletMonth(db, walletId, month.start, month.end);
  let balance = opening;
  const rows = entries.map((entry) => ({ ...entry, balance: (balance += entry.amount) }));
  return { wallet, month, opening, entries: rows, closing: balance };
}

const KIND_LABELS: Record<string, string> = { top_up: 'Top-up', session_debit: 'Charging session', refund: 'Refund', adjustment: 'Adjustment' };
const describe = (entry: WalletEntry) =>
  [KIND_LABELS[entry.kind] ?? entry.kind, entry.transactionId !== null ? `session ${entry.transactionId}` : null, entry.note].filter(Boolean).join(', ');

const COLUMNS = ['date', 'kind', 'description', 'transaction_id', 'amount', 'balance', 'currency'] as const;

/** CSV: an opening row, one row per entry (amount and running balance as exact decimals), a closing row. */
export function walletStatementCsv(statement: WalletStatement): string {
  const { currency } = statement.wallet;
  const money = (amount: number) => decimalAmount(amount, currency);
  return toCsv(COLUMNS, [
    { date: statement.month.start.toISOString(), kind: 'opening_balance', description: 'Opening balance', transaction_id: null, amount: null, balance: money(statement.opening), currency },
    ...statement.entries.map((entry) => ({ date: entry.createdAt.toISOString(), kind: entry.kind, description: describe(entry), transaction_id: entry.transactionId, amount: money(entry.amount), balance: money(entry.balance), currency })),
    { date: statement.month.end.toISOString(), kind: 'closing_balance', description: 'Closing balance', transaction_id: null, amount: null, balance: money(statement.closing), currency },
  ]);
}

/** The statement as an A4 PDF (same fonts and layout rules as the invoices). */
export async function renderWalletStatementPdf(statement: WalletStatement, issuer: InvoiceIssuer): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `Wallet statement ${monthLabel(statement.month.start)}`;
  pdf.setTitle(title);
  pdf.setCreationDate(statement.month.end);
  pdf.setModificationDate(statement.month.end);
  pdf.setProducer('CSMS');
  const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
  const right = PDF_A4[0] - PDF_MARGIN;
  const money = (amount: number) => formatMinorUnits(amount, statement.wallet.currency, 'en');
  const w = pdfWriter(pdf, regular);
  w.text(title, PDF_MARGIN, { font: bold, size: 18 });
  w.down(24).text(issuer.name, PDF_MARGIN, { font: bold, size: 10 });
  w.down(14).text([statement.wallet.driverName, statement.wallet.driverEmail].filter(Boolean).join(' · '), PDF_MARGIN);
  w.down(12).text(`${statement.month.start.toISOString().slice(0, 10)} – ${new Date(statement.month.end.getTime() - 1).toISOString().slice(0, 10)} (UTC)`, PDF_MARGIN);
  w.down(24).text('Date', PDF_MARGIN, { font: bold }).text('Movement', 150, { font: bold }).text('Amount', 440, { font: bold, right: true }).text('Balance', right, { font: bold, right: true });
  w.down(6).rule();
  w.down(14).text('Opening balance', 150).text(money(statement.opening), right, { right: true });
  for (const entry of statement.entries) {
    w.down(14).text(entry.createdAt.toISOString().slice(0, 16).replace('T', ' '), PDF_MARGIN).text(describe(entry).slice(0, 60), 150);
    w.text(money(entry.amount), 440, { right: true }).text(money(entry.balance), right, { right: true });
  }
  w.down(6).rule();
  w.down(14).text('Closing balance', 150, { font: bold }).text(money(statement.closing), right, { font: bold, right: true });
  return pdf.save();
}

/** The statement as JSON (REST), or a CSV/PDF download named after the month. */
export async function walletStatementBody(statement: WalletStatement, format: 'json' | 'csv' | 'pdf', issuer: InvoiceIssuer) {
  const name = `wallet-statement-${monthLabel(statement.month.start)}`;
  if (format === 'csv') return new Response(walletStatementCsv(statement), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'no-store' } });
  if (format === 'pdf') {
    const bytes = await renderWalletStatementPdf(statement, issuer);
    return new Response(Buffer.from(bytes), { headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"`, 'cache-control': 'no-store' } });
  }
  const { wallet } = statement;
  return {
    walletId: wallet.id,
    driverName: wallet.driverName,
    currency: wallet.currency,
    month: monthLabel(statement.month.start),
    opening: statement.opening,
    closing: statement.closing,
    entries: statement.entries.map((entry) => ({ id: entry.id, kind: entry.kind, amount: entry.amount, balance: entry.balance, transactionId: entry.transactionId, invoiceId: entry.invoiceId, note: entry.note, createdAt: entry.createdAt.toISOString() })),
  };
}
