-- One audit chain per judicial office (the tenant) instead of per county: appends of the offices of
-- one county no longer queue on the county's chain lock until they commit (at 64 concurrent diary
-- saves that lock was where saves waited longest once the rollup rows were sharded). A scope path
-- is cut after its fourth segment (region, city, county, office): a village's entries go to its
-- office's chain, shallower scopes (a county's, the city's) keep chains of their own. Chains written
-- before stay as they are (verify accepts an entry in its county's chain: the chain is part of
-- every entry's hash, so no entry can be moved between chains unnoticed).
CREATE OR REPLACE FUNCTION sifa_audit_chain(p_scope_path text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(substring(p_scope_path from '^/[^/]+/[^/]+/[^/]+/[^/]+/'), nullif(p_scope_path, ''), '/') $$;
