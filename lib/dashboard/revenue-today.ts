import type { Db } from '../db/client';
import { listTransactionsStoppedToday, type SiteTransaction } from '../db/queries/site-day-totals';
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
 * Final prices of stopped sessions, per database, per process. The overview is re-read on every
 * live event; pricing every session of the day each time would read all their samples again.
 * Only priced sessions are kept (one without a tariff may get one resolved later).
 */
const finalPrices = new WeakMap<Db, Map<number, Revenue>>();
const MAX_CACHED = 100_000;

async function priceStopped(db: Db, sessions: SiteTransaction[], now: Date): Promise<(Revenue | undefined)[]> {
  let cache = finalPrices.get(db);
  if (!cache) finalPrices.set(db, (cache = new Map()));
  const missing = sessions.filter((session) => !cache.has(session.id));
  if (missing.length > 0) {
    const priced = await priceTransactions(db, missing, { now });
    for (const session of missing) {
      const cost = priced.get(session.id)?.cost;
      if (cost?.isFinal) cache.set(session.id, { currency: cost.currency, gross: cost.gross });
    }
    for (const id of cache.keys()) {
      if (cache.size <= MAX_CACHED) break;
      cache.delete(id); // oldest first (insertion order)
    }
  }
  return sessions.map((session) => cache.get(session.id));
}

/**
 * Revenue today: the final gross price of the sessions that stopped since their site's local
 * midnight, plus the cost so far of the sessions running now (already priced for the overview).
 * Sessions without a tariff add nothing.
 */
export async function getRevenueToday(db: Db, now: Date, liveSessions: readonly LiveSessionWithCost[]): Promise<Revenue[]> {
  const stopped = await priceStopped(db, await listTransactionsStoppedToday(db, now), now);
  return sumByCurrency([...stopped, ...liveSessions.map((session) => session.costSoFar)]);
}
