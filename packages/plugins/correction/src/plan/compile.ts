/**
 * The compiler: turns a catalogue into a planning function, once per catalogue id and version.
 *
 * Closure composition rather than generated source (`new Function`): widgets run under a strict
 * CSP without 'unsafe-eval', and one path for browser and server means one behaviour to test.
 * What is worked out at compile time so that planning is a few array walks:
 * - each expression becomes a predicate closure over the profile, plus two witness closures that
 *   collect the conditions that made it true (or false, under `not`) — only run for fired rules;
 * - each measure's adding and excluding rules as index arrays, sorted by priority (highest first,
 *   catalogue order on ties), so the first fired entry of each list decides the measure;
 * - the measures in plan order (category order, then measure order).
 */
import {
  isAll,
  isAny,
  isNot,
  operatorOf,
  type Catalogue,
  type CatalogueInput,
  type Expression,
  type LeafTest,
} from './catalogue.js';
import type { ConditionWitness, ExcludedMeasure, Plan, PlannedMeasure, RuleFiring } from './plan.js';
import { parseProfile, type Profile } from './profile.js';
import { parseCatalogue } from './validate.js';

/** A compiled catalogue: call it with a valid profile. */
export interface Planner {
  (profile: Profile): Plan;
  readonly catalogue: Catalogue;
  /** Checks untrusted input against the catalogue's profile schema (ProfileError), then plans. */
  parseAndPlan(input: unknown): Plan;
}

type Predicate = (p: Profile) => boolean;
type Witness = (p: Profile, out: ConditionWitness[]) => void;
interface CompiledExpression {
  test: Predicate;
  /** Conditions that make it true (called only when it is). */
  whyTrue: Witness;
  /** Conditions that make it false (called only when it is). */
  whyFalse: Witness;
}

function leafPredicate(leaf: LeafTest): Predicate {
  const key = leaf.condition;
  if ('equals' in leaf) {
    const v = leaf.equals;
    return (p) => p[key] === v;
  }
  if ('in' in leaf) {
    const values = leaf.in;
    if (values.length === 1) {
      const v = values[0];
      return (p) => p[key] === v;
    }
    if (values.length === 2) {
      const [a, b] = values;
      return (p) => {
        const x = p[key];
        return x === a || x === b;
      };
    }
    const set = new Set(values);
    return (p) => set.has(p[key] as string);
  }
  if ('is' in leaf) {
    const v = leaf.is;
    return (p) => p[key] === v;
  }
  if ('gt' in leaf) {
    const n = leaf.gt;
    return (p) => (p[key] as number) > n;
  }
  if ('gte' in leaf) {
    const n = leaf.gte;
    return (p) => (p[key] as number) >= n;
  }
  if ('lt' in leaf) {
    const n = leaf.lt;
    return (p) => (p[key] as number) < n;
  }
  if ('lte' in leaf) {
    const n = leaf.lte;
    return (p) => (p[key] as number) <= n;
  }
  const [lo, hi] = leaf.between;
  return (p) => {
    const x = p[key] as number;
    return x >= lo && x <= hi;
  };
}

export function compileExpression(expr: Expression): CompiledExpression {
  if (isAll(expr) || isAny(expr)) {
    const all = isAll(expr);
    const parts = (all ? expr.all : (expr as { any: Expression[] }).any).map(compileExpression);
    const tests = parts.map((c) => c.test);
    let test: Predicate;
    if (tests.length === 1) test = tests[0]!;
    else if (tests.length === 2) {
      const [a, b] = tests as [Predicate, Predicate];
      test = all ? (p) => a(p) && b(p) : (p) => a(p) || b(p);
    } else if (tests.length === 3) {
      const [a, b, c] = tests as [Predicate, Predicate, Predicate];
      test = all ? (p) => a(p) && b(p) && c(p) : (p) => a(p) || b(p) || c(p);
    } else if (all) {
      test = (p) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(p)) return false;
        return true;
      };
    } else {
      test = (p) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(p)) return true;
        return false;
      };
    }
    // all true: every part explains it; any true: the parts that hold. Symmetric for false.
    const every: Witness = (p, out) => {
      for (const c of parts) (all ? c.whyTrue : c.whyFalse)(p, out);
    };
    const some: (want: boolean) => Witness = (want) => (p, out) => {
      for (const c of parts) if (c.test(p) === want) (want ? c.whyTrue : c.whyFalse)(p, out);
    };
    return all ? { test, whyTrue: every, whyFalse: some(false) } : { test, whyTrue: some(true), whyFalse: every };
  }
  if (isNot(expr)) {
    const inner = compileExpression(expr.not);
    const t = inner.test;
    return { test: (p) => !t(p), whyTrue: inner.whyFalse, whyFalse: inner.whyTrue };
  }
  const leaf = expr;
  const key = leaf.condition;
  operatorOf(leaf); // a leaf without operator was refused by validation; this keeps the compiler honest
  return {
    test: leafPredicate(leaf),
    whyTrue: (p, out) => void out.push({ condition: key, value: p[key]!, test: leaf, holds: true }),
    whyFalse: (p, out) => void out.push({ condition: key, value: p[key]!, test: leaf, holds: false }),
  };
}

const byPriority = (catalogue: Catalogue) => (a: number, b: number) => catalogue.rules[b]!.priority - catalogue.rules[a]!.priority || a - b;

function build(catalogue: Catalogue): Planner {
  const rules = catalogue.rules;
  const ruleCount = rules.length;
  const tests: Predicate[] = [];
  const whys: Witness[] = [];
  for (const rule of rules) {
    const c = compileExpression(rule.when);
    tests.push(c.test);
    whys.push(c.whyTrue);
  }
  const measureIndex = new Map(catalogue.measures.map((m, i) => [m.id, i]));
  const categoryOrder = new Map(catalogue.categories.map((c, i) => [c.id, i]));
  // Plan order: by category, then by the measure's place in the catalogue.
  const order = catalogue.measures
    .map((m, i) => i)
    .sort((a, b) => categoryOrder.get(catalogue.measures[a]!.category)! - categoryOrder.get(catalogue.measures[b]!.category)! || a - b);
  const adders: number[][] = catalogue.measures.map(() => []);
  const excluders: number[][] = catalogue.measures.map(() => []);
  rules.forEach((rule, r) => {
    for (const id of rule.adds) adders[measureIndex.get(id)!]!.push(r);
    for (const id of rule.excludes) excluders[measureIndex.get(id)!]!.push(r);
  });
  const sort = byPriority(catalogue);
  for (const list of [...adders, ...excluders]) list.sort(sort);
  // Only measures some rule names can enter a plan; the rest are skipped outright.
  const named = order.filter((m) => adders[m]!.length > 0 || excluders[m]!.length > 0);
  const priorities = Int32Array.from(rules, (r) => r.priority);
  const ids = catalogue.measures.map((m) => m.id);
  const categories = catalogue.measures.map((m) => m.category);
  const ref = { id: catalogue.id, version: catalogue.version };
  const fired = new Uint8Array(ruleCount);
  const noFirings: readonly RuleFiring[] = Object.freeze([]);

  const planner = ((profile: Profile): Plan => {
    const firedIds: string[] = [];
    for (let r = 0; r < ruleCount; r++) {
      if (tests[r]!(profile)) {
        fired[r] = 1;
        firedIds.push(rules[r]!.id);
      } else fired[r] = 0;
    }
    const firings: (RuleFiring | undefined)[] = new Array(ruleCount);
    const firing = (r: number): RuleFiring => {
      let f = firings[r];
      if (!f) {
        const because: ConditionWitness[] = [];
        whys[r]!(profile, because);
        f = firings[r] = { rule: rules[r]!.id, priority: priorities[r]!, because };
      }
      return f;
    };
    const collect = (list: number[], from: number): RuleFiring[] => {
      const out: RuleFiring[] = [];
      for (let i = from; i < list.length; i++) if (fired[list[i]!]) out.push(firing(list[i]!));
      return out;
    };
    const measures: PlannedMeasure[] = [];
    const excluded: ExcludedMeasure[] = [];
    for (let k = 0; k < named.length; k++) {
      const m = named[k]!;
      const add = adders[m]!;
      const exc = excluders[m]!;
      let a = 0;
      while (a < add.length && !fired[add[a]!]) a++;
      let e = 0;
      while (e < exc.length && !fired[exc[e]!]) e++;
      const added = a < add.length;
      const excludedHere = e < exc.length;
      if (!added && !excludedHere) continue;
      // The highest priority decides; on a tie the exclusion wins.
      if (added && (!excludedHere || priorities[add[a]!]! > priorities[exc[e]!]!)) {
        measures.push({ measure: ids[m]!, category: categories[m]!, chosenBy: collect(add, a), overruled: excludedHere ? collect(exc, e) : noFirings });
      } else {
        excluded.push({ measure: ids[m]!, category: categories[m]!, excludedBy: collect(exc, e), overruled: added ? collect(add, a) : noFirings });
      }
    }
    return { catalogue: ref, measures, excluded, fired: firedIds, overrides: [], removedByStaff: [] };
  }) as Planner;
  Object.defineProperties(planner, {
    catalogue: { value: catalogue, enumerable: true },
    parseAndPlan: { value: (input: unknown) => planner(parseProfile(catalogue, input)), enumerable: true },
  });
  return planner;
}

const cache = new Map<string, { source: unknown; snapshot: string; planner: Planner }>();
const keyOf = (id: string, version: string) => `${id}@${version}`;

/**
 * Validates the catalogue (CatalogueError naming every problem) and compiles it, once per id and
 * version: later calls with the same object, or an identical copy, get the same planner. A
 * catalogue that changed under an existing id and version is refused: publish a new version.
 */
export function compileCatalogue(input: CatalogueInput | Catalogue): Planner {
  const key = keyOf(String(input.id), String(input.version));
  const hit = cache.get(key);
  if (hit && hit.source === input) return hit.planner;
  const catalogue = parseCatalogue(input);
  const snapshot = JSON.stringify(catalogue);
  if (hit) {
    if (hit.snapshot === snapshot) return hit.planner;
    throw new Error(`Catalogue ${key} was compiled before with different content: a changed catalogue needs a new version.`);
  }
  const planner = build(catalogue);
  cache.set(key, { source: input, snapshot, planner });
  return planner;
}

/** The planner compiled for a catalogue id and version, if any (explanations find labels here). */
export function compiledCatalogue(id: string, version: string): Planner | undefined {
  return cache.get(keyOf(id, version))?.planner;
}
