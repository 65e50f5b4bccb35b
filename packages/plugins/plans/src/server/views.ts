/**
 * Reading plans as the caller may see them. An org sees the plans it (or an org below it) owns,
 * whole, and its own share (instances) of plans from above; the widget-facing shapes are the
 * `Plan*` types of `../types.ts`. Every read is limited twice: by an explicit subtree predicate in
 * SQL and by row-level security. Progress comes from `measure` (batched facts), timelines from
 * two queries per call, whatever the number of instances.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, type SQL } from 'drizzle-orm';
import {
  SifaError,
  periodRange,
  type Actor,
  type FactsService,
  type OrgDirectory,
  type SifaDb,
  type WorkingCalendar,
} from '@sifa/core';
import type { PlanDetail, PlanEscalationEntry, PlanInstance, PlanInstanceProgress, PlanItem, PlanOrgName, PlanOverdueItem, PlanReminderEntry, PlanSummary, PlanTimelineEntry } from '../types.js';
import { inSubtree } from '@sifa/core/db';
import { calendarWarnings } from '../split.js';
import { calendarOfRow, measure, targetOf, type Measured } from './progress.js';
import { planEscalations, planInstances, planItems, planReminders, plans, type PlanEscalationRow, type PlanInstanceRow, type PlanItemRow, type PlanReminderRow, type PlanRow } from './schema.js';

/** What reading needs from a scoped transaction. */
export interface ReadServices {
  db: SifaDb;
  orgs: OrgDirectory;
  facts: FactsService;
  actor: Actor;
  /** The live working-day calendar (a plan's own versions: `calendar.asOf(plan.calendarVersions)`). */
  calendar: WorkingCalendar;
}

export interface ReadEnv {
  today: string;
  /** Metrics installed (procedures know them; other callers leave it out). */
  knownMetric?: (code: string) => boolean;
}

export interface Root {
  code: string;
  path: string;
}

export const planNotFound = (planId: string) =>
  new SifaError('NOT_FOUND', {
    message: {
      zh: '找不到这个工作计划，它可能已被删除，或不在您的管辖范围内。',
      en: 'This work plan was not found. It may have been deleted, or it is outside the area you manage.',
    },
    details: { planId },
  });

export const instanceNotFound = (instanceId: string) =>
  new SifaError('NOT_FOUND', {
    message: {
      zh: '找不到这项分派任务，它可能已被撤回，或不在您的管辖范围内。',
      en: 'This assigned task was not found. It may have been withdrawn, or it is outside the area you manage.',
    },
    details: { instanceId },
  });

/** The subtree to read: `orgCode`'s (checked against the caller's scope) or the caller's own. */
export async function rootOf(s: Pick<ReadServices, 'orgs' | 'actor'>, orgCode: string | undefined): Promise<Root> {
  if (!orgCode) return { code: s.actor.scope.orgCode, path: s.actor.scope.orgPath };
  const node = await s.orgs.get(orgCode);
  return { code: node.code, path: node.path };
}

const isWithin = (path: string, root: Root) => path.startsWith(root.path);

function periodOverlap(from: typeof plans.periodFrom | typeof planInstances.periodFrom, to: typeof plans.periodTo | typeof planInstances.periodTo, period: string | undefined): SQL | undefined {
  if (!period) return undefined;
  const range = periodRange(period);
  return and(lte(from, range.to), gte(to, range.from));
}

const documentRef = (row: { documentId: string | null; documentNumber: string | null; documentPath: string | null }) =>
  row.documentId ? { id: row.documentId, number: row.documentNumber ?? '', downloadPath: row.documentPath ?? '' } : null;

export function reminderEntry(row: PlanReminderRow, orgName: PlanOrgName): PlanReminderEntry {
  return {
    kind: 'reminder',
    id: row.id,
    instanceId: row.instanceId,
    at: row.sentAt.toISOString(),
    offset: row.offsetDays,
    remindOn: row.remindOn,
    orgCode: row.orgCode,
    orgName,
    channels: row.channels,
    notificationId: row.notificationId,
    document: documentRef(row),
  };
}

export function escalationEntry(row: PlanEscalationRow, orgName: PlanOrgName): PlanEscalationEntry {
  return {
    kind: 'escalation',
    id: row.id,
    instanceId: row.instanceId,
    at: row.issuedAt.toISOString(),
    level: row.level,
    issuerOrgCode: row.issuerOrgCode,
    issuerName: row.issuerName,
    orgCode: row.orgCode,
    orgName,
    daysOverdue: row.daysOverdue,
    reportBy: row.reportBy,
    notifiedOrgCodes: row.notifiedOrgCodes,
    document: documentRef(row),
  };
}

/** Reminders and escalations of the instances, oldest first: two queries. */
export async function timelines(db: SifaDb, instances: readonly PlanInstanceRow[]): Promise<Map<string, PlanTimelineEntry[]>> {
  const out = new Map<string, PlanTimelineEntry[]>(instances.map((i) => [i.id, []]));
  if (instances.length === 0) return out;
  const byId = new Map(instances.map((i) => [i.id, i]));
  const ids = [...byId.keys()];
  const [reminders, escalations] = [
    await db.select().from(planReminders).where(inArray(planReminders.instanceId, ids)).orderBy(asc(planReminders.sentAt), asc(planReminders.offsetDays)),
    await db.select().from(planEscalations).where(inArray(planEscalations.instanceId, ids)).orderBy(asc(planEscalations.issuedAt), asc(planEscalations.level)),
  ];
  for (const r of reminders) out.get(r.instanceId)?.push(reminderEntry(r, byId.get(r.instanceId)!.orgName));
  for (const e of escalations) out.get(e.instanceId)?.push(escalationEntry(e, byId.get(e.instanceId)!.orgName));
  for (const list of out.values()) list.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
  return out;
}

export function instanceView(row: PlanInstanceRow, measured: Measured, timeline: PlanTimelineEntry[], actor: Actor): PlanInstance {
  return {
    id: row.id,
    planId: row.planId,
    itemId: row.itemId,
    orgCode: row.orgCode,
    orgName: row.orgName,
    target: row.kind === 'metric' ? targetOf(row) : null,
    due: row.due,
    split: measured.split,
    progress: measured.progress,
    check:
      row.checkedAt && row.evidence
        ? { checkedAt: row.checkedAt.toISOString(), checkedBy: { userId: row.checkedBy ?? '', displayName: row.checkedByName ?? '' }, evidence: row.evidence }
        : null,
    canCheck: row.kind === 'manual' && row.orgCode === actor.scope.orgCode && actor.permissions.has('plans.check'),
    escalationLevel: row.escalationLevel,
    timeline,
  };
}

interface PlanHead {
  id: string;
  title: string;
  period: string;
  from: string;
  to: string;
  ownerOrgCode: string;
  ownerName: PlanOrgName;
  demo: boolean;
  revision: number;
  updatedAt: string;
}

const headOfPlan = (p: PlanRow): PlanHead => ({
  id: p.id,
  title: p.title,
  period: p.period,
  from: p.periodFrom,
  to: p.periodTo,
  ownerOrgCode: p.orgCode,
  ownerName: p.ownerName,
  demo: p.demo,
  revision: p.revision,
  updatedAt: p.updatedAt.toISOString(),
});

const headOfInstance = (i: PlanInstanceRow): PlanHead => ({
  id: i.planId,
  title: i.planTitle,
  period: i.period,
  from: i.periodFrom,
  to: i.periodTo,
  ownerOrgCode: i.ownerOrgCode,
  ownerName: i.ownerName,
  demo: i.planDemo,
  revision: i.planRevision,
  updatedAt: i.planUpdatedAt.toISOString(),
});

function summarize(head: PlanHead, relation: 'own' | 'assigned', itemCount: number, instances: readonly PlanInstanceRow[], measured: ReadonlyMap<string, Measured>): PlanSummary {
  let done = 0;
  let overdue = 0;
  let percentSum = 0;
  for (const i of instances) {
    const p = measured.get(i.id)!.progress;
    if (p.complete) done += 1;
    if (p.status === 'overdue') overdue += 1;
    percentSum += p.percent;
  }
  return {
    ...head,
    relation,
    itemCount,
    instanceCount: instances.length,
    doneCount: done,
    overdueCount: overdue,
    percent: instances.length ? Math.round(percentSum / instances.length) : 0,
  };
}

const measureIn = (s: ReadServices, env: ReadEnv, rows: readonly PlanInstanceRow[]) =>
  measure({ facts: s.facts, scopePath: s.actor.scope.orgPath, today: env.today, calendar: s.calendar, ...(env.knownMetric ? { knownMetric: env.knownMetric } : {}) }, rows);

/** Plans in `orgCode`'s subtree (or the caller's) and plans from above with instances in it, overlapping `period`. */
export async function listPlans(s: ReadServices, env: ReadEnv, input: { orgCode?: string | undefined; period?: string | undefined }): Promise<PlanSummary[]> {
  const root = await rootOf(s, input.orgCode);
  const own = await s.db
    .select()
    .from(plans)
    .where(and(inSubtree(plans.orgPath, root.path), periodOverlap(plans.periodFrom, plans.periodTo, input.period)));
  const instances = await s.db
    .select()
    .from(planInstances)
    .where(and(inSubtree(planInstances.orgPath, root.path), periodOverlap(planInstances.periodFrom, planInstances.periodTo, input.period)))
    .orderBy(asc(planInstances.planId), asc(planInstances.itemPosition), asc(planInstances.orgCode));
  const ownIds = own.map((p) => p.id);
  const itemCounts = new Map<string, number>(
    ownIds.length
      ? (await s.db.select({ planId: planItems.planId, n: count() }).from(planItems).where(inArray(planItems.planId, ownIds)).groupBy(planItems.planId)).map((r) => [r.planId, r.n])
      : [],
  );
  const measured = await measureIn(s, env, instances);
  const byPlan = new Map<string, PlanInstanceRow[]>();
  for (const i of instances) byPlan.set(i.planId, [...(byPlan.get(i.planId) ?? []), i]);
  const summaries: PlanSummary[] = own.map((p) => summarize(headOfPlan(p), 'own', itemCounts.get(p.id) ?? 0, byPlan.get(p.id) ?? [], measured));
  const ownSet = new Set(ownIds);
  for (const [planId, rows] of byPlan) {
    if (ownSet.has(planId)) continue;
    summaries.push(summarize(headOfInstance(rows[0]!), 'assigned', new Set(rows.map((r) => r.itemId)).size, rows, measured));
  }
  return summaries.sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) || a.title.localeCompare(b.title, 'zh-CN') || a.id.localeCompare(b.id) : a.from < b.from ? 1 : -1));
}

function itemOf(row: PlanItemRow): Omit<PlanItem, 'instances'> {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    kind: row.kind,
    metric: row.metric && row.metricTitle && row.metricUnit ? { code: row.metric, title: row.metricTitle, unit: row.metricUnit } : null,
    target: row.target,
    splitMode: row.splitMode,
    weights: row.weights,
    due: row.due,
  };
}

function itemOfInstance(row: PlanInstanceRow): Omit<PlanItem, 'instances'> {
  return {
    id: row.itemId,
    position: row.itemPosition,
    title: row.itemTitle,
    kind: row.kind,
    metric: row.metric && row.metricTitle && row.metricUnit ? { code: row.metric, title: row.metricTitle, unit: row.metricUnit } : null,
    target: row.itemTarget,
    splitMode: row.splitMode,
    weights: row.weights,
    due: row.due,
  };
}

/** One plan with its items and the instances in `orgCode`'s subtree (or the caller's), with progress and timelines. */
export async function planDetail(s: ReadServices, env: ReadEnv, input: { planId: string; orgCode?: string | undefined }): Promise<PlanDetail> {
  const root = await rootOf(s, input.orgCode);
  const [plan] = await s.db.select().from(plans).where(eq(plans.id, input.planId));
  const instances = await s.db
    .select()
    .from(planInstances)
    .where(and(eq(planInstances.planId, input.planId), inSubtree(planInstances.orgPath, root.path)))
    .orderBy(asc(planInstances.itemPosition), asc(planInstances.orgCode));
  const own = plan !== undefined && isWithin(plan.orgPath, root);
  if (!own && instances.length === 0) throw planNotFound(input.planId);
  const [measured, lines] = [await measureIn(s, env, instances), await timelines(s.db, instances)];
  const views = new Map<string, PlanInstance[]>();
  for (const row of instances) views.set(row.itemId, [...(views.get(row.itemId) ?? []), instanceView(row, measured.get(row.id)!, lines.get(row.id)!, s.actor)]);
  let items: PlanItem[];
  if (own) {
    const rows = await s.db.select().from(planItems).where(eq(planItems.planId, plan.id)).orderBy(asc(planItems.position));
    items = rows.map((r) => ({ ...itemOf(r), instances: views.get(r.id) ?? [] }));
  } else {
    const seen = new Map<string, PlanItem>();
    for (const row of instances) if (!seen.has(row.itemId)) seen.set(row.itemId, { ...itemOfInstance(row), instances: views.get(row.itemId) ?? [] });
    items = [...seen.values()].sort((a, b) => a.position - b.position);
  }
  const head = own ? headOfPlan(plan) : headOfInstance(instances[0]!);
  const lastDue = items.reduce((max, i) => (i.due > max ? i.due : max), head.from);
  // The plan's own calendar: the versions recorded on it (an assignee reads them from its instances).
  const recorded = own ? plan.calendarVersions : instances[0]!.calendarVersions;
  const calendar = calendarOfRow(s.calendar, { calendarVersions: recorded });
  return {
    ...summarize(head, own ? 'own' : 'assigned', items.length, instances, measured),
    items,
    warnings: calendarWarnings(calendar, head.from, lastDue > head.to ? lastDue : head.to),
    calendar: {
      versions: recorded ?? s.calendar.versionsFor(head.from, head.to),
      // The moves between versions are the owner's record; an assignee sees the versions in use.
      history: own ? plan.calendarHistory : [],
    },
    canManage: plan !== undefined && s.actor.permissions.has('plans.manage'),
    asOf: env.today,
  };
}

/** Progress of a plan's instances in the subtree (a light refresh for the board). */
export async function planProgress(s: ReadServices, env: ReadEnv, input: { planId: string; orgCode?: string | undefined }): Promise<PlanInstanceProgress[]> {
  const root = await rootOf(s, input.orgCode);
  const instances = await s.db
    .select()
    .from(planInstances)
    .where(and(eq(planInstances.planId, input.planId), inSubtree(planInstances.orgPath, root.path)))
    .orderBy(asc(planInstances.itemPosition), asc(planInstances.orgCode));
  if (instances.length === 0) {
    const [plan] = await s.db.select({ id: plans.id, orgPath: plans.orgPath }).from(plans).where(eq(plans.id, input.planId));
    if (!plan || !isWithin(plan.orgPath, root)) throw planNotFound(input.planId);
  }
  const measured = await measureIn(s, env, instances);
  return instances.map((i) => ({ instanceId: i.id, itemId: i.itemId, orgCode: i.orgCode, progress: measured.get(i.id)!.progress }));
}

/** Reminders and escalations of a plan's instances in the subtree, newest first. */
export async function planTimeline(s: ReadServices, input: { planId: string; orgCode?: string | undefined }): Promise<PlanTimelineEntry[]> {
  const root = await rootOf(s, input.orgCode);
  const instances = await s.db
    .select()
    .from(planInstances)
    .where(and(eq(planInstances.planId, input.planId), inSubtree(planInstances.orgPath, root.path)));
  if (instances.length === 0) {
    const [plan] = await s.db.select({ id: plans.id, orgPath: plans.orgPath }).from(plans).where(eq(plans.id, input.planId));
    if (!plan || !isWithin(plan.orgPath, root)) throw planNotFound(input.planId);
    return [];
  }
  const lines = await timelines(s.db, instances);
  return [...lines.values()].flat().sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}

/** The most overdue items shown at once; a larger backlog is narrowed by org or period. */
export const maxOverdueItems = 500;

/** Open items past their due date in the subtree, most overdue first. */
export async function overdueItems(s: ReadServices, env: ReadEnv, input: { orgCode?: string | undefined; period?: string | undefined }): Promise<PlanOverdueItem[]> {
  const root = await rootOf(s, input.orgCode);
  const rows = await s.db
    .select()
    .from(planInstances)
    .where(
      and(
        inSubtree(planInstances.orgPath, root.path),
        lt(planInstances.due, env.today),
        isNull(planInstances.checkedAt),
        periodOverlap(planInstances.periodFrom, planInstances.periodTo, input.period),
      ),
    )
    .orderBy(asc(planInstances.due), asc(planInstances.orgCode), asc(planInstances.id))
    .limit(maxOverdueItems * 2);
  const measured = await measureIn(s, env, rows);
  const open = rows.filter((r) => !measured.get(r.id)!.progress.complete).slice(0, maxOverdueItems);
  const last = new Map<string, PlanEscalationRow>();
  if (open.length) {
    const escalations = await s.db
      .select()
      .from(planEscalations)
      .where(inArray(
        planEscalations.instanceId,
        open.map((r) => r.id),
      ))
      .orderBy(desc(planEscalations.level));
    for (const e of escalations) if (!last.has(e.instanceId)) last.set(e.instanceId, e);
  }
  return open.map((r) => {
    const e = last.get(r.id);
    return {
      instanceId: r.id,
      planId: r.planId,
      planTitle: r.planTitle,
      period: r.period,
      itemId: r.itemId,
      itemTitle: r.itemTitle,
      kind: r.kind,
      orgCode: r.orgCode,
      orgName: r.orgName,
      ownerOrgCode: r.ownerOrgCode,
      due: r.due,
      progress: measured.get(r.id)!.progress,
      escalationLevel: r.escalationLevel,
      lastEscalation: e ? escalationEntry(e, r.orgName) : null,
    };
  });
}

/** One instance as the board shows it (after a check). */
export async function instanceDetail(s: ReadServices, env: ReadEnv, row: PlanInstanceRow): Promise<PlanInstance> {
  const [measured, lines] = [await measureIn(s, env, [row]), await timelines(s.db, [row])];
  return instanceView(row, measured.get(row.id)!, lines.get(row.id)!, s.actor);
}
