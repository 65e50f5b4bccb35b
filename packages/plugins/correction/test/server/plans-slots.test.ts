/**
 * Task due dates on the working-day calendar (the package's data: Mid-Autumn 25–27 Sep 2026,
 * National Day 1–7 Oct, Saturday 10 Oct worked), worked out by hand for every kind of frequency.
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@sifa/core';
import { periodOf, slotsFor } from '../../src/server/index.js';

const calendar = WorkingCalendar.fromPackage();
const dues = (...args: Parameters<typeof slotsFor>) => slotsFor(...args).map((s) => [s.periodStart, s.seq, s.due]);

describe('task slots', () => {
  it('spread `times` over the working days left in the period, weekends and holidays skipped, worked weekends counted', () => {
    // Week of 5 Oct: only 8, 9 and the worked Saturday 10 Oct are working days.
    expect(dues({ every: 'week', times: 1 }, '2026-10-05', '0000-01-01', calendar, 10)).toEqual([['2026-10-05', 1, '2026-10-10']]);
    expect(dues({ every: 'week', times: 2 }, '2026-10-05', '0000-01-01', calendar, 10)).toEqual([
      ['2026-10-05', 1, '2026-10-09'],
      ['2026-10-05', 2, '2026-10-10'],
    ]);
    // An ordinary week: due Friday, the weekend skipped.
    expect(dues({ every: 'week', times: 1 }, '2026-10-14', '0000-01-01', calendar, 10)).toEqual([['2026-10-12', 1, '2026-10-16']]);
    // The National Day week itself has no working day from the 1st: no task.
    expect(dues({ every: 'week', times: 1 }, '2026-10-01', '2026-10-01', calendar, 10)).toEqual([]);
    // A plan starting mid-period counts only what is left of it (29 and 30 Sep).
    expect(dues({ every: 'month', times: 2 }, '2026-09-29', '2026-09-29', calendar, 10)).toEqual([
      ['2026-09-01', 1, '2026-09-29'],
      ['2026-09-01', 2, '2026-09-30'],
    ]);
    // October has 18 working days (8, 9, 10, then three full weeks): the 9th is 19 Oct, the 18th is 30 Oct.
    expect(dues({ every: 'month', times: 2 }, '2026-10-15', '0000-01-01', calendar, 10)).toEqual([
      ['2026-10-01', 1, '2026-10-19'],
      ['2026-10-01', 2, '2026-10-30'],
    ]);
    expect(dues({ every: 'quarter', times: 1 }, '2026-11-02', '0000-01-01', calendar, 10)).toEqual([['2026-10-01', 1, '2026-12-31']]);
  });

  it('give an hour quota one task on the month’s last working day, a one-off one N working days on, a daily measure none on a holiday', () => {
    expect(dues({ hoursPerMonth: 8 }, '2026-10-08', '0000-01-01', calendar, 10)).toEqual([['2026-10-01', 1, '2026-10-30']]);
    // 29 Sep + 10 working days: 30 Sep, 8, 9, 10 (Saturday, worked), 12–16, 19 Oct.
    expect(dues({ every: 'once' }, '2026-09-29', '2026-09-29', calendar, 10)).toEqual([['2026-09-29', 1, '2026-10-19']]);
    expect(dues({ every: 'day', times: 1 }, '2026-10-03', '0000-01-01', calendar, 10)).toEqual([]);
    expect(dues({ every: 'day', times: 1 }, '2026-10-10', '0000-01-01', calendar, 10)).toEqual([['2026-10-10', 1, '2026-10-10']]);
  });

  it('periods: weeks from Monday, quarters', () => {
    expect(periodOf('week', '2026-10-04')).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(periodOf('quarter', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
