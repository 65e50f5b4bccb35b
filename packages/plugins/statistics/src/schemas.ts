/**
 * The zod schemas of entry-point definitions and of the procedures' inputs, shared by the server
 * and any editor UI (browser-safe). Their types are the contract types of @sifa/core
 * `statistics.ts` (the server tests check they are exactly those).
 */
import { z } from 'zod';
import { localizedTextSchema, metricCodeSchema, orgCodeSchema, periodSchema, type ChartKind, type Comparison, type EntryPointCombine, type EntryPointDefinition, type EntryPointGroup } from '@sifa/core';
import { smsg } from './messages.js';

/** Every group, in the order a dashboard lists them. */
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
] as const satisfies readonly EntryPointGroup[];

// A group added to the contract but not here fails to compile.
type MissingGroup = Exclude<EntryPointGroup, (typeof entryPointGroups)[number]>;
const _allGroups: [MissingGroup] extends [never] ? true : MissingGroup = true;
void _allGroups;

export const entryPointCombines = ['each', 'sum', 'ratio'] as const satisfies readonly EntryPointCombine[];
export const chartKinds = ['line', 'bar', 'pie'] as const satisfies readonly ChartKind[];
export const comparisons = ['none', 'previous', 'year-ago'] as const satisfies readonly Comparison[];

export const entryPointIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, smsg('entryId')).max(60, smsg('entryId'));

export const entryPointDefinitionSchema = z
  .object({
    id: entryPointIdSchema,
    group: z.enum(entryPointGroups),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    metrics: z.array(metricCodeSchema).min(1, smsg('metrics')).max(12, smsg('metrics')),
    combine: z.enum(entryPointCombines),
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

// The parsed definition is the contract's type.
const _definitionIsContract = (d: z.output<typeof entryPointDefinitionSchema>): EntryPointDefinition => d;
void _definitionIsContract;

export const statisticsViewInputSchema = z.object({
  entry: entryPointIdSchema,
  /** Root of the subtree shown; the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  period: periodSchema,
  compare: z.enum(comparisons, smsg('compare')).optional(),
});

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

export const exportFormats = ['xlsx', 'csv'] as const;
export const exportLocales = ['zh', 'en', 'mn'] as const;
export type ExportLocale = (typeof exportLocales)[number];

/** The query string of `GET /plugins/statistics/export`. */
export const statisticsExportQuerySchema = statisticsViewInputSchema.extend({
  format: z.enum(exportFormats, smsg('format')).default('xlsx'),
  locale: z.enum(exportLocales, smsg('locale')).default('zh'),
});
export type StatisticsExportQuery = z.output<typeof statisticsExportQuerySchema>;
