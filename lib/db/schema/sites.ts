import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stations } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A place with stations: an address, coordinates, and the wall clock its tariffs are evaluated on. */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-1 alpha-2, e.g. DE. */
    country: text('country'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** IANA zone (canonical spelling, checked with Intl), e.g. Europe/Berlin. */
    timeZone: text('time_zone').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('sites_name_unique').on(sql`lower(${table.name})`),
    check('sites_coordinates_pair', sql`(${table.latitude} is null) = (${table.longitude} is null)`),
  ],
);

/**
 * Which site a station belongs to (at most one). A table of its own rather than a column on
 * `stations`, which the OCPP server owns.
 */
export const stationSites = pgTable(
  'station_sites',
  {
    stationId: text('station_id')
      .primaryKey()
      .references(() => stations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    assignedAt: at('assigned_at').notNull().defaultNow(),
  },
  (table) => [index('station_sites_site').on(table.siteId)],
);

export type Site = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;
