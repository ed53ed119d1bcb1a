import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idTags } from './ocpp';
import { sites } from './sites';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const driverStatuses = ['active', 'blocked'] as const;
export type DriverStatus = (typeof driverStatuses)[number];
export const driverStatusEnum = pgEnum('driver_status', driverStatuses);

/** A person who charges: holds id tags (RFID cards). A blocked driver's tags all answer Blocked. */
export const drivers = pgTable(
  'drivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Lower-cased; unique when present (CSV import and people search by it). */
    email: text('email'),
    phone: text('phone'),
    status: driverStatusEnum('status').notNull().default('active'),
    /** The company or fleet the driver belongs to: the grouping of drivers. */
    company: text('company'),
    notes: text('notes'),
    /** Set when the driver asked for their account to be deleted: personal fields are cleared, sessions stay for accounting. */
    anonymisedAt: at('anonymised_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('drivers_email_unique').on(sql`lower(${table.email})`), index('drivers_company').on(sql`lower(${table.company})`)],
);

/**
 * The sites an id tag may charge at, when `id_tags.all_sites` is false. Deleting a site deletes
 * its rows here, which narrows the tag's access (never widens it: all_sites stays false).
 */
export const idTagSites = pgTable(
  'id_tag_sites',
  {
    idTagId: uuid('id_tag_id')
      .notNull()
      .references(() => idTags.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.idTagId, table.siteId] }), index('id_tag_sites_site').on(table.siteId)],
);

export type Driver = typeof drivers.$inferSelect;
export type NewDriver = typeof drivers.$inferInsert;
