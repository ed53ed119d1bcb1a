import type { Db } from '../db/client';
import { insertMeterValues } from '../db/queries/meter-values';
import type { MeterValueRow } from '../db/schema';
import { createBatcher, type Batcher } from '../ocpp/batcher';

/**
 * Batched, durable meter value inserts: `add` resolves after the rows are committed, so the
 * CALLRESULT can follow. Concurrent MeterValues from many stations share one INSERT.
 */
export type MeterValueWriter = Batcher<MeterValueRow>;

export function createMeterValueWriter(db: Db, options: { maxBatch?: number; maxInFlight?: number } = {}): MeterValueWriter {
  return createBatcher<MeterValueRow>(
    async (rows) => {
      const t = performance.now();
      await insertMeterValues(db, rows);
      const S = ((globalThis as any).S ??= { n: 0, rows: 0, ms: 0, at: Date.now() });
      S.n++; S.rows += rows.length; S.ms += performance.now() - t;
      if (Date.now() - S.at > 2000) { console.error('MV batches', S.n, 'avg rows', (S.rows / S.n).toFixed(0), 'avg ms', (S.ms / S.n).toFixed(1)); S.n = S.rows = S.ms = 0; S.at = Date.now(); }
    },
    { maxBatch: options.maxBatch ?? 2000, maxInFlight: options.maxInFlight ?? 3 },
  );
}
