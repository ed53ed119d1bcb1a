CREATE TYPE "public"."station_registration_status" AS ENUM('accepted', 'pending', 'rejected');--> statement-breakpoint
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
	"blocked" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"max_concurrent_tx" integer DEFAULT 1,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "connector_status_history" ADD CONSTRAINT "connector_status_history_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_connections" ADD CONSTRAINT "station_connections_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_status_history_station_at" ON "connector_status_history" USING btree ("station_id","connector_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "id_tags_id_tag_unique" ON "id_tags" USING btree (lower("id_tag"));--> statement-breakpoint
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
CREATE INDEX "transactions_started_at" ON "transactions" USING btree ("started_at");