import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Invoice, InvoiceLine } from '../db/schema';
import { formatMinorUnits } from '../pricing/currency';

export interface InvoiceIssuer {
  name: string;
  address?: string;
}

/** The standard PDF fonts encode WinAnsi only: anything else prints as "?" rather than failing. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const pdfSafe = (text: string) =>
  [...text].map((c) => ((c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_EXTRA.has(c) ? c : '?')).join('');

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/**
 * The invoice (or credit note) as an A4 PDF: issuer, customer, number and date, one row per line
 * (quantity, unit price excl. VAT, net, VAT rate and amount, gross), totals and VAT per rate.
 * Pure: the same invoice gives the same bytes (creation date fixed to the issue date).
 */
export async function renderInvoicePdf(invoice: Invoice, lines: InvoiceLine[], issuer: InvoiceIssuer): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${invoice.number}`);
  pdf.setCreationDate(invoice.issuedAt);
  pdf.setModificationDate(invoice.issuedAt);
  pdf.setProducer('CSMS');
  const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
  const w = pdfWriter(pdf, regular);
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency, 'en');

  w.text(invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice', MARGIN, { font: bold, size: 20 });
  w.text(invoice.number, RIGHT, { font: bold, size: 14, right: true });
  w.down(28);
  w.text(issuer.name, MARGIN, { font: bold, size: 10 });
  w.text(`Issued ${invoice.issuedAt.toISOString().slice(0, 10)}`, RIGHT, { right: true });
  for (const part of (issuer.address ?? '').split(/\n|, /).filter(Boolean)) w.down(12).text(part, MARGIN);
  w.down(24).text('Billed to', MARGIN, { font: bold });
  w.down(12).text([invoice.customerName ?? 'Walk-in customer', invoice.customerEmail].filter(Boolean).join(' · '), MARGIN);
  w.down(8);
  for (const part of wrap(invoice.note ?? '', regular, 9, RIGHT - MARGIN)) w.down(12).text(part, MARGIN);
  w.down(24);

  for (const column of COLUMNS) w.text(column.title, column.x, { font: bold, right: column.right });
  w.down(6).rule();
  for (const line of lines) {
    const cells = [
      line.description,
      `${line.quantity} ${line.unit}`,
      line.component === 'MIN_PRICE' || line.component === 'MAX_PRICE' ? '' : String(line.unitPrice),
      money(line.net),
      line.vatRate === null ? '' : `${line.vatRate}%`,
      money(line.vat),
      money(line.gross),
    ];
    w.down(14);
    cells.forEach((cell, index) => w.text(cell, COLUMNS[index]!.x, { right: COLUMNS[index]!.right }));
  }
  w.down(6).rule().down(8);
  for (const [label, amount, font] of [['Net', invoice.net, regular], ['VAT', invoice.vat, regular], ['Total', invoice.gross, bold]] as const) {
    w.down(14).text(label, 400, { font });
    w.text(money(amount), RIGHT, { font, right: true });
  }
  w.down(10);
  for (const [rate, amounts] of vatByRate(lines)) w.down(11).text(`VAT ${rate}: ${money(amounts.vat)} on ${money(amounts.net)}`, MARGIN, { size: 8 });
  return pdf.save();
}

export const PDF_A4 = A4;
export const PDF_MARGIN = MARGIN;
const RIGHT = A4[0] - MARGIN;

/** Writes downwards from the top margin of an A4 page, and onto a new page at the bottom margin. */
export function pdfWriter(pdf: PDFDocument, regular: PDFFont) {
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const w = {
    down(by: number) {
      y -= by;
      if (y < MARGIN) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN - by;
      }
      return w;
    },
    rule() {
      page.drawLine({ start: { x: MARGIN, y }, end: { x: RIGHT, y }, thickness: 0.5 });
      return w;
    },
    text(value: string, x: number, options: { font?: PDFFont; size?: number; right?: boolean } = {}) {
      const font = options.font ?? regular;
      const size = options.size ?? 9;
      const safe = pdfSafe(value);
      page.drawText(safe, { x: options.right ? x - font.widthOfTextAtSize(safe, size) : x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      return w;
    },
  };
  return w;
}

const COLUMNS = [
  { title: 'Description', x: MARGIN },
  { title: 'Qty', x: 300, right: true },
  { title: 'Unit price', x: 360, right: true },
  { title: 'Net', x: 415, right: true },
  { title: 'VAT %', x: 455, right: true },
  { title: 'VAT', x: 495, right: true },
  { title: 'Gross', x: A4[0] - MARGIN, right: true },
];

function vatByRate(lines: InvoiceLine[]): Map<string, { net: number; vat: number }> {
  const rates = new Map<string, { net: number; vat: number }>();
  for (const line of lines) {
    const key = line.vatRate === null ? 'n/a' : `${line.vatRate}%`;
    const sum = rates.get(key) ?? { net: 0, vat: 0 };
    rates.set(key, { net: sum.net + line.net, vat: sum.vat + line.vat });
  }
  return rates;
}

function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of pdfSafe(value).split(' ')) {
    const next = row ? `${row} ${word}` : word;
    if (row && font.widthOfTextAtSize(next, size) > width) {
      rows.push(row);
      row = word;
    } else row = next;
  }
  if (row) rows.push(row);
  return rows;
}
