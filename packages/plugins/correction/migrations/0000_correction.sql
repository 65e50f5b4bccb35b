CREATE TABLE "correction_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"people" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "correction_records_scope_idx" ON "correction_records" USING btree ("org_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE POLICY "correction_records_org_scope" ON "correction_records" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');