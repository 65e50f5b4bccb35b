/**
 * The correction plan engine (@sifa/plugin-correction) beside json-rules-engine, on the demo
 * catalogue (27 conditions, 48 measures, 75 rules) and the same 10,000 seeded pseudo-random
 * profiles. The catalogue is translated into json-rules-engine rules by a function (each rule's
 * `when` → conditions, one event per rule); its fired rules are turned into a plan by the
 * catalogue's precedence (highest priority decides, an exclusion wins a tie), since
 * json-rules-engine has no notion of a measure or an exclusion. Every profile's plan must be the
 * same from both engines (measures, exclusions, fired rules), or the bench fails.
 *
 * Rows: ours producing full plans (every measure's rules and conditions with values: what the
 * product uses) — the Plan object a caller of the planner gets, whose measures build their
 * reasons on first read (getters over the values and fired-rule bitset the plan keeps); the same
 * plus reading every measure's reasons (what a reader showing all of them pays); ours deciding ids only (`planner.decide`: the same output as the peer's row),
 * ours with zod validation of the profile first, the reference interpreter, json-rules-engine.
 * Figures: plans per second for each (sequential, one profile after another, for BENCH_SECONDS
 * each), the ratio, and per-plan latency p50/p99 in µs (process.hrtime.bigint around each call,
 * over passes of the 10,000 profiles). Also shown: ours with the profile validated first
 * (`parseAndPlan`: what untrusted input costs) and the reference interpreter.
 * Target (issue 17): ≥ 300× json-rules-engine's plans per second, p99 ≤ 10 µs a plan.
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import {
  compileCatalogue,
  demoCatalogue,
  parseProfile,
  planByInterpreter,
  sampleProfiles,
  type Catalogue,
  type Expression,
  type Plan,
  type Profile,
} from '@sifa/plugin-correction';
import { defineBenchmark } from './lib/types.js';

const PROFILES = 10_000;
const SEED = 2026;

/** One catalogue expression as json-rules-engine conditions. */
function toCondition(e: Expression): NestedCondition {
  if ('all' in e) return { all: e.all.map(toCondition) };
  if ('any' in e) return { any: e.any.map(toCondition) };
  if ('not' in e) return { not: toCondition(e.not) };
  const fact = e.condition;
  if ('equals' in e) return { fact, operator: 'equal', value: e.equals };
  if ('in' in e) return { fact, operator: 'in', value: e.in };
  if ('is' in e) return { fact, operator: 'equal', value: e.is };
  if ('gt' in e) return { fact, operator: 'greaterThan', value: e.gt };
  if ('gte' in e) return { fact, operator: 'greaterThanInclusive', value: e.gte };
  if ('lt' in e) return { fact, operator: 'lessThan', value: e.lt };
  if ('lte' in e) return { fact, operator: 'lessThanInclusive', value: e.lte };
  return { all: [{ fact, operator: 'greaterThanInclusive', value: e.between[0] }, { fact, operator: 'lessThanInclusive', value: e.between[1] }] };
}

/** The catalogue's rules as json-rules-engine rules (its priorities must be ≥ 1: shifted, order kept). */
export function toJsonRules(catalogue: Catalogue): RuleProperties[] {
  const lowest = Math.min(...catalogue.rules.map((r) => r.priority));
  return catalogue.rules.map((rule) => {
    const c = toCondition(rule.when);
    const top: TopLevelCondition = 'all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] };
    return { name: rule.id, priority: rule.priority - lowest + 1, conditions: top, event: { type: 'fired', params: { rule: rule.id } } };
  });
}

/**
 * A plan's decision (ids only) from a set of fired rules, by the catalogue's precedence: each
 * measure's adding and excluding rules looked up once, so the peer's figure is json-rules-engine's.
 */
function decider(catalogue: Catalogue) {
  const order = catalogue.categories.flatMap((c) => catalogue.measures.filter((m) => m.category === c.id));
  const lists = order.map((m) => ({
    id: m.id,
    adds: catalogue.rules.filter((r) => r.adds.includes(m.id)),
    excludes: catalogue.rules.filter((r) => r.excludes.includes(m.id)),
  }));
  return (fired: Set<string>) => {
    const measures: string[] = [];
    const excluded: string[] = [];
    for (const m of lists) {
      let add = -Infinity;
      let exc = -Infinity;
      for (const r of m.adds) if (r.priority > add && fired.has(r.id)) add = r.priority;
      for (const r of m.excludes) if (r.priority > exc && fired.has(r.id)) exc = r.priority;
      if (add > exc) measures.push(m.id);
      else if (exc > -Infinity) excluded.push(m.id);
    }
    return { measures, excluded, fired: catalogue.rules.filter((r) => fired.has(r.id)).map((r) => r.id) };
  };
}

/** Reads every reason of a plan (chosenBy / excludedBy / overruled, each firing's witnesses): the cost of showing them all. */
function readAll(plan: Plan): number {
  let n = 0;
  for (const m of plan.measures) {
    for (const f of m.chosenBy) n += f.because.length;
    for (const f of m.overruled) n += f.because.length;
  }
  for (const m of plan.excluded) {
    for (const f of m.excludedBy) n += f.because.length;
    for (const f of m.overruled) n += f.because.length;
  }
  return n;
}

/** A plan's reasons read through its measures' own properties (not toJSON), as plain data. */
const reasonsOf = (plan: Plan) => ({
  measures: plan.measures.map((m) => ({ measure: m.measure, category: m.category, chosenBy: m.chosenBy, overruled: m.overruled })),
  excluded: plan.excluded.map((m) => ({ measure: m.measure, category: m.category, excludedBy: m.excludedBy, overruled: m.overruled })),
});

const decisionOf = (plan: Plan) => ({ measures: plan.measures.map((m) => m.measure), excluded: plan.excluded.map((m) => m.measure), fired: [...plan.fired] });

const pct = (sorted: BigInt64Array, p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!) / 1000;

/** The last result of every call is kept here, so the optimiser cannot drop the work. */
let sink: unknown;

function latencies(passes: number, profiles: Profile[], work: (p: Profile) => unknown) {
  const ns = new BigInt64Array(passes * profiles.length);
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const p of profiles) {
      const t0 = process.hrtime.bigint();
      sink = work(p);
      ns[k++] = process.hrtime.bigint() - t0;
    }
  }
  ns.sort();
  return { p50: pct(ns, 0.5), p99: pct(ns, 0.99) };
}

function throughput(seconds: number, profiles: Profile[], work: (p: Profile) => unknown) {
  let plans = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (const p of profiles) sink = work(p);
    plans += profiles.length;
  }
  return plans / ((performance.now() - started) / 1000);
}

export default defineBenchmark({
  name: 'correction',
  title: 'Correction plans: compiled catalogue vs json-rules-engine (demo catalogue, 10,000 profiles)',
  async run(ctx) {
    const planner = compileCatalogue(demoCatalogue);
    const catalogue = planner.catalogue;
    // The profiles as the planner receives them in use: parseProfile's output (what parseAndPlan
    // plans; JSON.parse gives the same object shape). Both engines get these same objects.
    // sampleProfiles builds each key by key, which leaves V8 dictionary-mode objects (slower
    // property reads): one row below plans those raw objects too.
    const raw = sampleProfiles(catalogue, PROFILES, SEED);
    const profiles = raw.map((p) => parseProfile(catalogue, p));
    const engine = new Engine(toJsonRules(catalogue), { allowUndefinedFacts: false });
    const decideOne = decider(catalogue);
    const decide = (_: Catalogue, fired: Set<string>) => decideOne(fired);
    const jre = async (p: Profile) => new Set((await engine.run(p)).events.map((e) => String(e.params!['rule'])));

    // The same plan from both engines, profile by profile (and from the reference interpreter).
    const samples: [Plan, Plan][] = [];
    ctx.progress(`checking ${PROFILES} profiles: ours, json-rules-engine, the reference interpreter`);
    for (let i = 0; i < profiles.length; i++) {
      const ours = decisionOf(planner(profiles[i]!));
      if (JSON.stringify(planner.decide(profiles[i]!)) !== JSON.stringify(ours)) throw new Error(`profile ${i}: decide() differs from the plan`);
      const theirs = decide(catalogue, await jre(profiles[i]!));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        throw new Error(`profile ${i}: the plans differ\n ours: ${JSON.stringify(ours)}\n json-rules-engine: ${JSON.stringify(theirs)}\n profile: ${JSON.stringify(profiles[i])}`);
      }
      const reference = planByInterpreter(catalogue, profiles[i]!);
      // JSON goes through the measures' toJSON, which reads every lazily built reason.
      if (JSON.stringify(planner(profiles[i]!)) !== JSON.stringify(reference)) throw new Error(`profile ${i}: the compiled plan differs from the reference interpreter's`);
      if (JSON.stringify(planner(raw[i]!)) !== JSON.stringify(reference)) throw new Error(`profile ${i} (raw): the compiled plan differs from the reference interpreter's`);
      // A sample read through the getters themselves, after other plans were made in between.
      if (i % 10 === 0) samples.push([planner(profiles[i]!), reference]);
    }
    for (const [plan, reference] of samples) {
      if (JSON.stringify(reasonsOf(plan)) !== JSON.stringify(reasonsOf(reference))) throw new Error(`the lazily built reasons of a plan differ from the reference interpreter's`);
    }

    ctx.progress('ours: warm-up, throughput, latency');
    throughput(Math.min(1, ctx.warmupSeconds), profiles, planner);
    const ours = throughput(ctx.seconds, profiles, planner);
    const oursLatency = latencies(5, profiles, planner);
    ctx.progress('ours, raw key-by-key profiles (dictionary-mode objects)');
    const rawPlans = throughput(ctx.seconds / 2, raw, planner);
    const rawLatency = latencies(2, raw, planner);
    ctx.progress('ours, plan and every reason read');
    const planAndRead = (p: Profile) => readAll(planner(p));
    throughput(Math.min(1, ctx.warmupSeconds) / 2, profiles, planAndRead);
    const read = throughput(ctx.seconds, profiles, planAndRead);
    const readLatency = latencies(5, profiles, planAndRead);
    ctx.progress('ours, decision only (ids, no reasons)');
    const decided = throughput(ctx.seconds / 2, profiles, planner.decide);
    const decidedLatency = latencies(2, profiles, planner.decide);
    ctx.progress('ours with profile validation');
    const validated = throughput(ctx.seconds / 2, raw, planner.parseAndPlan);
    const validatedLatency = latencies(1, raw, planner.parseAndPlan);
    ctx.progress('reference interpreter');
    const interpreted = throughput(ctx.seconds / 2, profiles, (p) => planByInterpreter(catalogue, p));

    ctx.progress('json-rules-engine: warm-up, throughput, latency');
    const jreWarm = performance.now() + Math.min(1, ctx.warmupSeconds) * 1000;
    for (let i = 0; performance.now() < jreWarm; i++) decide(catalogue, await jre(profiles[i % PROFILES]!));
    let jrePlans = 0;
    const started = performance.now();
    const until = started + ctx.seconds * 1000;
    while (performance.now() < until) {
      decide(catalogue, await jre(profiles[jrePlans % PROFILES]!));
      jrePlans++;
    }
    const theirs = jrePlans / ((performance.now() - started) / 1000);
    const jreNs = new BigInt64Array(2000);
    for (let i = 0; i < jreNs.length; i++) {
      const t0 = process.hrtime.bigint();
      decide(catalogue, await jre(profiles[i]!));
      jreNs[i] = process.hrtime.bigint() - t0;
    }
    jreNs.sort();

    const ratio = ours / theirs;
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const us = (n: number) => n.toFixed(2);
    if (sink === undefined) throw new Error('no plan was made');
    const targetMet = ratio >= 300 && oursLatency.p99 <= 10;
    return {
      columns: ['engine', 'plans/s', 'p50 µs', 'p99 µs', '× json-rules-engine'],
      rows: [
        [`ours (${planner.evaluation}, full plan; reasons built on first read)`, fmt(ours), us(oursLatency.p50), us(oursLatency.p99), `${ratio.toFixed(0)}×`],
        ['ours, full plan + every reason read', fmt(read), us(readLatency.p50), us(readLatency.p99), `${(read / theirs).toFixed(0)}×`],
        ['ours, full plan, raw key-by-key profiles (dictionary mode)', fmt(rawPlans), us(rawLatency.p50), us(rawLatency.p99), `${(rawPlans / theirs).toFixed(0)}×`],
        ['ours, decision only (ids: what the peer row gives)', fmt(decided), us(decidedLatency.p50), us(decidedLatency.p99), `${(decided / theirs).toFixed(0)}×`],
        ['ours + zod profile validation (raw profiles)', fmt(validated), us(validatedLatency.p50), us(validatedLatency.p99), `${(validated / theirs).toFixed(0)}×`],
        ['reference interpreter', fmt(interpreted), '', '', `${(interpreted / theirs).toFixed(0)}×`],
        ['json-rules-engine 7.3.1 (+ precedence)', fmt(theirs), us(pct(jreNs, 0.5)), us(pct(jreNs, 0.99)), '1×'],
      ],
      notes: [
        `${PROFILES.toLocaleString('en-US')} profiles (seed ${SEED}), as parseProfile returns them (both engines get the same objects); every plan identical in both engines and the reference interpreter.`,
        `Plans carry every measure's reasons (rules and the conditions with the profile's values); json-rules-engine's row only decides measure ids.`,
        `Reasons are lazy: the first row is the Plan a caller gets (measures decided, fired rules listed, each measure's reasons built on first read from the values and fired-rule bitset the plan keeps); the second row also reads every measure's reasons and witnesses.`,
        `Lazily built reasons equal the reference interpreter's for all ${PROFILES.toLocaleString('en-US')} profiles (through toJSON) and a sample of ${samples.length.toLocaleString('en-US')} read through the getters.`,
        `Target (issue 17): ≥ 300× json-rules-engine's plans/s and p99 ≤ 10 µs: ${targetMet ? 'met' : 'NOT met'} (${ratio.toFixed(0)}×, p99 ${us(oursLatency.p99)} µs); with every reason read: ${read / theirs >= 300 && readLatency.p99 <= 10 ? 'met' : 'NOT met'} (${(read / theirs).toFixed(0)}×, p99 ${us(readLatency.p99)} µs).`,
      ],
      targetMet,
    };
  },
});
