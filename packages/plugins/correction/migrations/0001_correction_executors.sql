CREATE TABLE "correction_executors" (
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"role" text NOT NULL,
	"user_id" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "correction_executors_org_code_role_pk" PRIMARY KEY("org_code","role")
);
--> statement-breakpoint
ALTER TABLE "correction_executors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "correction_plans" ADD COLUMN "routed" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "correction_executors_scope_idx" ON "correction_executors" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "correction_executors_org_scope" ON "correction_executors" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "correction_executors_above" ON "correction_executors" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (sifa_scope_path() LIKE org_path || '%');--> statement-breakpoint
-- Display names of the assignees a plan or task list shows: users are not readable by sifa_app, so
-- this answers (as sifa_user_org does) only for accounts of orgs in the caller's scope or above it.
CREATE OR REPLACE FUNCTION correction_user_names(p_ids text[]) RETURNS TABLE (id text, display_name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.display_name FROM users u JOIN orgs o ON o.code = u.org_code
    WHERE u.id = ANY(p_ids)
      AND (o.path LIKE sifa_scope_path() || '%' OR sifa_scope_path() LIKE o.path || '%')
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION correction_user_names(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION correction_user_names(text[]) TO sifa_app;
