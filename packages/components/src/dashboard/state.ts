/**
 * The dashboard's navigation state (entry point, org, period, comparison, drilled item) and its
 * form in the page URL: one query parameter namespaced to the widget (`?sifa-dash=…`, or
 * `?sifa-dash-<id>=…` for an element with an id), so the browser's back button walks the
 * drill-down and a copied link opens the same view. Plus the few period calculations the pickers
 * need, without @sifa/core's zod schemas (the widget's first load stays small).
 */
import type { Comparison } from '@sifa/plugin-statistics';

export interface DashboardState {
  entry: string;
  /** The org shown; null: the signed-in user's own. */
  org: string | null;
  /** 2026, 2026-Q3 or 2026-07. */
  period: string;
  compare: Comparison;
  /** The metric whose records are listed; null: none. */
  item: string | null;
}

export type PeriodKind = 'year' | 'quarter' | 'month';

export const comparisons: readonly Comparison[] = ['none', 'previous', 'year-ago'];
const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const entryPattern = /^[a-z][a-z0-9-]*$/;
const orgPattern = /^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/;
const metricPattern = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function isPeriod(value: string | null | undefined): value is string {
  return typeof value === 'string' && periodPattern.test(value);
}

export function isComparison(value: string | null | undefined): value is Comparison {
  return (comparisons as readonly (string | null | undefined)[]).includes(value);
}

export function kindOf(period: string): PeriodKind {
  return period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';
}

/** The period of `kind` that contains the day `at`. */
export function periodAt(at: Date, kind: PeriodKind): string {
  const year = at.getFullYear();
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.floor(at.getMonth() / 3) + 1}`;
  return `${year}-${pad(at.getMonth() + 1)}`;
}

/** The pickable periods of `kind`, newest first: the current one and those of the `years` - 1 years before. */
export function recentPeriods(kind: PeriodKind, now: Date, years = 5): string[] {
  const year = now.getFullYear();
  const out: string[] = [];
  for (let y = year; y > year - years; y--) {
    if (kind === 'year') out.push(String(y));
    else if (kind === 'quarter') for (let q = 4; q >= 1; q--) out.push(`${y}-Q${q}`);
    else for (let m = 12; m >= 1; m--) out.push(`${y}-${pad(m)}`);
  }
  const current = periodAt(now, kind);
  return out.filter((p) => p <= current || kind === 'year');
}

/** The URL query parameter of a dashboard (per element id, so two dashboards on a page keep apart). */
export function paramName(id: string | null | undefined): string {
  return id ? `sifa-dash-${id}` : 'sifa-dash';
}

/** `entry~org~period~compare~item` (empty parts for nulls): short, readable, URL-safe. */
export function encodeState(state: DashboardState): string {
  return [state.entry, state.org ?? '', state.period, state.compare, state.item ?? ''].join('~').replace(/~+$/, '');
}

/** The state in a URL parameter's value, or null when it is not one (a hand-edited link). */
export function decodeState(value: string | null | undefined): DashboardState | null {
  if (!value) return null;
  const [entry = '', org = '', period = '', compare = '', item = ''] = value.split('~');
  if (!entryPattern.test(entry) || !isPeriod(period)) return null;
  if (org && !orgPattern.test(org)) return null;
  if (item && !metricPattern.test(item)) return null;
  return { entry, org: org || null, period, compare: isComparison(compare) ? compare : 'previous', item: item || null };
}

/** `href` with the dashboard's parameter set to `state` (removed for null). */
export function urlWithState(href: string, name: string, state: DashboardState | null): string {
  const url = new URL(href);
  if (state) url.searchParams.set(name, encodeState(state));
  else url.searchParams.delete(name);
  return url.pathname + url.search + url.hash;
}

export function sameState(a: DashboardState | null, b: DashboardState | null): boolean {
  return a === b || (!!a && !!b && encodeState(a) === encodeState(b));
}
