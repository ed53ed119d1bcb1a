ALTER TABLE "payments" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD COLUMN "retried_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD COLUMN "retry_command_id" bigint;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD COLUMN "retry_outcome" text;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_retry_command_id_commands_id_fk" FOREIGN KEY ("retry_command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_refunded_at" ON "payments" USING btree ("refunded_at");