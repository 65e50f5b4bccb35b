/**
 * Progress of plan instances. Manual items are done when checked. Metric items are measured from
 * facts: the metric's total in the assignee's subtree over the plan period up to today (work
 * after the period belongs to the next one). Facts are read in batches, never per instance:
 * one `facts.query` per (period window, parent of the assignees), grouped by child, which gives
 * every assignee under that parent its exact subtree total at once (a city plan assigned to 12
 * counties is one query). An assignee that is the caller's own scope root (its parent is out of
 * sight) is read with one total query.
 */
import { codesOfPath, type FactsService, type WorkingCalendar } from '@sifa/core';
import type { PlanProgress, PlanSubPeriod } from '../types.js';
import { expectedBy, splitTarget, SplitError } from '../split.js';
import type { PlanInstanceRow } from './schema.js';

export interface MeasureContext {
  facts: FactsService;
  /** Path of the scope the transaction runs in (its root's parent is out of sight). */
  scopePath: string;
  today: string;
  /** The live working-day calendar; each row's split uses the versions recorded with it (`asOf`). */
  calendar: WorkingCalendar;
  /** Metrics the installation declares (procedures know them); a metric left out counts as unknown. */
  knownMetric?: (code: string) => boolean;
  /** Called when a batch of facts cannot be read (jobs log it and treat the progress as unknown). */
  onFactsError?: (error: unknown) => void;
}

export interface Measured {
  progress: PlanProgress;
  split: PlanSubPeriod[] | null;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

export const targetOf = (row: Pick<PlanInstanceRow, 'targetOverride' | 'itemTarget'>) => row.targetOverride ?? row.itemTarget;

/** The calendar a plan's rows are computed with: the live one at the versions recorded on the plan. */
export const calendarOfRow = (calendar: WorkingCalendar, row: Pick<PlanInstanceRow, 'calendarVersions'>) => calendar.asOf(row.calendarVersions);

/**
 * The instance's split with the calendar versions recorded on its plan (`live` is the live
 * calendar); a stored setting that calendar no longer allows falls back to an even split.
 */
export function instanceSplit(row: PlanInstanceRow, live: WorkingCalendar): PlanSubPeriod[] | null {
  const target = targetOf(row);
  if (row.kind !== 'metric' || target === null) return null;
  const calendar = calendarOfRow(live, row);
  const request = { period: row.period, target, mode: row.splitMode ?? 'even', weights: row.weights, due: row.due } as const;
  try {
    return splitTarget(calendar, request).subPeriods;
  } catch (error) {
    if (!(error instanceof SplitError)) throw error;
    // A due date that became a holiday when the year's arrangement was published: still show the shares.
    try {
      return splitTarget(calendar, { ...request, mode: 'even', weights: null, lenient: true }).subPeriods;
    } catch {
      return null;
    }
  }
}

const maxMetricsPerQuery = 50;

/** Progress of each row (by id), reading facts in as few queries as the rows allow. */
export async function measure(ctx: MeasureContext, rows: readonly PlanInstanceRow[]): Promise<Map<string, Measured>> {
  const { today } = ctx;
  // value by instance id (metric items); undefined: not read (yet), null: unknown.
  const values = new Map<string, number | null>();
  interface Group {
    root: string;
    groupBy: 'child' | 'total';
    from: string;
    to: string;
    metrics: Set<string>;
    rows: PlanInstanceRow[];
  }
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (row.kind !== 'metric' || !row.metric) continue;
    if (ctx.knownMetric && !ctx.knownMetric(row.metric)) {
      values.set(row.id, null);
      continue;
    }
    if (today < row.periodFrom) {
      values.set(row.id, 0);
      continue;
    }
    const to = row.periodTo < today ? row.periodTo : today;
    const own = row.orgPath === ctx.scopePath;
    const codes = codesOfPath(row.orgPath);
    const root = own ? row.orgCode : codes[codes.length - 2]!;
    const groupBy = own ? 'total' : 'child';
    const key = `${row.periodFrom}|${to}|${root}|${groupBy}`;
    let group = groups.get(key);
    if (!group) {
      group = { root, groupBy, from: row.periodFrom, to, metrics: new Set(), rows: [] };
      groups.set(key, group);
    }
    group.metrics.add(row.metric);
    group.rows.push(row);
  }
  for (const group of groups.values()) {
    const totals = new Map<string, number>();
    const metrics = [...group.metrics].sort();
    try {
      for (let i = 0; i < metrics.length; i += maxMetricsPerQuery) {
        const result = await ctx.facts.query({ metrics: metrics.slice(i, i + maxMetricsPerQuery), orgCode: group.root, from: group.from, to: group.to, groupBy: group.groupBy });
        for (const r of result.rows) totals.set(`${group.groupBy === 'total' ? group.root : r.key}|${r.metric}`, r.value);
      }
      for (const row of group.rows) values.set(row.id, totals.get(`${row.orgCode}|${row.metric}`) ?? 0);
    } catch (error) {
      if (!ctx.onFactsError) throw error;
      ctx.onFactsError(error);
      for (const row of group.rows) values.set(row.id, null);
    }
  }

  const out = new Map<string, Measured>();
  for (const row of rows) {
    const overdueDays = Math.max(0, daysBetween(row.due, today));
    if (row.kind === 'manual') {
      const complete = row.checkedAt !== null;
      out.set(row.id, {
        split: null,
        progress: {
          value: null,
          target: null,
          percent: complete ? 100 : 0,
          expectedToDate: null,
          complete,
          status: complete ? 'done' : today < row.periodFrom ? 'not-started' : overdueDays > 0 ? 'overdue' : 'on-track',
          daysOverdue: complete ? 0 : overdueDays,
          asOf: today,
        },
      });
      continue;
    }
    const target = targetOf(row);
    const split = instanceSplit(row, ctx.calendar);
    const value = values.get(row.id) ?? null;
    const complete = value !== null && target !== null && value >= target;
    const expected = split ? expectedBy(split, today) : null;
    const percent = value !== null && target ? Math.min(100, Math.floor((value / target) * 100)) : 0;
    const status: PlanProgress['status'] = complete
      ? 'done'
      : today < row.periodFrom
        ? 'not-started'
        : overdueDays > 0
          ? 'overdue'
          : value !== null && expected !== null && value < expected
            ? 'behind'
            : 'on-track';
    out.set(row.id, {
      split,
      progress: { value, target, percent, expectedToDate: expected, complete, status, daysOverdue: complete ? 0 : overdueDays, asOf: today },
    });
  }
  return out;
}
