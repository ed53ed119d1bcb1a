CREATE TYPE "public"."id_tag_status" AS ENUM('Accepted', 'Blocked', 'Expired');--> statement-breakpoint
CREATE TYPE "public"."station_registration_status" AS ENUM('accepted', 'pending', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."alert_kind" AS ENUM('station_offline', 'connector_faulted', 'stuck_session', 'boot_rejected');--> statement-breakpoint
CREATE TYPE "public"."tariff_scope" AS ENUM('default', 'site', 'station', 'connector');--> statement-breakpoint
CREATE TYPE "public"."command_state" AS ENUM('queued', 'sending', 'completed', 'rejected', 'failed', 'timed_out', 'offline');--> statement-breakpoint
CREATE TYPE "public"."driver_status" AS ENUM('active', 'blocked');--> statement-breakpoint
CREATE TABLE "connector_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"status" text NOT NULL,
	"error_code" text NOT NULL,
	"info" text,
	"vendor_id" text,
	"vendor_error_code" text,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"status" text NOT NULL,
	"error_code" text NOT NULL,
	"info" text,
	"vendor_id" text,
	"vendor_error_code" text,
	"status_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectors_station_id_connector_id_pk" PRIMARY KEY("station_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "id_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_tag" text NOT NULL,
	"parent_id_tag" text,
	"status" "id_tag_status" DEFAULT 'Accepted' NOT NULL,
	"expires_at" timestamp with time zone,
	"max_concurrent_tx" integer DEFAULT 1,
	"driver_id" uuid,
	"all_sites" boolean DEFAULT true NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "id_tags_id_tag_length" CHECK (char_length("id_tags"."id_tag") between 1 and 20),
	CONSTRAINT "id_tags_max_concurrent_tx" CHECK ("id_tags"."max_concurrent_tx" is null or "id_tags"."max_concurrent_tx" >= 1)
);
--> statement-breakpoint
CREATE TABLE "meter_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"transaction_id" integer,
	"sampled_at" timestamp with time zone NOT NULL,
	"measurand" text NOT NULL,
	"phase" text,
	"location" text,
	"context" text NOT NULL,
	"format" text NOT NULL,
	"unit" text NOT NULL,
	"value" double precision,
	"raw_value" text NOT NULL,
	"raw_unit" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocpp_message_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"station_id" text NOT NULL,
	"direction" text NOT NULL,
	"message_type" smallint,
	"message_id" text,
	"action" text,
	"frame" text NOT NULL,
	"latency_ms" integer,
	"error_code" text
);
--> statement-breakpoint
CREATE TABLE "station_connections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"node_id" text NOT NULL,
	"protocol" text NOT NULL,
	"remote_address" text,
	"connected_at" timestamp with time zone NOT NULL,
	"disconnected_at" timestamp with time zone,
	"close_code" integer,
	"close_reason" text
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"registration_status" "station_registration_status" DEFAULT 'accepted' NOT NULL,
	"security_profile" smallint DEFAULT 0 NOT NULL,
	"password_hash" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"charge_box_serial_number" text,
	"firmware_version" text,
	"iccid" text,
	"imsi" text,
	"meter_type" text,
	"meter_serial_number" text,
	"online" boolean DEFAULT false NOT NULL,
	"node_id" text,
	"protocol" text,
	"last_seen_at" timestamp with time zone,
	"last_boot_at" timestamp with time zone,
	"clock_skew_ms" integer,
	"heartbeat_interval_s" integer,
	"diagnostics_status" text,
	"diagnostics_status_at" timestamp with time zone,
	"firmware_status" text,
	"firmware_status_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_anomalies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"transaction_id" integer,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"id_tag" text NOT NULL,
	"parent_id_tag" text,
	"auth_status" text NOT NULL,
	"reservation_id" integer,
	"meter_start" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"meter_stop" integer,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"stop_id_tag" text,
	"server_stop_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" "alert_kind" NOT NULL,
	"station_id" text NOT NULL,
	"connector_id" integer,
	"transaction_id" integer,
	"message" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_coordinates_pair" CHECK (("sites"."latitude" is null) = ("sites"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "station_sites" (
	"station_id" text PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tariff_id" uuid NOT NULL,
	"scope" "tariff_scope" NOT NULL,
	"site_id" uuid,
	"station_id" text,
	"connector_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	CONSTRAINT "tariff_assignments_scope_columns" CHECK (case "tariff_assignments"."scope"
        when 'default' then "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is null and "tariff_assignments"."connector_id" is null
        when 'site' then "tariff_assignments"."site_id" is not null and "tariff_assignments"."station_id" is null and "tariff_assignments"."connector_id" is null
        when 'station' then "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is not null and "tariff_assignments"."connector_id" is null
        else "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is not null and "tariff_assignments"."connector_id" is not null end)
);
--> statement-breakpoint
CREATE TABLE "tariff_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tariff_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"tariff" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_tariffs" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"tariff_version_id" uuid NOT NULL,
	"assignment_id" uuid,
	"scope" "tariff_scope" NOT NULL,
	"time_zone" text NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commands" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"station_id" text NOT NULL,
	"action" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" "command_state" DEFAULT 'queued' NOT NULL,
	"response" jsonb,
	"error_code" text,
	"error_description" text,
	"node_id" text,
	"timeout_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "drivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"status" "driver_status" DEFAULT 'active' NOT NULL,
	"company" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "id_tag_sites" (
	"id_tag_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	CONSTRAINT "id_tag_sites_id_tag_id_site_id_pk" PRIMARY KEY("id_tag_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "diagnostics_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"command_id" bigint,
	"requested_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone,
	"file_name" text,
	"content_type" text,
	"size_bytes" bigint,
	"storage_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connector_status_history" ADD CONSTRAINT "connector_status_history_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_tags" ADD CONSTRAINT "id_tags_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_connections" ADD CONSTRAINT "station_connections_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_sites" ADD CONSTRAINT "station_sites_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_sites" ADD CONSTRAINT "station_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_versions" ADD CONSTRAINT "tariff_versions_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_tariff_version_id_tariff_versions_id_fk" FOREIGN KEY ("tariff_version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_assignment_id_tariff_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."tariff_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commands" ADD CONSTRAINT "commands_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_tag_sites" ADD CONSTRAINT "id_tag_sites_id_tag_id_id_tags_id_fk" FOREIGN KEY ("id_tag_id") REFERENCES "public"."id_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_tag_sites" ADD CONSTRAINT "id_tag_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_files" ADD CONSTRAINT "diagnostics_files_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_files" ADD CONSTRAINT "diagnostics_files_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_status_history_station_at" ON "connector_status_history" USING btree ("station_id","connector_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "id_tags_id_tag_key" ON "id_tags" USING btree ("id_tag");--> statement-breakpoint
CREATE INDEX "id_tags_parent" ON "id_tags" USING btree ("parent_id_tag");--> statement-breakpoint
CREATE INDEX "id_tags_driver" ON "id_tags" USING btree ("driver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_values_sample_key" ON "meter_values" USING btree ("station_id","connector_id","sampled_at","measurand",coalesce("phase", ''),coalesce("location", ''));--> statement-breakpoint
CREATE INDEX "meter_values_transaction_at" ON "meter_values" USING btree ("transaction_id","sampled_at");--> statement-breakpoint
CREATE INDEX "ocpp_message_log_station_id" ON "ocpp_message_log" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "ocpp_message_log_at" ON "ocpp_message_log" USING brin ("at");--> statement-breakpoint
CREATE INDEX "station_connections_station_at" ON "station_connections" USING btree ("station_id","connected_at");--> statement-breakpoint
CREATE INDEX "station_connections_open" ON "station_connections" USING btree ("node_id") WHERE "station_connections"."disconnected_at" is null;--> statement-breakpoint
CREATE INDEX "stations_node_online" ON "stations" USING btree ("node_id") WHERE "stations"."online";--> statement-breakpoint
CREATE INDEX "transaction_anomalies_station_at" ON "transaction_anomalies" USING btree ("station_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_start_key" ON "transactions" USING btree ("station_id","connector_id","id_tag","started_at","meter_start");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_open_per_connector" ON "transactions" USING btree ("station_id","connector_id") WHERE "transactions"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "transactions_open_by_tag" ON "transactions" USING btree (lower("id_tag")) WHERE "transactions"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "transactions_started_at" ON "transactions" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_key" ON "alerts" USING btree ("key") WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_raised_at" ON "alerts" USING btree ("raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_unique" ON "sites" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "station_sites_site" ON "station_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_assignments_open_target" ON "tariff_assignments" USING btree ("scope",coalesce("site_id"::text, "station_id", ''),coalesce("connector_id", 0)) WHERE "tariff_assignments"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "tariff_assignments_station" ON "tariff_assignments" USING btree ("station_id","connector_id");--> statement-breakpoint
CREATE INDEX "tariff_assignments_site" ON "tariff_assignments" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "tariff_assignments_tariff" ON "tariff_assignments" USING btree ("tariff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_versions_tariff_version" ON "tariff_versions" USING btree ("tariff_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_name_unique" ON "tariffs" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_one_default" ON "tariffs" USING btree ("is_default") WHERE "tariffs"."is_default";--> statement-breakpoint
CREATE INDEX "commands_station_id" ON "commands" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "commands_open" ON "commands" USING btree ("node_id","state") WHERE "commands"."state" in ('queued', 'sending');--> statement-breakpoint
CREATE UNIQUE INDEX "drivers_email_unique" ON "drivers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "drivers_company" ON "drivers" USING btree (lower("company"));--> statement-breakpoint
CREATE INDEX "id_tag_sites_site" ON "id_tag_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_files_token" ON "diagnostics_files" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "diagnostics_files_station" ON "diagnostics_files" USING btree ("station_id","id");