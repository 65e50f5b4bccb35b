ALTER TABLE "cases" ADD COLUMN "responsible" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE POLICY "case_attachments_follows_case" ON "case_attachments" AS RESTRICTIVE FOR SELECT TO "sifa_app" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_attachments.case_id));--> statement-breakpoint
CREATE POLICY "case_events_follows_case" ON "case_events" AS RESTRICTIVE FOR SELECT TO "sifa_app" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_events.case_id));--> statement-breakpoint
CREATE POLICY "cases_sealed_responsible" ON "cases" AS RESTRICTIVE FOR SELECT TO "sifa_app" USING (NOT restricted OR current_setting('sifa.user', true) = ANY (responsible) OR current_setting('sifa.sealed', true) = 'all');--> statement-breakpoint
CREATE POLICY "documents_follow_case" ON "documents" AS RESTRICTIVE FOR SELECT TO "sifa_app" USING (entity_kind IS DISTINCT FROM 'case' OR EXISTS (SELECT 1 FROM cases c WHERE c.id = CASE WHEN documents.entity_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN documents.entity_id::uuid END));--> statement-breakpoint
CREATE POLICY "facts_case_above" ON "facts" AS PERMISSIVE FOR ALL TO "sifa_app" USING (source_kind LIKE '%.case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = CASE WHEN facts.source_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN facts.source_id::uuid END AND c.org_path LIKE facts.org_path || '%')) WITH CHECK (source_kind LIKE '%.case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = CASE WHEN facts.source_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN facts.source_id::uuid END AND c.org_path LIKE facts.org_path || '%'));--> statement-breakpoint
-- sifa_audit_append as in 0023, except that reads (`<case type>.read`, a case type's
-- privacy.auditReads) are audited but sent to no webhook: they change no record, and which
-- official opened which person's file is for the audit log, not for integrators.
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
               AND p_action NOT LIKE '%.read'
               AND p_scope_path LIKE s.org_path || '%'
             ORDER BY s.id) e;
    RETURN v_seq;
  END
  $$;
--> statement-breakpoint
REVOKE sifa_audit FROM CURRENT_USER;
