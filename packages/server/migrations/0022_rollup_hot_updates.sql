-- Rollup rows are updated in place (HOT) instead of copied into every index. The partial
-- "empty" indexes (node_path WHERE n = 0, from 0006) covered the column each save changes, so
-- PostgreSQL could never update a rollup row in place: every save wrote a new row version and a
-- new entry in all four indexes of both tables (pg_stat_user_tables: 0 of 47,712 updates HOT over
-- 2,400 saves), and the rollup statement took 1.8 of the save's 2.3 ms in the database. The
-- indexes served only the sweep of rows holding nothing after a retraction; that sweep now
-- deletes just the rows this statement emptied, found through the upserts' RETURNING. Pages keep
-- room for in-place updates (fillfactor 70; existing pages get it as they are rewritten).
DROP INDEX IF EXISTS "fact_rollups_day_empty_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "fact_rollups_month_empty_idx";--> statement-breakpoint
ALTER TABLE "fact_rollups_day" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "fact_rollups_month" SET (fillfactor = 70);--> statement-breakpoint
-- As in 0020 (shards), except the sweep: the keys the upserts left holding nothing (count and
-- total 0, whether the delta was a retraction or a later fact cancelling a shard's negative
-- count) are collected from RETURNING and deleted by primary key.
CREATE OR REPLACE FUNCTION sifa_rollup_apply(deltas sifa_fact_delta[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  SET work_mem = '64MB'
  AS $fn$
DECLARE
  v_shard smallint := (pg_backend_pid() % 16)::smallint;
  v_day_paths text[];
  v_day_metrics text[];
  v_day_days date[];
  v_day_shards smallint[];
  v_month_paths text[];
  v_month_metrics text[];
  v_month_months date[];
  v_month_shards smallint[];
BEGIN
  WITH d AS (SELECT * FROM unnest(deltas)),
    a AS (SELECT p.org_path, n.*, CASE WHEN n.node_path = p.org_path THEN 0::smallint ELSE v_shard END AS shard
          FROM (SELECT DISTINCT org_path FROM d) p CROSS JOIN LATERAL sifa_path_nodes(p.org_path) n),
    u AS (SELECT a.node_path, a.node_code, a.parent_path, a.depth, d.day, d.metric, a.shard, sum(d.v) AS v, sum(d.s)::integer AS s
          FROM d JOIN a USING (org_path) GROUP BY 1, 2, 3, 4, 5, 6, 7),
    days AS (
      INSERT INTO fact_rollups_day AS r (node_path, node_code, parent_path, depth, day, metric, shard, total, n)
      SELECT * FROM u ORDER BY node_path, metric, day, shard
      ON CONFLICT (node_path, metric, day, shard) DO UPDATE SET total = r.total + excluded.total, n = r.n + excluded.n
      RETURNING r.node_path, r.metric, r.day, r.shard, r.n, r.total
    ),
    months AS (
      INSERT INTO fact_rollups_month AS r (node_path, node_code, parent_path, depth, month, metric, shard, total, n)
      SELECT node_path, node_code, parent_path, depth, date_trunc('month', day)::date, metric, shard, sum(v), sum(s)::integer
      FROM u GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 6, 5, 7
      ON CONFLICT (node_path, metric, month, shard) DO UPDATE SET total = r.total + excluded.total, n = r.n + excluded.n
      RETURNING r.node_path, r.metric, r.month, r.shard, r.n, r.total
    ),
    empty_days AS (SELECT array_agg(node_path) AS p, array_agg(metric) AS m, array_agg(day) AS k, array_agg(shard) AS s FROM days WHERE n = 0 AND total = 0),
    empty_months AS (SELECT array_agg(node_path) AS p, array_agg(metric) AS m, array_agg(month) AS k, array_agg(shard) AS s FROM months WHERE n = 0 AND total = 0)
  SELECT ed.p, ed.m, ed.k, ed.s, em.p, em.m, em.k, em.s
  INTO v_day_paths, v_day_metrics, v_day_days, v_day_shards, v_month_paths, v_month_metrics, v_month_months, v_month_shards
  FROM empty_days ed, empty_months em;
  -- Rows whose last fact went: emptied by the statement above, deleted by key.
  IF v_day_paths IS NOT NULL THEN
    DELETE FROM fact_rollups_day r
    USING unnest(v_day_paths, v_day_metrics, v_day_days, v_day_shards) AS e(node_path, metric, day, shard)
    WHERE (r.node_path, r.metric, r.day, r.shard) = (e.node_path, e.metric, e.day, e.shard) AND r.n = 0 AND r.total = 0;
  END IF;
  IF v_month_paths IS NOT NULL THEN
    DELETE FROM fact_rollups_month r
    USING unnest(v_month_paths, v_month_metrics, v_month_months, v_month_shards) AS e(node_path, metric, month, shard)
    WHERE (r.node_path, r.metric, r.month, r.shard) = (e.node_path, e.metric, e.month, e.shard) AND r.n = 0 AND r.total = 0;
  END IF;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_rollup_apply(sifa_fact_delta[]) FROM PUBLIC;
