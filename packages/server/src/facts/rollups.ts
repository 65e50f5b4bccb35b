/**
 * Reading and repairing the facts rollups (fact_rollups_day / fact_rollups_month, kept current by
 * the triggers of migration 0006). A range is read as its whole months from the month table and
 * its ragged ends from the day table, so a year costs 12 rows per node and metric, not 365.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SifaDb } from '@sifa/core';
import { inSubtree, rowsOf } from '@sifa/core/db';
import { factRollupsDay, factRollupsMonth } from '../db/schema.js';

/** Which nodes a rollup read covers and what each row is keyed by. */
export type RollupNodes =
  | { kind: 'node'; path: string }
  | { kind: 'children'; path: string }
  | { kind: 'level'; path: string; depth: number };

export type RollupKey = 'none' | 'node' | 'day' | 'month' | 'node-month';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonthStart = (day: string) => {
  const d = new Date(`${monthStart(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return iso(d);
};

/**
 * Splits [from, to] into whole months (first days of the first and last whole month) and the
 * day ranges before and after them.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
  const afterLastWhole = addDays(to, 1).endsWith('-01') ? addDays(to, 1) : monthStart(to);
  if (firstWhole >= afterLastWhole) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (afterLastWhole <= to) days.push([afterLastWhole, to]);
  const lastWhole = monthStart(addDays(afterLastWhole, -1));
  return { months: [firstWhole, lastWhole], days };
}

type RollupTable = typeof factRollupsDay | typeof factRollupsMonth;

function nodeFilter(t: RollupTable, nodes: RollupNodes): SQL {
  switch (nodes.kind) {
    case 'node':
      return sql`${t.nodePath} = ${nodes.path}`;
    case 'children':
      return sql`${t.parentPath} = ${nodes.path}`;
    case 'level':
      return sql`${t.depth} = ${nodes.depth} AND ${inSubtree(t.nodePath, nodes.path)}`;
  }
}

function keyOf(t: RollupTable, key: RollupKey, time: SQL): SQL {
  switch (key) {
    case 'none':
      return sql`''`;
    case 'node':
      return sql`${t.nodeCode}`;
    case 'day':
      return sql`to_char(${time}, 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(${time}, 'YYYY-MM')`;
    case 'node-month':
      return sql`${t.nodeCode} || '|' || to_char(${time}, 'YYYY-MM')`;
  }
}

/**
 * Sums of `metrics` over [from, to] for the chosen nodes, keyed as asked (shards summed); a key
 * with no fact counted (shards that cancel out) gives no row.
 */
export async function readRollups(
  db: SifaDb,
  q: { nodes: RollupNodes; key: RollupKey; metrics: string[]; from: string; to: string },
): Promise<{ key: string; metric: string; value: number }[]> {
  const metricList = sql.join(
    q.metrics.map((m) => sql`${m}`),
    sql`, `,
  );
  const parts: SQL[] = [];
  // A day series needs days; everything else takes whole months from the month table.
  const split = q.key === 'day' ? { months: null, days: [[q.from, q.to] as [string, string]] } : splitRange(q.from, q.to);
  if (split.months) {
    const t = factRollupsMonth;
    parts.push(sql`SELECT ${keyOf(t, q.key, sql`${t.month}`)} AS key, ${t.metric} AS metric, ${t.total} AS total, ${t.n} AS n FROM ${t}
      WHERE ${nodeFilter(t, q.nodes)} AND ${t.metric} IN (${metricList})
        AND ${t.month} BETWEEN ${split.months[0]} AND ${split.months[1]}`);
  }
  for (const [from, to] of split.days) {
    const t = factRollupsDay;
    parts.push(sql`SELECT ${keyOf(t, q.key, sql`${t.day}`)} AS key, ${t.metric} AS metric, ${t.total} AS total, ${t.n} AS n FROM ${t}
      WHERE ${nodeFilter(t, q.nodes)} AND ${t.metric} IN (${metricList}) AND ${t.day} BETWEEN ${from} AND ${to}`);
  }
  const rows = rowsOf<{ key: string; metric: string; value: string | number }>(
    await db.execute(sql`SELECT key, metric, sum(total) AS value FROM (${sql.join(parts, sql` UNION ALL `)}) r GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2`),
  );
  return rows.map((r) => ({ key: r.key, metric: r.metric, value: Number(r.value) }));
}

/**
 * Recomputes both rollup tables from the facts, in one transaction that holds writers off
 * (SHARE lock on facts) so no fact lands between the read and the replace. For repair after a
 * restore, a bulk load with triggers disabled, or a suspected bug; every node's sums are identical
 * to what incremental maintenance produced (in one shard, where writers spread them over several).
 *
 * `db` is the server's own connection (the tables' owner). The facts are read through the
 * scoped role with the whole tree in scope, so the rebuild sees every fact even where the owner
 * is not a superuser and row-level security is forced on facts.
 */
export async function rebuildRollups(db: SifaDb): Promise<{ facts: number; dayRows: number; monthRows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE facts IN SHARE MODE`);
    // The grouping of every fact stays in memory rather than spilling to disk.
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    await tx.execute(sql`SELECT set_config('sifa.scope', '/', true), set_config('role', 'sifa_app', true)`);
    // Paths are expanded once per distinct org, as the triggers do.
    await tx.execute(sql`CREATE TEMP TABLE sifa_rollup_rebuild ON COMMIT DROP AS
      WITH d AS (SELECT org_path, day, metric, sum(value::numeric) AS v, count(*)::integer AS s FROM facts GROUP BY 1, 2, 3),
      a AS (SELECT p.org_path, n.* FROM (SELECT DISTINCT org_path FROM d) p CROSS JOIN LATERAL sifa_path_nodes(p.org_path) n)
      SELECT a.node_path, a.node_code, a.parent_path, a.depth, d.day, d.metric, sum(d.v) AS total, sum(d.s)::integer AS n
      FROM d JOIN a USING (org_path) GROUP BY 1, 2, 3, 4, 5, 6`);
    const factCount = rowsOf<{ n: number | string }>(await tx.execute(sql`SELECT count(*) AS n FROM facts`))[0]!.n;
    await tx.execute(sql`RESET role`);
    // TRUNCATE, not DELETE: refilling indexes full of dead entries is three times slower. Readers
    // of the rollups wait for the commit (seconds), then see the rebuilt rows.
    await tx.execute(sql`TRUNCATE fact_rollups_day, fact_rollups_month`);
    await tx.execute(sql`INSERT INTO fact_rollups_day (node_path, node_code, parent_path, depth, day, metric, total, n)
      SELECT node_path, node_code, parent_path, depth, day, metric, total, n FROM sifa_rollup_rebuild`);
    await tx.execute(sql`INSERT INTO fact_rollups_month (node_path, node_code, parent_path, depth, month, metric, total, n)
      SELECT node_path, node_code, parent_path, depth, date_trunc('month', day)::date, metric, sum(total), sum(n)::integer
      FROM sifa_rollup_rebuild GROUP BY 1, 2, 3, 4, 5, 6`);
    const { d, m } = rowsOf<{ d: number | string; m: number | string }>(
      await tx.execute(sql`SELECT (SELECT count(*) FROM fact_rollups_day) AS d, (SELECT count(*) FROM fact_rollups_month) AS m`),
    )[0]!;
    return { facts: Number(factCount), dayRows: Number(d), monthRows: Number(m) };
  });
}
