CREATE TABLE "subscription_energy_usage" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"wh" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subscription_energy_usage_wh" CHECK ("subscription_energy_usage"."wh" >= 0)
);
--> statement-breakpoint
ALTER TABLE "subscription_plans" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "subscription_energy_usage" ADD CONSTRAINT "subscription_energy_usage_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_energy_usage" ADD CONSTRAINT "subscription_energy_usage_subscription_id_driver_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."driver_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_energy_usage_period" ON "subscription_energy_usage" USING btree ("subscription_id","period_start");