ALTER TYPE "public"."driver_token_purpose" ADD VALUE 'verify';--> statement-breakpoint
ALTER TABLE "driver_accounts" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
-- Accounts that already hold a password predate verification: they keep charging as before.
UPDATE "driver_accounts" SET "email_verified_at" = "created_at" WHERE "password_hash" IS NOT NULL;
