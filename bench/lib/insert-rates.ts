import type { Db } from '../../lib/db/client';
import { insertMeterValues } from '../../lib/db/queries/meter-values';
import type { MeterValueRow } from '../../lib/db/schema';

const row = (stationId: string, i: number): MeterValueRow => ({
  stationId,
  connectorId: 1,
  transactionId: null,
  sampledAt: new Date(Date.UTC(2020, 0, 1) + i * 1000),
  measurand: 'Energy.Active.Import.Register',
  location: 'Outlet',
  context: 'Sample.Periodic',
  format: 'Raw',
  unit: 'Wh',
  value: i,
  rawValue: String(i),
  rawUnit: 'Wh',
  receivedAt: new Date(),
});

/** PostgreSQL's own ceiling here: one committed INSERT per row vs 1,000 rows per INSERT (fsync on). */
export async function measureInsertRates(db: Db, stationId: string, counts = { single: 2000, batched: 50_000 }) {
  let t0 = performance.now();
  for (let i = 0; i < counts.single; i++) await insertMeterValues(db, [row(stationId, i)]);
  const singleRowsPerSecond = counts.single / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < counts.batched; i += 1000) {
    await insertMeterValues(db, Array.from({ length: 1000 }, (_, j) => row(stationId, 1_000_000 + i + j)));
  }
  const batchedRowsPerSecond = counts.batched / ((performance.now() - t0) / 1000);
  return { singleRowsPerSecond, batchedRowsPerSecond };
}
