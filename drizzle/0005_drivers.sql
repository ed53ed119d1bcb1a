CREATE TYPE "public"."id_tag_status" AS ENUM('Accepted', 'Blocked', 'Expired');--> statement-breakpoint
CREATE TYPE "public"."driver_status" AS ENUM('active', 'blocked');--> statement-breakpoint
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
DROP INDEX "id_tags_id_tag_unique";--> statement-breakpoint
ALTER TABLE "id_tags" ADD COLUMN "status" "id_tag_status" DEFAULT 'Accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "id_tags" ADD COLUMN "driver_id" uuid;--> statement-breakpoint
ALTER TABLE "id_tags" ADD COLUMN "all_sites" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "id_tag_sites" ADD CONSTRAINT "id_tag_sites_id_tag_id_id_tags_id_fk" FOREIGN KEY ("id_tag_id") REFERENCES "public"."id_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_tag_sites" ADD CONSTRAINT "id_tag_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drivers_email_unique" ON "drivers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "drivers_company" ON "drivers" USING btree (lower("company"));--> statement-breakpoint
CREATE INDEX "id_tag_sites_site" ON "id_tag_sites" USING btree ("site_id");--> statement-breakpoint
ALTER TABLE "id_tags" ADD CONSTRAINT "id_tags_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "id_tags_id_tag_key" ON "id_tags" USING btree ("id_tag");--> statement-breakpoint
CREATE INDEX "id_tags_parent" ON "id_tags" USING btree ("parent_id_tag");--> statement-breakpoint
CREATE INDEX "id_tags_driver" ON "id_tags" USING btree ("driver_id");--> statement-breakpoint
ALTER TABLE "id_tags" ADD CONSTRAINT "id_tags_id_tag_length" CHECK (char_length("id_tags"."id_tag") between 1 and 20);--> statement-breakpoint
ALTER TABLE "id_tags" ADD CONSTRAINT "id_tags_max_concurrent_tx" CHECK ("id_tags"."max_concurrent_tx" is null or "id_tags"."max_concurrent_tx" >= 1);