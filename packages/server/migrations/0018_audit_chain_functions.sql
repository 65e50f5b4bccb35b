-- The audit log becomes one hash chain per partition of the org tree (a county subtree; a city,
-- a region and '/' each their own), so appends of different counties take different locks and
-- never wait for each other. Every append also writes its chain's new head and length to
-- audit_anchors, which belongs to the role sifa_audit (not the tables' owner) and is append-only:
-- removing the newest rows of a chain leaves an anchor ahead of it. Tables that matter carry a
-- row hash (trigger sifa_row_hash) that their audit entries record. `sifa audit verify`
-- recomputes all of it in Node (audit/log.ts); the functions here only write.
--
-- The rows written before chains stay one chain, '' (their hashes cannot change): numbered here.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable;
--> statement-breakpoint
UPDATE audit_log a SET chain_seq = n.position
  FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS position FROM audit_log WHERE chain = '') n
  WHERE a.seq = n.seq;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable;
--> statement-breakpoint
INSERT INTO audit_anchors (at, chain, entries, head)
  SELECT clock_timestamp(), '', count(*), (SELECT hash FROM audit_log WHERE chain = '' ORDER BY chain_seq DESC LIMIT 1)
  FROM audit_log WHERE chain = '' HAVING count(*) > 0;
--> statement-breakpoint
-- The chain of a scope path: cut after its third segment (the county), shallower paths as they are.
CREATE OR REPLACE FUNCTION sifa_audit_chain(p_scope_path text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(substring(p_scope_path from '^/[^/]+/[^/]+/[^/]+/'), nullif(p_scope_path, ''), '/') $$;
--> statement-breakpoint
-- What an entry's hash covers (entries in a chain): the pre-chain fields, then chain, position and row hash.
CREATE OR REPLACE FUNCTION sifa_audit_chain_payload(
  p_seq bigint, p_at timestamptz, p_actor_id text, p_actor_role text, p_action text, p_scope_path text,
  p_entity text, p_entity_id text, p_before text, p_after text, p_prev text, p_chain text, p_chain_seq bigint, p_row_hash text
) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT concat_ws(E'\x1f', p_seq::text, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      p_actor_id, p_actor_role, p_action, p_scope_path, p_entity, p_entity_id, p_before, p_after, p_prev,
      p_chain, p_chain_seq::text, p_row_hash)
  $$;
--> statement-breakpoint
DROP FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text);
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
    RETURN v_seq;
  END
  $$;
--> statement-breakpoint
-- A root anchor: every chain's head and length at once, and a hash over them (recomputed by verify).
CREATE OR REPLACE FUNCTION sifa_audit_root_anchor() RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_heads jsonb;
    v_chains bigint;
    v_root text;
  BEGIN
    SELECT coalesce(jsonb_agg(jsonb_build_object('chain', chain, 'entries', chain_seq, 'head', hash) ORDER BY chain COLLATE "C"), '[]'::jsonb),
      count(*),
      encode(sha256(convert_to(coalesce(string_agg(chain || E'\x1f' || chain_seq::text || E'\x1f' || hash, E'\n' ORDER BY chain COLLATE "C"), ''), 'UTF8')), 'hex')
    INTO v_heads, v_chains, v_root
    FROM (SELECT DISTINCT ON (chain) chain, chain_seq, hash FROM audit_log ORDER BY chain, chain_seq DESC) heads;
    INSERT INTO audit_anchors (at, chain, entries, head, heads) VALUES (clock_timestamp(), '*', v_chains, v_root, v_heads);
    RETURN v_root;
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sifa_audit_anchor_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_anchors is append-only'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_immutable BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION sifa_audit_anchor_immutable();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION sifa_audit_anchor_immutable();
--> statement-breakpoint
-- The row hash of a table that matters: SHA-256 of the JSON of the columns named as the trigger's
-- arguments (jsonb orders keys itself; times in UTC). `sifa audit verify` reads the same JSON and
-- hashes it in Node, so a row changed with this trigger off is caught as well as one changed with it on.
CREATE OR REPLACE FUNCTION sifa_row_hash() RETURNS trigger
  LANGUAGE plpgsql
  SET "TimeZone" = 'UTC'
  AS $$
  BEGIN
    NEW.row_hash := encode(sha256(convert_to(
      (SELECT jsonb_object_agg(key, value) FROM jsonb_each(to_jsonb(NEW)) WHERE key = ANY (TG_ARGV))::text, 'UTF8')), 'hex');
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
-- Not covered: the running deadlines (deadlines, next_due, next_warn), derived from the events and
-- the calendar and recomputed without an audit entry when holidays are imported.
CREATE TRIGGER cases_row_hash BEFORE INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION sifa_row_hash('id', 'type', 'org_code', 'org_path', 'year', 'seq', 'number', 'state', 'closed',
    'revision', 'opened_on', 'updated_at', 'fields', 'sealed', 'masked', 'search', 'created_by');
--> statement-breakpoint
-- Cases written before row hashes: hashed now, each with one baseline audit entry (what verify compares from now on).
ALTER TABLE cases NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE cases SET row_hash = '';
--> statement-breakpoint
SELECT count(sifa_audit_append('migration', 'owner', 'audit.row-baseline', org_path, 'cases', id::text, '', '', row_hash))
  FROM (SELECT org_path, id, row_hash FROM cases ORDER BY org_path, id) baseline;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The writer role: appends to the log and the anchors, reads heads; no UPDATE or DELETE anywhere.
GRANT SELECT, INSERT ON audit_log TO sifa_audit;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_seq_seq TO sifa_audit;
--> statement-breakpoint
-- Owning needs membership (to hand over) and, for the new owner, CREATE on the schema; both only for these statements.
GRANT sifa_audit TO CURRENT_USER;
--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO sifa_audit;
--> statement-breakpoint
ALTER TABLE audit_anchors OWNER TO sifa_audit;
--> statement-breakpoint
ALTER FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text, text) OWNER TO sifa_audit;
--> statement-breakpoint
ALTER FUNCTION sifa_audit_root_anchor() OWNER TO sifa_audit;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM sifa_audit;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_audit_root_anchor() FROM PUBLIC;
--> statement-breakpoint
-- The owner reaches both through its membership of sifa_app (migration 0000), as the scoped role does.
GRANT EXECUTE ON FUNCTION sifa_audit_append(text, text, text, text, text, text, text, text, text) TO sifa_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sifa_audit_root_anchor() TO sifa_app;
--> statement-breakpoint
-- Anchors are no secret: readable (verify), never writable except through sifa_audit_append / sifa_audit_root_anchor.
GRANT SELECT ON audit_anchors TO sifa_app;
--> statement-breakpoint
REVOKE sifa_audit FROM CURRENT_USER;
