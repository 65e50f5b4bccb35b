/**
 * The correction jobs and a sealed (juvenile) person, on both engines, with a pinned clock: the
 * jobs declare `readsSealedCases`, so the juvenile is counted — at the county above the office,
 * never at the office (the raw facts rows name the county) —, evaluated (the evaluation as sealed
 * as the file) and given tasks whose notifications reach only the file's responsible staff, without
 * the case number, even when the plan's owner has no account (no office-wide fallback).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { sifaErrorOf, startTestServer, testPassword, type TestServerOf } from '@sifa/server/testing';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';
import { serverHelpers, newArrival } from './server-helpers.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));
const plugins = [createCorrectionPlugin({ demo: false }), createStatisticsPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const { raw, runJob } = serverHelpers(() => t);

type User = 'xitun' | 'hongshan' | 'city';
const api = async (user: User) => (await t.client(user, { locale: 'zh-CN' })).correction;


async function person(name: string, juvenile: boolean) {
  const x = await api('xitun');
  const birthDate = juvenile ? '2010-05-05' : '1980-01-01';
  const file = await x.cases.open.mutate({
    on: '2026-09-29',
    fields: {
      person: [{ role: 'subject', name, idNumber: demoIdNumber('150402', birthDate) }],
      sex: 'male',
      birthDate,
      juvenile,
      kind: juvenile ? 'control' : 'probation',
      court: '赤峰市红山区人民法院',
      judgmentEffectiveOn: '2026-09-25',
      offence: '盗窃罪',
      termStart: '2026-09-25',
      termEnd: '2027-09-24',
      class: 'normal',
      stage: 'intake',
    },
  });
  const announced = await x.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'announce', on: '2026-09-29', fields: { announcement: '宣告' } });
  await x.profile.set.mutate({ caseId: file.id, revision: 0, conditions: { ...newArrival, juvenile, ...(juvenile ? { age: 16, 'subject-kind': 'control' } : {}) } });
  await x.plan.generate.mutate({ caseId: file.id });
  return announced;
}

const XITUN = '150402001';
const HONGSHAN = '150402';
let adult: { id: string; number: string };
let minor: { id: string; number: string; restricted: boolean };
let colleague: string;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
  colleague = await t.server.auth.createUser({ username: 't.xitun2', displayName: '西屯二', password: testPassword, role: 'office_staff', orgCode: XITUN });
  at('2026-09-29');
  adult = await person('成年对象', false);
  minor = await person('未成年对象', true);
  at('2026-09-30');
  // The juvenile reoffends on the 30th: a figure of the county, not of the office.
  const x = await api('xitun');
  const m = await x.cases.get.query({ id: minor.id });
  await x.cases.transition.mutate({ id: minor.id, revision: m.revision, transition: 'reoffence', on: '2026-09-30', fields: { reoffenceNotes: '涉嫌再犯', handlingOrgan: '赤峰市公安局红山区分局' } });
  await runJob('rollup', '2026-09-30T23:45:00+08:00');
}, 120_000);
afterAll(() => t?.close());

const factsOf = (day: string, metric: string) =>
  raw<{ org_code: string; value: number }>(sql`SELECT org_code, value::float AS value FROM facts WHERE source_kind = 'correction.rollup' AND day = ${day} AND metric = ${metric} ORDER BY org_code`);

describe('the daily rollup and a sealed juvenile', () => {
  it('counts the juvenile at the county above the office (the facts rows name the county), never at the office', async () => {
    expect(minor.restricted).toBe(true);
    expect(await factsOf('2026-09-30', 'correction.person-days')).toEqual([
      { org_code: HONGSHAN, value: 1 },
      { org_code: XITUN, value: 1 },
    ]);
    expect(await factsOf('2026-09-30', 'correction.reoffences')).toEqual([
      { org_code: HONGSHAN, value: 1 },
      { org_code: XITUN, value: 0 },
    ]);
    // Tasks due that day: each person's own, where that person counts.
    const due = await raw<{ case_id: string; n: number }>(sql`SELECT case_id, count(*)::int AS n FROM correction_tasks WHERE due = '2026-09-30' AND status <> 'cancelled' GROUP BY case_id`);
    const dueOf = (id: string) => due.find((d) => d.case_id === id)?.n ?? 0;
    expect(dueOf(minor.id)).toBeGreaterThan(0);
    expect(await factsOf('2026-09-30', 'correction.tasks-due')).toEqual([
      { org_code: HONGSHAN, value: dueOf(minor.id) },
      { org_code: XITUN, value: dueOf(adult.id) },
    ]);
    expect((await factsOf('2026-09-30', 'correction.verifications-due')).map((f) => f.org_code)).toEqual([HONGSHAN, XITUN]);
  });

  it('so the county’s and the city’s 再犯罪率 include the juvenile and the office’s does not', async () => {
    const view = async (user: User) => (await t.client(user, { locale: 'zh-CN' })).statistics.view.query({ entry: 'correction-reoffence-rate', period: '2026-09' });
    // 30 Sep: the office one person-day, no reoffence; the county (and the city) two person-days, one reoffence.
    expect((await view('xitun')).kpis[0]!.value).toBe(0);
    expect((await view('hongshan')).kpis[0]!.value).toBe(50);
    expect((await view('city')).kpis[0]!.value).toBe(50);
  });
});

describe('the monthly evaluation and a sealed juvenile', () => {
  it('evaluates the juvenile; the evaluation is the responsible staff’s alone (NOT_FOUND for a colleague, the county and the city)', async () => {
    at('2026-10-08');
    const counts = await runJob('evaluation', '2026-10-01T07:00:00+08:00');
    expect(counts.evaluated).toBe(2);
    const [mine] = await (await api('xitun')).evaluation.list.query({ caseId: minor.id });
    expect(mine).toMatchObject({ caseId: minor.id, month: '2026-09' });
    const others = [(await t.freshClient('t.xitun2', { locale: 'zh-CN' })).correction, await api('hongshan'), await api('city')];
    for (const other of others) expect((await sifaErrorOf(other.evaluation.list.query({ caseId: minor.id }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('the daily task job and a sealed juvenile', () => {
  it('marks the juvenile’s overdue tasks missed and makes the next ones, notified to the responsible staff only, without the case number', async () => {
    // As if the plan had been made by the system (the demo seed): its owner is no account, which an
    // ordinary file's notifications fall back to the office for. A sealed file's never do.
    await raw(sql`UPDATE correction_plans SET created_by = 'seed', assignees = '{}'::jsonb WHERE case_id = ${minor.id}`);
    await raw(sql`UPDATE correction_tasks SET assignee = 'seed' WHERE case_id = ${minor.id}`);
    const before = await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM correction_tasks WHERE case_id = ${minor.id}`);
    const counts = await runJob('tasks', '2026-10-08T06:15:00+08:00');
    expect(counts.missed).toBeGreaterThan(0);
    const rows = await raw<{ status: string; due: string; id: string }>(sql`SELECT id, status, due::text AS due FROM correction_tasks WHERE case_id = ${minor.id}`);
    expect(rows.filter((r) => r.due < '2026-10-08').every((r) => r.status === 'missed')).toBe(true);
    expect(rows.length).toBeGreaterThan(before[0]!.n);
    const made = new Set(rows.filter((r) => r.due >= '2026-10-08').map((r) => r.id));

    const inbox = async (c: Awaited<ReturnType<typeof t.client>>) => (await c.platform.notifications.list.query({ limit: 100 })).items;
    const responsible = await inbox(await t.client('xitun', { locale: 'zh-CN' }));
    const forMinor = responsible.filter((n) => n.entity && made.has(n.entity.id));
    expect(forMinor.length).toBe(made.size);
    for (const n of forMinor) {
      expect(n.body.zh).toMatch(/^您负责的一份封存档案：/);
      expect(JSON.stringify(n)).not.toContain(minor.number);
      expect(JSON.stringify(n)).not.toContain('未成年对象');
    }
    // The colleague in the same office (where an ordinary file's notification would fall back to) gets none of them.
    const theirs = await inbox(await t.freshClient('t.xitun2', { locale: 'zh-CN' }));
    expect(theirs.filter((n) => n.entity && made.has(n.entity.id))).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(minor.number);
    // Nor is any of them addressed to the office at all.
    const toOffice = await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications WHERE user_id IS NULL AND entity_id IN (SELECT id::text FROM correction_tasks WHERE case_id = ${minor.id})`);
    expect(toOffice[0]!.n).toBe(0);
    expect(colleague).toBeTruthy();
  });
});
