/**
 * Facts: the one currency of Sifa Kit's data. A diary entry or a business record produces
 * facts (org, day, metric, value, source); the dashboard, the assessment, the warnings and the
 * documents read nothing else, so every figure can be traced back to the record behind it.
 */
import { z } from 'zod';
import { msg } from './messages.js';
import { localizedTextSchema } from './locale-schema.js';
import { orgCodeSchema, orgLevels } from './org.js';
import { isoDaySchema } from './dates.js';

/** Metric codes are `<plugin id>.<name>`, e.g. `mediation.cases-closed`. */
export const metricCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, msg('metricCode'))
  .max(80);

export const metricDefinitionSchema = z.object({
  code: metricCodeSchema,
  title: localizedTextSchema,
  /** Unit shown after the number, e.g. 件, 人次, 小时. */
  unit: localizedTextSchema,
  /** How values of one org and day combine, and how children roll up into parents. */
  aggregation: z.enum(['sum', 'max', 'min']).default('sum'),
  /**
   * The metric this one is a part of, counted on the same day for the same records: e.g. the
   * mediation cases that reached an agreement, counted on the day the case was registered (a
   * cohort of `mediation.cases`), so over any period and subtree it never exceeds its whole. A
   * `ratio` entry point's numerator must be a cohort of its denominator (`ratioCohortProblem`):
   * a success rate above 100 % is impossible, not merely hidden. Both must add up (`sum`).
   */
  cohortOf: metricCodeSchema.optional(),
});
export type MetricDefinition = z.input<typeof metricDefinitionSchema>;

/** Where a fact came from: a diary entry, a mediation case, an import batch ... */
export const factSourceSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, msg('sourceKind')),
  id: z.string().min(1).max(120),
});
export type FactSource = z.infer<typeof factSourceSchema>;

export const factInputSchema = z.object({
  orgCode: orgCodeSchema,
  day: isoDaySchema,
  metric: metricCodeSchema,
  value: z.number().finite(),
});
export type FactInput = z.infer<typeof factInputSchema>;

export const factGroupings = ['total', 'child', 'child-month', 'level', 'org', 'day', 'month', 'org-day', 'org-month'] as const;
export type FactGrouping = (typeof factGroupings)[number];

export const factsQuerySchema = z
  .object({
    metrics: z.array(metricCodeSchema).min(1).max(200),
    /** Root of the subtree to read; the caller's own scope when absent. */
    orgCode: orgCodeSchema.optional(),
    from: isoDaySchema,
    to: isoDaySchema,
    /**
     * total: one row per metric; child: per direct child of the root (drill-down);
     * org: per org that recorded facts; day / month: a time series; org-day / org-month: both
     * (key `<org code>|<day or month>`), e.g. which offices wrote a diary on which days;
     * child-month: per child and month (key `<child code>|YYYY-MM`), e.g. a county map by month;
     * level: per org of `level` in the subtree (its subtree's total), e.g. every office of a
     * city for a ranking. Every grouping but the per-org ones is read from rollups.
     */
    groupBy: z.enum(factGroupings).default('total'),
    /** The level `groupBy: 'level'` groups by. */
    level: z.enum(orgLevels).optional(),
  })
  .refine((q) => q.from <= q.to, { message: msg('fromAfterTo'), path: ['to'] })
  .refine((q) => (q.groupBy === 'level') === (q.level !== undefined), { message: msg('levelWithGrouping'), path: ['level'] });
export type FactsQuery = z.input<typeof factsQuerySchema>;

export interface FactsRow {
  /** Child or org code, day (YYYY-MM-DD) or month (YYYY-MM), `<org>|<day or month>`; '' for totals. */
  key: string;
  metric: string;
  value: number;
}

/** `FactsResult` as a schema: the result of `platform.facts.query` in the OpenAPI document. */
export const factsResultSchema = z.object({
  orgCode: z.string().describe('The root of the subtree read.'),
  groupBy: z.enum(factGroupings),
  rows: z.array(
    z.object({
      key: z.string().describe("Child or org code, day (YYYY-MM-DD) or month (YYYY-MM), `<org>|<day or month>`; '' for totals."),
      metric: z.string(),
      value: z.number(),
    }),
  ),
});

export interface FactsResult {
  orgCode: string;
  groupBy: FactGrouping;
  rows: FactsRow[];
}

export const factSourcesQuerySchema = z
  .object({
    metrics: z.array(metricCodeSchema).min(1).max(200),
    /** Root of the subtree; the caller's own scope when absent. */
    orgCode: orgCodeSchema.optional(),
    from: isoDaySchema,
    to: isoDaySchema,
    limit: z.number().int().min(1).max(1000).default(200),
    /** Rows to skip (paging through a long list). */
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => q.from <= q.to, { message: msg('fromAfterTo'), path: ['to'] });
export type FactSourcesQuery = z.input<typeof factSourcesQuerySchema>;

/** One record behind a figure: which source said what, for which org and day. */
export interface FactSourceRow {
  source: FactSource;
  orgCode: string;
  day: string;
  metric: string;
  value: number;
}

/** The facts API every plugin's server half gets in its procedure context. */
export interface RecordOptions {
  /**
   * Every source of the batch was created in this transaction (a new diary entry, a case just
   * opened), so none has facts yet: they are inserted without looking for earlier ones, one
   * statement fewer. Wrong when a source already had facts (they would be counted twice).
   */
  newSources?: boolean;
}

export interface FactsService {
  /**
   * Replaces all facts of one source with `facts` (an edit of a record is a new set of facts;
   * an empty list retracts them). Every org must lie in the caller's scope and every metric
   * must be declared by a plugin.
   */
  recordForSource(source: FactSource, facts: FactInput[]): Promise<void>;
  /**
   * `recordForSource` for many sources at once (at most 5,000), in two statements: what a job
   * that re-derives facts for many records (every warning an evaluation touched) should use.
   */
  recordMany(batch: readonly { source: FactSource; facts: FactInput[] }[], options?: RecordOptions): Promise<void>;
  query(query: FactsQuery): Promise<FactsResult>;
  /**
   * The records behind a figure (drill-down to the diary entries or business records), newest
   * day first, at most `limit` rows after `offset`; `total` counts all of them.
   */
  sources(query: FactSourcesQuery): Promise<{ rows: FactSourceRow[]; total: number }>;
}
