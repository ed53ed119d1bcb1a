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
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_entries_wallet" ON "wallet_entries" USING btree ("wallet_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_one_debit_per_session" ON "wallet_entries" USING btree ("transaction_id") WHERE "wallet_entries"."kind" = 'session_debit';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_one_refund_per_invoice" ON "wallet_entries" USING btree ("invoice_id") WHERE "wallet_entries"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_reference" ON "wallet_entries" USING btree ("reference") WHERE "wallet_entries"."kind" = 'top_up' and "wallet_entries"."reference" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "wallets_driver" ON "wallets" USING btree ("driver_id");