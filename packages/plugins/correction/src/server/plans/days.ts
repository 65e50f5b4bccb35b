/** Calendar arithmetic on YYYY-MM-DD days (UTC, no time of day) and task periods on working days. */
import type { WorkingCalendar } from '@sifa/core';
import type { Frequency } from '../../plan/index.js';

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function dayIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** First and last day of the month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return { from: `${month}-01`, to: lastOfMonth(y, m) };
}

/** The calendar period (week from Monday, month, quarter) containing `day`. */
export function periodOf(every: 'day' | 'week' | 'month' | 'quarter', day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (every) {
    case 'day':
      return { from: day, to: day };
    case 'week': {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      const from = addDays(day, -weekday);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return monthRange(day.slice(0, 7));
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: lastOfMonth(y, first + 2) };
    }
  }
}

export interface TaskSlot {
  periodStart: string;
  seq: number;
  due: string;
}

/**
 * The tasks a measure calls for in the period containing `day`, counted from `start` (the day the
 * plan took effect, when it lies inside the period): `times` tasks spread evenly over the period's
 * remaining WORKING days (the i-th due on working day ⌈i·W/times⌉), an hour quota as one task due
 * on the period's last working day, a one-off measure due `onceWithin` working days after `start`.
 * A period without working days left (the National Day week) has no tasks.
 */
export function slotsFor(frequency: Frequency, day: string, start: string, calendar: WorkingCalendar, onceWithin: number): TaskSlot[] {
  if ('hoursPerMonth' in frequency) {
    const { from, to } = periodOf('month', day);
    const last = calendar.lastWorkingDayIn(from > start ? from : start, to);
    return last ? [{ periodStart: from, seq: 1, due: last }] : [];
  }
  if (frequency.every === 'once') return [{ periodStart: start, seq: 1, due: calendar.addWorkingDays(start, onceWithin) }];
  const { from, to } = periodOf(frequency.every, day);
  const working = calendar.workingDaysBetween(from > start ? from : start, to);
  if (working.length === 0) return [];
  const slots: TaskSlot[] = [];
  for (let i = 1; i <= frequency.times; i++) slots.push({ periodStart: from, seq: i, due: working[Math.ceil((i * working.length) / frequency.times) - 1]! });
  return slots;
}
