/**
 * The assessment plugin end to end over HTTP, on both engines: standards and their versions (a
 * change makes a new version, published versions frozen, old scores reproducible), validation against installed metrics, scores computed from facts on a
 * hand-computed fixture (offices, counties, ranks with ties, periods), drill-down to the diary
 * entry behind a point, trends, the indicator, and scoping (a county admin cannot score or see
 * another county; an office sees its own score without its neighbours').
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor } from '@sifa/core';
import type { AssessmentItemSpec, AssessmentStandardBody } from '../../src/index.js';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createAssessmentPlugin } from '../../src/server/index.js';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

const plugins = [createDiaryPlugin(), createAssessmentPlugin({ seedDemo: false })] as const;
type Plugins = typeof plugins;
let t: TestServer<AppRouterOf<Plugins>>;

// 2026-11-20, 10:00 in China.
const clock = new Date('2026-11-20T02:00:00Z');

const XITUN = '150402001';
const SANZHONGJIE = '150402002';
const ZHENXING = '150404001';
const HONGSHAN_OFFICES = 15;
const SONGSHAN_OFFICES = 22;

const tx = (zh: string) => ({ zh, en: zh });
const item = (code: string, part: AssessmentItemSpec['part'], metric: string, points: number, rule: AssessmentItemSpec['rule']): AssessmentItemSpec => ({
  code,
  part,
  title: tx(code),
  criterion: tx(`${code} criterion`),
  metric,
  points,
  rule,
});

const body: AssessmentStandardBody = {
  title: { zh: '测试考核标准（2026年度）', en: 'Test standard 2026' },
  demo: false,
  parts: [
    { code: 'basic', title: tx('基础工作'), points: 100 },
    { code: 'institutional', title: tx('制度建设'), points: 100 },
    { code: 'key', title: tx('重点工作'), points: 100 },
    { code: 'daily', title: tx('日常工作'), points: 100 },
    { code: 'outstanding', title: tx('突出表现'), points: 20 },
    { code: 'negative', title: tx('负面清单'), points: 50 },
  ],
  items: [
    item('tq', 'basic', 'diary.correction-visits', 40, { kind: 'target', target: 6, per: 'quarter', mode: 'full' }),
    item('ty', 'basic', 'diary.consultations', 60, { kind: 'target', target: 100, per: 'year', mode: 'pro-rata' }),
    item('dl', 'institutional', 'diary.legal-literates-selected', 50, { kind: 'deadline', target: 3, dueMonth: 6 }),
    item('evp', 'institutional', 'diary.grassroots-workers-supervised', 50, { kind: 'evidence', per: 'period' }),
    item('po', 'key', 'diary.mediation-cases', 30, { kind: 'per-occurrence', pointsEach: 2, scale: 'period' }),
    item('evm', 'daily', 'diary.entries', 50, { kind: 'evidence', per: 'month' }),
    item('bonus', 'outstanding', 'diary.commendations', 20, { kind: 'per-occurrence', pointsEach: 10, scale: 'none' }),
    item('ded', 'negative', 'diary.negative-incidents', 40, { kind: 'deduction', pointsEach: 15 }),
    item('veto', 'negative', 'diary.negative-incidents', 0, { kind: 'veto', threshold: 3, zeroes: 'total' }),
  ],
};

const fact = (orgCode: string, day: string, metric: string, value: number) => ({ orgCode, day, metric, value });

/** The fixture: facts an integration reported (hand-computed scores below), plus one real diary entry. */
const facts = [
  // 西屯: po 15 × 2 = 30; tq Q1 (3+3) and Q3 (6) → 20; ty 75 → 45; dl 1 + 2 by June → 50;
  // evm in Jan, May and (the diary entry) Nov → 3/12 × 50 = 12.5; bonus 10; ded −15.
  fact(XITUN, '2026-01-12', 'diary.mediation-cases', 5),
  fact(XITUN, '2026-07-08', 'diary.mediation-cases', 10),
  fact(XITUN, '2026-01-20', 'diary.correction-visits', 3),
  fact(XITUN, '2026-02-10', 'diary.correction-visits', 3),
  fact(XITUN, '2026-08-11', 'diary.correction-visits', 6),
  fact(XITUN, '2026-04-02', 'diary.consultations', 30),
  fact(XITUN, '2026-10-09', 'diary.consultations', 45),
  fact(XITUN, '2026-02-05', 'diary.legal-literates-selected', 1),
  fact(XITUN, '2026-05-06', 'diary.legal-literates-selected', 2),
  fact(XITUN, '2026-01-05', 'diary.entries', 1),
  fact(XITUN, '2026-05-05', 'diary.entries', 1),
  fact(XITUN, '2026-09-15', 'diary.commendations', 1),
  fact(XITUN, '2026-08-19', 'diary.negative-incidents', 1),
  // 三中街: po 20 × 2 = 40, capped at 30; three incidents: ded 45 capped at 40, and the veto → total 0.
  fact(SANZHONGJIE, '2026-03-03', 'diary.mediation-cases', 20),
  fact(SANZHONGJIE, '2026-04-03', 'diary.negative-incidents', 1),
  fact(SANZHONGJIE, '2026-05-03', 'diary.negative-incidents', 1),
  fact(SANZHONGJIE, '2026-06-03', 'diary.negative-incidents', 1),
  // 振兴 (松山区): ty 100 → 60.
  fact(ZHENXING, '2026-01-15', 'diary.consultations', 100),
];
const XITUN_TOTAL = 202.5; // 65 + 50 + 30 + 12.5 + 10 − 15 (institutional: dl 50; evp comes with the diary entry: +50 → 100)

let standardId = '';
let entryId = '';

async function client(user: 'city' | 'hongshan' | 'songshan' | 'xitun' | 'zhenxing') {
  return t.client(user, { batch: false });
}

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock });
  const city = await client('city');
  await city.platform.facts.record.mutate({ batchId: 'assessment-fixture', facts });
});
afterAll(() => t?.close());

describe('standards', () => {
  it('refuses a body that reads a metric no plugin declares, saying which item and why', async () => {
    const city = await t.client('city', { batch: false, locale: 'en' });
    const bad = { ...body, items: [...body.items, item('nope', 'daily', 'diary.nothing-like-this', 10, { kind: 'evidence', per: 'period' })] };
    const error = await sifaErrorOf(city.assessment.standards.create.mutate({ year: 2026, body: bad }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues).toEqual([{ path: 'body.items.9.metric', message: expect.stringContaining('No installed plugin provides this metric') }]);
    const zh = await t.client('city', { batch: false, locale: 'zh-CN' });
    const partsMissing = await sifaErrorOf(zh.assessment.standards.create.mutate({ year: 2026, body: { ...body, parts: body.parts.slice(1) } }));
    expect(partsMissing.data.issues).toEqual([{ path: 'body.parts', message: expect.stringContaining('考核标准由六部分组成') }]);
  });

  it('creates a draft; nothing is scored until it is published', async () => {
    const city = await client('city');
    const created = await city.assessment.standards.create.mutate({ year: 2026, body });
    standardId = created.id;
    expect(created).toMatchObject({ version: 1, status: 'draft', ownerOrgCode: '1504', year: 2026, publishedAt: null });
    expect((await city.assessment.standards.list.query({ year: 2026 })).map((s) => [s.id, s.publishedVersion, s.draftVersion])).toEqual([[standardId, null, 1]]);
    const error = await sifaErrorOf(city.assessment.score.query({ orgCode: XITUN, period: '2026' }));
    expect(error.data.sifaCode).toBe('NOT_FOUND');
    const published = await city.assessment.standards.publish.mutate({ id: standardId, draftVersion: 1 });
    expect(published).toMatchObject({ version: 1, status: 'published', publishedBy: expect.any(String) });
    const again = await sifaErrorOf(city.assessment.standards.create.mutate({ year: 2026, body }));
    expect(again.data.sifaCode).toBe('CONFLICT');
  });

  it('keeps a published version frozen in the database itself, even for the tables\' owner', async () => {
    /** What the database said (drizzle wraps it as the cause of its own error). */
    const refusal = async (query: Promise<unknown>) => {
      try {
        await query;
      } catch (error) {
        return String((error as { cause?: { message?: string } }).cause?.message ?? error);
      }
      throw new Error('the statement was not refused');
    };
    const db = t.server.database.db;
    expect(await refusal(db.execute(sql`UPDATE assessment_standard_versions SET body = body WHERE standard_id = ${standardId} AND version = 1`))).toMatch(/frozen once published/);
    expect(await refusal(db.execute(sql`DELETE FROM assessment_standard_versions WHERE standard_id = ${standardId}`))).toMatch(/frozen once published/);
  });
});

describe('scores computed from facts', () => {
  it('records a diary entry whose facts count (the drill-down will lead back to it)', async () => {
    const xitun = await client('xitun');
    const entry = await xitun.diary.save.mutate({
      idempotencyKey: randomUUID(),
      day: '2026-11-18',
      itemCode: 'diary.grassroots-supervision',
      fields: { activity: 'inspection', workers: 2, issues: 0, summary: '检查法律服务所' },
    });
    entryId = entry.id;
  });

  it("scores an office on the hand-computed fixture, with its rank among the county's offices", async () => {
    const city = await client('city');
    const score = await city.assessment.score.query({ orgCode: XITUN, period: '2026' });
    expect(score.standard).toMatchObject({ id: standardId, version: 1, year: 2026, ownerOrgCode: '1504', demo: false });
    expect(Object.fromEntries(score.items.map((i) => [i.code, i.points]))).toEqual({ tq: 20, ty: 45, dl: 50, evp: 50, po: 30, evm: 12.5, bonus: 10, ded: -15, veto: 0 });
    expect(Object.fromEntries(score.parts.map((p) => [p.code, p.points]))).toEqual({ basic: 65, institutional: 100, key: 30, daily: 12.5, outstanding: 10, negative: -15 });
    expect(score).toMatchObject({ total: XITUN_TOTAL, fullMarks: 400, vetoed: false, offices: 1, level: 'office', from: '2026-01-01', to: '2026-12-31' });
    expect(score.rank).toEqual({ position: 1, of: HONGSHAN_OFFICES, parentOrgCode: '150402', parentName: expect.objectContaining({ zh: '红山区' }) });
    const po = score.items.find((i) => i.code === 'po')!;
    expect(po).toMatchObject({ value: 15, max: 30, status: 'met', metricTitle: { zh: '调解矛盾纠纷' }, unit: { zh: '件' } });
  });

  it('applies caps, deductions and the veto of the total', async () => {
    const city = await client('city');
    const score = await city.assessment.score.query({ orgCode: SANZHONGJIE, period: '2026' });
    expect(score.items.find((i) => i.code === 'po')).toMatchObject({ value: 20, points: 30 });
    expect(score.items.find((i) => i.code === 'ded')).toMatchObject({ value: 3, points: -40, status: 'deducted' });
    expect(score.items.find((i) => i.code === 'veto')).toMatchObject({ status: 'vetoed' });
    expect(score).toMatchObject({ total: 0, vetoed: true });
  });

  it('ranks the offices of a county, ties sharing a position', async () => {
    const hongshan = await client('hongshan');
    const ranking = await hongshan.assessment.ranking.query({ parentOrgCode: '150402', period: '2026' });
    expect(ranking.rows).toHaveLength(HONGSHAN_OFFICES);
    expect(ranking.rows[0]).toMatchObject({ orgCode: XITUN, position: 1, total: XITUN_TOTAL, standard: { id: standardId, version: 1 } });
    // Every other office scores 0 (三中街 by its veto, the rest have no facts): all second.
    expect(new Set(ranking.rows.slice(1).map((r) => [r.position, r.total].join()))).toEqual(new Set(['2,0']));
    expect(ranking.rows.find((r) => r.orgCode === SANZHONGJIE)).toMatchObject({ vetoed: true });
    expect(ranking.unranked).toEqual([]);
  });

  it("scores a county as the mean of its offices, ranked among the city's counties", async () => {
    const city = await client('city');
    const hongshan = await city.assessment.score.query({ orgCode: '150402', period: '2026' });
    expect(hongshan).toMatchObject({ level: 'county', offices: HONGSHAN_OFFICES, total: Math.round((XITUN_TOTAL / HONGSHAN_OFFICES) * 100) / 100 });
    expect(hongshan.items.find((i) => i.code === 'ded')).toMatchObject({ value: 4, offices: { total: HONGSHAN_OFFICES, deducted: 2, vetoed: 0, met: 0 } });
    expect(hongshan.items.find((i) => i.code === 'veto')).toMatchObject({ status: 'vetoed', offices: expect.objectContaining({ vetoed: 1 }) });
    expect(hongshan.rank).toMatchObject({ position: 1, of: 12, parentOrgCode: '1504' });
    const songshan = await city.assessment.score.query({ orgCode: '150404', period: '2026' });
    expect(songshan.total).toBe(Math.round((60 / SONGSHAN_OFFICES) * 100) / 100);
    expect(songshan.rank).toMatchObject({ position: 2, of: 12 });
    const ranking = await city.assessment.ranking.query({ parentOrgCode: '1504', period: '2026' });
    expect(ranking.rows.slice(0, 2).map((r) => r.orgCode)).toEqual(['150402', '150404']);
    expect(ranking.rows.slice(2).every((r) => r.total === 0 && r.position === 3)).toBe(true);
  });

  it('scores quarters and months of the same year', async () => {
    const city = await client('city');
    const q3 = await city.assessment.score.query({ orgCode: XITUN, period: '2026-Q3' });
    // po: 10 × 2 × 12/3 = 80 → 30; tq: Q3 reached → 40; dl met in June → 50; bonus 10; ded −15.
    expect(Object.fromEntries(q3.items.map((i) => [i.code, i.points]))).toMatchObject({ po: 30, tq: 40, dl: 50, bonus: 10, ded: -15, ty: 0, evm: 0, evp: 0 });
    expect(q3.total).toBe(115); // 40 + 50 + 30 + 10 − 15
    const feb = await city.assessment.score.query({ orgCode: XITUN, period: '2026-02' });
    expect(feb.items.find((i) => i.code === 'dl')).toMatchObject({ status: 'pending', value: 1, points: 0 });
  });

  it('drills down from an item to the diary entry and the records behind it', async () => {
    const city = await client('city');
    const evidence = await city.assessment.breakdown.query({ orgCode: XITUN, period: '2026', itemCode: 'evp' });
    expect(evidence.item).toMatchObject({ code: 'evp', points: 50, value: 2 });
    expect(evidence.sources).toEqual([{ kind: 'diary.entry', id: entryId, orgCode: XITUN, orgName: expect.objectContaining({ zh: '西屯街道司法所' }), day: '2026-11-18', value: 2 }]);
    const po = await city.assessment.breakdown.query({ orgCode: XITUN, period: '2026', itemCode: 'po' });
    expect(po.total).toBe(2);
    expect(po.sources.map((s) => [s.kind, s.id, s.day, s.value])).toEqual([
      ['platform.integration', 'assessment-fixture', '2026-07-08', 10],
      ['platform.integration', 'assessment-fixture', '2026-01-12', 5],
    ]);
    // A deadline's records run from January to its due month.
    const dl = await city.assessment.breakdown.query({ orgCode: XITUN, period: '2026-Q3', itemCode: 'dl' });
    expect(dl.item).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(dl.sources.map((s) => s.day)).toEqual(['2026-05-06', '2026-02-05']);
    // A county's drill-down lists its offices' records, each with its office.
    const county = await city.assessment.breakdown.query({ orgCode: '150402', period: '2026', itemCode: 'ded', limit: 2 });
    expect(county.total).toBe(4);
    expect(county.sources).toHaveLength(2);
    expect(county.sources[0]).toMatchObject({ orgCode: XITUN, day: '2026-08-19' });
    const unknown = await sifaErrorOf(city.assessment.breakdown.query({ orgCode: XITUN, period: '2026', itemCode: 'nope' }));
    expect(unknown.data.sifaCode).toBe('NOT_FOUND');
  });

  it('gives a trend over the last periods of the same kind', async () => {
    const city = await client('city');
    const trend = await city.assessment.trend.query({ orgCode: XITUN, period: '2026-Q4', count: 4 });
    expect(trend.kind).toBe('quarter');
    expect(trend.points.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(trend.points[2]).toMatchObject({ total: 115, fullMarks: 400, standard: { id: standardId, version: 1 } });
    for (const point of trend.points) {
      expect(point.total).toBe((await city.assessment.score.query({ orgCode: XITUN, period: point.period })).total);
    }
    const years = await city.assessment.trend.query({ orgCode: XITUN, period: '2026', count: 2 });
    expect(years.points).toEqual([
      { period: '2025', total: null, fullMarks: null, standard: null },
      { period: '2026', total: XITUN_TOTAL, fullMarks: 400, standard: { id: standardId, version: 1 } },
    ]);
  });

  it('serves the assessment.total-score indicator with the same figures', async () => {
    const actor: Actor = {
      userId: 'test',
      username: 'test',
      displayName: 'test',
      role: 'city_admin',
      scope: { orgCode: '1504', orgPath: '/15/1504/' },
      permissions: new Set(),
      via: 'session',
    };
    const values = await t.server.runScoped(actor, (s) => s.signals.indicator('assessment.total-score', { orgCodes: [XITUN, SANZHONGJIE, '150402'], period: '2026' }));
    expect(Object.fromEntries(values)).toEqual({ [XITUN]: XITUN_TOTAL, [SANZHONGJIE]: 0, '150402': Math.round((XITUN_TOTAL / HONGSHAN_OFFICES) * 100) / 100 });
  });
});

describe('a change to the standard', () => {
  let before: Awaited<ReturnType<Awaited<ReturnType<typeof client>>['assessment']['score']['query']>>;

  it('is a new draft version; scores keep using the published one until it is published', async () => {
    const city = await client('city');
    before = await city.assessment.score.query({ orgCode: XITUN, period: '2026' });
    const changed = { ...body, items: body.items.map((i) => (i.code === 'po' ? { ...i, rule: { kind: 'per-occurrence' as const, pointsEach: 1, scale: 'period' as const } } : i)) };
    const draft = await city.assessment.standards.saveDraft.mutate({ id: standardId, draftVersion: null, body: changed });
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const stale = await sifaErrorOf(city.assessment.standards.saveDraft.mutate({ id: standardId, draftVersion: null, body: changed }));
    expect(stale.data.sifaCode).toBe('CONFLICT');
    expect((await city.assessment.score.query({ orgCode: XITUN, period: '2026' })).total).toBe(XITUN_TOTAL);
    await city.assessment.standards.publish.mutate({ id: standardId, draftVersion: 2 });
  });

  it('scores with the new version from then on, and the old version still gives the old numbers', async () => {
    const city = await client('city');
    const now = await city.assessment.score.query({ orgCode: XITUN, period: '2026' });
    expect(now.standard.version).toBe(2);
    expect(now.items.find((i) => i.code === 'po')!.points).toBe(15); // 15 × 1
    expect(now.total).toBe(XITUN_TOTAL - 15);
    const old = await city.assessment.score.query({ orgCode: XITUN, period: '2026', standard: { id: standardId, version: 1 } });
    expect(old).toEqual(before);
    expect((await city.assessment.standards.get.query({ id: standardId, version: 1 })).body).toEqual(body);
    const list = await city.assessment.standards.list.query({ year: 2026 });
    expect(list[0]).toMatchObject({ publishedVersion: 2, draftVersion: null });
  });

  it('copies a year into the next as a draft with the year in its title', async () => {
    const city = await client('city');
    const copy = await city.assessment.standards.copy.mutate({ from: { id: standardId }, year: 2027 });
    expect(copy).toMatchObject({ year: 2027, version: 1, status: 'draft', body: { title: { zh: '测试考核标准（2027年度）' } } });
    expect(copy.body.items.find((i) => i.code === 'po')!.rule).toMatchObject({ pointsEach: 1 }); // from the published version 2
    const twice = await sifaErrorOf(city.assessment.standards.copy.mutate({ from: { id: standardId }, year: 2027 }));
    expect(twice.data.sifaCode).toBe('CONFLICT');
  });
});

describe('scope', () => {
  it('a county admin cannot score, rank or drill into another county', async () => {
    const hongshan = await t.client('hongshan', { batch: false, locale: 'en' });
    for (const call of [
      () => hongshan.assessment.score.query({ orgCode: ZHENXING, period: '2026' }),
      () => hongshan.assessment.score.query({ orgCode: '150404', period: '2026' }),
      () => hongshan.assessment.ranking.query({ parentOrgCode: '1504', period: '2026' }),
      () => hongshan.assessment.breakdown.query({ orgCode: ZHENXING, period: '2026', itemCode: 'ty' }),
      () => hongshan.assessment.trend.query({ orgCode: ZHENXING, period: '2026' }),
    ]) {
      expect((await sifaErrorOf(call())).data.sifaCode).toBe('OUT_OF_SCOPE');
    }
    // Its own county: scored, but not ranked among the counties (their facts are not its to see).
    const own = await hongshan.assessment.score.query({ orgCode: '150402', period: '2026' });
    expect(own.rank).toBeNull();
    expect(own.offices).toBe(HONGSHAN_OFFICES);
  });

  it("a county admin reads the city's published standard but cannot change it", async () => {
    const hongshan = await t.client('hongshan', { batch: false, locale: 'en' });
    const list = await hongshan.assessment.standards.list.query({});
    expect(list.map((s) => [s.id, s.publishedVersion, s.draftVersion])).toEqual([[standardId, 2, null]]); // the 2027 copy is a draft: not shown
    const error = await sifaErrorOf(hongshan.assessment.standards.saveDraft.mutate({ id: standardId, body }));
    expect(error.data.sifaCode).toBe('FORBIDDEN');
    expect(error.message).toContain('copy it');
  });

  it("an office sees its own score without a rank, never a neighbour's, and cannot manage standards", async () => {
    const xitun = await client('xitun');
    const own = await xitun.assessment.score.query({ orgCode: XITUN, period: '2026' });
    expect(own.total).toBe(XITUN_TOTAL - 15);
    expect(own.rank).toBeNull();
    expect((await sifaErrorOf(xitun.assessment.score.query({ orgCode: SANZHONGJIE, period: '2026' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(xitun.assessment.ranking.query({ parentOrgCode: '150402', period: '2026' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(xitun.assessment.standards.copy.mutate({ from: { id: standardId }, year: 2028 }))).data.sifaCode).toBe('FORBIDDEN');
  });
});

describe('result documents (through the platform document service)', () => {
  async function until<T>(read: () => Promise<T | null>, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("issues a county's statistics table and analysis report from the scores computed now", async () => {
    const hongshan = await client('hongshan');
    const table = await hongshan.assessment.issueStatisticsTable.mutate({ parentOrgCode: '150402', period: '2026' });
    expect(table).toMatchObject({ template: 'assessment.statistics-table', slot: 'statistics-table', issuerOrgCode: '150402', title: '红山区2026年度考核得分统计表' });
    const report = await hongshan.assessment.issueAnalysisReport.mutate({ parentOrgCode: '150402', period: '2026' });
    expect(report).toMatchObject({ template: 'assessment.analysis-report', slot: 'analysis-report', title: '红山区2026年度考核情况分析报告' });
    expect(report.number).not.toBe(table.number);
  });

  it('issues one result notice per office in the background, each stating the standard version it used', async () => {
    const hongshan = await client('hongshan');
    const batch = await hongshan.assessment.issueResultNotices.mutate({ parentOrgCode: '150402', period: '2026' });
    expect(batch).toMatchObject({ template: 'assessment.result-notice', total: HONGSHAN_OFFICES });
    const done = await until(async () => {
      const status = await hongshan.platform.documents.batch.query({ id: batch.id });
      return status.state === 'running' ? null : status;
    }, 'the batch to end');
    expect(done).toMatchObject({ state: 'finished', done: HONGSHAN_OFFICES, failed: 0 });
    const notices = await hongshan.platform.documents.list.query({ template: 'assessment.result-notice', limit: 50 });
    expect(notices.items).toHaveLength(HONGSHAN_OFFICES);
    expect(notices.items.find((d) => d.subjectOrgCode === XITUN)).toMatchObject({
      title: '关于西屯街道司法所2026年度考核结果的通知',
      slot: 'assessment-notice',
      entity: { kind: 'assessment.result', id: `${XITUN}/2026/${standardId}@2` },
    });
  });

  it('refuses an office (the assessed do not issue their own results)', async () => {
    const xitun = await client('xitun');
    expect((await sifaErrorOf(xitun.assessment.issueStatisticsTable.mutate({ parentOrgCode: XITUN, period: '2026' }))).data.sifaCode).toBe('FORBIDDEN');
  });
});
