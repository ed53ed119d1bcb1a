import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { commands } from './commands';
import { stations } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A diagnostics file the CSMS hosts the upload target for (OCPP 1.6 §5.9 GetDiagnostics `location`):
 * created with a one-time token when GetDiagnostics is sent, completed when the station uploads.
 */
export const diagnosticsFiles = pgTable(
  'diagnostics_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    /** sha256 of the upload token: the token itself is only in the URL given to the station. */
    tokenHash: text('token_hash').notNull(),
    commandId: bigint('command_id', { mode: 'number' }).references(() => commands.id, { onDelete: 'set null' }),
    requestedBy: text('requested_by').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** Set when an upload starts: a token is good for one upload. */
    claimedAt: at('claimed_at'),
    uploadedAt: at('uploaded_at'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** Relative to DATA_DIR. */
    storagePath: text('storage_path'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('diagnostics_files_token').on(table.tokenHash), index('diagnostics_files_station').on(table.stationId, table.id)],
);

export type DiagnosticsFile = typeof diagnosticsFiles.$inferSelect;
