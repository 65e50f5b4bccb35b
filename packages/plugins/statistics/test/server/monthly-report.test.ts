/**
 * The month's figures for upstream reporting (issue 18, part 4), on both engines: the job
 * `statistics.monthly-report` records the month before its run for every org of the tree and every
 * installed metric (subtree totals, `max` metrics as maxima, zeros included); the route serves
 * them as CSV and JSON for the caller's subtree only; a re-run after a correction is revision 2;
 * the month is China time's (a run in the first minutes of 1 January records December); refusals
 * name what to fix. Facts are recorded by hand on fixed days, so every figure is computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, definePlugin, defineServerPlugin, type Actor, type FactInput } from '@sifa/core';
import { createStatisticsPlugin, monthBefore } from '../../src/server/index.js';
import type { MonthlyReportJson } from '../../src/index.js';
import { rawFetch, startTestServer, type TestServer } from '@sifa/server/testing';
import type { AnyRouter } from '@trpc/server';

const fixturePlugin = defineServerPlugin(
  definePlugin({
    id: 'fixture',
    version: '0.1.0',
    core: '^0.1.0',
    title: { zh: '测试夹具', en: 'Test fixture' },
    contributes: {
      metrics: [
        { code: 'fixture.cases', title: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' } },
        { code: 'fixture.peak', title: { zh: '测试峰值, "最高"', en: 'Test peak, "highest"' }, unit: { zh: '人', en: 'people' }, aggregation: 'max' },
      ],
    },
  }),
  { router: createRouter({}) },
);

const A = '150402001';
const B = '150402002';
const S = '150404001';
const HONGSHAN = '150402';
const plugins = [fixturePlugin, createStatisticsPlugin()] as const;
let t: TestServer<AnyRouter>;

const systemActor: Actor = { userId: 'test', username: 'test', displayName: 'test', role: 'city_admin', scope: { orgCode: '1504', orgPath: '/15/1504/' }, permissions: new Set(), via: 'session' };
async function record(id: string, facts: FactInput[]) {
  await t.server.runScoped(systemActor, (s) => s.facts.recordForSource({ kind: 'fixture.record', id }, facts));
}

async function runAt(at: string) {
  const run = await t.server.jobs.run('statistics.monthly-report', { at: new Date(at) });
  expect(run.status, run.summary ?? '').toBe('succeeded');
  return run;
}

async function download(user: 'city' | 'hongshan' | 'xitun', query: string) {
  const token = await t.tokenOf(user);
  return rawFetch(`${t.url}/plugins/statistics/monthly-report?${query}`, { headers: { authorization: `Bearer ${token}`, 'x-sifa-locale': 'en' } });
}

/** The CSV's lines as records keyed by its header (RFC 4180 quotes handled). */
function parseCsv(text: string): Record<string, string | undefined>[] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

let orgCount: number;

beforeAll(async () => {
  t = (await startTestServer({ plugins, now: () => new Date('2027-01-10T02:00:00Z') })) as unknown as TestServer<AnyRouter>;
  orgCount = await t.server.runScoped({ ...systemActor, scope: { orgCode: '15', orgPath: '/15/' } }, async (s) => 1 + (await s.orgs.descendants('15')).length);
  // October (not November), November at its first and last day, 1 December (not November).
  await record('oct', [{ orgCode: A, day: '2026-10-31', metric: 'fixture.cases', value: 100 }]);
  await record('a', [
    { orgCode: A, day: '2026-11-01', metric: 'fixture.cases', value: 3 },
    { orgCode: A, day: '2026-11-30', metric: 'fixture.cases', value: 1 },
    { orgCode: A, day: '2026-11-12', metric: 'fixture.peak', value: 7 },
  ]);
  await record('b', [
    { orgCode: B, day: '2026-11-15', metric: 'fixture.cases', value: 2 },
    { orgCode: B, day: '2026-11-16', metric: 'fixture.peak', value: 9 },
  ]);
  await record('s', [{ orgCode: S, day: '2026-11-20', metric: 'fixture.cases', value: 5 }]);
  await record('dec', [
    { orgCode: A, day: '2026-12-01', metric: 'fixture.cases', value: 50 },
    { orgCode: S, day: '2026-12-31', metric: 'fixture.cases', value: 8 },
  ]);
}, 120_000);
afterAll(() => t?.close());

describe('the monthly report job', () => {
  it('takes the month before its run in China time', () => {
    expect(monthBefore(new Date('2026-12-01T01:30:00+08:00'))).toBe('2026-11');
    // 16:30 UTC on 31 December is already 1 January in China: December is reported.
    expect(monthBefore(new Date('2027-01-01T00:30:00+08:00'))).toBe('2026-12');
    expect(monthBefore(new Date('2026-03-01T00:00:00+08:00'))).toBe('2026-02');
  });

  it('records every org × every installed metric for the month before, as subtree totals (max for a max metric)', async () => {
    const run = await runAt('2026-12-01T01:30:00+08:00');
    expect(run.summary).toMatch(/^2026-11: \d+ orgs × \d+ metrics recorded \(revision 1\)$/);
    const metrics = run.counts.metrics!;
    expect(metrics).toBeGreaterThanOrEqual(2);
    expect(run.counts).toMatchObject({ orgs: orgCount, rows: orgCount * metrics, revision: 1 });

    const res = await download('city', 'month=2026-11&format=json');
    expect(res.status).toBe(200);
    const report = res.json as MonthlyReportJson;
    expect(report).toMatchObject({ format: 'sifa.monthly-report/1', month: '2026-11', orgCode: '1504', revision: 1 });
    const values = (code: string) => report.orgs.find((o) => o.code === code)?.values;
    expect(values(A)).toMatchObject({ 'fixture.cases': 4, 'fixture.peak': 7 });
    expect(values(B)).toMatchObject({ 'fixture.cases': 2, 'fixture.peak': 9 });
    expect(values(HONGSHAN)).toMatchObject({ 'fixture.cases': 6, 'fixture.peak': 9 });
    expect(values('150404')).toMatchObject({ 'fixture.cases': 5, 'fixture.peak': 0 });
    expect(values('1504')).toMatchObject({ 'fixture.cases': 11, 'fixture.peak': 9 });
    // Zeros are figures too: an office with nothing recorded is listed with 0.
    expect(values('150402003')).toMatchObject({ 'fixture.cases': 0 });
    // Root first, then every org before its children.
    expect(report.orgs[0]!.code).toBe('1504');
    const seen = new Set<string>();
    for (const org of report.orgs) {
      if (org.parentCode && org.code !== '1504') expect(seen.has(org.parentCode), `${org.code} before its parent ${org.parentCode}`).toBe(true);
      seen.add(org.code);
    }
    expect(report.metrics.find((m) => m.code === 'fixture.peak')).toMatchObject({ aggregation: 'max', unit: { zh: '人', en: 'people' } });
  });

  it('serves the county its own subtree as CSV, names and titles quoted where needed', async () => {
    const res = await download('hongshan', 'month=2026-11&locale=en');
    expect(res.status).toBe(200);
    // UTF-8 with a byte-order mark, so Excel opens the Chinese names right.
    const bytes = new Uint8Array(await (await fetch(`${t.url}/plugins/statistics/monthly-report?month=2026-11`, { headers: { authorization: `Bearer ${await t.tokenOf('hongshan')}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.text);
    expect(Object.keys(rows[0]!)).toEqual(['month', 'org_code', 'org_name', 'level', 'parent_code', 'metric', 'metric_title', 'unit', 'value', 'revision', 'computed_at']);
    expect(new Set(rows.map((r) => r.org_code?.slice(0, 6)))).toEqual(new Set([HONGSHAN]));
    expect(rows.find((r) => r.org_code === A && r.metric === 'fixture.cases')).toMatchObject({ value: '4', level: 'office', parent_code: HONGSHAN, unit: 'cases', revision: '1', month: '2026-11' });
    expect(rows.find((r) => r.org_code === HONGSHAN && r.metric === 'fixture.peak')).toMatchObject({ value: '9', metric_title: 'Test peak, "highest"' });
    expect(rows.every((r) => r.org_name !== '' && !Number.isNaN(Date.parse(r.computed_at ?? '')))).toBe(true);
    // Another county's subtree is out of reach.
    const other = await download('hongshan', 'month=2026-11&orgCode=150404');
    expect(other.status).toBe(403);
  });

  it('serves an office only its own figures', async () => {
    const res = await download('xitun', 'month=2026-11&format=json');
    const report = res.json as MonthlyReportJson;
    expect(report.orgs.map((o) => o.code)).toEqual([A]);
  });

  it('records December at 00:30 on 1 January, and a re-run after a correction is revision 2', async () => {
    await runAt('2027-01-01T00:30:00+08:00');
    let report = (await download('city', 'month=2026-12&format=json')).json as MonthlyReportJson;
    expect(report.orgs.find((o) => o.code === '1504')!.values['fixture.cases']).toBe(58);

    await record('late', [{ orgCode: B, day: '2026-11-29', metric: 'fixture.cases', value: 10 }]);
    // The recorded month stays as reported until the job runs again.
    report = (await download('city', 'month=2026-11&format=json')).json as MonthlyReportJson;
    expect(report.orgs.find((o) => o.code === HONGSHAN)!.values['fixture.cases']).toBe(6);
    const rerun = await runAt('2026-12-02T09:00:00+08:00');
    expect(rerun.counts.revision).toBe(2);
    report = (await download('city', 'month=2026-11&format=json')).json as MonthlyReportJson;
    expect(report.revision).toBe(2);
    expect(report.orgs.find((o) => o.code === HONGSHAN)!.values['fixture.cases']).toBe(16);

    const city = (await t.client('city')) as unknown as { statistics: { monthlyReports: { query(input: object): Promise<{ month: string; revision: number; orgs: number }[]> } } };
    const months = await city.statistics.monthlyReports.query({});
    expect(months.map((m) => [m.month, m.revision])).toEqual([
      ['2026-12', 1],
      ['2026-11', 2],
    ]);
    const county = (await t.client('hongshan')) as unknown as typeof city;
    expect((await county.statistics.monthlyReports.query({}))[0]!.orgs).toBeLessThan(months[0]!.orgs);
  });

  it('refuses a malformed month and answers a month not recorded yet with what to do', async () => {
    const bad = await download('city', 'month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'month', message: 'The month is written YYYY-MM, e.g. 2026-11.' }] });
    const missing = await download('city', 'month=2025-01');
    expect(missing.status).toBe(404);
    expect(missing.json?.error?.message).toContain('recorded at 01:30 on the 1st (job statistics.monthly-report)');
    const anonymous = await rawFetch(`${t.url}/plugins/statistics/monthly-report?month=2026-11`);
    expect(anonymous.status).toBe(401);
  });
});
