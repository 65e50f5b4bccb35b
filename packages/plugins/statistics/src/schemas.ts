/**
 * The zod schemas of entry-point definitions and of the procedures' inputs, shared by the server
 * and any editor UI (browser-safe). Their types are the contract: the inputs a widget passes
 * (`z.input`) and the definition the server serves (`z.output`).
 */
import { z } from 'zod';
import { localizedTextSchema, metricCodeSchema, orgCodeSchema, periodSchema } from '@sifa/core';
import { smsg } from './messages.js';

/**
 * Every group of entry points, in the order a dashboard lists them: the article's groups
 * (基础数据, 机构队伍, 日常工作, 重点工作) and the business modules.
 */
export const entryPointGroups = [
  'basic',
  'institutional',
  'daily',
  'key',
  'mediation',
  'consultation',
  'correction',
  'law-education',
  'legally-literate',
  'legal-services',
  'enforcement-supervision',
  'warnings',
] as const;
export type EntryPointGroup = (typeof entryPointGroups)[number];

/**
 * How an entry point's metrics become figures:
 * - `each`: one figure per metric;
 * - `sum`: one figure, the metrics added (same unit);
 * - `ratio`: one figure in per cent, the first metric over the second (e.g. agreements / cases).
 */
export const entryPointCombines = ['each', 'sum', 'ratio'] as const;
export type EntryPointCombine = (typeof entryPointCombines)[number];
export const chartKinds = ['line', 'bar', 'pie'] as const;
export type ChartKind = (typeof chartKinds)[number];
/** The periods a view can be compared against. */
export const comparisons = ['none', 'previous', 'year-ago'] as const;
export type Comparison = (typeof comparisons)[number];

export const entryPointIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, smsg('entryId')).max(60, smsg('entryId'));

export const entryPointDefinitionSchema = z
  .object({
    /** Stable id, `[a-z][a-z0-9-]*`, used in URLs and exports. */
    id: entryPointIdSchema,
    group: z.enum(entryPointGroups),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    metrics: z.array(metricCodeSchema).min(1, smsg('metrics')).max(12, smsg('metrics')),
    combine: z.enum(entryPointCombines),
    /** Title of the single figure when `combine` is `sum` or `ratio`. */
    figureTitle: localizedTextSchema.optional(),
    chart: z.enum(chartKinds),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.metrics).size !== d.metrics.length) ctx.addIssue({ code: 'custom', path: ['metrics'], message: smsg('duplicateMetric') });
    if (d.combine === 'ratio' && d.metrics.length !== 2) ctx.addIssue({ code: 'custom', path: ['metrics'], message: smsg('ratioMetrics') });
    if (d.combine !== 'each' && !d.figureTitle) ctx.addIssue({ code: 'custom', path: ['figureTitle'], message: smsg('figureTitle') });
  });

/** What `createStatisticsPlugin({ entryPoints })` accepts (validated when the plugin is created). */
export type EntryPointDefinitionInput = z.input<typeof entryPointDefinitionSchema>;
/** A validated entry point, as the server serves it. */
export type EntryPointDefinition = z.output<typeof entryPointDefinitionSchema>;

export const statisticsViewInputSchema = z.object({
  entry: entryPointIdSchema,
  /** Root of the subtree shown; the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  /** A year `2026`, quarter `2026-Q3` or month `2026-07` (see @sifa/core periods.ts). */
  period: periodSchema,
  compare: z.enum(comparisons, smsg('compare')).optional(),
});
/** Input of `statistics.view` and `statistics.watch`. */
export type StatisticsViewInput = z.input<typeof statisticsViewInputSchema>;

/** At most this many records per page of `statistics.entries`. */
export const maxEntriesLimit = 200;
/** The furthest page start. */
export const maxEntriesOffset = 1_000_000;

export const statisticsEntriesInputSchema = z.object({
  orgCode: orgCodeSchema,
  period: periodSchema,
  metric: metricCodeSchema,
  limit: z.int(smsg('limit')).min(1, smsg('limit')).max(maxEntriesLimit, smsg('limit')).optional(),
  offset: z.int(smsg('offset')).min(0, smsg('offset')).max(maxEntriesOffset, smsg('offset')).optional(),
});
/** Input of `statistics.entries`. */
export type StatisticsEntriesInput = z.input<typeof statisticsEntriesInputSchema>;

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportLocales = ['zh', 'en', 'mn'] as const;
export type ExportLocale = (typeof exportLocales)[number];

/** The query string of `GET /plugins/statistics/export`. */
export const statisticsExportQuerySchema = statisticsViewInputSchema.extend({
  format: z.enum(exportFormats, smsg('format')).default('xlsx'),
  locale: z.enum(exportLocales, smsg('locale')).default('zh'),
});
export type StatisticsExportQuery = z.output<typeof statisticsExportQuerySchema>;
