-- The role scoped request transactions switch to (SET LOCAL ROLE sifa_app). It owns no tables,
-- so row-level security applies to everything it reads or writes. Roles are cluster-wide:
-- several databases (one per test run) may create it concurrently.
DO $$
BEGIN
  CREATE ROLE sifa_app NOLOGIN;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT sifa_app TO CURRENT_USER;
--> statement-breakpoint
-- The subtree the current transaction may see: set with set_config('sifa.scope', path, true).
-- Without a scope it returns a path no row has, so a forgotten scope shows nothing.
CREATE OR REPLACE FUNCTION sifa_scope_path() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('sifa.scope', true), ''), '/~no-scope~/') $$;
