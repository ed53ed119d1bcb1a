CREATE TABLE "station_monthly_heatmap" (
	"station_id" text NOT NULL,
	"month" date NOT NULL,
	"month_start" timestamp with time zone NOT NULL,
	"month_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"occupied_by_weekday_hour" integer[] NOT NULL,
	"observed_days_by_weekday" integer[] NOT NULL,
	CONSTRAINT "station_monthly_heatmap_station_id_month_pk" PRIMARY KEY("station_id","month")
);
--> statement-breakpoint
CREATE TABLE "station_monthly_revenue" (
	"station_id" text NOT NULL,
	"month" date NOT NULL,
	"month_start" timestamp with time zone NOT NULL,
	"month_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"tariff_id" uuid,
	"tariff_name" text,
	"payment_method" text NOT NULL,
	"currency" text NOT NULL,
	"sessions" integer NOT NULL,
	"net" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"gross" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "station_monthly_heatmap" ADD CONSTRAINT "station_monthly_heatmap_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_monthly_revenue" ADD CONSTRAINT "station_monthly_revenue_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_monthly_heatmap_start" ON "station_monthly_heatmap" USING btree ("month_start");--> statement-breakpoint
CREATE INDEX "station_monthly_revenue_start" ON "station_monthly_revenue" USING btree ("month_start","station_id");--> statement-breakpoint
CREATE INDEX "station_monthly_revenue_station" ON "station_monthly_revenue" USING btree ("station_id","month");--> statement-breakpoint
CREATE INDEX "transaction_revenue_priced" ON "transaction_revenue" USING btree ("priced_at");