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
  type MetricDefinition,
  type OrgDirectory,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { facts } from '../db/schema.js';
import { rowsOf } from '@sifa/core/db';

export type MetricCatalog = ReadonlyMap<string, MetricDefinition>;

const maxFactsPerSource = 500;

export function createFactsService(db: SifaDb, actor: Actor, orgs: OrgDirectory, metrics: MetricCatalog): FactsService {
  const unknownMetric = (code: string) =>
    new SifaError('VALIDATION_FAILED', {
      message: { zh: `指标 ${code} 未被任何插件声明。`, en: `Metric ${code} is not declared by any plugin.` },
      issues: [{ path: 'metric', message: `unknown metric ${code}` }],
    });

  return {
    async recordForSource(source: FactSource, input: FactInput[]) {
      const src = factSourceSchema.parse(source);
      if (input.length > maxFactsPerSource) {
        throw new SifaError('PAYLOAD_TOO_LARGE', { details: { maxFactsPerSource } });
      }
      const items = input.map((f) => factInputSchema.parse(f));
      for (const item of items) if (!metrics.has(item.metric)) throw unknownMetric(item.metric);
      const paths = new Map<string, string>();
      for (const code of new Set(items.map((i) => i.orgCode))) paths.set(code, (await orgs.get(code)).path);
      await db.delete(facts).where(and(eq(facts.sourceKind, src.kind), eq(facts.sourceId, src.id)));
      if (items.length === 0) return;
      await db.insert(facts).values(
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
    },

    async query(raw: FactsQuery): Promise<FactsResult> {
      const q = factsQuerySchema.parse(raw);
      for (const m of q.metrics) if (!metrics.has(m)) throw unknownMetric(m);
      const root = await orgs.get(q.orgCode ?? actor.scope.orgCode);
      const key: Record<typeof q.groupBy, SQL> = {
        total: sql`''`,
        // The child of the root each fact lies under: the first path segment after the root's path.
        child: sql`split_part(substr(${facts.orgPath}, ${root.path.length + 1}), '/', 1)`,
        org: sql`${facts.orgCode}`,
        day: sql`to_char(${facts.day}, 'YYYY-MM-DD')`,
        month: sql`to_char(${facts.day}, 'YYYY-MM')`,
        'org-day': sql`${facts.orgCode} || '|' || to_char(${facts.day}, 'YYYY-MM-DD')`,
        'org-month': sql`${facts.orgCode} || '|' || to_char(${facts.day}, 'YYYY-MM')`,
      };
      const aggregation = (m: string) => metrics.get(m)!.aggregation ?? 'sum';
      const groups = new Map<'sum' | 'max' | 'min', string[]>();
      for (const m of q.metrics) groups.set(aggregation(m), [...(groups.get(aggregation(m)) ?? []), m]);
      const rows: FactsResult['rows'] = [];
      for (const [agg, codes] of groups) {
        const fn = agg === 'sum' ? sql`sum` : agg === 'max' ? sql`max` : sql`min`;
        const where = and(
          inSubtree(facts.orgPath, root.path),
          inArray(facts.metric, codes),
          gte(facts.day, q.from),
          lte(facts.day, q.to),
          // Facts of the root org itself have no child to group under.
          q.groupBy === 'child' ? sql`${facts.orgPath} <> ${root.path}` : undefined,
        );
        const result = rowsOf<{ key: string; metric: string; value: number | string }>(
          await db.execute(
            sql`SELECT ${key[q.groupBy]} AS key, ${facts.metric} AS metric, ${fn}(${facts.value}) AS value
                FROM ${facts} WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
          ),
        );
        for (const r of result) rows.push({ key: r.key, metric: r.metric, value: Number(r.value) });
      }
      rows.sort((a, b) => (a.key === b.key ? a.metric.localeCompare(b.metric) : a.key < b.key ? -1 : 1));
      return { orgCode: root.code, groupBy: q.groupBy, rows };
    },

    async sources(raw: FactSourcesQuery) {
      const q = factSourcesQuerySchema.parse(raw);
      for (const m of q.metrics) if (!metrics.has(m)) throw unknownMetric(m);
      const root = await orgs.get(q.orgCode ?? actor.scope.orgCode);
      const where = and(inSubtree(facts.orgPath, root.path), inArray(facts.metric, q.metrics), gte(facts.day, q.from), lte(facts.day, q.to));
      const [rows, [total]] = await Promise.all([
        db
          .select({ kind: facts.sourceKind, id: facts.sourceId, orgCode: facts.orgCode, day: facts.day, metric: facts.metric, value: facts.value })
          .from(facts)
          .where(where)
          .orderBy(desc(facts.day), facts.orgCode, facts.metric, facts.id)
          .limit(q.limit),
        db.select({ n: count() }).from(facts).where(where),
      ]);
      return {
        rows: rows.map((r) => ({ source: { kind: r.kind, id: r.id }, orgCode: r.orgCode, day: r.day, metric: r.metric, value: r.value })),
        total: total?.n ?? 0,
      };
    },
  };
}
