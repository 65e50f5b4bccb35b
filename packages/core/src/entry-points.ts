/**
 * Dashboard entry points (数据入口) as a contribution of the plugin that owns their metrics:
 * which metrics an entry point shows, how they combine into figures, its default chart, and the
 * group it is listed under (`contributes.entryPoints`); groups are contributed the same way
 * (`contributes.entryPointGroups`). The server refuses to start on an entry point or group id
 * declared twice, and on an entry point naming a metric or group no installed plugin declares.
 * The composed list, in start order, is `catalog.entryPoints` / `catalog.entryPointGroups`
 * (the statistics plugin serves it).
 */
import { z } from 'zod';
import { msg } from './messages.js';
import type { LocalizedText } from './locale.js';
import { localizedTextSchema } from './locale-schema.js';
import { metricCodeSchema } from './facts.js';

export type ChartKind = 'line' | 'bar' | 'pie';

/**
 * How an entry point's metrics become figures:
 * - `each`: one figure per metric;
 * - `sum`: one figure, the metrics added (same unit);
 * - `ratio`: one figure in per cent, the first metric over the second (e.g. agreements / cases);
 *   the first must be declared a cohort of the second (`cohortOf`, see `ratioCohortProblem`).
 */
export type EntryPointCombine = 'each' | 'sum' | 'ratio';

/** The id of a group of entry points, declared by an installed plugin (`contributes.entryPointGroups`). */
export type EntryPointGroup = string;

export interface EntryPointDefinition {
  /** Stable id, `[a-z][a-z0-9-]*`, used in URLs and exports; unique across plugins. */
  id: string;
  group: EntryPointGroup;
  title: LocalizedText;
  description?: LocalizedText;
  metrics: string[];
  combine: EntryPointCombine;
  /** Title of the single figure when `combine` is `sum` or `ratio`. */
  figureTitle?: LocalizedText;
  chart: ChartKind;
}

/** A group the dashboard lists entry points under (基础数据, 人民调解 …). */
export interface EntryPointGroupDefinition {
  id: EntryPointGroup;
  title: LocalizedText;
}

export const chartKinds = ['line', 'bar', 'pie'] as const satisfies readonly ChartKind[];
export const entryPointCombines = ['each', 'sum', 'ratio'] as const satisfies readonly EntryPointCombine[];

export const entryPointIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, msg('entryPointId')).max(60, msg('entryPointId'));

export const entryPointGroupIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, msg('entryPointGroupId')).max(60, msg('entryPointGroupId'));

export const entryPointGroupSchema = z.object({ id: entryPointGroupIdSchema, title: localizedTextSchema });

export const entryPointDefinitionSchema = z
  .object({
    id: entryPointIdSchema,
    group: entryPointGroupIdSchema,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    metrics: z.array(metricCodeSchema).min(1, msg('entryPointMetrics')).max(12, msg('entryPointMetrics')),
    combine: z.enum(entryPointCombines),
    figureTitle: localizedTextSchema.optional(),
    chart: z.enum(chartKinds),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.metrics).size !== d.metrics.length) ctx.addIssue({ code: 'custom', path: ['metrics'], message: msg('entryPointDuplicateMetric') });
    if (d.combine === 'ratio' && d.metrics.length !== 2) ctx.addIssue({ code: 'custom', path: ['metrics'], message: msg('entryPointRatio') });
    if (d.combine !== 'each' && !d.figureTitle) ctx.addIssue({ code: 'custom', path: ['figureTitle'], message: msg('entryPointFigureTitle') });
  });

/** An entry point as a plugin declares it (validated at start, or when a statistics override is created). */
export type EntryPointDefinitionInput = z.input<typeof entryPointDefinitionSchema>;
export type EntryPointGroupInput = z.input<typeof entryPointGroupSchema>;

// The parsed definitions are the contract's types.
const _definitionIsContract = (d: z.output<typeof entryPointDefinitionSchema>): EntryPointDefinition => d;
const _groupIsContract = (g: z.output<typeof entryPointGroupSchema>): EntryPointGroupDefinition => g;
void _definitionIsContract;
void _groupIsContract;

/**
 * Why a `ratio` entry point could show more than 100 %, or null: its numerator must be declared a
 * part of its denominator (`cohortOf` on the numerator's metric: the same records, counted on the
 * same day, e.g. agreements on the day their case was registered), both summed. A count of
 * agreements dated when each took effect over a count of cases dated at registration is not: a
 * month's agreements include cases registered earlier. The server refuses to start on such an
 * entry point; the statistics plugin refuses one given as an override.
 */
export function ratioCohortProblem(
  entry: Pick<EntryPointDefinition, 'id' | 'combine' | 'metrics'>,
  metrics: ReadonlyMap<string, { cohortOf?: string | undefined; aggregation?: string | undefined }>,
): string | null {
  if (entry.combine !== 'ratio') return null;
  const [numerator, denominator] = entry.metrics;
  const part = metrics.get(numerator ?? '');
  if (!part || !denominator || part.cohortOf !== denominator) {
    return `ratio entry point "${entry.id}" divides "${numerator}" by "${denominator}", but "${numerator}" is not declared a cohort of "${denominator}" (cohortOf: the same records, counted on the same day), so the rate could exceed 100 %.`;
  }
  const whole = metrics.get(denominator);
  if ((part.aggregation ?? 'sum') !== 'sum' || (whole?.aggregation ?? 'sum') !== 'sum') {
    return `ratio entry point "${entry.id}": "${numerator}" and "${denominator}" must both add up (aggregation "sum").`;
  }
  return null;
}
