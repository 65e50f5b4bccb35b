/**
 * Reporting periods: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-07`). Scores,
 * plans and comparisons are asked for by period; facts are read over the period's days.
 */
import { z } from 'zod';
import { msg } from './messages.js';

export type PeriodKind = 'year' | 'quarter' | 'month';

export const periodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, msg('period'));
export type Period = z.infer<typeof periodSchema>;

export interface PeriodRange {
  period: string;
  kind: PeriodKind;
  /** First and last day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodKind(period: string): PeriodKind {
  return period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';
}

/** The days a period covers. */
export function periodRange(period: string): PeriodRange {
  const p = periodSchema.parse(period);
  const year = Number(p.slice(0, 4));
  const kind = periodKind(p);
  let first = 1;
  let last = 12;
  if (kind === 'quarter') {
    const q = Number(p.slice(6));
    first = (q - 1) * 3 + 1;
    last = first + 2;
  } else if (kind === 'month') {
    first = last = Number(p.slice(5));
  }
  return { period: p, kind, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

/** The period of the same kind just before `period` (2026-01 → 2025-12, 2026-Q1 → 2025-Q4). */
export function previousPeriod(period: string): string {
  const p = periodSchema.parse(period);
  const year = Number(p.slice(0, 4));
  switch (periodKind(p)) {
    case 'year':
      return String(year - 1);
    case 'quarter': {
      const q = Number(p.slice(6));
      return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    }
    case 'month': {
      const m = Number(p.slice(5));
      return m === 1 ? `${year - 1}-12` : `${year}-${pad(m - 1)}`;
    }
  }
}

/** The months (YYYY-MM) a period covers, in order. */
export function monthsOf(period: string): string[] {
  const { from, to } = periodRange(period);
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    months.push(key);
    if (key === end) return months;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

/** The period of `kind` containing `day` (YYYY-MM-DD). */
export function periodOf(day: string, kind: PeriodKind): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad(month)}`;
}
