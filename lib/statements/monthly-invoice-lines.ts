import type { NewInvoiceLine } from '../db/queries/invoices';
import type { MonthlyBilledSession } from '../db/schema';
import { minorUnitExponent } from '../pricing/currency';

/** Start of the UTC calendar month of `at`, and of the next one. */
export function utcMonth(at: Date): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)), end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
}

/** "2026-03" → that month (UTC); undefined when it is not a month. */
export function parseMonth(text: string): { start: Date; end: Date } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return match ? utcMonth(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : undefined;
}

export const monthLabel = (start: Date) => start.toISOString().slice(0, 7);

/**
 * One line per session (one per VAT rate when a session has several): the sums of the session's
 * own invoice lines as priced at its stop, so the monthly invoice is exactly the sum of what the
 * sessions cost, to the cent, VAT per rate unchanged. The subscription's included energy stays a
 * line of its own under the session's (INCLUDED_ENERGY, as on a session invoice): the session line
 * is what the tariff charged (less the plan's discount), the included line what the plan took off.
 */
export function monthlyInvoiceLines(sessions: Pick<MonthlyBilledSession, 'transactionId' | 'stoppedAt' | 'currency' | 'lines'>[]): NewInvoiceLine[] {
  return sessions.flatMap((session) => {
    const lines = session.lines as NewInvoiceLine[];
    const included = lines.filter((line) => line.component === 'INCLUDED_ENERGY');
    const byRate = new Map<number | null, { net: number; vat: number; gross: number }>();
    for (const line of lines) {
      if (line.component === 'INCLUDED_ENERGY') continue;
      const sum = byRate.get(line.vatRate ?? null) ?? { net: 0, vat: 0, gross: 0 };
      byRate.set(line.vatRate ?? null, { net: sum.net + line.net, vat: sum.vat + line.vat, gross: sum.gross + line.gross });
    }
    const energy = lines.filter((line) => line.component === 'ENERGY').reduce((sum, line) => sum + Number(line.quantity), 0);
    const base = `Session ${session.transactionId}, ${session.stoppedAt.toISOString().slice(0, 10)}${energy > 0 ? `, ${Math.round(energy * 1000) / 1000} kWh` : ''}`;
    const sessionLines = [...byRate].map(([vatRate, sum]) => ({
      component: 'SESSION',
      description: byRate.size > 1 ? `${base}, VAT ${vatRate ?? 'n/a'}%` : base,
      quantity: 1,
      unit: 'session',
      unitPrice: sum.net / 10 ** minorUnitExponent(session.currency),
      net: sum.net,
      vatRate,
      vat: sum.vat,
      gross: sum.gross,
    }));
    return [...sessionLines, ...included.map((line) => ({ ...line, description: `Session ${session.transactionId}: ${line.description}` }))];
  });
}

/** The current month (UTC) and the `count - 1` before it, newest first, as YYYY-MM. */
export function recentMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, back) => monthLabel(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));
}
