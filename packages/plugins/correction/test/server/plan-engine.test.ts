/**
 * The correction plan engine: every rule kind on hand-computed profiles (the expected plans are
 * written out by hand, never recomputed by the engine), catalogue and profile validation, the
 * explanations in three languages, overrides and diffs, and the compiled planner against the
 * reference interpreter.
 */
import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  CatalogueError,
  compileCatalogue,
  diffPlans,
  explainMeasure,
  parseCatalogue,
  planByInterpreter,
  ProfileError,
  regeneratePlan,
  sampleProfiles,
  type CatalogueInput,
  type Profile,
} from '@sifa/plugin-correction';
import { readPlan, summary, testCatalogue } from './fixtures.js';

const planner = compileCatalogue(testCatalogue());

// P1: female, 60, not juvenile, lenient, score 60 (boundaries: gte 60 holds, gt 60 does not, between 40–60 holds at 60).
const p1: Profile = { sex: 'female', age: 60, juvenile: false, cls: 'lenient', score: 60 };
// P2: male, 17, juvenile, strict, score 95.
const p2: Profile = { sex: 'male', age: 17, juvenile: true, cls: 'strict', score: 95 };
// P3: male, 18, not juvenile, normal, score 39 (lt 18 fails and lte 18 holds at 18; between fails just below 40).
const p3: Profile = { sex: 'male', age: 18, juvenile: false, cls: 'normal', score: 39 };
// P4: female, 61, juvenile, lenient, score 40 (between holds at its lower bound; every exclusion fires with no addition).
const p4: Profile = { sex: 'female', age: 61, juvenile: true, cls: 'lenient', score: 40 };

describe('rule kinds, by hand', () => {
  it('P1: in, is false, gte at the boundary, between at the upper bound, all; a tied exclusion wins, a lower one loses', () => {
    expect(summary(planner(p1))).toEqual({
      measures: [
        ['m-in', ['in'], []],
        ['m-false', ['false'], []],
        ['m-gte', ['gte'], []],
        ['m-between', ['between'], []],
        ['m-all', ['all'], []],
        ['y', ['add-low'], ['excl-low']],
        ['z', ['add-low'], []],
      ],
      excluded: [['x', ['excl-tie'], ['add-low']]],
    });
    expect(planner(p1).fired).toEqual(['in', 'false', 'gte', 'between', 'all', 'add-low', 'excl-tie', 'excl-low']);
  });

  it('P2: equals, is true, lt, lte, any; a higher-priority addition outranks an exclusion', () => {
    expect(summary(planner(p2))).toEqual({
      measures: [
        ['m-eq', ['eq'], []],
        ['m-true', ['true'], []],
        ['m-lt', ['lt'], []],
        ['m-lte', ['lte'], []],
        ['m-any', ['any'], []],
        ['x', ['add-low'], []],
        ['y', ['add-low'], []],
        ['z', ['add-high', 'add-low'], ['excl-high']],
      ],
      excluded: [],
    });
  });

  it('P3: boundaries of lt/lte and between; not over any', () => {
    expect(summary(planner(p3))).toEqual({
      measures: [
        ['m-in', ['in'], []],
        ['m-false', ['false'], []],
        ['m-lte', ['lte'], []],
        ['m-not', ['not'], []],
      ],
      excluded: [],
    });
  });

  it('P4: gt just above, between at the lower bound; exclusions with nothing to outrank', () => {
    expect(summary(planner(p4))).toEqual({
      measures: [
        ['m-in', ['in'], []],
        ['m-true', ['true'], []],
        ['m-gt', ['gt'], []],
        ['m-gte', ['gte'], []],
        ['m-between', ['between'], []],
        ['m-all', ['all'], []],
      ],
      excluded: [
        ['x', ['excl-tie'], []],
        ['y', ['excl-low'], []],
        ['z', ['excl-high'], []],
      ],
    });
  });

  it('records the conditions and values that made each rule fire', () => {
    const plan = planner(p1);
    const all = plan.measures.find((m) => m.measure === 'm-all')!;
    expect(all.chosenBy).toEqual([
      {
        rule: 'all',
        priority: 10,
        because: [
          { condition: 'sex', value: 'female', test: { condition: 'sex', equals: 'female' }, holds: true },
          { condition: 'age', value: 60, test: { condition: 'age', gte: 18 }, holds: true },
        ],
      },
    ]);
    // any: only the part that held; not: the parts that failed.
    const any = planner(p2).measures.find((m) => m.measure === 'm-any')!;
    expect(any.chosenBy[0]!.because.map((w) => [w.condition, w.value, w.holds])).toEqual([
      ['score', 95, true],
      ['cls', 'strict', true],
    ]);
    const anyOne = planner({ ...p2, score: 10 }).measures.find((m) => m.measure === 'm-any')!;
    expect(anyOne.chosenBy[0]!.because.map((w) => w.condition)).toEqual(['cls']);
    const not = planner(p3).measures.find((m) => m.measure === 'm-not')!;
    expect(not.chosenBy[0]!.because.map((w) => [w.condition, w.value, w.holds])).toEqual([
      ['juvenile', false, false],
      ['sex', 'male', false],
    ]);
  });

  it('plans identically to the reference interpreter, generated and closure paths alike (hand profiles and 2,000 sampled)', () => {
    const catalogue = planner.catalogue;
    const closures = compileCatalogue(testCatalogue(), { evaluation: 'closures' });
    const generated = compileCatalogue(testCatalogue(), { evaluation: 'generated' });
    expect([planner.evaluation, closures.evaluation, generated.evaluation]).toEqual(['generated', 'closures', 'generated']);
    for (const p of [p1, p2, p3, p4, ...sampleProfiles(catalogue, 2000, 7)]) {
      const expected = planByInterpreter(catalogue, p);
      expect(readPlan(planner(p))).toEqual(expected);
      expect(readPlan(closures(p))).toEqual(expected);
      // A stored plan (JSON) is the same plain value.
      expect(JSON.parse(JSON.stringify(planner(p)))).toEqual(expected);
      expect(planner.decide(p)).toEqual({ measures: expected.measures.map((m) => m.measure), excluded: expected.excluded.map((m) => m.measure), fired: expected.fired });
    }
  });

  it('builds reasons on first read from the values the plan keeps: later changes to the profile do not reach them', () => {
    for (const p of [p1, p2, p3, p4]) {
      const expected = planByInterpreter(planner.catalogue, p);
      const profile = { ...p };
      const plan = planner(profile);
      for (const key of Object.keys(profile)) delete profile[key];
      Object.assign(profile, p4 === p ? p1 : p4);
      expect(readPlan(plan)).toEqual(expected);
      for (const m of plan.measures) {
        expect(m.chosenBy).toBe(m.chosenBy);
        expect(Object.isFrozen(m.chosenBy)).toBe(true);
        for (const f of m.chosenBy) expect(Object.isFrozen(f.because)).toBe(true);
      }
    }
  });

  it('falls back to closures where new Function is refused (a CSP without unsafe-eval)', () => {
    const original = globalThis.Function;
    const refusing = function () {
      throw new EvalError('Refused to evaluate a string as JavaScript because unsafe-eval is not allowed');
    } as unknown as FunctionConstructor;
    globalThis.Function = refusing;
    try {
      const underCsp = compileCatalogue(testCatalogue('csp'));
      expect(underCsp.evaluation).toBe('closures');
      expect(summary(underCsp(p2))).toEqual(summary(planner(p2)));
      expect(() => compileCatalogue(testCatalogue('csp'), { evaluation: 'generated' })).toThrow('generated evaluation is not available here');
    } finally {
      globalThis.Function = original;
    }
  });
});

describe('catalogue validation', () => {
  const broken = (): CatalogueInput => {
    const c = testCatalogue('broken');
    c.measures.push({ id: 'orphan', category: 'nowhere', kind: 'education', label: { zh: '孤', en: 'Orphan', mn: 'ᠣ' }, frequency: { every: 'once' }, responsible: 'volunteer' });
    c.rules.push(
      { id: 'bad-condition', label: c.title, when: { all: [{ condition: 'age', gt: 1 }, { condition: 'height', gt: 180 }] }, priority: 1, adds: ['x'] },
      { id: 'bad-operator', label: c.title, when: { any: [{ condition: 'cls', gt: 2 }] }, priority: 1, adds: ['x'] },
      { id: 'bad-value', label: c.title, when: { not: { condition: 'cls', in: ['normal', 'loose'] } }, priority: 1, adds: ['x'] },
      { id: 'bad-measure', label: c.title, when: { condition: 'juvenile', is: true }, priority: 1, adds: ['x'], excludes: ['nothing'] },
      { id: 'bad-range', label: c.title, when: { condition: 'score', between: [60, 40] }, priority: 1, adds: ['x'] },
      { id: 'eq', label: c.title, when: { condition: 'juvenile', equals: 'yes' }, priority: 1, adds: ['y'] },
    );
    return c;
  };

  it('names the rule and the path of every problem', () => {
    let error: unknown;
    try {
      parseCatalogue(broken());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as CatalogueError).issues).toEqual([
      { path: 'rules[22] eq', message: 'duplicate rule id "eq"' },
      { path: 'measures[15] orphan.category', message: 'unknown category "nowhere"' },
      { path: 'rules[17] bad-condition.when.all[1].condition', message: 'unknown condition "height"' },
      { path: 'rules[18] bad-operator.when.any[0].gt', message: 'operator "gt" does not fit enum condition "cls" (use equals, in)' },
      { path: 'rules[19] bad-value.when.not.in[1]', message: '"loose" is not an option of condition "cls" (options: strict, normal, lenient)' },
      { path: 'rules[20] bad-measure.excludes[0]', message: 'unknown measure "nothing"' },
      { path: 'rules[21] bad-range.when.between', message: 'between [60, 40]: the lower bound is above the upper bound' },
      { path: 'rules[22] eq.when.equals', message: 'operator "equals" does not fit boolean condition "juvenile" (use is)' },
    ]);
    expect((error as Error).message).toContain('Catalogue test-catalogue@broken is not valid (8 problems)');
  });

  it('refuses a malformed shape, naming the rule by its id', () => {
    const c = testCatalogue('shape') as { rules: unknown[] };
    c.rules[2] = { id: 'true', label: { zh: '是', en: 'yes' }, when: { condition: 'juvenile', is: true }, priority: 1.5, adds: ['m-true'] };
    expect(() => parseCatalogue(c)).toThrow(CatalogueError);
    try {
      parseCatalogue(c);
    } catch (e) {
      const paths = (e as CatalogueError).issues.map((i) => i.path);
      expect(paths).toContain('rules[2] true.label.mn');
      expect(paths).toContain('rules[2] true.priority');
    }
  });

  it('refuses a rule that neither adds nor excludes, or adds and excludes the same measure', () => {
    const c = testCatalogue('empty-rule');
    c.rules.push({ id: 'idle', label: c.title, when: { condition: 'juvenile', is: true }, priority: 1 }, { id: 'both', label: c.title, when: { condition: 'juvenile', is: true }, priority: 1, adds: ['x'], excludes: ['x'] });
    expect(() => compileCatalogue(c)).toThrow(/rules\[17\] idle: a rule must add or exclude[\s\S]*rules\[18\] both.excludes: measure "x" is both added and excluded/);
  });

  it('compiles once per id and version, and refuses changed content under the same version', () => {
    const source = testCatalogue('cache');
    const first = compileCatalogue(source);
    expect(compileCatalogue(source)).toBe(first);
    expect(compileCatalogue(testCatalogue('cache'))).toBe(first);
    const changed = testCatalogue('cache');
    changed.rules[0]!.priority = 11;
    expect(() => compileCatalogue(changed)).toThrow('Catalogue test-catalogue@cache was compiled before with different content');
  });
});

describe('profile validation', () => {
  const reasons = (input: unknown) => {
    try {
      planner.parseAndPlan(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      return (e as ProfileError).issues;
    }
    throw new Error('accepted');
  };

  it('accepts a valid profile', () => {
    expect(planner.parseAndPlan(p1)).toEqual(planner(p1));
  });

  it('names unknown, missing and mistyped conditions', () => {
    expect(reasons({ ...p1, height: 170 })).toEqual([{ condition: 'height', message: 'unknown condition "height" (not in catalogue test-catalogue@t-1)' }]);
    expect(reasons({ ...p1, age: '60' })).toEqual([{ condition: 'age', message: 'condition "age" takes a number (years)' }]);
    expect(reasons({ ...p1, juvenile: 'no' })).toEqual([{ condition: 'juvenile', message: 'condition "juvenile" takes true or false' }]);
    expect(reasons({ ...p1, cls: 'loose' })).toEqual([{ condition: 'cls', message: 'condition "cls" takes one of strict, normal, lenient' }]);
    expect(reasons({ ...p1, age: 130 })).toEqual([{ condition: 'age', message: 'condition "age" is at most 120' }]);
    expect(reasons({ ...p1, age: 17.5 })).toEqual([{ condition: 'age', message: 'condition "age" takes a whole number' }]);
    const { score: _score, ...withoutScore } = p1;
    expect(reasons(withoutScore)).toEqual([{ condition: 'score', message: 'condition "score" is missing' }]);
  });
});

describe('explanations', () => {
  it('says why a measure was chosen, and which exclusion it outranked, in zh-CN, en and mn', () => {
    const plan = planner(p1);
    expect(explainMeasure(plan, 'y', 'zh-CN')).toBe('「中y」由规则「中add-low」（优先级 10）选定，因为评分 ≥ 50（实际为60分）。规则「中excl-low」（优先级 5）要求排除此项（因为性别为「女」），但优先级较低。');
    expect(explainMeasure(plan, 'y', 'en')).toBe('“y” was chosen by rule “add-low” (priority 10) because score ≥ 50 (is 60 points). Rule “excl-low” (priority 5) would exclude it (because sex is “female”) but ranks lower.');
    expect(explainMeasure(plan, 'y', 'mn')).toBe(
      '«ᠮy» ᠢ «ᠮadd-low» ᠳᠦᠷᠢᠮ ᠰᠣᠩᠭᠣᠪᠠ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ 10)᠄ ᠤᠨᠤᠭ᠎ᠠ ≥ 50 (60 ᠤᠨᠤᠭ᠎ᠠ)᠃«ᠮexcl-low» ᠳᠦᠷᠢᠮ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ 5) ᠬᠠᠰᠤᠬᠤ ᠭᠡᠰᠡᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠳᠡᠰ ᠨᠢ ᠳᠤᠤᠷ᠎ᠠ᠄ ᠬᠦᠢᠰᠦ ᠨᠢ «ᠡᠮᠡ»᠃',
    );
  });

  it('says why a measure is left out, and says failed tests the positive way', () => {
    expect(explainMeasure(planner(p1), 'x', 'en')).toBe('“x” is not in the plan: rule “excl-tie” (priority 10) excludes it because class is “lenient”. Rule “add-low” (priority 10) would add it but does not outrank the exclusion.');
    expect(explainMeasure(planner(p1), 'x', 'zh-CN')).toBe('「中x」未列入方案：规则「中excl-tie」（优先级 10）排除此项，因为管理类别为「宽管」。规则「中add-low」（优先级 10）要求列入，但未超过排除规则的优先级。');
    expect(explainMeasure(planner(p3), 'm-not', 'en')).toBe('“m-not” was chosen by rule “not” (priority 10) because juvenile: no; sex is not “female” (is “male”).');
    expect(explainMeasure(planner(p3), 'm-not', 'zh-CN')).toBe('「中m-not」由规则「中not」（优先级 10）选定，因为未成年：否；性别不为「女」（实际为「男」）。');
    expect(explainMeasure(planner({ ...p3, cls: 'lenient' }), 'm-in', 'en')).toBe('“m-in” was chosen by rule “in” (priority 10) because class is “normal” or “lenient” (is “lenient”).');
    expect(explainMeasure(planner(p3), 'm-eq', 'en')).toBe('“m-eq” is not in the plan and no rule concerns it.');
  });
});

describe('overrides and diffs', () => {
  it('requires a reason and a known measure', () => {
    const plan = planner(p1);
    expect(() => applyOverrides(plan, [{ measureId: 'm-eq', action: 'add', reason: '   ' }])).toThrow('overrides[0] (m-eq): reason: an override needs a reason');
    expect(() => applyOverrides(plan, [{ measureId: 'nope', action: 'add', reason: 'because' }])).toThrow('overrides[0]: unknown measure "nope"');
  });

  it('adds and removes by hand, keeps the rules’ record, and explains it', () => {
    const plan = applyOverrides(planner(p1), [
      { measureId: 'm-eq', action: 'add', reason: '所长决定' },
      { measureId: 'm-gte', action: 'remove', reason: 'Doctor’s advice' },
      { measureId: 'x', action: 'add', reason: 'Court order' },
    ]);
    expect(summary(plan).measures).toEqual([
      ['m-eq', [], []],
      ['m-in', ['in'], []],
      ['m-false', ['false'], []],
      ['m-between', ['between'], []],
      ['m-all', ['all'], []],
      ['x', [], []],
      ['y', ['add-low'], ['excl-low']],
      ['z', ['add-low'], []],
    ]);
    expect(plan.removedByStaff.map((m) => [m.measure, m.chosenBy.map((f) => f.rule), m.staff.reason])).toEqual([['m-gte', ['gte'], 'Doctor’s advice']]);
    expect(summary(plan).excluded).toEqual([['x', ['excl-tie'], ['add-low']]]);
    expect(explainMeasure(plan, 'm-eq', 'zh-CN')).toBe('「中m-eq」由工作人员添加，理由：所长决定。');
    expect(explainMeasure(plan, 'm-gte', 'en')).toBe('“m-gte” was chosen by rule “gte” (priority 10) because age ≥ 60 (is 60 years). “m-gte” was removed by staff: Doctor’s advice.');
  });

  it('regenerates for changed conditions: overrides survive and the diff shows rules and staff', () => {
    const before = applyOverrides(planner(p1), [
      { measureId: 'm-eq', action: 'add', reason: 'Director' },
      { measureId: 'm-lte', action: 'remove', reason: 'Not needed' },
    ]);
    // P1 → P3: age 60 → 18, female → male, lenient → normal, score 60 → 39.
    const { plan, diff } = regeneratePlan(planner, p3, before);
    expect(plan.overrides).toEqual(before.overrides);
    expect(summary(plan).measures).toEqual([
      ['m-eq', [], []],
      ['m-in', ['in'], []],
      ['m-false', ['false'], []],
      ['m-not', ['not'], []],
    ]);
    expect(plan.removedByStaff.map((m) => m.measure)).toEqual(['m-lte']);
    const brief = (xs: { measure: string; by?: string }[]) => xs.map((x) => `${x.measure}:${x.by ?? ''}`);
    expect(brief(diff.added)).toEqual(['m-not:rules']);
    expect(brief(diff.removed)).toEqual(['m-gte:rules', 'm-between:rules', 'm-all:rules', 'y:rules', 'z:rules']);
    expect(diff.unchanged.map((u) => [u.measure, u.reasonsChanged, u.staff?.reason ?? null])).toEqual([
      ['m-eq', false, 'Director'],
      ['m-in', false, null],
      ['m-false', false, null],
    ]);
    expect(diff.overrides).toEqual({ kept: before.overrides, added: [], dropped: [] });
    // Back to P1 with one more override: m-lte stays out (removed by staff), the new override shows.
    const again = regeneratePlan(planner, p1, applyOverrides(plan, [{ measureId: 'y', action: 'remove', reason: 'Moved away' }]));
    expect(brief(again.diff.removed)).toEqual(['m-not:rules']);
    expect(again.plan.removedByStaff.map((m) => m.measure)).toEqual(['y']);
    expect(brief(again.diff.added)).toEqual(['m-gte:rules', 'm-between:rules', 'm-all:rules', 'z:rules']);
  });

  it('diff between two rule plans names the exclusion that removed a measure and changed reasons', () => {
    const diff = diffPlans(planner(p2), planner({ ...p2, cls: 'lenient', score: 50 }));
    // x: excl-tie now fires (lenient); z: add-high no longer fires (score 50), excl-high outranks add-low.
    expect(diff.removed.map((r) => [r.measure, r.by, r.excludedBy?.map((f) => f.rule)])).toEqual([
      ['m-eq', 'rules', []],
      ['m-any', 'rules', []],
      ['x', 'rules', ['excl-tie']],
      ['z', 'rules', ['excl-high']],
    ]);
    expect(diff.added.map((a) => a.measure)).toEqual(['m-in', 'm-between']);
    expect(diff.unchanged.map((u) => [u.measure, u.reasonsChanged])).toEqual([
      ['m-true', false],
      ['m-lt', false],
      ['m-lte', false],
      ['y', false],
    ]);
  });
});
