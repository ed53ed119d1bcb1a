import type { PricedTransaction } from '../../billing/transaction-tariff';

/** The columns a raw SQL query selects (`t.id, t.station_id, … t.meter_stop`) to price a transaction. */
export type PricedTransactionRow = {
  id: number;
  station_id: string;
  connector_id: number;
  id_tag: string;
  started_at: string;
  stopped_at: string;
  meter_start: number;
  meter_stop: number | null;
};

/** Such a row as the pricing engine takes it (numbers and dates parsed). */
export function pricedTransactionFromRow(row: PricedTransactionRow): PricedTransaction {
  return {
    id: Number(row.id),
    stationId: row.station_id,
    connectorId: Number(row.connector_id),
    idTag: row.id_tag,
    startedAt: new Date(row.started_at),
    stoppedAt: new Date(row.stopped_at),
    meterStart: Number(row.meter_start),
    meterStop: row.meter_stop === null ? null : Number(row.meter_stop),
  };
}
