-- sifa_audit_append as in 0027, except that an entry about a sealed record (a sealed case, the
-- records that follow it: `AuditEntryInput.sealed`, which sets `sifa.audit_sealed` = 'on' for that
-- one append) is audited but sent to no webhook: integrators are not its responsible staff, and an
-- event would name the case's id and office to them.
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
               AND coalesce(current_setting('sifa.audit_sealed', true), '') <> 'on'
               AND p_scope_path LIKE s.org_path || '%'
             ORDER BY s.id) e;
    RETURN v_seq;
  END
  $$;
--> statement-breakpoint
REVOKE sifa_audit FROM CURRENT_USER;
