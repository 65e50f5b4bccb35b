CREATE TABLE "diary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"day" date NOT NULL,
	"item_code" text NOT NULL,
	"fields" jsonb NOT NULL,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"payload_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diary_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "diary_entries_author_key_idx" ON "diary_entries" USING btree ("author_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "diary_entries_scope_day_idx" ON "diary_entries" USING btree ("org_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE POLICY "diary_entries_org_scope" ON "diary_entries" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');