/**
 * Daily rollups for the dashboard: per office and day, counts only (no personal data) — persons
 * under correction (person-days), 脱管 and 漏管 among them, reoffences, verifications (核查) and
 * measure tasks due and done on time. The entry points divide them: rates per person.
 *
 * Persons are those on the roll that day (opened by then, not closed before it), so a late or
 * repeated run gives the day's figures as they were.
 *
 * Definitions (what this plugin's records can tell):
 * - 漏管 (not taken in): an open case with no plan more than `intakeWithinWorkingDays` working
 *   days after it was opened;
 * - 脱管 (out of supervision): an open case whose report-in tasks of the latest due day before
 *   the day were missed, none done, and no report-in step (`report-in`, `report`) recorded in
 *   their period;
 * - reoffence: a step of the case among `reoffenceTransitions` on the day.
 *
 * A sealed (juvenile) person counts where the casework engine records a sealed case's own facts:
 * at the county-level unit above the office (`scoped.cases.factsOrgs`), so the county's and the
 * city's figures include them and no office figure does. The job sees sealed cases because it
 * declares `readsSealedCases`; under a caller who cannot see a case, its rows are left out.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { addDays, type CaseSummary, type FactInput, type ScopedServices } from '@sifa/core';
import { correctionPlans, correctionTasks } from '../schema.js';
import { CASE_TYPE, closingTransitions, type Env } from './service.js';

export interface RollupOptions {
  intakeWithinWorkingDays: number;
  reoffenceTransitions: readonly string[];
}

/**
 * The files on the roll on `day`: opened on or before it and not closed before it (a file closed
 * on `day` counts that day). So a day's figures come out the same when the job runs late, or for
 * days gone by (the demo's history), as they would have on the day.
 */
async function onTheRoll(s: ScopedServices, day: string): Promise<CaseSummary[]> {
  const rows: CaseSummary[] = [];
  // A file closed on or after `day` was last changed no earlier than the day before it in UTC:
  // the closed files asked for are those (not every file ever closed, each night).
  const updatedFrom = `${addDays(day, -1)}T00:00:00Z`;
  for (const status of ['open', 'closed'] as const) {
    for (let offset = 0; ; offset += 200) {
      const page = await s.cases.list(CASE_TYPE, { status, limit: 200, offset, ...(status === 'closed' ? { updatedFrom } : {}) });
      rows.push(...page.rows.filter((r) => r.openedOn <= day));
      if (page.rows.length < 200) break;
    }
  }
  const closed = rows.filter((r) => r.closed).map((r) => r.id);
  if (closed.length === 0) return rows;
  const closedOn = new Map((await s.cases.steps(CASE_TYPE, { caseIds: closed, transitions: closingTransitions, from: day })).map((st) => [st.caseId, st.on]));
  return rows.filter((r) => !r.closed || (closedOn.get(r.id) ?? '') >= day);
}

export async function runRollup(s: ScopedServices, env: Env, day: string, options: RollupOptions): Promise<{ offices: number; persons: number }> {
  const open = await onTheRoll(s, day);
  const ids = open.map((c) => c.id);
  const planned = new Set(
    ids.length ? (await s.db.selectDistinct({ caseId: correctionPlans.caseId }).from(correctionPlans).where(inArray(correctionPlans.caseId, ids))).map((r) => r.caseId) : [],
  );
  const th = env.config.evaluation;
  const reportIns = ids.length
    ? await s.db
        .select({ caseId: correctionTasks.caseId, due: correctionTasks.due, periodStart: correctionTasks.periodStart, status: correctionTasks.status })
        .from(correctionTasks)
        .where(and(inArray(correctionTasks.caseId, ids), inArray(correctionTasks.category, [...th.reportInCategories]), lt(correctionTasks.due, day)))
    : [];
  // Per case, the report-in tasks of the latest due day before `day`: 脱管 when none of them was done and one was missed.
  // A report-in step of the file (`report-in`, `report`) in the task's period, on or before its due day, counts as done.
  const latest = new Map<string, { due: string; periodStart: string; done: boolean; missed: boolean }>();
  for (const t of reportIns) {
    if (t.status === 'cancelled') continue;
    const was = latest.get(t.caseId);
    const mine = !was || was.due < t.due ? { due: t.due, periodStart: t.periodStart, done: false, missed: false } : was;
    if (was && was.due > t.due) continue;
    mine.done ||= t.status === 'done';
    mine.missed ||= t.status === 'missed';
    latest.set(t.caseId, mine);
  }
  const dueToday = await s.db.select().from(correctionTasks).where(eq(correctionTasks.due, day));
  // Where each case's figures go (the office; the county above it for a sealed case), as the engine places the case's facts.
  const placed = await s.cases.factsOrgs(CASE_TYPE, [...new Set([...ids, ...dueToday.map((t) => t.caseId)])]);

  const byOrg = new Map<string, Counts>();
  const counts = (org: string) => {
    let c = byOrg.get(org);
    if (!c) byOrg.set(org, (c = Object.fromEntries(rollupCounts.map((k) => [k, 0])) as Counts));
    return c;
  };
  // The steps that count (report-ins since the oldest period still looked at, reoffences today),
  // in one query without any field: not a read of the files, so no read audit entry per person.
  const periods = [...latest.values()].map((l) => l.periodStart).sort();
  const steps = await s.cases.steps(CASE_TYPE, {
    caseIds: ids,
    transitions: [...th.reportInTransitions, ...options.reoffenceTransitions],
    ...(periods.length ? { from: periods[0]! < day ? periods[0]! : day } : { from: day }),
    to: day,
  });
  const stepsOf = new Map<string, { transition: string; on: string }[]>();
  for (const st of steps) stepsOf.set(st.caseId, [...(stepsOf.get(st.caseId) ?? []), st]);
  for (const c of open) {
    const org = placed.get(c.id);
    if (!org) continue;
    const n = counts(org);
    n['person-days']++;
    if (!planned.has(c.id) && s.calendar.countWorkingDays(c.openedOn, day) - 1 > options.intakeWithinWorkingDays) n['missed-intake']++;
    const last = latest.get(c.id);
    const events = stepsOf.get(c.id) ?? [];
    const reported = last && events.some((e) => th.reportInTransitions.includes(e.transition) && e.on >= last.periodStart && e.on <= last.due);
    if (last?.missed && !last.done && !reported) n['out-of-supervision']++;
    if (events.some((e) => e.on === day && options.reoffenceTransitions.includes(e.transition))) n.reoffences++;
  }
  for (const t of dueToday) {
    const org = placed.get(t.caseId);
    if (t.status === 'cancelled' || !org) continue;
    const n = counts(org);
    const onTime = t.status === 'done' && t.doneOn !== null && t.doneOn <= t.due;
    n['tasks-due']++;
    if (onTime) n['tasks-on-time']++;
    if (env.config.verificationCategories.includes(t.category)) {
      n['verifications-due']++;
      if (onTime) n['verifications-done']++;
    }
  }
  const batch = [...byOrg].map(([orgCode, c]) => ({
    source: { kind: ROLLUP_SOURCE, id: `${orgCode}:${day}` },
    facts: Object.entries(c).map(([metric, value]): FactInput => ({ orgCode, day, metric: `correction.${metric}`, value })),
  }));
  // An org with figures from an earlier run of the day and none now (its only person's file was
  // opened by mistake and withdrawn, a juvenile sealed since) has them retracted, not left standing.
  const now = new Set(batch.map((b) => b.source.id));
  for (const id of await recordedSources(s, day)) if (!now.has(id)) batch.push({ source: { kind: ROLLUP_SOURCE, id }, facts: [] });
  if (batch.length) await s.facts.recordMany(batch);
  return { offices: byOrg.size, persons: open.length };
}

const ROLLUP_SOURCE = 'correction.rollup';
/** What the rollup counts per org and day (metrics `correction.<count>`). */
const rollupCounts = ['person-days', 'out-of-supervision', 'missed-intake', 'reoffences', 'verifications-due', 'verifications-done', 'tasks-due', 'tasks-on-time'] as const;
type Counts = Record<(typeof rollupCounts)[number], number>;
const rollupMetrics = rollupCounts.map((m) => `correction.${m}`);

/** The ids of the rollup's sources with facts on `day` in the caller's scope (earlier runs of the day). */
async function recordedSources(s: ScopedServices, day: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await s.facts.sources({ metrics: rollupMetrics, from: day, to: day, limit: 1000, offset });
    for (const row of page.rows) if (row.source.kind === ROLLUP_SOURCE) ids.add(row.source.id);
    if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
  }
  return ids;
}
