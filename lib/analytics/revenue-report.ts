import type { Db } from '../db/client';
import type { ReportFilter } from '../db/queries/analytics-reports';
import { sumRevenue } from '../db/queries/analytics-revenue';
import { minorUnitExponent } from '../pricing/currency';
import type { Figures, ReportPart } from './report-types';

const units = (minor: number, currency: string) => minor / 10 ** minorUnitExponent(currency);

/**
 * Net, VAT and gross of sessions that stopped in the range (final costs stored by the rollup
 * refresh), by site, tariff and payment method (wallet, card, subscription or invoice, derived from
 * the billing data), in each tariff's currency.
 */
export async function buildRevenueReport(db: Db, filter: ReportFilter): Promise<ReportPart> {
  const groups = await sumRevenue(db, filter);
  const totals: Figures = { sessions: groups.reduce((n, g) => n + g.sessions, 0) };
  const currencies = [...new Set(groups.map((g) => g.currency))];
  for (const currency of currencies) {
    const mine = groups.filter((g) => g.currency === currency);
    for (const key of ['net', 'vat', 'gross'] as const) totals[currencies.length === 1 ? key : `${key}_${currency}`] = units(mine.reduce((n, g) => n + g[key], 0), currency);
  }
  totals.currency = currencies.length === 1 ? currencies[0]! : currencies.length === 0 ? null : 'mixed';
  return {
    totals,
    columns: ['siteName', 'tariffName', 'paymentMethod', 'currency', 'sessions', 'net', 'vat', 'gross'],
    rows: groups.map((g) => ({
      siteName: g.siteName,
      tariffName: g.tariffName,
      paymentMethod: g.paymentMethod,
      currency: g.currency,
      sessions: g.sessions,
      net: units(g.net, g.currency),
      vat: units(g.vat, g.currency),
      gross: units(g.gross, g.currency),
    })),
    extra: {},
  };
}
