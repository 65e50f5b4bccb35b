CREATE TABLE "assessment_standard_versions" (
	"standard_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"body" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	CONSTRAINT "assessment_standard_versions_standard_id_version_pk" PRIMARY KEY("standard_id","version"),
	CONSTRAINT "assessment_standard_versions_version_check" CHECK ("assessment_standard_versions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "assessment_standard_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"published_version" integer,
	"draft_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_standards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_standard_versions" ADD CONSTRAINT "assessment_standard_versions_standard_id_assessment_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."assessment_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_standard_versions_scope_idx" ON "assessment_standard_versions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_standards_owner_year_idx" ON "assessment_standards" USING btree ("org_code","year");--> statement-breakpoint
CREATE INDEX "assessment_standards_scope_idx" ON "assessment_standards" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE POLICY "assessment_standard_versions_org_scope" ON "assessment_standard_versions" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "assessment_standard_versions_ancestor_read" ON "assessment_standard_versions" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (status = 'published' AND sifa_scope_path() LIKE org_path || '%');--> statement-breakpoint
CREATE POLICY "assessment_standards_org_scope" ON "assessment_standards" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "assessment_standards_ancestor_read" ON "assessment_standards" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (published_version IS NOT NULL AND sifa_scope_path() LIKE org_path || '%');--> statement-breakpoint
-- Hand-written (appended to the generated SQL): a published version is frozen, so a score that
-- names it can always be computed again. UPDATE and DELETE of a published row are refused,
-- whoever asks (the app role and the owner alike); a draft may change until it is published.
CREATE FUNCTION assessment_standard_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'assessment_standard_versions rows are frozen once published (standard %, version %)', OLD.standard_id, OLD.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER assessment_standard_versions_frozen BEFORE UPDATE OR DELETE ON assessment_standard_versions
  FOR EACH ROW EXECUTE FUNCTION assessment_standard_versions_frozen();
