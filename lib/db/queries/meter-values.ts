import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { meterValues, type MeterValueRow } from '../schema';

/**
 * One INSERT for any number of rows: they travel as a single JSON parameter, expanded by
 * json_to_recordset. (Building a 15-column multi-row VALUES list in the query builder cost more
 * CPU than PostgreSQL spent inserting.) Duplicates (same station, connector, timestamp, measurand,
 * phase, location), against the table or within the rows, are dropped by the unique index.
 * Returns how many rows were new.
 */
export async function insertMeterValues(db: Db, rows: MeterValueRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // The rows' own property names are the record's column names (dates serialise as ISO 8601).
  const result = await db.execute(sql`
    insert into ${meterValues} (station_id, connector_id, transaction_id, sampled_at, measurand, phase, location, context, format, unit, value, raw_value, raw_unit, received_at)
    select "stationId", "connectorId", "transactionId", "sampledAt", measurand, phase, location, context, format, unit, value, "rawValue", "rawUnit", "receivedAt"
    from json_to_recordset(${JSON.stringify(rows)}::json) as r("stationId" text, "connectorId" int, "transactionId" int, "sampledAt" timestamptz,
      measurand text, phase text, location text, context text, format text, unit text, value float8, "rawValue" text, "rawUnit" text, "receivedAt" timestamptz)
    on conflict do nothing`);
  return (result as unknown as { count: number }).count;
}

export function listMeterValuesForTransaction(db: Db, transactionId: number) {
  return db.select().from(meterValues).where(eq(meterValues.transactionId, transactionId)).orderBy(asc(meterValues.sampledAt), asc(meterValues.id));
}

export async function countMeterValues(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meterValues);
  return row?.n ?? 0;
}
