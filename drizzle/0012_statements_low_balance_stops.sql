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
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_balance_stops" ADD CONSTRAINT "low_balance_stops_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE set null ON UPDATE no action;