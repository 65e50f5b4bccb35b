CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"org_code" text NOT NULL,
	"scope_path" text NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret_hash" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_kind_shape" CHECK (("api_keys"."kind" = 'publishable' AND "api_keys"."secret_hash" IS NULL AND cardinality("api_keys"."allowed_origins") > 0) OR ("api_keys"."kind" = 'secret' AND "api_keys"."secret_hash" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "sifa_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_code_orgs_code_fk" FOREIGN KEY ("org_code") REFERENCES "public"."orgs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_scope_idx" ON "api_keys" USING btree ("scope_path" text_pattern_ops);