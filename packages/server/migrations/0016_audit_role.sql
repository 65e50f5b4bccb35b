-- The role that owns the audit log's append function and its anchors (migration 0018): not the
-- tables' owner, so whoever owns audit_log cannot rewrite the anchors. Cluster-wide, like sifa_app.
DO $$
BEGIN
  CREATE ROLE sifa_audit NOLOGIN;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
