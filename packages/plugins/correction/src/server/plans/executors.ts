/**
 * Who carries out a measure: the catalogue names a ROLE (`responsible`), an office maps the roles
 * accounts carry to one account each (a county maps its `county-officer`), and every plan routes
 * each measure to one person:
 *
 *   staff's reassignment (`plan.reassign`) > the mapped account of the measure's role (the case's
 *   office; `county-officer`: the office's county) > the file's responsible staff > the plan's creator.
 *
 * Roles no account carries (team member, volunteer, family member) go to the file's responsible
 * staff, who arrange them and oversee them (`overseen`). A change of the mapping moves the open
 * tasks of the current plans it concerns (not of measures reassigned by hand; done and missed
 * tasks keep their assignee), in the caller's subtree, audited.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import type { CaseFile, Locale, ScopedServices } from '@sifa/core';
import type { Catalogue } from '../../plan/index.js';
import type { ResponsibleRole } from '../../plan/catalogue.js';
import { correctionExecutors, correctionPlans, correctionTasks, type RoutedAssignee } from '../schema.js';
import { catalogueKey, type PlansConfig } from './options.js';
import { errors } from './texts.js';
import { sealOf } from './seal.js';

/** Roles an account carries (mapped per office; `county-officer` per county). */
export const accountRoles = ['office-staff', 'county-officer', 'social-worker', 'psychologist'] as const;
export type AccountRole = (typeof accountRoles)[number];
/** Roles of people without an account: the file's responsible staff arrange and oversee them. */
export const overseenRoles: readonly ResponsibleRole[] = ['team-member', 'volunteer', 'family-member'];

export type AssignedBy = 'reassignment' | RoutedAssignee['by'];

/** A measure's assignee on a plan row: by hand, else as routed, else the creator. */
export function assigneeOf(row: { assignees: Record<string, string>; routed: Record<string, RoutedAssignee>; createdBy: string }, measure: string): { userId: string; by: AssignedBy } {
  const hand = row.assignees[measure];
  if (hand) return { userId: hand, by: 'reassignment' };
  return row.routed[measure] ?? { userId: row.createdBy, by: 'creator' };
}

/** Display names of accounts of the caller's subtree or above, and the caller's own (other embed users and system actors: absent). */
export async function namesOf(s: ScopedServices, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = rowsOf<{ id: string; display_name: string }>(await s.db.execute(sql`SELECT id, display_name FROM correction_user_names(${`{${list.map((i) => `"${i.replaceAll('"', '')}"`).join(',')}}`}::text[])`));
  const names = new Map(rows.map((r) => [r.id, r.display_name]));
  // The caller knows their own name, account or not (an embed token's user).
  if (list.includes(s.actor.userId) && !names.has(s.actor.userId)) names.set(s.actor.userId, s.actor.displayName);
  return names;
}

type MappingRow = typeof correctionExecutors.$inferSelect;

/** The mapping rows that apply to an office at `orgPath` (its own and its county's). */
async function mappingFor(s: ScopedServices, orgPath: string): Promise<MappingRow[]> {
  return s.db.select().from(correctionExecutors).where(sql`${orgPath} LIKE ${correctionExecutors.orgPath} || '%'`);
}

function mapped(rows: readonly MappingRow[], officeCode: string, role: string): string | undefined {
  if (!(accountRoles as readonly string[]).includes(role)) return undefined;
  return rows.find((r) => r.role === role && (role === 'county-officer' ? r.orgCode !== officeCode : r.orgCode === officeCode))?.userId;
}

/** The fallback of a measure with no mapped account: the file's responsible staff (the first), else the creator. */
const fallback = (file: FileSeal, createdBy: string): RoutedAssignee => (file.responsible[0] ? { userId: file.responsible[0], by: 'responsible' } : { userId: createdBy, by: 'creator' });

/** What routing reads of a file: its office, whether it is sealed and who is responsible for it. */
type FileSeal = Pick<CaseFile, 'orgCode' | 'restricted' | 'responsible'>;

/** Routes `measures` (ids) of a plan of `file` by the mapping of its office and county. */
export async function routeMeasures(s: ScopedServices, file: FileSeal, orgPath: string, catalogue: Catalogue, measures: readonly string[], createdBy: string): Promise<Record<string, RoutedAssignee>> {
  if (measures.length === 0) return {};
  const rows = await mappingFor(s, orgPath);
  const roles = new Map(catalogue.measures.map((m) => [m.id, m.responsible]));
  const out: Record<string, RoutedAssignee> = {};
  for (const m of measures) {
    const userId = mapped(rows, file.orgCode, roles.get(m) ?? '');
    // A sealed (juvenile) file is seen by its responsible staff only: a mapped account outside them would get tasks it cannot open.
    out[m] = userId && (!file.restricted || file.responsible.includes(userId)) ? { userId, by: 'mapping' } : fallback(file, createdBy);
  }
  return out;
}

export interface ExecutorView {
  role: AccountRole;
  /** Where it is set: the office, or its county for `county-officer`. */
  orgCode: string;
  userId: string;
  displayName: string | null;
  updatedAt: string;
}

/** The mapping that applies to `orgCode` (default the caller's org): its own rows and, for an office, its county's officer. */
export async function listExecutors(s: ScopedServices, input: { orgCode?: string | undefined }): Promise<{ orgCode: string; level: string; roles: AccountRole[]; executors: ExecutorView[] }> {
  const org = await s.orgs.get(input.orgCode ?? s.actor.scope.orgCode);
  const rows = (await mappingFor(s, org.path)).filter((r) => r.orgCode === org.code || r.role === 'county-officer');
  const names = await namesOf(s, rows.map((r) => r.userId));
  return {
    orgCode: org.code,
    level: org.level,
    roles: org.level === 'county' ? ['county-officer'] : org.level === 'office' ? accountRoles.filter((r) => r !== 'county-officer') : [],
    executors: rows.map((r) => ({ role: r.role as AccountRole, orgCode: r.orgCode, userId: r.userId, displayName: names.get(r.userId) ?? null, updatedAt: r.updatedAt.toISOString() })),
  };
}

export interface SetExecutorEnv {
  config: PlansConfig;
  locale: Locale;
  /** Notifies an assignee of each task moved to them (the seed: false). */
  notifyMoved?: (s: ScopedServices, task: typeof correctionTasks.$inferSelect, catalogue: Catalogue) => Promise<void>;
}

/**
 * Sets (or with `userId: null` clears) who carries `role` for `orgCode`, then moves the open tasks
 * of the current plans it concerns. The account must be of that org or of a level above it (as
 * `plan.reassign`); row-level security keeps the write inside the caller's subtree.
 */
export async function setExecutor(
  s: ScopedServices,
  env: SetExecutorEnv,
  input: { orgCode: string; role: AccountRole; userId: string | null },
): Promise<{ executors: ExecutorView[]; moved: { plans: number; tasks: number } }> {
  const org = await s.orgs.get(input.orgCode);
  const level = input.role === 'county-officer' ? 'county' : 'office';
  if (org.level !== level) throw errors.executorWrongLevel(input.role, org.code, org.level, env.locale);
  if (input.userId !== null) {
    const [user] = rowsOf<{ org_path: string }>(await s.db.execute(sql`SELECT org_path FROM sifa_user_org(${input.userId})`));
    if (!user || !org.path.startsWith(user.org_path)) throw errors.executorOutOfReach(input.userId, org.code, env.locale);
  }
  const key = and(eq(correctionExecutors.orgCode, org.code), eq(correctionExecutors.role, input.role));
  const [before] = await s.db.select().from(correctionExecutors).where(key).for('update');
  const now = s.now();
  if (input.userId === null) await s.db.delete(correctionExecutors).where(key);
  else if (before) await s.db.update(correctionExecutors).set({ userId: input.userId, updatedBy: s.actor.userId, updatedAt: now }).where(key);
  else await s.db.insert(correctionExecutors).values({ orgCode: org.code, orgPath: org.path, role: input.role, userId: input.userId, updatedBy: s.actor.userId, createdAt: now, updatedAt: now });

  // The current plans below the org (visible cases only: a sealed file's plan stays with its staff).
  const plans = await s.db
    .select()
    .from(correctionPlans)
    .where(and(eq(correctionPlans.current, true), sql`${correctionPlans.orgPath} LIKE ${org.path} || '%'`, sql`EXISTS (SELECT 1 FROM cases WHERE cases.id = ${correctionPlans.caseId})`));
  let movedPlans = 0;
  let movedTasks = 0;
  const changes: { planId: string | null; caseNumber: string | null; measures: Record<string, { from: string; to: string }>; tasks: number }[] = [];
  for (const row of plans) {
    const catalogue = env.config.planners.get(catalogueKey(row.catalogueId, row.catalogueVersion))?.catalogue;
    if (!catalogue) continue;
    const ofRole = new Set(catalogue.measures.filter((m) => m.responsible === input.role).map((m) => m.id));
    // The plan's measures (the rules' and staff's additions, less staff removals; a plan from before the mapping has no `routed`).
    const removed = new Set(row.overrides.filter((o) => o.action === 'remove').map((o) => o.measureId));
    const inPlan = [...new Set([...row.decision.measures, ...row.overrides.filter((o) => o.action === 'add').map((o) => o.measureId)])].filter((m) => !removed.has(m));
    const concerned = inPlan.filter((m) => ofRole.has(m) && !row.assignees[m]);
    if (concerned.length === 0) continue;
    // Not a read of the file (no read audit entry per plan): its seal and staff are all routing needs.
    const seal = await sealOf(s, row.caseId);
    if (!seal) continue;
    const file = { orgCode: row.orgCode, ...seal };
    const next = await routeMeasures(s, file, row.orgPath, catalogue, concerned, row.createdBy);
    const measures: Record<string, { from: string; to: string }> = {};
    let tasks = 0;
    for (const m of concerned) {
      const to = next[m]!;
      const from = assigneeOf(row, m);
      if (to.userId === from.userId && to.by === from.by) continue;
      measures[m] = { from: from.userId, to: to.userId };
      const moved = await s.db
        .update(correctionTasks)
        .set({ assignee: to.userId, updatedAt: now })
        .where(and(eq(correctionTasks.caseId, row.caseId), eq(correctionTasks.measureId, m), eq(correctionTasks.status, 'open'), sql`${correctionTasks.assignee} <> ${to.userId}`))
        .returning();
      tasks += moved.length;
      if (env.notifyMoved) for (const task of moved) await env.notifyMoved(s, task, catalogue);
    }
    if (Object.keys(measures).length === 0) continue;
    await s.db.update(correctionPlans).set({ routed: { ...row.routed, ...next }, updatedAt: now }).where(eq(correctionPlans.id, row.id));
    // The plan's own trail says its measures moved with the mapping (and how many open tasks).
    await s.audit.record({
      action: 'correction.executors.moved',
      orgCode: row.orgCode,
      // A sealed (juvenile) file's plan: its trail stays out of webhook events, like the file's own.
      sealed: file.restricted,
      entity: 'correction_plans',
      entityId: row.id,
      before: Object.fromEntries(Object.entries(measures).map(([m, c]) => [m, c.from])),
      after: { role: input.role, mapping: `${org.code}:${input.role}`, measures: Object.fromEntries(Object.entries(measures).map(([m, c]) => [m, c.to])), openTasksMoved: tasks },
    });
    movedPlans++;
    movedTasks += tasks;
    // The mapping's own entry is not sealed: it never names a sealed file.
    changes.push({ planId: file.restricted ? null : row.id, caseNumber: file.restricted ? null : row.caseNumber, measures, tasks });
  }
  await s.audit.record({
    action: 'correction.executors.set',
    orgCode: org.code,
    entity: 'correction_executors',
    entityId: `${org.code}:${input.role}`,
    before: { userId: before?.userId ?? null },
    // The open tasks this moved (measures reassigned by hand, done and missed tasks stay).
    after: { role: input.role, userId: input.userId, moved: { plans: movedPlans, tasks: movedTasks, changes } },
  });
  const view = await listExecutors(s, { orgCode: org.code });
  return { executors: view.executors, moved: { plans: movedPlans, tasks: movedTasks } };
}

/** Tasks of plans of `caseIds` whose current plan routes them: for task views (role, assignee's origin). */
export async function currentPlansOf(s: ScopedServices, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return s.db.select().from(correctionPlans).where(and(eq(correctionPlans.current, true), inArray(correctionPlans.caseId, [...caseIds])));
}
