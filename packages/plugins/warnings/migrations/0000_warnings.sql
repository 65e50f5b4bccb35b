CREATE TABLE "warnings_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"title" jsonb NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"labels" jsonb,
	"target_level" text NOT NULL,
	"severity" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warnings_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "warnings_steps" (
	"warning_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"note" text,
	"detail" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	CONSTRAINT "warnings_steps_warning_id_seq_pk" PRIMARY KEY("warning_id","seq")
);
--> statement-breakpoint
ALTER TABLE "warnings_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "warnings_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"org_name" jsonb NOT NULL,
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"state" text NOT NULL,
	"condition_active" boolean DEFAULT true NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"state_changed_at" timestamp with time zone NOT NULL,
	"respond_by" date,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_to" text,
	"escalated_to_name" jsonb,
	"assignee" jsonb,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"step_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warnings_warnings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings_steps" ADD CONSTRAINT "warnings_steps_warning_id_warnings_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings_warnings" ADD CONSTRAINT "warnings_warnings_rule_id_warnings_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."warnings_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warnings_rules_scope_idx" ON "warnings_rules" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "warnings_steps_scope_idx" ON "warnings_steps" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_warnings_subject_idx" ON "warnings_warnings" USING btree ("rule_id","org_code","subject");--> statement-breakpoint
CREATE INDEX "warnings_warnings_scope_idx" ON "warnings_warnings" USING btree ("org_path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "warnings_warnings_due_idx" ON "warnings_warnings" USING btree ("state","respond_by");--> statement-breakpoint
CREATE POLICY "warnings_rules_org_scope" ON "warnings_rules" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "warnings_rules_inherited_read" ON "warnings_rules" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (sifa_scope_path() LIKE org_path || '%');--> statement-breakpoint
CREATE POLICY "warnings_steps_org_scope" ON "warnings_steps" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "warnings_warnings_org_scope" ON "warnings_warnings" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
-- The lifecycle history is append-only: refuse every UPDATE and DELETE of warnings_steps,
-- whoever asks (the app role and the owner alike). Hand-written (drizzle-kit does not model
-- triggers); keep it when regenerating this migration.
CREATE FUNCTION warnings_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'warnings_steps rows are never changed or deleted (warning %, step %)', OLD.warning_id, OLD.seq
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER warnings_steps_append_only BEFORE UPDATE OR DELETE ON warnings_steps
  FOR EACH ROW EXECUTE FUNCTION warnings_steps_append_only();
