import type { Db } from '../db/client';
import type { LiveSession } from '../db/queries/live-sessions';
import { priceTransactions } from '../billing/price-transaction';

/** Totals of the cost so far, minor units of `currency`; null when no tariff applies. */
export interface CostSoFar {
  currency: string;
  net: number;
  vat: number;
  gross: number;
}

export type LiveSessionWithCost = LiveSession & { costSoFar: CostSoFar | null };

/**
 * Adds the cost so far (up to `now`) to each live session, priced by the engine with the session's
 * tariff snapshot: the same number GET /api/v1/transactions/{id} gives.
 */
export async function attachCosts(db: Db, sessions: LiveSession[], now: Date): Promise<LiveSessionWithCost[]> {
  const priced = await priceTransactions(
    db,
    sessions.map((s) => ({
      id: s.transactionId,
      stationId: s.stationId,
      connectorId: s.connectorId,
      idTag: s.idTag,
      startedAt: new Date(s.startedAt),
      stoppedAt: null,
      meterStart: s.meterStartWh,
      meterStop: null,
    })),
    { now },
  );
  return sessions.map((session) => {
    const cost = priced.get(session.transactionId)?.cost;
    return { ...session, costSoFar: cost ? { currency: cost.currency, net: cost.net, vat: cost.vat, gross: cost.gross } : null };
  });
}
