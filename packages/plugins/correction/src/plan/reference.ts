/**
 * The reference interpreter: the catalogue's meaning written as plainly as possible (walk the
 * expression tree for each rule, sort, decide), with none of the compiler's precomputation. Tests
 * and the benchmark hold the compiled planner to it, profile by profile. Slow on purpose.
 */
import { isAll, isAny, isNot, type Catalogue, type Expression, type LeafTest } from './catalogue.js';
import type { ConditionWitness, ExcludedMeasure, Plan, PlannedMeasure, RuleFiring } from './plan.js';
import type { Profile } from './profile.js';

export function evaluateLeaf(leaf: LeafTest, value: unknown): boolean {
  if ('equals' in leaf) return value === leaf.equals;
  if ('in' in leaf) return leaf.in.includes(value as string);
  if ('is' in leaf) return value === leaf.is;
  const x = value as number;
  if ('gt' in leaf) return x > leaf.gt;
  if ('gte' in leaf) return x >= leaf.gte;
  if ('lt' in leaf) return x < leaf.lt;
  if ('lte' in leaf) return x <= leaf.lte;
  return leaf.between[0] <= x && x <= leaf.between[1];
}

export function evaluate(expr: Expression, profile: Profile): boolean {
  if (isAll(expr)) return expr.all.every((e) => evaluate(e, profile));
  if (isAny(expr)) return expr.any.some((e) => evaluate(e, profile));
  if (isNot(expr)) return !evaluate(expr.not, profile);
  return evaluateLeaf(expr, profile[expr.condition]);
}

/** The leaves that make `expr` evaluate to `outcome`, in tree order. */
function witnesses(expr: Expression, profile: Profile, outcome: boolean): ConditionWitness[] {
  if (isNot(expr)) return witnesses(expr.not, profile, !outcome);
  if (isAll(expr) || isAny(expr)) {
    const parts = isAll(expr) ? expr.all : expr.any;
    // `all` true and `any` false need every part; otherwise the parts with that outcome.
    const everyPart = isAll(expr) === outcome;
    return parts.filter((e) => everyPart || evaluate(e, profile) === outcome).flatMap((e) => witnesses(e, profile, outcome));
  }
  return [{ condition: expr.condition, value: profile[expr.condition]!, test: expr, holds: outcome }];
}

export function planByInterpreter(catalogue: Catalogue, profile: Profile): Plan {
  const firings = new Map<string, RuleFiring>();
  for (const rule of catalogue.rules) {
    if (evaluate(rule.when, profile)) firings.set(rule.id, { rule: rule.id, priority: rule.priority, because: witnesses(rule.when, profile, true) });
  }
  const fired = catalogue.rules.filter((r) => firings.has(r.id));
  const ranked = (key: 'adds' | 'excludes', measure: string) =>
    fired
      .map((rule, i) => ({ rule, i }))
      .filter(({ rule }) => rule[key].includes(measure))
      .sort((a, b) => b.rule.priority - a.rule.priority || a.i - b.i)
      .map(({ rule }) => firings.get(rule.id)!);
  const measures: PlannedMeasure[] = [];
  const excluded: ExcludedMeasure[] = [];
  for (const category of catalogue.categories) {
    for (const m of catalogue.measures.filter((x) => x.category === category.id)) {
      const adds = ranked('adds', m.id);
      const excludes = ranked('excludes', m.id);
      if (adds.length === 0 && excludes.length === 0) continue;
      const wins = adds.length > 0 && (excludes.length === 0 || adds[0]!.priority > excludes[0]!.priority);
      if (wins) measures.push({ measure: m.id, category: m.category, chosenBy: adds, overruled: excludes });
      else excluded.push({ measure: m.id, category: m.category, excludedBy: excludes, overruled: adds });
    }
  }
  return { catalogue: { id: catalogue.id, version: catalogue.version }, measures, excluded, fired: fired.map((r) => r.id), overrides: [], removedByStaff: [] };
}
