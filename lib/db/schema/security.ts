import { bigserial, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { stations } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * SecurityEventNotification (OCPP 1.6 Security Whitepaper, edition 3, §2.6): what a station reports
 * about its own security — tamper detection, invalid certificates, firmware signatures, resets.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    techInfo: text('tech_info'),
    /** The station's timestamp; receivedAt is ours. */
    occurredAt: at('occurred_at').notNull(),
    /** Critical per the whitepaper's list of security events (lib/security/security-event-types.ts). */
    critical: boolean('critical').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (table) => [index('security_events_station').on(table.stationId, table.occurredAt)],
);

/**
 * SignCertificate (Security Whitepaper §2.3 / use case A02): the station's certificate signing request.
 * The CSMS has no CA of its own: an operator signs the CSR with theirs and sends CertificateSigned.
 */
export const certificateSigningRequests = pgTable(
  'certificate_signing_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    csr: text('csr').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (table) => [index('certificate_signing_requests_station').on(table.stationId, table.receivedAt)],
);

export type SecurityEvent = typeof securityEvents.$inferSelect;
export type CertificateSigningRequest = typeof certificateSigningRequests.$inferSelect;
