/**
 * The statistics-dashboard (数据统计) contract: what `<sifa-dashboard>` reads and what the
 * statistics plugin serves under `statistics.`. Types only (no zod), so the widget pulls no
 * schema library into the page; the plugin validates with zod and its tests check that it
 * serves exactly these types.
 *
 * A dashboard is a set of **entry points** (数据入口): configurable definitions naming which
 * metrics they show, how those combine into figures and the default chart. Every number of a
 * view comes from the facts rollups of one org subtree over one period, and can be followed
 * down to the records behind it (`statistics.entries`).
 */
import type { LocalizedText } from './locale.js';
import type { OrgLevel } from './org.js';

/** The article's groups of entry points (基础数据, 机构队伍, 日常工作, 重点工作, business modules). */
export type EntryPointGroup =
  | 'basic'
  | 'institutional'
  | 'daily'
  | 'key'
  | 'mediation'
  | 'consultation'
  | 'correction'
  | 'law-education'
  | 'legally-literate'
  | 'legal-services'
  | 'enforcement-supervision'
  | 'warnings';

export type ChartKind = 'line' | 'bar' | 'pie';

/**
 * How an entry point's metrics become figures:
 * - `each`: one figure per metric;
 * - `sum`: one figure, the metrics added (same unit);
 * - `ratio`: one figure in per cent, the first metric over the second (e.g. agreements / cases).
 */
export type EntryPointCombine = 'each' | 'sum' | 'ratio';

export interface EntryPointDefinition {
  /** Stable id, `[a-z][a-z0-9-]*`, used in URLs and exports. */
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

/** One figure of a view: a metric (`each`) or the combined figure (`sum` / `ratio`). */
export interface Figure {
  /** The metric code, or `sum` / `ratio` for a combined figure. */
  key: string;
  title: LocalizedText;
  /** `%` for ratios. */
  unit: LocalizedText;
}

/** The periods a view can be compared against. */
export type Comparison = 'none' | 'previous' | 'year-ago';

export interface StatisticsViewInput {
  entry: string;
  /** Root of the subtree shown; the caller's own org when absent. */
  orgCode?: string;
  /** A year `2026`, quarter `2026-Q3` or month `2026-07` (see periods.ts). */
  period: string;
  compare?: Comparison;
}

export interface OrgRef {
  code: string;
  name: LocalizedText;
  level: OrgLevel;
}

export interface StatisticsView {
  entry: EntryPointDefinition;
  org: OrgRef;
  /** From the caller's scope root down to `org`: the drill-down breadcrumb. */
  trail: OrgRef[];
  period: { period: string; from: string; to: string };
  /** The comparison period, null when `compare` is `none`. */
  comparePeriod: { period: string; from: string; to: string } | null;
  figures: Figure[];
  /** Per figure: this period's value and the comparison period's (null without comparison). */
  kpis: { value: number | null; previous: number | null }[];
  /**
   * The time series: months of a year or quarter, days of a month. `values[i]` belongs to
   * `figures[i]`; null where a ratio has no denominator.
   */
  series: { bucket: string; values: (number | null)[] }[];
  /** Per direct child org (all children, zeros included), this period and the comparison period. */
  breakdown: { org: OrgRef; values: (number | null)[]; previous: (number | null)[] }[];
  /**
   * Ranking of the judicial offices in the subtree by the first figure, highest first;
   * ties share a rank. Empty when `org` is an office.
   */
  ranking: { org: OrgRef; value: number | null; rank: number }[];
  /** Per metric of the entry point (the items drilled into): value and comparison value. */
  items: { metric: string; title: LocalizedText; unit: LocalizedText; value: number; previous: number | null }[];
  /** When the figures were computed (ISO instant). */
  computedAt: string;
}

export interface StatisticsEntriesInput {
  orgCode: string;
  period: string;
  metric: string;
  limit?: number;
  offset?: number;
}

/** A record behind a number: which source said what, with a link where the source has one. */
export interface StatisticsEntry {
  source: { kind: string; id: string };
  org: OrgRef;
  day: string;
  metric: string;
  value: number;
}

export interface StatisticsEntries {
  rows: StatisticsEntry[];
  total: number;
}

export type ExportFormat = 'xlsx' | 'csv';

export interface StatisticsApi {
  'statistics.entryPoints': { type: 'query'; input: undefined; output: { entries: EntryPointDefinition[]; groups: { id: EntryPointGroup; title: LocalizedText }[] } };
  'statistics.view': { type: 'query'; input: StatisticsViewInput; output: StatisticsView };
  'statistics.entries': { type: 'query'; input: StatisticsEntriesInput; output: StatisticsEntries };
  /** Pushes the recomputed view whenever facts of the subtree change (first event: the current view). */
  'statistics.watch': { type: 'subscription'; input: StatisticsViewInput; output: StatisticsView };
}
