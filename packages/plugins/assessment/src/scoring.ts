/**
 * Scoring, pure: a standard, a table of facts (org × metric × month) and a period in, one score
 * per org out. No database, no clock: the same standard version and the same facts give the same
 * numbers, which is what makes a past score reproducible. The server loads the table with one
 * set-based read (./server/facts-table.ts) and this module does the rest in memory; the tests
 * exercise it on hand-computed fixtures.
 *
 * Points are kept to hundredths at every step (item, part, total), so a drill-down always adds
 * up to the figure above it.
 */
import { monthsOf, periodRange, type AssessmentPart, type PeriodKind } from '@sifa/core';
import type { AssessmentItemScore, AssessmentItemSpec, AssessmentItemStatus, AssessmentPartScore, AssessmentStandardBody, AssessmentWindow } from './types.js';
import { partKinds } from './schemas.js';

export type MetricAggregation = 'sum' | 'max' | 'min';

/** Facts as scoring reads them: per org, per metric, per month (YYYY-MM). Missing cells are 0. */
export interface FactsTable {
  /** Every org to score, in the order results are wanted (orgs without any fact included). */
  orgCodes: readonly string[];
  /** The months the table covers, ascending; scoring refuses a period that needs others. */
  months: readonly string[];
  /** org → metric → month → value, each cell already combined by the metric's aggregation. */
  values: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** How a metric combines across months (default sum), as its plugin declares it. */
  aggregation?: ReadonlyMap<string, MetricAggregation>;
}

/** An item's score as computed (the server adds the metric's title and unit). */
export type ComputedItem = Omit<AssessmentItemScore, 'metricTitle' | 'unit' | 'offices'>;

export interface ComputedScore {
  total: number;
  fullMarks: number;
  vetoed: boolean;
  parts: AssessmentPartScore[];
  items: ComputedItem[];
}

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

const pad = (n: number) => String(n).padStart(2, '0');
const unitMonths: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The months scoring `standard` over `period` reads: the period's, and those from January up to
 * the latest deadline before it (a deadline counts from 1 January).
 */
export function monthsNeeded(standard: Pick<AssessmentStandardBody, 'items'>, period: string): string[] {
  const months = monthsOf(period);
  const dues = standard.items.flatMap((i) => (i.rule.kind === 'deadline' ? [i.rule.dueMonth] : []));
  if (dues.length === 0) return months;
  const year = period.slice(0, 4);
  const latest = `${year}-${pad(Math.max(...dues))}`;
  return [...monthsOf(year).filter((m) => m < months[0]! && m <= latest), ...months];
}

/**
 * The coarsest split of the months scoring `standards` over `period` reads into runs of
 * consecutive months, such that every window a rule judges (a month, a quarter, the period, the
 * months up to a deadline) is a union of whole runs. Facts combined per run are then all scoring
 * needs, so a subtree's facts can be read with one query per run instead of one per month: a
 * year under quarterly targets and a June deadline is four runs.
 */
export function segmentsNeeded(standards: readonly Pick<AssessmentStandardBody, 'items'>[], period: string): string[][] {
  const months = [...new Set(standards.flatMap((s) => monthsNeeded(s, period)))].sort();
  const inPeriod = monthsOf(period);
  const m = inPeriod.length;
  const year = period.slice(0, 4);
  const starts = new Set<string>([months[0]!, inPeriod[0]!]);
  const after = (month: string) => monthsOf(year).find((x) => x > month);
  for (const standard of standards) {
    for (const item of standard.items) {
      const rule = item.rule;
      if (rule.kind === 'target' && m >= unitMonths[rule.per]) for (let i = 0; i < m; i += unitMonths[rule.per]) starts.add(inPeriod[i]!);
      if (rule.kind === 'evidence' && rule.per === 'month') for (const month of inPeriod) starts.add(month);
      if (rule.kind === 'deadline') {
        const due = `${year}-${pad(rule.dueMonth)}`;
        const end = inPeriod[m - 1]!;
        const next = after(end < due ? end : due);
        if (next) starts.add(next);
      }
    }
  }
  const segments: string[][] = [];
  let previous: string | null = null;
  for (const month of months) {
    if (starts.has(month) || previous === null || nextMonth(previous) !== month) segments.push([month]);
    else segments[segments.length - 1]!.push(month);
    previous = month;
  }
  return segments;
}

/**
 * The coarsest runs every run of every list is a union of (several periods read in one pass,
 * e.g. a trend): a run starts wherever one starts or ends in any list, or where months skip.
 */
export function commonSegments(lists: readonly (readonly (readonly string[])[])[]): string[][] {
  const months = [...new Set(lists.flat(2))].sort();
  const starts = new Set<string>();
  const next = new Map(months.map((m, i) => [m, months[i + 1]] as const));
  for (const list of lists) {
    for (const run of list) {
      starts.add(run[0]!);
      const after = next.get(run[run.length - 1]!);
      if (after) starts.add(after);
    }
  }
  const segments: string[][] = [];
  let previous: string | null = null;
  for (const month of months) {
    const contiguous = previous !== null && nextMonth(previous) === month;
    if (!contiguous || starts.has(month)) segments.push([month]);
    else segments[segments.length - 1]!.push(month);
    previous = month;
  }
  return segments;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function combine(aggregation: MetricAggregation, a: number | undefined, b: number): number {
  if (a === undefined) return b;
  return aggregation === 'sum' ? a + b : aggregation === 'max' ? Math.max(a, b) : Math.min(a, b);
}

function windowLabel(months: readonly string[], unit: number): string {
  const first = months[0]!;
  if (unit === 1) return first;
  if (unit === 3) return `${first.slice(0, 4)}-Q${Math.ceil(Number(first.slice(5, 7)) / 3)}`;
  return first.slice(0, 4);
}

function lastDay(month: string): string {
  return periodRange(month).to;
}

const statusOf = (points: number, max: number): AssessmentItemStatus => (points >= max ? 'met' : points > 0 ? 'partial' : 'missed');

/**
 * Scores every org of `table` for `period` under `standard`. Throws when the table does not
 * cover the months the standard needs (a loading bug, never a user error).
 */
export function scoreStandard(standard: AssessmentStandardBody, table: FactsTable, period: string): Map<string, ComputedScore> {
  const needed = monthsNeeded(standard, period);
  const covered = new Set(table.months);
  const missing = needed.filter((m) => !covered.has(m));
  if (missing.length > 0) throw new Error(`The facts table does not cover ${missing.join(', ')} (needed to score ${period}).`);
  const results = new Map<string, ComputedScore>();
  for (const org of table.orgCodes) results.set(org, scoreOrg(standard, table.values.get(org), table.aggregation, period));
  return results;
}

function scoreOrg(
  standard: AssessmentStandardBody,
  facts: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
  aggregation: ReadonlyMap<string, MetricAggregation> | undefined,
  period: string,
): ComputedScore {
  const range = periodRange(period);
  const months = monthsOf(period);
  const m = months.length;
  const year = period.slice(0, 4);

  const over = (metric: string, list: readonly string[]): number => {
    const byMonth = facts?.get(metric);
    if (!byMonth) return 0;
    const agg = aggregation?.get(metric) ?? 'sum';
    let value: number | undefined;
    for (const month of list) {
      const v = byMonth.get(month);
      if (v !== undefined) value = combine(agg, value, v);
    }
    return value ?? 0;
  };

  const items: ComputedItem[] = standard.items.map((item) => {
    const base = { code: item.code, part: item.part, title: item.title, criterion: item.criterion, metric: item.metric, rule: item.rule, max: item.points };
    const rule = item.rule;
    switch (rule.kind) {
      case 'per-occurrence': {
        const value = over(item.metric, months);
        const factor = rule.scale === 'period' ? 12 / m : 1;
        const points = round2(Math.min(item.points, value * rule.pointsEach * factor));
        return { ...base, value, from: range.from, to: range.to, points, status: statusOf(points, item.points), windows: [] };
      }
      case 'target': {
        const unit = unitMonths[rule.per];
        const windows: AssessmentWindow[] = [];
        if (m >= unit) {
          for (let i = 0; i < m; i += unit) {
            const slice = months.slice(i, i + unit);
            const value = over(item.metric, slice);
            windows.push({ period: windowLabel(slice, unit), value, target: rule.target, achieved: achievement(value, rule.target, rule.mode) });
          }
        } else {
          const target = (rule.target * m) / unit;
          const value = over(item.metric, months);
          windows.push({ period, value, target, achieved: achievement(value, target, rule.mode) });
        }
        const share = windows.reduce((s, w) => s + w.achieved, 0) / windows.length;
        const points = round2(item.points * share);
        return { ...base, value: over(item.metric, months), from: range.from, to: range.to, points, status: statusOf(points, item.points), windows };
      }
      case 'deadline': {
        const due = `${year}-${pad(rule.dueMonth)}`;
        const periodEnd = months[m - 1]!;
        const before = periodEnd < due;
        const until = before ? periodEnd : due;
        const counted = monthsOf(year).filter((month) => month <= until);
        const value = over(item.metric, counted);
        const reached = value >= rule.target;
        const points = reached ? item.points : 0;
        const status: AssessmentItemStatus = reached ? 'met' : before ? 'pending' : 'missed';
        return { ...base, value, from: `${year}-01-01`, to: lastDay(until), points, status, windows: [] };
      }
      case 'evidence': {
        const slices = rule.per === 'month' ? months.map((month) => [month]) : [months];
        const windows = slices.map((slice) => {
          const value = over(item.metric, slice);
          return { period: rule.per === 'month' ? slice[0]! : period, value, target: 1, achieved: value > 0 ? 1 : 0 };
        });
        const points = round2((item.points * windows.reduce((s, w) => s + w.achieved, 0)) / windows.length);
        return { ...base, value: over(item.metric, months), from: range.from, to: range.to, points, status: statusOf(points, item.points), windows };
      }
      case 'deduction': {
        const value = over(item.metric, months);
        const deducted = round2(Math.min(item.points, value * rule.pointsEach));
        return { ...base, value, from: range.from, to: range.to, points: deducted === 0 ? 0 : -deducted, status: deducted > 0 ? 'deducted' : 'clear', windows: [] };
      }
      case 'veto': {
        const value = over(item.metric, months);
        return { ...base, value, from: range.from, to: range.to, points: 0, status: value >= rule.threshold ? 'vetoed' : 'clear', windows: [] };
      }
    }
  });

  const vetoes = new Set<AssessmentPart | 'total'>();
  standard.items.forEach((item, i) => {
    if (item.rule.kind === 'veto' && items[i]!.status === 'vetoed') vetoes.add(item.rule.zeroes);
  });

  const parts: AssessmentPartScore[] = standard.parts.map((part) => {
    const kind = partKinds[part.code];
    const raw = round2(items.filter((i) => i.part === part.code).reduce((s, i) => s + i.points, 0));
    const vetoed = vetoes.has(part.code);
    let points: number;
    if (kind === 'negative') points = raw === 0 ? 0 : -round2(Math.min(part.points, -raw));
    else points = vetoed ? 0 : round2(Math.min(part.points, raw));
    return { code: part.code, kind, title: part.title, points, max: part.points, raw, vetoed };
  });

  const fullMarks = round2(parts.filter((p) => p.kind === 'regular').reduce((s, p) => s + p.max, 0));
  const vetoed = vetoes.has('total');
  const sum = round2(parts.reduce((s, p) => s + p.points, 0));
  const total = vetoed ? 0 : Math.max(0, sum);
  return { total, fullMarks, vetoed, parts, items };
}

function achievement(value: number, target: number, mode: 'full' | 'pro-rata'): number {
  if (value >= target) return 1;
  return mode === 'full' ? 0 : Math.max(0, value / target);
}

/** The metrics a standard reads, each once, in item order. */
export function metricsOf(standard: Pick<AssessmentStandardBody, 'items'>): string[] {
  return [...new Set(standard.items.map((i: AssessmentItemSpec) => i.metric))];
}
