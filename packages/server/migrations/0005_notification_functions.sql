-- A lookup a scoped transaction needs for notifications but may not do itself: users are not
-- readable by sifa_app. It answers only for users of orgs in the caller's scope or above it.
CREATE OR REPLACE FUNCTION sifa_user_org(p_user_id text) RETURNS TABLE (org_code text, org_path text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT o.code, o.path FROM users u JOIN orgs o ON o.code = u.org_code
    WHERE u.id = p_user_id
      AND (o.path LIKE sifa_scope_path() || '%' OR sifa_scope_path() LIKE o.path || '%')
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_user_org(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sifa_user_org(text) TO sifa_app;
--> statement-breakpoint
-- A sender's transaction queues one delivery per outer channel; only the dispatcher (owner) reads them.
GRANT INSERT ON "notification_deliveries" TO sifa_app;
