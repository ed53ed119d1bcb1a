import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { stations } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** What a local list entry carries (OCPP 1.6 §7.15 AuthorizationData.idTagInfo). */
export interface LocalListEntryInfo {
  status: string;
  expiryDate?: string;
  parentIdTag?: string;
}

/**
 * Per station: the local authorization list (OCPP 1.6 §3.5.3, §5.15 SendLocalList) as we last got a
 * station to accept it, and the version the station last reported (GetLocalListVersion). The list
 * we would send now is computed from the id tags; the difference is the sync state.
 */
export const stationLocalLists = pgTable('station_local_lists', {
  stationId: text('station_id')
    .primaryKey()
    .references(() => stations.id, { onDelete: 'cascade' }),
  /** The listVersion of the last SendLocalList the station Accepted (0 = none yet). */
  sentVersion: integer('sent_version').notNull().default(0),
  /** idTag → idTagInfo as accepted then: the base of the next Differential update. */
  sentEntries: jsonb('sent_entries').$type<Record<string, LocalListEntryInfo>>().notNull().default({}),
  sentAt: at('sent_at'),
  reportedVersion: integer('reported_version'),
  reportedAt: at('reported_at'),
  /** The station's refusal of the last attempt (Failed, NotSupported, VersionMismatch) or why it could not be sent. */
  lastError: text('last_error'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export type StationLocalList = typeof stationLocalLists.$inferSelect;
