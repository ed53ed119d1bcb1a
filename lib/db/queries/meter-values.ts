import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { toArrayLiteral } from '../array-literal';
import { meterValues, type MeterValueRow } from '../schema';

/**
 * One INSERT for any number of rows: each column travels as one array parameter, expanded by
 * unnest. (Building a 15-column multi-row VALUES list in the query builder cost more CPU than
 * PostgreSQL spent inserting; arrays are also cheaper for PostgreSQL to read than the same rows as
 * JSON.) Duplicates (same station, connector, timestamp, measurand, phase, location), against the
 * table or within the rows, are dropped by the unique index. Returns how many rows were new.
 */
export async function insertMeterValues(db: Db, rows: MeterValueRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const column = (read: (row: MeterValueRow) => string | number | Date | null | undefined) => toArrayLiteral(rows.map(read));
  const result = await db.execute(sql`
    insert into ${meterValues} (station_id, connector_id, transaction_id, sampled_at, measurand, phase, location, context, format, unit, value, raw_value, raw_unit, received_at)
    select * from unnest(${column((r) => r.stationId)}::text[], ${column((r) => r.connectorId)}::int[], ${column((r) => r.transactionId)}::int[],
      ${column((r) => r.sampledAt)}::timestamptz[], ${column((r) => r.measurand)}::text[], ${column((r) => r.phase)}::text[], ${column((r) => r.location)}::text[],
      ${column((r) => r.context)}::text[], ${column((r) => r.format)}::text[], ${column((r) => r.unit)}::text[], ${column((r) => r.value)}::float8[],
      ${column((r) => r.rawValue)}::text[], ${column((r) => r.rawUnit)}::text[], ${column((r) => r.receivedAt)}::timestamptz[])
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
