import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export interface LiveSession {
  transactionId: number;
  stationId: string;
  connectorId: number;
  idTag: string;
  startedAt: string;
  meterStartWh: number;
  /** Energy since start: latest Energy.Active.Import.Register − meterStart (0 before the first sample). */
  energyWh: number;
  /** Latest Power.Active.Import: the total, or the sum of the phases when only phases are reported. */
  powerW: number | null;
  lastSampleAt: string | null;
}

const iso = (column: ReturnType<typeof sql>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Open transactions with their latest power and energy, read from the newest samples of each
 * transaction through the (transaction_id, sampled_at) index — never a scan of all samples.
 */
export async function listLiveSessions(db: Db, filter: { stationId?: string; siteId?: string } = {}): Promise<LiveSession[]> {
  // `measurand || ''`: per session the (transaction_id, sampled_at) index is the path; with stale
  // statistics the planner would AND in the fleet-wide partial index on power samples (see alerts.ts).
  const result = await db.execute(sql`
    select t.id as "transactionId", t.station_id as "stationId", t.connector_id as "connectorId", t.id_tag as "idTag",
      ${iso(sql`t.started_at`)} as "startedAt", t.meter_start as "meterStartWh",
      greatest(coalesce(energy.value - t.meter_start, 0), 0)::float8 as "energyWh",
      power.value::float8 as "powerW",
      ${iso(sql`greatest(energy.sampled_at, power.sampled_at)`)} as "lastSampleAt"
    from transactions t
    left join lateral (
      select m.value, m.sampled_at from meter_values m
      where m.transaction_id = t.id and m.measurand = 'Energy.Active.Import.Register' and m.phase is null and m.value is not null
      order by m.sampled_at desc limit 1
    ) energy on true
    left join lateral (
      select latest.sampled_at,
        coalesce(max(m.value) filter (where m.phase is null), sum(m.value) filter (where m.phase in ('L1', 'L2', 'L3'))) as value
      from (
        select max(sampled_at) as sampled_at from meter_values
        where transaction_id = t.id and measurand || '' = 'Power.Active.Import'
      ) latest
      join meter_values m on m.transaction_id = t.id and m.measurand || '' = 'Power.Active.Import' and m.sampled_at = latest.sampled_at
      group by latest.sampled_at
    ) power on true
    where t.stopped_at is null ${filter.stationId ? sql`and t.station_id = ${filter.stationId}` : sql``}
      ${filter.siteId ? sql`and exists (select 1 from station_sites ss where ss.station_id = t.station_id and ss.site_id = ${filter.siteId})` : sql``}
    order by t.started_at desc
  `);
  return result as unknown as LiveSession[];
}
