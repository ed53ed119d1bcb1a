import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { stations, transactions } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * pending: ReserveNow sent, no answer yet; active: the station Accepted; refused: it answered
 * Occupied / Faulted / Unavailable / Rejected, or could not be reached; used: a StartTransaction
 * carried its reservationId (or its tag on its connector); cancelled: CancelReservation; expired:
 * its expiry passed unused (OCPP 1.6 §5.13: the station frees the connector by itself then).
 */
export const reservationStatuses = ['pending', 'active', 'refused', 'used', 'cancelled', 'expired'] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];
export const reservationStatusEnum = pgEnum('reservation_status', reservationStatuses);

/** A connector held for an id tag until a time (OCPP 1.6 §5.13 ReserveNow). The id is the OCPP reservationId. */
export const reservations = pgTable(
  'reservations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    /** 0: any connector of the station (§5.13, if ReserveConnectorZeroSupported). */
    connectorId: integer('connector_id').notNull(),
    idTag: text('id_tag').notNull(),
    parentIdTag: text('parent_id_tag'),
    expiresAt: at('expires_at').notNull(),
    status: reservationStatusEnum('status').notNull().default('pending'),
    /** The station's answer to ReserveNow (Accepted, Occupied, …) or why there was none. */
    stationAnswer: text('station_answer'),
    transactionId: integer('transaction_id').references(() => transactions.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
  },
  (table) => [
    index('reservations_station').on(table.stationId, table.createdAt),
    index('reservations_active_expiry').on(table.expiresAt).where(sql`${table.status} = 'active'`),
    uniqueIndex('reservations_one_active_per_connector').on(table.stationId, table.connectorId).where(sql`${table.status} in ('pending', 'active')`),
  ],
);

export type Reservation = typeof reservations.$inferSelect;
