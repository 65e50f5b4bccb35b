-- Org-owned tables (facts and every plugin table with org_path) get FORCE ROW LEVEL SECURITY
-- and their grants from the server at each start (db/tenant-security.ts), not here.
GRANT USAGE ON SCHEMA public TO sifa_app;
--> statement-breakpoint
-- Reference data the scoped role reads; users and sessions stay with the platform's auth code.
GRANT SELECT ON "orgs" TO sifa_app;
--> statement-breakpoint
-- The audit log is append-only for the application: it may read its subtree (policy) and append
-- through sifa_audit_append(), never insert, update or delete rows directly.
GRANT SELECT ON "audit_log" TO sifa_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sifa_audit_payload(
  p_seq bigint, p_at timestamptz, p_actor_id text, p_actor_role text, p_action text, p_scope_path text,
  p_entity text, p_entity_id text, p_before text, p_after text, p_prev text
) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT concat_ws(E'\x1f', p_seq::text, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      p_actor_id, p_actor_role, p_action, p_scope_path, p_entity, p_entity_id, p_before, p_after, p_prev)
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sifa_audit_append(
  p_actor_id text, p_actor_role text, p_action text, p_scope_path text,
  p_entity text, p_entity_id text, p_before text, p_after text
) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_prev text;
    v_seq bigint;
    v_at timestamptz := clock_timestamp();
    v_hash text;
  BEGIN
    -- One writer at a time keeps the chain linear; the lock ends with the transaction.
    PERFORM pg_advisory_xact_lock(727301);
    SELECT hash INTO v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
    v_prev := coalesce(v_prev, repeat('0', 64));
    v_seq := nextval('audit_log_seq_seq');
    v_hash := encode(sha256(convert_to(sifa_audit_payload(v_seq, v_at, p_actor_id, p_actor_role, p_action,
      p_scope_path, p_entity, p_entity_id, p_before, p_after, v_prev), 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor_id, actor_role, action, scope_path, entity, entity_id,
      before_digest, after_digest, prev_hash, hash)
    VALUES (v_seq, v_at, p_actor_id, p_actor_role, p_action, p_scope_path, p_entity, p_entity_id,
      p_before, p_after, v_prev, v_hash);
    RETURN v_seq;
  END
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text) TO sifa_app;
--> statement-breakpoint
-- Rows of the audit log are never changed or removed, whoever asks.
CREATE OR REPLACE FUNCTION sifa_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sifa_audit_immutable();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION sifa_audit_immutable();
