ALTER TABLE "meter_values" DROP CONSTRAINT "meter_values_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "meter_values" DROP CONSTRAINT "meter_values_transaction_id_transactions_id_fk";
