/**
 * The pure scoring module on hand-computed fixtures: every rule kind (caps, per-occurrence with
 * and without period scaling, targets per month / quarter / year in full and pro-rata modes,
 * deadlines met / missed / pending, evidence per period and per month, deductions, vetoes of a
 * part and of the total), part caps (regular, bonus, negative), the floor at zero, periods of
 * every kind, and metric aggregation across months. The figures in the comments are worked out
 * by hand; the code must agree with them to the hundredth.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentItemSpec, AssessmentStandardBody } from '../../src/index.js';
import { commonSegments, demoStandard, monthsNeeded, parseStandardBody, scoreStandard, segmentsNeeded, type FactsTable } from '../../src/index.js';

const t = (zh: string) => ({ zh, en: zh });
const item = (code: string, part: AssessmentItemSpec['part'], metric: string, points: number, rule: AssessmentItemSpec['rule']): AssessmentItemSpec => ({
  code,
  part,
  title: t(code),
  criterion: t(`${code} criterion`),
  metric,
  points,
  rule,
});

const standard: AssessmentStandardBody = parseStandardBody({
  title: { zh: '测试标准', en: 'Test standard' },
  demo: false,
  parts: [
    { code: 'basic', title: t('基础'), points: 100 },
    { code: 'institutional', title: t('制度'), points: 100 },
    { code: 'key', title: t('重点'), points: 100 },
    { code: 'daily', title: t('日常'), points: 100 },
    { code: 'outstanding', title: t('加分'), points: 20 },
    { code: 'negative', title: t('负面'), points: 50 },
  ],
  items: [
    item('tq', 'basic', 't.c', 40, { kind: 'target', target: 6, per: 'quarter', mode: 'full' }),
    item('ty', 'basic', 't.d', 60, { kind: 'target', target: 100, per: 'year', mode: 'pro-rata' }),
    item('dl', 'institutional', 't.f', 50, { kind: 'deadline', target: 3, dueMonth: 6 }),
    item('evp', 'institutional', 't.g', 50, { kind: 'evidence', per: 'period' }),
    item('po', 'key', 't.a', 30, { kind: 'per-occurrence', pointsEach: 2, scale: 'period' }),
    item('po2', 'key', 't.i', 80, { kind: 'per-occurrence', pointsEach: 10, scale: 'period' }),
    item('tm', 'daily', 't.e', 50, { kind: 'target', target: 2, per: 'month', mode: 'pro-rata' }),
    item('evm', 'daily', 't.h', 50, { kind: 'evidence', per: 'month' }),
    item('bonus', 'outstanding', 't.b', 20, { kind: 'per-occurrence', pointsEach: 5, scale: 'none' }),
    item('bonus2', 'outstanding', 't.j', 20, { kind: 'per-occurrence', pointsEach: 3, scale: 'none' }),
    item('ded', 'negative', 't.n', 40, { kind: 'deduction', pointsEach: 15 }),
    item('ded2', 'negative', 't.w', 40, { kind: 'deduction', pointsEach: 20 }),
    item('veto-key', 'negative', 't.n', 0, { kind: 'veto', threshold: 2, zeroes: 'key' }),
    item('veto-total', 'negative', 't.v', 0, { kind: 'veto', threshold: 1, zeroes: 'total' }),
  ],
});

type Spec = Record<string, Record<string, Record<string, number>>>;

const facts: Spec = {
  A: {
    't.a': { '2026-01': 5, '2026-07': 10 },
    't.i': { '2026-03': 9 },
    't.b': { '2026-12': 5 },
    't.j': { '2026-12': 4 },
    't.c': { '2026-01': 3, '2026-02': 3, '2026-05': 5, '2026-08': 6 },
    't.d': { '2026-04': 30, '2026-10': 45 },
    't.e': { '2026-01': 2, '2026-02': 1, '2026-03': 4 },
    't.h': { '2026-01': 1, '2026-05': 2, '2026-12': 1 },
    't.f': { '2026-02': 1, '2026-05': 2 },
    't.g': { '2026-11': 1 },
    't.n': { '2026-08': 1 },
  },
  B: {
    't.n': { '2026-04': 2, '2026-09': 1 },
    't.w': { '2026-09': 1 },
    't.i': { '2026-03': 5 },
    't.f': { '2026-07': 5 },
  },
  C: { 't.v': { '2026-03': 1 }, 't.a': { '2026-01': 10 } },
  D: {},
};

const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function table(spec: Spec, aggregation?: FactsTable['aggregation']): FactsTable {
  const values = new Map(Object.entries(spec).map(([org, metrics]) => [org, new Map(Object.entries(metrics).map(([m, months]) => [m, new Map(Object.entries(months))]))]));
  return { orgCodes: Object.keys(spec), months: year, values, ...(aggregation ? { aggregation } : {}) };
}

const score = (period: string, org: string) => scoreStandard(standard, table(facts), period).get(org)!;
const itemOf = (s: ReturnType<typeof score>, code: string) => s.items.find((i) => i.code === code)!;
const partOf = (s: ReturnType<typeof score>, code: string) => s.parts.find((p) => p.code === code)!;
const pointsByItem = (s: ReturnType<typeof score>) => Object.fromEntries(s.items.map((i) => [i.code, i.points]));
const pointsByPart = (s: ReturnType<typeof score>) => Object.fromEntries(s.parts.map((p) => [p.code, p.points]));

describe('scoreStandard: a year', () => {
  it('office A: every rule kind, item and part caps, to the hundredth', () => {
    const a = score('2026', 'A');
    expect(pointsByItem(a)).toEqual({
      tq: 20, // quarters reaching 6: Q1 (3+3) and Q3 (6) of four → 40 × 2/4
      ty: 45, // 75 of 100, pro rata → 60 × 0.75
      dl: 50, // 1 + 2 = 3 by the end of June
      evp: 50, // a record in November
      po: 30, // 15 × 2 = 30, exactly the cap
      po2: 80, // 9 × 10 = 90, capped at 80
      tm: 10.42, // (1 + 0.5 + 1) / 12 months × 50 = 10.4166…
      evm: 12.5, // records in 3 of 12 months × 50
      bonus: 20, // 5 × 5 = 25, capped at 20
      bonus2: 12, // 4 × 3
      ded: -15, // 1 incident × 15
      ded2: 0,
      'veto-key': 0,
      'veto-total': 0,
    });
    expect(pointsByPart(a)).toEqual({ basic: 65, institutional: 100, key: 100, daily: 22.92, outstanding: 20, negative: -15 });
    expect(partOf(a, 'key')).toMatchObject({ raw: 110, max: 100, kind: 'regular', vetoed: false });
    expect(partOf(a, 'outstanding')).toMatchObject({ raw: 32, points: 20, kind: 'bonus' });
    expect(a.total).toBe(292.92); // 65 + 100 + 100 + 22.92 + 20 − 15
    expect(a.fullMarks).toBe(400);
    expect(a.vetoed).toBe(false);
    expect(itemOf(a, 'tq').windows).toEqual([
      { period: '2026-Q1', value: 6, target: 6, achieved: 1 },
      { period: '2026-Q2', value: 5, target: 6, achieved: 0 },
      { period: '2026-Q3', value: 6, target: 6, achieved: 1 },
      { period: '2026-Q4', value: 0, target: 6, achieved: 0 },
    ]);
    expect(itemOf(a, 'tm').windows.slice(0, 3).map((w) => w.achieved)).toEqual([1, 0.5, 1]);
    expect(itemOf(a, 'tq')).toMatchObject({ status: 'partial', value: 17, from: '2026-01-01', to: '2026-12-31' });
    expect(itemOf(a, 'dl')).toMatchObject({ status: 'met', value: 3, from: '2026-01-01', to: '2026-06-30' });
    expect(itemOf(a, 'po2')).toMatchObject({ status: 'met', value: 9, max: 80 });
    expect(itemOf(a, 'ded')).toMatchObject({ status: 'deducted', value: 1 });
    expect(itemOf(a, 'veto-key')).toMatchObject({ status: 'clear', value: 1 });
  });

  it('office B: deductions capped per item and by the negative part, a part veto, the total floored at zero', () => {
    const b = score('2026', 'B');
    expect(itemOf(b, 'ded')).toMatchObject({ points: -40, status: 'deducted', value: 3 }); // 3 × 15 = 45, capped at 40
    expect(itemOf(b, 'ded2')).toMatchObject({ points: -20, status: 'deducted' });
    expect(partOf(b, 'negative')).toMatchObject({ raw: -60, points: -50 }); // the part deducts at most 50
    expect(itemOf(b, 'veto-key')).toMatchObject({ status: 'vetoed', points: 0 });
    expect(itemOf(b, 'po2')).toMatchObject({ points: 50, status: 'partial' });
    expect(partOf(b, 'key')).toMatchObject({ raw: 50, points: 0, vetoed: true }); // zeroed by the veto
    expect(itemOf(b, 'dl')).toMatchObject({ points: 0, status: 'missed', value: 0 }); // 5 came in July, after the June deadline
    expect(b.total).toBe(0); // 0 − 50 is floored at 0
    expect(b.vetoed).toBe(false);
  });

  it('office C: a veto of the total zeroes it whatever the parts earned', () => {
    const c = score('2026', 'C');
    expect(itemOf(c, 'veto-total')).toMatchObject({ status: 'vetoed' });
    expect(partOf(c, 'key').points).toBe(20);
    expect(c.vetoed).toBe(true);
    expect(c.total).toBe(0);
  });

  it('office D without a single fact is scored too: nothing earned, nothing deducted', () => {
    const d = score('2026', 'D');
    expect(d.total).toBe(0);
    expect(new Set(d.items.filter((i) => i.part !== 'negative').map((i) => i.status))).toEqual(new Set(['missed']));
    expect(new Set(d.items.filter((i) => i.part === 'negative').map((i) => i.status))).toEqual(new Set(['clear']));
  });
});

describe('scoreStandard: quarters and months', () => {
  it('a quarter: yearly targets scaled to a quarter, the June deadline judged at its end', () => {
    const q2 = score('2026-Q2', 'A');
    expect(pointsByItem(q2)).toMatchObject({ tq: 0, ty: 60, dl: 50, evp: 0, po: 0, po2: 0, tm: 0, evm: 16.67, bonus: 0, ded: 0 });
    expect(itemOf(q2, 'ty').windows).toEqual([{ period: '2026-Q2', value: 30, target: 25, achieved: 1 }]); // 100 × 3/12
    expect(q2.total).toBe(126.67); // 60 + 50 + 0 + 16.67
  });

  it('a quarter after the deadline keeps the deadline as it was met; per-occurrence counts at the yearly rate unless unscaled', () => {
    const q3 = score('2026-Q3', 'A');
    expect(itemOf(q3, 'po')).toMatchObject({ value: 10, points: 30 }); // 10 × 2 × 12/3 = 80, capped at 30
    expect(itemOf(q3, 'dl')).toMatchObject({ status: 'met', points: 50, to: '2026-06-30' });
    expect(q3.total).toBe(105); // tq 40 + dl 50 + po 30 − ded 15
    const q4 = score('2026-Q4', 'A');
    expect(itemOf(q4, 'bonus2')).toMatchObject({ value: 4, points: 12 }); // scale 'none': 4 × 3, not × 4
    expect(itemOf(q4, 'bonus')).toMatchObject({ points: 20 });
  });

  it('a month before the deadline: not reached yet is pending, not missed; a quarterly target scaled to a month', () => {
    const feb = score('2026-02', 'A');
    expect(itemOf(feb, 'dl')).toMatchObject({ status: 'pending', points: 0, value: 1, from: '2026-01-01', to: '2026-02-28' });
    expect(itemOf(feb, 'tq').windows).toEqual([{ period: '2026-02', value: 3, target: 2, achieved: 1 }]); // 6 × 1/3
    expect(itemOf(feb, 'ty').windows[0]!.target).toBeCloseTo(100 / 12);
    expect(pointsByItem(feb)).toMatchObject({ tq: 40, ty: 0, tm: 25, evm: 0, dl: 0 });
    expect(feb.total).toBe(65);
    const may = score('2026-05', 'A');
    expect(itemOf(may, 'dl')).toMatchObject({ status: 'met', points: 50, value: 3 }); // reached early, before the end of June
  });
});

describe('scoreStandard: inputs', () => {
  it('reads the months a deadline needs from January, and refuses a table that lacks them', () => {
    expect(monthsNeeded(standard, '2026-Q3')).toEqual(year.slice(0, 9));
    expect(monthsNeeded(standard, '2026-Q4')).toEqual([...year.slice(0, 6), ...year.slice(9, 12)]); // January to the June deadline, then the quarter
    expect(monthsNeeded({ items: standard.items.filter((i) => i.rule.kind !== 'deadline') }, '2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    const partial: FactsTable = { ...table(facts), months: ['2026-07', '2026-08', '2026-09'] };
    expect(() => scoreStandard(standard, partial, '2026-Q3')).toThrow(/2026-01/);
  });

  it("combines months by the metric's aggregation (a stock metric counts its highest month, not the sum)", () => {
    const stock = parseStandardBody({
      ...standard,
      items: [item('stock', 'basic', 't.s', 100, { kind: 'target', target: 10, per: 'quarter', mode: 'pro-rata' })],
    });
    const spec: Spec = { X: { 't.s': { '2026-01': 4, '2026-02': 7, '2026-03': 5 } } };
    const summed = scoreStandard(stock, table(spec), '2026-Q1').get('X')!;
    const maxed = scoreStandard(stock, table(spec, new Map([['t.s', 'max']])), '2026-Q1').get('X')!;
    expect(summed.items[0]).toMatchObject({ value: 16, points: 100 });
    expect(maxed.items[0]).toMatchObject({ value: 7, points: 70 });
  });

  it('splits the months into the coarsest runs every window is made of', () => {
    // The fixture judges single months (tm, evm): nothing coarser than months.
    expect(segmentsNeeded([standard], '2026')).toEqual(year.map((m) => [m]));
    const demo = parseStandardBody(demoStandard(2026));
    // Quarterly targets and a June deadline: a year is four runs, a quarter after June two.
    expect(segmentsNeeded([demo], '2026')).toEqual([year.slice(0, 3), year.slice(3, 6), year.slice(6, 9), year.slice(9, 12)]);
    expect(segmentsNeeded([demo], '2026-Q3')).toEqual([year.slice(0, 6), year.slice(6, 9)]);
    expect(segmentsNeeded([demo], '2026-Q1')).toEqual([year.slice(0, 3)]);
    expect(segmentsNeeded([demo], '2026-08')).toEqual([year.slice(0, 6), ['2026-08']]);
    const yearly = parseStandardBody({ ...demo, items: demo.items.filter((i) => i.rule.kind !== 'deadline' && !(i.rule.kind === 'target' && i.rule.per === 'quarter')) });
    expect(segmentsNeeded([yearly], '2026')).toEqual([year]);
  });

  it('finds the runs several periods can all be judged on (a trend read in one pass)', () => {
    const demo = parseStandardBody(demoStandard(2026));
    const lists = ['2026-07', '2026-08', '2026-09'].map((p) => segmentsNeeded([demo], p));
    // January–June for the deadline once, then the three months.
    expect(commonSegments(lists)).toEqual([year.slice(0, 6), ['2026-07'], ['2026-08'], ['2026-09']]);
    expect(commonSegments([[['2025-11', '2025-12', '2026-01']], [['2025-12'], ['2026-01', '2026-02']]])).toEqual([['2025-11'], ['2025-12'], ['2026-01'], ['2026-02']]);
    expect(commonSegments([[['2026-01', '2026-02']], [['2026-04']]])).toEqual([['2026-01', '2026-02'], ['2026-04']]);
  });

  it('scores the same from facts kept per run as from facts kept per month', () => {
    const demo = parseStandardBody(demoStandard(2026));
    // Month by month, every metric the demo reads, for two offices.
    const spec: Spec = {};
    for (const [o, org] of ['P', 'Q'].entries()) {
      spec[org] = {};
      demo.items.forEach((it, i) => {
        spec[org]![it.metric] = Object.fromEntries(year.map((m, k) => [m, (i * 7 + k * 3 + o * 5) % 6]));
      });
    }
    for (const period of ['2026', '2026-Q2', '2026-Q4', '2026-05', '2026-11']) {
      const segments = segmentsNeeded([demo], period);
      const byRun: Spec = Object.fromEntries(
        Object.entries(spec).map(([org, metrics]) => [
          org,
          Object.fromEntries(Object.entries(metrics).map(([metric, months]) => [metric, Object.fromEntries(segments.map((run) => [run[0]!, run.reduce((sum, m) => sum + (months[m] ?? 0), 0)]))])),
        ]),
      );
      expect(scoreStandard(demo, table(byRun), period), period).toEqual(scoreStandard(demo, table(spec), period));
    }
  });

  it('gives the same numbers every time for the same standard and facts', () => {
    const once = scoreStandard(standard, table(facts), '2026');
    const again = scoreStandard(structuredClone(standard), table(structuredClone(facts)), '2026');
    expect(again).toEqual(once);
  });
});

describe('the demo standard', () => {
  it('is valid, labelled demo, 1000 points in six parts, and uses every rule kind', () => {
    const demo = parseStandardBody(demoStandard(2026));
    expect(demo.demo).toBe(true);
    expect(demo.title.zh).toContain('示范');
    expect(demo.title.en).toContain('DEMO');
    expect(demo.parts.map((p) => p.code)).toEqual(['basic', 'institutional', 'key', 'daily', 'outstanding', 'negative']);
    expect(demo.parts.filter((p) => ['basic', 'institutional', 'key', 'daily'].includes(p.code)).reduce((s, p) => s + p.points, 0)).toBe(1000);
    for (const part of demo.parts.filter((p) => p.code !== 'outstanding' && p.code !== 'negative')) {
      expect(demo.items.filter((i) => i.part === part.code).reduce((s, i) => s + i.points, 0), part.code).toBe(part.points);
    }
    expect(new Set(demo.items.map((i) => i.rule.kind))).toEqual(new Set(['per-occurrence', 'target', 'deadline', 'evidence', 'deduction', 'veto']));
  });
});

describe('standard validation', () => {
  const issues = (body: unknown) => {
    try {
      parseStandardBody(body);
      return [];
    } catch (error) {
      return (error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.join('.')} ${i.message}`);
    }
  };

  it('refuses missing parts, duplicate codes, rules in the wrong part, points on a veto', () => {
    const body = structuredClone(standard) as AssessmentStandardBody;
    body.parts = body.parts.slice(0, 5);
    body.items[1] = { ...body.items[1]!, code: 'tq' };
    body.items[2] = { ...body.items[2]!, rule: { kind: 'deduction', pointsEach: 1 } };
    body.items[10] = { ...body.items[10]!, rule: { kind: 'target', target: 1, per: 'year', mode: 'full' } };
    body.items[12] = { ...body.items[12]!, points: 5 };
    expect(issues(body)).toEqual([
      'parts §assessment:sixParts',
      'items.1.code §assessment:duplicateItem',
      'items.2.rule.kind §assessment:positiveRule',
      'items.10.rule.kind §assessment:negativeRule',
      'items.12.points §assessment:vetoPoints',
    ]);
  });
});
