/**
 * The statistics dashboard's (数据统计) domain types: what the service returns and what
 * `<sifa-dashboard>` renders (it imports them with `import type`, so no zod reaches the page).
 * Declared once here; the inputs are the zod schemas' own types (schemas.ts), the entry points
 * and their groups are the platform's contribution types (@sifa/core `entry-points.ts`), and the
 * procedure map is inferred from the router (`StatisticsApi`, index.ts).
 *
 * A dashboard is a set of **entry points** (数据入口), contributed by the plugins that own their
 * metrics. Every number of a view comes from the facts rollups of one org subtree over one
 * period, and can be followed down to the records behind it (`statistics.entries`).
 */
import type { EntryPointDefinition, EntryPointGroupDefinition, LocalizedText, OrgLevel } from '@sifa/core';

/** A period of a view and the days of it counted. */
export interface PeriodSpan {
  /** `2026`, `2026-Q3` or `2026-07`. */
  period: string;
  /** First and last day of the whole period. */
  from: string;
  to: string;
  /** The last day counted: `to` for a complete period, else the day the running period has reached. */
  through: string;
  /** Every day of the period is counted. */
  complete: boolean;
}

/** One figure of a view: a metric (`each`) or the combined figure (`sum` / `ratio`). */
export interface Figure {
  /** The metric code, or `sum` / `ratio` for a combined figure. */
  key: string;
  title: LocalizedText;
  /** `%` for ratios. */
  unit: LocalizedText;
}

export interface OrgRef {
  code: string;
  name: LocalizedText;
  level: OrgLevel;
}

/**
 * The entry points whose metrics are all installed, and the groups the installed plugins declare
 * (in start order): what `statistics.entryPoints` serves.
 */
export interface EntryPointList {
  entries: EntryPointDefinition[];
  groups: EntryPointGroupDefinition[];
}

export interface StatisticsView {
  entry: EntryPointDefinition;
  org: OrgRef;
  /** From the caller's scope root down to `org`: the drill-down breadcrumb. */
  trail: OrgRef[];
  /**
   * The period shown. `through` is the last day counted: `to` once the period is over, today
   * (China time, by the server's clock) while it runs (`complete` false).
   */
  period: PeriodSpan;
  /**
   * The comparison period, null when `compare` is `none`. While the shown period runs, only as
   * many of its days are counted as the shown period has had (`through`, `complete` false): the
   * 1st–5th of December against the 1st–5th of November, never against all of November.
   */
  comparePeriod: PeriodSpan | null;
  figures: Figure[];
  /** Per figure: this period's value and the comparison period's (null without comparison). */
  kpis: { value: number | null; previous: number | null }[];
  /**
   * The time series: months of a year or quarter, days of a month. `values[i]` belongs to
   * `figures[i]`; null where a ratio has no denominator, and in buckets after `period.through`
   * (days or months the running period has not reached).
   */
  series: { bucket: string; values: (number | null)[] }[];
  /**
   * Per direct child org (all children, zeros included), this period and the comparison period;
   * then, marked `own`, the shown org itself when facts are recorded at its own level (a county's
   * sealed juvenile files, which never count at their office; a bureau's own diary), so the rows
   * add up to the totals. That row's `org` is the shown org: not a drill-down target.
   */
  breakdown: { org: OrgRef; own?: true; values: (number | null)[]; previous: (number | null)[] }[];
  /**
   * Ranking of the judicial offices in the subtree by the first figure, highest first;
   * ties share a rank. Empty when `org` is an office. `values` holds every figure of the office
   * (as `figures`), so a dashboard charting another figure ranks by that one (`rankBy`).
   */
  ranking: { org: OrgRef; value: number | null; rank: number; values: (number | null)[] }[];
  /** Per metric of the entry point (the items drilled into): value and comparison value. */
  items: { metric: string; title: LocalizedText; unit: LocalizedText; value: number; previous: number | null }[];
  /** When the figures were computed (ISO instant). */
  computedAt: string;
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

/** One recorded month (`statistics.monthlyReports`). */
export interface MonthlyReportSummary {
  month: string;
  /** 1 for the job's first run for the month; a re-run replaces the figures and counts up. */
  revision: number;
  computedAt: string;
  /** Orgs of the subtree with figures. */
  orgs: number;
}

/** The JSON form of the month's figures (`format=json`), documented in docs/integrators.md. */
export interface MonthlyReportJson {
  format: 'sifa.monthly-report/1';
  month: string;
  orgCode: string;
  revision: number;
  computedAt: string;
  metrics: { code: string; title: LocalizedText; unit: LocalizedText; aggregation: 'sum' | 'max' | 'min' }[];
  /** Root first, then path order (every org above its children). */
  orgs: { code: string; parentCode: string | null; level: string; name: { zh: string; en?: string | undefined }; values: Record<string, number> }[];
}
