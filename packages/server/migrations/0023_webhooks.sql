CREATE TABLE "webhook_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"audit_seq" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"org_code" text NOT NULL,
	"org_path" text NOT NULL,
	"plugin" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_events_due_idx" ON "webhook_events" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_events_subscription_idx" ON "webhook_events" USING btree ("subscription_id","id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_org_idx" ON "webhook_subscriptions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_plugin_idx" ON "webhook_subscriptions" USING btree ("plugin");--> statement-breakpoint
CREATE POLICY "webhook_events_scope" ON "webhook_events" AS PERMISSIVE FOR ALL TO "sifa_app" USING (EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = subscription_id)) WITH CHECK (EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = subscription_id));--> statement-breakpoint
CREATE POLICY "webhook_events_audit_writer" ON "webhook_events" AS PERMISSIVE FOR INSERT TO "sifa_audit" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "webhook_subscriptions_org_scope" ON "webhook_subscriptions" AS PERMISSIVE FOR ALL TO "sifa_app" USING (org_path LIKE sifa_scope_path() || '%') WITH CHECK (org_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "webhook_subscriptions_audit_reader" ON "webhook_subscriptions" AS PERMISSIVE FOR SELECT TO "sifa_audit" USING (true);--> statement-breakpoint
-- The scoped role reads a subscription's events (RLS: only those of the subscriptions it sees) and
-- re-queues them (replay); it never inserts them: sifa_audit_append does, below.
GRANT SELECT, UPDATE ON "webhook_events" TO sifa_app;
--> statement-breakpoint
-- The audit writer reads the active subscriptions and enqueues their events; nothing else.
GRANT SELECT ON "webhook_subscriptions" TO sifa_audit;
--> statement-breakpoint
GRANT INSERT ON "webhook_events" TO sifa_audit;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE webhook_events_id_seq TO sifa_audit;
--> statement-breakpoint
-- sifa_audit_append (owned by sifa_audit since 0018) as it was, plus: one webhook event per active
-- subscription of the action's plugin whose subtree contains the scope, in the same transaction.
-- The payload names ids only (no personal data): integrators read details through the API.
GRANT sifa_audit TO CURRENT_USER;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sifa_audit_append(
  p_actor_id text, p_actor_role text, p_action text, p_scope_path text,
  p_entity text, p_entity_id text, p_before text, p_after text, p_row_hash text
) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_chain text := sifa_audit_chain(p_scope_path);
    v_prev text;
    v_position bigint;
    v_seq bigint;
    v_at timestamptz := clock_timestamp();
    v_hash text;
  BEGIN
    -- One writer per chain keeps it linear; other chains (counties) are not held up. Ends with the transaction.
    PERFORM pg_advisory_xact_lock(727302, hashtext(v_chain));
    SELECT hash, chain_seq INTO v_prev, v_position FROM audit_log WHERE chain = v_chain ORDER BY chain_seq DESC LIMIT 1;
    v_prev := coalesce(v_prev, repeat('0', 64));
    v_position := coalesce(v_position, 0) + 1;
    v_seq := nextval('audit_log_seq_seq');
    v_hash := encode(sha256(convert_to(sifa_audit_chain_payload(v_seq, v_at, p_actor_id, p_actor_role, p_action,
      p_scope_path, p_entity, p_entity_id, p_before, p_after, v_prev, v_chain, v_position, p_row_hash), 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor_id, actor_role, action, scope_path, entity, entity_id,
      before_digest, after_digest, prev_hash, hash, chain, chain_seq, row_hash)
    VALUES (v_seq, v_at, p_actor_id, p_actor_role, p_action, p_scope_path, p_entity, p_entity_id,
      p_before, p_after, v_prev, v_hash, v_chain, v_position, p_row_hash);
    INSERT INTO audit_anchors (at, chain, entries, head) VALUES (v_at, v_chain, v_position, v_hash);
    INSERT INTO webhook_events (id, subscription_id, audit_seq, payload)
      SELECT e.id, e.subscription_id, v_seq, jsonb_build_object(
          'id', e.id,
          'type', p_action,
          'plugin', split_part(p_action, '.', 1),
          'orgCode', substring(p_scope_path from '([^/]+)/?$'),
          'entity', p_entity,
          'entityId', p_entity_id,
          'at', to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'auditSeq', v_seq)
      FROM (SELECT nextval('webhook_events_id_seq') AS id, s.id AS subscription_id
              FROM webhook_subscriptions s
             WHERE s.disabled_at IS NULL
               AND s.plugin = split_part(p_action, '.', 1)
               AND p_scope_path LIKE s.org_path || '%'
             ORDER BY s.id) e;
    RETURN v_seq;
  END
  $$;
--> statement-breakpoint
REVOKE sifa_audit FROM CURRENT_USER;
