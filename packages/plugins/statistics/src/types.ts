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
