import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { stations, type RegistrationStatus, type Station } from '../schema';

/** What the upgrade needs to admit a station: no registry fields. */
export type StationCredentials = Pick<Station, 'id' | 'registrationStatus' | 'securityProfile' | 'passwordHash'>;

const credentialColumns = {
  id: stations.id,
  registrationStatus: stations.registrationStatus,
  securityProfile: stations.securityProfile,
  passwordHash: stations.passwordHash,
};

export async function getStationById(db: Db, id: string): Promise<Station | undefined> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  return row;
}

export function getStationCredentials(db: Db, ids: string[]): Promise<StationCredentials[]> {
  // One JSON parameter rather than one parameter per id: the upgrade path looks up hundreds at once.
  return db
    .select(credentialColumns)
    .from(stations)
    .where(sql`${stations.id} in (select json_array_elements_text(${JSON.stringify(ids)}::json))`);
}

/** Registers stations that are not there yet (unknown-station policy) and returns every requested row. */
export async function insertMissingStations(
  db: Db,
  rows: { id: string; registrationStatus: RegistrationStatus }[],
): Promise<StationCredentials[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, registration_status: r.registrationStatus })));
  await db.execute(sql`
    insert into ${stations} (id, registration_status)
    select id, registration_status::station_registration_status from json_to_recordset(${json}::json) as r(id text, registration_status text)
    on conflict (id) do nothing`);
  return getStationCredentials(
    db,
    rows.map((row) => row.id),
  );
}

export interface BootRegistry {
  vendor: string;
  model: string;
  serialNumber: string | null;
  chargeBoxSerialNumber: string | null;
  firmwareVersion: string | null;
  iccid: string | null;
  imsi: string | null;
  meterType: string | null;
  meterSerialNumber: string | null;
}

export interface StationBoot {
  stationId: string;
  registry: BootRegistry;
  at: Date;
  heartbeatIntervalS: number;
}

/**
 * Stores what BootNotification reported, for many stations in one statement, and returns each
 * one's registration status as the operator set it (undefined: the station row is gone).
 */
export async function recordStationBoots(db: Db, boots: StationBoot[]): Promise<(RegistrationStatus | undefined)[]> {
  if (boots.length === 0) return [];
  const json = JSON.stringify(
    boots.map((b) => ({
      id: b.stationId,
      vendor: b.registry.vendor,
      model: b.registry.model,
      serial_number: b.registry.serialNumber,
      charge_box_serial_number: b.registry.chargeBoxSerialNumber,
      firmware_version: b.registry.firmwareVersion,
      iccid: b.registry.iccid,
      imsi: b.registry.imsi,
      meter_type: b.registry.meterType,
      meter_serial_number: b.registry.meterSerialNumber,
      at: b.at.toISOString(),
      heartbeat_interval_s: b.heartbeatIntervalS,
    })),
  );
  const rows = await db.execute<{ id: string; registration_status: RegistrationStatus }>(sql`
    update ${stations} s set vendor = v.vendor, model = v.model, serial_number = v.serial_number,
      charge_box_serial_number = v.charge_box_serial_number, firmware_version = v.firmware_version, iccid = v.iccid,
      imsi = v.imsi, meter_type = v.meter_type, meter_serial_number = v.meter_serial_number, last_boot_at = v.at,
      last_seen_at = v.at, heartbeat_interval_s = v.heartbeat_interval_s, clock_skew_ms = null, updated_at = v.at
    from json_to_recordset(${json}::json) as v(id text, vendor text, model text, serial_number text, charge_box_serial_number text,
      firmware_version text, iccid text, imsi text, meter_type text, meter_serial_number text, at timestamptz, heartbeat_interval_s int)
    where s.id = v.id
    returning s.id, s.registration_status`);
  const status = new Map(rows.map((row) => [row.id, row.registration_status]));
  return boots.map((b) => status.get(b.stationId));
}

export async function updateStation(
  db: Db,
  stationId: string,
  patch: Partial<
    Pick<
      Station,
      | 'clockSkewMs'
      | 'diagnosticsStatus'
      | 'diagnosticsStatusAt'
      | 'firmwareStatus'
      | 'firmwareStatusAt'
      | 'logStatus'
      | 'logStatusAt'
      | 'registrationStatus'
      | 'securityProfile'
      | 'passwordHash'
    >
  >,
  at = new Date(),
): Promise<Station | undefined> {
  const [row] = await db
    .update(stations)
    .set({ ...patch, updatedAt: at })
    .where(eq(stations.id, stationId))
    .returning();
  return row;
}

/** Raises last_seen_at of many stations in one statement (never moves it back). */
export async function touchStationsLastSeen(db: Db, seen: { stationId: string; at: Date }[]): Promise<void> {
  if (seen.length === 0) return;
  // One JSON parameter carries the rows (array parameters would need types the driver does not know).
  const rows = JSON.stringify(seen.map((s) => ({ id: s.stationId, at: s.at.toISOString() })));
  await db.execute(sql`
    update ${stations} s set last_seen_at = v.at
    from jsonb_to_recordset(${rows}::jsonb) as v(id text, at timestamptz)
    where s.id = v.id and (s.last_seen_at is null or s.last_seen_at < v.at)`);
}

export async function setStationsOnline(db: Db, nodeId: string, online: { stationId: string; protocol: string; at: Date }[]): Promise<void> {
  if (online.length === 0) return;
  const rows = JSON.stringify(online.map((o) => ({ id: o.stationId, protocol: o.protocol, at: o.at.toISOString() })));
  await db.execute(sql`
    update ${stations} s set online = true, node_id = ${nodeId}, protocol = v.protocol, last_seen_at = v.at
    from jsonb_to_recordset(${rows}::jsonb) as v(id text, protocol text, at timestamptz)
    where s.id = v.id`);
}

/** Marks stations offline, but only where this node still holds them (another node may have taken over). */
export async function setStationsOffline(db: Db, input: { stationIds: string[]; nodeId: string }): Promise<string[]> {
  if (input.stationIds.length === 0) return [];
  const rows = await db
    .update(stations)
    .set({ online: false })
    .where(and(sql`${stations.id} in (select json_array_elements_text(${JSON.stringify(input.stationIds)}::json))`, eq(stations.nodeId, input.nodeId), eq(stations.online, true)))
    .returning({ id: stations.id });
  return rows.map((row) => row.id);
}

/** After a crash or at shutdown: every station this node held is offline. */
export async function setNodeStationsOffline(db: Db, nodeId: string): Promise<string[]> {
  const rows = await db
    .update(stations)
    .set({ online: false })
    .where(and(eq(stations.nodeId, nodeId), eq(stations.online, true)))
    .returning({ id: stations.id });
  return rows.map((row) => row.id);
}

/**
 * Back online: the stations whose sockets this node holds but which the database shows offline while
 * still on this node (another node took it for dead during a stall). Returns their ids.
 */
export async function reclaimNodeStations(db: Db, input: { nodeId: string; stationIds: string[] }): Promise<string[]> {
  if (input.stationIds.length === 0) return [];
  const rows = await db
    .update(stations)
    .set({ online: true })
    .where(and(sql`${stations.id} in (select json_array_elements_text(${JSON.stringify(input.stationIds)}::json))`, eq(stations.nodeId, input.nodeId), eq(stations.online, false)))
    .returning({ id: stations.id });
  return rows.map((row) => row.id);
}
