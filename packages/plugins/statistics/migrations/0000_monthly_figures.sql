CREATE TABLE "statistics_monthly_figures" (
	"month" text NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"revision" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_monthly_figures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_monthly_figures_key" ON "statistics_monthly_figures" USING btree ("month","org_code","metric");--> statement-breakpoint
CREATE INDEX "statistics_monthly_figures_scope_idx" ON "statistics_monthly_figures" USING btree ("month","org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "statistics_monthly_figures_org_scope" ON "statistics_monthly_figures" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');