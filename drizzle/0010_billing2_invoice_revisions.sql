DROP INDEX "invoices_one_per_session";--> statement-breakpoint
DROP INDEX "wallet_entries_one_debit_per_session";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_session_revision" ON "invoices" USING btree ("transaction_id","revision") WHERE "invoices"."kind" = 'session';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_one_debit_per_invoice" ON "wallet_entries" USING btree ("invoice_id") WHERE "wallet_entries"."kind" = 'session_debit';