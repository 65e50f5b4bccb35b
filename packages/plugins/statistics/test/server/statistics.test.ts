/**
 * The statistics plugin end to end over HTTP, on both engines, with a fixture plugin whose
 * metrics the tests record by hand (so every figure is computed by hand below), the diary
 * plugin (for the demo entry points) and the statistics plugin with the demo entry points plus
 * test ones as an override: views (kpis, series, breakdown, ranking, items, comparisons) exactly;
 * ratios null without a denominator; scoping for every level and for the live view and the
 * export; the records behind a number; the export equals the screen (xlsx parsed back with
 * exceljs, CSV); the live view over server-sent events; definitions refused at creation. And,
 * on a second server without override, the entry points the installed plugins contribute.
 *
 * Facts (fixture.cases / fixture.agreements; A, B, C are offices of 红山区 150402, S one of
 * 松山区 150404):
 *   2026-Q2: A 04-03 4/3, 05-10 2/2, 06-30 1/0; B 04-15 5/1; C 05-20 5/0 (+ 3 visits);
 *            红山区 itself 06-01 1/1; S 04-20 9/9; outside the period: A 07-01 100/100.
 *   2026-Q1: A 02-10 2/1; B 03-31 2/2.        2025-Q2: A 2025-05-05 10/5.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { createRouter, definePlugin, defineServerPlugin, factInputSchema, scopedProcedure, type Actor, type EntryPointDefinitionInput, type FactInput } from '@sifa/core';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { diaryEntryPointGroups, diaryEntryPoints, diaryMetrics } from '@sifa/plugin-diary';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { warningsEntryPoints, warningsManifest } from '@sifa/plugin-warnings';
import { createStatisticsPlugin } from '../../src/server/index.js';
import type { EntryPointList, StatisticsApi, StatisticsEntries, StatisticsView } from '../../src/index.js';
import { rawFetch, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

const pathOf = (code: string) => `/${[2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n)).join('/')}/`;

// ---- the fixture plugin: metrics the tests record, and a mutation that records like a plugin ----

const fixturePlugin = defineServerPlugin(
  definePlugin({
    id: 'fixture',
    version: '0.1.0',
    core: '^0.1.0',
    title: { zh: '测试夹具', en: 'Test fixture' },
    permissions: [{ name: 'fixture.write', title: { zh: '登记', en: 'Write' }, roles: ['city_admin', 'county_admin', 'office_staff'] }],
    contributes: {
      metrics: [
        { code: 'fixture.cases', title: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' } },
        { code: 'fixture.agreements', title: { zh: '测试成功', en: 'Test agreements' }, unit: { zh: '件', en: 'cases' }, cohortOf: 'fixture.cases' },
        { code: 'fixture.visits', title: { zh: '测试走访', en: 'Test visits' }, unit: { zh: '次', en: 'visits' } },
      ],
    },
  }),
  {
    router: createRouter({
      /** Records the facts of one source as a business plugin would (the facts service announces the change). */
      record: scopedProcedure('fixture.write')
        .input(z.object({ id: z.string(), facts: z.array(factInputSchema) }))
        .mutation(async ({ ctx, input }) => {
          await ctx.facts.recordForSource({ kind: 'fixture.record', id: input.id }, input.facts);
          return { recorded: input.facts.length };
        }),
    }),
  },
);

/** The bundled DEMO entry points: the diary's and the warnings' (each contributed by the plugin owning the metrics). */
const demoEntryPoints = [...diaryEntryPoints, ...warningsEntryPoints];
/** Their groups, in dashboard order (the diary starts before the warnings). */
const entryPointGroups = [...diaryEntryPointGroups, ...(warningsManifest.contributes.entryPointGroups ?? [])].map((g) => g.id);

const t2 = (zh: string, en: string) => ({ zh, en });
const testEntries: EntryPointDefinitionInput[] = [
  { id: 'cases', group: 'mediation', title: t2('测试案件', 'Test cases'), metrics: ['fixture.cases', 'fixture.agreements'], combine: 'each', chart: 'bar' },
  { id: 'rate', group: 'mediation', title: t2('测试成功率', 'Test rate'), metrics: ['fixture.agreements', 'fixture.cases'], combine: 'ratio', figureTitle: t2('成功率', 'Rate'), chart: 'line' },
  { id: 'total', group: 'key', title: t2('测试合计', 'Test total'), metrics: ['fixture.cases', 'fixture.agreements'], combine: 'sum', figureTitle: t2('合计', 'Total'), chart: 'bar' },
  { id: 'ghost', group: 'basic', title: t2('未安装', 'Not installed'), metrics: ['fixture.cases', 'ghost.cases'], combine: 'each', chart: 'bar' },
  // Visits are not a part of cases: the rate could exceed 100 %.
  { id: 'loose-rate', group: 'basic', title: t2('走访率', 'Visit rate'), metrics: ['fixture.visits', 'fixture.cases'], combine: 'ratio', figureTitle: t2('率', 'Rate'), chart: 'line' },
];

// ---- the server ------------------------------------------------------------------------------

const A = '150402001';
const B = '150402002';
const C = '150402003';
const S = '150404001';
const HONGSHAN = '150402';
const plugins = [createDiaryPlugin(), fixturePlugin, createStatisticsPlugin({ entryPoints: [...demoEntryPoints, ...testEntries] })] as const;
type Router = AppRouterOf<typeof plugins>;
let t: TestServer<Router>;

function actorFor(code: string): Actor {
  return {
    userId: 'test-fixture',
    username: 'test-fixture',
    displayName: 'test-fixture',
    role: 'city_admin',
    scope: { orgCode: code, orgPath: pathOf(code) },
    permissions: new Set(['fixture.write']),
    via: 'session',
  };
}
async function record(id: string, facts: FactInput[]) {
  await t.server.runScoped(actorFor('1504'), (s) => s.facts.recordForSource({ kind: 'fixture.record', id }, facts));
}
const f = (orgCode: string, day: string, cases: number, agreements: number): FactInput[] => [
  { orgCode, day, metric: 'fixture.cases', value: cases },
  { orgCode, day, metric: 'fixture.agreements', value: agreements },
];

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => new Date('2026-07-02T02:00:00Z') });
  await record('a-0403', f(A, '2026-04-03', 4, 3));
  await record('a-0510', f(A, '2026-05-10', 2, 2));
  await record('a-0630', f(A, '2026-06-30', 1, 0));
  await record('b-0415', f(B, '2026-04-15', 5, 1));
  await record('c-0520', [...f(C, '2026-05-20', 5, 0), { orgCode: C, day: '2026-05-20', metric: 'fixture.visits', value: 3 }]);
  await record('hongshan-0601', f(HONGSHAN, '2026-06-01', 1, 1));
  await record('s-0420', f(S, '2026-04-20', 9, 9));
  await record('a-0701', f(A, '2026-07-01', 100, 100));
  await record('a-0210', f(A, '2026-02-10', 2, 1));
  await record('b-0331', f(B, '2026-03-31', 2, 2));
  await record('a-2025-0505', f(A, '2025-05-05', 10, 5));
});
afterAll(() => t?.close());

const client = (user: 'city' | 'hongshan' | 'songshan' | 'xitun' | 'sanzhongjie' | 'zhenxing') => t.client(user);
const ref = (code: string) => expect.objectContaining({ code });

// ---- tests -----------------------------------------------------------------------------------

describe('contract', () => {
  it('sends the very types the widget renders (nothing turns into a string on the wire)', () => {
    // StatisticsApi is inferred from the router with the wire's serialisation: a Date (or any
    // non-JSON value) in a served type would make it differ from the declared domain type.
    expectTypeOf<StatisticsApi['statistics.entryPoints']['output']>().toEqualTypeOf<EntryPointList>();
    expectTypeOf<StatisticsApi['statistics.view']['output']>().toEqualTypeOf<StatisticsView>();
    expectTypeOf<StatisticsApi['statistics.watch']['output']>().toEqualTypeOf<StatisticsView>();
    expectTypeOf<StatisticsApi['statistics.entries']['output']>().toEqualTypeOf<StatisticsEntries>();
  });

  it('lists the installed entry points and every group the installed plugins declare; one with an undeclared metric is left out', async () => {
    const { entries, groups } = await (await client('xitun')).statistics.entryPoints.query();
    // The warnings plugin is not installed here: its group is not listed.
    expect(groups.map((g) => g.id)).toEqual(diaryEntryPointGroups.map((g) => g.id));
    expect(groups.find((g) => g.id === 'mediation')?.title).toEqual({ zh: '人民调解', en: "People's mediation" });
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['cases', 'rate', 'total', 'mediation-success-rate', 'work-overview']));
    expect(ids).not.toContain('ghost');
    expect(ids).not.toContain('loose-rate');
    // The warnings plugin is not installed here: its entry points are left out, the diary's are all in.
    const needsWarnings = demoEntryPoints.filter((e) => e.metrics.some((m) => m.startsWith('warnings.'))).map((e) => e.id);
    expect(needsWarnings.length).toBeGreaterThan(0);
    for (const id of needsWarnings) expect(ids).not.toContain(id);
    expect(ids.filter((id) => demoEntryPoints.some((e) => e.id === id))).toEqual(demoEntryPoints.filter((e) => !needsWarnings.includes(e.id)).map((e) => e.id));
  });

  it('asking for an entry point that is unknown or not installed is a typed NOT_FOUND naming what is missing', async () => {
    const c = await client('hongshan');
    const unknown = await sifaErrorOf(c.statistics.view.query({ entry: 'nope', period: '2026-Q2' }));
    expect(unknown.data.sifaCode).toBe('NOT_FOUND');
    expect(unknown.message).toContain('"nope"');
    const ghost = await sifaErrorOf(c.statistics.view.query({ entry: 'ghost', period: '2026-Q2' }));
    expect(ghost.data.sifaCode).toBe('NOT_FOUND');
    expect(ghost.message).toContain('ghost.cases');
    const zh = await sifaErrorOf((await t.client('hongshan', { locale: 'zh-CN' })).statistics.view.query({ entry: 'ghost', period: '2026-Q2' }));
    expect(zh.message).toContain('未安装');
  });

  it('D1: an override ratio whose numerator is not declared a part of its denominator is not served (its rate could exceed 100 %)', async () => {
    const loose = await sifaErrorOf((await client('hongshan')).statistics.view.query({ entry: 'loose-rate', period: '2026-Q2' }));
    expect(loose.data.sifaCode).toBe('NOT_FOUND');
    expect(loose.message).toContain('"fixture.visits" is not declared a cohort of "fixture.cases"');
    const zh = await sifaErrorOf((await t.client('hongshan', { locale: 'zh-CN' })).statistics.view.query({ entry: 'loose-rate', period: '2026-Q2' }));
    expect(zh.message).toContain('比率可能超过 100%');
  });

  it('refuses a bad period or comparison with field issues', async () => {
    const c = await client('hongshan');
    const bad = await sifaErrorOf(c.statistics.view.query({ entry: 'cases', period: '2026-13' }));
    expect(bad.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(bad.data.issues.map((i) => i.path)).toEqual(['period']);
    const compare = await sifaErrorOf(c.statistics.view.query({ entry: 'cases', period: '2026', compare: 'sideways' as never }));
    expect(compare.data.issues.map((i) => i.path)).toEqual(['compare']);
  });
});

describe('the demo entry points', () => {
  it('are 18, cover all 12 groups and each uses only its own plugin\'s metrics (diary.*, warnings.*)', () => {
    expect(demoEntryPoints).toHaveLength(18);
    expect(entryPointGroups).toHaveLength(12);
    expect(new Set(demoEntryPoints.map((e) => e.group))).toEqual(new Set(entryPointGroups));
    const diaryDeclared = new Set<string>(diaryMetrics.map((m) => m.code));
    for (const e of diaryEntryPoints) for (const m of e.metrics) expect(diaryDeclared.has(m), `${e.id}: ${m}`).toBe(true);
    for (const e of warningsEntryPoints) for (const m of e.metrics) expect(['warnings.raised', 'warnings.closed', 'warnings.raised-closed'], `${e.id}: ${m}`).toContain(m);
    expect(demoEntryPoints.find((e) => e.id === 'mediation-success-rate')).toMatchObject({ combine: 'ratio', metrics: ['diary.mediation-agreements', 'diary.mediation-cases'] });
    expect(demoEntryPoints.some((e) => e.chart === 'pie')).toBe(true);
    expect(demoEntryPoints.some((e) => e.combine === 'sum')).toBe(true);
    // The default plugin is the demo set and accepts it.
    expect(() => createStatisticsPlugin()).not.toThrow();
  });

  it('serve the diary’s facts: the mediation success rate of an office', async () => {
    await t.server.runScoped(actorFor('1504'), (s) =>
      s.facts.recordForSource({ kind: 'diary.entry', id: 'demo-1' }, [
        { orgCode: B, day: '2026-03-02', metric: 'diary.mediation-cases', value: 8 },
        { orgCode: B, day: '2026-03-02', metric: 'diary.mediation-agreements', value: 6 },
      ]),
    );
    try {
      const v = await (await client('sanzhongjie')).statistics.view.query({ entry: 'mediation-success-rate', period: '2026-03' });
      expect(v.figures).toEqual([{ key: 'ratio', title: { zh: '调解成功率', en: 'Success rate' }, unit: { zh: '%', en: '%' } }]);
      expect(v.kpis).toEqual([{ value: 75, previous: null }]);
      expect(v.series.find((x) => x.bucket === '2026-03-02')!.values).toEqual([75]);
      expect(v.series.find((x) => x.bucket === '2026-03-03')!.values).toEqual([null]);
      expect(v.items.map((i) => [i.metric, i.title.zh, i.unit.zh, i.value])).toEqual([
        ['diary.mediation-agreements', '调解成功', '件', 6],
        ['diary.mediation-cases', '调解矛盾纠纷', '件', 8],
      ]);
    } finally {
      await t.server.runScoped(actorFor('1504'), (s) => s.facts.recordForSource({ kind: 'diary.entry', id: 'demo-1' }, []));
    }
  });
});

describe('view', () => {
  it('a quarter of a county against the previous quarter: kpis, months, children, offices, items', async () => {
    const v = await (await client('hongshan')).statistics.view.query({ entry: 'cases', period: '2026-Q2', compare: 'previous' });
    expect(v.entry.id).toBe('cases');
    expect(v.org).toEqual({ code: HONGSHAN, name: { zh: '红山区', en: '红山区' }, level: 'county' });
    expect(v.trail.map((o) => o.code)).toEqual([HONGSHAN]);
    expect(v.period).toEqual({ period: '2026-Q2', from: '2026-04-01', to: '2026-06-30', through: '2026-06-30', complete: true });
    expect(v.comparePeriod).toEqual({ period: '2026-Q1', from: '2026-01-01', to: '2026-03-31', through: '2026-03-31', complete: true });
    expect(v.figures).toEqual([
      { key: 'fixture.cases', title: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' } },
      { key: 'fixture.agreements', title: { zh: '测试成功', en: 'Test agreements' }, unit: { zh: '件', en: 'cases' } },
    ]);
    // A 7 + B 5 + C 5 + the county's own 1 = 18; agreements 3+2+0 + 1 + 0 + 1 = 7. Q1: 4 / 3.
    expect(v.kpis).toEqual([{ value: 18, previous: 4 }, { value: 7, previous: 3 }]);
    expect(v.series).toEqual([
      { bucket: '2026-04', values: [9, 4] },
      { bucket: '2026-05', values: [7, 2] },
      { bucket: '2026-06', values: [2, 1] },
    ]);
    // The 15 offices, then the county's own row (its own facts): the rows add up to the totals.
    expect(v.breakdown).toHaveLength(16);
    expect(v.breakdown.filter((b) => b.own)).toEqual([{ org: { code: HONGSHAN, name: { zh: '红山区', en: '红山区' }, level: 'county' }, own: true, values: [1, 1], previous: [0, 0] }]);
    expect(v.breakdown.at(-1)!.own).toBe(true);
    expect([0, 1].map((i) => v.breakdown.reduce((sum, b) => sum + b.values[i]!, 0))).toEqual(v.kpis.map((k) => k.value));
    expect([0, 1].map((i) => v.breakdown.reduce((sum, b) => sum + b.previous[i]!, 0))).toEqual(v.kpis.map((k) => k.previous));
    const byCode = new Map(v.breakdown.filter((b) => !b.own).map((b) => [b.org.code, b]));
    expect(byCode.get(A)).toMatchObject({ values: [7, 5], previous: [2, 1] });
    expect(byCode.get(B)).toMatchObject({ values: [5, 1], previous: [2, 2] });
    expect(byCode.get(C)).toMatchObject({ values: [5, 0], previous: [0, 0] });
    expect(byCode.get(A)!.org).toEqual({ code: A, name: { zh: '西屯街道司法所', en: '西屯街道司法所' }, level: 'office' });
    expect(v.breakdown.filter((b) => !b.own && ![A, B, C].includes(b.org.code)).every((b) => b.values.every((x) => x === 0) && b.previous.every((x) => x === 0))).toBe(true);
    // Ranking by cases: A 7, B and C 5 (shared), the other 12 offices 0 (shared 4th).
    expect(v.ranking).toHaveLength(15);
    expect(v.ranking.slice(0, 3)).toEqual([
      { org: ref(A), value: 7, rank: 1, values: [7, 5] },
      { org: ref(B), value: 5, rank: 2, values: [5, 1] },
      { org: ref(C), value: 5, rank: 2, values: [5, 0] },
    ]);
    expect(v.ranking.slice(3).every((r) => r.value === 0 && r.rank === 4)).toBe(true);
    expect(v.items).toEqual([
      { metric: 'fixture.cases', title: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' }, value: 18, previous: 4 },
      { metric: 'fixture.agreements', title: { zh: '测试成功', en: 'Test agreements' }, unit: { zh: '件', en: 'cases' }, value: 7, previous: 3 },
    ]);
    expect(v.computedAt).toBe('2026-07-02T02:00:00.000Z');
  });

  it('a ratio in per cent, null where there is no denominator; offices without one rank last', async () => {
    const v = await (await client('hongshan')).statistics.view.query({ entry: 'rate', period: '2026-Q2', compare: 'previous' });
    expect(v.figures).toEqual([{ key: 'ratio', title: { zh: '成功率', en: 'Rate' }, unit: { zh: '%', en: '%' } }]);
    expect(v.kpis).toEqual([{ value: 38.89, previous: 75 }]);
    expect(v.series.map((s) => s.values[0])).toEqual([44.44, 28.57, 50]);
    const byCode = new Map(v.breakdown.map((b) => [b.org.code, b]));
    expect(byCode.get(A)).toMatchObject({ values: [71.43], previous: [50] });
    expect(byCode.get(B)).toMatchObject({ values: [20], previous: [100] });
    expect(byCode.get(C)).toMatchObject({ values: [0], previous: [null] });
    expect(byCode.get('150402004')).toMatchObject({ values: [null], previous: [null] });
    // The county's own row is a ratio of its own facts: 1 of 1 in Q2, none in Q1.
    expect(v.breakdown.find((b) => b.own)).toMatchObject({ org: ref(HONGSHAN), values: [100], previous: [null] });
    expect(v.ranking.slice(0, 3)).toEqual([
      { org: ref(A), value: 71.43, rank: 1, values: [71.43] },
      { org: ref(B), value: 20, rank: 2, values: [20] },
      { org: ref(C), value: 0, rank: 3, values: [0] },
    ]);
    expect(v.ranking.slice(3).every((r) => r.value === null && r.rank === 4)).toBe(true);
    expect(v.items.map((i) => [i.metric, i.value, i.previous])).toEqual([
      ['fixture.agreements', 7, 3],
      ['fixture.cases', 18, 4],
    ]);
  });

  it('a sum, and a month by days against the same month a year ago', async () => {
    const c = await client('hongshan');
    const sum = await c.statistics.view.query({ entry: 'total', period: '2026-Q2' });
    expect(sum.figures).toEqual([{ key: 'sum', title: { zh: '合计', en: 'Total' }, unit: { zh: '件', en: 'cases' } }]);
    expect(sum.kpis).toEqual([{ value: 25, previous: null }]);
    expect(sum.comparePeriod).toBeNull();
    expect(sum.breakdown.find((b) => b.org.code === A)).toMatchObject({ values: [12], previous: [null] });
    expect(sum.items.map((i) => i.previous)).toEqual([null, null]);

    const may = await c.statistics.view.query({ entry: 'cases', period: '2026-05', compare: 'year-ago' });
    expect(may.comparePeriod).toEqual({ period: '2025-05', from: '2025-05-01', to: '2025-05-31', through: '2025-05-31', complete: true });
    expect(may.series).toHaveLength(31);
    expect(may.series[0]).toEqual({ bucket: '2026-05-01', values: [0, 0] });
    expect(may.series.filter((s) => s.values.some((x) => x !== 0))).toEqual([
      { bucket: '2026-05-10', values: [2, 2] },
      { bucket: '2026-05-20', values: [5, 0] },
    ]);
    expect(may.kpis).toEqual([{ value: 7, previous: 10 }, { value: 2, previous: 5 }]);
    expect(may.breakdown.find((b) => b.org.code === A)).toMatchObject({ values: [2, 2], previous: [10, 5] });
    // Nothing at the county's own level in either May: no own row.
    expect(may.breakdown.some((b) => b.own)).toBe(false);
  });

  // The server's clock stands at 2026-07-02 10:00 China time: July runs, its 2nd day.
  it('D12: a running period is marked incomplete and compared like with like (the same days of the comparison period)', async () => {
    const c = await client('hongshan');
    const july = await c.statistics.view.query({ entry: 'cases', period: '2026-07', compare: 'previous' });
    expect(july.period).toEqual({ period: '2026-07', from: '2026-07-01', to: '2026-07-31', through: '2026-07-02', complete: false });
    // June 1st–2nd, not all of June (which also holds A's 06-30 1/0).
    expect(july.comparePeriod).toEqual({ period: '2026-06', from: '2026-06-01', to: '2026-06-30', through: '2026-06-02', complete: false });
    expect(july.kpis).toEqual([{ value: 100, previous: 1 }, { value: 100, previous: 1 }]);
    expect(july.breakdown.find((b) => b.org.code === A)).toMatchObject({ values: [100, 100], previous: [0, 0] });
    expect(july.items.map((i) => i.previous)).toEqual([1, 1]);
    // Days not reached yet have no value (not zero).
    expect(july.series.slice(0, 3)).toEqual([
      { bucket: '2026-07-01', values: [100, 100] },
      { bucket: '2026-07-02', values: [0, 0] },
      { bucket: '2026-07-03', values: [null, null] },
    ]);
    expect(july.series.at(-1)).toEqual({ bucket: '2026-07-31', values: [null, null] });
    const yearAgo = await c.statistics.view.query({ entry: 'cases', period: '2026-07', compare: 'year-ago' });
    expect(yearAgo.comparePeriod).toMatchObject({ period: '2025-07', through: '2025-07-02', complete: false });
    // A quarter: Q3 has had 2 days, so Q2 counts April 1st–2nd (A's 04-03 is not among them).
    const q3 = await c.statistics.view.query({ entry: 'cases', period: '2026-Q3', compare: 'previous' });
    expect(q3.period).toMatchObject({ through: '2026-07-02', complete: false });
    expect(q3.comparePeriod).toMatchObject({ period: '2026-Q2', from: '2026-04-01', through: '2026-04-02', complete: false });
    expect(q3.kpis).toEqual([{ value: 100, previous: 0 }, { value: 100, previous: 0 }]);
    expect(q3.series.map((s) => s.values[0])).toEqual([100, null, null]);
    // The year so far against the same days of last year.
    const year = await c.statistics.view.query({ entry: 'cases', period: '2026', compare: 'previous' });
    expect(year.comparePeriod).toMatchObject({ period: '2025', through: '2025-07-02', complete: false });
    expect(year.kpis[0]).toEqual({ value: 122, previous: 10 });
  });

  it('D16: every office of the ranking carries every figure, so the ranking can follow the figure charted', async () => {
    const v = await (await client('hongshan')).statistics.view.query({ entry: 'cases', period: '2026-Q2' });
    expect(v.ranking.find((r) => r.org.code === A)).toMatchObject({ value: 7, values: [7, 5] });
    expect(v.ranking.find((r) => r.org.code === C)).toMatchObject({ value: 5, values: [5, 0] });
  });

  it('the city: counties as children, every office ranked, the trail from the scope down', async () => {
    const c = await client('city');
    const v = await c.statistics.view.query({ entry: 'cases', orgCode: '1504', period: '2026' });
    // 2026 includes A's July 100 / 100.
    expect(v.kpis).toEqual([{ value: 131, previous: null }, { value: 119, previous: null }]);
    expect(v.series.map((s) => s.bucket)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    // The clock stands in July: the months after it have no value yet.
    expect(v.series.map((s) => s.values[0])).toEqual([0, 2, 2, 18, 7, 2, 100, null, null, null, null, null]);
    expect(v.breakdown).toHaveLength(12);
    expect(v.breakdown.every((b) => b.org.level === 'county')).toBe(true);
    expect(v.breakdown.find((b) => b.org.code === HONGSHAN)!.values).toEqual([122, 110]);
    expect(v.breakdown.find((b) => b.org.code === '150404')!.values).toEqual([9, 9]);
    expect(v.ranking).toHaveLength(197);
    expect(v.ranking.slice(0, 4).map((r) => [r.org.code, r.value, r.rank])).toEqual([
      [A, 109, 1],
      [S, 9, 2],
      [B, 7, 3],
      [C, 5, 4],
    ]);
    expect(v.ranking.at(-1)).toMatchObject({ value: 0, rank: 5 });
    // Drilled down to an office: the trail runs from the city; an office has no ranking.
    const office = await c.statistics.view.query({ entry: 'cases', orgCode: A, period: '2026-Q2' });
    expect(office.trail.map((o) => o.code)).toEqual(['1504', HONGSHAN, A]);
    expect(office.trail[0]).toEqual({ code: '1504', name: { zh: '赤峰市', en: 'Chifeng' }, level: 'city' });
    expect(office.kpis.map((k) => k.value)).toEqual([7, 5]);
    expect(office.ranking).toEqual([]);
    expect(office.breakdown).toEqual([]);
  });
});

describe('scoping', () => {
  it('a county admin asking for another county or the city is OUT_OF_SCOPE', async () => {
    const c = await client('hongshan');
    for (const orgCode of ['150404', '1504', S]) {
      const e = await sifaErrorOf(c.statistics.view.query({ entry: 'cases', orgCode, period: '2026-Q2' }));
      expect(e.data.sifaCode, orgCode).toBe('OUT_OF_SCOPE');
    }
    const entries = await sifaErrorOf(c.statistics.entries.query({ orgCode: '150404', period: '2026-Q2', metric: 'fixture.cases' }));
    expect(entries.data.sifaCode).toBe('OUT_OF_SCOPE');
  });

  it('an office user sees its own office only', async () => {
    const c = await client('xitun');
    const v = await c.statistics.view.query({ entry: 'cases', period: '2026-Q2', compare: 'previous' });
    expect(v.org.code).toBe(A);
    expect(v.trail.map((o) => o.code)).toEqual([A]);
    expect(v.kpis).toEqual([{ value: 7, previous: 2 }, { value: 5, previous: 1 }]);
    expect(v.ranking).toEqual([]);
    for (const orgCode of [HONGSHAN, B]) {
      const e = await sifaErrorOf(c.statistics.view.query({ entry: 'cases', orgCode, period: '2026-Q2' }));
      expect(e.data.sifaCode).toBe('OUT_OF_SCOPE');
    }
  });

  it('needs sign-in', async () => {
    const e = await sifaErrorOf((await t.client()).statistics.view.query({ entry: 'cases', period: '2026-Q2' }));
    expect(e.data.sifaCode).toBe('UNAUTHENTICATED');
  });
});

describe('entries: the records behind a number', () => {
  it('lists them newest first with their orgs, a page at a time', async () => {
    const c = await client('hongshan');
    const all = await c.statistics.entries.query({ orgCode: HONGSHAN, period: '2026-Q2', metric: 'fixture.cases' });
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => [r.day, r.org.code, r.value, r.source.id])).toEqual([
      ['2026-06-30', A, 1, 'a-0630'],
      ['2026-06-01', HONGSHAN, 1, 'hongshan-0601'],
      ['2026-05-20', C, 5, 'c-0520'],
      ['2026-05-10', A, 2, 'a-0510'],
      ['2026-04-15', B, 5, 'b-0415'],
      ['2026-04-03', A, 4, 'a-0403'],
    ]);
    expect(all.rows[0]).toEqual({ source: { kind: 'fixture.record', id: 'a-0630' }, org: { code: A, name: { zh: '西屯街道司法所', en: '西屯街道司法所' }, level: 'office' }, day: '2026-06-30', metric: 'fixture.cases', value: 1 });
    // They add up to the number shown.
    expect(all.rows.reduce((s, r) => s + r.value, 0)).toBe(18);
    const page = await c.statistics.entries.query({ orgCode: HONGSHAN, period: '2026-Q2', metric: 'fixture.cases', limit: 2, offset: 1 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.source.id)).toEqual(['hongshan-0601', 'c-0520']);
    const tooMany = await sifaErrorOf(c.statistics.entries.query({ orgCode: HONGSHAN, period: '2026-Q2', metric: 'fixture.cases', limit: 201 }));
    expect(tooMany.data.issues.map((i) => i.path)).toEqual(['limit']);
    const unknown = await sifaErrorOf(c.statistics.entries.query({ orgCode: HONGSHAN, period: '2026-Q2', metric: 'ghost.cases' }));
    expect(unknown.data.sifaCode).toBe('NOT_FOUND');
  });
});

// ---- export ----------------------------------------------------------------------------------

async function exportOf(user: 'hongshan' | 'xitun' | 'city', query: Record<string, string>) {
  const token = await t.tokenOf(user);
  return fetch(`${t.url}/plugins/statistics/export?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}`, 'x-sifa-locale': 'en' } });
}

/** Rows of a sheet below its table header (the row whose first cell is `firstHeader`). */
function tableOf(sheet: ExcelJS.Worksheet, firstHeader: string): { header: string[]; rows: unknown[][] } {
  const all: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => all.push((row.values as unknown[]).slice(1)));
  const at = all.findIndex((r) => r[0] === firstHeader);
  expect(at, `${sheet.name}: header ${firstHeader}`).toBeGreaterThan(0);
  const header = all[at] as string[];
  // exceljs leaves empty cells (nulls) out at the end of a row.
  return { header, rows: all.slice(at + 1).map((r) => header.map((_, i) => r[i] ?? null)) };
}

describe('export equals the screen', () => {
  it('xlsx: every sheet holds the numbers of the view (ratios as Excel percentages)', async () => {
    for (const entry of ['cases', 'rate']) {
      const view = await (await client('hongshan')).statistics.view.query({ entry, period: '2026-Q2', compare: 'previous' });
      const res = await exportOf('hongshan', { entry, period: '2026-Q2', compare: 'previous', format: 'xlsx', locale: 'zh' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toContain(`filename="statistics-${entry}-150402-2026-Q2.xlsx"`);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`${view.entry.title.zh}-红山区-2026-Q2.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      expect(book.worksheets.map((s) => s.name)).toEqual(['概览', '趋势', '下级', '排名', '明细项']);
      const pct = (x: number | null) => (x === null || entry !== 'rate' ? x : x / 100);
      const close = (got: unknown[], want: (number | null)[]) => {
        expect(got).toHaveLength(want.length);
        want.forEach((w, i) => (w === null ? expect(got[i]).toBeNull() : expect(got[i] as number).toBeCloseTo(w, 10)));
      };
      const [summary, series, breakdown, ranking, items] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
      expect(summary.getCell('A1').value).toBe(view.entry.title.zh);
      expect(summary.getCell('B2').value).toBe('红山区（150402）');
      const s = tableOf(summary, '指标');
      expect(s.header).toEqual(['指标', '单位', '本期 2026-Q2', '对比期 2026-Q1', '变化率（%）']);
      s.rows.forEach((row, i) => {
        expect(row.slice(0, 2)).toEqual([view.figures[i]!.title.zh, view.figures[i]!.unit.zh]);
        close(row.slice(2, 4), [pct(view.kpis[i]!.value), pct(view.kpis[i]!.previous)]);
      });
      expect(s.rows).toHaveLength(view.figures.length);
      if (entry === 'rate') expect(summary.getCell(`C${summary.rowCount}`).numFmt).toBe('0.0%');
      const se = tableOf(series, '时间');
      expect(se.rows.map((r) => r[0])).toEqual(view.series.map((x) => x.bucket));
      se.rows.forEach((r, i) => close(r.slice(1), view.series[i]!.values.map(pct)));
      const b = tableOf(breakdown, '单位代码');
      expect(b.rows.map((r) => r[0])).toEqual(view.breakdown.map((x) => x.org.code));
      // The county's own facts (06-01) are a row of their own, named as such.
      expect(b.rows.at(-1)!.slice(0, 2)).toEqual([HONGSHAN, '红山区（本级）']);
      b.rows.forEach((r, i) => {
        const want = view.breakdown[i]!.values.flatMap((v, k) => [pct(v), pct(view.breakdown[i]!.previous[k]!)]);
        close(r.slice(3), want);
      });
      const rk = tableOf(ranking, '名次');
      expect(rk.rows.map((r) => [r[0], r[1]])).toEqual(view.ranking.map((x) => [x.rank, x.org.code]));
      rk.rows.forEach((r, i) => close([r[3] ?? null], [pct(view.ranking[i]!.value)]));
      const it = tableOf(items, '指标代码');
      expect(it.rows.map((r) => [r[0], r[3], r[4]])).toEqual(view.items.map((x) => [x.metric, x.value, x.previous]));
    }
  });

  it('CSV: UTF-8 with BOM, quoted per RFC 4180, the same numbers, English headers on request', async () => {
    const view = await (await client('hongshan')).statistics.view.query({ entry: 'rate', period: '2026-Q2', compare: 'previous' });
    const res = await exportOf('hongshan', { entry: 'rate', period: '2026-Q2', compare: 'previous', format: 'csv', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('filename="statistics-rate-150402-2026-Q2.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes.slice(3));
    const sections = body.trimEnd().split('\r\n\r\n').map((s) => s.split('\r\n').map(parseCsvLine));
    expect(sections.map((s) => s[0]![0])).toEqual(['Test rate', 'Summary', 'Series', 'Breakdown', 'Ranking', 'Items']);
    const num = (x: string | undefined) => (x === '' || x === undefined ? null : Number(x));
    const [, summary, series, breakdown, ranking, items] = sections as string[][][];
    expect(summary![1]).toEqual(['Figure', 'Unit', 'This period 2026-Q2', 'Comparison 2026-Q1', 'Change (%)']);
    expect(summary!.slice(2).map((r) => [r[0], num(r[2]), num(r[3]), num(r[4])])).toEqual([['Rate', 38.89, 75, -48.15]]);
    expect(series!.slice(2).map((r) => [r[0], num(r[1])])).toEqual(view.series.map((s) => [s.bucket, s.values[0]]));
    expect(breakdown!.slice(2).map((r) => [r[0], num(r[3]), num(r[4])])).toEqual(view.breakdown.map((b) => [b.org.code, b.values[0], b.previous[0]]));
    expect(ranking!.slice(2).map((r) => [num(r[0]), r[1], num(r[3])])).toEqual(view.ranking.map((r) => [r.rank, r.org.code, r.value]));
    expect(items!.slice(2).map((r) => [r[0], num(r[3]), num(r[4])])).toEqual(view.items.map((i) => [i.metric, i.value, i.previous]));
    // The header block names the org and the comparison period in English.
    expect(sections[0]!.slice(1).map((r) => r[0])).toEqual(['Organisation', 'Period', 'Compared with', 'Computed at']);
  });

  it('D18: exports what the screen shows: the ranking by the figure charted, the records of an open item; times in China time', async () => {
    const view = await (await client('hongshan')).statistics.view.query({ entry: 'cases', period: '2026-Q2', compare: 'previous' });
    const read = async (query: Record<string, string>) => {
      const res = await exportOf('hongshan', { entry: 'cases', period: '2026-Q2', compare: 'previous', format: 'csv', locale: 'zh', ...query });
      expect(res.status).toBe(200);
      const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3));
      return { res, sections: text.trimEnd().split('\r\n\r\n').map((s) => s.split('\r\n').map(parseCsvLine)) };
    };
    // The server's clock: 2026-07-02T02:00Z is 10:00 in China; the offset is spelled out, never "Z".
    const overview = await read({ figure: 'fixture.agreements' });
    const head = Object.fromEntries(overview.sections[0]!.slice(1).map((r) => [r[0], r[1]]));
    expect(head['生成时间']).toMatch(/^2026-07-02 10:00:\d\d UTC\+08:00（北京时间）$/);
    expect(head['排名依据']).toBe('测试成功');
    // Ranked by agreements (A 5, S not in 红山区, B 1, C 0), not by cases (A 7, B 5, C 5).
    const ranking = overview.sections.find((s) => s[0]![0] === '排名')!;
    expect(ranking[1]![3]).toBe('测试成功（件）');
    const want = view.ranking.map((r) => ({ code: r.org.code, v: r.values[1]! })).sort((a, b) => b.v - a.v || a.code.localeCompare(b.code));
    expect(ranking.slice(2).map((r) => [r[1], Number(r[3])])).toEqual(want.map((w) => [w.code, w.v]));
    expect(ranking.slice(2).map((r) => r[1]).slice(0, 2)).toEqual([A, B]);
    // An item's records open: the export is those records, every one of them.
    const records = await read({ item: 'fixture.cases' });
    expect(records.res.headers.get('content-disposition')).toContain('filename="statistics-cases-150402-2026-Q2-fixture-cases-records.csv"');
    expect(records.sections).toHaveLength(2);
    expect(records.sections[1]![0]).toEqual(['记录']);
    expect(records.sections[1]![1]).toEqual(['日期', '单位代码', '单位名称', '本期（件）', '来源', '记录编号']);
    const listed = await (await client('hongshan')).statistics.entries.query({ orgCode: HONGSHAN, period: '2026-Q2', metric: 'fixture.cases', limit: 200 });
    expect(records.sections[1]!.slice(2).map((r) => [r[0], r[1], Number(r[3]), r[5]])).toEqual(listed.rows.map((r) => [r.day, r.org.code, r.value, r.source.id]));
    expect(Object.fromEntries(records.sections[0]!.slice(1).map((r) => [r[0], r[1]]))).toMatchObject({ 分项指标: '测试案件（fixture.cases）', 记录数: String(listed.total) });
    // An item the entry point does not have is refused.
    expect((await exportOf('hongshan', { entry: 'cases', period: '2026-Q2', item: 'fixture.visits', format: 'csv' })).status).toBe(404);
  });

  it('refuses bad parameters (400, typed JSON), out-of-scope orgs and anonymous callers', async () => {
    const bad = await exportOf('hongshan', { entry: 'cases', period: 'last-year', format: 'pdf' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { data: { sifaCode: string; issues: { path: string }[] } } };
    expect(body.error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(body.error.data.issues.map((i) => i.path).sort()).toEqual(['format', 'period']);
    const missing = await exportOf('hongshan', { period: '2026' });
    expect(missing.status).toBe(400);
    const outside = await exportOf('hongshan', { entry: 'cases', orgCode: '150404', period: '2026-Q2' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: { data: { sifaCode: string } } }).error.data.sifaCode).toBe('OUT_OF_SCOPE');
    const office = await exportOf('xitun', { entry: 'cases', orgCode: HONGSHAN, period: '2026-Q2' });
    expect(office.status).toBe(403);
    const anonymous = await rawFetch(`${t.url}/plugins/statistics/export?entry=cases&period=2026-Q2`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.data.sifaCode).toBe('UNAUTHENTICATED');
    const unknown = await exportOf('hongshan', { entry: 'ghost', period: '2026-Q2' });
    expect(unknown.status).toBe(404);
  });
});

/** One CSV line (no embedded line breaks in these files). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (s += '"'), (i += 2);
        else if (line[i] === '"') {
          i++;
          break;
        } else s += line[i++];
      }
      out.push(s);
      i++;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

// ---- the live view ---------------------------------------------------------------------------

describe('watch', () => {
  it('sends the view, then the recomputed view when facts of the subtree change; not for facts elsewhere', async () => {
    const county = await client('hongshan');
    const views: StatisticsView[] = [];
    const waiters: (() => void)[] = [];
    const next = (n: number) => new Promise<void>((resolve) => (views.length >= n ? resolve() : waiters.push(() => views.length >= n && resolve())));
    const sub = county.statistics.watch.subscribe(
      { entry: 'cases', period: '2026-Q2' },
      {
        onData: (view) => {
          views.push(view);
          waiters.splice(0).forEach((w) => w());
        },
        onError: (error) => {
          throw error;
        },
      },
    );
    try {
      await next(1);
      expect(views[0]!.kpis.map((k) => k.value)).toEqual([18, 7]);
      // Another county's fact: no new figures for 红山区.
      const songshan = await client('songshan');
      await songshan.fixture.record.mutate({ id: 'live-s', facts: f(S, '2026-06-15', 50, 50) });
      await new Promise((r) => setTimeout(r, 700));
      expect(views).toHaveLength(1);
      // A fact in the subtree: the recomputed view arrives.
      const office = await client('xitun');
      await office.fixture.record.mutate({ id: 'live-a', facts: f(A, '2026-06-15', 3, 2) });
      await next(2);
      expect(views[1]!.kpis.map((k) => k.value)).toEqual([21, 9]);
      expect(views[1]!.breakdown.find((b) => b.org.code === A)!.values).toEqual([10, 7]);
      expect(views[1]!.series.at(-1)!.values).toEqual([5, 3]);
    } finally {
      sub.unsubscribe();
      await record('live-a', []);
      await record('live-s', []);
    }
  });

  it('refuses an org outside the scope before the stream starts (403, typed), in the caller\'s language', async () => {
    const token = await t.tokenOf('hongshan');
    const input = encodeURIComponent(JSON.stringify({ entry: 'cases', orgCode: '150404', period: '2026-Q2' }));
    const res = await fetch(`${t.url}/trpc/statistics.watch?input=${input}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'x-sifa-locale': 'en' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { message: string; data: { sifaCode: string } } };
    expect(body.error.data.sifaCode).toBe('OUT_OF_SCOPE');
    expect(body.error.message).toMatch(/[a-z]/);
  });
});

describe('definitions are checked when the plugin is created', () => {
  const ok: EntryPointDefinitionInput = { id: 'fine', group: 'basic', title: t2('好', 'Fine'), metrics: ['diary.entries'], combine: 'each', chart: 'line' };
  it.each([
    ['a bad id', { ...ok, id: 'Bad Id' }, /"Bad Id" \(id\): An entry point id is lower-case/],
    ['no metrics', { ...ok, metrics: [] }, /\(metrics\): An entry point shows 1 to 12 metrics/],
    ['13 metrics', { ...ok, metrics: Array.from({ length: 13 }, (_, i) => `diary.m${i}`) }, /1 to 12 metrics/],
    ['a bad metric code', { ...ok, metrics: ['Diary Entries'] }, /\(metrics\.0\): A metric code is/],
    ['a ratio of three', { ...ok, combine: 'ratio', figureTitle: t2('率', 'Rate'), metrics: ['diary.a', 'diary.b', 'diary.c'] }, /exactly two metrics/],
    ['a sum without figureTitle', { ...ok, combine: 'sum', metrics: ['diary.a', 'diary.b'] }, /\(figureTitle\): A sum or ratio entry point needs figureTitle/],
    ['a malformed group id', { ...ok, group: 'Sports!' }, /\(group\): An entry point group id is lower-case/],
    ['an unknown chart', { ...ok, chart: 'radar' }, /\(chart\)/],
  ] as const)('refuses %s', (_name, definition, message) => {
    expect(() => createStatisticsPlugin({ entryPoints: [ok, definition as EntryPointDefinitionInput] })).toThrow(message);
  });

  it('refuses duplicate ids', () => {
    expect(() => createStatisticsPlugin({ entryPoints: [ok, { ...ok, title: t2('又', 'Again') }] })).toThrow(/entry point "fine" is defined twice/);
  });
});

describe('without an override: the entry points the installed plugins contribute', () => {
  const composedPlugins = [createDiaryPlugin(), createWarningsPlugin({ demoRules: false }), createStatisticsPlugin()] as const;
  let composed: TestServer<AppRouterOf<typeof composedPlugins>>;
  beforeAll(async () => {
    composed = await startTestServer({ plugins: composedPlugins, now: () => new Date('2026-07-02T02:00:00Z') });
  });
  afterAll(() => composed?.close());

  it('serves the diary’s and the warnings’ entry points and groups in start order (the dashboard’s 18 entry points in 12 groups)', async () => {
    const c = await composed.client('xitun');
    const { entries, groups } = await c.statistics.entryPoints.query();
    expect(entries.map((e) => e.id)).toEqual(demoEntryPoints.map((e) => e.id));
    expect(entries.find((e) => e.id === 'people-served')).toEqual(diaryEntryPoints.find((e) => e.id === 'people-served'));
    expect(entries.every((e) => !('plugin' in e))).toBe(true);
    expect(groups.map((g) => g.id)).toEqual(entryPointGroups);
    expect(groups.find((g) => g.id === 'mediation')?.title).toEqual({ zh: '人民调解', en: "People's mediation" });
    expect(groups.find((g) => g.id === 'warnings')?.title).toEqual({ zh: '智慧预警', en: 'Early warnings' });
    const rate = await c.statistics.view.query({ entry: 'warnings-close-rate', period: '2026-Q2' });
    expect(rate.figures).toEqual([{ key: 'ratio', title: { zh: '预警办结率', en: 'Close rate' }, unit: { zh: '%', en: '%' } }]);
    expect((await sifaErrorOf(c.statistics.view.query({ entry: 'cases', period: '2026-Q2' }))).data.sifaCode).toBe('NOT_FOUND');
  });
});
