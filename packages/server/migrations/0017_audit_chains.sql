CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"chain" text NOT NULL,
	"entries" bigint NOT NULL,
	"head" text NOT NULL,
	"heads" jsonb
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "row_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "row_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_anchors_chain_idx" ON "audit_anchors" USING btree ("chain","entries");--> statement-breakpoint
CREATE INDEX "audit_log_chain_idx" ON "audit_log" USING btree ("chain","chain_seq");--> statement-breakpoint
CREATE INDEX "audit_log_row_idx" ON "audit_log" USING btree ("entity","entity_id","seq") WHERE "audit_log"."row_hash" <> '';--> statement-breakpoint
CREATE POLICY "audit_log_writer" ON "audit_log" AS PERMISSIVE FOR ALL TO "sifa_audit" USING (true) WITH CHECK (true);