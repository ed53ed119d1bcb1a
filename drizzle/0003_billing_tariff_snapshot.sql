CREATE TABLE "tariff_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tariff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"id_tag" text,
	"driver_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	CONSTRAINT "tariff_overrides_kind_columns" CHECK (("tariff_overrides"."kind" = 'id_tag' and "tariff_overrides"."id_tag" is not null and "tariff_overrides"."driver_id" is null)
        or ("tariff_overrides"."kind" = 'driver' and "tariff_overrides"."driver_id" is not null and "tariff_overrides"."id_tag" is null))
);
--> statement-breakpoint
CREATE TABLE "driver_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driver_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "driver_subscriptions_period" CHECK ("driver_subscriptions"."ends_at" is null or "driver_subscriptions"."ends_at" > "driver_subscriptions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "subscription_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"monthly_fee" integer NOT NULL,
	"vat_percent" numeric(5, 2) DEFAULT 0 NOT NULL,
	"included_wh" integer DEFAULT 0 NOT NULL,
	"discount_percent" integer DEFAULT 0 NOT NULL,
	"tariff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_plans_amounts" CHECK ("subscription_plans"."monthly_fee" >= 0 and "subscription_plans"."included_wh" >= 0 and "subscription_plans"."discount_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ALTER COLUMN "tariff_version_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ALTER COLUMN "scope" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ALTER COLUMN "scope" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD COLUMN "driver_id" uuid;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD COLUMN "subscription_id" uuid;--> statement-breakpoint
ALTER TABLE "tariff_overrides" ADD CONSTRAINT "tariff_overrides_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_overrides" ADD CONSTRAINT "tariff_overrides_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_subscriptions" ADD CONSTRAINT "driver_subscriptions_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_subscriptions" ADD CONSTRAINT "driver_subscriptions_plan_id_subscription_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."subscription_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_plans" ADD CONSTRAINT "subscription_plans_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_overrides_open_target" ON "tariff_overrides" USING btree ("kind",coalesce("id_tag", "driver_id"::text)) WHERE "tariff_overrides"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "driver_subscriptions_driver" ON "driver_subscriptions" USING btree ("driver_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_plans_name_unique" ON "subscription_plans" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_subscription_id_driver_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."driver_subscriptions"("id") ON DELETE set null ON UPDATE no action;