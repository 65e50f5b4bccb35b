CREATE TABLE "org_history" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"change" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "kind" text DEFAULT 'bureau' NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "merged_into" text;--> statement-breakpoint
CREATE INDEX "org_history_code_idx" ON "org_history" USING btree ("code","seq");--> statement-breakpoint
-- Units already in the tree take the kind their level suggests (offices at office level,
-- stations at village level, bureaus above).
UPDATE "orgs" SET "kind" = CASE "level" WHEN 'office' THEN 'office' WHEN 'village' THEN 'station' ELSE 'bureau' END;
