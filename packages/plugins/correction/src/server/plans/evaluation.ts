/**
 * The monthly evaluation of a person under correction: from the month's tasks (measures done on
 * time, report-ins, visits — a `report`/`home-visit` step of the file meets its task) and the
 * case's sanctions (训诫, 警告, 提请…), a compliance score and a suggested change
 * of management class (严管 ↔ 普管 ↔ 宽管), with the reasons; the thresholds are local practice
 * (`EvaluationThresholds`, plugin options), stored with each evaluation. Staff accept it (the
 * case's `change-class` step) or reject it with a reason.
 */
import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { SifaError, type ScopedServices } from '@sifa/core';
import { correctionEvaluations, correctionPlans, correctionTasks, type EvaluationCounts, type EvaluationReason, type ManagementClass } from '../schema.js';
import { monthRange } from './days.js';
import type { EvaluationThresholds } from './options.js';
import { CASE_TYPE, caseOf, type Env } from './service.js';
import { caseVisible, isSealed } from './seal.js';
import { errors, evaluationReasonText } from './texts.js';

const order: ManagementClass[] = ['strict', 'normal', 'lenient'];

export interface EvaluationResult {
  counts: EvaluationCounts;
  score: number;
  suggestedClass: ManagementClass | null;
  reasons: EvaluationReason[];
}

/** The score and suggestion (pure: the tests hold it to hand-computed cases). */
export function evaluate(counts: EvaluationCounts, currentClass: ManagementClass, th: EvaluationThresholds, previousScores: readonly number[]): EvaluationResult {
  const onTime = counts.tasksDue === 0 ? 100 : Math.round((100 * counts.tasksOnTime) / counts.tasksDue);
  const score = Math.max(0, onTime - th.sanctionPenalty * counts.sanctions);
  const reasons: EvaluationReason[] = [
    { code: 'onTime', params: { done: counts.tasksOnTime, due: counts.tasksDue } },
    { code: 'reportIns', params: { done: counts.reportInsDone, due: counts.reportInsDue } },
    { code: 'visits', params: { done: counts.visitsDone, due: counts.visitsDue } },
    { code: 'sanctions', params: { count: counts.sanctions, penalty: th.sanctionPenalty } },
    { code: 'score', params: { score } },
  ];
  const at = order.indexOf(currentClass);
  let suggested: ManagementClass | null = null;
  if (score < th.stricterBelow && at > 0) {
    suggested = order[at - 1]!;
    reasons.push({ code: 'stricter', params: { threshold: th.stricterBelow, from: currentClass, to: suggested } });
  } else if (score >= th.lenientFrom && counts.sanctions === 0 && at < order.length - 1) {
    const streak = [score, ...previousScores].slice(0, th.lenientAfterMonths);
    if (streak.length === th.lenientAfterMonths && streak.every((x) => x >= th.lenientFrom)) {
      suggested = order[at + 1]!;
      reasons.push({ code: 'lenient', params: { threshold: th.lenientFrom, months: th.lenientAfterMonths, from: currentClass, to: suggested } });
    }
  }
  if (!suggested) reasons.push({ code: 'keep', params: { class: currentClass } });
  return { counts, score, suggestedClass: suggested, reasons };
}

export type EvaluationRow = typeof correctionEvaluations.$inferSelect;

export interface EvaluationView {
  id: string;
  caseId: string;
  caseNumber: string;
  month: string;
  counts: EvaluationCounts;
  score: number;
  currentClass: ManagementClass;
  suggestedClass: ManagementClass | null;
  reasons: (EvaluationReason & { text: { zh: string; en: string; mn: string } })[];
  status: EvaluationRow['status'];
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const view = (r: EvaluationRow): EvaluationView => ({
  id: r.id,
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  month: r.month,
  counts: r.counts,
  score: r.score,
  currentClass: r.currentClass,
  suggestedClass: r.suggestedClass,
  reasons: r.reasons.map((x) => ({ ...x, text: evaluationReasonText(x.code, x.params) })),
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionReason: r.decisionReason,
});

/** Evaluates one person for `month` (YYYY-MM) and stores it; an evaluation already decided is left as it is. */
export async function evaluateMonth(s: ScopedServices, env: Env, input: { caseId: string; month: string }): Promise<EvaluationView> {
  const file = await caseOf(s, input.caseId);
  const [existing] = await s.db.select().from(correctionEvaluations).where(and(eq(correctionEvaluations.caseId, input.caseId), eq(correctionEvaluations.month, input.month)));
  if (existing && (existing.status === 'accepted' || existing.status === 'rejected')) return view(existing);
  const th = env.config.evaluation;
  const { from, to } = monthRange(input.month);
  const tasks = await s.db
    .select()
    .from(correctionTasks)
    .where(and(eq(correctionTasks.caseId, input.caseId), ne(correctionTasks.status, 'cancelled'), sql`${correctionTasks.due} >= ${from}`, sql`${correctionTasks.due} <= ${to}`));
  type Task = (typeof tasks)[number];
  const inCats = (cats: readonly string[]) => tasks.filter((t) => cats.includes(t.category));
  const reportIns = inCats(th.reportInCategories);
  const visits = inCats(th.visitCategories);
  // A report-in (visit) recorded as a step of the file meets one task of its kind: the earliest
  // step in the task's period, on or before its due day, not already meeting another task.
  const met = new Set<string>();
  const meetBySteps = (kind: Task[], transitions: readonly string[]) => {
    const steps = file.events.filter((e) => transitions.includes(e.transition)).map((e) => e.on).sort();
    const used = new Set<number>();
    for (const task of [...kind].sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.seq - y.seq))) {
      const i = steps.findIndex((on, n) => !used.has(n) && on >= task.periodStart && on <= task.due);
      if (i >= 0) used.add(i);
      if (i >= 0 || (task.status === 'done' && task.doneOn !== null && task.doneOn <= task.due)) met.add(task.id);
    }
  };
  meetBySteps(reportIns, th.reportInTransitions);
  meetBySteps(visits, th.visitTransitions);
  const onTime = (t: Task) => met.has(t.id) || (t.status === 'done' && t.doneOn !== null && t.doneOn <= t.due);
  const counts: EvaluationCounts = {
    tasksDue: tasks.length,
    tasksOnTime: tasks.filter(onTime).length,
    tasksMissed: tasks.filter((t) => t.status === 'missed' && !onTime(t)).length,
    reportInsDue: reportIns.length,
    reportInsDone: reportIns.filter(onTime).length,
    visitsDue: visits.length,
    visitsDone: visits.filter(onTime).length,
    sanctions: file.events.filter((e) => th.sanctionTransitions.includes(e.transition) && e.on >= from && e.on <= to).length,
  };
  const previous = await s.db
    .select({ score: correctionEvaluations.score })
    .from(correctionEvaluations)
    .where(and(eq(correctionEvaluations.caseId, input.caseId), lt(correctionEvaluations.month, input.month)))
    .orderBy(desc(correctionEvaluations.month))
    .limit(12);
  const currentClass = (file.fields.class as ManagementClass | undefined) ?? 'normal';
  const result = evaluate(counts, currentClass, th, previous.map((p) => p.score));
  const now = s.now();
  const values = {
    counts,
    score: result.score,
    currentClass,
    suggestedClass: result.suggestedClass,
    reasons: result.reasons,
    thresholds: th as unknown as Record<string, unknown>,
    status: result.suggestedClass ? ('pending' as const) : ('none' as const),
    updatedAt: now,
  };
  const org = await s.orgs.get(file.orgCode);
  const [row] = existing
    ? await s.db.update(correctionEvaluations).set(values).where(eq(correctionEvaluations.id, existing.id)).returning()
    : await s.db.insert(correctionEvaluations).values({ caseId: file.id, orgCode: file.orgCode, orgPath: org.path, caseNumber: file.number, month: input.month, createdAt: now, ...values }).returning();
  return view(row!);
}

export async function listEvaluations(s: ScopedServices, input: { caseId: string }): Promise<EvaluationView[]> {
  await caseOf(s, input.caseId);
  const rows = await s.db.select().from(correctionEvaluations).where(eq(correctionEvaluations.caseId, input.caseId)).orderBy(desc(correctionEvaluations.month));
  return rows.map(view);
}

/** Accept (the case's `change-class` step to the suggested class, with the reason) or reject (reason kept). */
export async function decideEvaluation(s: ScopedServices, env: Env, input: { evaluationId: string; decision: 'accept' | 'reject'; reason: string }): Promise<EvaluationView> {
  const [row] = await s.db.select().from(correctionEvaluations).where(and(eq(correctionEvaluations.id, input.evaluationId), caseVisible(correctionEvaluations.caseId))).for('update');
  if (!row) throw new SifaError('NOT_FOUND');
  if (row.status !== 'pending' || !row.suggestedClass) throw errors.evaluationClosed(row.id, row.status);
  if (input.decision === 'accept') {
    const file = await caseOf(s, row.caseId);
    await s.cases.transition(CASE_TYPE, { id: row.caseId, revision: file.revision, transition: 'change-class', on: env.today, fields: { class: row.suggestedClass, reason: input.reason } });
  }
  const [updated] = await s.db
    .update(correctionEvaluations)
    .set({ status: input.decision === 'accept' ? 'accepted' : 'rejected', decidedBy: s.actor.userId, decidedAt: s.now(), decisionReason: input.reason, updatedAt: s.now() })
    .where(eq(correctionEvaluations.id, row.id))
    .returning();
  await s.audit.record({ action: `correction.evaluation.${input.decision}`, orgCode: row.orgCode, sealed: await isSealed(s, row.caseId), entity: 'correction_evaluations', entityId: row.id, after: { decision: input.decision, reason: input.reason, suggestedClass: row.suggestedClass } });
  return view(updated!);
}

/**
 * The monthly job: every person with a current plan the caller sees, for the month before `day`.
 * The job declares `readsSealedCases`, so sealed (juvenile) persons are evaluated too; their
 * evaluations stay as sealed as the file (read through it: its responsible staff only).
 */
export async function runMonthlyEvaluation(s: ScopedServices, env: Env, month: string): Promise<{ evaluated: number; suggestions: number }> {
  const cases = await s.db.selectDistinct({ caseId: correctionPlans.caseId }).from(correctionPlans).where(and(eq(correctionPlans.current, true), caseVisible(correctionPlans.caseId)));
  let suggestions = 0;
  for (const { caseId } of cases) {
    const e = await evaluateMonth(s, env, { caseId, month });
    if (e.status === 'pending') suggestions++;
  }
  return { evaluated: cases.length, suggestions };
}
