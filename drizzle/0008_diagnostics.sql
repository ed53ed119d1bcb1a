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
ALTER TABLE "diagnostics_files" ADD CONSTRAINT "diagnostics_files_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_files" ADD CONSTRAINT "diagnostics_files_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_files_token" ON "diagnostics_files" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "diagnostics_files_station" ON "diagnostics_files" USING btree ("station_id","id");