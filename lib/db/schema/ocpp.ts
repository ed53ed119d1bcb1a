import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { drivers } from './drivers';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const registrationStatuses = ['accepted', 'pending', 'rejected'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusEnum = pgEnum('station_registration_status', registrationStatuses);

/** A charging station, keyed by its OCPP identity (the last path segment of its WebSocket URL). */
export const stations = pgTable(
  'stations',
  {
    id: text('id').primaryKey(),
    registrationStatus: registrationStatusEnum('registration_status').notNull().default('accepted'),
    /** OCPP security profile: 0 none, 1 HTTP Basic, 2 TLS + HTTP Basic. */
    securityProfile: smallint('security_profile').notNull().default(0),
    passwordHash: text('password_hash'),
    vendor: text('vendor'),
    model: text('model'),
    serialNumber: text('serial_number'),
    chargeBoxSerialNumber: text('charge_box_serial_number'),
    firmwareVersion: text('firmware_version'),
    iccid: text('iccid'),
    imsi: text('imsi'),
    meterType: text('meter_type'),
    meterSerialNumber: text('meter_serial_number'),
    online: boolean('online').notNull().default(false),
    /** The OCPP node holding the socket while online (several nodes may share one database). */
    nodeId: text('node_id'),
    protocol: text('protocol'),
    lastSeenAt: at('last_seen_at'),
    lastBootAt: at('last_boot_at'),
    /** Our clock minus the station's, from the first timestamped message after a boot. */
    clockSkewMs: integer('clock_skew_ms'),
    heartbeatIntervalS: integer('heartbeat_interval_s'),
    diagnosticsStatus: text('diagnostics_status'),
    diagnosticsStatusAt: at('diagnostics_status_at'),
    firmwareStatus: text('firmware_status'),
    firmwareStatusAt: at('firmware_status_at'),
    /** Security whitepaper: progress of a GetLog upload (LogStatusNotification). */
    logStatus: text('log_status'),
    logStatusAt: at('log_status_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [index('stations_node_online').on(table.nodeId).where(sql`${table.online}`)],
);

/** Latest status per connector; connector 0 is the station itself (OCPP 1.6 §7.39 StatusNotification). */
export const connectors = pgTable(
  'connectors',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code').notNull(),
    info: text('info'),
    vendorId: text('vendor_id'),
    vendorErrorCode: text('vendor_error_code'),
    statusAt: at('status_at').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.connectorId] })],
);

/** One row per status change (not per StatusNotification: repeats of the same status are not history). */
export const connectorStatusHistory = pgTable(
  'connector_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code').notNull(),
    info: text('info'),
    vendorId: text('vendor_id'),
    vendorErrorCode: text('vendor_error_code'),
    at: at('at').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (table) => [index('connector_status_history_station_at').on(table.stationId, table.connectorId, table.at)],
);

/** Connect/disconnect history of the WebSocket of each station. */
export const stationConnections = pgTable(
  'station_connections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    protocol: text('protocol').notNull(),
    remoteAddress: text('remote_address'),
    connectedAt: at('connected_at').notNull(),
    disconnectedAt: at('disconnected_at'),
    closeCode: integer('close_code'),
    closeReason: text('close_reason'),
  },
  (table) => [
    index('station_connections_station_at').on(table.stationId, table.connectedAt),
    index('station_connections_open').on(table.nodeId).where(sql`${table.disconnectedAt} is null`),
  ],
);

export const idTagStatuses = ['Accepted', 'Blocked', 'Expired'] as const;
/** What an operator sets on a tag; Invalid and ConcurrentTx are decided at authorization time. */
export type IdTagSetting = (typeof idTagStatuses)[number];
export const idTagStatusEnum = pgEnum('id_tag_status', idTagStatuses);

/**
 * RFID cards and other OCPP idTags. Matched exactly as the station sends them (byte for byte, not
 * case-folded): OCPP 1.6 calls IdToken a CiString20, but UIDs read from cards are hex in whatever
 * case the reader prints, and the issue asks for exact matching; so `AB12` and `ab12` are two tags.
 */
export const idTags = pgTable(
  'id_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idTag: text('id_tag').notNull(),
    /** OCPP 1.6 §3.5.3: the group. Another tag's value; blocking (or expiring) it blocks the group. */
    parentIdTag: text('parent_id_tag'),
    status: idTagStatusEnum('status').notNull().default('Accepted'),
    expiresAt: at('expires_at'),
    /** At most this many open transactions at once; null = no limit. */
    maxConcurrentTx: integer('max_concurrent_tx').default(1),
    driverId: uuid('driver_id').references((): AnyPgColumn => drivers.id),
    /** False: only at the sites listed in id_tag_sites. */
    allSites: boolean('all_sites').notNull().default(true),
    label: text('label'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('id_tags_id_tag_key').on(table.idTag),
    index('id_tags_parent').on(table.parentIdTag),
    index('id_tags_driver').on(table.driverId),
    check('id_tags_id_tag_length', sql`char_length(${table.idTag}) between 1 and 20`),
    check('id_tags_max_concurrent_tx', sql`${table.maxConcurrentTx} is null or ${table.maxConcurrentTx} >= 1`),
  ],
);

/** A charging session. The id is the OCPP transactionId: server-generated, unique system-wide. */
export const transactions = pgTable(
  'transactions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    idTag: text('id_tag').notNull(),
    parentIdTag: text('parent_id_tag'),
    /** idTagInfo.status answered to StartTransaction (the station may go on charging anyway). */
    authStatus: text('auth_status').notNull(),
    reservationId: integer('reservation_id'),
    meterStart: integer('meter_start').notNull(),
    startedAt: at('started_at').notNull(),
    meterStop: integer('meter_stop'),
    stoppedAt: at('stopped_at'),
    stopReason: text('stop_reason'),
    stopIdTag: text('stop_id_tag'),
    /** Set when the server, not the station, closed it (e.g. a new StartTransaction on the same connector). */
    serverStopReason: text('server_stop_reason'),
    /** Closed by the reconciliation job (or restated by a late StopTransaction): an operator should look at it. */
    needsReview: boolean('needs_review').notNull().default(false),
    /** Why it needs review, in words (what the job did, what a late StopTransaction changed). */
    reviewNote: text('review_note'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    // A retransmitted StartTransaction carries the same five values: it must find this row, not add one.
    uniqueIndex('transactions_start_key').on(table.stationId, table.connectorId, table.idTag, table.startedAt, table.meterStart),
    uniqueIndex('transactions_open_per_connector').on(table.stationId, table.connectorId).where(sql`${table.stoppedAt} is null`),
    index('transactions_open_by_tag').on(sql`lower(${table.idTag})`).where(sql`${table.stoppedAt} is null`),
    index('transactions_started_at').on(table.startedAt),
    index('transactions_needs_review').on(table.id).where(sql`${table.needsReview}`),
  ],
);

/** Sampled values (OCPP 1.6 §7.43 SampledValue), normalised next to the raw value and unit. */
export const meterValues = pgTable(
  'meter_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No foreign keys on this, the hottest table: each one cost a row lock (FOR KEY SHARE, WAL-logged)
    // on the station or transaction for every sample, about 15 % of B2's insert time. The only writer
    // (lib/meter-values) inserts for a connected station and a transaction it has resolved, and
    // neither stations nor transactions are ever deleted.
    stationId: text('station_id').notNull(),
    connectorId: integer('connector_id').notNull(),
    transactionId: integer('transaction_id'),
    sampledAt: at('sampled_at').notNull(),
    measurand: text('measurand').notNull(),
    phase: text('phase'),
    location: text('location'),
    context: text('context').notNull(),
    format: text('format').notNull(),
    /** Wh, varh, W, var, VA, A, V, Percent, Celsius, Hz, rpm or '' (Power.Factor): see lib/meter-values. */
    unit: text('unit').notNull(),
    /** Normalised value; energy in Wh and power in W are whole numbers. Null for SignedData or a non-number. */
    value: doublePrecision('value'),
    rawValue: text('raw_value').notNull(),
    rawUnit: text('raw_unit'),
    receivedAt: at('received_at').notNull(),
  },
  (table) => [
    uniqueIndex('meter_values_sample_key').on(
      table.stationId,
      table.connectorId,
      table.sampledAt,
      table.measurand,
      sql`coalesce(${table.phase}, '')`,
      sql`coalesce(${table.location}, '')`,
    ),
    index('meter_values_transaction_at').on(table.transactionId, table.sampledAt),
    // The overview's fleet power history reads the last hours of power samples fleet-wide.
    index('meter_values_power_at').on(table.sampledAt).where(sql`${table.measurand} = 'Power.Active.Import'`),
  ],
);

/** Things a station reported that did not fit (e.g. a StopTransaction for an unknown transactionId). */
export const transactionAnomalies = pgTable(
  'transaction_anomalies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull(),
    transactionId: integer('transaction_id'),
    kind: text('kind').notNull(),
    detail: jsonb('detail').notNull().default({}),
    at: at('at').notNull().defaultNow(),
  },
  (table) => [index('transaction_anomalies_station_at').on(table.stationId, table.at)],
);

/** Every OCPP-J frame in and out, for the inspector; pruned by age and row count. */
export const ocppMessageLog = pgTable(
  'ocpp_message_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    stationId: text('station_id').notNull(),
    direction: text('direction').notNull(),
    messageType: smallint('message_type'),
    messageId: text('message_id'),
    action: text('action'),
    frame: text('frame').notNull(),
    latencyMs: integer('latency_ms'),
    errorCode: text('error_code'),
  },
  (table) => [index('ocpp_message_log_station_id').on(table.stationId, table.id), index('ocpp_message_log_at').using('brin', table.at)],
);

export type Station = typeof stations.$inferSelect;
export type Connector = typeof connectors.$inferSelect;
export type IdTag = typeof idTags.$inferSelect;
export type Transaction = typeof transactions.$inferSelect;
export type MeterValueRow = typeof meterValues.$inferInsert;
export type MessageLogRow = typeof ocppMessageLog.$inferInsert;
