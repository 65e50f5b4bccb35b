/**
 * The compiler: turns a catalogue into a planning function, once per catalogue id and version.
 *
 * Planning runs one of two ways, with the same results (tests hold both to the reference
 * interpreter): generated code (one straight-line function each for the planner and `decide`,
 * from `new Function`: constant property names, rule tests as boolean locals, each measure's
 * decision as a chain of priority constants), or composed closures where the host refuses eval —
 * widgets run under a strict CSP without 'unsafe-eval'. 'auto' tries the first and falls back.
 * What is worked out at compile time so that planning is a few array walks:
 * - each expression's predicate, plus witness closures that collect the conditions that made it
 *   true (or false, under `not`) — only run for fired rules, when their reasons are first read;
 * - each measure's adding and excluding rules as index arrays, sorted by priority (highest first,
 *   catalogue order on ties), so the first fired entry of each list decides the measure;
 * - the measures in plan order (category order, then measure order).
 * A plan is decided eagerly; each measure's reasons are built on first read (see "Lazy reasons").
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
/** The key of a lazy measure's link to what its plan keeps for its reasons. */
const BASIS = Symbol('sifa.correction.basis');
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

/** What generated planners build plans from (the lazy measure classes live in `build`). */
interface PlanParts {
  Planned: new (basis: unknown[], measure: string, category: string) => PlannedMeasure;
  Excluded: new (basis: unknown[], measure: string, category: string) => ExcludedMeasure;
  ref: Plan['catalogue'];
  none: readonly never[];
}
interface Layout {
  /** Measures some rule names, in plan order. */
  order: number[];
  adders: number[][];
  excluders: number[][];
  wordCount: number;
  word: number;
}

/**
 * The planner and `decide` as generated code: one straight-line function each (constant property
 * names, rule tests as boolean locals, each measure's decision as a chain of priority constants,
 * no calls but the plan's own allocations), or undefined where `new Function` is refused (a CSP
 * without 'unsafe-eval'). The closures do the same work; tests hold both to the reference
 * interpreter.
 */
function generatePlanner(catalogue: Catalogue, slot: (condition: string) => number, layout: Layout, parts: PlanParts): { plan: (p: Profile) => Plan; decide: (p: Profile) => PlanDecision } | undefined {
  const lit = (x: unknown) => {
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Error('non-finite number');
    return JSON.stringify(x);
  };
  const head = [
    ...catalogue.conditions.map((c, i) => `const v${i} = p[${lit(c.id)}];`),
    ...catalogue.rules.map((rule, r) => `const f${r} = ${expressionSource(rule.when, slot)};`),
  ];
  // Arrays sized for the most they can hold, written by index and trimmed: no regrowth while filling.
  const fired = [
    `const fired = new Array(${catalogue.rules.length}); let n = 0;`,
    ...catalogue.rules.map((rule, r) => `if (f${r}) fired[n++] = ${lit(rule.id)};`),
    'fired.length = n;',
  ];
  // The first fired rule of a priority-sorted list gives its priority (-Infinity when none fired).
  // A number below every priority stands for "none fired" (a constant: no -Infinity to compute).
  const none = lit(Math.min(0, ...catalogue.rules.map((r) => r.priority)) - 1);
  const top = (list: number[]) => list.map((r) => `f${r} ? ${lit(catalogue.rules[r]!.priority)} : `).join('') + none;
  const any = (list: number[]) => list.map((r) => `f${r}`).join(' || ');
  const decisions = (chosen: (m: number) => string, out: (m: number) => string) =>
    layout.order.map((m) => {
      const add = layout.adders[m]!;
      const exc = layout.excluders[m]!;
      if (exc.length === 0) return `if (${any(add)}) ${chosen(m)}`;
      if (add.length === 0) return `if (${any(exc)}) ${out(m)}`;
      // The highest priority decides; on a tie the exclusion wins.
      return `{ const a = ${top(add)}, e = ${top(exc)}; if (a > e) ${chosen(m)} else if (e !== ${none}) ${out(m)} }`;
    });
  const words = Array.from({ length: layout.wordCount }, (_, w) => {
    const bits: string[] = [];
    for (let r = w * layout.word; r < Math.min(catalogue.rules.length, (w + 1) * layout.word); r++) bits.push(`(f${r} ? ${1 << r % layout.word} : 0)`);
    return bits.length ? bits.join(' | ') : '0';
  });
  const planSource = [
    ...head,
    ...fired,
    `const basis = [${[...catalogue.conditions.map((_, i) => `v${i}`), ...words, 'undefined'].join(', ')}];`,
    `const measures = new Array(${layout.order.length}), excluded = new Array(${layout.order.length}); let nm = 0, ne = 0;`,
    ...decisions(
      (m) => `measures[nm++] = new Planned(basis, ${lit(catalogue.measures[m]!.id)}, ${lit(catalogue.measures[m]!.category)});`,
      (m) => `excluded[ne++] = new Excluded(basis, ${lit(catalogue.measures[m]!.id)}, ${lit(catalogue.measures[m]!.category)});`,
    ),
    'measures.length = nm; excluded.length = ne;',
    'return { catalogue: ref, measures, excluded, fired, overrides: none, removedByStaff: none };',
  ];
  const decideSource = [
    ...head,
    ...fired,
    `const measures = new Array(${layout.order.length}), excluded = new Array(${layout.order.length}); let nm = 0, ne = 0;`,
    ...decisions(
      (m) => `measures[nm++] = ${lit(catalogue.measures[m]!.id)};`,
      (m) => `excluded[ne++] = ${lit(catalogue.measures[m]!.id)};`,
    ),
    'measures.length = nm; excluded.length = ne;',
    'return { measures, excluded, fired };',
  ];
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function(
      'Planned',
      'Excluded',
      'ref',
      'none',
      `"use strict";\nreturn {\nplan: function plan(p) {\n${planSource.join('\n')}\n},\ndecide: function decide(p) {\n${decideSource.join('\n')}\n}\n};`,
    ) as (...args: unknown[]) => { plan: (p: Profile) => Plan; decide: (p: Profile) => PlanDecision };
    return factory(parts.Planned, parts.Excluded, parts.ref, parts.none);
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
  const categories = catalogue.measures.map((m) => m.category);
  const ref = Object.freeze({ id: catalogue.id, version: catalogue.version });
  const noFirings: readonly RuleFiring[] = Object.freeze([]);
  const noOverrides: readonly never[] = Object.freeze([]);

  /*
   * Interning: plans are immutable values, so parts that repeat from plan to plan are built once
   * and shared (frozen). A rule's firing (its reasons) depends only on the values of the
   * conditions it reads: that is the key of its cache; a list of one firing is shared too.
   * Caches are bounded (MEMO_LIMIT), past that parts are simply built per plan.
   */
  interface Interned {
    firing: RuleFiring;
    /** `[firing]`, frozen: a measure chosen (or excluded) by this firing alone. */
    alone: readonly RuleFiring[];
  }
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
  const keyOf = (values: readonly ConditionValue[], r: number): ConditionValue => {
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
  const because: ConditionWitness[] = [];
  const interned = (values: ConditionValue[], r: number): Interned => {
    const memo = firingMemo[r]!;
    const key = keyOf(values, r);
    let f = memo.get(key);
    if (!f) {
      because.length = 0;
      whys[r]!(values, because);
      const firing = Object.freeze({ rule: ruleIds[r]!, priority: priorities[r]!, because: Object.freeze(because.slice()) });
      f = { firing, alone: Object.freeze([firing]) };
      if (memo.size < MEMO_LIMIT) memo.set(key, f);
    }
    return f;
  };

  /*
   * Lazy reasons. A plan is decided eagerly (which measures are in, which excluded, which rules
   * fired); each measure's reasons (`chosenBy`, `overruled`, `excludedBy`: the firings with their
   * witnesses) are built on first read from what the plan keeps — a copy of the profile's values
   * in condition order and the fired rules as a bitset — and then kept. The result is the same as
   * building them eagerly (tests and the bench hold both to the reference interpreter); `toJSON`
   * writes them out, so a stored plan is the plain value.
   */
  const WORD = 30; // bits per word: small integers on every V8 build
  const wordCount = Math.max(1, Math.ceil(ruleCount / WORD));
  const valueCount = conditionIds.length;
  const cacheSlot = valueCount + wordCount;
  /**
   * What a plan keeps for its reasons, as one array (one allocation a plan): the profile's values
   * in condition order, then the fired rules as `wordCount` words of WORD bits, then a cache
   * (undefined until a reason is first read).
   */
  type Basis = unknown[];
  interface Cache {
    /** Firings read so far (one object per rule per plan, also past the memo limit). */
    firings: (Interned | undefined)[];
    /** Each measure's reasons once read: [2m] its adders' (chosenBy), [2m + 1] its excluders'. */
    lists: (readonly RuleFiring[] | undefined)[];
  }
  const firedIn = (b: Basis, r: number) => (((b[valueCount + ((r / WORD) | 0)] as number) >>> r % WORD) & 1) === 1;
  const cacheOf = (b: Basis): Cache => (b[cacheSlot] ??= { firings: new Array(ruleCount), lists: new Array(ids.length * 2) }) as Cache;
  const firingIn = (b: Basis, cache: Cache, r: number): Interned => (cache.firings[r] ??= interned(b as ConditionValue[], r));
  /** The fired rules of `list` (priority order) as firings: shared when one fired. */
  const collect = (b: Basis, list: number[]): readonly RuleFiring[] => {
    let first = -1;
    let out: RuleFiring[] | undefined;
    const cache = cacheOf(b);
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (!firedIn(b, r)) continue;
      if (first < 0) first = r;
      else (out ??= [firingIn(b, cache, first).firing]).push(firingIn(b, cache, r).firing);
    }
    if (first < 0) return noFirings;
    return out ? Object.freeze(out) : firingIn(b, cache, first).alone;
  };
  /** Measure m's adders' (side 0) or excluders' (side 1) firings in this plan, built once. */
  const reasons = (b: Basis, m: number, side: 0 | 1): readonly RuleFiring[] => {
    const lists = cacheOf(b).lists;
    return (lists[2 * m + side] ??= collect(b, side === 0 ? adders[m]! : excluders[m]!));
  };
  // Where a lazy measure keeps its plan's basis: a symbol-keyed property (JSON, Object.keys, for…in
  // and structuredClone skip it; cheaper to set than a private field). The measure's index is
  // looked up from its id when reasons are first read.
  const reasonsOf = (measure: { measure: string; [BASIS]: Basis }, side: 0 | 1) => reasons(measure[BASIS], measureIndex.get(measure.measure)!, side);
  // Two classes with the same setup, not one base class: with a shared base (subclasses adding only
  // getters) creating a plan ran about 7× slower here (pnpm bench correction, measured).
  class LazyPlanned implements PlannedMeasure {
    // Declared, not defined as class fields: the constructor's stores are the object's only setup.
    declare readonly measure: string;
    declare readonly category: string;
    declare readonly [BASIS]: Basis;
    constructor(basis: Basis, measure: string, category: string) {
      this.measure = measure;
      this.category = category;
      this[BASIS] = basis;
    }
    get chosenBy(): readonly RuleFiring[] {
      return reasonsOf(this, 0);
    }
    get overruled(): readonly RuleFiring[] {
      return reasonsOf(this, 1);
    }
    toJSON(): PlannedMeasure {
      return { measure: this.measure, category: this.category, chosenBy: this.chosenBy, overruled: this.overruled };
    }
  }
  class LazyExcluded implements ExcludedMeasure {
    // Declared, not defined as class fields: the constructor's stores are the object's only setup.
    declare readonly measure: string;
    declare readonly category: string;
    declare readonly [BASIS]: Basis;
    constructor(basis: Basis, measure: string, category: string) {
      this.measure = measure;
      this.category = category;
      this[BASIS] = basis;
    }
    get excludedBy(): readonly RuleFiring[] {
      return reasonsOf(this, 1);
    }
    get overruled(): readonly RuleFiring[] {
      return reasonsOf(this, 0);
    }
    toJSON(): ExcludedMeasure {
      return { measure: this.measure, category: this.category, excludedBy: this.excludedBy, overruled: this.overruled };
    }
  }
  const parts: PlanParts = { Planned: LazyPlanned, Excluded: LazyExcluded, ref, none: noOverrides };

  // Generated code where the host allows it: one function per entry, tests, decisions and all.
  const generated = evaluation === 'closures' ? undefined : generatePlanner(catalogue, slot, { order: named, adders, excluders, wordCount, word: WORD }, parts);
  if (evaluation === 'generated' && !generated) throw new Error('generated evaluation is not available here (no eval under this Content-Security-Policy)');

  // The closures: per-plan scratch, reused (planning is synchronous).
  const values: ConditionValue[] = new Array(conditionIds.length);
  const fired = new Uint8Array(ruleCount);
  const evaluate = (profile: Profile) => {
    for (let i = 0; i < conditionIds.length; i++) values[i] = profile[conditionIds[i]!]!;
    for (let r = 0; r < ruleCount; r++) fired[r] = tests[r]!(values) ? 1 : 0;
  };
  const first = (list: number[]) => {
    let i = 0;
    while (i < list.length && !fired[list[i]!]) i++;
    return i < list.length ? priorities[list[i]!]! : -Infinity;
  };
  const closurePlanner = (profile: Profile): Plan => {
    evaluate(profile);
    const basis: Basis = values.slice();
    for (let w = 0; w < wordCount; w++) basis.push(0);
    basis.push(undefined);
    const firedIds: string[] = [];
    for (let r = 0; r < ruleCount; r++) {
      if (!fired[r]) continue;
      (basis[valueCount + ((r / WORD) | 0)] as number) |= 1 << r % WORD;
      firedIds.push(ruleIds[r]!);
    }
    const measures: PlannedMeasure[] = [];
    const excluded: ExcludedMeasure[] = [];
    for (let k = 0; k < named.length; k++) {
      const m = named[k]!;
      const add = first(adders[m]!);
      const exc = first(excluders[m]!);
      // The highest priority decides; on a tie the exclusion wins.
      if (add > exc) measures.push(new LazyPlanned(basis, ids[m]!, categories[m]!));
      else if (exc > -Infinity) excluded.push(new LazyExcluded(basis, ids[m]!, categories[m]!));
    }
    return { catalogue: ref, measures, excluded, fired: firedIds, overrides: noOverrides, removedByStaff: noOverrides };
  };
  const closureDecide = (profile: Profile): PlanDecision => {
    evaluate(profile);
    const firedIds: string[] = [];
    for (let r = 0; r < ruleCount; r++) if (fired[r]) firedIds.push(ruleIds[r]!);
    const measures: string[] = [];
    const excluded: string[] = [];
    for (let k = 0; k < named.length; k++) {
      const m = named[k]!;
      const add = first(adders[m]!);
      const exc = first(excluders[m]!);
      if (add > exc) measures.push(ids[m]!);
      else if (exc > -Infinity) excluded.push(ids[m]!);
    }
    return { measures, excluded, fired: firedIds };
  };
  const planner = (generated?.plan ?? closurePlanner) as Planner;
  const decide = generated?.decide ?? closureDecide;

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
