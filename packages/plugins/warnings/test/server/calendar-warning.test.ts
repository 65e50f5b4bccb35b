/**
 * The warnings plugin's built-in check "holiday data missing", on both engines, through the daily
 * evaluation job run at given instants: nothing on 31 October; from 1 November ONE warning to the
 * root org that next year's holidays are not loaded (and one notification to its administrators),
 * however often the job runs; a subtree's evaluation leaves it alone; the check is no rule anybody
 * lists; importing the year (the invented test arrangement `testHolidays2027`)
 * closes it at the next evaluation; a year later the next year is warned about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouterOf } from '@sifa/server';
import { createWarningsPlugin } from '../../src/server/index.js';
import { startTestServer, testPassword, type TestServer, testHolidays2027 } from '@sifa/server/testing';

const clock = { now: new Date('2026-10-31T09:00:00+08:00') };
const plugins = [createWarningsPlugin({ demoRules: false })] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  await t.server.auth.createUser({ username: 't.root', displayName: 't.root', password: testPassword, role: 'city_admin', orgCode: '15' });
});
afterAll(() => t?.close());

/** A fresh session at the clock's time (as the clock moves on, older sessions expire). */
async function as(username: 't.root' | 't.city' | 't.hongshan') {
  return t.freshClient(username, { locale: 'zh-CN' });
}

/** The daily evaluation for 07:00 China time on `day`. */
async function evaluateOn(day: string) {
  const run = await t.server.jobs.run('warnings.evaluate', { at: new Date(`${day}T07:00:00+08:00`) });
  expect(run.status, run.summary ?? '').toBe('succeeded');
  return run;
}

const calendarNotices = async () => (await (await as('t.root')).platform.notifications.list.query({ limit: 50 })).items.filter((n) => n.kind === 'warnings.calendar-data');

describe('holiday data missing', () => {
  it('is not warned about before 1 November', async () => {
    const run = await evaluateOn('2026-10-31');
    expect(run.counts).toMatchObject({ calendarMissing: 0, rules: 0 });
    expect((await (await as('t.root')).warnings.list.query({ status: 'all' })).total).toBe(0);
  });

  it('from 1 November: one warning to the root org, told once, however often the job runs', async () => {
    clock.now = new Date('2026-11-01T09:00:00+08:00');
    const first = await evaluateOn('2026-11-01');
    expect(first.counts).toMatchObject({ calendarMissing: 1, rules: 0, raised: 0 });
    expect(first.summary).toContain('holiday data missing for 2027');
    await evaluateOn('2026-11-02');
    await evaluateOn('2026-11-02');

    const root = await as('t.root');
    const list = await root.warnings.list.query({ status: 'all' });
    expect(list.total).toBe(1);
    const [warning] = list.warnings;
    expect(warning).toMatchObject({ ruleKind: 'calendar-data', orgCode: '15', subject: 'calendar:2027', state: 'raised', severity: 'warning', conditionActive: true, title: { zh: '节假日数据缺失', en: 'Holiday data missing' } });
    expect(warning!.summary.zh).toMatch(/^2027年的法定节假日和调休安排尚未导入/);
    expect(warning!.summary.en).toContain('sifa calendar import');
    const detail = await root.warnings.get.query({ id: warning!.id });
    expect(detail.steps.map((s) => s.kind)).toEqual(['raise']);
    expect(detail.evidence).toEqual({ value: null, line: null, unit: null, window: '2027', items: [] });

    const notices = await calendarNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'warning', title: { zh: '请导入2027年节假日安排', en: 'Load the holidays of 2027' }, entity: { kind: 'warnings.warning', id: warning!.id } });
  });

  it('is left to the whole tree’s evaluation and is no rule anybody lists', async () => {
    const city = await as('t.city');
    const result = await city.warnings.evaluate.mutate({});
    expect(result).toMatchObject({ rules: 0, calendarMissing: [] });
    expect(await city.warnings.listRules.query({})).toEqual([]);
    expect(await (await as('t.hongshan')).warnings.listRules.query({})).toEqual([]);
    // The warning is the root's: the city (below it) does not see it.
    expect((await city.warnings.list.query({ status: 'all' })).total).toBe(0);
    const root = await as('t.root');
    expect(await root.warnings.listRules.query({})).toEqual([]);
    expect(await root.warnings.evaluate.mutate({})).toMatchObject({ rules: 0, raised: 0, calendarMissing: [2027] });
    expect((await root.warnings.list.query({ status: 'all' })).total).toBe(1);
  });

  it('closes when the year is imported; a year later the next year is warned about', async () => {
    clock.now = new Date('2026-11-03T09:00:00+08:00');
    const root = await as('t.root');
    await root.platform.calendar.import.mutate({ format: 'csv', content: testHolidays2027.csv });
    expect((await evaluateOn('2026-11-03')).counts).toMatchObject({ calendarMissing: 0 });
    const [closed] = (await root.warnings.list.query({ status: 'all' })).warnings;
    expect(closed).toMatchObject({ subject: 'calendar:2027', state: 'closed', closeReason: 'cleared', conditionActive: false });
    expect((await root.warnings.get.query({ id: closed!.id })).steps.map((s) => s.kind)).toEqual(['raise', 'auto-close']);
    expect((await evaluateOn('2027-10-31')).counts).toMatchObject({ calendarMissing: 0 });

    clock.now = new Date('2027-11-01T09:00:00+08:00');
    expect((await evaluateOn('2027-11-01')).counts).toMatchObject({ calendarMissing: 1 });
    const open = (await (await as('t.root')).warnings.list.query({})).warnings;
    expect(open.map((w) => [w.subject, w.state])).toEqual([['calendar:2028', 'raised']]);
    expect((await calendarNotices()).map((n) => n.title.en).sort()).toEqual(['Load the holidays of 2027', 'Load the holidays of 2028']);
  });
});
