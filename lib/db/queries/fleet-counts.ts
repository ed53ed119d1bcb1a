import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export interface FleetCounts {
  stations: { total: number; online: number; offline: number; faulted: number; pending: number };
  connectors: { total: number; available: number; charging: number; occupied: number; unavailable: number; faulted: number };
  activeSessions: number;
}

/** The numbers at the top of the overview, in one round trip. */
export async function getFleetCounts(db: Db): Promise<FleetCounts> {
  const [row] = (await db.execute(sql`
    select
      (select count(*) from stations)::int as stations_total,
      (select count(*) from stations where online)::int as stations_online,
      (select count(*) from stations where registration_status = 'pending')::int as stations_pending,
      (select count(distinct station_id) from connectors where status = 'Faulted')::int as stations_faulted,
      (select count(*) from connectors where connector_id > 0)::int as connectors_total,
      (select count(*) from connectors where connector_id > 0 and status = 'Available')::int as connectors_available,
      (select count(*) from connectors where connector_id > 0 and status = 'Charging')::int as connectors_charging,
      (select count(*) from connectors where connector_id > 0 and status in ('Preparing', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved'))::int as connectors_occupied,
      (select count(*) from connectors where connector_id > 0 and status = 'Unavailable')::int as connectors_unavailable,
      (select count(*) from connectors where connector_id > 0 and status = 'Faulted')::int as connectors_faulted,
      (select count(*) from transactions where stopped_at is null)::int as active_sessions
  `)) as unknown as Record<string, number>[];
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    stations: {
      total: n('stations_total'),
      online: n('stations_online'),
      offline: n('stations_total') - n('stations_online'),
      faulted: n('stations_faulted'),
      pending: n('stations_pending'),
    },
    connectors: {
      total: n('connectors_total'),
      available: n('connectors_available'),
      charging: n('connectors_charging'),
      occupied: n('connectors_occupied'),
      unavailable: n('connectors_unavailable'),
      faulted: n('connectors_faulted'),
    },
    activeSessions: n('active_sessions'),
  };
}
