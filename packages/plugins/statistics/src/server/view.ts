/**
 * The computation behind `statistics.view`, `statistics.watch` and the export: one entry point
 * over one org subtree and one period, read from the facts rollups with one query per grouping
 * (all of the entry point's metrics at once), never one per org. Also the drill-down to the
 * records behind a number (`statistics.entries`).
 */
import {
  SifaError,
  competitionRanking,
  codesOfPath,
  periodRange,
  ratioCohortProblem,
  previousPeriod,
  monthsOf,
  type EntryPointDefinition,
  type FactsResult,
  type LocalizedText,
  type MetricDefinition,
  type OrgNode,
  type PlatformCatalog,
  type ScopedServices,
} from '@sifa/core';
import type { StatisticsEntriesInput, StatisticsViewInput } from '../schemas.js';
import type { EntryPointList, Figure, OrgRef, PeriodSpan, StatisticsEntries, StatisticsView } from '../types.js';

/** What the computation needs of a scoped transaction (a procedure's ctx, or `runScoped`'s). */
export type StatisticsServices = Pick<ScopedServices, 'facts' | 'orgs' | 'catalog' | 'actor' | 'now'>;

type MetricCatalog = ReadonlyMap<string, MetricDefinition>;

/** The entry points served, validated, in order (the installed plugins' in start order, or an override). */
export interface EntryPointRegistry {
  list: readonly EntryPointDefinition[];
  byId: ReadonlyMap<string, EntryPointDefinition>;
}

export function missingMetrics(entry: EntryPointDefinition, metrics: MetricCatalog): string[] {
  return entry.metrics.filter((m) => !metrics.has(m));
}

/**
 * The entry points whose metrics are all declared by installed plugins, and the groups the
 * installed plugins declare (in start order). An override's entry point naming no declared group
 * is served as is; the dashboard lists it after the groups.
 */
export function availableEntryPoints(registry: EntryPointRegistry, catalog: Pick<PlatformCatalog, 'metrics' | 'entryPointGroups'>): EntryPointList {
  return {
    entries: registry.list.filter((e) => missingMetrics(e, catalog.metrics).length === 0 && ratioCohortProblem(e, catalog.metrics) === null),
    groups: catalog.entryPointGroups.map(({ id, title }) => ({ id, title })),
  };
}

/** The entry point, or NOT_FOUND naming what is missing (the entry point, or its metrics). */
export function findEntryPoint(registry: EntryPointRegistry, id: string, metrics: MetricCatalog): EntryPointDefinition {
  const entry = registry.byId.get(id);
  if (!entry) {
    throw new SifaError('NOT_FOUND', {
      message: { zh: `没有标识为“${id}”的数据入口。`, en: `There is no entry point "${id}".` },
      details: { entry: id },
    });
  }
  const missing = missingMetrics(entry, metrics);
  if (missing.length) {
    throw new SifaError('NOT_FOUND', {
      message: {
        zh: `数据入口“${entry.title.zh}”（${id}）不可用：提供指标 ${missing.join('、')} 的插件未安装。`,
        en: `The entry point "${entry.title.en}" (${id}) is not available: no installed plugin declares ${missing.join(', ')}.`,
      },
      details: { entry: id, missingMetrics: missing.join(',') },
    });
  }
  // (An override's ratio whose numerator is not a part of its denominator: its rate could exceed 100 %.)
  const ratio = ratioCohortProblem(entry, metrics);
  if (ratio) {
    throw new SifaError('NOT_FOUND', {
      message: {
        zh: `数据入口“${entry.title.zh}”（${id}）不可用：比率的分子“${entry.metrics[0]}”不是分母“${entry.metrics[1]}”的一部分（指标未声明 cohortOf），比率可能超过 100%。`,
        en: `The entry point "${entry.title.en}" (${id}) is not available: ${ratio}`,
      },
      details: { entry: id },
    });
  }
  return entry;
}

export function orgRefOf(node: OrgNode): OrgRef {
  const name: LocalizedText = { zh: node.name.zh, en: node.name.en ?? node.name.zh };
  if (node.name.mn) name.mn = node.name.mn;
  return { code: node.code, name, level: node.level };
}

/** The same period one year earlier (2026-07 → 2025-07, 2026-Q3 → 2025-Q3, 2026 → 2025). */
export function yearAgoPeriod(period: string): string {
  const { period: p } = periodRange(period);
  return `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`;
}

export function comparisonPeriod(period: string, compare: StatisticsViewInput['compare']): string | null {
  if (compare === 'previous') return previousPeriod(period);
  if (compare === 'year-ago') return yearAgoPeriod(period);
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day (YYYY-MM-DD) in China time of an instant: days are China time (ARCHITECTURE, Time). */
export function chinaDay(at: Date): string {
  return chinaDayFormat.format(at);
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
const dayOfNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The days of `range` counted on `today` (China time, by the server's clock): all of them once
 * the period is over (or before it starts: nothing is recorded there yet), up to today while it
 * runs.
 */
export function spanOf(range: { period: string; from: string; to: string }, today: string): PeriodSpan {
  const running = range.from <= today && today <= range.to;
  return { period: range.period, from: range.from, to: range.to, through: running ? today : range.to, complete: !running };
}

/**
 * The comparison period counted like the shown one: as many days from its start as the shown
 * period has had (capped at its end), all of it when the shown period is complete.
 */
export function comparedSpan(range: { period: string; from: string; to: string }, shown: PeriodSpan): PeriodSpan {
  if (shown.complete) return { period: range.period, from: range.from, to: range.to, through: range.to, complete: true };
  const days = dayNumber(shown.through) - dayNumber(shown.from);
  const through = dayOfNumber(Math.min(dayNumber(range.from) + days, dayNumber(range.to)));
  return { period: range.period, from: range.from, to: range.to, through, complete: through === range.to };
}

/** The buckets of the time series: months of a year or quarter, days of a month. */
export function seriesBuckets(period: string): { groupBy: 'month' | 'day'; buckets: string[] } {
  const range = periodRange(period);
  if (range.kind !== 'month') return { groupBy: 'month', buckets: monthsOf(period) };
  const days: string[] = [];
  const last = Number(range.to.slice(8, 10));
  for (let d = 1; d <= last; d++) days.push(`${range.from.slice(0, 8)}${pad(d)}`);
  return { groupBy: 'day', buckets: days };
}

/** A ratio in per cent, two decimals; null without a denominator. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 100;
}

const percentUnit: LocalizedText = { zh: '%', en: '%' };

function metricOf(code: string, metrics: MetricCatalog): { title: LocalizedText; unit: LocalizedText } {
  const m = metrics.get(code);
  return { title: m?.title ?? { zh: code, en: code }, unit: m?.unit ?? { zh: '', en: '' } };
}

export function figuresOf(entry: EntryPointDefinition, metrics: MetricCatalog): Figure[] {
  if (entry.combine === 'each') return entry.metrics.map((code) => ({ key: code, ...metricOf(code, metrics) }));
  const title = entry.figureTitle ?? entry.title;
  if (entry.combine === 'sum') return [{ key: 'sum', title, unit: metricOf(entry.metrics[0]!, metrics).unit }];
  return [{ key: 'ratio', title, unit: percentUnit }];
}

/** The figures' values from the metrics' values (`get` gives 0 for a metric without facts). */
export function figureValues(entry: EntryPointDefinition, get: (metric: string) => number): (number | null)[] {
  if (entry.combine === 'each') return entry.metrics.map(get);
  if (entry.combine === 'sum') return [entry.metrics.reduce((total, m) => total + get(m), 0)];
  return [percent(get(entry.metrics[0]!), get(entry.metrics[1]!))];
}

/** key → metric → value. */
function byKey(result: FactsResult | null): Map<string, Map<string, number>> {
  const map = new Map<string, Map<string, number>>();
  for (const row of result?.rows ?? []) {
    let inner = map.get(row.key);
    if (!inner) map.set(row.key, (inner = new Map()));
    inner.set(row.metric, row.value);
  }
  return map;
}
const getter = (map: Map<string, Map<string, number>>, key: string) => (metric: string) => map.get(key)?.get(metric) ?? 0;

/**
 * What the org itself holds of each metric, beside its children (facts at the org's own level,
 * which the `child` grouping leaves out), so the rows aggregate to the total as the metric does:
 * for a sum, its total less theirs; for a max (min), its total where no child reaches it (else
 * its own value cannot change the total and is left out). Null when it holds none.
 */
export function ownShare(metrics: readonly string[], catalog: MetricCatalog, total: Map<string, Map<string, number>>, children: Map<string, Map<string, number>>): Map<string, Map<string, number>> | null {
  const own = new Map<string, number>();
  for (const metric of metrics) {
    const whole = total.get('')?.get(metric);
    if (whole === undefined) continue;
    const theirs = [...children.values()].map((child) => child.get(metric)).filter((v) => v !== undefined);
    const aggregation = catalog.get(metric)?.aggregation ?? 'sum';
    if (aggregation === 'sum') {
      const rest = theirs.reduce((left, v) => left - v, whole);
      // Sums of decimals (hours, amounts) leave rounding dust, not a share.
      if (Math.abs(rest) > 1e-9) own.set(metric, Math.round(rest * 1e6) / 1e6);
    } else if (!theirs.some((v) => (aggregation === 'max' ? v >= whole : v <= whole))) own.set(metric, whole);
  }
  return own.size ? new Map([['', own]]) : null;
}

/** Competition ranking (1, 2, 2, 4), highest first; orgs without a value (no denominator) last. */
export const rankOf = <T extends { code: string; value: number | null }>(items: readonly T[]) => competitionRanking(items, (i) => i.code);

export interface ComputedView {
  view: StatisticsView;
  /** The shown org's path (what the change feed is watched at). */
  orgPath: string;
}

/** Computes the view of `input` for the caller of `s` (OUT_OF_SCOPE / NOT_FOUND as the org directory says). */
export async function computeView(s: StatisticsServices, registry: EntryPointRegistry, input: StatisticsViewInput): Promise<ComputedView> {
  const metrics = s.catalog.metrics;
  const entry = findEntryPoint(registry, input.entry, metrics);
  const org = await s.orgs.get(input.orgCode ?? s.actor.scope.orgCode);
  const range = spanOf(periodRange(input.period), chinaDay(s.now()));
  const comparePeriod = comparisonPeriod(range.period, input.compare ?? 'none');
  const compareRange = comparePeriod ? comparedSpan(periodRange(comparePeriod), range) : null;
  const { groupBy: seriesGrouping, buckets } = seriesBuckets(range.period);
  // Buckets the running period has not reached have no value (not zero).
  const reached = (bucket: string) => bucket <= range.through.slice(0, bucket.length);
  const ranked = org.level !== 'office' && org.level !== 'village';

  // The days counted: up to `through` (like with like while the period runs).
  const query = (r: PeriodSpan, groupBy: 'total' | 'child' | 'day' | 'month') =>
    s.facts.query({ metrics: entry.metrics, orgCode: org.code, from: r.from, to: r.through, groupBy });
  // One query per grouping, all metrics at once; the org directory's reads are one query each.
  const [totals, compareTotals, series, children, childTotals, compareChildTotals, offices, officeTotals, trailNodes] = await Promise.all([
    query(range, 'total'),
    compareRange ? query(compareRange, 'total') : null,
    query(range, seriesGrouping),
    s.orgs.children(org.code),
    query(range, 'child'),
    compareRange ? query(compareRange, 'child') : null,
    ranked ? s.orgs.descendants(org.code, 'office') : ([] as OrgNode[]),
    ranked ? s.facts.query({ metrics: entry.metrics, orgCode: org.code, from: range.from, to: range.through, groupBy: 'level', level: 'office' }) : null,
    trailOf(s, org),
  ]);

  const total = byKey(totals);
  const compareTotal = compareTotals ? byKey(compareTotals) : null;
  const kpiNow = figureValues(entry, getter(total, ''));
  const kpiBefore = compareTotal ? figureValues(entry, getter(compareTotal, '')) : null;
  const seriesMap = byKey(series);
  const childMap = byKey(childTotals);
  const compareChildMap = compareChildTotals ? byKey(compareChildTotals) : null;
  const officeMap = byKey(officeTotals);
  const figures = figuresOf(entry, metrics);
  const nulls: null[] = figures.map(() => null);
  // Without children there is no breakdown to complete.
  const own = children.length ? ownShare(entry.metrics, metrics, total, childMap) : null;
  const compareOwn = children.length && compareTotal && compareChildMap ? ownShare(entry.metrics, metrics, compareTotal, compareChildMap) : null;

  const view: StatisticsView = {
    entry,
    org: orgRefOf(org),
    trail: trailNodes.map(orgRefOf),
    period: range,
    comparePeriod: compareRange,
    figures,
    kpis: kpiNow.map((value, i) => ({ value, previous: kpiBefore ? kpiBefore[i]! : null })),
    series: buckets.map((bucket) => ({ bucket, values: reached(bucket) ? figureValues(entry, getter(seriesMap, bucket)) : nulls })),
    breakdown: [
      ...children.map((child) => ({
        org: orgRefOf(child),
        values: figureValues(entry, getter(childMap, child.code)),
        previous: compareChildMap ? figureValues(entry, getter(compareChildMap, child.code)) : nulls,
      })),
      ...(own || compareOwn
        ? [
            {
              org: orgRefOf(org),
              own: true as const,
              values: figureValues(entry, getter(own ?? new Map(), '')),
              previous: compareTotal ? figureValues(entry, getter(compareOwn ?? new Map(), '')) : nulls,
            },
          ]
        : []),
    ],
    ranking: rankOf(
      offices.map((office) => {
        const values = figureValues(entry, getter(officeMap, office.code));
        return { code: office.code, node: office, value: values[0]!, values };
      }),
    ).map((r) => ({ org: orgRefOf(r.node), value: r.value, rank: r.rank, values: r.values })),
    items: entry.metrics.map((code) => ({
      metric: code,
      ...metricOf(code, metrics),
      value: getter(total, '')(code),
      previous: compareTotal ? getter(compareTotal, '')(code) : null,
    })),
    computedAt: s.now().toISOString(),
  };
  return { view, orgPath: org.path };
}

/** From the caller's scope root down to `org` (both included). */
async function trailOf(s: StatisticsServices, org: OrgNode): Promise<OrgNode[]> {
  const codes = codesOfPath(org.path);
  const start = codes.indexOf(s.actor.scope.orgCode);
  const above = codes.slice(start < 0 ? codes.length - 1 : start, -1);
  const nodes: OrgNode[] = [];
  for (const code of above) nodes.push(await s.orgs.get(code));
  return [...nodes, org];
}

/** The records behind the number of `metric` for `orgCode`'s subtree over `period`, newest day first. */
export async function listEntries(s: StatisticsServices, input: StatisticsEntriesInput): Promise<StatisticsEntries> {
  if (!s.catalog.metrics.has(input.metric)) {
    throw new SifaError('NOT_FOUND', {
      message: { zh: `没有插件声明指标 ${input.metric}。`, en: `No installed plugin declares the metric ${input.metric}.` },
      details: { metric: input.metric },
    });
  }
  const root = await s.orgs.get(input.orgCode);
  const range = periodRange(input.period);
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const found = await s.facts.sources({ metrics: [input.metric], orgCode: root.code, from: range.from, to: range.to, limit, offset });
  const page = found.rows;
  const nodes = new Map<string, OrgNode>([[root.code, root]]);
  if (page.some((r) => !nodes.has(r.orgCode))) for (const node of await s.orgs.descendants(root.code)) nodes.set(node.code, node);
  return {
    rows: page.map((r) => {
      const node = nodes.get(r.orgCode);
      return {
        source: r.source,
        org: node ? orgRefOf(node) : { code: r.orgCode, name: { zh: r.orgCode, en: r.orgCode }, level: root.level },
        day: r.day,
        metric: r.metric,
        value: r.value,
      };
    }),
    total: found.total,
  };
}
