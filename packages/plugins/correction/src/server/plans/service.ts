/**
 * Profiles and plans: a person's conditions sealed at rest, plans generated from them with the
 * catalogue engine (`../../plan`), kept reproducible (catalogue id, version and digest, the
 * profile revision and a sealed copy of it, the decision to check a recomputation against),
 * staff overrides with reasons, and re-generation as a preview (the diff, nothing written) then
 * an apply of exactly that preview (by its hash).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { canonicalJson, type CaseFile, type Locale, type LocalizedText, type ScopedServices } from '@sifa/core';
import {
  applyOverrides,
  diffPlans,
  explainMeasure,
  describeWitness,
  parseProfile,
  type Catalogue,
  type Plan,
  type Planner,
  type Profile,
  type RuleFiring,
  type StaffOverride,
} from '../../plan/index.js';
import { correctionCaseType } from '../../case-types.js';
import { correctionPlans, correctionProfiles, type StoredDecision } from '../schema.js';
import { catalogueKey, type PlansConfig } from './options.js';
import { checkConditions, errors, roleText } from './texts.js';
import { assigneeOf, namesOf, overseenRoles, routeMeasures, type AssignedBy } from './executors.js';

export const CASE_TYPE = 'correction.case';
/** The steps that take a person off the roll (to a closed state of the file: release, end). */
export const closingTransitions = correctionCaseType.transitions
  .filter((tr) => correctionCaseType.states.some((st) => st.code === tr.to && 'closed' in st && st.closed))
  .map((tr) => tr.code);

export type PlanRow = typeof correctionPlans.$inferSelect;
export type ProfileRow = typeof correctionProfiles.$inferSelect;

export interface Env {
  config: PlansConfig;
  locale: Locale;
  /** Whom a first plan (and its tasks) belongs to; default the caller (the demo seed names the office's staff). */
  owner?: string;
  /** Today in the plugin's time zone. */
  today: string;
  /** false: tasks made or reassigned are not notified (the demo seed writes history, not news). */
  notify?: boolean;
}

/** The case, or NOT_FOUND outside the caller's scope (the casework engine checks). */
export const caseOf = (s: ScopedServices, caseId: string): Promise<CaseFile> => s.cases.get(CASE_TYPE, caseId);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const digests = new WeakMap<Catalogue, string>();
export function catalogueDigest(catalogue: Catalogue): string {
  let d = digests.get(catalogue);
  if (!d) digests.set(catalogue, (d = sha256(canonicalJson(catalogue))));
  return d;
}

const seal = (s: ScopedServices, profile: Profile) => s.personalData.seal(JSON.stringify(profile));
const unseal = (s: ScopedServices, sealed: Uint8Array) => JSON.parse(s.personalData.open(sealed)) as Record<string, unknown>;


// ── Profiles ────────────────────────────────────────────────────────────────────────────────

export interface ProfileView {
  caseId: string;
  /** 0: no profile yet. */
  revision: number;
  catalogue: { id: string; version: string };
  /** Null for a reader outside the owning office (personal data) or when there is no profile. */
  conditions: Record<string, unknown> | null;
  masked: boolean;
  updatedAt: string | null;
}

async function profileRow(s: ScopedServices, caseId: string, lock = false): Promise<ProfileRow | undefined> {
  const q = s.db.select().from(correctionProfiles).where(eq(correctionProfiles.caseId, caseId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function getProfile(s: ScopedServices, env: Env, input: { caseId: string }): Promise<ProfileView> {
  const file = await caseOf(s, input.caseId);
  const row = await profileRow(s, input.caseId);
  const cat = env.config.current().catalogue;
  if (!row) return { caseId: input.caseId, revision: 0, catalogue: { id: cat.id, version: cat.version }, conditions: null, masked: file.masked, updatedAt: null };
  return {
    caseId: input.caseId,
    revision: row.revision,
    catalogue: { id: row.catalogueId, version: row.catalogueVersion },
    conditions: file.masked ? null : unseal(s, row.sealed),
    masked: file.masked,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function setProfile(s: ScopedServices, env: Env, input: { caseId: string; revision: number; conditions: Record<string, unknown> }): Promise<ProfileView> {
  const file = await caseOf(s, input.caseId);
  // Above the owning office the values are masked: who cannot read them does not overwrite them.
  if (file.masked) throw errors.profileNotYours();
  const planner = env.config.current();
  checkConditions(planner.catalogue, input.conditions, env.locale);
  const profile = parseProfile(planner.catalogue, input.conditions);
  const row = await profileRow(s, input.caseId, true);
  const current = row?.revision ?? 0;
  if (input.revision !== current) throw errors.profileRevision(input.caseId, input.revision, current);
  const now = s.now();
  const values = { catalogueId: planner.catalogue.id, catalogueVersion: planner.catalogue.version, revision: current + 1, sealed: seal(s, profile), updatedBy: s.actor.userId, updatedAt: now };
  if (row) await s.db.update(correctionProfiles).set(values).where(eq(correctionProfiles.caseId, input.caseId));
  else {
    const org = await s.orgs.get(file.orgCode);
    await s.db.insert(correctionProfiles).values({ caseId: input.caseId, orgCode: file.orgCode, orgPath: org.path, createdAt: now, ...values });
  }
  // Only the revision goes to the audit log: its digests of the values would be of personal data.
  await s.audit.record({ action: 'correction.profile.set', orgCode: file.orgCode, sealed: file.restricted, entity: 'correction_profiles', entityId: input.caseId, before: { revision: current }, after: { revision: current + 1 } });
  return getProfile(s, env, { caseId: input.caseId });
}

// ── Plans: reproduce, view ──────────────────────────────────────────────────────────────────

export const decisionOf = (plan: Plan): StoredDecision => ({
  measures: plan.measures.filter((m) => m.chosenBy.length > 0).map((m) => m.measure),
  excluded: plan.excluded.map((m) => m.measure),
  fired: [...plan.fired],
});

/** The stored plan recomputed from its sealed profile under its own catalogue version, checked, with its overrides. */
export function reproduce(s: ScopedServices, config: PlansConfig, row: PlanRow): { plan: Plan; planner: Planner; profile: Profile } {
  const key = catalogueKey(row.catalogueId, row.catalogueVersion);
  const planner = config.planners.get(key);
  if (!planner) throw errors.notReproducible(row.id, key, 'catalogue version not listed');
  if (catalogueDigest(planner.catalogue) !== row.catalogueDigest) throw errors.notReproducible(row.id, key, 'catalogue content changed under the same version');
  const profile = parseProfile(planner.catalogue, unseal(s, row.profileSealed));
  const fresh = planner(profile);
  if (canonicalJson(decisionOf(fresh)) !== canonicalJson(row.decision)) throw errors.notReproducible(row.id, key, 'recomputed decision differs');
  return { plan: applyOverrides(fresh, row.overrides, planner.catalogue), planner, profile };
}

type Text = Required<LocalizedText>;
const texts = (f: (lang: 'zh-CN' | 'en' | 'mn') => string): Text => ({ zh: f('zh-CN'), en: f('en'), mn: f('mn') });

export interface ReasonView {
  rule: string;
  priority: number;
  label: Text;
  /** The conditions that made the rule fire; empty for a reader outside the owning office. */
  because: { condition: string; label: Text; value: unknown; holds: boolean; text: Text }[];
}

export interface PlanMeasureView {
  measure: string;
  category: string;
  label: Text;
  categoryLabel: Text;
  kind: string;
  frequency: unknown;
  /** The catalogue's role that carries the measure out. */
  responsible: string;
  roleLabel: Text;
  /** The user whose tasks they are: by hand, the mapped account of the role, else the file's responsible staff, else the creator. */
  assignee: string;
  /** Their display name (null: not an account the caller can see, e.g. an embed user). */
  assigneeName: string | null;
  assignedBy: AssignedBy;
  /** A role no account carries (team member, volunteer, family member): the assignee arranges and oversees it. */
  overseen: boolean;
  chosenBy: ReasonView[];
  overruled: ReasonView[];
  staff: StaffOverride | null;
  /** The engine's sentence (explain.ts); null for a reader outside the owning office. */
  explanation: Text | null;
}

export interface PlanView {
  id: string;
  caseId: string;
  caseNumber: string;
  current: boolean;
  revision: number;
  catalogue: { id: string; version: string; demo: boolean; title: Text };
  profileRevision: number;
  /** The profile changed since: preview and apply a re-generation. */
  profileChanged: boolean;
  /** Recomputed from the stored profile and catalogue version, and found identical. */
  reproduced: true;
  masked: boolean;
  measures: PlanMeasureView[];
  excluded: { measure: string; label: Text; excludedBy: ReasonView[] }[];
  removedByStaff: { measure: string; label: Text; staff: StaffOverride }[];
  overrides: StaffOverride[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

function assigned(row: PlanRow, measure: string, names: ReadonlyMap<string, string>) {
  const a = assigneeOf(row, measure);
  return { assignee: a.userId, assigneeName: names.get(a.userId) ?? null, assignedBy: a.by };
}

function reasonsView(catalogue: Catalogue, firings: readonly RuleFiring[], masked: boolean): ReasonView[] {
  const rules = new Map(catalogue.rules.map((r) => [r.id, r]));
  const conditions = new Map(catalogue.conditions.map((c) => [c.id, c]));
  return firings.map((f) => ({
    rule: f.rule,
    priority: f.priority,
    label: rules.get(f.rule)!.label as Text,
    because: masked
      ? []
      : f.because.map((w) => ({ condition: w.condition, label: conditions.get(w.condition)!.label as Text, value: w.value, holds: w.holds, text: texts((lang) => describeWitness(catalogue, w, lang)) })),
  }));
}

/** The plan's view with its assignees' display names. */
export async function planViewOf(s: ScopedServices, row: PlanRow, plan: Plan, catalogue: Catalogue, profileRevision: number | null, masked: boolean): Promise<PlanView> {
  const names = await namesOf(s, plan.measures.map((m) => assigneeOf(row, m.measure).userId));
  return planView(row, plan, catalogue, profileRevision, masked, names);
}

export function planView(row: PlanRow, plan: Plan, catalogue: Catalogue, profileRevision: number | null, masked: boolean, names: ReadonlyMap<string, string> = new Map()): PlanView {
  const measures = new Map(catalogue.measures.map((m) => [m.id, m]));
  const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    current: row.current,
    revision: row.revision,
    catalogue: { id: catalogue.id, version: catalogue.version, demo: catalogue.demo, title: catalogue.title as Text },
    profileRevision: row.profileRevision,
    profileChanged: profileRevision !== null && profileRevision !== row.profileRevision,
    reproduced: true,
    masked,
    measures: plan.measures.map((m) => {
      const def = measures.get(m.measure)!;
      return {
        measure: m.measure,
        category: m.category,
        label: def.label as Text,
        categoryLabel: categories.get(m.category)!.label as Text,
        kind: def.kind,
        frequency: def.frequency,
        responsible: def.responsible,
        roleLabel: roleText[def.responsible]!,
        ...assigned(row, m.measure, names),
        overseen: overseenRoles.includes(def.responsible),
        chosenBy: reasonsView(catalogue, m.chosenBy, masked),
        overruled: reasonsView(catalogue, m.overruled, masked),
        staff: m.staff ?? null,
        explanation: masked ? null : texts((lang) => explainMeasure(plan, m.measure, lang, catalogue)),
      };
    }),
    excluded: plan.excluded.map((m) => ({ measure: m.measure, label: measures.get(m.measure)!.label as Text, excludedBy: reasonsView(catalogue, m.excludedBy, masked) })),
    removedByStaff: plan.removedByStaff.map((m) => ({ measure: m.measure, label: measures.get(m.measure)!.label as Text, staff: m.staff })),
    overrides: [...plan.overrides],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function currentPlanRow(s: ScopedServices, caseId: string, lock = false): Promise<PlanRow | undefined> {
  const q = s.db.select().from(correctionPlans).where(and(eq(correctionPlans.caseId, caseId), eq(correctionPlans.current, true)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function getPlan(s: ScopedServices, env: Env, input: { caseId: string; planId?: string | undefined }): Promise<PlanView> {
  const file = await caseOf(s, input.caseId);
  const [row] = input.planId
    ? await s.db.select().from(correctionPlans).where(and(eq(correctionPlans.id, input.planId), eq(correctionPlans.caseId, input.caseId)))
    : await s.db.select().from(correctionPlans).where(and(eq(correctionPlans.caseId, input.caseId), eq(correctionPlans.current, true)));
  if (!row) throw errors.planMissing(input.caseId);
  const { plan, planner } = reproduce(s, env.config, row);
  const profile = await profileRow(s, input.caseId);
  return planViewOf(s, row, plan, planner.catalogue, profile?.revision ?? null, file.masked);
}

export async function planHistory(s: ScopedServices, input: { caseId: string }) {
  await caseOf(s, input.caseId);
  const rows = await s.db.select().from(correctionPlans).where(eq(correctionPlans.caseId, input.caseId)).orderBy(desc(correctionPlans.createdAt));
  return rows.map((r) => ({ id: r.id, current: r.current, catalogue: { id: r.catalogueId, version: r.catalogueVersion }, profileRevision: r.profileRevision, revision: r.revision, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy }));
}

// ── Generate, preview, apply ────────────────────────────────────────────────────────────────

interface Regeneration {
  previous: PlanRow | undefined;
  profileRow: ProfileRow;
  profile: Profile;
  planner: Planner;
  fresh: Plan;
  plan: Plan;
  hash: string;
}

/**
 * The plan the current catalogue makes of the current profile, with the previous plan's staff
 * overrides where still meaningful: of measures the catalogue still has, and an addition only
 * while the rules do not choose the measure themselves (then it is dropped, shown in the diff).
 */
async function regenerate(s: ScopedServices, env: Env, caseId: string, lock: boolean): Promise<Regeneration & { previousPlan: Plan | undefined }> {
  const profileRowNow = await profileRow(s, caseId, lock);
  if (!profileRowNow) throw errors.profileMissing(caseId);
  const planner = env.config.current();
  const profile = parseProfile(planner.catalogue, unseal(s, profileRowNow.sealed));
  const previous = await currentPlanRow(s, caseId, lock);
  const previousPlan = previous ? reproduce(s, env.config, previous).plan : undefined;
  const fresh = planner(profile);
  const known = new Set(planner.catalogue.measures.map((m) => m.id));
  const byRules = new Set(fresh.measures.map((m) => m.measure));
  const kept = (previousPlan?.overrides ?? []).filter((o) => known.has(o.measureId) && !(o.action === 'add' && byRules.has(o.measureId)));
  const plan = applyOverrides(fresh, kept, planner.catalogue);
  const hash = sha256(
    canonicalJson({
      previous: previous ? { id: previous.id, revision: previous.revision } : null,
      profileRevision: profileRowNow.revision,
      catalogue: catalogueKey(planner.catalogue.id, planner.catalogue.version),
      digest: catalogueDigest(planner.catalogue),
      decision: decisionOf(fresh),
      overrides: plan.overrides,
    }),
  ).slice(0, 32);
  return { previous, profileRow: profileRowNow, profile, planner, fresh, plan, hash, previousPlan };
}

export interface DiffView {
  added: { measure: string; label: Text; by: 'rules' | 'staff'; rules: string[]; staff: StaffOverride | null }[];
  removed: { measure: string; label: Text; by: 'rules' | 'staff'; rules: string[]; excludedBy: string[]; staff: StaffOverride | null }[];
  unchanged: { measure: string; reasonsChanged: boolean }[];
  overrides: { kept: StaffOverride[]; added: StaffOverride[]; dropped: StaffOverride[] };
}

export interface PreviewView {
  caseId: string;
  /** Pass it to `plan.apply`: it names exactly this re-generation. */
  hash: string;
  from: { planId: string; revision: number; catalogue: string; profileRevision: number } | null;
  to: { catalogue: string; profileRevision: number };
  changed: boolean;
  diff: DiffView;
}

function diffView(previous: Plan | undefined, next: Plan, catalogue: Catalogue, oldCatalogue: Catalogue | undefined): DiffView {
  const empty: Plan = { catalogue: next.catalogue, measures: [], excluded: [], fired: [], overrides: [], removedByStaff: [] };
  const d = diffPlans(previous ?? empty, next);
  const labelOf = (id: string) => ((catalogue.measures.find((m) => m.id === id) ?? oldCatalogue?.measures.find((m) => m.id === id))?.label ?? { zh: id, en: id, mn: id }) as Text;
  return {
    added: d.added.map((e) => ({ measure: e.measure, label: labelOf(e.measure), by: e.by, rules: e.chosenBy.map((f) => f.rule), staff: e.staff ?? null })),
    removed: d.removed.map((e) => ({ measure: e.measure, label: labelOf(e.measure), by: e.by, rules: e.chosenBy.map((f) => f.rule), excludedBy: (e.excludedBy ?? []).map((f) => f.rule), staff: e.staff ?? null })),
    unchanged: d.unchanged.map((e) => ({ measure: e.measure, reasonsChanged: e.reasonsChanged })),
    overrides: d.overrides,
  };
}

function previewOf(caseId: string, r: Regeneration & { previousPlan: Plan | undefined }, config: PlansConfig): PreviewView {
  const oldCatalogue = r.previous ? config.planners.get(catalogueKey(r.previous.catalogueId, r.previous.catalogueVersion))?.catalogue : undefined;
  const diff = diffView(r.previousPlan, r.plan, r.planner.catalogue, oldCatalogue);
  const changed = !r.previous || diff.added.length + diff.removed.length > 0 || diff.overrides.dropped.length > 0 || r.previous.profileRevision !== r.profileRow.revision || r.previous.catalogueVersion !== r.planner.catalogue.version;
  return {
    caseId,
    hash: r.hash,
    from: r.previous ? { planId: r.previous.id, revision: r.previous.revision, catalogue: catalogueKey(r.previous.catalogueId, r.previous.catalogueVersion), profileRevision: r.previous.profileRevision } : null,
    to: { catalogue: catalogueKey(r.planner.catalogue.id, r.planner.catalogue.version), profileRevision: r.profileRow.revision },
    changed,
    diff,
  };
}

export async function previewPlan(s: ScopedServices, env: Env, input: { caseId: string }): Promise<PreviewView> {
  await caseOf(s, input.caseId);
  return previewOf(input.caseId, await regenerate(s, env, input.caseId, false), env.config);
}

/** Hook run after a plan is stored (tasks follow it): the new row and the plan with overrides. */
export type AfterPlanChange = (s: ScopedServices, env: Env, row: PlanRow, plan: Plan, catalogue: Catalogue) => Promise<void>;

async function storePlan(s: ScopedServices, env: Env, file: CaseFile, r: Regeneration, afterChange: AfterPlanChange): Promise<PlanRow> {
  const now = s.now();
  if (r.previous) await s.db.update(correctionPlans).set({ current: false, updatedAt: now }).where(eq(correctionPlans.id, r.previous.id));
  const measures = new Set(r.plan.measures.map((m) => m.measure));
  const assignees = Object.fromEntries(Object.entries(r.previous?.assignees ?? {}).filter(([m]) => measures.has(m)));
  const org = await s.orgs.get(file.orgCode);
  const createdBy = r.previous?.createdBy ?? env.owner ?? s.actor.userId;
  // Every measure not reassigned by hand goes to its role's mapped account, else the file's staff, else the creator.
  const routed = await routeMeasures(s, file, org.path, r.planner.catalogue, [...measures].filter((m) => !assignees[m]), createdBy);
  const [row] = await s.db
    .insert(correctionPlans)
    .values({
      caseId: file.id,
      orgCode: file.orgCode,
      orgPath: org.path,
      caseNumber: file.number,
      current: true,
      catalogueId: r.planner.catalogue.id,
      catalogueVersion: r.planner.catalogue.version,
      catalogueDigest: catalogueDigest(r.planner.catalogue),
      profileRevision: r.profileRow.revision,
      profileSealed: r.profileRow.sealed,
      decision: decisionOf(r.fresh),
      overrides: [...r.plan.overrides],
      assignees,
      routed,
      revision: 1,
      createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await s.audit.record({
    action: r.previous ? 'correction.plan.apply' : 'correction.plan.generate',
    orgCode: file.orgCode,
    sealed: file.restricted,
    entity: 'correction_plans',
    entityId: row!.id,
    before: r.previous ? { planId: r.previous.id, decision: r.previous.decision, overrides: r.previous.overrides } : undefined,
    after: { decision: row!.decision, overrides: row!.overrides, catalogue: catalogueKey(row!.catalogueId, row!.catalogueVersion), assignees: row!.assignees, routed },
  });
  await afterChange(s, env, row!, r.plan, r.planner.catalogue);
  return row!;
}

/** One click: a plan from the current profile under the current catalogue (a first plan, or a new one carrying the overrides). */
export async function generatePlan(s: ScopedServices, env: Env, input: { caseId: string }, afterChange: AfterPlanChange): Promise<PlanView> {
  const file = await caseOf(s, input.caseId);
  const r = await regenerate(s, env, input.caseId, true);
  const row = await storePlan(s, env, file, r, afterChange);
  return planViewOf(s, row, r.plan, r.planner.catalogue, r.profileRow.revision, file.masked);
}

/** Applies exactly the re-generation `plan.preview` showed (its hash), else previewStale. */
export async function applyPlan(s: ScopedServices, env: Env, input: { caseId: string; hash: string }, afterChange: AfterPlanChange): Promise<PlanView> {
  const file = await caseOf(s, input.caseId);
  const r = await regenerate(s, env, input.caseId, true);
  if (!r.previous) throw errors.planMissing(input.caseId);
  if (r.hash !== input.hash) throw errors.previewStale(input.caseId, input.hash, r.hash);
  const row = await storePlan(s, env, file, r, afterChange);
  return planViewOf(s, row, r.plan, r.planner.catalogue, r.profileRow.revision, file.masked);
}

// ── Overrides, reassignment ─────────────────────────────────────────────────────────────────

async function lockedPlan(s: ScopedServices, caseId: string, revision: number): Promise<PlanRow> {
  const row = await currentPlanRow(s, caseId, true);
  if (!row) throw errors.planMissing(caseId);
  if (row.revision !== revision) throw errors.planRevision(row.id, revision, row.revision);
  return row;
}

/** Adds an override (add or remove a measure, with a reason) or, with `action: 'clear'`, withdraws the one on that measure (a reason too). */
export async function overridePlan(
  s: ScopedServices,
  env: Env,
  input: { caseId: string; revision: number; measureId: string; action: 'add' | 'remove' | 'clear'; reason: string },
  afterChange: AfterPlanChange,
): Promise<PlanView> {
  const file = await caseOf(s, input.caseId);
  const row = await lockedPlan(s, input.caseId, input.revision);
  const { plan: before, planner } = reproduce(s, env.config, row);
  const catalogue = planner.catalogue;
  if (!catalogue.measures.some((m) => m.id === input.measureId)) throw errors.unknownMeasure(input.measureId, catalogueKey(catalogue.id, catalogue.version));
  const overrides =
    input.action === 'clear'
      ? row.overrides.filter((o) => o.measureId !== input.measureId)
      : [...row.overrides.filter((o) => o.measureId !== input.measureId), { measureId: input.measureId, action: input.action, reason: input.reason }];
  const now = s.now();
  // A measure staff add is routed like the others (a measure routed before keeps its assignee).
  const { plan: after } = reproduce(s, env.config, { ...row, overrides });
  const unrouted = after.measures.map((m) => m.measure).filter((m) => !row.assignees[m] && !row.routed[m]);
  const routed = { ...row.routed, ...(await routeMeasures(s, file, row.orgPath, catalogue, unrouted, row.createdBy)) };
  const [updated] = await s.db.update(correctionPlans).set({ overrides, routed, revision: row.revision + 1, updatedAt: now }).where(eq(correctionPlans.id, row.id)).returning();
  await s.audit.record({
    action: `correction.plan.override.${input.action}`,
    orgCode: file.orgCode,
    sealed: file.restricted,
    entity: 'correction_plans',
    entityId: row.id,
    before: { overrides: before.overrides },
    after: { measureId: input.measureId, action: input.action, reason: input.reason },
  });
  const { plan } = reproduce(s, env.config, updated!);
  await afterChange(s, env, updated!, plan, catalogue);
  const profile = await profileRow(s, input.caseId);
  return planViewOf(s, updated!, plan, catalogue, profile?.revision ?? null, file.masked);
}

/** Staff choose the user responsible for a measure's tasks by hand (wins over the executors mapping); open tasks move too. */
export async function reassignMeasure(
  s: ScopedServices,
  env: Env,
  input: { caseId: string; revision: number; measureId: string; userId: string },
  afterChange: AfterPlanChange,
): Promise<PlanView> {
  const file = await caseOf(s, input.caseId);
  const row = await lockedPlan(s, input.caseId, input.revision);
  const { plan, planner } = reproduce(s, env.config, row);
  if (!plan.measures.some((m) => m.measure === input.measureId)) throw errors.unknownMeasure(input.measureId, catalogueKey(row.catalogueId, row.catalogueVersion));
  // The user must work at the person's office or above it (their tasks' notifications must reach them).
  const [user] = rowsOf<{ org_path: string }>(await s.db.execute(sql`SELECT org_path FROM sifa_user_org(${input.userId})`));
  if (!user || !row.orgPath.startsWith(user.org_path)) throw errors.assigneeOutOfReach(input.userId, env.locale);
  const [updated] = await s.db
    .update(correctionPlans)
    .set({ assignees: { ...row.assignees, [input.measureId]: input.userId }, revision: row.revision + 1, updatedAt: s.now() })
    .where(eq(correctionPlans.id, row.id))
    .returning();
  await s.audit.record({ action: 'correction.plan.reassign', orgCode: file.orgCode, sealed: file.restricted, entity: 'correction_plans', entityId: row.id, before: { assignee: assigneeOf(row, input.measureId).userId }, after: { measureId: input.measureId, userId: input.userId } });
  await afterChange(s, env, updated!, plan, planner.catalogue);
  const profile = await profileRow(s, input.caseId);
  return planViewOf(s, updated!, plan, planner.catalogue, profile?.revision ?? null, file.masked);
}
