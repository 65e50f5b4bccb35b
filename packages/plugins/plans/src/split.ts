/**
 * Splitting a plan target over sub-periods by the Chinese working-day calendar.
 *
 * Sub-periods are the months of a year or quarter plan and the ISO weeks of a month plan (a week
 * that straddles the month counts only its days inside the month), cut at the due date: the
 * target must be reached by then. `even` shares the target in proportion to the working days of
 * each sub-period (public holidays skipped, adjusted working weekends counted, from the
 * platform's `WorkingCalendar`); `weighted` by whole-number weights. Shares are whole numbers
 * summing exactly to the target (largest remainder; ties go to the earlier sub-period). Each
 * sub-period's milestone is its last working day.
 *
 * Pure functions of the calendar they are given: the plugin computes splits when it reads, with
 * the calendar versions recorded on the plan (`calendar.asOf(versions)`: open plans follow every
 * import of holiday data, ended ones keep theirs), and checks them when it writes. A split says
 * which versions it was computed with (`calendarVersions`).
 */
import {
  addDays,
  monthsOf,
  periodKind,
  periodRange,
  type LocalizedText,
  type WorkingCalendar,
} from '@sifa/core';
import type { PlanCalendarWarning, PlanSplit, PlanSplitMode, PlanSubPeriod } from './types.js';

/** A problem with the split's input, for a field issue (`field` relative to the item). */
export interface SplitProblem {
  field: 'due' | 'weights' | 'target';
  message: LocalizedText;
  details?: Record<string, string | number | boolean | null>;
}

export class SplitError extends Error {
  constructor(readonly problems: SplitProblem[]) {
    super(problems.map((p) => p.message.en).join(' '));
    this.name = 'SplitError';
  }
}

export interface SubPeriodRange {
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** ISO 8601 week of a day: `YYYY-Www` (the week-numbering year may differ from the calendar year). */
export function isoWeekKey(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** The sub-periods of `period` up to `until` (inclusive; default the period's last day). */
export function subPeriodsOf(period: string, until?: string): SubPeriodRange[] {
  const range = periodRange(period);
  const end = until && until < range.to ? until : range.to;
  const out: SubPeriodRange[] = [];
  if (periodKind(period) === 'month') {
    let from = range.from;
    while (from <= end) {
      const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
      const sunday = addDays(from, 6 - weekday);
      const to = sunday < end ? sunday : end;
      out.push({ key: isoWeekKey(from), from, to });
      from = addDays(to, 1);
    }
    return out;
  }
  for (const month of monthsOf(period)) {
    const from = `${month}-01`;
    if (from > end) break;
    const last = lastDayOfMonth(month);
    out.push({ key: month, from, to: last < end ? last : end });
  }
  return out;
}

/**
 * Whole shares of `total` in proportion to `weights` (non-negative integers, sum > 0) that sum
 * exactly to `total`: floors first, then one more to the largest remainders, earlier first on ties.
 * Integer arithmetic throughout, so the result never depends on rounding.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

const dateText = (day: string) => ({ zh: `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`, en: day });

/**
 * Why `day` cannot be a due date, with the nearest working days inside [from, to] to pick
 * instead; null when it is a working day.
 */
export function dueDateProblem(calendar: WorkingCalendar, day: string, from: string, to: string): SplitProblem | null {
  if (day < from || day > to) {
    return {
      field: 'due',
      message: {
        zh: `截止日期 ${day} 不在计划期间（${from} 至 ${to}）内，请在期间内选择一个工作日。`,
        en: `The due date ${day} is outside the plan's period (${from} to ${to}). Pick a working day inside the period.`,
      },
      details: { due: day, from, to },
    };
  }
  const described = calendar.describeDay(day);
  if (described.working) return null;
  const before = calendar.addWorkingDays(day, -1);
  const after = calendar.addWorkingDays(day, 1);
  const choices = [before >= from ? before : null, after <= to ? after : null].filter((d): d is string => d !== null);
  const what =
    described.kind === 'holiday'
      ? { zh: `法定节假日${described.festival ? `（${described.festival.zh}）` : ''}`, en: `a public holiday${described.festival ? ` (${described.festival.en})` : ''}` }
      : { zh: '周末休息日', en: 'a weekend day off' };
  const pick = choices.length
    ? { zh: `请改为 ${choices.join(' 或 ')}（${choices.length === 2 ? '前后' : '最近'}的工作日）。`, en: `Pick ${choices.join(' or ')} (the nearest working day${choices.length === 2 ? 's before and after' : ''}).` }
    : { zh: '计划期间内没有可选的工作日。', en: 'The period has no working day to pick.' };
  return {
    field: 'due',
    message: {
      zh: `截止日期须为工作日，${dateText(day).zh}是${what.zh}。${pick.zh}`,
      en: `The due date must be a working day; ${day} is ${what.en}. ${pick.en}`,
    },
    details: { due: day, kind: described.kind, before: choices.includes(before) ? before : null, after: choices.includes(after) ? after : null },
  };
}

/** The warning for years of [from, to] whose official holidays the calendar does not have yet. */
export function calendarWarnings(calendar: WorkingCalendar, from: string, to: string): PlanCalendarWarning[] {
  const years = calendar.uncoveredYears(from, to);
  if (years.length === 0) return [];
  const list = years.join('、');
  return [
    {
      code: 'calendar-uncovered',
      years,
      message: {
        zh: `日历数据尚未收录 ${list} 年的法定节假日和调休安排：这些日期暂按周一至周五计算工作日。国务院公布安排、管理员导入后，未结束的计划自动按新安排重新拆分，届时请核对截止日期。`,
        en: `The calendar does not have the official holidays and adjusted working days of ${years.join(', ')} yet: those dates count Monday to Friday as working days for now. Once the State Council publishes the arrangement and an administrator imports it, open plans are split again with it; check the due dates then.`,
      },
    },
  ];
}

export interface SplitRequest {
  period: string;
  target: number;
  mode: PlanSplitMode;
  weights?: Record<string, number> | null | undefined;
  due?: string | null | undefined;
  /** Reading a stored plan: a due date inside the period that is (no longer) a working day is accepted. */
  lenient?: boolean;
}

type Frame = { key: string; from: string; to: string; workingDays: number; due: string | null }[];

/**
 * The working days per sub-period, by calendar (an immutable value) and (period, due): the part
 * of a split that is the same for every assignee. A calendar no longer used is dropped with it.
 */
const frames = new WeakMap<WorkingCalendar, Map<string, Frame>>();
const maxFrames = 1000;

function frameOf(calendar: WorkingCalendar, period: string, due: string): Frame {
  let byKey = frames.get(calendar);
  if (!byKey) frames.set(calendar, (byKey = new Map()));
  const cacheKey = `${period}|${due}`;
  let frame = byKey.get(cacheKey);
  if (!frame) {
    frame = subPeriodsOf(period, due).map((s) => ({ ...s, workingDays: calendar.workingDaysBetween(s.from, s.to).length, due: calendar.lastWorkingDayIn(s.from, s.to) }));
    if (byKey.size >= maxFrames) byKey.delete(byKey.keys().next().value!);
    byKey.set(cacheKey, frame);
  }
  return frame;
}

/** The default due date of a period: its last working day. */
export function defaultDue(calendar: WorkingCalendar, period: string): string {
  const { from, to } = periodRange(period);
  return calendar.lastWorkingDayIn(from, to) ?? to;
}

/**
 * Splits `target` over the sub-periods of `period` up to `due`. Throws a SplitError naming the
 * field to fix: a due date that is not a working day of the period (with the days to pick
 * instead), weights that do not match the sub-periods, a weight on a sub-period without a
 * working day.
 */
export function splitTarget(calendar: WorkingCalendar, request: SplitRequest): PlanSplit {
  const range = periodRange(request.period);
  const due = request.due ?? defaultDue(calendar, request.period);
  const problems: SplitProblem[] = [];
  const dueProblem = dueDateProblem(calendar, due, range.from, range.to);
  if (dueProblem && !(request.lenient && due >= range.from && due <= range.to)) throw new SplitError([dueProblem]);
  if (!Number.isSafeInteger(request.target) || request.target < 1) {
    throw new SplitError([{ field: 'target', message: { zh: '目标值须为不小于 1 的整数。', en: 'The target must be a whole number of at least 1.' } }]);
  }
  const frame = frameOf(calendar, request.period, due);
  let shares: number[];
  if (request.mode === 'weighted') {
    const weights = request.weights ?? {};
    const keys = frame.map((f) => f.key);
    const missing = keys.filter((k) => !(k in weights));
    const extra = Object.keys(weights).filter((k) => !keys.includes(k));
    if (missing.length || extra.length) {
      problems.push({
        field: 'weights',
        message: {
          zh: `按权重拆分须为每个子期间给出权重，子期间为：${keys.join('、')}。${missing.length ? `缺少：${missing.join('、')}。` : ''}${extra.length ? `多出：${extra.join('、')}。` : ''}`,
          en: `A weighted split needs one weight per sub-period: ${keys.join(', ')}.${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}${extra.length ? ` Not a sub-period: ${extra.join(', ')}.` : ''}`,
        },
        details: { expected: keys.join(',') },
      });
    } else {
      const idle = frame.filter((f) => f.workingDays === 0 && (weights[f.key] ?? 0) > 0).map((f) => f.key);
      if (idle.length) {
        problems.push({
          field: 'weights',
          message: {
            zh: `子期间 ${idle.join('、')} 没有工作日，其权重须为 0。`,
            en: `Sub-period ${idle.join(', ')} has no working day: give it weight 0.`,
          },
        });
      } else if (keys.every((k) => (weights[k] ?? 0) === 0)) {
        problems.push({ field: 'weights', message: { zh: '权重不能全为 0。', en: 'At least one weight must be above 0.' } });
      }
    }
    if (problems.length) throw new SplitError(problems);
    shares = apportion(
      request.target,
      frame.map((f) => weights[f.key]!),
    );
  } else {
    shares = apportion(
      request.target,
      frame.map((f) => f.workingDays),
    );
  }
  const subPeriods: PlanSubPeriod[] = frame.map((f, i) => ({ key: f.key, from: f.from, to: f.to, workingDays: f.workingDays, target: shares[i]!, due: f.due }));
  return {
    period: range.period,
    from: range.from,
    due,
    target: request.target,
    mode: request.mode,
    subPeriods,
    warnings: calendarWarnings(calendar, range.from, due),
    calendarVersions: calendar.versionsFor(range.from, range.to),
  };
}

/** The target of the milestones whose day has passed (strictly before `today`). */
export function expectedBy(subPeriods: readonly PlanSubPeriod[], today: string): number {
  return subPeriods.reduce((sum, s) => (s.due !== null && s.due < today ? sum + s.target : sum), 0);
}
