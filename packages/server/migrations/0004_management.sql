CREATE TABLE "document_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"template" text NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"document_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "document_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_counters" (
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"last_serial" integer NOT NULL,
	CONSTRAINT "document_counters_org_code_year_pk" PRIMARY KEY("org_code","year")
);
--> statement-breakpoint
ALTER TABLE "document_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"subject_org_code" text,
	"subject_org_path" text,
	"template" text NOT NULL,
	"slot" text,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" text NOT NULL,
	"bilingual" boolean DEFAULT false NOT NULL,
	"entity_kind" text,
	"entity_id" text,
	"data" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"html" text NOT NULL,
	"docx" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"byte_length" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"instance" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" text,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"notification_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "notification_deliveries_notification_id_channel_pk" PRIMARY KEY("notification_id","channel")
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"notification_id" text NOT NULL,
	"user_id" text NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"role" text,
	"user_id" text,
	"kind" text NOT NULL,
	"severity" text DEFAULT 'info' NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"entity_kind" text,
	"entity_id" text,
	"document_id" text,
	"dedup_key" text,
	"sender_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_batches_org_idx" ON "document_batches" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_idx" ON "documents" USING btree ("org_code","year","serial");--> statement-breakpoint
CREATE INDEX "documents_org_idx" ON "documents" USING btree ("org_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "documents_subject_idx" ON "documents" USING btree ("subject_org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "documents_entity_idx" ON "documents" USING btree ("entity_kind","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_slot_idx" ON "job_runs" USING btree ("job","slot");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","started_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("org_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedup_idx" ON "notifications" USING btree ("dedup_key");--> statement-breakpoint
CREATE POLICY "document_batches_org_scope" ON "document_batches" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "document_counters_org_scope" ON "document_counters" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "documents_read" ON "documents" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%' OR subject_org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "documents_write" ON "documents" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "notification_reads_org_scope" ON "notification_reads" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "notifications_read" ON "notifications" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "notifications_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO "sifa_app" WITH CHECK (org_path LIKE sifa_scope_path() || '%' OR sifa_scope_path() LIKE org_path || '%');