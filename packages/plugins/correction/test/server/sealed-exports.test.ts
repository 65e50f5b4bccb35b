/**
 * A sealed (juvenile) file in every export path, on both engines, with a pinned clock: the
 * statistics exports (the view's CSV, the records behind a number, the monthly report's
 * CSV and JSON), the webhook events of record changes, the casework lists and the documents
 * list. The file's number, id and the person's name appear in none of them for anyone but its
 * responsible staff (a colleague in the office, the county admin, the city); the county's and the
 * city's exports count the juvenile only inside an aggregate figure, the office's not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { rawFetch, startTestServer, testPassword, type TestServerOf } from '@sifa/server/testing';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';
import { serverHelpers, newArrival } from './server-helpers.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));
const plugins = [createCorrectionPlugin({ demo: false }), createStatisticsPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const { raw } = serverHelpers(() => t);

const XITUN = '150402001';
const HONGSHAN = '150402';
const MINOR_NAME = '封存未成年甲';
const ADULT_NAME = '公开成年乙';

/** Who must never see the sealed file: a colleague in its office, the county admin, the city. */
type Outsider = 'colleague' | 'hongshan' | 'city';
const outsiders: Outsider[] = ['colleague', 'hongshan', 'city'];
const clientOf = (who: Outsider | 'xitun' | 'officer') =>
  who === 'colleague' ? t.freshClient('e.xitun2', { locale: 'zh-CN' }) : who === 'officer' ? t.freshClient('e.hongshan2', { locale: 'zh-CN' }) : t.client(who, { locale: 'zh-CN' });
let colleagueToken: string | undefined;
const tokenOf = async (who: Outsider | 'xitun') => {
  if (who !== 'colleague') return t.tokenOf(who);
  colleagueToken ??= (await (await t.client(undefined)).platform.auth.login.mutate({ username: 'e.xitun2', password: testPassword })).token;
  return colleagueToken;
};
const orgOf: Record<Outsider, string> = { colleague: '150402001', hongshan: '150402', city: '1504' };

let minor: { id: string; number: string };
let adult: { id: string; number: string };
/** Everything that would name the sealed file. */
let secrets: string[];

async function person(name: string, juvenile: boolean) {
  const x = (await t.client('xitun', { locale: 'zh-CN' })).correction;
  const birthDate = juvenile ? '2010-05-05' : '1980-01-01';
  const file = await x.cases.open.mutate({
    on: '2026-09-29',
    fields: {
      person: [{ role: 'subject', name, idNumber: demoIdNumber('150402', birthDate) }],
      sex: 'male', birthDate, juvenile, kind: juvenile ? 'control' : 'probation', court: '赤峰市红山区人民法院', judgmentEffectiveOn: '2026-09-25',
      offence: '盗窃罪', termStart: '2026-09-25', termEnd: '2027-09-24', class: 'normal', stage: 'intake',
    },
  });
  const announced = await x.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'announce', on: '2026-09-29', fields: { announcement: '宣告' } });
  await x.profile.set.mutate({ caseId: file.id, revision: 0, conditions: { ...newArrival, juvenile, ...(juvenile ? { age: 16, 'subject-kind': 'control' } : {}) } });
  await x.plan.generate.mutate({ caseId: file.id });
  return announced;
}

beforeAll(async () => {
  t = await startTestServer({
    plugins,
    now: () => clock.now,
    auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 },
    webhooks: { allowHttp: true, pollIntervalMs: 3_600_000 },
  });
  await t.server.auth.createUser({ username: 'e.xitun2', displayName: '西屯二', password: testPassword, role: 'office_staff', orgCode: XITUN });
  // A county correction officer made responsible for the sealed file too (county steps: 表扬决定书).
  const officer = await t.server.auth.createUser({ username: 'e.hongshan2', displayName: '红山矫正科', password: testPassword, role: 'county_admin', orgCode: HONGSHAN });
  // The county's and the city's integrators subscribe to the plugin's record changes.
  await (await t.client('hongshan', { locale: 'zh-CN' })).platform.webhooks.create.mutate({ plugin: 'correction', url: 'http://127.0.0.1:9/county' });
  await (await t.client('city', { locale: 'zh-CN' })).platform.webhooks.create.mutate({ plugin: 'correction', url: 'http://127.0.0.1:9/city' });
  at('2026-09-29');
  adult = await person(ADULT_NAME, false);
  minor = await person(MINOR_NAME, true);
  const x = (await t.client('xitun', { locale: 'zh-CN' })).correction;
  const [me] = await raw<{ id: string }>(sql`SELECT id FROM users WHERE username = 't.xitun'`);
  await x.cases.assign.mutate({ id: minor.id, userIds: [me!.id, officer] });
  at('2026-09-30');
  const o = (await clientOf('officer')).correction;
  const m = await o.cases.get.query({ id: minor.id });
  await o.cases.transition.mutate({ id: minor.id, revision: m.revision, transition: 'commend', on: '2026-09-30', fields: { grounds: `${MINOR_NAME}表现良好` } });
  const tasks = await x.tasks.list.query({ caseId: minor.id, dueFrom: '2026-09-30', dueTo: '2026-09-30' });
  await x.tasks.complete.mutate({ taskId: tasks[0]!.id, note: '已完成' });
  for (const day of ['2026-09-29', '2026-09-30']) expect((await t.server.jobs.run('correction.rollup', { at: new Date(`${day}T23:45:00+08:00`) })).status).toBe('succeeded');
  at('2026-10-08');
  expect((await t.server.jobs.run('statistics.monthly-report', { at: new Date('2026-10-01T01:30:00+08:00') })).status).toBe('succeeded');
  secrets = [minor.id, minor.number, MINOR_NAME];
}, 180_000);
afterAll(() => t?.close());

const expectNone = (text: string, what: string) => {
  for (const secret of secrets) expect(text, `${what} names the sealed file (${secret})`).not.toContain(secret);
};

describe('a sealed file and the statistics exports', () => {
  // (The xlsx is written from the same export document as the CSV: export.ts `toXlsx` / `toCsv`.)
  it('the view and the records behind a number exported: the county’s records hold its own figure (the juvenile, counted), the office’s not; nobody’s names the file', async () => {
    const get = async (who: Outsider | 'xitun', query: string) => {
      const res = await rawFetch(`${t.url}/plugins/statistics/export?${query}`, { headers: { authorization: `Bearer ${await tokenOf(who)}` } });
      expect(res.status, res.text).toBe(200);
      return res.text;
    };
    for (const who of ['xitun', ...outsiders] as const) {
      const csv = await get(who, 'entry=correction-reoffence-rate&period=2026-09&format=csv&locale=zh');
      expectNone(csv, `${who}'s CSV`);
      const records = await get(who, 'entry=correction-reoffence-rate&period=2026-09&format=csv&locale=zh&item=correction.person-days');
      expectNone(records, `${who}'s records behind the number`);
    }
    const county = await get('hongshan', 'entry=correction-reoffence-rate&period=2026-09&format=csv&locale=zh&item=correction.person-days');
    // The records behind the county's number: the office's daily figures and the county's own (the juvenile, as a count).
    expect(county).toContain(`2026-09-30,${HONGSHAN},`);
    expect(county).toContain(`2026-09-30,${XITUN},`);
    const office = await get('xitun', 'entry=correction-reoffence-rate&period=2026-09&format=csv&locale=zh&item=correction.person-days');
    expect(office).not.toContain(`,${HONGSHAN},`);
  });

  it('the monthly report (CSV, JSON): the juvenile inside the county’s and the city’s person-days only', async () => {
    const report = async (who: Outsider | 'xitun', format: 'csv' | 'json') => {
      const res = await rawFetch(`${t.url}/plugins/statistics/monthly-report?month=2026-09&format=${format}`, { headers: { authorization: `Bearer ${await tokenOf(who)}` } });
      expect(res.status, res.text).toBe(200);
      expectNone(res.text, `${who}'s monthly report (${format})`);
      return res;
    };
    for (const who of ['xitun', ...outsiders] as const) await report(who, 'csv');
    const json = (await report('city', 'json')).json as { orgs: { code: string; values: Record<string, number> }[] };
    const figure = (org: string) => json.orgs.find((o) => o.code === org)?.values['correction.person-days'];
    expect(figure(XITUN)).toBe(2);
    expect(figure(HONGSHAN)).toBe(4);
    expect(figure('1504')).toBe(4);
  });
});

describe('a sealed file and the webhooks', () => {
  it('no record-change event names it, its plan, tasks or profile; the adult’s are sent', async () => {
    const events = await raw<{ payload: { entity: string; entityId: string; type: string } }>(sql`SELECT payload FROM webhook_events ORDER BY id`);
    const ids = events.map((e) => e.payload.entityId);
    expect(ids).toContain(adult.id);
    const minorRows = await raw<{ id: string }>(
      sql`SELECT id::text AS id FROM correction_plans WHERE case_id = ${minor.id} UNION ALL SELECT id::text FROM correction_tasks WHERE case_id = ${minor.id} UNION ALL SELECT ${minor.id}`,
    );
    for (const { id } of minorRows) expect(ids, `an event names ${id}`).not.toContain(id);
    expectNone(JSON.stringify(events), 'the webhook events');
    // What the integrators are shown through the API.
    for (const who of ['hongshan', 'city'] as const) {
      const c = (await t.client(who, { locale: 'zh-CN' })).platform.webhooks;
      const [subscription] = await c.list.query();
      expectNone(JSON.stringify(await c.deliveries.query({ id: subscription!.id })), `${who}'s deliveries`);
    }
  });
});

describe('a sealed file and the lists', () => {
  it('casework lists, the caseload, tasks, the records behind a figure and the documents list show it to its responsible staff only', async () => {
    for (const who of outsiders) {
      const c = await clientOf(who);
      expectNone(JSON.stringify(await c.correction.cases.list.query({ limit: 200 })), `${who}'s case list`);
      expectNone(JSON.stringify(await c.platform.documents.list.query({ limit: 200 })), `${who}'s documents list`);
      expectNone(JSON.stringify(await c.statistics.entries.query({ orgCode: orgOf[who], period: '2026-09', metric: 'correction.person-days' })), `${who}'s records behind a number`);
      expectNone(JSON.stringify(await c.correction.tasks.list.query({ limit: 500 })), `${who}'s task list`);
      expectNone(JSON.stringify(await c.correction.caseload.list.query({})), `${who}'s caseload`);
    }
    // Its responsible staff see it (so there was something to leak).
    const mine = await clientOf('xitun');
    expect((await mine.correction.cases.list.query({ limit: 200 })).rows.map((r) => r.id)).toContain(minor.id);
    expect(JSON.stringify(await mine.correction.caseload.list.query({}))).toContain(minor.id);
    const officer = await clientOf('officer');
    expect(JSON.stringify(await officer.platform.documents.list.query({ limit: 200 }))).toContain(minor.id);
  });
});
