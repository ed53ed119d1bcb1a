ALTER TABLE "payments" ADD COLUMN "intent_reference" text;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_intent_reference" ON "payments" USING btree ("provider","intent_reference");