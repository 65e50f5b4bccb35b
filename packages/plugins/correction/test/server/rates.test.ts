/**
 * The correction rates on the statistics dashboard, on both engines: a small situation (three
 * persons in two offices of one county, one plan, one home visit done, one reoffence), the daily
 * rollup run for three days, and the entry points read through `statistics.view` as the office,
 * the county and the city: 脱管 and 漏管 0, 核查率 and 再犯罪率 as computed by hand below.
 * The server's clock is pinned (never the machine's date).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import type { Actor } from '@sifa/core';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';
import { newArrival, serverHelpers } from './server-helpers.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));
const plugins = [createCorrectionPlugin({ demo: false }), createStatisticsPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const { raw, runJob } = serverHelpers(() => t);

type User = 'xitun' | 'sanzhongjie' | 'hongshan' | 'city';
const client = (user: User) => t.client(user, { locale: 'zh-CN' });

/** Opened on Monday 21 Sep (under ten working days before the 30th: no 漏管), announced the same day. */
async function person(user: User, name: string) {
  const c = (await client(user)).correction;
  const file = await c.cases.open.mutate({
    on: '2026-09-21',
    fields: {
      person: [{ role: 'subject', name, idNumber: demoIdNumber('150402', '1980-01-01') }],
      sex: 'male',
      birthDate: '1980-01-01',
      juvenile: false,
      kind: 'probation',
      court: '赤峰市红山区人民法院',
      judgmentEffectiveOn: '2026-09-15',
      offence: '盗窃罪',
      termStart: '2026-09-15',
      termEnd: '2027-09-14',
      class: 'normal',
      stage: 'intake',
    },
  });
  return c.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'announce', on: '2026-09-21', fields: { announcement: '宣告' } });
}


let verificationsDue = 0;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
  at('2026-09-29');
  const x = (await client('xitun')).correction;
  const p1 = await person('xitun', '甲');
  const p2 = await person('xitun', '乙');
  await person('sanzhongjie', '丙');
  // P1: a plan; its verifications (contact, visits, location) due on the 30th; the home visit done that day.
  await x.profile.set.mutate({ caseId: p1.id, revision: 0, conditions: newArrival });
  await x.plan.generate.mutate({ caseId: p1.id });
  // P2: a new offence found on the 29th (the step `reoffence`).
  await x.cases.transition.mutate({ id: p2.id, revision: p2.revision, transition: 'reoffence', on: '2026-09-29', fields: { reoffenceNotes: '因涉嫌盗窃被公安机关立案侦查', handlingOrgan: '赤峰市公安局红山区分局' } });
  at('2026-09-30');
  const tasks = await x.tasks.list.query({ caseId: p1.id, dueFrom: '2026-09-28', dueTo: '2026-09-30' });
  verificationsDue = tasks.filter((k) => ['contact', 'visits', 'location'].includes(k.category)).length;
  await x.tasks.complete.mutate({ taskId: tasks.find((k) => k.measure === 'home-visit')!.id, note: '已走访' });
  for (const day of ['2026-09-28', '2026-09-29', '2026-09-30']) await rollup(day);
  at('2026-10-08');
}, 120_000);

const rollup = (day: string) => runJob('rollup', `${day}T23:45:00+08:00`);
const personDays = async (day: string) =>
  Object.fromEntries(
    (await raw<{ org_code: string; value: number }>(sql`SELECT org_code, value::float AS value FROM facts WHERE source_kind = 'correction.rollup' AND day = ${day} AND metric = 'correction.person-days'`)).map((r) => [r.org_code, r.value]),
  );
afterAll(() => t?.close());

const XITUN = '150402001';
const SANZHONGJIE = '150402002';
const view = async (user: User, entry: string) => (await client(user)).statistics.view.query({ entry, period: '2026-09' });
const value = (v: Awaited<ReturnType<typeof view>>, org: string) => v.breakdown.find((b) => b.org.code === org)?.values[0];

describe('correction rates on the dashboard', () => {
  it('are listed among the entry points', async () => {
    const { entries } = await (await client('hongshan')).statistics.entryPoints.query();
    const ids = entries.map((e) => e.id);
    for (const id of ['correction-out-of-supervision-rate', 'correction-missed-intake-rate', 'correction-reoffence-rate', 'correction-verification-rate']) expect(ids).toContain(id);
  });

  it('脱管 and 漏管 are 0 at the office, the county and the city', async () => {
    for (const entry of ['correction-out-of-supervision-rate', 'correction-missed-intake-rate']) {
      expect((await view('xitun', entry)).kpis[0]!.value).toBe(0);
      expect((await view('hongshan', entry)).kpis[0]!.value).toBe(0);
      expect((await view('city', entry)).kpis[0]!.value).toBe(0);
    }
  });

  it('再犯罪率 per person-day: 1 of 6 at the office, 1 of 9 at the county and the city', async () => {
    // 28–30 Sep: 西屯 two persons × 3 days = 6 person-days, 三中街 one × 3 = 3; one reoffence (西屯, the 29th).
    expect((await view('xitun', 'correction-reoffence-rate')).kpis[0]!.value).toBe(16.67);
    const county = await view('hongshan', 'correction-reoffence-rate');
    expect(county.kpis[0]!.value).toBe(11.11);
    expect(value(county, XITUN)).toBe(16.67);
    expect(value(county, SANZHONGJIE)).toBe(0);
    expect((await view('city', 'correction-reoffence-rate')).kpis[0]!.value).toBe(11.11);
  });

  it('核查率: four verifications due, one done on time: 25 %', async () => {
    // The plan from the 29th (a new arrival: phone checks): phone checks due the 29th and the 30th (contact), the
    // home visit (visits) and the monthly written report (contact) due the 30th: 4 due, the home visit done: 1 of 4.
    expect(verificationsDue).toBe(4);
    expect((await view('xitun', 'correction-verification-rate')).kpis[0]!.value).toBe(25);
    const county = await view('hongshan', 'correction-verification-rate');
    expect(county.kpis[0]!.value).toBe(25);
    // 三中街 had nothing due: no rate.
    expect(value(county, SANZHONGJIE) ?? null).toBeNull();
    expect((await view('city', 'correction-verification-rate')).kpis[0]!.value).toBe(25);
  });

  it('the caseload counts the days the rollup has counted: through yesterday, and all of last month on the 1st', async () => {
    const rates = async () => (await (await client('xitun')).correction.caseload.list.query({})).rates;
    try {
      // 30 Sep, 10:00: 1–29 Sep. 西屯: 4 person-days (the 28th and 29th), 1 reoffence: 1 / (4 / 29 days);
      // one phone check due on the 29th, not done: 0. (With today: 6 person-days over 30 days, 1 of 4 checks.)
      at('2026-09-30');
      expect(await rates()).toMatchObject({ from: '2026-09-01', to: '2026-09-29', reoffenceRate: 29 / 4, verificationRate: 0 });
      // 1 Oct: all of September, 1 / (6 / 30 days); 1 of 4 checks.
      at('2026-10-01');
      expect(await rates()).toMatchObject({ from: '2026-09-01', to: '2026-09-30', reoffenceRate: 5, verificationRate: 0.25 });
    } finally {
      at('2026-10-08');
    }
  });
});

describe('the rollup counts the persons on the roll that day', () => {
  // Last: it releases 三中街's person on 5 Oct (the other tests read September as set up above).
  it('a release later leaves the days before it as they were (a late run, or a re-run, gives the same figures); from the day after, the person is off the roll', async () => {
    at('2026-10-05');
    const county = (await client('hongshan')).correction;
    const [row] = (await county.cases.list.query({ orgCode: SANZHONGJIE, status: 'open' })).rows;
    const file = await county.cases.get.query({ id: row!.id });
    await county.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'release', on: '2026-10-05', fields: { performance: '遵守监督管理规定。' } });
    at('2026-10-08');
    // Re-run for 30 Sep after the release: 三中街 still had its person that day (a job reading only open files would lose it).
    await rollup('2026-09-30');
    expect(await personDays('2026-09-30')).toEqual({ [XITUN]: 2, [SANZHONGJIE]: 1 });
    expect((await view('hongshan', 'correction-reoffence-rate')).kpis[0]!.value).toBe(11.11);
    // The release day still counts; the next day does not.
    await rollup('2026-10-05');
    await rollup('2026-10-06');
    expect((await personDays('2026-10-05'))[SANZHONGJIE]).toBe(1);
    expect((await personDays('2026-10-06'))[SANZHONGJIE]).toBeUndefined();
    expect((await personDays('2026-10-06'))[XITUN]).toBe(2);
  });

  it("a re-run retracts an earlier run's figures of an org that has nobody on the roll that day any more", async () => {
    // What an earlier run of 6 Oct recorded for 三中街 while it still counted a person there (a
    // file since corrected, a juvenile sealed since): recorded as the job records.
    const system: Actor = { userId: 'job:correction.rollup', username: 'job:correction.rollup', displayName: 'rollup', role: 'city_admin', scope: { orgCode: '15', orgPath: '/15/' }, permissions: new Set(), via: 'session' };
    await t.server.runScoped(system, (s) => s.facts.recordForSource({ kind: 'correction.rollup', id: `${SANZHONGJIE}:2026-10-06` }, [{ orgCode: SANZHONGJIE, day: '2026-10-06', metric: 'correction.person-days', value: 1 }]));
    expect((await personDays('2026-10-06'))[SANZHONGJIE]).toBe(1);
    await rollup('2026-10-06');
    expect(await personDays('2026-10-06')).toEqual({ [XITUN]: 2 });
    expect(await raw(sql`SELECT 1 FROM facts WHERE source_kind = 'correction.rollup' AND source_id = ${`${SANZHONGJIE}:2026-10-06`}`)).toEqual([]);
  });
});

describe('the daily task job and a released person', () => {
  it('cancels the tasks due after the release day, makes no more, and judges those due before it as usual', async () => {
    at('2026-10-08');
    const x = (await client('xitun')).correction;
    const [file] = (await x.cases.list.query({ status: 'open', limit: 50 })).rows.filter((r) => r.number.endsWith('第1号'));
    const before = await x.tasks.list.query({ caseId: file!.id, limit: 500 });
    expect(before.some((k) => k.status === 'open' && k.due > '2026-10-08')).toBe(true);
    const county = (await client('hongshan')).correction;
    const full = await county.cases.get.query({ id: file!.id });
    await county.cases.transition.mutate({ id: full.id, revision: full.revision, transition: 'release', on: '2026-10-08', fields: { performance: '遵守监督管理规定。' } });
    at('2026-10-12');
    await runJob('tasks', '2026-10-12T00:30:00+08:00');
    const after = await x.tasks.list.query({ caseId: file!.id, limit: 500 });
    expect(after.filter((k) => k.status === 'open')).toEqual([]);
    expect(after.filter((k) => k.due > '2026-10-08').every((k) => k.status === 'cancelled')).toBe(true);
    // Nothing new for the periods after the release.
    expect(after.length).toBe(before.length);
    expect(after.filter((k) => k.due <= '2026-10-08' && k.status === 'cancelled')).toEqual([]);
  });
});
