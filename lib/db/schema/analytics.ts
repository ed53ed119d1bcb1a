import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stations, transactions } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });
const num = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Figures shared by the hourly and daily rollups of one connector. Seconds per state partition the
 * observed time (from the connector's first status): offline (station socket closed) wins over the
 * reported status. Energy in Wh, power in W, money in minor units of `currency`.
 */
const figures = () => ({
  observedSeconds: num('observed_seconds'),
  chargingSeconds: num('charging_seconds'),
  idleSeconds: num('idle_seconds'),
  availableSeconds: num('available_seconds'),
  unavailableSeconds: num('unavailable_seconds'),
  faultedSeconds: num('faulted_seconds'),
  offlineSeconds: num('offline_seconds'),
  /** Seconds inside operator-marked uptime exemptions, and those of them the port was up. */
  exemptSeconds: num('exempt_seconds'),
  exemptUpSeconds: num('exempt_up_seconds'),
  sessionsStarted: num('sessions_started'),
  /** Of the sessions started in the bucket: their total duration (stopped ones) and energy. */
  sessionsStopped: num('sessions_stopped'),
  sessionSeconds: num('session_seconds'),
  sessionEnergyWh: num('session_energy_wh'),
  /** Sessions started in the bucket and stopped, by length: <15 min, <30, <1 h, <2 h, <4 h, <8 h, ≥8 h. */
  lengthHistogram: integer('length_histogram').array().notNull().default(sql`'{0,0,0,0,0,0,0}'`),
  /** Energy delivered in the bucket: register increases attributed to the bucket of the later reading. */
  energyWh: num('energy_wh'),
  peakPowerW: num('peak_power_w'),
  faults: num('faults'),
  /** Priced sessions that stopped in the bucket (see transaction_revenue). */
  revenueNet: num('revenue_net'),
  revenueVat: num('revenue_vat'),
  revenueGross: num('revenue_gross'),
  currency: text('currency'),
});

export const connectorHourlyStats = pgTable(
  'connector_hourly_stats',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    hourStart: at('hour_start').notNull(),
    ...figures(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.connectorId, table.hourStart] }), index('connector_hourly_stats_hour').on(table.hourStart)],
);

/** Days in the site's time zone (UTC without a site): 23, 24 or 25 hourly buckets each. */
export const connectorDailyStats = pgTable(
  'connector_daily_stats',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dayStart: at('day_start').notNull(),
    dayEnd: at('day_end').notNull(),
    timeZone: text('time_zone').notNull(),
    ...figures(),
    /** Occupied (charging + idle) seconds per local hour of the day, 0–23, for the weekday × hour heatmap. */
    occupiedByHour: integer('occupied_by_hour').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.connectorId, table.day] }), index('connector_daily_stats_start').on(table.dayStart)],
);

/**
 * Local months (site time zone, UTC without a site) summed from the daily rows, so a report over a year
 * reads 12 rows per connector. `month` is its first day; `month_start`/`month_end` are the first day's
 * `day_start` and the next month's.
 */
export const connectorMonthlyStats = pgTable(
  'connector_monthly_stats',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    monthStart: at('month_start').notNull(),
    monthEnd: at('month_end').notNull(),
    timeZone: text('time_zone').notNull(),
    ...figures(),
    /**
     * For the weekday × hour heatmap over the days with observed time: occupied seconds per local weekday
     * (Monday first) × hour, 7 × 24 row-major, and how many such days fell on each weekday.
     */
    occupiedByWeekdayHour: integer('occupied_by_weekday_hour').array().notNull(),
    observedDaysByWeekday: integer('observed_days_by_weekday').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.connectorId, table.month] }), index('connector_monthly_stats_start').on(table.monthStart)],
);

/**
 * The heatmap cells of connector_monthly_stats summed per station and local month, so the utilization
 * heatmap over whole months reads one row per station-month instead of one per connector-month.
 * Maintained with the connector months (replaceMonthlyStats).
 */
export const stationMonthlyHeatmap = pgTable(
  'station_monthly_heatmap',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    monthStart: at('month_start').notNull(),
    monthEnd: at('month_end').notNull(),
    timeZone: text('time_zone').notNull(),
    occupiedByWeekdayHour: integer('occupied_by_weekday_hour').array().notNull(),
    observedDaysByWeekday: integer('observed_days_by_weekday').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.month] }), index('station_monthly_heatmap_start').on(table.monthStart)],
);

/** The final cost of each stopped, priced transaction (the billing engine prices on demand; reports need it stored). */
export const transactionRevenue = pgTable(
  'transaction_revenue',
  {
    transactionId: integer('transaction_id')
      .primaryKey()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    stationId: text('station_id').notNull(),
    connectorId: integer('connector_id').notNull(),
    stoppedAt: at('stopped_at').notNull(),
    tariffId: uuid('tariff_id'),
    tariffName: text('tariff_name'),
    currency: text('currency').notNull(),
    net: integer('net').notNull(),
    vat: integer('vat').notNull(),
    gross: integer('gross').notNull(),
    /**
     * How the session was paid, from the billing data (see derivePaymentMethods): wallet, card,
     * subscription or invoice. Null only for rows stored before it was derived.
     */
    paymentMethod: text('payment_method'),
    pricedAt: at('priced_at').notNull(),
  },
  (table) => [index('transaction_revenue_stopped').on(table.stoppedAt), index('transaction_revenue_priced').on(table.pricedAt)],
);

export const paymentMethods = ['wallet', 'card', 'subscription', 'invoice'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * Stored revenue (transaction_revenue) summed per station, local month (site time zone, UTC without a
 * site, by the session's stop), tariff, payment method and currency, so a report over a year reads
 * 12 rows per station and group instead of every session. `month_start`/`month_end` as in
 * connector_monthly_stats.
 */
export const stationMonthlyRevenue = pgTable(
  'station_monthly_revenue',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    monthStart: at('month_start').notNull(),
    monthEnd: at('month_end').notNull(),
    timeZone: text('time_zone').notNull(),
    tariffId: uuid('tariff_id'),
    tariffName: text('tariff_name'),
    paymentMethod: text('payment_method').notNull(),
    currency: text('currency').notNull(),
    sessions: integer('sessions').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    vat: bigint('vat', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
  },
  (table) => [index('station_monthly_revenue_start').on(table.monthStart, table.stationId), index('station_monthly_revenue_station').on(table.stationId, table.month)],
);

/** One row per Faulted episode of a connector, from its status history. */
export const connectorFaultEpisodes = pgTable(
  'connector_fault_episodes',
  {
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    errorCode: text('error_code').notNull(),
    vendorId: text('vendor_id'),
    vendorErrorCode: text('vendor_error_code'),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.connectorId, table.startedAt] }), index('connector_fault_episodes_started').on(table.startedAt)],
);

/**
 * Outages the operator marks as not counting against uptime (scheduled maintenance, grid outage,
 * vandalism …): a whole station or one connector.
 */
export const uptimeExemptions = pgTable(
  'uptime_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    /** Null: every connector of the station. */
    connectorId: integer('connector_id'),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('uptime_exemptions_station').on(table.stationId, table.startsAt), check('uptime_exemptions_order', sql`${table.endsAt} > ${table.startsAt}`)],
);

/** Where incremental maintenance got to: ids and times already folded into the rollups. */
export const rollupWatermarks = pgTable('rollup_watermarks', {
  name: text('name').primaryKey(),
  statusHistoryId: bigint('status_history_id', { mode: 'number' }).notNull().default(0),
  meterValueId: bigint('meter_value_id', { mode: 'number' }).notNull().default(0),
  changedSince: at('changed_since').notNull(),
  refreshedAt: at('refreshed_at').notNull(),
});

export type ConnectorHourlyStats = typeof connectorHourlyStats.$inferSelect;
export type ConnectorDailyStats = typeof connectorDailyStats.$inferSelect;
export type ConnectorMonthlyStats = typeof connectorMonthlyStats.$inferSelect;
export type UptimeExemption = typeof uptimeExemptions.$inferSelect;
