import type { InvoiceListRow } from '../db/queries/invoices';
import { toCsv } from '../drivers/csv';
import { minorUnitExponent } from '../pricing/currency';

/** 1234 EUR cents → "12.34", −5 → "-0.05", JPY 1234 → "1234": exact string arithmetic, no floats. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorUnitExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const COLUMNS = ['number', 'kind', 'issued_at', 'customer_name', 'customer_email', 'transaction_id', 'credits_invoice', 'credited_by', 'currency', 'net', 'vat', 'gross'] as const;

/** Invoices and credit notes for accounting: one row each, amounts as exact decimals of the currency. */
export function invoicesCsv(rows: InvoiceListRow[]): string {
  return toCsv(
    COLUMNS,
    rows.map((row) => ({
      number: row.number,
      kind: row.kind,
      issued_at: row.issuedAt.toISOString(),
      customer_name: row.customerName,
      customer_email: row.customerEmail,
      transaction_id: row.transactionId,
      credits_invoice: row.creditsNumber,
      credited_by: row.creditedBy,
      currency: row.currency,
      net: decimalAmount(row.net, row.currency),
      vat: decimalAmount(row.vat, row.currency),
      gross: decimalAmount(row.gross, row.currency),
    })),
  );
}
