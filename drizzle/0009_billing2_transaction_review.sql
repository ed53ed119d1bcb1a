ALTER TABLE "transactions" ADD COLUMN "needs_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "review_note" text;--> statement-breakpoint
CREATE INDEX "transactions_needs_review" ON "transactions" USING btree ("id") WHERE "transactions"."needs_review";