CREATE TABLE "connector_daily_stats" (
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"day" date NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"day_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"observed_seconds" bigint DEFAULT 0 NOT NULL,
	"charging_seconds" bigint DEFAULT 0 NOT NULL,
	"idle_seconds" bigint DEFAULT 0 NOT NULL,
	"available_seconds" bigint DEFAULT 0 NOT NULL,
	"unavailable_seconds" bigint DEFAULT 0 NOT NULL,
	"faulted_seconds" bigint DEFAULT 0 NOT NULL,
	"offline_seconds" bigint DEFAULT 0 NOT NULL,
	"exempt_seconds" bigint DEFAULT 0 NOT NULL,
	"exempt_up_seconds" bigint DEFAULT 0 NOT NULL,
	"sessions_started" bigint DEFAULT 0 NOT NULL,
	"sessions_stopped" bigint DEFAULT 0 NOT NULL,
	"session_seconds" bigint DEFAULT 0 NOT NULL,
	"session_energy_wh" bigint DEFAULT 0 NOT NULL,
	"length_histogram" integer[] DEFAULT '{0,0,0,0,0,0,0}' NOT NULL,
	"energy_wh" bigint DEFAULT 0 NOT NULL,
	"peak_power_w" bigint DEFAULT 0 NOT NULL,
	"faults" bigint DEFAULT 0 NOT NULL,
	"revenue_net" bigint DEFAULT 0 NOT NULL,
	"revenue_vat" bigint DEFAULT 0 NOT NULL,
	"revenue_gross" bigint DEFAULT 0 NOT NULL,
	"currency" text,
	"occupied_by_hour" integer[] NOT NULL,
	CONSTRAINT "connector_daily_stats_station_id_connector_id_day_pk" PRIMARY KEY("station_id","connector_id","day")
);
--> statement-breakpoint
CREATE TABLE "connector_fault_episodes" (
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"error_code" text NOT NULL,
	"vendor_id" text,
	"vendor_error_code" text,
	CONSTRAINT "connector_fault_episodes_station_id_connector_id_started_at_pk" PRIMARY KEY("station_id","connector_id","started_at")
);
--> statement-breakpoint
CREATE TABLE "connector_hourly_stats" (
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"hour_start" timestamp with time zone NOT NULL,
	"observed_seconds" bigint DEFAULT 0 NOT NULL,
	"charging_seconds" bigint DEFAULT 0 NOT NULL,
	"idle_seconds" bigint DEFAULT 0 NOT NULL,
	"available_seconds" bigint DEFAULT 0 NOT NULL,
	"unavailable_seconds" bigint DEFAULT 0 NOT NULL,
	"faulted_seconds" bigint DEFAULT 0 NOT NULL,
	"offline_seconds" bigint DEFAULT 0 NOT NULL,
	"exempt_seconds" bigint DEFAULT 0 NOT NULL,
	"exempt_up_seconds" bigint DEFAULT 0 NOT NULL,
	"sessions_started" bigint DEFAULT 0 NOT NULL,
	"sessions_stopped" bigint DEFAULT 0 NOT NULL,
	"session_seconds" bigint DEFAULT 0 NOT NULL,
	"session_energy_wh" bigint DEFAULT 0 NOT NULL,
	"length_histogram" integer[] DEFAULT '{0,0,0,0,0,0,0}' NOT NULL,
	"energy_wh" bigint DEFAULT 0 NOT NULL,
	"peak_power_w" bigint DEFAULT 0 NOT NULL,
	"faults" bigint DEFAULT 0 NOT NULL,
	"revenue_net" bigint DEFAULT 0 NOT NULL,
	"revenue_vat" bigint DEFAULT 0 NOT NULL,
	"revenue_gross" bigint DEFAULT 0 NOT NULL,
	"currency" text,
	CONSTRAINT "connector_hourly_stats_station_id_connector_id_hour_start_pk" PRIMARY KEY("station_id","connector_id","hour_start")
);
--> statement-breakpoint
CREATE TABLE "rollup_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"status_history_id" bigint DEFAULT 0 NOT NULL,
	"meter_value_id" bigint DEFAULT 0 NOT NULL,
	"changed_since" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_revenue" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"stopped_at" timestamp with time zone NOT NULL,
	"tariff_id" uuid,
	"tariff_name" text,
	"currency" text NOT NULL,
	"net" integer NOT NULL,
	"vat" integer NOT NULL,
	"gross" integer NOT NULL,
	"payment_method" text,
	"priced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uptime_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" text NOT NULL,
	"connector_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uptime_exemptions_order" CHECK ("uptime_exemptions"."ends_at" > "uptime_exemptions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "connector_daily_stats" ADD CONSTRAINT "connector_daily_stats_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_fault_episodes" ADD CONSTRAINT "connector_fault_episodes_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_hourly_stats" ADD CONSTRAINT "connector_hourly_stats_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_revenue" ADD CONSTRAINT "transaction_revenue_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uptime_exemptions" ADD CONSTRAINT "uptime_exemptions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_daily_stats_start" ON "connector_daily_stats" USING btree ("day_start");--> statement-breakpoint
CREATE INDEX "connector_fault_episodes_started" ON "connector_fault_episodes" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "connector_hourly_stats_hour" ON "connector_hourly_stats" USING btree ("hour_start");--> statement-breakpoint
CREATE INDEX "transaction_revenue_stopped" ON "transaction_revenue" USING btree ("stopped_at");--> statement-breakpoint
CREATE INDEX "uptime_exemptions_station" ON "uptime_exemptions" USING btree ("station_id","starts_at");