import type { IdlePeriod, MeterSample, SessionTimeline } from '../pricing';
import type { Transaction } from '../db/schema';

export type PricingTransaction = Pick<Transaction, 'id' | 'stationId' | 'connectorId' | 'startedAt' | 'stoppedAt' | 'meterStart' | 'meterStop'>;

/** OCPP 1.6 §4.9 statuses in which the connector is occupied but the EV draws no energy. */
const IDLE_STATUSES = new Set(['SuspendedEV', 'Finishing']);

/**
 * Idle periods from the connector's status changes (ordered by time; the first may precede the
 * start): from entering SuspendedEV/Finishing until the next other status. Open while it lasts.
 */
export function idlePeriodsFromStatuses(startedAt: Date, statuses: readonly { status: string; at: Date }[]): IdlePeriod[] {
  const periods: IdlePeriod[] = [];
  let from: Date | null = null;
  for (const { status, at } of statuses) {
    const clamped = at < startedAt ? startedAt : at;
    if (IDLE_STATUSES.has(status)) from ??= clamped;
    else if (from) {
      if (clamped > from) periods.push({ from, to: clamped });
      from = null;
    }
  }
  if (from) periods.push({ from, to: null });
  return periods;
}

/**
 * A transaction as the pricing engine reads it: meterStart, the register readings, the meterStop at
 * stoppedAt (when stopped), and the idle periods the connector reported.
 */
export function buildTransactionTimeline(
  transaction: PricingTransaction,
  samples: readonly { at: Date; energyWh: number; currentA: number | null }[],
  statuses: readonly { status: string; at: Date }[],
  timeZone: string,
): SessionTimeline {
  const meterSamples: MeterSample[] = samples.map((s) => (s.currentA === null ? { at: s.at, energyWh: s.energyWh } : { at: s.at, energyWh: s.energyWh, currentA: s.currentA }));
  if (transaction.stoppedAt && transaction.meterStop !== null) meterSamples.push({ at: transaction.stoppedAt, energyWh: transaction.meterStop });
  return {
    startedAt: transaction.startedAt,
    stoppedAt: transaction.stoppedAt,
    timeZone,
    meterStartWh: transaction.meterStart,
    meterSamples,
    idlePeriods: idlePeriodsFromStatuses(transaction.startedAt, statuses),
  };
}
