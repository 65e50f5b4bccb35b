-- 文号 series per document kind (issue 19, D11): a catalogue slot with `ownSeries` numbers its documents
-- in a series of its own per issuer and year; '' is the issuer's shared series (every existing row).
ALTER TABLE "document_counters" ADD COLUMN "series" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_counters" DROP CONSTRAINT "document_counters_org_code_year_pk";--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_org_code_year_series_pk" PRIMARY KEY("org_code","year","series");--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "series" text DEFAULT '' NOT NULL;--> statement-breakpoint
DROP INDEX "documents_number_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_idx" ON "documents" USING btree ("org_code","year","series","serial");
