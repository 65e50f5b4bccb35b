/**
 * The plans jobs: reminders before due dates and supervision (督办) after them. The platform runs
 * them on their schedules (one server instance per slot) or on demand (`sifa jobs run
 * plans.reminders --at …`); both are safe to run again and concurrently: every reminder and every
 * supervision level is claimed by a unique row (instance, offset) / (instance, level) in the same
 * transaction that sends it, so a re-run or a second instance finds it taken and moves on, and
 * the notifications carry dedup keys as a second guard.
 *
 * Each run reads its candidates in one transaction over the whole tree (progress from batched
 * facts), then handles each candidate in its own transaction scoped to the org that acts (the
 * plan's owner reminds; the level above supervises), so one failure does not undo the others.
 *
 * Working days: a reminder's day counts back from the due date with the calendar versions of its
 * plan (after a holiday import, open plans have moved to the new data, so pending reminders fall
 * on the new working days; a reminder already sent is never sent again: its row is unique).
 * Supervision is action taken today: its pauses and report-by dates use the live calendar.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import {
  addDays,
  codesOfPath,
  type JobContext,
  type JobResult,
  type LocalizedText,
  type ScopedServices,
} from '@sifa/core';
import type { PlanProgress } from '../types.js';
import { calendarOfRow, measure } from './progress.js';
import { planEscalations, planInstances, planReminders, type PlanInstanceRow } from './schema.js';
import { targetOf } from './progress.js';
import type { ReminderLetterData, SupervisionLetterData } from './templates.js';

export interface PlansJobOptions {
  timeZone: string;
  /** Working days before the due date to remind on (0: on the due date). */
  reminderOffsets: readonly number[];
  /** Of those, the offsets that also issue a reminder letter (提醒函). */
  reminderLetterOffsets: readonly number[];
  /** Working days an item may stay open after one supervision before the next level supervises. */
  escalateAfterWorkingDays: number;
  /** Working days the supervised org has to report back (stated in the letter). */
  reportWithinWorkingDays: number;
  /** How far up supervision goes: the root of the tree, or no higher than the plan's owner. */
  escalateUpTo: 'root' | 'plan-owner';
}

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const entityOf = (row: PlanInstanceRow) => ({ kind: 'plans.instance', id: row.id });
const nameZh = (row: PlanInstanceRow) => row.orgName.zh;
const nameEn = (row: PlanInstanceRow) => row.orgName.en ?? row.orgName.zh;

function progressText(row: PlanInstanceRow, progress: PlanProgress): LocalizedText {
  const unit = row.metricUnit;
  if (row.kind === 'metric' && progress.target !== null) {
    const done = progress.value ?? 0;
    return {
      zh: `目标 ${progress.target}${unit?.zh ?? ''}，目前完成 ${done}${unit?.zh ?? ''}（${progress.percent}%）`,
      en: `target ${progress.target} ${unit?.en ?? ''}, ${done} ${unit?.en ?? ''} done so far (${progress.percent}%)`,
    };
  }
  return { zh: '尚未标记完成', en: 'not yet checked off' };
}

function letterBase(row: PlanInstanceRow, progress: PlanProgress, today: string) {
  return {
    planTitle: row.planTitle,
    period: row.period,
    itemTitle: row.itemTitle,
    kind: row.kind,
    metricTitle: row.metricTitle,
    unit: row.metricUnit,
    target: row.kind === 'metric' ? targetOf(row) : null,
    progress: row.kind === 'metric' ? (progress.value ?? 0) : null,
    due: row.due,
    asOf: today,
    assigneeOrgCode: row.orgCode,
  };
}

/** Re-reads the instance under a row lock: the candidate may have been checked off or changed since it was picked. */
async function lockOpen(s: ScopedServices, row: PlanInstanceRow): Promise<PlanInstanceRow | null> {
  const [current] = await s.db.select().from(planInstances).where(eq(planInstances.id, row.id)).for('update');
  if (!current || current.checkedAt !== null || current.due !== row.due) return null;
  return current;
}

interface Counts {
  candidates: number;
  sent: number;
  skipped: number;
  failed: number;
}

async function each<T>(ctx: JobContext, items: readonly T[], counts: Counts, work: (item: T) => Promise<boolean>): Promise<void> {
  for (const item of items) {
    if (ctx.signal.aborted) {
      ctx.log('stopping: the server is shutting down');
      return;
    }
    try {
      if (await work(item)) counts.sent += 1;
      else counts.skipped += 1;
    } catch (error) {
      counts.failed += 1;
      ctx.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

// ---- reminders ------------------------------------------------------------------------------------

interface ReminderCandidate {
  row: PlanInstanceRow;
  offset: number;
  remindOn: string;
  progress: PlanProgress;
}

export async function runReminders(ctx: JobContext, options: PlansJobOptions): Promise<JobResult> {
  const today = dayIn(options.timeZone, ctx.now);
  const offsets = [...new Set(options.reminderOffsets)].sort((a, b) => a - b);
  const candidates = await ctx.runScoped(ctx.rootOrgCode, async (s) => {
    // Open plans follow the live calendar (imports move them), so its working days find their due dates.
    const horizon = s.calendar.addWorkingDays(today, offsets[offsets.length - 1] ?? 0);
    const rows = await s.db
      .select()
      .from(planInstances)
      .where(and(isNull(planInstances.checkedAt), gte(planInstances.due, today), lte(planInstances.due, horizon)))
      .orderBy(asc(planInstances.due), asc(planInstances.id));
    if (rows.length === 0) return [];
    const measured = await measure({ facts: s.facts, scopePath: s.actor.scope.orgPath, today, calendar: s.calendar, onFactsError: (e) => ctx.log(`progress unknown for a batch: ${String(e)}`) }, rows);
    const sent = await s.db
      .select({ instanceId: planReminders.instanceId, offset: planReminders.offsetDays })
      .from(planReminders)
      .where(inArray(
        planReminders.instanceId,
        rows.map((r) => r.id),
      ));
    const done = new Set(sent.map((r) => `${r.instanceId}|${r.offset}`));
    const out: ReminderCandidate[] = [];
    for (const row of rows) {
      const progress = measured.get(row.id)!.progress;
      if (progress.complete) continue;
      // The latest reminder due by now; an earlier one missed (the server was down) is superseded, not sent late.
      const calendar = calendarOfRow(s.calendar, row);
      const offset = offsets.find((o) => calendar.addWorkingDays(row.due, -o) <= today);
      if (offset === undefined || done.has(`${row.id}|${offset}`)) continue;
      out.push({ row, offset, remindOn: calendar.addWorkingDays(row.due, -offset), progress });
    }
    return out;
  });
  const counts: Counts = { candidates: candidates.length, sent: 0, skipped: 0, failed: 0 };
  await each(ctx, candidates, counts, (c) => ctx.runScoped(c.row.ownerOrgCode, (s) => remind(s, c, options, today, ctx.now)));
  return { summary: `reminders on ${today}: ${counts.sent} sent, ${counts.skipped} already sent, ${counts.failed} failed`, counts: { ...counts } };
}

async function remind(s: ScopedServices, c: ReminderCandidate, options: PlansJobOptions, today: string, now: Date): Promise<boolean> {
  const row = await lockOpen(s, c.row);
  if (!row) return false;
  const [claimed] = await s.db
    .insert(planReminders)
    .values({ instanceId: row.id, orgCode: row.orgCode, orgPath: row.orgPath, offsetDays: c.offset, remindOn: c.remindOn, sentAt: now, channels: ['in-app'] })
    .onConflictDoNothing({ target: [planReminders.instanceId, planReminders.offsetDays] })
    .returning({ id: planReminders.id });
  if (!claimed) return false;
  let document: { id: string; number: string; downloadPath: string } | null = null;
  if (options.reminderLetterOffsets.includes(c.offset)) {
    const data: ReminderLetterData = { ...letterBase(row, c.progress, today), workingDaysLeft: calendarOfRow(s.calendar, row).workingDaysBetween(addDays(today, 1), row.due).length };
    const issued = await s.documents.issue({ template: 'plans.reminder-letter', issuerOrgCode: row.ownerOrgCode, subjectOrgCode: row.orgCode, data, entity: entityOf(row) });
    document = { id: issued.id, number: issued.number, downloadPath: issued.downloadPath };
  }
  const progress = progressText(row, c.progress);
  const sent = await s.notifications.send({
    to: { orgCode: row.orgCode },
    kind: 'plans.reminder',
    severity: c.offset === 0 ? 'warning' : 'info',
    title:
      c.offset === 0
        ? { zh: `今日到期：“${row.itemTitle}”`, en: `Due today: "${row.itemTitle}"` }
        : { zh: `工作提醒：“${row.itemTitle}”将于 ${row.due} 到期`, en: `Reminder: "${row.itemTitle}" is due on ${row.due}` },
    body: {
      zh: `《${row.planTitle}》中${nameZh(row)}承担的“${row.itemTitle}”${progress.zh}，请于 ${row.due} 前完成。${document ? `提醒函：${document.number}。` : ''}`,
      en: `"${row.itemTitle}" of the plan "${row.planTitle}", assigned to ${nameEn(row)}: ${progress.en}. Please complete it by ${row.due}.${document ? ` Reminder letter: ${document.number}.` : ''}`,
    },
    entity: entityOf(row),
    ...(document ? { documentId: document.id } : {}),
    dedupKey: `plans.reminder:${row.id}:${c.offset}`,
  });
  await s.db
    .update(planReminders)
    .set({
      notificationId: sent.id,
      channels: ['in-app', ...sent.channels, ...(document ? ['letter'] : [])],
      documentId: document?.id ?? null,
      documentNumber: document?.number ?? null,
      documentPath: document?.downloadPath ?? null,
    })
    .where(eq(planReminders.id, claimed.id));
  return true;
}

// ---- escalation -----------------------------------------------------------------------------------

/** The orgs that supervise `row` in turn: its parent first, up to the root (or the plan's owner). */
export function supervisionChain(row: Pick<PlanInstanceRow, 'orgPath' | 'ownerOrgCode'>, rootOrgCode: string, upTo: PlansJobOptions['escalateUpTo']): string[] {
  const ancestors = codesOfPath(row.orgPath).slice(0, -1).reverse();
  const top = upTo === 'plan-owner' ? row.ownerOrgCode : rootOrgCode;
  const at = ancestors.indexOf(top);
  return at < 0 ? ancestors : ancestors.slice(0, at + 1);
}

interface EscalationCandidate {
  row: PlanInstanceRow;
  level: number;
  chain: string[];
  progress: PlanProgress;
}

export async function runEscalation(ctx: JobContext, options: PlansJobOptions): Promise<JobResult> {
  const today = dayIn(options.timeZone, ctx.now);
  const candidates = await ctx.runScoped(ctx.rootOrgCode, async (s) => {
    const rows = await s.db
      .select()
      .from(planInstances)
      .where(and(isNull(planInstances.checkedAt), eq(planInstances.escalationClosed, false), lt(planInstances.due, today)))
      .orderBy(asc(planInstances.due), asc(planInstances.id));
    if (rows.length === 0) return [];
    const measured = await measure({ facts: s.facts, scopePath: s.actor.scope.orgPath, today, calendar: s.calendar, onFactsError: (e) => ctx.log(`progress unknown for a batch: ${String(e)}`) }, rows);
    const out: EscalationCandidate[] = [];
    const exhausted: string[] = [];
    for (const row of rows) {
      const progress = measured.get(row.id)!.progress;
      if (progress.complete) continue;
      const chain = supervisionChain(row, ctx.rootOrgCode, options.escalateUpTo);
      if (row.escalationLevel >= chain.length) {
        exhausted.push(row.id);
        continue;
      }
      // First supervision on the first working day after the due date; each next one after the pause.
      const next = row.escalationLevel === 0 || !row.lastEscalatedOn ? s.calendar.addWorkingDays(row.due, 1) : s.calendar.addWorkingDays(row.lastEscalatedOn, options.escalateAfterWorkingDays);
      if (today < next) continue;
      out.push({ row, level: row.escalationLevel + 1, chain, progress });
    }
    if (exhausted.length) await s.db.update(planInstances).set({ escalationClosed: true }).where(inArray(planInstances.id, exhausted));
    return out;
  });
  const counts: Counts = { candidates: candidates.length, sent: 0, skipped: 0, failed: 0 };
  await each(ctx, candidates, counts, (c) => ctx.runScoped(c.chain[c.level - 1]!, (s) => supervise(s, c, options, today, ctx.now)));
  return { summary: `supervision on ${today}: ${counts.sent} issued, ${counts.skipped} already issued, ${counts.failed} failed`, counts: { ...counts } };
}

async function supervise(s: ScopedServices, c: EscalationCandidate, options: PlansJobOptions, today: string, now: Date): Promise<boolean> {
  const row = await lockOpen(s, c.row);
  if (!row || row.escalationLevel !== c.level - 1) return false;
  const issuer = await s.orgs.get(c.chain[c.level - 1]!);
  const reportBy = s.calendar.addWorkingDays(today, options.reportWithinWorkingDays);
  const [claimed] = await s.db
    .insert(planEscalations)
    .values({
      instanceId: row.id,
      orgCode: row.orgCode,
      orgPath: row.orgPath,
      level: c.level,
      issuerOrgCode: issuer.code,
      issuerName: { zh: issuer.name.zh, en: issuer.name.en, mn: issuer.name.mn },
      issuedOn: today,
      issuedAt: now,
      daysOverdue: c.progress.daysOverdue,
      reportBy,
      notifiedOrgCodes: [],
    })
    .onConflictDoNothing({ target: [planEscalations.instanceId, planEscalations.level] })
    .returning({ id: planEscalations.id });
  if (!claimed) return false;
  const previous = await s.db
    .select()
    .from(planEscalations)
    .where(and(eq(planEscalations.instanceId, row.id), lt(planEscalations.level, c.level)))
    .orderBy(asc(planEscalations.level));
  const data: SupervisionLetterData = {
    ...letterBase(row, c.progress, today),
    daysOverdue: c.progress.daysOverdue,
    level: c.level,
    reportBy,
    previous: previous.map((p) => ({ level: p.level, issuerOrgCode: p.issuerOrgCode, number: p.documentNumber, issuedOn: p.issuedOn })),
  };
  const document = await s.documents.issue({ template: 'plans.supervision-letter', issuerOrgCode: issuer.code, subjectOrgCode: row.orgCode, data, entity: entityOf(row) });
  const issuerZh = issuer.name.zh;
  const issuerEn = issuer.name.en ?? issuer.name.zh;
  // The assignee, the levels that supervised before (they are answerable for it too), and the issuer.
  const notified = [row.orgCode, ...c.chain.slice(0, c.level - 1), issuer.code];
  for (const orgCode of notified) {
    const toAssignee = orgCode === row.orgCode;
    await s.notifications.send({
      to: { orgCode },
      kind: 'plans.supervision',
      severity: toAssignee ? 'urgent' : 'warning',
      title: toAssignee
        ? { zh: `督办：“${row.itemTitle}”已逾期 ${c.progress.daysOverdue} 天`, en: `Supervision: "${row.itemTitle}" is ${c.progress.daysOverdue} days overdue` }
        : { zh: `督办：${nameZh(row)}“${row.itemTitle}”逾期未完成`, en: `Supervision: "${row.itemTitle}" of ${nameEn(row)} is overdue` },
      body: toAssignee
        ? {
            zh: `${issuerZh}就《${row.planTitle}》中你单位承担的“${row.itemTitle}”（截止 ${row.due}）发出督办函（${document.number}），请于 ${reportBy} 前书面报送办理情况。`,
            en: `${issuerEn} issued a supervision letter (${document.number}) on "${row.itemTitle}" of the plan "${row.planTitle}" (due ${row.due}). Report back in writing by ${reportBy}.`,
          }
        : {
            zh: `${issuerZh}已向${nameZh(row)}发出督办函（${document.number}）：“${row.itemTitle}”截止 ${row.due}，已逾期 ${c.progress.daysOverdue} 天。`,
            en: `${issuerEn} issued a supervision letter (${document.number}) to ${nameEn(row)}: "${row.itemTitle}" was due ${row.due} and is ${c.progress.daysOverdue} days overdue.`,
          },
      entity: entityOf(row),
      documentId: document.id,
      dedupKey: `plans.supervision:${row.id}:${c.level}:${orgCode}`,
    });
  }
  await s.db
    .update(planEscalations)
    .set({ notifiedOrgCodes: notified, documentId: document.id, documentNumber: document.number, documentPath: document.downloadPath })
    .where(eq(planEscalations.id, claimed.id));
  await s.db
    .update(planInstances)
    .set({ escalationLevel: c.level, lastEscalatedOn: today, escalationClosed: c.level >= c.chain.length, updatedAt: now })
    .where(eq(planInstances.id, row.id));
  return true;
}
