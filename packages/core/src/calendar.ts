/**
 * Working days of the Chinese calendar: public holidays and the adjusted working days
 * (调休, a Saturday or Sunday worked in exchange) as published by the State Council, from the
 * maintained `chinese-days` package. A year the package has no data for yet is not guessed at
 * silently: `isCovered` says so, and callers report it (weekends only are skipped then).
 */
import chineseDays from 'chinese-days';
import type { LocalizedText } from './locale.js';

const covered = new Map<number, boolean>();

/** True when the official holiday arrangement of `year` is known (every year has holidays). */
export function isCalendarYearCovered(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** True on a working day: Monday–Friday unless a public holiday, plus adjusted working weekends. */
export function isWorkingDay(day: string): boolean {
  if (!isCalendarYearCovered(Number(day.slice(0, 4)))) {
    const d = weekday(day);
    return d !== 0 && d !== 6;
  }
  return chineseDays.isWorkday(day);
}

/** The day after (or, with a negative step, before) `day`, as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Working days in [from, to], in order. */
export function workingDaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) out.push(day);
  return out;
}

/**
 * The `n`-th working day after `day` (n ≥ 1), or before it for negative `n`; `n = 0` is `day`
 * itself when it is a working day, else the next working day. Statutory "within N working days".
 */
export function addWorkingDays(day: string, n: number): string {
  if (n === 0) {
    let d = day;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = day;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Years in [from, to] the calendar has no official arrangement for (callers surface them). */
export function uncoveredYears(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!isCalendarYearCovered(y)) years.push(y);
  return years;
}

export interface DayDescription {
  day: string;
  working: boolean;
  /** adjusted-workday: a Saturday or Sunday worked in exchange for a holiday (调休). */
  kind: 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';
  /** The festival a holiday or adjusted working day belongs to (e.g. 国庆节), when known. */
  festival: LocalizedText | null;
  /** False when the year's official arrangement is not known (only weekends are told apart). */
  covered: boolean;
}

/**
 * What kind of day `day` is, with the festival it belongs to, so a message can say *why* a date
 * is not a working day ("2026-10-05 is a public holiday (National Day)").
 */
export function describeDay(day: string): DayDescription {
  const covered = isCalendarYearCovered(Number(day.slice(0, 4)));
  const weekend = [0, 6].includes(weekday(day));
  const working = isWorkingDay(day);
  let festival: LocalizedText | null = null;
  if (covered) {
    // chinese-days names festival days "National Day,国庆节,3" (English, Chinese, length); other days by weekday.
    const [en, zh] = chineseDays.getDayDetail(day).name.split(',');
    if (en && zh) festival = { zh, en };
  }
  // A weekend inside a festival's days off counts as part of the holiday (Oct 3–4 in National Day week).
  const kind: DayDescription['kind'] = working ? (weekend ? 'adjusted-workday' : 'workday') : weekend && !festival ? 'weekend' : 'holiday';
  return { day, working, kind, festival: kind === 'weekend' || kind === 'workday' ? null : festival, covered };
}

/** The last working day in [from, to], or null when there is none (e.g. the week of National Day). */
export function lastWorkingDayIn(from: string, to: string): string | null {
  for (let day = to; day >= from; day = addDays(day, -1)) if (isWorkingDay(day)) return day;
  return null;
}
