CREATE TABLE "fact_rollups_day" (
	"node_path" text NOT NULL,
	"node_code" text NOT NULL,
	"parent_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"metric" text NOT NULL,
	"total" numeric NOT NULL,
	"n" integer NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "fact_rollups_day_node_path_metric_day_pk" PRIMARY KEY("node_path","metric","day")
);
--> statement-breakpoint
ALTER TABLE "fact_rollups_day" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fact_rollups_month" (
	"node_path" text NOT NULL,
	"node_code" text NOT NULL,
	"parent_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"metric" text NOT NULL,
	"total" numeric NOT NULL,
	"n" integer NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "fact_rollups_month_node_path_metric_month_pk" PRIMARY KEY("node_path","metric","month")
);
--> statement-breakpoint
ALTER TABLE "fact_rollups_month" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "fact_rollups_day_parent_idx" ON "fact_rollups_day" USING btree ("parent_path","metric","day");--> statement-breakpoint
CREATE INDEX "fact_rollups_day_level_idx" ON "fact_rollups_day" USING btree ("depth","metric","node_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "fact_rollups_month_parent_idx" ON "fact_rollups_month" USING btree ("parent_path","metric","month");--> statement-breakpoint
CREATE INDEX "fact_rollups_month_level_idx" ON "fact_rollups_month" USING btree ("depth","metric","node_path" text_pattern_ops,"month");--> statement-breakpoint
CREATE POLICY "fact_rollups_day_read_scope" ON "fact_rollups_day" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (node_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
CREATE POLICY "fact_rollups_month_read_scope" ON "fact_rollups_month" AS PERMISSIVE FOR SELECT TO "sifa_app" USING (node_path LIKE sifa_scope_path() || '%');--> statement-breakpoint
GRANT SELECT ON "fact_rollups_day", "fact_rollups_month" TO sifa_app;
--> statement-breakpoint
-- Rows whose count fell to 0 exist only inside the statement that retracted their last fact.
CREATE INDEX "fact_rollups_day_empty_idx" ON "fact_rollups_day" ("node_path") WHERE n = 0;
--> statement-breakpoint
CREATE INDEX "fact_rollups_month_empty_idx" ON "fact_rollups_month" ("node_path") WHERE n = 0;
--> statement-breakpoint
-- Every node on a path, root first: '/15/1504/' → ('/15/', '15', '/', 1), ('/15/1504/', '1504', '/15/', 2).
CREATE OR REPLACE FUNCTION sifa_path_nodes(p text)
  RETURNS TABLE (node_path text, node_code text, parent_path text, depth smallint)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 5
  AS $$
    SELECT '/' || array_to_string(c.codes[1:i], '/') || '/',
           c.codes[i],
           CASE WHEN i = 1 THEN '/' ELSE '/' || array_to_string(c.codes[1:i - 1], '/') || '/' END,
           i::smallint
    FROM (SELECT string_to_array(trim(BOTH '/' FROM p), '/') AS codes) c,
         generate_subscripts(c.codes, 1) AS i
  $$;
--> statement-breakpoint
-- What a statement changed, per org, day and metric: the sum (negative for deleted facts) and the
-- count (negative likewise).
CREATE TYPE sifa_fact_delta AS (org_path text, day date, metric text, v numeric, s integer);
--> statement-breakpoint
-- Adds the deltas to every node above their orgs, per day and per month, in the writer's
-- transaction: a rolled-back write leaves no trace. Deltas commute, so concurrent writers need no
-- lock beyond the rows they touch; rows are upserted in key order (days, then months) so two
-- writers never wait on each other in opposite orders. Paths are expanded once per distinct org,
-- not once per fact. Static SQL, so the plan is cached per session; work_mem keeps a bulk
-- statement's grouping in memory. SECURITY DEFINER: a writer may only see its own subtree, but its
-- facts count at every level above.
CREATE OR REPLACE FUNCTION sifa_rollup_apply(deltas sifa_fact_delta[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  SET work_mem = '64MB'
  AS $fn$
BEGIN
  WITH d AS (SELECT * FROM unnest(deltas)),
    a AS (SELECT p.org_path, n.* FROM (SELECT DISTINCT org_path FROM d) p CROSS JOIN LATERAL sifa_path_nodes(p.org_path) n),
    u AS (SELECT a.node_path, a.node_code, a.parent_path, a.depth, d.day, d.metric, sum(d.v) AS v, sum(d.s)::integer AS s
          FROM d JOIN a USING (org_path) GROUP BY 1, 2, 3, 4, 5, 6),
    days AS (
      INSERT INTO fact_rollups_day AS r (node_path, node_code, parent_path, depth, day, metric, total, n)
      SELECT * FROM u ORDER BY node_path, metric, day
      ON CONFLICT (node_path, metric, day) DO UPDATE SET total = r.total + excluded.total, n = r.n + excluded.n
    )
  INSERT INTO fact_rollups_month AS r (node_path, node_code, parent_path, depth, month, metric, total, n)
  SELECT node_path, node_code, parent_path, depth, date_trunc('month', day)::date, metric, sum(v), sum(s)::integer
  FROM u GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 6, 5
  ON CONFLICT (node_path, metric, month) DO UPDATE SET total = r.total + excluded.total, n = r.n + excluded.n;
  -- Rows whose last fact went exist only inside this statement.
  IF EXISTS (SELECT FROM unnest(deltas) WHERE s < 0) THEN
    DELETE FROM fact_rollups_day WHERE n = 0;
    DELETE FROM fact_rollups_month WHERE n = 0;
  END IF;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_rollup_apply(sifa_fact_delta[]) FROM PUBLIC;
--> statement-breakpoint
-- The triggers: one per event, because each sees its own transition tables.
CREATE OR REPLACE FUNCTION sifa_facts_rollup() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $fn$
DECLARE
  deltas sifa_fact_delta[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(SELECT (org_path, day, metric, sum(value::numeric), count(*)::integer)::sifa_fact_delta FROM new_facts GROUP BY org_path, day, metric);
  ELSIF TG_OP = 'DELETE' THEN
    deltas := ARRAY(SELECT (org_path, day, metric, -sum(value::numeric), -count(*)::integer)::sifa_fact_delta FROM old_facts GROUP BY org_path, day, metric);
  ELSE
    deltas := ARRAY(
      SELECT (org_path, day, metric, sum(v), sum(s)::integer)::sifa_fact_delta FROM (
        SELECT org_path, day, metric, value::numeric AS v, 1 AS s FROM new_facts
        UNION ALL SELECT org_path, day, metric, -value::numeric, -1 FROM old_facts) x
      GROUP BY org_path, day, metric);
  END IF;
  -- A statement that touched no fact (a source recorded for the first time deletes nothing).
  IF cardinality(deltas) > 0 THEN
    PERFORM sifa_rollup_apply(deltas);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_facts_rollup() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER facts_rollup_insert AFTER INSERT ON "facts"
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION sifa_facts_rollup();
--> statement-breakpoint
CREATE TRIGGER facts_rollup_delete AFTER DELETE ON "facts"
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION sifa_facts_rollup();
--> statement-breakpoint
CREATE TRIGGER facts_rollup_update AFTER UPDATE ON "facts"
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION sifa_facts_rollup();
--> statement-breakpoint
-- Facts recorded before this migration.
INSERT INTO fact_rollups_day (node_path, node_code, parent_path, depth, day, metric, total, n)
  WITH d AS (SELECT org_path, day, metric, sum(value::numeric) AS v, count(*)::integer AS s FROM facts GROUP BY 1, 2, 3),
  a AS (SELECT p.org_path, n.* FROM (SELECT DISTINCT org_path FROM d) p CROSS JOIN LATERAL sifa_path_nodes(p.org_path) n)
  SELECT a.node_path, a.node_code, a.parent_path, a.depth, d.day, d.metric, sum(d.v), sum(d.s)::integer
  FROM d JOIN a USING (org_path) GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO fact_rollups_month (node_path, node_code, parent_path, depth, month, metric, total, n)
  SELECT node_path, node_code, parent_path, depth, date_trunc('month', day)::date, metric, sum(total), sum(n)::integer
  FROM fact_rollups_day GROUP BY 1, 2, 3, 4, 5, 6;
