-- Rollup rows above the writer's own org are split into 16 shards (by backend pid), so saves of
-- different offices no longer queue on the city's and the county's row for the day and month
-- until they commit: at 64 concurrent saves that one row lock capped the whole server at about
-- 140 saves/s. A node's value is the sum of its shards.
ALTER TABLE "fact_rollups_day" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fact_rollups_month" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fact_rollups_day" DROP CONSTRAINT "fact_rollups_day_node_path_metric_day_pk";--> statement-breakpoint
ALTER TABLE "fact_rollups_month" DROP CONSTRAINT "fact_rollups_month_node_path_metric_month_pk";--> statement-breakpoint
ALTER TABLE "fact_rollups_day" ADD CONSTRAINT "fact_rollups_day_node_path_metric_day_shard_pk" PRIMARY KEY("node_path","metric","day","shard");--> statement-breakpoint
ALTER TABLE "fact_rollups_month" ADD CONSTRAINT "fact_rollups_month_node_path_metric_month_shard_pk" PRIMARY KEY("node_path","metric","month","shard");--> statement-breakpoint
-- As in 0006, with the shard: the writer's own org row is shard 0 (only that office's writers
-- touch it), every node above it shard pg_backend_pid() % 16. A retraction may land in another
-- shard than the fact it retracts, so a shard's count or total can be negative, or its count 0
-- with a total that is not: only rows holding nothing (count and total 0) are removed. The shards
-- of a node always add up to its facts.
CREATE OR REPLACE FUNCTION sifa_rollup_apply(deltas sifa_fact_delta[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  SET work_mem = '64MB'
  AS $fn$
DECLARE
  v_shard smallint := (pg_backend_pid() % 16)::smallint;
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
    )
  INSERT INTO fact_rollups_month AS r (node_path, node_code, parent_path, depth, month, metric, shard, total, n)
  SELECT node_path, node_code, parent_path, depth, date_trunc('month', day)::date, metric, shard, sum(v), sum(s)::integer
  FROM u GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 6, 5, 7
  ON CONFLICT (node_path, metric, month, shard) DO UPDATE SET total = r.total + excluded.total, n = r.n + excluded.n;
  -- Rows whose last fact went exist only inside this statement.
  IF EXISTS (SELECT FROM unnest(deltas) WHERE s < 0) THEN
    DELETE FROM fact_rollups_day WHERE n = 0 AND total = 0;
    DELETE FROM fact_rollups_month WHERE n = 0 AND total = 0;
  END IF;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sifa_rollup_apply(sifa_fact_delta[]) FROM PUBLIC;
