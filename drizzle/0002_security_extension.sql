CREATE TABLE "certificate_signing_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"csr" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"type" text NOT NULL,
	"tech_info" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"critical" boolean NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "log_status" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "log_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificate_signing_requests" ADD CONSTRAINT "certificate_signing_requests_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_signing_requests_station" ON "certificate_signing_requests" USING btree ("station_id","received_at");--> statement-breakpoint
CREATE INDEX "security_events_station" ON "security_events" USING btree ("station_id","occurred_at");