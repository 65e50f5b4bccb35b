ALTER TABLE "plans_instances" ADD COLUMN "calendar_versions" jsonb;--> statement-breakpoint
ALTER TABLE "plans_plans" ADD COLUMN "calendar_versions" jsonb;--> statement-breakpoint
ALTER TABLE "plans_plans" ADD COLUMN "calendar_history" jsonb DEFAULT '[]'::jsonb NOT NULL;