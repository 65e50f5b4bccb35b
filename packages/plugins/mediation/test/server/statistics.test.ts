/**
 * `mediation.statistics` over HTTP, on both engines: cases registered in a period by dispute
 * type, source, outcome and amount, within the caller's subtree (an office its own, a county its
 * offices, the city all), an org inside the subtree, and never another office's or county's;
 * and the plugin's dashboard entry points over its own metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import type { MediationStatistics } from '../../src/index.js';
import { createMediationPlugin } from '../../src/server/index.js';
import { demoIdNumber } from '../../src/server/seed.js';

const clock = { now: new Date('2026-06-15T02:00:00Z') };
// No diary: the plugin runs without it (the diary's metrics it feeds are skipped).
const plugins = [createMediationPlugin({ demo: false }), createStatisticsPlugin()] as const;
let t: TestServerOf<typeof plugins>;

type User = 'city' | 'hongshan' | 'songshan' | 'xitun' | 'sanzhongjie' | 'zhenxing';
const client = (user: User, locale = 'en') => t.client(user, { locale });
type Client = Awaited<ReturnType<typeof client>>;

const parties = (n = 2) =>
  Array.from({ length: n }, (_, i) => ({ role: i === 0 ? 'applicant' : 'respondent', name: `演示当事人${'甲乙丙'[i]}`, idNumber: demoIdNumber('150402', '1980-01-01'), phone: '13800000001', address: '演示社区1号' }));

async function mediate(c: Client, spec: { on: string; disputeType: string; source: string; amount?: number; outcome: 'oral' | 'failed' | 'terminated' | 'open'; parties?: number }) {
  const step = (file: CaseFile, transition: string, fields: Record<string, unknown>) => c.mediation.cases.transition.mutate({ id: file.id, revision: file.revision, transition, on: spec.on, fields });
  let file = await c.mediation.cases.open.mutate({
    on: spec.on,
    fields: {
      committee: '演示人民调解委员会',
      mediators: '演示调解员',
      source: spec.source,
      ...(spec.source === 'referred' ? { referredBy: '演示派出所' } : {}),
      disputeType: spec.disputeType,
      parties: parties(spec.parties),
      ...(spec.amount !== undefined ? { amount: spec.amount } : {}),
      facts: '【示范】纠纷事实。',
    },
  });
  if (spec.outcome === 'terminated') return step(file, 'terminate', { reason: 'party-refuses' });
  file = await step(file, 'session', { place: '调解室', record: '【示范】调解。' });
  if (spec.outcome === 'oral') return step(file, 'agree-oral', { terms: '【示范】和解。' });
  if (spec.outcome === 'failed') return step(file, 'fail', { reason: '【示范】分歧大。', routesTold: ['litigation'] });
  return file;
}

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  const xitun = await client('xitun');
  await mediate(xitun, { on: '2026-04-07', disputeType: 'neighbourhood', source: 'application', amount: 1000.5, outcome: 'oral' });
  await mediate(xitun, { on: '2026-04-08', disputeType: 'neighbourhood', source: 'proactive', outcome: 'failed', parties: 3 });
  // Still open since April: past its one-month period.
  await mediate(xitun, { on: '2026-04-20', disputeType: 'contract', source: 'referred', amount: 50_000, outcome: 'open' });
  // Another period.
  await mediate(xitun, { on: '2026-05-06', disputeType: 'traffic', source: 'application', amount: 200_000, outcome: 'oral' });
  await mediate(await client('sanzhongjie'), { on: '2026-04-09', disputeType: 'labour', source: 'application', amount: 8000, outcome: 'terminated' });
  await mediate(await client('zhenxing'), { on: '2026-04-10', disputeType: 'traffic', source: 'application', amount: 20_000, outcome: 'oral' });
});
afterAll(() => t?.close());

const stats = async (user: User, input: { period: string; orgCode?: string }): Promise<MediationStatistics> => (await client(user)).mediation.statistics.query(input);
const byValue = <T extends { value: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.value, r]));

describe('statistics', () => {
  it('counts an office’s cases registered in the period by dispute type, source, outcome and amount', async () => {
    const s = await stats('xitun', { period: '2026-04' });
    expect(s).toMatchObject({ period: '2026-04', from: '2026-04-01', to: '2026-04-30', orgCode: '150402001', overdue: 1, awaitingConfirmation: 0 });
    expect(s.total).toEqual({ cases: 3, agreed: 1, failed: 1, terminated: 0, open: 1, amount: 51000.5, successRate: 50 });
    const types = byValue(s.byDisputeType);
    expect(s.byDisputeType).toHaveLength(15);
    expect(types.neighbourhood).toMatchObject({ cases: 2, agreed: 1, failed: 1, amount: 1000.5, successRate: 50, title: { zh: '邻里' } });
    expect(types.contract).toMatchObject({ cases: 1, open: 1, amount: 50_000, successRate: null });
    expect(types.traffic!.cases).toBe(0);
    expect(Object.fromEntries(s.bySource.map((r) => [r.value, r.cases]))).toEqual({ proactive: 1, application: 1, referred: 1 });
    expect(Object.fromEntries(s.byOutcome.map((r) => [r.value, r.cases]))).toEqual({ open: 1, agreed: 1, failed: 1, terminated: 0 });
    expect(Object.fromEntries(s.byAmount.map((r) => [r.value, [r.cases, r.amount]]))).toEqual({ none: [1, 0], 'under-10k': [1, 1000.5], '10k-100k': [1, 50_000], 'over-100k': [0, 0] });
  });

  it('takes the period and the subtree: quarter and year, a county’s offices, an office within it', async () => {
    expect((await stats('xitun', { period: '2026-Q2' })).total.cases).toBe(4);
    expect((await stats('xitun', { period: '2026' })).byAmount.find((b) => b.value === 'over-100k')!.cases).toBe(1);
    expect((await stats('xitun', { period: '2026-03' })).total.cases).toBe(0);
    const county = await stats('hongshan', { period: '2026-04' });
    expect(county.total).toMatchObject({ cases: 4, agreed: 1, failed: 1, terminated: 1, open: 1, amount: 59000.5 });
    expect((await stats('hongshan', { period: '2026-04', orgCode: '150402002' })).total).toMatchObject({ cases: 1, terminated: 1 });
    expect((await stats('city', { period: '2026-04' })).total.cases).toBe(5);
    expect((await stats('songshan', { period: '2026-04' })).total).toMatchObject({ cases: 1, agreed: 1, amount: 20_000 });
  });

  it('never counts or names another office’s or county’s cases', async () => {
    expect((await stats('sanzhongjie', { period: '2026-04' })).total.cases).toBe(1);
    expect((await stats('zhenxing', { period: '2026-04' })).total.cases).toBe(1);
    for (const [user, orgCode] of [
      ['xitun', '150402002'],
      ['sanzhongjie', '150402001'],
      ['songshan', '150402001'],
      ['zhenxing', '150402'],
      ['hongshan', '150404001'],
    ] as const) {
      const error = await sifaErrorOf((await client(user)).mediation.statistics.query({ period: '2026-04', orgCode }));
      expect(error.data.sifaCode, `${user} → ${orgCode}`).toMatch(/OUT_OF_SCOPE|NOT_FOUND/);
    }
  });

  it('refuses a malformed period or org code, in the caller’s language', async () => {
    const en = await sifaErrorOf((await client('xitun')).mediation.statistics.query({ period: '2026-13' }));
    expect(en.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(en.data.issues.map((i) => i.path)).toContain('period');
    const zh = await sifaErrorOf((await client('xitun', 'zh-CN')).mediation.statistics.query({ period: 'last year', orgCode: 'x' }));
    expect(zh.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.data.issues.map((i) => i.path).sort()).toEqual(['orgCode', 'period']);
  });

  it('needs a signed-in caller with mediation.read', async () => {
    const anonymous = await sifaErrorOf((await t.client()).mediation.statistics.query({ period: '2026-04' }));
    expect(anonymous.data.sifaCode).toBe('UNAUTHENTICATED');
  });
});

describe('dashboard entry points and facts without the diary', () => {
  it('serves the plugin’s entry points over its own metrics, and counts them', async () => {
    const hongshan = await client('hongshan');
    const { entries } = await hongshan.statistics.entryPoints.query();
    expect(entries.filter((e) => e.id.startsWith('mediation-')).map((e) => e.id)).toEqual(['mediation-case-outcomes', 'mediation-case-success-rate', 'mediation-case-parties', 'mediation-case-amount']);
    const view = await hongshan.statistics.view.query({ entry: 'mediation-case-outcomes', period: '2026-04' });
    // Registered, agreements, failed, terminated in April in 红山区.
    expect(view.kpis.map((k) => k.value)).toEqual([4, 1, 1, 1]);
    const parties = await hongshan.statistics.view.query({ entry: 'mediation-case-parties', period: '2026-04' });
    expect(parties.kpis.map((k) => k.value)).toEqual([9]);
  });

  it('records no diary metric when the diary is not installed', async () => {
    const error = await sifaErrorOf((await client('city')).platform.facts.query.query({ metrics: ['diary.mediation-cases'], from: '2026-04-01', to: '2026-04-30' }));
    expect(error.data.sifaCode).toMatch(/VALIDATION_FAILED|NOT_FOUND|BAD_REQUEST/);
  });
});
