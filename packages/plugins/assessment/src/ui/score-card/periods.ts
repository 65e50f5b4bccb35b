/**
 * Reporting periods in the browser: the few calculations the score card needs, without the zod
 * schemas of @sifa/core's periods module (a widget's first load stays small). Periods are a year
 * (2026), a quarter (2026-Q3) or a month (2026-07), as the server takes them.
 */
import type { PeriodKind } from '@sifa/core';

export type { PeriodKind };

const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function isPeriod(value: string | null | undefined): value is string {
  return typeof value === 'string' && periodPattern.test(value);
}

export function kindOf(period: string): PeriodKind {
  return period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';
}

/** How many months a period spans. */
export function monthsIn(period: string): number {
  return { year: 12, quarter: 3, month: 1 }[kindOf(period)];
}

/** The last month (YYYY-MM) of a period. */
export function lastMonthOf(period: string): string {
  const year = period.slice(0, 4);
  const kind = kindOf(period);
  if (kind === 'year') return `${year}-12`;
  if (kind === 'quarter') return `${year}-${pad(Number(period.slice(6)) * 3)}`;
  return period;
}

/** The month (YYYY-MM) of `at` in the browser's calendar. */
export function monthOf(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;
}

/** The period of `kind` that contains `month`. */
export function periodOfMonth(month: string, kind: PeriodKind): string {
  if (kind === 'year') return month.slice(0, 4);
  if (kind === 'quarter') return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  return month;
}

/**
 * Where a trend of `kind` periods ends for a card showing `period`: at the period's last month,
 * or at the current month while the period is still running.
 */
export function trendEnd(period: string, kind: PeriodKind, now: Date): string {
  const last = lastMonthOf(period);
  const current = monthOf(now);
  const first = period.length === 4 ? `${period}-01` : kindOf(period) === 'quarter' ? `${period.slice(0, 4)}-${pad(Number(period.slice(6)) * 3 - 2)}` : period;
  const end = current >= first && current < last ? current : last;
  return periodOfMonth(end, kind);
}
