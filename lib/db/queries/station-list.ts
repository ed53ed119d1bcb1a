import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { RegistrationStatus } from '../schema';

/** What an operator sees first: offline beats faulted beats charging beats the rest. */
export const displayStatuses = ['offline', 'faulted', 'charging', 'occupied', 'unavailable', 'available', 'unknown'] as const;
export type DisplayStatus = (typeof displayStatuses)[number];

export interface StationListFilter {
  q?: string;
  status?: DisplayStatus;
  registration?: RegistrationStatus;
  vendor?: string;
  model?: string;
  siteId?: string;
  online?: boolean;
  sort?: 'id' | 'lastSeenAt' | 'vendor' | 'model' | 'status';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface StationListRow {
  id: string;
  vendor: string | null;
  model: string | null;
  firmwareVersion: string | null;
  registrationStatus: RegistrationStatus;
  online: boolean;
  lastSeenAt: string | null;
  connectorCount: number;
  chargingCount: number;
  faultedCount: number;
  status: DisplayStatus;
}

const statusSql = sql`case
  when not s.online then 'offline'
  when bool_or(c.status = 'Faulted') then 'faulted'
  when bool_or(c.status = 'Charging' and c.connector_id > 0) then 'charging'
  when bool_or(c.status in ('Preparing', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved') and c.connector_id > 0) then 'occupied'
  when bool_and(c.status = 'Unavailable') then 'unavailable'
  when bool_or(c.status = 'Available') then 'available'
  else 'unknown' end`;

const sortColumns = { id: sql`id`, lastSeenAt: sql`last_seen_at`, vendor: sql`vendor`, model: sql`model`, status: sql`status` };

/** The station registry with each station's status derived from its connectors; filters run in SQL. */
export async function listStations(db: Db, filter: StationListFilter = {}): Promise<{ rows: StationListRow[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(sql`(s.id ilike ${like} or s.vendor ilike ${like} or s.model ilike ${like} or s.serial_number ilike ${like} or s.charge_box_serial_number ilike ${like})`);
  }
  if (filter.registration) where.push(sql`s.registration_status = ${filter.registration}`);
  if (filter.vendor) where.push(sql`s.vendor = ${filter.vendor}`);
  if (filter.model) where.push(sql`s.model = ${filter.model}`);
  if (filter.siteId) where.push(sql`exists (select 1 from station_sites ss where ss.station_id = s.id and ss.site_id = ${filter.siteId})`);
  if (filter.online !== undefined) where.push(sql`s.online = ${filter.online}`);
  const direction = filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const result = await db.execute(sql`
    select id, vendor, model, "firmwareVersion", "registrationStatus", online, "lastSeenAt", "connectorCount",
      "chargingCount", "faultedCount", status, (count(*) over ())::int as total
    from (
      select s.id, s.vendor, s.model, s.firmware_version as "firmwareVersion", s.registration_status as "registrationStatus",
        s.online, to_char(s.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastSeenAt",
        (count(c.connector_id) filter (where c.connector_id > 0))::int as "connectorCount",
        (count(*) filter (where c.status = 'Charging' and c.connector_id > 0))::int as "chargingCount",
        (count(*) filter (where c.status = 'Faulted'))::int as "faultedCount",
        ${statusSql} as status,
        s.last_seen_at
      from stations s left join connectors c on c.station_id = s.id
      where ${sql.join(where, sql` and `)}
      group by s.id
    ) listed
    ${filter.status ? sql`where status = ${filter.status}` : sql``}
    order by ${sortColumns[filter.sort ?? 'id']} ${direction}, id
    limit ${filter.limit ?? 10_000} offset ${filter.offset ?? 0}
  `);
  const rows = result as unknown as (StationListRow & { total: number })[];
  return { rows: rows.map(({ total: _total, ...row }) => (void _total, row)), total: rows[0]?.total ?? 0 };
}

/** Distinct vendors and models, for the filter menus. */
export async function listStationVendorsAndModels(db: Db): Promise<{ vendors: string[]; models: string[] }> {
  const list = (await db.execute(sql`select distinct vendor, model from stations`)) as unknown as { vendor: string | null; model: string | null }[];
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))].sort();
  return { vendors: unique(list.map((row) => row.vendor)), models: unique(list.map((row) => row.model)) };
}
