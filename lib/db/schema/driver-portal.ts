import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { drivers } from './drivers';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A driver's portal sign-in, separate from operator users on purpose: a driver can never hold an
 * operator role, and an operator's session is never a driver's. No row = not invited yet.
 */
export const driverAccounts = pgTable('driver_accounts', {
  driverId: uuid('driver_id')
    .primaryKey()
    .references(() => drivers.id, { onDelete: 'cascade' }),
  /** argon2id, like operators'; null until the driver sets it through the invitation link. */
  passwordHash: text('password_hash'),
  createdAt: at('created_at').notNull().defaultNow(),
  lastLoginAt: at('last_login_at'),
  /**
   * When the driver proved they read mail at the driver's email: a verification link after self
   * sign-up, or an invitation / reset link. Until then the portal neither starts charging nor adds cards.
   */
  emailVerifiedAt: at('email_verified_at'),
});

export const driverTokenPurposes = ['invite', 'reset', 'verify'] as const;
export type DriverTokenPurpose = (typeof driverTokenPurposes)[number];
export const driverTokenPurposeEnum = pgEnum('driver_token_purpose', driverTokenPurposes);

/** One-time links (invitation, password reset, email verification): 256 random bits, stored as SHA-256, used once, expiring. */
export const driverLinkTokens = pgTable(
  'driver_link_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    purpose: driverTokenPurposeEnum('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (table) => [uniqueIndex('driver_link_tokens_hash').on(table.tokenHash), index('driver_link_tokens_driver').on(table.driverId)],
);

/** Signed-in portal devices: the cookie holds the random token, the row its SHA-256. */
export const driverSessions = pgTable(
  'driver_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [uniqueIndex('driver_sessions_hash').on(table.tokenHash), index('driver_sessions_driver').on(table.driverId)],
);

export type DriverAccount = typeof driverAccounts.$inferSelect;
export type DriverLinkToken = typeof driverLinkTokens.$inferSelect;
