import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { commands } from './commands';
import { stations } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A firmware file hosted by the CSMS under DATA_DIR/firmware, served to stations for UpdateFirmware (OCPP 1.6 §5.19). */
export const firmwareImages = pgTable(
  'firmware_images',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    vendor: text('vendor').notNull(),
    model: text('model').notNull(),
    version: text('version').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Relative to DATA_DIR. */
    storagePath: text('storage_path').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('firmware_images_version').on(table.vendor, table.model, table.version)],
);

/**
 * scheduled → running ⇄ paused → completed; cancelled by an operator at any point; stopped when
 * failures reach the threshold.
 */
export const campaignStates = ['scheduled', 'running', 'paused', 'completed', 'cancelled', 'stopped'] as const;
export type CampaignState = (typeof campaignStates)[number];
export const campaignStateEnum = pgEnum('firmware_campaign_state', campaignStates);

/** A rollout of one firmware image to a set of stations, in batches, tracked per station. */
export const firmwareCampaigns = pgTable('firmware_campaigns', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  firmwareId: bigint('firmware_id', { mode: 'number' })
    .notNull()
    .references(() => firmwareImages.id),
  state: campaignStateEnum('state').notNull().default('scheduled'),
  /** How the targets were chosen (vendor, model, site, station list), kept for the record. */
  selector: jsonb('selector').notNull(),
  /** UpdateFirmware sent per scheduler round. */
  batchSize: integer('batch_size').notNull(),
  /** Stations updating at once at most (sent, downloading, installing). */
  concurrency: integer('concurrency').notNull(),
  /** The campaign stops once this many stations failed (null: never). */
  failureThreshold: integer('failure_threshold'),
  /** A station with no final FirmwareStatusNotification this long after the command fails. */
  stationTimeoutS: integer('station_timeout_s').notNull(),
  startAt: at('start_at').notNull(),
  /** Where stations reach the web app (the download URL's origin), from the request that created the campaign. */
  baseUrl: text('base_url').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  stateReason: text('state_reason'),
});

/** pending → sent → downloading → downloaded → installing → installed, or failed at any step. */
export const campaignTargetStates = ['pending', 'sent', 'downloading', 'downloaded', 'installing', 'installed', 'failed'] as const;
export type CampaignTargetState = (typeof campaignTargetStates)[number];
export const campaignTargetStateEnum = pgEnum('firmware_target_state', campaignTargetStates);
export const inFlightTargetStates: readonly CampaignTargetState[] = ['sent', 'downloading', 'downloaded', 'installing'];

export const firmwareCampaignTargets = pgTable(
  'firmware_campaign_targets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => firmwareCampaigns.id, { onDelete: 'cascade' }),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    state: campaignTargetStateEnum('state').notNull().default('pending'),
    /** sha256 of the download token in the URL sent to this station. */
    tokenHash: text('token_hash'),
    tokenExpiresAt: at('token_expires_at'),
    commandId: bigint('command_id', { mode: 'number' }).references(() => commands.id, { onDelete: 'set null' }),
    /** The last FirmwareStatusNotification status, or why it failed. */
    detail: text('detail'),
    sentAt: at('sent_at'),
    downloads: integer('downloads').notNull().default(0),
    downloadedAt: at('downloaded_at'),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('firmware_targets_campaign_station').on(table.campaignId, table.stationId),
    uniqueIndex('firmware_targets_token').on(table.tokenHash),
    index('firmware_targets_station').on(table.stationId, table.state),
  ],
);

export type FirmwareImage = typeof firmwareImages.$inferSelect;
export type FirmwareCampaign = typeof firmwareCampaigns.$inferSelect;
export type FirmwareCampaignTarget = typeof firmwareCampaignTargets.$inferSelect;
