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
CREATE TABLE "invoice_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_counters_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"component" text NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(16, 6) NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric(14, 6) NOT NULL,
	"net" integer NOT NULL,
	"vat_rate" numeric(5, 2),
	"vat" integer NOT NULL,
	"gross" integer NOT NULL,
	CONSTRAINT "invoice_lines_totals" CHECK ("invoice_lines"."gross" = "invoice_lines"."net" + "invoice_lines"."vat")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"net" integer NOT NULL,
	"vat" integer NOT NULL,
	"gross" integer NOT NULL,
	"transaction_id" integer,
	"driver_id" uuid,
	"subscription_id" uuid,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"credits_invoice_id" uuid,
	"customer_name" text,
	"customer_email" text,
	"note" text,
	"issued_by" text NOT NULL,
	CONSTRAINT "invoices_totals" CHECK ("invoices"."gross" = "invoices"."net" + "invoices"."vat")
);
--> statement-breakpoint
CREATE TABLE "wallet_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wallet_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"wallet_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"transaction_id" integer,
	"invoice_id" uuid,
	"reference" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "wallet_entries_sign" CHECK (case "wallet_entries"."kind" when 'top_up' then "wallet_entries"."amount" > 0 when 'refund' then "wallet_entries"."amount" > 0 when 'session_debit' then "wallet_entries"."amount" <= 0 else "wallet_entries"."amount" <> 0 end)
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driver_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"min_balance" integer DEFAULT 1 NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"reference" text NOT NULL,
	"purpose" text NOT NULL,
	"invoice_id" uuid,
	"wallet_id" uuid,
	"currency" text NOT NULL,
	"amount" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"succeeded_at" timestamp with time zone
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
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_driver_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."driver_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credits_invoice_id_invoices_id_fk" FOREIGN KEY ("credits_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_overrides_open_target" ON "tariff_overrides" USING btree ("kind",coalesce("id_tag", "driver_id"::text)) WHERE "tariff_overrides"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "driver_subscriptions_driver" ON "driver_subscriptions" USING btree ("driver_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_plans_name_unique" ON "subscription_plans" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_series_year_sequence" ON "invoices" USING btree ("series","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_session" ON "invoices" USING btree ("transaction_id") WHERE "invoices"."kind" = 'session';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_period" ON "invoices" USING btree ("subscription_id","period_start") WHERE "invoices"."kind" = 'subscription_fee';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_credit_note" ON "invoices" USING btree ("credits_invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_issued_at" ON "invoices" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "invoices_driver" ON "invoices" USING btree ("driver_id","issued_at");--> statement-breakpoint
CREATE INDEX "wallet_entries_wallet" ON "wallet_entries" USING btree ("wallet_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_one_debit_per_session" ON "wallet_entries" USING btree ("transaction_id") WHERE "wallet_entries"."kind" = 'session_debit';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_one_refund_per_invoice" ON "wallet_entries" USING btree ("invoice_id") WHERE "wallet_entries"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_reference" ON "wallet_entries" USING btree ("reference") WHERE "wallet_entries"."kind" = 'top_up' and "wallet_entries"."reference" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "wallets_driver" ON "wallets" USING btree ("driver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_reference" ON "payments" USING btree ("provider","reference");--> statement-breakpoint
CREATE INDEX "payments_invoice" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_succeeded_at" ON "payments" USING btree ("succeeded_at");--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_tariffs" ADD CONSTRAINT "transaction_tariffs_subscription_id_driver_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."driver_subscriptions"("id") ON DELETE set null ON UPDATE no action;