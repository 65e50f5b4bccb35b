/**
 * Staff overrides and plan diffs. A plan is regenerated whenever a person's conditions change
 * (stage, class, employment …); what staff decided by hand (add a measure the rules did not
 * choose, remove one they did, always with a reason) is kept in the plan and applied again to
 * the regenerated plan, and the diff shows both what the rules changed and what staff keep.
 */
import { z } from 'zod';
import { compiledCatalogue, type Planner } from './compile.js';
import type { Catalogue } from './catalogue.js';
import type { Plan, PlannedMeasure, RemovedMeasure, RuleFiring, StaffOverride } from './plan.js';
import type { Profile } from './profile.js';

export const staffOverrideSchema = z.object({
  measureId: z.string().min(1),
  action: z.enum(['add', 'remove']),
  reason: z.string().trim().min(1, { error: 'an override needs a reason' }).max(500),
});

function catalogueOf(plan: Plan, catalogue?: Catalogue): Catalogue {
  if (catalogue) return catalogue;
  const planner = compiledCatalogue(plan.catalogue.id, plan.catalogue.version);
  if (!planner) throw new Error(`Catalogue ${plan.catalogue.id}@${plan.catalogue.version} is not compiled here: pass it.`);
  return planner.catalogue;
}

/**
 * Applies staff overrides to a plan (on top of those it already holds; a later override of the
 * same measure replaces an earlier one). Every override needs a non-empty reason and a measure of
 * the plan's catalogue. Adding a measure the rules excluded is allowed: staff decide, the plan
 * keeps the rules' exclusion on record. Removing a measure not in the plan changes nothing but is
 * kept, so it applies if a later regeneration brings the measure in.
 */
export function applyOverrides(plan: Plan, overrides: readonly StaffOverride[], catalogue?: Catalogue): Plan {
  const cat = catalogueOf(plan, catalogue);
  const measureById = new Map(cat.measures.map((m) => [m.id, m]));
  const parsed = overrides.map((o, i) => {
    const result = staffOverrideSchema.safeParse(o);
    if (!result.success) throw new Error(`overrides[${i}] (${String(o?.measureId)}): ${result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    if (!measureById.has(result.data.measureId)) throw new Error(`overrides[${i}]: unknown measure "${result.data.measureId}" in catalogue ${cat.id}@${cat.version}`);
    return result.data;
  });
  const merged = new Map<string, StaffOverride>();
  for (const o of [...plan.overrides, ...parsed]) {
    merged.delete(o.measureId);
    merged.set(o.measureId, o);
  }
  // The rules' own choice, before any override.
  const byRules = new Map<string, readonly RuleFiring[]>();
  for (const m of plan.measures) if (m.chosenBy.length > 0) byRules.set(m.measure, m.chosenBy);
  for (const m of plan.removedByStaff) byRules.set(m.measure, m.chosenBy);
  const overruledOf = new Map(plan.measures.map((m) => [m.measure, m.overruled]));
  const planned = new Map<string, PlannedMeasure>();
  const removed: RemovedMeasure[] = [];
  const categoryRank = new Map(cat.categories.map((c, i) => [c.id, i]));
  const rank = new Map(cat.measures.map((m, i) => [m.id, categoryRank.get(m.category)! * cat.measures.length + i]));
  for (const [id, chosenBy] of byRules) {
    const staff = merged.get(id);
    const category = measureById.get(id)!.category;
    if (staff?.action === 'remove') removed.push({ measure: id, category, chosenBy, staff });
    else planned.set(id, { measure: id, category, chosenBy, overruled: overruledOf.get(id) ?? [], ...(staff ? { staff } : {}) });
  }
  for (const staff of merged.values()) {
    if (staff.action === 'add' && !planned.has(staff.measureId)) {
      planned.set(staff.measureId, { measure: staff.measureId, category: measureById.get(staff.measureId)!.category, chosenBy: [], overruled: [], staff });
    }
  }
  const inOrder = <T extends { measure: string }>(xs: T[]) => xs.sort((a, b) => rank.get(a.measure)! - rank.get(b.measure)!);
  return { ...plan, measures: inOrder([...planned.values()]), removedByStaff: inOrder(removed), overrides: [...merged.values()] };
}

export interface DiffEntry {
  measure: string;
  category: string;
  /** Who brought the change: the rules (conditions changed) or staff (an override). */
  by: 'rules' | 'staff';
  /** The rules that choose it (added, unchanged: in the new plan; removed: in the old one). */
  chosenBy: readonly RuleFiring[];
  staff?: StaffOverride;
  /** For a removal by the rules: the fired rules that now exclude it (empty: no rule adds it any more). */
  excludedBy?: readonly RuleFiring[];
}

export interface UnchangedEntry {
  measure: string;
  category: string;
  /** The rule ids choosing it differ between the plans (same measure, other reasons). */
  reasonsChanged: boolean;
  staff?: StaffOverride;
}

export interface PlanDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  unchanged: UnchangedEntry[];
  overrides: { kept: StaffOverride[]; added: StaffOverride[]; dropped: StaffOverride[] };
}

const sameOverride = (a: StaffOverride, b: StaffOverride) => a.measureId === b.measureId && a.action === b.action && a.reason === b.reason;

/** What changed from `before` to `after`: measures added, removed, kept, with their reasons. */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const old = new Map(before.measures.map((m) => [m.measure, m]));
  const now = new Map(after.measures.map((m) => [m.measure, m]));
  const removedByStaff = new Map(after.removedByStaff.map((m) => [m.measure, m]));
  const excludedNow = new Map(after.excluded.map((m) => [m.measure, m]));
  const ruleIds = (fs: readonly RuleFiring[]) => fs.map((f) => f.rule).join(' ');
  const diff: PlanDiff = { added: [], removed: [], unchanged: [], overrides: { kept: [], added: [], dropped: [] } };
  for (const m of after.measures) {
    const was = old.get(m.measure);
    if (was) {
      diff.unchanged.push({ measure: m.measure, category: m.category, reasonsChanged: ruleIds(was.chosenBy) !== ruleIds(m.chosenBy), ...(m.staff ? { staff: m.staff } : {}) });
    } else {
      const byStaff = m.chosenBy.length === 0 && m.staff !== undefined;
      diff.added.push({ measure: m.measure, category: m.category, by: byStaff ? 'staff' : 'rules', chosenBy: m.chosenBy, ...(m.staff ? { staff: m.staff } : {}) });
    }
  }
  for (const m of before.measures) {
    if (now.has(m.measure)) continue;
    const staffRemoval = removedByStaff.get(m.measure);
    if (staffRemoval) diff.removed.push({ measure: m.measure, category: m.category, by: 'staff', chosenBy: m.chosenBy, staff: staffRemoval.staff });
    else diff.removed.push({ measure: m.measure, category: m.category, by: 'rules', chosenBy: m.chosenBy, excludedBy: excludedNow.get(m.measure)?.excludedBy ?? [] });
  }
  for (const o of after.overrides) (before.overrides.some((p) => sameOverride(p, o)) ? diff.overrides.kept : diff.overrides.added).push(o);
  for (const o of before.overrides) if (!after.overrides.some((p) => sameOverride(p, o))) diff.overrides.dropped.push(o);
  return diff;
}

/**
 * Plans again for a changed profile and carries the previous plan's overrides over: the new plan
 * and what changed. (`previous` may come from an older catalogue version; its overrides of
 * measures the new catalogue lacks are dropped and show in `diff.overrides.dropped`.)
 */
export function regeneratePlan(planner: Planner, profile: Profile, previous: Plan): { plan: Plan; diff: PlanDiff } {
  const known = new Set(planner.catalogue.measures.map((m) => m.id));
  const plan = applyOverrides(planner(profile), previous.overrides.filter((o) => known.has(o.measureId)), planner.catalogue);
  return { plan, diff: diffPlans(previous, plan) };
}
