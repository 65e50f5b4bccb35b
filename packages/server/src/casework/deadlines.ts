/**
 * Deadlines of a case from its timeline, on the platform calendar: a deadline starts on the day
 * of (the latest) `from` step, is due `days` working days later (`WorkingCalendar.addWorkingDays`,
 * 调休 included) or `days` calendar days later moved to the next working day when that day is a
 * rest day or public holiday (民法典 第二百零三条), and is met by a `metBy` step taken after the
 * start or when the case reaches a closed state. A deadline with `when` runs only for cases whose
 * field has one of its values (a letter's reply deadline, not a phone call's).
 */
import { addDays, type CaseDeadlineView, type CaseTypeView, type WorkingCalendar } from '@sifa/core';

type DeadlineSpec = Omit<CaseTypeView['deadlines'][number], 'configured'>;

/** What the table keeps of a running deadline (for lists, filters and the deadline source). */
export interface StoredDeadline {
  code: string;
  startedOn: string;
  due: string;
  /** The first day it counts as due soon. */
  warnFrom: string;
}

export function dueDay(calendar: WorkingCalendar, spec: Pick<DeadlineSpec, 'days' | 'unit'>, startedOn: string): string {
  if (spec.unit === 'working') return calendar.addWorkingDays(startedOn, spec.days);
  return calendar.addWorkingDays(addDays(startedOn, spec.days), 0);
}

export function warnFromDay(calendar: WorkingCalendar, spec: Pick<DeadlineSpec, 'unit' | 'warnBefore'>, due: string): string {
  if (spec.warnBefore === 0) return due;
  return spec.unit === 'working' ? calendar.addWorkingDays(due, -spec.warnBefore) : addDays(due, -spec.warnBefore);
}

/** Days of `unit` from `today` to `due`: working days in (today, due], negative when overdue. */
export function remainingDays(calendar: WorkingCalendar, unit: 'working' | 'calendar', today: string, due: string): number {
  if (unit === 'calendar') return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (due >= today) return calendar.countWorkingDays(addDays(today, 1), due);
  return -calendar.countWorkingDays(addDays(due, 1), today);
}

export function deadlineState(spec: Pick<DeadlineSpec, 'warnBefore'>, today: string, due: string, remaining: number): CaseDeadlineView['state'] {
  if (today > due) return 'overdue';
  return remaining <= spec.warnBefore ? 'due-soon' : 'running';
}

/** Whether a deadline applies to a case with these field values (`when`; none: always). */
export function deadlineApplies(spec: Pick<DeadlineSpec, 'when'>, values: Readonly<Record<string, unknown>>): boolean {
  if (!spec.when) return true;
  const value = values[spec.when.field];
  return (Array.isArray(value) ? value : [value]).some((v) => spec.when!.in.includes(v as string | boolean));
}

/** Every started deadline of a case (running or met), in the type's order; `values`: the case's fields, for `when`. */
export function caseDeadlines(
  type: { deadlines: readonly DeadlineSpec[]; states: CaseTypeView['states'] },
  events: readonly { transition: string; on: string; toState: string }[],
  calendar: WorkingCalendar,
  today: string,
  values: Readonly<Record<string, unknown>> = {},
): CaseDeadlineView[] {
  const closedStates = new Set(type.states.filter((s) => s.closed).map((s) => s.code));
  const last = events.at(-1);
  const closed = last !== undefined && closedStates.has(last.toState);
  const out: CaseDeadlineView[] = [];
  for (const spec of type.deadlines) {
    if (!deadlineApplies(spec, values)) continue;
    let start = -1;
    for (let i = events.length - 1; i >= 0; i--) {
      if (events[i]!.transition === spec.from) {
        start = i;
        break;
      }
    }
    if (start < 0) continue;
    const startedOn = events[start]!.on;
    const due = dueDay(calendar, spec, startedOn);
    let metOn: string | null = null;
    for (let i = start + 1; i < events.length; i++) {
      const e = events[i]!;
      if (spec.metBy.includes(e.transition) || closedStates.has(e.toState)) {
        metOn = e.on;
        break;
      }
    }
    if (metOn === null && closed) metOn = last.on;
    const base = { code: spec.code, title: spec.title, basis: spec.basis, days: spec.days, unit: spec.unit, startedOn, due };
    if (metOn !== null) {
      out.push({ ...base, state: 'met', remaining: null, metOn });
      continue;
    }
    const remaining = remainingDays(calendar, spec.unit, today, due);
    out.push({ ...base, state: deadlineState(spec, today, due, remaining), remaining, metOn: null });
  }
  return out;
}

/** The running deadlines to store, and the one due first (for `next_due` / `next_warn`). */
export function storedDeadlines(type: { deadlines: readonly DeadlineSpec[] }, views: readonly CaseDeadlineView[], calendar: WorkingCalendar): { running: StoredDeadline[]; next: StoredDeadline | null } {
  const running = views
    .filter((d) => d.state !== 'met')
    .map((d) => ({ code: d.code, startedOn: d.startedOn, due: d.due, warnFrom: warnFromDay(calendar, type.deadlines.find((s) => s.code === d.code)!, d.due) }));
  const next = running.reduce<StoredDeadline | null>((first, d) => (first === null || d.due < first.due ? d : first), null);
  return { running, next };
}

/** A stored running deadline as shown today (lists: the summary's `nextDeadline`). */
export function viewOfStored(spec: DeadlineSpec, stored: StoredDeadline, calendar: WorkingCalendar, today: string): CaseDeadlineView {
  const remaining = remainingDays(calendar, spec.unit, today, stored.due);
  return {
    code: spec.code,
    title: spec.title,
    basis: spec.basis,
    days: spec.days,
    unit: spec.unit,
    startedOn: stored.startedOn,
    due: stored.due,
    state: deadlineState(spec, today, stored.due, remaining),
    remaining,
    metOn: null,
  };
}
