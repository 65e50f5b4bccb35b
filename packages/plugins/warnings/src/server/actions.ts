/**
 * People's lifecycle steps: issue a notice (预警单, optionally 整改通知书), assign (交办单),
 * respond (反馈单) and close (optionally 工作建议书). Each runs in the caller's scoped
 * transaction: the warning row is locked, the caller's role and the transition are checked
 * (a typed error names the current state and what is allowed next), the documents are issued,
 * the row and one step row (who, when, note, documents) are written, the party who must act next
 * is notified, and the step is audited — all or nothing.
 */
import { desc, and, eq, sql } from 'drizzle-orm';
import {
  SifaError,
  codesOfPath,
  pickText,
  type IssuedDocument,
  type Locale,
  type LocalizedText,
  type ScopedServices,
  type WorkingCalendar,
} from '@sifa/core';
import type { WarningAction, WarningAssignee, WarningDetail, WarningDocumentRef, WarningState, WarningTransitionErrorDetails } from '../types.js';
import type { WarningAssignInput, WarningCloseInput, WarningNoticeInput, WarningRespondInput } from '../schemas.js';
import { allowedActions, nextState } from '../lifecycle.js';
import { warnings, warningSteps, type StepDetail, type WarningRow } from './schema.js';
import { findWarning, mayAct, warningDetail, type Viewer } from './views.js';
import { dayIn } from './calendar-day.js';
import { recordWarningFacts } from './facts.js';
import type { WarningRef } from './documents.js';

export interface ActionOptions {
  now: Date;
  /** The caller's language, for field issues. */
  locale: Locale;
  timeZone: string;
  /** Default feedback deadline, in working days after the notice or assignment. */
  feedbackWorkingDays: number;
}

const stateText: Record<WarningState, LocalizedText> = {
  raised: { zh: '已触发', en: 'raised' },
  'notice-issued': { zh: '已下发预警单', en: 'notice issued' },
  assigned: { zh: '已交办', en: 'assigned' },
  'feedback-received': { zh: '已反馈', en: 'feedback received' },
  escalated: { zh: '已上报', en: 'escalated' },
  closed: { zh: '已关闭', en: 'closed' },
};

const actionText: Record<WarningAction, LocalizedText> = {
  notice: { zh: '下发预警单', en: 'issue a notice' },
  assign: { zh: '交办', en: 'assign' },
  respond: { zh: '反馈', en: 'respond' },
  close: { zh: '关闭', en: 'close' },
};

/** CONFLICT naming the current state and the allowed next steps (details: WarningTransitionErrorDetails). */
export function illegalTransition(warning: Pick<WarningRow, 'id' | 'state'>, action: WarningAction): SifaError {
  const allowed = allowedActions(warning.state);
  const zhAllowed = allowed.length ? allowed.map((a) => `“${actionText[a].zh}”`).join('、') : '无（预警已关闭）';
  const enAllowed = allowed.length ? allowed.map((a) => `"${a}" (${actionText[a].en})`).join(', ') : 'nothing (the warning is closed)';
  return new SifaError('CONFLICT', {
    message: {
      zh: `这条预警当前状态为“${stateText[warning.state].zh}”，不能${actionText[action].zh}。当前可以：${zhAllowed}。`,
      en: `This warning is ${stateText[warning.state].en}; it cannot ${actionText[action].en} now. Allowed next: ${enAllowed}.`,
    },
    details: { warningId: warning.id, state: warning.state, action, allowed: allowed.join(',') } satisfies WarningTransitionErrorDetails,
  });
}

function notAllowed(warning: WarningRow, action: WarningAction): SifaError {
  if (action === 'respond') {
    return new SifaError('FORBIDDEN', {
      message: {
        zh: `只有被预警单位（${warning.orgName.zh}）的人员可以反馈这条预警。`,
        en: `Only people of the organisation warned (${warning.orgName.en ?? warning.orgName.zh}) can respond to this warning.`,
      },
      details: { warningId: warning.id, action },
    });
  }
  return new SifaError('FORBIDDEN', {
    message: {
      zh: `预警由被预警单位的上级单位${actionText[action].zh}；您所在单位不能${actionText[action].zh}这条预警。`,
      en: `A warning is handled by the levels above the organisation warned; you cannot ${actionText[action].en} this one.`,
    },
    details: { warningId: warning.id, action },
  });
}

/** Locks the warning and checks the caller may take `action` now; returns the state it leads to. */
async function begin(scoped: ScopedServices, id: string, action: WarningAction): Promise<{ warning: WarningRow; next: WarningState }> {
  const warning = await findWarning(scoped.db, id, true);
  if (!mayAct(scoped.actor, action, warning)) throw notAllowed(warning, action);
  const next = nextState(warning.state, action);
  if (!next) throw illegalTransition(warning, action);
  return { warning, next };
}

function respondByOf(given: string | undefined, today: string, options: ActionOptions, calendar: WorkingCalendar): string {
  if (given === undefined) return calendar.addWorkingDays(today, options.feedbackWorkingDays);
  const latest = sqlDay(new Date(Date.parse(`${today}T00:00:00Z`) + 366 * 86_400_000));
  if (given < today || given > latest) {
    const message = { zh: `反馈期限应在今天（${today}）至 ${latest} 之间。`, en: `The feedback date must be from today (${today}) to ${latest}.` };
    throw new SifaError('VALIDATION_FAILED', { message, issues: [{ path: 'respondBy', message: pickText(message, options.locale) }] });
  }
  return given;
}

const sqlDay = (d: Date) => d.toISOString().slice(0, 10);

const docRef = (d: IssuedDocument): WarningDocumentRef => ({ id: d.id, template: d.template, number: d.number, title: d.title, downloadPath: d.downloadPath });

function managerOf(warning: WarningRow): string {
  const codes = codesOfPath(warning.orgPath);
  return codes[codes.length - 2] ?? warning.orgCode;
}

function refOf(warning: WarningRow, options: ActionOptions): WarningRef {
  return {
    id: warning.id,
    title: warning.title,
    summary: warning.summary,
    severity: warning.severity,
    orgCode: warning.orgCode,
    managerOrgCode: managerOf(warning),
    raisedOn: dayIn(warning.raisedAt, options.timeZone),
    details: warning.evidence.items.slice(0, 60).map((i) => i.label),
  };
}

interface Finish {
  next: WarningState;
  set?: Partial<typeof warnings.$inferInsert>;
  kind: 'notice' | 'assign' | 'respond' | 'close';
  note: string | undefined;
  detail: StepDetail;
  documents: IssuedDocument[];
  notify: { to: string[]; title: LocalizedText; body: LocalizedText };
  audit: unknown;
}

async function finish(scoped: ScopedServices, warning: WarningRow, f: Finish, options: ActionOptions): Promise<WarningDetail> {
  const now = options.now;
  const [row] = await scoped.db
    .update(warnings)
    .set({ ...f.set, state: f.next, stateChangedAt: now, stepCount: sql`${warnings.stepCount} + 1` })
    .where(eq(warnings.id, warning.id))
    .returning();
  const updated = row!;
  if (f.next === 'closed' || warning.state === 'closed') await recordWarningFacts(scoped, [warning.id], options.timeZone);
  await scoped.db.insert(warningSteps).values({
    warningId: warning.id,
    seq: updated.stepCount,
    orgCode: warning.orgCode,
    orgPath: warning.orgPath,
    kind: f.kind,
    fromState: warning.state,
    toState: f.next,
    at: now,
    actorKind: 'user',
    actorId: scoped.actor.userId,
    actorName: scoped.actor.displayName,
    note: f.note ? f.note : null,
    detail: f.detail,
    documents: f.documents.map(docRef),
  });
  for (const org of new Set(f.notify.to)) {
    await scoped.notifications.send({
      to: { orgCode: org },
      kind: `warnings.${f.kind}`,
      severity: warning.severity,
      title: f.notify.title,
      body: f.notify.body,
      entity: { kind: 'warnings.warning', id: warning.id },
      ...(f.documents[0] ? { documentId: f.documents[0].id } : {}),
      dedupKey: `warnings:${warning.id}:${updated.stepCount}:${org}`,
    });
  }
  await scoped.audit.record({
    action: `warnings.${f.kind}`,
    orgCode: warning.orgCode,
    entity: 'warnings_warnings',
    entityId: warning.id,
    before: { state: warning.state },
    after: { state: f.next, input: f.audit, documents: f.documents.map((d) => d.id) },
  });
  const viewer: Viewer = { actor: scoped.actor, today: dayIn(now, options.timeZone) };
  return warningDetail(scoped.db, warning.id, viewer, updated);
}

const issue = (scoped: ScopedServices, template: string, warning: WarningRow, data: unknown) =>
  scoped.documents.issue({ template, issuerOrgCode: scoped.actor.scope.orgCode, subjectOrgCode: warning.orgCode, data, entity: { kind: 'warnings.warning', id: warning.id } });

export async function issueNotice(scoped: ScopedServices, input: WarningNoticeInput, options: ActionOptions): Promise<WarningDetail> {
  const { warning, next } = await begin(scoped, input.id, 'notice');
  const today = dayIn(options.now, options.timeZone);
  const respondBy = respondByOf(input.respondBy, today, options, scoped.calendar);
  const ref = refOf(warning, options);
  const documents = [await issue(scoped, 'warnings.warning-slip', warning, { warning: ref, requirement: input.requirement, respondBy })];
  if (input.rectification) {
    documents.push(
      await issue(scoped, 'warnings.rectification-notice', warning, {
        warning: ref,
        requirements: input.rectification.requirements,
        ...(input.rectification.basis ? { basis: input.rectification.basis } : {}),
        respondBy,
      }),
    );
  }
  return finish(
    scoped,
    warning,
    {
      next,
      set: { respondBy },
      kind: 'notice',
      note: input.note,
      detail: { text: input.requirement, respondBy, assignee: null, items: input.rectification?.requirements ?? [] },
      documents,
      notify: {
        to: [warning.orgCode],
        title: { zh: `预警单：${warning.title.zh}`, en: `Warning notice: ${warning.title.en}` },
        body: {
          zh: `${warning.summary.zh}\n工作要求：${input.requirement}\n请于 ${respondBy} 前反馈核查整改情况。`,
          en: `${warning.summary.en}\nRequired: ${input.requirement}\nRespond by ${respondBy}.`,
        },
      },
      audit: input,
    },
    options,
  );
}

export async function assign(scoped: ScopedServices, input: WarningAssignInput, options: ActionOptions): Promise<WarningDetail> {
  const { warning, next } = await begin(scoped, input.id, 'assign');
  const org = await scoped.orgs.get(input.orgCode);
  if (!org.path.startsWith(warning.orgPath)) {
    const message = {
      zh: `交办对象须是被预警单位（${warning.orgName.zh}，${warning.orgCode}）或其下属单位。`,
      en: `Assign to the organisation warned (${warning.orgName.en ?? warning.orgName.zh}, ${warning.orgCode}) or an organisation under it.`,
    };
    throw new SifaError('VALIDATION_FAILED', { message, issues: [{ path: 'orgCode', message: pickText(message, options.locale) }] });
  }
  const today = dayIn(options.now, options.timeZone);
  const respondBy = respondByOf(input.respondBy, today, options, scoped.calendar);
  const assignee: WarningAssignee = { orgCode: org.code, orgName: org.name, person: input.person ?? null };
  const documents = [
    await issue(scoped, 'warnings.assignment-slip', warning, {
      warning: refOf(warning, options),
      assignee: { orgCode: org.code, ...(input.person ? { person: input.person } : {}) },
      task: input.task,
      respondBy,
    }),
  ];
  return finish(
    scoped,
    warning,
    {
      next,
      set: { respondBy, assignee },
      kind: 'assign',
      note: input.note,
      detail: { text: input.task, respondBy, assignee, items: [] },
      documents,
      notify: {
        to: [org.code],
        title: { zh: `交办：${warning.title.zh}`, en: `Assigned to you: ${warning.title.en}` },
        body: {
          zh: `${warning.summary.zh}\n交办事项：${input.task}${input.person ? `\n责任人：${input.person}` : ''}\n请于 ${respondBy} 前办结反馈。`,
          en: `${warning.summary.en}\nTask: ${input.task}${input.person ? `\nPerson responsible: ${input.person}` : ''}\nReport back by ${respondBy}.`,
        },
      },
      audit: input,
    },
    options,
  );
}

export async function respond(scoped: ScopedServices, input: WarningRespondInput, options: ActionOptions): Promise<WarningDetail> {
  const { warning, next } = await begin(scoped, input.id, 'respond');
  const measures = input.measures ?? [];
  const documents = [
    await issue(scoped, 'warnings.feedback-slip', warning, {
      warning: refOf(warning, options),
      text: input.text,
      measures,
      respondedBy: scoped.actor.displayName.slice(0, 80) || scoped.actor.username,
      respondedOn: dayIn(options.now, options.timeZone),
    }),
  ];
  const excerpt = input.text.length > 300 ? `${input.text.slice(0, 300)}…` : input.text;
  return finish(
    scoped,
    warning,
    {
      next,
      kind: 'respond',
      note: undefined,
      detail: { text: input.text, respondBy: null, assignee: null, items: measures },
      documents,
      notify: {
        // The manager reviews it; a level it was escalated to follows it too.
        to: [managerOf(warning), ...(warning.escalatedTo ? [warning.escalatedTo] : [])],
        title: { zh: `预警反馈：${warning.orgName.zh}“${warning.title.zh}”`, en: `Feedback: "${warning.title.en}" (${warning.orgName.en ?? warning.orgName.zh})` },
        body: { zh: `${excerpt}\n请审核后关闭或继续交办。`, en: `${excerpt}\nReview it, then close the warning or assign it again.` },
      },
      audit: input,
    },
    options,
  );
}

export async function close(scoped: ScopedServices, input: WarningCloseInput, options: ActionOptions): Promise<WarningDetail> {
  const { warning, next } = await begin(scoped, input.id, 'close');
  const documents: IssuedDocument[] = [];
  if (input.advice) {
    const [feedback] = await scoped.db
      .select({ detail: warningSteps.detail })
      .from(warningSteps)
      .where(and(eq(warningSteps.warningId, warning.id), eq(warningSteps.kind, 'respond')))
      .orderBy(desc(warningSteps.seq))
      .limit(1);
    documents.push(
      await issue(scoped, 'warnings.advice-letter', warning, {
        warning: refOf(warning, options),
        advice: input.advice,
        ...(feedback?.detail.text ? { feedback: feedback.detail.text } : {}),
      }),
    );
  }
  return finish(
    scoped,
    warning,
    {
      next,
      set: { closeReason: 'handled', closedAt: options.now },
      kind: 'close',
      note: input.note,
      detail: { text: input.advice ?? null, respondBy: null, assignee: null, items: [] },
      documents,
      notify: {
        to: [warning.orgCode],
        title: { zh: `预警已关闭：${warning.title.zh}`, en: `Warning closed: ${warning.title.en}` },
        body: {
          zh: [warning.summary.zh, input.note ? `说明：${input.note}` : '', input.advice ? '另附工作建议书。' : ''].filter(Boolean).join('\n'),
          en: [warning.summary.en, input.note ? `Note: ${input.note}` : '', input.advice ? 'A work advice letter is attached.' : ''].filter(Boolean).join('\n'),
        },
      },
      audit: input,
    },
    options,
  );
}
