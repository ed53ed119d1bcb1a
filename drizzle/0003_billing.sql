CREATE TYPE "public"."tariff_scope" AS ENUM('default', 'site', 'station', 'connector');--> statement-breakpoint
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
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_versions" ADD CONSTRAINT "tariff_versions_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_tariff_version_id_tariff_versions_id_fk" FOREIGN KEY ("tariff_version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_assignment_id_tariff_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."tariff_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_assignments_open_target" ON "tariff_assignments" USING btree ("scope",coalesce("site_id"::text, "station_id", ''),coalesce("connector_id", 0)) WHERE "tariff_assignments"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "tariff_assignments_station" ON "tariff_assignments" USING btree ("station_id","connector_id");--> statement-breakpoint
CREATE INDEX "tariff_assignments_site" ON "tariff_assignments" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "tariff_assignments_tariff" ON "tariff_assignments" USING btree ("tariff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_versions_tariff_version" ON "tariff_versions" USING btree ("tariff_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_name_unique" ON "tariffs" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_one_default" ON "tariffs" USING btree ("is_default") WHERE "tariffs"."is_default";