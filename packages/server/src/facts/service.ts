/**
 * The facts API: plugins record facts for a source (replacing what that source said before)
 * and read them back grouped over an org subtree and a period. Runs inside a scoped
 * transaction, so row-level security checks every row a second time.
 */
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import {
  SifaError,
  factInputSchema,
  factSourceSchema,
  factsQuerySchema,
  factSourcesQuerySchema,
  type FactSourcesQuery,
  type Actor,
  type FactInput,
  type FactSource,
  type FactsQuery,
  type FactsResult,
  type FactsService,
  type FactGrouping,
  codesOfPath,
  type MetricDefinition,
  type OrgDirectory,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { readRollups, type RollupKey, type RollupNodes } from './rollups.js';
import { facts, orgs as orgsTable } from '../db/schema.js';
import { rowsOf } from '@sifa/core/db';

export type MetricCatalog = ReadonlyMap<string, MetricDefinition>;

const maxFactsPerSource = 500;
const maxSourcesPerBatch = 5_000;

/** The rollup read answering a grouping of sums, or null when only raw facts can (per-org groupings). */
function rollupShape(groupBy: FactGrouping, rootPath: string, depth: number): { nodes: RollupNodes; key: RollupKey } | null {
  switch (groupBy) {
    case 'total':
      return { nodes: { kind: 'node', path: rootPath }, key: 'none' };
    case 'day':
    case 'month':
      return { nodes: { kind: 'node', path: rootPath }, key: groupBy };
    case 'child':
      return { nodes: { kind: 'children', path: rootPath }, key: 'node' };
    case 'child-month':
      return { nodes: { kind: 'children', path: rootPath }, key: 'node-month' };
    case 'level':
      return { nodes: { kind: 'level', path: rootPath, depth }, key: 'node' };
    default:
      return null;
  }
}

/**
 * `onRecorded` hears the org paths a transaction recorded facts for, after it commits (the
 * change feed's 'facts' topic, which wakes open dashboards).
 */
export function createFactsService(
  db: SifaDb,
  actor: Actor,
  orgs: OrgDirectory,
  metrics: MetricCatalog,
  onRecorded?: (orgPaths: string[]) => void,
): FactsService {
  const unknownMetric = (code: string) =>
    new SifaError('VALIDATION_FAILED', {
      message: { zh: `指标 ${code} 未被任何插件声明。`, en: `Metric ${code} is not declared by any plugin.` },
      issues: [{ path: 'metric', message: `unknown metric ${code}` }],
    });

  /** Groups raw facts: for max/min metrics (rollups hold sums) and per-org groupings. */
  const readRaw = async (groupBy: FactGrouping, agg: 'sum' | 'max' | 'min', codes: string[], rootPath: string, depth: number, from: string, to: string) => {
    const key: Record<FactGrouping, SQL> = {
      total: sql`''`,
      // The child of the root each fact lies under: the first path segment after the root's path.
      child: sql`split_part(substr(${facts.orgPath}, ${rootPath.length + 1}), '/', 1)`,
      'child-month': sql`split_part(substr(${facts.orgPath}, ${rootPath.length + 1}), '/', 1) || '|' || to_char(${facts.day}, 'YYYY-MM')`,
      level: sql`split_part(${facts.orgPath}, '/', ${depth + 1})`,
      org: sql`${facts.orgCode}`,
      day: sql`to_char(${facts.day}, 'YYYY-MM-DD')`,
      month: sql`to_char(${facts.day}, 'YYYY-MM')`,
      'org-day': sql`${facts.orgCode} || '|' || to_char(${facts.day}, 'YYYY-MM-DD')`,
      'org-month': sql`${facts.orgCode} || '|' || to_char(${facts.day}, 'YYYY-MM')`,
    };
    const fn = agg === 'sum' ? sql`sum` : agg === 'max' ? sql`max` : sql`min`;
    const where = and(
      inSubtree(facts.orgPath, rootPath),
      inArray(facts.metric, codes),
      gte(facts.day, from),
      lte(facts.day, to),
      // Facts of the root org itself have no child to group under; facts above a level have no org of it.
      groupBy === 'child' || groupBy === 'child-month' ? sql`${facts.orgPath} <> ${rootPath}` : undefined,
      groupBy === 'level' ? sql`${key.level} <> ''` : undefined,
    );
    const result = rowsOf<{ key: string; metric: string; value: number | string }>(
      await db.execute(
        sql`SELECT ${key[groupBy]} AS key, ${facts.metric} AS metric, ${fn}(${facts.value}) AS value
            FROM ${facts} WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    );
    return result.map((r) => ({ key: r.key, metric: r.metric, value: Number(r.value) }));
  };

  /**
   * One source (`recordForSource`: a diary entry, a case): only what changed is written. The
   * rows it keeps stay as they were, so the rollup triggers see just the difference (a case's
   * next step adds its two facts instead of rewriting the whole timeline's). The end state is
   * the same as deleting all and inserting all.
   */
  const replaceOne = async (src: FactSource, items: FactInput[], paths: ReadonlyMap<string, string>) => {
    const existing = await db
      .select({ id: facts.id, orgCode: facts.orgCode, orgPath: facts.orgPath, day: facts.day, metric: facts.metric, value: facts.value })
      .from(facts)
      .where(and(eq(facts.sourceKind, src.kind), eq(facts.sourceId, src.id)));
    const keyOf = (f: { orgCode: string; day: string; metric: string; value: number }) => `${f.orgCode}|${f.day}|${f.metric}|${f.value}`;
    const kept = new Map<string, (typeof existing)[number][]>();
    for (const row of existing) kept.set(keyOf(row), [...(kept.get(keyOf(row)) ?? []), row]);
    const added = items.filter((item) => {
      const same = kept.get(keyOf(item));
      if (same?.length) {
        same.pop();
        return false;
      }
      return true;
    });
    const removed = [...kept.values()].flat();
    if (removed.length === 0 && added.length === 0) return;
    onRecorded?.([...new Set([...removed.map((r) => r.orgPath), ...added.map((i) => paths.get(i.orgCode)!)])]);
    for (let i = 0; i < removed.length; i += 1_000) await db.delete(facts).where(inArray(facts.id, removed.slice(i, i + 1_000).map((r) => r.id)));
    const rows = added.map((i) => ({ orgCode: i.orgCode, orgPath: paths.get(i.orgCode)!, day: i.day, metric: i.metric, value: i.value, sourceKind: src.kind, sourceId: src.id, recordedBy: actor.userId }));
    for (let i = 0; i < rows.length; i += 1_000) await db.insert(facts).values(rows.slice(i, i + 1_000));
  };

  const recordMany = async (batch: readonly { source: FactSource; facts: FactInput[] }[], options: { newSources?: boolean } = {}): Promise<void> => {
    if (batch.length > maxSourcesPerBatch) throw new SifaError('PAYLOAD_TOO_LARGE', { details: { maxSourcesPerBatch } });
    // A source named twice keeps what it was given last, as two recordForSource calls would.
    const bySource = new Map<string, { src: FactSource; items: FactInput[] }>();
    for (const { source, facts: input } of batch) {
      if (input.length > maxFactsPerSource) throw new SifaError('PAYLOAD_TOO_LARGE', { details: { maxFactsPerSource } });
      const items = input.map((f) => factInputSchema.parse(f));
      for (const item of items) if (!metrics.has(item.metric)) throw unknownMetric(item.metric);
      const src = factSourceSchema.parse(source);
      bySource.delete(`${src.kind}|${src.id}`);
      bySource.set(`${src.kind}|${src.id}`, { src, items });
    }
    const sources = [...bySource.values()];
    if (sources.length === 0) return;
    const codes = new Set(sources.flatMap((s) => s.items.map((i) => i.orgCode)));
    const paths = new Map<string, string>();
    // Many orgs: read the caller's subtree once; an org outside it still gets get()'s typed refusal.
    if (codes.size > 8) for (const node of await orgs.descendants(actor.scope.orgCode)) if (codes.has(node.code)) paths.set(node.code, node.path);
    for (const code of codes) if (!paths.has(code)) paths.set(code, (await orgs.get(code)).path);
    if (sources.length === 1 && !options.newSources) return replaceOne(sources[0]!.src, sources[0]!.items, paths);
    // Few statements each way (1,000 sources or rows each), so the rollup triggers run once per
    // statement, not per source. Sources are matched per kind with a plain IN list: a row
    // constructor list, (kind, id) IN ((…), …), of 500 pairs aborts PGlite (WebAssembly stack).
    const byKind = new Map<string, string[]>();
    for (const { src } of sources) {
      const ids = byKind.get(src.kind);
      if (ids) ids.push(src.id);
      else byKind.set(src.kind, [src.id]);
    }
    const removed: { orgPath: string }[] = [];
    // Sources made in this transaction have nothing recorded yet: nothing to look for or remove.
    if (!options.newSources) for (const [kind, ids] of byKind) {
      for (let i = 0; i < ids.length; i += 1_000) {
        removed.push(
          ...(await db
            .delete(facts)
            .where(and(eq(facts.sourceKind, kind), inArray(facts.sourceId, ids.slice(i, i + 1_000))))
            .returning({ orgPath: facts.orgPath })),
        );
      }
    }
    const rows = sources.flatMap(({ src, items }) =>
      items.map((i) => ({
        orgCode: i.orgCode,
        orgPath: paths.get(i.orgCode)!,
        day: i.day,
        metric: i.metric,
        value: i.value,
        sourceKind: src.kind,
        sourceId: src.id,
        recordedBy: actor.userId,
      })),
    );
    if (rows.length === 0 && removed.length === 0) return;
    onRecorded?.([...new Set([...removed.map((r) => r.orgPath), ...paths.values()])]);
    for (let i = 0; i < rows.length; i += 1_000) await db.insert(facts).values(rows.slice(i, i + 1_000));
  };

  return {
    recordForSource: (source: FactSource, input: FactInput[]) => recordMany([{ source, facts: input }]),
    recordMany,

    async query(raw: FactsQuery): Promise<FactsResult> {
      const q = factsQuerySchema.parse(raw);
      for (const m of q.metrics) if (!metrics.has(m)) throw unknownMetric(m);
      const root = await orgs.get(q.orgCode ?? actor.scope.orgCode);
      // The depth of the level grouped by (paths of one level have one depth); no org of that
      // level below the root means no rows.
      let depth = 0;
      if (q.groupBy === 'level') {
        const [sample] = await db
          .select({ path: orgsTable.path })
          .from(orgsTable)
          .where(and(eq(orgsTable.level, q.level!), inSubtree(orgsTable.path, root.path)))
          .limit(1);
        if (!sample) return { orgCode: root.code, groupBy: q.groupBy, rows: [] };
        depth = codesOfPath(sample.path).length;
      }
      const aggregation = (m: string) => metrics.get(m)!.aggregation ?? 'sum';
      const groups = new Map<'sum' | 'max' | 'min', string[]>();
      for (const m of q.metrics) groups.set(aggregation(m), [...(groups.get(aggregation(m)) ?? []), m]);
      const rows: FactsResult['rows'] = [];
      for (const [agg, codes] of groups) {
        const rolled = agg === 'sum' ? rollupShape(q.groupBy, root.path, depth) : null;
        if (rolled) rows.push(...(await readRollups(db, { ...rolled, metrics: codes, from: q.from, to: q.to })));
        else rows.push(...(await readRaw(q.groupBy, agg, codes, root.path, depth, q.from, q.to)));
      }
      rows.sort((a, b) => (a.key === b.key ? a.metric.localeCompare(b.metric) : a.key < b.key ? -1 : 1));
      return { orgCode: root.code, groupBy: q.groupBy, rows };
    },

    async sources(raw: FactSourcesQuery) {
      const q = factSourcesQuerySchema.parse(raw);
      for (const m of q.metrics) if (!metrics.has(m)) throw unknownMetric(m);
      const root = await orgs.get(q.orgCode ?? actor.scope.orgCode);
      const where = and(
        inSubtree(facts.orgPath, root.path),
        inArray(facts.metric, q.metrics),
        gte(facts.day, q.from),
        lte(facts.day, q.to),
        // A case's facts are listed only while the reader can see the case: a sealed case
        // (casework `privacy.sealedWhen`) counts in its county's figure but is never named to
        // anyone but its responsible staff (the cases table's policies decide).
        sql`(${facts.sourceKind} NOT LIKE '%.case' OR EXISTS (SELECT 1 FROM cases c WHERE c.id = CASE WHEN ${facts.sourceId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${facts.sourceId}::uuid END))`,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({ kind: facts.sourceKind, id: facts.sourceId, orgCode: facts.orgCode, day: facts.day, metric: facts.metric, value: facts.value })
          .from(facts)
          .where(where)
          .orderBy(desc(facts.day), facts.orgCode, facts.metric, facts.id)
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: count() }).from(facts).where(where),
      ]);
      return {
        rows: rows.map((r) => ({ source: { kind: r.kind, id: r.id }, orgCode: r.orgCode, day: r.day, metric: r.metric, value: r.value })),
        total: total?.n ?? 0,
      };
    },
  };
}
