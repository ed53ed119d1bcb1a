CREATE TABLE "station_local_lists" (
	"station_id" text PRIMARY KEY NOT NULL,
	"sent_version" integer DEFAULT 0 NOT NULL,
	"sent_entries" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"reported_version" integer,
	"reported_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "station_local_lists" ADD CONSTRAINT "station_local_lists_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;