CREATE TABLE "plans_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"level" integer NOT NULL,
	"issuer_org_code" text NOT NULL,
	"issuer_name" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"days_overdue" integer NOT NULL,
	"report_by" date NOT NULL,
	"notified_org_codes" jsonb NOT NULL,
	"document_id" text,
	"document_number" text,
	"document_path" text
);
--> statement-breakpoint
ALTER TABLE "plans_escalations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plans_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"org_name" jsonb NOT NULL,
	"target_override" integer,
	"owner_org_code" text NOT NULL,
	"owner_org_path" text NOT NULL,
	"owner_name" jsonb NOT NULL,
	"plan_title" text NOT NULL,
	"period" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"plan_demo" boolean DEFAULT false NOT NULL,
	"plan_revision" integer NOT NULL,
	"plan_updated_at" timestamp with time zone NOT NULL,
	"item_position" integer NOT NULL,
	"item_title" text NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"metric_title" jsonb,
	"metric_unit" jsonb,
	"item_target" integer,
	"split_mode" text,
	"weights" jsonb,
	"due" date NOT NULL,
	"checked_at" timestamp with time zone,
	"checked_by" text,
	"checked_by_name" text,
	"evidence" jsonb,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"last_escalated_on" date,
	"escalation_closed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans_instances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plans_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"metric_title" jsonb,
	"metric_unit" jsonb,
	"target" integer,
	"split_mode" text,
	"weights" jsonb,
	"due" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plans_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"offset_days" integer NOT NULL,
	"remind_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"channels" jsonb NOT NULL,
	"notification_id" text,
	"document_id" text,
	"document_number" text,
	"document_path" text
);
--> statement-breakpoint
ALTER TABLE "plans_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plans_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"owner_name" jsonb NOT NULL,
	"period" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plans_escalations" ADD CONSTRAINT "plans_escalations_instance_id_plans_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."plans_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_instances" ADD CONSTRAINT "plans_instances_plan_id_plans_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_instances" ADD CONSTRAINT "plans_instances_item_id_plans_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plans_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_items" ADD CONSTRAINT "plans_items_plan_id_plans_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_reminders" ADD CONSTRAINT "plans_reminders_instance_id_plans_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."plans_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_escalations_once_idx" ON "plans_escalations" USING btree ("instance_id","level");--> statement-breakpoint
CREATE INDEX "plans_escalations_scope_idx" ON "plans_escalations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "plans_instances_item_org_idx" ON "plans_instances" USING btree ("item_id","org_code");--> statement-breakpoint
CREATE INDEX "plans_instances_plan_idx" ON "plans_instances" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plans_instances_due_idx" ON "plans_instances" USING btree ("due");--> statement-breakpoint
CREATE INDEX "plans_instances_scope_idx" ON "plans_instances" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plans_items_plan_idx" ON "plans_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plans_items_scope_idx" ON "plans_items" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "plans_reminders_once_idx" ON "plans_reminders" USING btree ("instance_id","offset_days");--> statement-breakpoint
CREATE INDEX "plans_reminders_scope_idx" ON "plans_reminders" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plans_plans_scope_idx" ON "plans_plans" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plans_plans_period_idx" ON "plans_plans" USING btree ("period_from","period_to");--> statement-breakpoint
CREATE POLICY "plans_escalations_org_scope" ON "plans_escalations" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "plans_instances_org_scope" ON "plans_instances" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "plans_items_org_scope" ON "plans_items" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "plans_reminders_org_scope" ON "plans_reminders" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "plans_plans_org_scope" ON "plans_plans" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');