CREATE TABLE "correction_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"case_number" text NOT NULL,
	"month" text NOT NULL,
	"counts" jsonb NOT NULL,
	"score" integer NOT NULL,
	"current_class" text NOT NULL,
	"suggested_class" text,
	"reasons" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction_evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "correction_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"case_number" text NOT NULL,
	"current" boolean NOT NULL,
	"catalogue_id" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"catalogue_digest" text NOT NULL,
	"profile_revision" integer NOT NULL,
	"profile_sealed" "bytea" NOT NULL,
	"decision" jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignees" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "correction_profiles" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"catalogue_id" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"revision" integer NOT NULL,
	"sealed" "bytea" NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "correction_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"case_number" text NOT NULL,
	"measure_id" text NOT NULL,
	"category" text NOT NULL,
	"assignee" text NOT NULL,
	"period_start" date NOT NULL,
	"seq" integer NOT NULL,
	"due" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"done_by" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "correction_tasks" ADD CONSTRAINT "correction_tasks_plan_id_correction_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."correction_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correction_evaluations_month_idx" ON "correction_evaluations" USING btree ("case_id","month");--> statement-breakpoint
CREATE INDEX "correction_evaluations_scope_idx" ON "correction_evaluations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "correction_plans_case_idx" ON "correction_plans" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "correction_plans_current_idx" ON "correction_plans" USING btree ("case_id") WHERE "correction_plans"."current";--> statement-breakpoint
CREATE INDEX "correction_plans_scope_idx" ON "correction_plans" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "correction_profiles_scope_idx" ON "correction_profiles" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "correction_tasks_period_idx" ON "correction_tasks" USING btree ("case_id","measure_id","period_start","seq");--> statement-breakpoint
CREATE INDEX "correction_tasks_assignee_idx" ON "correction_tasks" USING btree ("assignee","status","due");--> statement-breakpoint
CREATE INDEX "correction_tasks_due_idx" ON "correction_tasks" USING btree ("status","due");--> statement-breakpoint
CREATE INDEX "correction_tasks_scope_idx" ON "correction_tasks" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "correction_evaluations_org_scope" ON "correction_evaluations" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "correction_plans_org_scope" ON "correction_plans" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "correction_profiles_org_scope" ON "correction_profiles" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "correction_tasks_org_scope" ON "correction_tasks" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');