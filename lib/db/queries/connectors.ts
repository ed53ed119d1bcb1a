import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { connectorStatusHistory, connectors, type Connector } from '../schema';

export interface ConnectorStatusInput {
  stationId: string;
  connectorId: number;
  status: string;
  errorCode: string;
  info: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  /** The station's timestamp, or the receive time when it sent none. */
  at: Date;
  receivedAt: Date;
}

/**
 * Upserts each connector's latest status (a late, older notification does not overwrite a newer
 * one) and appends a history row where status, error code, info or vendor codes changed. Many
 * notifications in one statement (at most one per connector: a station waits for each answer).
 * Returns, per input, whether it was a change.
 */
export async function recordConnectorStatuses(db: Db, inputs: ConnectorStatusInput[]): Promise<boolean[]> {
  if (inputs.length === 0) return [];
  const json = JSON.stringify(
    inputs.map((s, idx) => ({
      idx,
      station_id: s.stationId,
      connector_id: s.connectorId,
      status: s.status,
      error_code: s.errorCode,
      info: s.info,
      vendor_id: s.vendorId,
      vendor_error_code: s.vendorErrorCode,
      at: s.at.toISOString(),
      received_at: s.receivedAt.toISOString(),
    })),
  );
  const rows = await db.execute<{ idx: number }>(sql`
    with input as (
      select * from json_to_recordset(${json}::json) as r(idx int, station_id text, connector_id int, status text, error_code text,
        info text, vendor_id text, vendor_error_code text, at timestamptz, received_at timestamptz)
    ), prev as (
      select c.station_id, c.connector_id, c.status, c.error_code, c.info, c.vendor_id, c.vendor_error_code
      from ${connectors} c join input i on c.station_id = i.station_id and c.connector_id = i.connector_id
      -- rows locked in one order, so two batches in flight never deadlock
      order by c.station_id, c.connector_id for update of c
    ), up as (
      insert into ${connectors} (station_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, status_at, updated_at)
      select distinct on (station_id, connector_id) station_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, at, received_at
      from input order by station_id, connector_id, at desc, idx desc
      on conflict (station_id, connector_id) do update set
        status = excluded.status, error_code = excluded.error_code, info = excluded.info, vendor_id = excluded.vendor_id,
        vendor_error_code = excluded.vendor_error_code, status_at = excluded.status_at, updated_at = excluded.updated_at
      where ${connectors}.status_at <= excluded.status_at
      returning 1
    ), changed as (
      select i.* from input i where not exists (
        select 1 from prev p where p.station_id = i.station_id and p.connector_id = i.connector_id and p.status = i.status
          and p.error_code = i.error_code and p.info is not distinct from i.info and p.vendor_id is not distinct from i.vendor_id
          and p.vendor_error_code is not distinct from i.vendor_error_code)
    ), hist as (
      insert into ${connectorStatusHistory} (station_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, at, received_at)
      select station_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, at, received_at from changed order by idx
    )
    select idx from changed`);
  const changed = new Set(rows.map((row) => row.idx));
  return inputs.map((_, idx) => changed.has(idx));
}

/** One notification (see recordConnectorStatuses). */
export async function recordConnectorStatus(db: Db, input: ConnectorStatusInput): Promise<boolean> {
  const [changed] = await recordConnectorStatuses(db, [input]);
  return changed === true;
}

export function listConnectors(db: Db, stationId: string): Promise<Connector[]> {
  return db.select().from(connectors).where(eq(connectors.stationId, stationId)).orderBy(asc(connectors.connectorId));
}

export function listConnectorStatusHistory(db: Db, stationId: string, limit = 200) {
  return db
    .select()
    .from(connectorStatusHistory)
    .where(eq(connectorStatusHistory.stationId, stationId))
    .orderBy(asc(connectorStatusHistory.id))
    .limit(limit);
}
