CREATE TABLE "applications_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"division_code" text NOT NULL,
	"area" jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications_bodies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "applications_negative_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"title" jsonb NOT NULL,
	"basis" text NOT NULL,
	"note" jsonb,
	"fields" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications_negative_list" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "applications_bodies_scope_idx" ON "applications_bodies" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_negative_list_scope_idx" ON "applications_negative_list" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "applications_bodies_org_scope" ON "applications_bodies" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "applications_bodies_city_read" ON "applications_bodies" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (sifa_scope_path() LIKE org_path || '%' OR org_path LIKE substring(sifa_scope_path() from '^/[^/]+/[^/]+/') || '%');--> statement-breakpoint
CREATE POLICY "applications_negative_list_org_scope" ON "applications_negative_list" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "applications_negative_list_inherited_read" ON "applications_negative_list" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (sifa_scope_path() LIKE org_path || '%');