CREATE TABLE "public_applications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"code_hash" text NOT NULL,
	"dedupe" text NOT NULL,
	"consent_version" text NOT NULL,
	"key_id" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "public_applications" ADD CONSTRAINT "public_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_applications_number_idx" ON "public_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "public_applications_dedupe_idx" ON "public_applications" USING btree ("dedupe","submitted_at");--> statement-breakpoint
CREATE POLICY "public_applications_org_scope" ON "public_applications" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');