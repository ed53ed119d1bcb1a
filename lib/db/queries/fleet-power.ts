import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export interface PowerBucket {
  /** Start of the bucket. */
  at: Date;
  /** Sum over the connectors of each connector's average power in the bucket. */
  watts: number;
}

/**
 * Fleet power per bucket between `since` and `until`, from the Power.Active.Import samples (the
 * total, or the sum of the phases when only phases are reported; not the EV's own meter), read
 * through the partial index meter_values_power_at. Buckets without samples are absent.
 */
export async function listFleetPowerBuckets(db: Db, input: { since: Date; until: Date; bucketMinutes: number }): Promise<PowerBucket[]> {
  const rows = await db.execute<{ at: string; watts: number }>(sql`
    with samples as (
      select station_id, connector_id, sampled_at,
        coalesce(max(value) filter (where phase is null), sum(value) filter (where phase in ('L1', 'L2', 'L3'))) as watts
      from meter_values
      where measurand = 'Power.Active.Import' and sampled_at >= ${input.since.toISOString()}::timestamptz
        and sampled_at <= ${input.until.toISOString()}::timestamptz and value is not null and coalesce(location, 'Outlet') <> 'EV'
      group by station_id, connector_id, sampled_at
    ), per_connector as (
      select date_bin(${`${input.bucketMinutes} minutes`}::interval, sampled_at, timestamptz '2000-01-01 00:00:00+00') as at, avg(watts) as watts
      from samples where watts is not null
      group by 1, station_id, connector_id
    )
    select at, sum(watts)::float8 as watts from per_connector group by at order by at`);
  return rows.map((row) => ({ at: new Date(row.at), watts: Number(row.watts) }));
}
