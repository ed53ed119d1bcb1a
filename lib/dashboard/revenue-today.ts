import type { Db } from '../db/client';
import { listTransactionsStoppedToday } from '../db/queries/site-day-totals';
import { priceTransactions } from '../billing/price-transaction';
import type { LiveSessionWithCost } from './attach-costs';

/** Gross amount in minor units of one currency. */
export interface Revenue {
  currency: string;
  gross: number;
}

/** Adds amounts up per currency (a fleet may bill in several), largest first. */
export function sumByCurrency(amounts: readonly ({ currency: string; gross: number } | null | undefined)[]): Revenue[] {
  const totals = new Map<string, number>();
  for (const amount of amounts) if (amount) totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.gross);
  return [...totals].map(([currency, gross]) => ({ currency, gross })).sort((a, b) => b.gross - a.gross || a.currency.localeCompare(b.currency));
}

/**
 * Revenue today: the final gross price of the sessions that stopped since their site's local
 * midnight, plus the cost so far of the sessions running now (already priced for the overview).
 * Sessions without a tariff add nothing.
 */
export async function getRevenueToday(db: Db, now: Date, liveSessions: readonly LiveSessionWithCost[]): Promise<Revenue[]> {
  const stopped = await listTransactionsStoppedToday(db, now);
  const priced = await priceTransactions(db, stopped, { now });
  return sumByCurrency([...[...priced.values()].map((result) => result.cost), ...liveSessions.map((session) => session.costSoFar)]);
}
