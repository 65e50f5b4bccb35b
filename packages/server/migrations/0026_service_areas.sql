CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text NOT NULL,
	"level" text NOT NULL,
	"path" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"name_mn" text
);
--> statement-breakpoint
CREATE TABLE "org_service_areas" (
	"division_code" text PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"division_path" text NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "org_service_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org_service_areas" ADD CONSTRAINT "org_service_areas_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_service_areas" ADD CONSTRAINT "org_service_areas_org_code_orgs_code_fk" FOREIGN KEY ("org_code") REFERENCES "public"."orgs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "divisions_path_idx" ON "divisions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "org_service_areas_org_idx" ON "org_service_areas" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "org_service_areas_path_idx" ON "org_service_areas" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "org_service_areas_read" ON "org_service_areas" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (true);--> statement-breakpoint
CREATE POLICY "org_service_areas_insert" ON "org_service_areas" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (org_path LIKE sifa_scope_path() || '%' AND division_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "org_service_areas_update" ON "org_service_areas" AS PERMISSIVE FOR UPDATE TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%' AND division_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%' AND division_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "org_service_areas_delete" ON "org_service_areas" AS PERMISSIVE FOR DELETE TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%' AND division_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
-- Hand-written from here on (service areas).
-- Townships are reference data like orgs: every role reads them, only the owner writes them.
GRANT SELECT ON "divisions" TO sifa_app;--> statement-breakpoint
-- Org-owned (org_path): the server forces RLS and grants at start too; said here as well.
ALTER TABLE "org_service_areas" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "org_service_areas" TO sifa_app;--> statement-breakpoint
-- A township has a 9-digit code, a village a 12-digit one.
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_level_code" CHECK (("level" = 'township' AND "code" ~ '^[0-9]{9}$') OR ("level" = 'village' AND "code" ~ '^[0-9]{12}$'));--> statement-breakpoint
-- A database whose org tree was seeded before service areas existed: each office serves the
-- township with its own code (the seed's one office per township), named without "司法所".
INSERT INTO "divisions" ("code", "parent_code", "level", "path", "name_zh")
  SELECT "code", "parent_code", 'township', "path", regexp_replace("name_zh", '司法所$', '')
  FROM "orgs" WHERE "level" = 'office' AND "code" ~ '^[0-9]{9}$' AND "parent_code" IS NOT NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "org_service_areas" ("division_code", "org_code", "org_path", "division_path")
  SELECT d."code", o."code", o."path", d."path" FROM "divisions" d JOIN "orgs" o ON o."code" = d."code" AND o."level" = 'office'
  WHERE d."level" = 'township'
  ON CONFLICT DO NOTHING;
