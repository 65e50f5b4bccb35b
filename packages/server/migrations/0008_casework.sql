CREATE TABLE "case_attachments" (
	"case_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_attachments_case_id_sha256_pk" PRIMARY KEY("case_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_counters" (
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_counters_org_code_type_year_pk" PRIMARY KEY("org_code","type","year")
);
--> statement-breakpoint
ALTER TABLE "case_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_events" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"transition" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"sealed" "bytea",
	"document_id" text,
	CONSTRAINT "case_events_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
ALTER TABLE "case_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"state" text NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"revision" integer NOT NULL,
	"opened_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"fields" jsonb NOT NULL,
	"sealed" "bytea",
	"masked" jsonb NOT NULL,
	"search" text NOT NULL,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_due" date,
	"next_warn" date,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_sha256_case_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."case_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_sha_idx" ON "case_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "case_attachments_scope_idx" ON "case_attachments" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "case_events_scope_idx" ON "case_events" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("org_code","type","year","seq");--> statement-breakpoint
CREATE INDEX "cases_list_idx" ON "cases" USING btree ("type","org_path" text_pattern_ops,"opened_on");--> statement-breakpoint
CREATE INDEX "cases_state_idx" ON "cases" USING btree ("type","state","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("next_due","org_path" text_pattern_ops) WHERE "cases"."next_due" IS NOT NULL;--> statement-breakpoint
CREATE POLICY "case_attachments_org_scope" ON "case_attachments" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "case_counters_org_scope" ON "case_counters" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "case_events_org_scope" ON "case_events" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "case_files_read" ON "case_files" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (EXISTS (SELECT 1 FROM case_attachments a WHERE a.sha256 = case_files.sha256));--> statement-breakpoint
CREATE POLICY "case_files_insert" ON "case_files" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "cases_org_scope" ON "cases" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
-- Written by hand below this line (drizzle-kit writes no grants). case_files is not org-owned, so
-- the server's tenant security does not grant it: the scoped role may add files and read those a
-- visible attachment names (policies above), never change or remove them.
GRANT SELECT, INSERT ON "case_files" TO sifa_app;
