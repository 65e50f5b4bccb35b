CREATE TABLE "calendar_days" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	CONSTRAINT "calendar_days_year_version_day_pk" PRIMARY KEY("year","version","day"),
	CONSTRAINT "calendar_days_in_year" CHECK (extract(year from "calendar_days"."day") = "calendar_days"."year")
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"holidays" integer NOT NULL,
	"workdays" integer NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_years_year_version_pk" PRIMARY KEY("year","version"),
	CONSTRAINT "calendar_years_version_positive" CHECK ("calendar_years"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_year_version_calendar_years_year_version_fk" FOREIGN KEY ("year","version") REFERENCES "public"."calendar_years"("year","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "calendar_days_read" ON "calendar_days" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (true);--> statement-breakpoint
CREATE POLICY "calendar_days_insert_root" ON "calendar_days" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (EXISTS (SELECT 1 FROM orgs WHERE orgs.parent_code IS NULL AND orgs.path = sifa_scope_path()));--> statement-breakpoint
CREATE POLICY "calendar_years_read" ON "calendar_years" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (true);--> statement-breakpoint
CREATE POLICY "calendar_years_insert_root" ON "calendar_years" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (EXISTS (SELECT 1 FROM orgs WHERE orgs.parent_code IS NULL AND orgs.path = sifa_scope_path()));--> statement-breakpoint
-- Calendar data is reference data every scoped transaction reads; a version is added (policy:
-- only in a transaction scoped to the root of the org tree), never changed or removed.
GRANT SELECT, INSERT ON "calendar_years", "calendar_days" TO sifa_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sifa_calendar_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'calendar data is immutable: import a new version instead'; END $$;
--> statement-breakpoint
CREATE TRIGGER calendar_years_immutable BEFORE UPDATE OR DELETE ON calendar_years
  FOR EACH ROW EXECUTE FUNCTION sifa_calendar_immutable();
--> statement-breakpoint
CREATE TRIGGER calendar_years_no_truncate BEFORE TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION sifa_calendar_immutable();
--> statement-breakpoint
CREATE TRIGGER calendar_days_immutable BEFORE UPDATE OR DELETE ON calendar_days
  FOR EACH ROW EXECUTE FUNCTION sifa_calendar_immutable();
--> statement-breakpoint
CREATE TRIGGER calendar_days_no_truncate BEFORE TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION sifa_calendar_immutable();
