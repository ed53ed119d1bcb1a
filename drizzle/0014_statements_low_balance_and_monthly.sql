CREATE TABLE "low_balance_stops" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"wallet_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"cost_so_far" integer NOT NULL,
	"balance" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"command_id" bigint,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "invoicing_settings" (
	"subject" text NOT NULL,
	"subject_key" text NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "invoicing_settings_subject_subject_key_pk" PRIMARY KEY("subject","subject_key")
);
--> statement-breakpoint
CREATE TABLE "monthly_billed_sessions" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"account_name" text NOT NULL,
	"driver_id" uuid,
	"customer_email" text,
	"stopped_at" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"net" integer NOT NULL,
	"vat" integer NOT NULL,
	"gross" integer NOT NULL,
	"invoice_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monthly_billed_sessions_totals" CHECK ("monthly_billed_sessions"."gross" = "monthly_billed_sessions"."net" + "monthly_billed_sessions"."vat")
);
--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_billed_sessions" ADD CONSTRAINT "monthly_billed_sessions_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_billed_sessions" ADD CONSTRAINT "monthly_billed_sessions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_billed_sessions_open" ON "monthly_billed_sessions" USING btree ("stopped_at") WHERE "monthly_billed_sessions"."invoice_id" is null;--> statement-breakpoint
CREATE INDEX "monthly_billed_sessions_invoice" ON "monthly_billed_sessions" USING btree ("invoice_id");