/**
 * The compiler: turns a catalogue into a planning function, once per catalogue id and version.
 *
 * Rule tests run one of two ways, with the same results (tests hold both to the reference
 * interpreter): generated code (one straight-line function from `new Function`: constant property
 * names, no calls), or composed closures where the host refuses eval — widgets run under a strict
 * CSP without 'unsafe-eval'. 'auto' tries the first and falls back to the second.
 * What is worked out at compile time so that planning is a few array walks:
 * - each expression's predicate, plus witness closures that collect the conditions that made it
 *   true (or false, under `not`) — only run for fired rules;
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
  type ConditionValue,
  type LeafTest,
} from './catalogue.js';
import type { ConditionWitness, ExcludedMeasure, Plan, PlannedMeasure, RuleFiring } from './plan.js';
import { parseProfile, type Profile } from './profile.js';
import { parseCatalogue } from './validate.js';

/** A compiled catalogue: call it with a valid profile. */
export interface Planner {
  (profile: Profile): Plan;
  readonly catalogue: Catalogue;
  /** How its rule tests run here: generated code, or composed closures (under a CSP without 'unsafe-eval'). */
  readonly evaluation: 'generated' | 'closures';
  /** The plan's decision alone (measure ids, excluded ids, fired rule ids), without reasons: the fast path for bulk checks. */
  decide(profile: Profile): PlanDecision;
  /** Checks untrusted input against the catalogue's profile schema (ProfileError), then plans. */
  parseAndPlan(input: unknown): Plan;
}

/** The profile's values in condition order, read once per plan (profiles may be dictionary-mode objects). */
type Values = ConditionValue[];
type Predicate = (v: Values) => boolean;
type Witness = (v: Values, out: ConditionWitness[]) => void;
interface CompiledExpression {
  test: Predicate;
  /** Conditions that make it true (called only when it is). */
  whyTrue: Witness;
  /** Conditions that make it false (called only when it is). */
  whyFalse: Witness;
}

function leafPredicate(leaf: LeafTest, key: number): Predicate {
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

/** Interned witnesses: one frozen object per leaf and value (bounded), shared by every plan. */
const MEMO_LIMIT = 1024;
function witnessMaker(condition: string, leaf: LeafTest, holds: boolean): (value: ConditionValue) => ConditionWitness {
  const memo = new Map<ConditionValue, ConditionWitness>();
  return (value) => {
    let w = memo.get(value);
    if (!w) {
      w = Object.freeze({ condition, value, test: leaf, holds });
      if (memo.size < MEMO_LIMIT) memo.set(value, w);
    }
    return w;
  };
}

export function compileExpression(expr: Expression, slot: (condition: string) => number): CompiledExpression {
  if (isAll(expr) || isAny(expr)) {
    const all = isAll(expr);
    const parts = (all ? expr.all : (expr as { any: Expression[] }).any).map((e) => compileExpression(e, slot));
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
    const inner = compileExpression(expr.not, slot);
    const t = inner.test;
    return { test: (p) => !t(p), whyTrue: inner.whyFalse, whyFalse: inner.whyTrue };
  }
  const leaf = expr;
  const key = slot(leaf.condition);
  operatorOf(leaf); // a leaf without operator was refused by validation; this keeps the compiler honest
  const yes = witnessMaker(leaf.condition, leaf, true);
  const no = witnessMaker(leaf.condition, leaf, false);
  return {
    test: leafPredicate(leaf, key),
    whyTrue: (v, out) => void out.push(yes(v[key]!)),
    whyFalse: (v, out) => void out.push(no(v[key]!)),
  };
}

const conditionsIn = (e: Expression): string[] =>
  isAll(e) ? e.all.flatMap(conditionsIn) : isAny(e) ? e.any.flatMap(conditionsIn) : isNot(e) ? conditionsIn(e.not) : [e.condition];

const byPriority = (catalogue: Catalogue) => (a: number, b: number) => catalogue.rules[b]!.priority - catalogue.rules[a]!.priority || a - b;

type Evaluator = (profile: Profile) => void;

/** What `Planner.decide` returns: a plan's ids, in plan order. */
export interface PlanDecision {
  measures: string[];
  excluded: string[];
  fired: string[];
}

/** A rule condition as a JavaScript expression over the locals v0…vN (literals JSON-encoded). */
function expressionSource(e: Expression, slot: (condition: string) => number): string {
  if (isAll(e)) return `(${e.all.map((x) => expressionSource(x, slot)).join(' && ')})`;
  if (isAny(e)) return `(${e.any.map((x) => expressionSource(x, slot)).join(' || ')})`;
  if (isNot(e)) return `!${expressionSource(e.not, slot)}`;
  const v = `v${slot(e.condition)}`;
  const lit = (x: unknown) => {
    const text = JSON.stringify(x);
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Error('non-finite threshold');
    return text;
  };
  if ('equals' in e) return `(${v} === ${lit(e.equals)})`;
  if ('in' in e) return `(${e.in.map((x) => `${v} === ${lit(x)}`).join(' || ')})`;
  if ('is' in e) return `(${v} === ${lit(e.is)})`;
  if ('gt' in e) return `(${v} > ${lit(e.gt)})`;
  if ('gte' in e) return `(${v} >= ${lit(e.gte)})`;
  if ('lt' in e) return `(${v} < ${lit(e.lt)})`;
  if ('lte' in e) return `(${v} <= ${lit(e.lte)})`;
  return `(${v} >= ${lit(e.between[0])} && ${v} <= ${lit(e.between[1])})`;
}

/**
 * The rule tests as one generated function (constant property names, straight-line code, no
 * calls), or undefined where `new Function` is refused (a CSP without 'unsafe-eval'). The
 * closures do the same work; tests hold both to the reference interpreter.
 */
function generateEvaluator(catalogue: Catalogue, slot: (condition: string) => number, values: ConditionValue[], fired: Uint8Array): Evaluator | undefined {
  const lines = catalogue.conditions.map((c, i) => `const v${i} = p[${JSON.stringify(c.id)}]; values[${i}] = v${i};`);
  catalogue.rules.forEach((rule, r) => lines.push(`fired[${r}] = ${expressionSource(rule.when, slot)} ? 1 : 0;`));
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function('values', 'fired', `"use strict"; return function evaluate(p) {\n${lines.join('\n')}\n};`) as (v: ConditionValue[], f: Uint8Array) => Evaluator;
    return factory(values, fired);
  } catch {
    return undefined;
  }
}

/** How rule tests run: 'auto' generates code where allowed and composes closures elsewhere. */
export type Evaluation = 'auto' | 'generated' | 'closures';

function build(catalogue: Catalogue, evaluation: Evaluation): Planner {
  const rules = catalogue.rules;
  const ruleCount = rules.length;
  const conditionIds = catalogue.conditions.map((c) => c.id);
  const slotOf = new Map(conditionIds.map((id, i) => [id, i]));
  const slot = (id: string) => slotOf.get(id)!;
  const tests: Predicate[] = [];
  const whys: Witness[] = [];
  for (const rule of rules) {
    const c = compileExpression(rule.when, slot);
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
  const ruleIds = rules.map((r) => r.id);
  const ids = catalogue.measures.map((m) => m.id);
  // Where each measure sits in a rule's adds + excludes (the interned firing's `alone` slots).
  const ruleMeasureCount = rules.map((r) => r.adds.length + r.excludes.length);
  const placeIn = rules.map((r) => {
    const place = new Int16Array(ids.length).fill(-1);
    [...r.adds, ...r.excludes].forEach((id, i) => (place[measureIndex.get(id)!] = i));
    return place;
  });
  const categories = catalogue.measures.map((m) => m.category);
  const ref = Object.freeze({ id: catalogue.id, version: catalogue.version });
  const noFirings: readonly RuleFiring[] = Object.freeze([]);
  const noOverrides: readonly never[] = Object.freeze([]);

  /*
   * Interning: plans are immutable values, so parts that repeat from plan to plan are built once
   * and shared (frozen). A firing whose reasons are the same witness objects as a cached one is
   * that object; a measure chosen (or excluded) by one firing alone is one object per firing.
   * Caches are bounded (MEMO_LIMIT), past that parts are simply built per plan.
   */
  interface Interned {
    firing: RuleFiring;
    /** Measures chosen (or excluded) by this firing alone, by place in the rule's adds + excludes (null: not interned). */
    alone: (PlannedMeasure | ExcludedMeasure | undefined)[] | null;
  }
  // A rule's reasons depend only on the values of the conditions it reads: that is the key.
  const readsOf = rules.map((rule) => [...new Set(conditionsIn(rule.when))].map(slot));
  const firingMemo: Map<ConditionValue, Interned>[] = rules.map(() => new Map());
  // Multi-condition keys as one number where every condition read has a small finite domain
  // (booleans, enum options, bounded whole numbers): no string built per lookup.
  const codeOf: ((v: ConditionValue) => number)[] = catalogue.conditions.map((c) => {
    if (c.kind === 'boolean') return (v) => (v === true ? 1 : v === false ? 0 : -1);
    if (c.kind === 'enum') {
      const index = new Map<ConditionValue, number>(c.options.map((o, i) => [o.value, i]));
      return (v) => index.get(v) ?? -1;
    }
    const { min, max } = c;
    if (c.integer && min !== undefined && max !== undefined) return (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) - min : -1);
    return () => -1;
  });
  const radixOf = catalogue.conditions.map((c) =>
    c.kind === 'boolean' ? 2 : c.kind === 'enum' ? c.options.length : c.integer && c.min !== undefined && c.max !== undefined ? c.max - c.min + 1 : Infinity,
  );
  const numericKey = readsOf.map((reads) => reads.length > 1 && reads.reduce((n, i) => n * radixOf[i]!, 1) < 2 ** 50);
  const keyOf = (r: number): ConditionValue => {
    const reads = readsOf[r]!;
    if (reads.length === 1) return values[reads[0]!]!;
    if (numericKey[r]) {
      let key = 0;
      for (let i = 0; i < reads.length; i++) {
        const slot = reads[i]!;
        const code = codeOf[slot]!(values[slot]!);
        if (code < 0) break;
        key = key * radixOf[slot]! + code;
        if (i === reads.length - 1) return key;
      }
    }
    let key = '';
    for (let i = 0; i < reads.length; i++) key += `${String(values[reads[i]!])}\u0000`;
    return key;
  };

  // Per-plan scratch, reused (planning is synchronous).
  const values: ConditionValue[] = new Array(conditionIds.length);
  const fired = new Uint8Array(ruleCount);
  const firings: (Interned | undefined)[] = new Array(ruleCount);
  const because: ConditionWitness[] = [];
  const firedScratch: string[] = [];
  const measureScratch: PlannedMeasure[] = [];
  const excludedScratch: ExcludedMeasure[] = [];

  const interned = (r: number): Interned => {
    let f = firings[r];
    if (f) return f;
    const memo = firingMemo[r]!;
    const key = keyOf(r);
    f = memo.get(key);
    if (!f) {
      because.length = 0;
      whys[r]!(values, because);
      const firing = Object.freeze({ rule: ruleIds[r]!, priority: priorities[r]!, because: Object.freeze(because.slice()) });
      if (memo.size < MEMO_LIMIT) memo.set(key, (f = { firing, alone: new Array<PlannedMeasure | ExcludedMeasure | undefined>(ruleMeasureCount[r]!).fill(undefined) }));
      else f = { firing, alone: null };
    }
    return (firings[r] = f);
  };
  const firing = (r: number): RuleFiring => interned(r).firing;
  const collect = (list: number[], from: number): RuleFiring[] => {
    const out: RuleFiring[] = [];
    for (let i = from; i < list.length; i++) if (fired[list[i]!]) out.push(firing(list[i]!));
    return out;
  };
  const onlyOne = (list: number[], from: number) => {
    for (let i = from + 1; i < list.length; i++) if (fired[list[i]!]) return false;
    return true;
  };

  // Reads the profile into `values` and sets `fired`: generated code where the host allows it.
  const closures: Evaluator = (profile) => {
    for (let i = 0; i < conditionIds.length; i++) values[i] = profile[conditionIds[i]!]!;
    for (let r = 0; r < ruleCount; r++) fired[r] = tests[r]!(values) ? 1 : 0;
  };
  const generated = evaluation === 'closures' ? undefined : generateEvaluator(catalogue, slot, values, fired);
  if (evaluation === 'generated' && !generated) throw new Error('generated evaluation is not available here (no eval under this Content-Security-Policy)');
  const evaluate = generated ?? closures;

  const planner = ((profile: Profile): Plan => {
    evaluate(profile);
    const firedIds = firedScratch;
    firedIds.length = 0;
    for (let r = 0; r < ruleCount; r++) {
      firings[r] = undefined;
      if (fired[r]) firedIds.push(ruleIds[r]!);
    }
    const measures = measureScratch;
    measures.length = 0;
    const excluded = excludedScratch;
    excluded.length = 0;
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
        if (!excludedHere && onlyOne(add, a)) {
          const f = interned(add[a]!);
          let planned = f.alone?.[placeIn[add[a]!]![m]!] as PlannedMeasure | undefined;
          if (!planned) {
            planned = Object.freeze({ measure: ids[m]!, category: categories[m]!, chosenBy: Object.freeze([f.firing]), overruled: noFirings });
            if (f.alone) f.alone[placeIn[add[a]!]![m]!] = planned;
          }
          measures.push(planned);
        } else {
          measures.push({ measure: ids[m]!, category: categories[m]!, chosenBy: collect(add, a), overruled: excludedHere ? collect(exc, e) : noFirings });
        }
      } else if (!added && onlyOne(exc, e)) {
        const f = interned(exc[e]!);
        let out = f.alone?.[placeIn[exc[e]!]![m]!] as ExcludedMeasure | undefined;
        if (!out) {
          out = Object.freeze({ measure: ids[m]!, category: categories[m]!, excludedBy: Object.freeze([f.firing]), overruled: noFirings });
          if (f.alone) f.alone[placeIn[exc[e]!]![m]!] = out;
        }
        excluded.push(out);
      } else {
        excluded.push({ measure: ids[m]!, category: categories[m]!, excludedBy: collect(exc, e), overruled: added ? collect(add, a) : noFirings });
      }
    }
    // Scratch arrays grow once; each plan gets exact-size copies (fewer allocations, less GC).
    return { catalogue: ref, measures: measures.slice(), excluded: excluded.slice(), fired: firedIds.slice(), overrides: noOverrides, removedByStaff: noOverrides };
  }) as Planner;
  const decide = (profile: Profile): PlanDecision => {
    evaluate(profile);
    const firedIds: string[] = [];
    for (let r = 0; r < ruleCount; r++) if (fired[r]) firedIds.push(ruleIds[r]!);
    const measures: string[] = [];
    const excluded: string[] = [];
    for (let k = 0; k < named.length; k++) {
      const m = named[k]!;
      const add = adders[m]!;
      const exc = excluders[m]!;
      let a = 0;
      while (a < add.length && !fired[add[a]!]) a++;
      let e = 0;
      while (e < exc.length && !fired[exc[e]!]) e++;
      if (a < add.length && (e === exc.length || priorities[add[a]!]! > priorities[exc[e]!]!)) measures.push(ids[m]!);
      else if (e < exc.length) excluded.push(ids[m]!);
    }
    return { measures, excluded, fired: firedIds };
  };

  Object.defineProperties(planner, {
    decide: { value: decide, enumerable: true },
    catalogue: { value: catalogue, enumerable: true },
    evaluation: { value: generated ? 'generated' : 'closures', enumerable: true },
    parseAndPlan: { value: (input: unknown) => planner(parseProfile(catalogue, input)), enumerable: true },
  });
  return planner;
}

const cache = new Map<string, { source: unknown; snapshot: string; catalogue: Catalogue; planners: Partial<Record<Evaluation, Planner>> }>();
const keyOf = (id: string, version: string) => `${id}@${version}`;

/**
 * Validates the catalogue (CatalogueError naming every problem) and compiles it, once per id and
 * version: later calls with the same object, or an identical copy, get the same planner. A
 * catalogue that changed under an existing id and version is refused: publish a new version.
 * `evaluation` (default 'auto'): 'closures' forces the CSP-safe path, 'generated' requires eval.
 */
export function compileCatalogue(input: CatalogueInput | Catalogue, options: { evaluation?: Evaluation } = {}): Planner {
  const evaluation = options.evaluation ?? 'auto';
  const key = keyOf(String(input.id), String(input.version));
  let entry = cache.get(key);
  if (!entry || entry.source !== input) {
    const catalogue = parseCatalogue(input);
    const snapshot = JSON.stringify(catalogue);
    if (entry && entry.snapshot !== snapshot) {
      throw new Error(`Catalogue ${key} was compiled before with different content: a changed catalogue needs a new version.`);
    }
    if (!entry) cache.set(key, (entry = { source: input, snapshot, catalogue, planners: {} }));
  }
  return (entry.planners[evaluation] ??= build(entry.catalogue, evaluation));
}

/** The planner compiled for a catalogue id and version, if any (explanations find labels here). */
export function compiledCatalogue(id: string, version: string): Planner | undefined {
  const planners = cache.get(keyOf(id, version))?.planners;
  return planners && (planners.auto ?? planners.closures ?? planners.generated);
}
