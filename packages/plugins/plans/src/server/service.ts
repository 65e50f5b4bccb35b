/**
 * Changing plans: create, update, assign, remove, and the assignee's checkmark. Every input is
 * checked as a whole before anything is written (all problems reported at once, each on its
 * field): metrics must be declared by an installed plugin, due dates must be working days of the
 * period (the message names the nearest ones), weights must match the sub-periods, assignees
 * must lie below the plan's owner. Assignees are resolved level by level (one query per parent,
 * never one per assignee). What an assignee must see of a plan is copied onto its instances in
 * the same transaction.
 *
 * Working days: a new plan is checked with the live calendar and records its versions; a change
 * to an existing plan is checked with the plan's own versions (the same as the live ones while it
 * is open: imports move open plans, `calendar-sync.ts`).
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  SifaError,
  isSifaError,
  isWithinScope,
  periodRange,
  pickText,
  pluginError,
  type AuditWriter,
  type FieldIssue,
  type Locale,
  type LocalizedText,
  type OrgNode,
  type WorkingCalendar,
} from '@sifa/core';
import { plansManifest } from '../index.js';
import type { PlanDetail, PlanEvidence, PlanInstance, PlanOrgName } from '../types.js';
import { defaultDue, dueDateProblem, splitTarget, SplitError } from '../split.js';
import type { PlanItemInputParsed } from '../schemas.js';
import { planEscalations, planInstances, planItems, planReminders, plans, type PlanInstanceRow, type PlanItemRow, type PlanRow } from './schema.js';
import { instanceDetail, instanceNotFound, planDetail, planNotFound, type ReadEnv, type ReadServices } from './views.js';

export interface WriteServices extends ReadServices {
  audit: AuditWriter;
}

export interface MetricInfo {
  title: LocalizedText;
  unit: LocalizedText;
}

export interface WriteEnv extends ReadEnv {
  now: Date;
  locale: Locale;
  /** Metrics an item may name (the installed plugins'). */
  metrics: ReadonlyMap<string, MetricInfo>;
}

const nameOf = (node: OrgNode): PlanOrgName => ({ zh: node.name.zh, en: node.name.en, mn: node.name.mn });

// ---- assignees ------------------------------------------------------------------------------------

type AssigneeProblem = LocalizedText;

/**
 * The org nodes of `codes`, each of which must lie strictly below `owner` and in the caller's
 * scope. Walks down from the owner one level at a time, expanding only nodes whose division code
 * is a prefix of a code still looked for (official codes nest: 150402 → 150402001), so a city
 * plan for 197 offices costs one query per county. A code the walk does not meet (a tree whose
 * codes do not nest) is looked up directly, so the answer never depends on that shortcut.
 */
export async function resolveDescendants(orgs: ReadServices['orgs'], owner: OrgNode, codes: readonly string[]): Promise<{ found: Map<string, OrgNode>; problems: Map<string, AssigneeProblem> }> {
  const found = new Map<string, OrgNode>();
  const problems = new Map<string, AssigneeProblem>();
  const wanted = new Set(codes);
  if (wanted.delete(owner.code)) {
    problems.set(owner.code, {
      zh: `不能分派给计划所属单位（${owner.name.zh}）本身，请选择其下级单位。`,
      en: `An item cannot be assigned to the plan's own org (${owner.name.en ?? owner.name.zh}); pick orgs below it.`,
    });
  }
  // Everything below the owner in one read; what is not there is explained one by one below.
  if (wanted.size > 0) {
    for (const node of await orgs.descendants(owner.code)) {
      if (wanted.delete(node.code)) found.set(node.code, node);
    }
  }
  for (const code of wanted) {
    try {
      const node = await orgs.get(code);
      if (isWithinScope(node.path, owner.path) && node.code !== owner.code) found.set(code, node);
      else {
        problems.set(code, {
          zh: `${node.name.zh}（${code}）不是计划所属单位（${owner.name.zh}）的下级单位，不能分派。`,
          en: `${node.name.en ?? node.name.zh} (${code}) is not below the plan's owner (${owner.name.en ?? owner.name.zh}), so it cannot be assigned.`,
        });
      }
    } catch (error) {
      if (!isSifaError(error) || (error.sifaCode !== 'NOT_FOUND' && error.sifaCode !== 'OUT_OF_SCOPE')) throw error;
      problems.set(code, error.localized);
    }
  }
  return { found, problems };
}

// ---- validation ---------------------------------------------------------------------------------

interface ResolvedItem {
  input: PlanItemInputParsed;
  due: string;
  metric: ({ code: string } & MetricInfo) | null;
  /** undefined: keep the current assignees (update). */
  assignees: { node: OrgNode; target: number | null }[] | undefined;
}

function validationError(issues: FieldIssue[], locale: Locale): SifaError {
  return new SifaError('VALIDATION_FAILED', {
    issues,
    message: {
      zh: `计划有 ${issues.length} 处需要修改：${issues[0] ? `${issues[0].message}` : ''}${issues.length > 1 ? '（另见其他提示）' : ''}`,
      en: `The plan needs ${issues.length} correction${issues.length === 1 ? '' : 's'}: ${issues[0]?.message ?? ''}${issues.length > 1 ? ' (see the other messages too)' : ''}`,
    },
    details: { locale },
  });
}

/** Checks every item against the server's knowledge; throws one VALIDATION_FAILED with all issues. */
async function resolveItems(
  s: WriteServices,
  env: WriteEnv,
  calendar: WorkingCalendar,
  owner: OrgNode,
  period: string,
  items: readonly PlanItemInputParsed[],
): Promise<ResolvedItem[]> {
  const issues: FieldIssue[] = [];
  const add = (path: string, text: LocalizedText) => issues.push({ path, message: pickText(text, env.locale) });
  const range = periodRange(period);
  const resolved: ResolvedItem[] = items.map((item, i) => {
    const due = item.due ?? defaultDue(calendar, period);
    const dueProblem = dueDateProblem(calendar, due, range.from, range.to);
    if (dueProblem) add(`items.${i}.due`, dueProblem.message);
    let metric: ResolvedItem['metric'] = null;
    if (item.kind === 'metric' && item.metric) {
      const info = env.metrics.get(item.metric);
      if (!info) {
        add(`items.${i}.metric`, {
          zh: `没有插件声明指标 ${item.metric}（提供它的插件可能未安装），请选择已有的指标。`,
          en: `No installed plugin declares the metric ${item.metric} (the plugin that provides it may not be installed). Pick an existing metric.`,
        });
      } else metric = { code: item.metric, ...info };
      if (!dueProblem && item.target !== undefined) {
        try {
          splitTarget(calendar, { period, target: item.target, mode: item.splitMode ?? 'even', weights: item.weights, due });
        } catch (error) {
          if (!(error instanceof SplitError)) throw error;
          for (const p of error.problems) add(`items.${i}.${p.field}`, p.message);
        }
      }
    }
    return { input: item, due, metric, assignees: undefined };
  });
  const codes = [...new Set(items.flatMap((item) => (item.assignees ?? []).map((a) => a.orgCode)))];
  const { found, problems } = codes.length ? await resolveDescendants(s.orgs, owner, codes) : { found: new Map<string, OrgNode>(), problems: new Map<string, AssigneeProblem>() };
  items.forEach((item, i) => {
    if (!item.assignees) return;
    const list: { node: OrgNode; target: number | null }[] = [];
    item.assignees.forEach((a, j) => {
      const problem = problems.get(a.orgCode);
      if (problem) add(`items.${i}.assignees.${j}.orgCode`, problem);
      const node = found.get(a.orgCode);
      if (node) list.push({ node, target: a.target ?? null });
    });
    resolved[i]!.assignees = list;
  });
  if (issues.length) throw validationError(issues, env.locale);
  return resolved;
}

// ---- rows ---------------------------------------------------------------------------------------

function itemValues(plan: PlanRow, item: ResolvedItem, position: number, now: Date) {
  const metric = item.input.kind === 'metric';
  return {
    planId: plan.id,
    orgCode: plan.orgCode,
    orgPath: plan.orgPath,
    position,
    title: item.input.title,
    kind: item.input.kind,
    metric: metric ? item.metric!.code : null,
    metricTitle: metric ? item.metric!.title : null,
    metricUnit: metric ? item.metric!.unit : null,
    target: metric ? item.input.target! : null,
    splitMode: metric ? (item.input.splitMode ?? 'even') : null,
    weights: metric && item.input.splitMode === 'weighted' ? item.input.weights! : null,
    due: item.due,
    updatedAt: now,
  };
}

/** What an instance copies from its plan (kept in step by every save). */
const planCopy = (plan: PlanRow) => ({
  ownerOrgCode: plan.orgCode,
  ownerOrgPath: plan.orgPath,
  ownerName: plan.ownerName,
  planTitle: plan.title,
  period: plan.period,
  periodFrom: plan.periodFrom,
  periodTo: plan.periodTo,
  planDemo: plan.demo,
  planRevision: plan.revision,
  planUpdatedAt: plan.updatedAt,
  calendarVersions: plan.calendarVersions,
});

/** What an instance copies from its item. */
const itemCopy = (item: PlanItemRow) => ({
  itemPosition: item.position,
  itemTitle: item.title,
  kind: item.kind,
  metric: item.metric,
  metricTitle: item.metricTitle,
  metricUnit: item.metricUnit,
  itemTarget: item.target,
  splitMode: item.splitMode,
  weights: item.weights,
  due: item.due,
});

const documentsIssued = (what: 'plan' | 'item' | 'assignee', label: string) =>
  new SifaError('CONFLICT', {
    message: {
      zh: `${what === 'plan' ? '计划' : what === 'item' ? '事项' : '分派'}“${label}”已发出提醒函或督办函，这些公文须留档，不能删除。可修改计划内容，或保留该项。`,
      en: `Reminder or supervision letters were issued for the ${what} "${label}"; they are official records and must stay on file, so it cannot be removed. Change it instead, or keep it.`,
    },
    details: { what, label },
  });

/** Throws CONFLICT when any of the instances has an issued letter (official records stay on file). */
async function ensureNoDocuments(s: WriteServices, instanceIds: readonly string[], what: 'plan' | 'item' | 'assignee', label: string): Promise<void> {
  if (instanceIds.length === 0) return;
  const [reminded] = await s.db
    .select({ id: planReminders.id })
    .from(planReminders)
    .where(and(inArray(planReminders.instanceId, [...instanceIds]), isNotNull(planReminders.documentId)))
    .limit(1);
  const [escalated] = reminded ? [] : await s.db.select({ id: planEscalations.id }).from(planEscalations).where(inArray(planEscalations.instanceId, [...instanceIds])).limit(1);
  if (reminded || escalated) throw documentsIssued(what, label);
}

/** Makes the item's instances exactly `wanted` (removing, retargeting, adding). */
async function syncAssignees(s: WriteServices, plan: PlanRow, item: PlanItemRow, wanted: { node: OrgNode; target: number | null }[], now: Date): Promise<void> {
  const current = await s.db.select({ id: planInstances.id, orgCode: planInstances.orgCode, targetOverride: planInstances.targetOverride }).from(planInstances).where(eq(planInstances.itemId, item.id));
  const wantedByCode = new Map(wanted.map((w) => [w.node.code, w]));
  const removed = current.filter((c) => !wantedByCode.has(c.orgCode));
  if (removed.length) {
    await ensureNoDocuments(s, removed.map((r) => r.id), 'assignee', `${item.title} / ${removed.map((r) => r.orgCode).join(', ')}`);
    await s.db.delete(planInstances).where(inArray(planInstances.id, removed.map((r) => r.id)));
  }
  const currentCodes = new Set(current.map((c) => c.orgCode));
  for (const c of current) {
    const w = wantedByCode.get(c.orgCode);
    const target = item.kind === 'metric' ? (w?.target ?? null) : null;
    if (w && target !== c.targetOverride) await s.db.update(planInstances).set({ targetOverride: target, updatedAt: now }).where(eq(planInstances.id, c.id));
  }
  const added = wanted.filter((w) => !currentCodes.has(w.node.code));
  if (added.length) {
    await s.db.insert(planInstances).values(
      added.map((w) => ({
        planId: plan.id,
        itemId: item.id,
        orgCode: w.node.code,
        orgPath: w.node.path,
        orgName: nameOf(w.node),
        targetOverride: item.kind === 'metric' ? w.target : null,
        ...planCopy(plan),
        ...itemCopy(item),
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
}

const staleRevision = (planId: string, given: number, current: number) =>
  pluginError(
    plansManifest,
    'revisionConflict',
    { planId, revision: given, currentRevision: current },
    {
      message: {
        zh: `计划已被他人修改（您编辑的是第 ${given} 版，当前是第 ${current} 版），请刷新后再改。`,
        en: `The plan was changed by someone else meanwhile (you edited revision ${given}; it is now at ${current}). Reload it and apply your changes again.`,
      },
    },
  );

async function lockPlan(s: WriteServices, planId: string, revision: number | undefined): Promise<PlanRow> {
  const [plan] = await s.db.select().from(plans).where(eq(plans.id, planId)).for('update');
  if (!plan) throw planNotFound(planId);
  if (revision !== undefined && revision !== plan.revision) throw staleRevision(planId, revision, plan.revision);
  return plan;
}

/**
 * Bumps the plan's revision and copies the plan's fields onto all its instances. A plan made
 * before calendar versions were kept gets the ones it was just checked with.
 */
async function touchPlan(s: WriteServices, plan: PlanRow, changes: { title?: string }, now: Date): Promise<PlanRow> {
  const [updated] = await s.db
    .update(plans)
    .set({ ...changes, revision: sql`${plans.revision} + 1`, updatedAt: now, calendarVersions: plan.calendarVersions ?? s.calendar.versionsFor(plan.periodFrom, plan.periodTo) })
    .where(eq(plans.id, plan.id))
    .returning();
  await s.db.update(planInstances).set({ ...planCopy(updated!), updatedAt: now }).where(eq(planInstances.planId, plan.id));
  return updated!;
}

// ---- procedures ---------------------------------------------------------------------------------

export interface CreatePlanInput {
  orgCode?: string | undefined;
  period: string;
  title: string;
  items: PlanItemInputParsed[];
  /** Seed only: the plan's id (idempotent demo content) and its demo label. */
  id?: string;
  demo?: boolean;
}

export async function createPlan(s: WriteServices, env: WriteEnv, input: CreatePlanInput): Promise<PlanDetail> {
  const owner = await s.orgs.get(input.orgCode ?? s.actor.scope.orgCode);
  const items = await resolveItems(s, env, s.calendar, owner, input.period, input.items);
  const range = periodRange(input.period);
  const [plan] = await s.db
    .insert(plans)
    .values({
      ...(input.id ? { id: input.id } : {}),
      orgCode: owner.code,
      orgPath: owner.path,
      ownerName: nameOf(owner),
      period: range.period,
      periodFrom: range.from,
      periodTo: range.to,
      title: input.title,
      demo: input.demo ?? false,
      calendarVersions: s.calendar.versionsFor(range.from, range.to),
      createdBy: s.actor.userId,
      createdAt: env.now,
      updatedAt: env.now,
    })
    .returning();
  const itemRows = await s.db
    .insert(planItems)
    .values(items.map((item, i) => ({ ...itemValues(plan!, item, i, env.now), createdAt: env.now })))
    .returning();
  for (const [i, item] of items.entries()) if (item.assignees?.length) await syncAssignees(s, plan!, itemRows[i]!, item.assignees, env.now);
  await s.audit.record({ action: 'plans.create', orgCode: owner.code, entity: 'plans_plans', entityId: plan!.id, after: input });
  return planDetail(s, env, { planId: plan!.id, orgCode: owner.code });
}

export async function updatePlan(
  s: WriteServices,
  env: WriteEnv,
  input: { planId: string; revision?: number | undefined; title?: string | undefined; items?: PlanItemInputParsed[] | undefined },
): Promise<PlanDetail> {
  const plan = await lockPlan(s, input.planId, input.revision);
  if (input.items) {
    const owner = await s.orgs.get(plan.orgCode);
    const existing = await s.db.select().from(planItems).where(eq(planItems.planId, plan.id));
    const byId = new Map(existing.map((r) => [r.id, r]));
    const unknown = input.items.flatMap((item, i) =>
      item.id && !byId.has(item.id)
        ? [{ path: `items.${i}.id`, message: pickText({ zh: '此计划没有这个事项（编号不对或已被删除）。', en: 'This plan has no item with this id (wrong id, or it was removed).' }, env.locale) }]
        : [],
    );
    if (unknown.length) throw validationError(unknown, env.locale);
    const items = await resolveItems(s, env, s.calendar.asOf(plan.calendarVersions), owner, plan.period, input.items);
    const kept = new Set(input.items.flatMap((i) => (i.id ? [i.id] : [])));
    for (const gone of existing.filter((r) => !kept.has(r.id))) {
      const ids = (await s.db.select({ id: planInstances.id }).from(planInstances).where(eq(planInstances.itemId, gone.id))).map((r) => r.id);
      await ensureNoDocuments(s, ids, 'item', gone.title);
      await s.db.delete(planItems).where(eq(planItems.id, gone.id));
    }
    for (const [position, item] of items.entries()) {
      let row: PlanItemRow;
      if (item.input.id) {
        [row] = (await s.db.update(planItems).set(itemValues(plan, item, position, env.now)).where(eq(planItems.id, item.input.id)).returning()) as [PlanItemRow];
        await s.db.update(planInstances).set({ ...itemCopy(row), updatedAt: env.now }).where(eq(planInstances.itemId, row.id));
        // A kind change leaves nothing of the other kind behind (a metric item has no checkmark, a manual one no target).
        if (row.kind === 'manual') await s.db.update(planInstances).set({ targetOverride: null }).where(eq(planInstances.itemId, row.id));
        else await s.db.update(planInstances).set({ checkedAt: null, checkedBy: null, checkedByName: null, evidence: null }).where(eq(planInstances.itemId, row.id));
      } else {
        [row] = (await s.db.insert(planItems).values({ ...itemValues(plan, item, position, env.now), createdAt: env.now }).returning()) as [PlanItemRow];
      }
      if (item.assignees) await syncAssignees(s, plan, row, item.assignees, env.now);
    }
  }
  const updated = await touchPlan(s, plan, input.title !== undefined ? { title: input.title } : {}, env.now);
  await s.audit.record({ action: 'plans.update', orgCode: plan.orgCode, entity: 'plans_plans', entityId: plan.id, before: { revision: plan.revision }, after: input });
  return planDetail(s, env, { planId: updated.id, orgCode: plan.orgCode });
}

export async function assignItem(
  s: WriteServices,
  env: WriteEnv,
  input: { planId: string; itemId: string; revision?: number | undefined; assignees: { orgCode: string; target?: number | undefined }[] },
): Promise<PlanDetail> {
  const plan = await lockPlan(s, input.planId, input.revision);
  const [item] = await s.db.select().from(planItems).where(and(eq(planItems.id, input.itemId), eq(planItems.planId, plan.id)));
  if (!item) {
    throw new SifaError('NOT_FOUND', {
      message: { zh: '此计划没有这个事项（编号不对或已被删除）。', en: 'This plan has no such item (wrong id, or it was removed).' },
      details: { planId: plan.id, itemId: input.itemId },
    });
  }
  const issues: FieldIssue[] = [];
  if (item.kind === 'manual') {
    input.assignees.forEach((a, j) => {
      if (a.target !== undefined) issues.push({ path: `assignees.${j}.target`, message: pickText({ zh: '人工勾选类事项不设目标值。', en: 'A manual item has no target.' }, env.locale) });
    });
  }
  const owner = await s.orgs.get(plan.orgCode);
  const { found, problems } = await resolveDescendants(
    s.orgs,
    owner,
    input.assignees.map((a) => a.orgCode),
  );
  input.assignees.forEach((a, j) => {
    const problem = problems.get(a.orgCode);
    if (problem) issues.push({ path: `assignees.${j}.orgCode`, message: pickText(problem, env.locale) });
  });
  if (issues.length) throw validationError(issues, env.locale);
  await syncAssignees(
    s,
    plan,
    item,
    input.assignees.map((a) => ({ node: found.get(a.orgCode)!, target: a.target ?? null })),
    env.now,
  );
  await touchPlan(s, plan, {}, env.now);
  await s.audit.record({ action: 'plans.assign', orgCode: plan.orgCode, entity: 'plans_items', entityId: item.id, after: input });
  return planDetail(s, env, { planId: plan.id, orgCode: plan.orgCode });
}

export async function removePlan(s: WriteServices, input: { planId: string; revision?: number | undefined }): Promise<{ planId: string }> {
  const plan = await lockPlan(s, input.planId, input.revision);
  const ids = (await s.db.select({ id: planInstances.id }).from(planInstances).where(eq(planInstances.planId, plan.id))).map((r) => r.id);
  await ensureNoDocuments(s, ids, 'plan', plan.title);
  await s.db.delete(plans).where(eq(plans.id, plan.id));
  await s.audit.record({ action: 'plans.remove', orgCode: plan.orgCode, entity: 'plans_plans', entityId: plan.id, before: { title: plan.title, period: plan.period, revision: plan.revision } });
  return { planId: plan.id };
}

async function lockInstance(s: WriteServices, instanceId: string): Promise<PlanInstanceRow> {
  const [row] = await s.db.select().from(planInstances).where(eq(planInstances.id, instanceId)).for('update');
  if (!row) throw instanceNotFound(instanceId);
  return row;
}

function ensureOwnManual(s: WriteServices, row: PlanInstanceRow, locale: Locale): void {
  if (row.kind !== 'manual') {
    throw new SifaError('VALIDATION_FAILED', {
      message: {
        zh: `“${row.itemTitle}”是指标类事项，完成情况由统计数据自动计算，无需勾选。`,
        en: `"${row.itemTitle}" is a metric item: its completion is measured from the statistics, not checked off.`,
      },
      issues: [{ path: 'instanceId', message: pickText({ zh: '指标类事项无需勾选。', en: 'Metric items are not checked off.' }, locale) }],
      details: { instanceId: row.id },
    });
  }
  if (row.orgCode !== s.actor.scope.orgCode) {
    throw new SifaError('FORBIDDEN', {
      message: {
        zh: `只有承办单位（${row.orgName.zh}）的工作人员可以勾选或撤销此事项。`,
        en: `Only staff of the assignee (${row.orgName.en ?? row.orgName.zh}) can check this item off or withdraw the check.`,
      },
      details: { instanceId: row.id, orgCode: row.orgCode },
    });
  }
}

export async function checkInstance(s: WriteServices, env: WriteEnv, input: { instanceId: string; evidence: PlanEvidence }): Promise<PlanInstance> {
  const row = await lockInstance(s, input.instanceId);
  ensureOwnManual(s, row, env.locale);
  if (row.checkedAt) {
    throw new SifaError('CONFLICT', {
      message: {
        zh: `此事项已由${row.checkedByName ?? ''}于 ${row.checkedAt.toISOString().slice(0, 10)} 标记完成；如需修改说明，请先撤销再重新勾选。`,
        en: `This item was already checked off by ${row.checkedByName ?? ''} on ${row.checkedAt.toISOString().slice(0, 10)}. To change the evidence, withdraw the check first.`,
      },
      details: { instanceId: row.id },
    });
  }
  const evidence = input.evidence.attachment ? { text: input.evidence.text, attachment: input.evidence.attachment } : { text: input.evidence.text };
  const [updated] = await s.db
    .update(planInstances)
    .set({ checkedAt: env.now, checkedBy: s.actor.userId, checkedByName: s.actor.displayName, evidence, updatedAt: env.now })
    .where(eq(planInstances.id, row.id))
    .returning();
  await s.audit.record({ action: 'plans.check', orgCode: row.orgCode, entity: 'plans_instances', entityId: row.id, after: evidence });
  return instanceDetail(s, env, updated!);
}

export async function uncheckInstance(s: WriteServices, env: WriteEnv, input: { instanceId: string }): Promise<PlanInstance> {
  const row = await lockInstance(s, input.instanceId);
  ensureOwnManual(s, row, env.locale);
  if (!row.checkedAt) {
    throw new SifaError('CONFLICT', {
      message: { zh: '此事项尚未标记完成，无需撤销。', en: 'This item is not checked off, so there is nothing to withdraw.' },
      details: { instanceId: row.id },
    });
  }
  const [updated] = await s.db
    .update(planInstances)
    .set({ checkedAt: null, checkedBy: null, checkedByName: null, evidence: null, updatedAt: env.now })
    .where(eq(planInstances.id, row.id))
    .returning();
  await s.audit.record({ action: 'plans.uncheck', orgCode: row.orgCode, entity: 'plans_instances', entityId: row.id, before: row.evidence });
  return instanceDetail(s, env, updated!);
}
