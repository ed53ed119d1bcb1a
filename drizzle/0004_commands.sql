CREATE TYPE "public"."command_state" AS ENUM('queued', 'sending', 'completed', 'rejected', 'failed', 'timed_out', 'offline');--> statement-breakpoint
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
ALTER TABLE "commands" ADD CONSTRAINT "commands_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commands_station_id" ON "commands" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "commands_open" ON "commands" USING btree ("node_id","state") WHERE "commands"."state" in ('queued', 'sending');