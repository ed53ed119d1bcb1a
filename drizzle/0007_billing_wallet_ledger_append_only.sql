-- The wallet ledger is append-only: the balance is the sum of the entries, and no entry changes.
CREATE FUNCTION "wallet_entries_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the wallet ledger is append-only (% refused): add a correcting entry instead', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "wallet_entries_append_only" BEFORE UPDATE OR DELETE ON "wallet_entries" FOR EACH ROW EXECUTE FUNCTION "wallet_entries_refuse_change"();
