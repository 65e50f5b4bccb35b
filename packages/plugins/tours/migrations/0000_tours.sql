CREATE TABLE "tours_images" (
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"preview" "bytea" NOT NULL,
	"preview_width" integer NOT NULL,
	"preview_height" integer NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tours_images_org_code_sha256_pk" PRIMARY KEY("org_code","sha256")
);
--> statement-breakpoint
ALTER TABLE "tours_images" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tours_versions" (
	"tour_id" uuid NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"note" jsonb,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "tours_versions_tour_id_version_pk" PRIMARY KEY("tour_id","version")
);
--> statement-breakpoint
ALTER TABLE "tours_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tours_tours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"draft" jsonb NOT NULL,
	"draft_revision" integer DEFAULT 0 NOT NULL,
	"latest_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tours_tours" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tours_versions" ADD CONSTRAINT "tours_versions_tour_id_tours_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours_tours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tours_images_sha_idx" ON "tours_images" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "tours_images_scope_idx" ON "tours_images" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tours_versions_scope_idx" ON "tours_versions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tours_tours_scope_idx" ON "tours_tours" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE POLICY "tours_images_org_scope" ON "tours_images" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "tours_versions_org_scope" ON "tours_versions" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "tours_tours_org_scope" ON "tours_tours" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');