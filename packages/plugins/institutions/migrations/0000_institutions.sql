CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"external_id" text,
	"type" text NOT NULL,
	"name" jsonb NOT NULL,
	"address" jsonb NOT NULL,
	"phone" text,
	"hours" jsonb NOT NULL,
	"hours_note" jsonb,
	"services" text[] NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"position_approximate" boolean NOT NULL,
	"photos" jsonb NOT NULL,
	"tour_id" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "institutions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "institutions_scope_type_idx" ON "institutions" USING btree ("org_path" text_pattern_ops,"type");--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_external_id_idx" ON "institutions" USING btree ("external_id");--> statement-breakpoint
CREATE POLICY "institutions_org_scope" ON "institutions" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');