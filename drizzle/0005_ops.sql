CREATE TYPE "public"."firmware_campaign_state" AS ENUM('scheduled', 'running', 'paused', 'completed', 'cancelled', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."firmware_target_state" AS ENUM('pending', 'sent', 'downloading', 'downloaded', 'installing', 'installed', 'failed');--> statement-breakpoint
CREATE TABLE "firmware_campaign_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" bigint NOT NULL,
	"station_id" text NOT NULL,
	"state" "firmware_target_state" DEFAULT 'pending' NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"command_id" bigint,
	"detail" text,
	"sent_at" timestamp with time zone,
	"downloads" integer DEFAULT 0 NOT NULL,
	"downloaded_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firmware_campaigns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"firmware_id" bigint NOT NULL,
	"state" "firmware_campaign_state" DEFAULT 'scheduled' NOT NULL,
	"selector" jsonb NOT NULL,
	"batch_size" integer NOT NULL,
	"concurrency" integer NOT NULL,
	"failure_threshold" integer,
	"station_timeout_s" integer NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"base_url" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"state_reason" text
);
--> statement-breakpoint
CREATE TABLE "firmware_images" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vendor" text NOT NULL,
	"model" text NOT NULL,
	"version" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "firmware_campaign_targets" ADD CONSTRAINT "firmware_campaign_targets_campaign_id_firmware_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."firmware_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_campaign_targets" ADD CONSTRAINT "firmware_campaign_targets_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_campaign_targets" ADD CONSTRAINT "firmware_campaign_targets_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_campaigns" ADD CONSTRAINT "firmware_campaigns_firmware_id_firmware_images_id_fk" FOREIGN KEY ("firmware_id") REFERENCES "public"."firmware_images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "firmware_targets_campaign_station" ON "firmware_campaign_targets" USING btree ("campaign_id","station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "firmware_targets_token" ON "firmware_campaign_targets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "firmware_targets_station" ON "firmware_campaign_targets" USING btree ("station_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "firmware_images_version" ON "firmware_images" USING btree ("vendor","model","version");