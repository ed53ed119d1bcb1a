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
      await insertMeterValues(db, rows);
    },
    { maxBatch: options.maxBatch ?? 2000, maxInFlight: options.maxInFlight ?? 3 },
  );
}
