/**
 * One-to-one push: each measure of a current plan becomes tasks for its responsible user, due on
 * WORKING days (`scoped.calendar`) by the measure's frequency (`days.ts`), each announced to that
 * user by a notification that carries the case number and the measure only. A daily job marks
 * open tasks past their due day missed and makes the tasks of periods that begin.
 */
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { SifaError, type ScopedServices } from '@sifa/core';
import type { Catalogue, Plan } from '../../plan/index.js';
import { correctionPlans, correctionTasks } from '../schema.js';
import { slotsFor } from './days.js';
import { CASE_TYPE, closingTransitions, reproduce, type Env, type PlanRow } from './service.js';
import { caseVisible, isSealed, sealOf } from './seal.js';
import { errors, roleText, sealedTaskNotificationText, taskNotificationText } from './texts.js';
import { assigneeOf, currentPlansOf, namesOf, overseenRoles, type AssignedBy } from './executors.js';
import { catalogueKey, type PlansConfig } from './options.js';

export type TaskRow = typeof correctionTasks.$inferSelect;

export interface TaskView {
  id: string;
  caseId: string;
  caseNumber: string;
  planId: string;
  measure: string;
  category: string;
  /** The catalogue's role that carries the measure out (null: the plan's catalogue version is not listed). */
  role: string | null;
  roleLabel: Required<import('@sifa/core').LocalizedText> | null;
  /** A role no account carries: the assignee (the file's responsible staff) arranges and oversees it. */
  overseen: boolean;
  assignee: string;
  assigneeName: string | null;
  /** How the current plan assigns the measure, when the task's assignee is that one (null: an earlier assignee, e.g. a done task). */
  assignedBy: AssignedBy | null;
  periodStart: string;
  seq: number;
  due: string;
  status: 'open' | 'done' | 'missed' | 'cancelled';
  doneOn: string | null;
  doneBy: string | null;
  note: string | null;
}

const view = (r: TaskRow, more: Pick<TaskView, 'role' | 'roleLabel' | 'overseen' | 'assigneeName' | 'assignedBy'> = { role: null, roleLabel: null, overseen: false, assigneeName: null, assignedBy: null }): TaskView => ({
  id: r.id,
  ...more,
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  planId: r.planId,
  measure: r.measureId,
  category: r.category,
  assignee: r.assignee,
  periodStart: r.periodStart,
  seq: r.seq,
  due: r.due,
  status: r.status,
  doneOn: r.doneOn,
  doneBy: r.doneBy,
  note: r.note,
});

/**
 * Brings a case's tasks in line with its current plan on `day`: open tasks of measures no longer
 * in the plan are cancelled, open tasks follow their measure's assignee, and the tasks of the
 * period containing `day` are made (once: a unique key per case, measure, period and number),
 * each new one notified to its assignee. Returns the tasks made.
 */
export async function syncTasks(s: ScopedServices, env: Env, row: PlanRow, plan: Plan, catalogue: Catalogue, day: string = env.today): Promise<number> {
  const inPlan = new Set(plan.measures.map((m) => m.measure));
  const now = s.now();
  // Every task of the case, once (not a query per measure: the daily job runs this for every plan).
  const all = await s.db.select().from(correctionTasks).where(eq(correctionTasks.caseId, row.caseId));
  for (const task of all) {
    if (task.status !== 'open') continue;
    if (!inPlan.has(task.measureId)) {
      await s.db.update(correctionTasks).set({ status: 'cancelled', updatedAt: now }).where(eq(correctionTasks.id, task.id));
      task.status = 'cancelled';
      continue;
    }
    const assignee = assigneeOf(row, task.measureId).userId;
    if (assignee !== task.assignee) {
      await s.db.update(correctionTasks).set({ assignee, updatedAt: now }).where(eq(correctionTasks.id, task.id));
      task.assignee = assignee;
      if (env.notify !== false) await notify(s, task, catalogue);
    }
  }
  const measures = new Map(catalogue.measures.map((m) => [m.id, m]));
  const byMeasure = new Map<string, TaskRow[]>();
  for (const task of all) byMeasure.set(task.measureId, [...(byMeasure.get(task.measureId) ?? []), task]);
  let made = 0;
  for (const m of plan.measures) {
    const def = measures.get(m.measure)!;
    const existing = byMeasure.get(m.measure) ?? [];
    const live = existing.filter((e) => e.status !== 'cancelled');
    if ('every' in def.frequency && def.frequency.every === 'once' && live.length > 0) continue;
    const slots = new Map(existing.map((e) => [`${e.periodStart}#${e.seq}`, e]));
    // A measure already running has whole periods; a new one counts from `day` (its first period is what is left of it).
    const started = live.length > 0 ? '0000-01-01' : day;
    const assignee = assigneeOf(row, m.measure).userId;
    for (const slot of slotsFor(def.frequency, day, started, s.calendar, env.config.onceWithinWorkingDays)) {
      if (slot.due < day) continue;
      const was = slots.get(`${slot.periodStart}#${slot.seq}`);
      let task: TaskRow | undefined;
      if (was?.status === 'cancelled') {
        // The measure is back (an override withdrawn, a re-generation): its cancelled task of this period reopens.
        [task] = await s.db.update(correctionTasks).set({ status: 'open', planId: row.id, assignee, due: slot.due, updatedAt: now }).where(eq(correctionTasks.id, was.id)).returning();
      } else if (!was) {
        [task] = await s.db
          .insert(correctionTasks)
          .values({
            planId: row.id,
            caseId: row.caseId,
            orgCode: row.orgCode,
            orgPath: row.orgPath,
            caseNumber: row.caseNumber,
            measureId: m.measure,
            category: m.category,
            assignee,
            periodStart: slot.periodStart,
            seq: slot.seq,
            due: slot.due,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
      }
      if (task) {
        made++;
        if (env.notify !== false) await notify(s, task, catalogue);
      }
    }
  }
  return made;
}

const accountId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function notify(s: ScopedServices, task: TaskRow, catalogue: Catalogue): Promise<void> {
  const measure = catalogue.measures.find((m) => m.id === task.measureId)!;
  const label = measure.label as Required<typeof measure.label>;
  const seal = await sealOf(s, task.caseId);
  if (!seal) return; // A file the caller cannot see: nobody it could safely tell.
  if (seal.restricted) {
    // A sealed file: only its responsible staff (the assignee when among them), never the office;
    // no case number. Nobody responsible with an account: nobody is told.
    const staff = seal.responsible.filter((id) => accountId.test(id));
    const sealedText = sealedTaskNotificationText(label, task.due);
    for (const userId of staff.includes(task.assignee) ? [task.assignee] : staff) {
      await s.notifications.send({ to: { userId }, kind: 'correction.task', title: sealedText.title, body: sealedText.body, entity: { kind: 'correction.task', id: task.id }, dedupKey: `correction.task:${task.id}:${userId}` });
    }
    return;
  }
  const { title, body } = taskNotificationText(task.caseNumber, label, task.due);
  // One-to-one to an account (ids are UUIDs). A person signed in through a portal's embed token
  // (`embed:<key>:<subject>`) or a system actor (the seed, a job) has no account the platform can
  // address: the office of the file gets it.
  await s.notifications.send({
    to: accountId.test(task.assignee) ? { userId: task.assignee } : { orgCode: task.orgCode },
    kind: 'correction.task',
    title,
    body,
    entity: { kind: 'correction.task', id: task.id },
    dedupKey: `correction.task:${task.id}:${task.assignee}`,
  });
}

/** Task views with their measure's role, the assignee's name and how the current plan assigns it. */
async function viewsOf(s: ScopedServices, config: PlansConfig, rows: TaskRow[]): Promise<TaskView[]> {
  const plans = new Map((await currentPlansOf(s, [...new Set(rows.map((r) => r.caseId))])).map((p) => [p.caseId, p]));
  const names = await namesOf(s, rows.map((r) => r.assignee));
  const roles = new Map<string, Map<string, string>>();
  const roleOf = (p: PlanRow | undefined, measure: string) => {
    if (!p) return null;
    const key = catalogueKey(p.catalogueId, p.catalogueVersion);
    if (!roles.has(key)) roles.set(key, new Map((config.planners.get(key)?.catalogue.measures ?? []).map((m) => [m.id, m.responsible])));
    return roles.get(key)!.get(measure) ?? null;
  };
  return rows.map((r) => {
    const p = plans.get(r.caseId);
    const role = roleOf(p, r.measureId);
    const a = p ? assigneeOf(p, r.measureId) : null;
    return view(r, { role, roleLabel: role ? (roleText[role] ?? null) : null, overseen: role !== null && (overseenRoles as readonly string[]).includes(role), assigneeName: names.get(r.assignee) ?? null, assignedBy: a && a.userId === r.assignee ? a.by : null });
  });
}

export async function listTasks(
  s: ScopedServices,
  config: PlansConfig,
  input: { caseId?: string | undefined; mine?: boolean | undefined; status?: TaskView['status'][] | undefined; dueFrom?: string | undefined; dueTo?: string | undefined; limit: number },
): Promise<TaskView[]> {
  if (input.caseId) await s.cases.get('correction.case', input.caseId);
  const where = [
    caseVisible(correctionTasks.caseId),
    input.caseId ? eq(correctionTasks.caseId, input.caseId) : undefined,
    input.mine ? eq(correctionTasks.assignee, s.actor.userId) : undefined,
    input.status?.length ? inArray(correctionTasks.status, input.status) : undefined,
    input.dueFrom ? sql`${correctionTasks.due} >= ${input.dueFrom}` : undefined,
    input.dueTo ? sql`${correctionTasks.due} <= ${input.dueTo}` : undefined,
  ].filter((x) => x !== undefined);
  const rows = await s.db
    .select()
    .from(correctionTasks)
    .where(and(...where))
    .orderBy(asc(correctionTasks.due), asc(correctionTasks.caseNumber), asc(correctionTasks.measureId), asc(correctionTasks.seq))
    .limit(input.limit);
  return viewsOf(s, config, rows);
}

export async function completeTask(s: ScopedServices, env: Env, input: { taskId: string; note: string }): Promise<TaskView> {
  const [task] = await s.db.select().from(correctionTasks).where(and(eq(correctionTasks.id, input.taskId), caseVisible(correctionTasks.caseId))).for('update');
  if (!task) throw new SifaError('NOT_FOUND');
  if (task.status !== 'open') throw errors.taskClosed(task.id, task.status);
  const [done] = await s.db
    .update(correctionTasks)
    .set({ status: 'done', doneOn: env.today, doneBy: s.actor.userId, note: input.note, updatedAt: s.now() })
    .where(eq(correctionTasks.id, task.id))
    .returning();
  await s.audit.record({ action: 'correction.tasks.complete', orgCode: task.orgCode, sealed: await isSealed(s, task.caseId), entity: 'correction_tasks', entityId: task.id, after: { status: 'done', doneOn: env.today } });
  return (await viewsOf(s, env.config, [done!]))[0]!;
}

/**
 * The daily job's work for `day`: open tasks due before it are missed; every current plan gets
 * the tasks of the periods containing `day`. (A plan whose catalogue version is no longer listed
 * is skipped and counted, not fatal.)
 */
export async function runDailyTasks(s: ScopedServices, env: Env, day: string): Promise<{ missed: number; made: number; skipped: number; cancelled: number }> {
  const plans = await s.db.select().from(correctionPlans).where(eq(correctionPlans.current, true));
  // Files closed by `day` (released, ended): the tasks due after the closing day are cancelled and
  // none are made any more; those due while the person was under correction are judged as usual.
  const closedOn = new Map((await s.cases.steps(CASE_TYPE, { caseIds: plans.map((p) => p.caseId), transitions: closingTransitions, to: day })).map((st) => [st.caseId, st.on]));
  let cancelled = 0;
  for (const [caseId, on] of closedOn) {
    const rows = await s.db
      .update(correctionTasks)
      .set({ status: 'cancelled', updatedAt: s.now() })
      .where(and(eq(correctionTasks.caseId, caseId), eq(correctionTasks.status, 'open'), gt(correctionTasks.due, on)))
      .returning({ id: correctionTasks.id });
    cancelled += rows.length;
  }
  const missed = await s.db
    .update(correctionTasks)
    .set({ status: 'missed', updatedAt: s.now() })
    .where(and(eq(correctionTasks.status, 'open'), lt(correctionTasks.due, day)))
    .returning({ id: correctionTasks.id });
  let made = 0;
  let skipped = 0;
  for (const row of plans) {
    if (closedOn.has(row.caseId)) continue;
    try {
      const { plan, planner } = reproduce(s, env.config, row);
      made += await syncTasks(s, env, row, plan, planner.catalogue, day);
    } catch (error) {
      if (!(error instanceof Error && 'pluginError' in error)) throw error;
      skipped++;
    }
  }
  return { missed: missed.length, made, skipped, cancelled };
}

