/**
 * Plans follow the holiday data, on both engines. A January 2027 plan made before 2027's holidays
 * were loaded is split over Monday–Friday (and says so: `calendar-uncovered`); when an
 * administrator of the root imports 2027 (`testHolidays2027` from @sifa/server/testing —
 * invented days, NOT the State Council's arrangement), the open plan moves to the new data: its
 * split is computed again, the move is kept on the plan and audited, the pending reminder falls on
 * the new working days, and the reminder already sent is not sent again. Once a plan's period has
 * ended it keeps its versions: a later correction re-splits only the plans still open.
 *
 * The server's clock and every job's instant are set here; nothing depends on the machine's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanReminderEntry } from '../../src/index.js';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createPlansPlugin } from '../../src/server/index.js';
import { startTestServer, testPassword, type TestServer, testHolidays2027 } from '@sifa/server/testing';

const clock = { now: new Date('2026-12-15T09:00:00+08:00') };
const plugins = [createDiaryPlugin(), createPlansPlugin()] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  // An administrator of the root of the tree (15): the only org whose admins may import holidays.
  await t.server.auth.createUser({ username: 't.root', displayName: 't.root', password: testPassword, role: 'city_admin', orgCode: '15' });
});
afterAll(() => t?.close());

/** A fresh session at the clock's time (the clock jumps weeks: an older session has expired). */
async function as(username: 't.root' | 't.city' | 't.xitun') {
  return t.freshClient(username, { locale: 'en' });
}
const root = () => as('t.root');

/** Runs the reminders job as the scheduler would at 08:00 China time on `day`. */
async function remindOn(day: string) {
  const run = await t.server.jobs.run('plans.reminders', { at: new Date(`${day}T08:00:00+08:00`) });
  expect(run.status, run.summary ?? '').toBe('succeeded');
  return run.counts;
}

const splitOf = (detail: PlanDetail) => detail.items[0]!.instances[0]!.split!.map((s) => [s.key, s.workingDays, s.target, s.due]);

/** TEST FIXTURE, corrected (still invented): also 28 January and 15 February off. */
const corrected = JSON.stringify({
  year: 2027,
  days: [
    ...(JSON.parse(testHolidays2027.json) as { days: { date: string }[] }).days,
    { date: '2027-01-28', kind: 'holiday', name: { zh: '测试假日（测试数据）', en: 'Test holiday (test data)' } },
    { date: '2027-02-15', kind: 'holiday', name: { zh: '春节（测试数据）', en: 'Spring Festival (test data)' } },
  ].sort((a, b) => a.date.localeCompare(b.date)),
});

let januaryId = '';
let februaryId = '';

describe('a January 2027 plan made before 2027’s holidays are loaded', () => {
  it('is split over Monday to Friday and says so', async () => {
    const city = await as('t.city');
    const plan = await city.plans.create.mutate({
      period: '2027-01',
      title: '一月工作',
      items: [
        { title: '开展普法宣传活动', kind: 'metric', metric: 'diary.law-education-events', target: 21, assignees: [{ orgCode: '150402001' }] },
        { title: '报送月度工作总结', kind: 'manual', assignees: [{ orgCode: '150402001' }] },
      ],
    });
    januaryId = plan.id;
    // The default due date is the last working day: Friday 29 January when only weekends are known.
    expect(plan.items.map((i) => i.due)).toEqual(['2027-01-29', '2027-01-29']);
    expect(splitOf(plan)).toEqual([
      ['2026-W53', 1, 1, '2027-01-01'],
      ['2027-W01', 5, 5, '2027-01-08'],
      ['2027-W02', 5, 5, '2027-01-15'],
      ['2027-W03', 5, 5, '2027-01-22'],
      ['2027-W04', 5, 5, '2027-01-29'],
    ]);
    expect(plan.warnings.map((w) => [w.code, w.years])).toEqual([['calendar-uncovered', [2027]]]);
    expect(plan.calendar).toEqual({ versions: { '2027': null }, history: [] });
  });

  it('gets its 5-day reminders; the 2-day ones are not due yet', async () => {
    expect(await remindOn('2027-01-22')).toMatchObject({ sent: 2, failed: 0 });
    expect(await remindOn('2027-01-26')).toMatchObject({ sent: 0, failed: 0 });
  });
});

describe('importing 2027 while the plan is open', () => {
  it('re-splits the plan with the new data, keeps the move on the plan and audits it', async () => {
    clock.now = new Date('2027-01-26T07:30:00+08:00');
    const admin = await root();
    const result = await admin.platform.calendar.import.mutate({ format: 'json', content: testHolidays2027.json });
    expect(result).toMatchObject({ year: 2027, changed: true, version: 1 });
    expect(result.effects).toEqual([
      {
        plugin: 'plans',
        summary: { zh: '1 个未结束的计划已按新的节假日安排重新拆分；0 个已结束的计划保持原拆分。', en: 'Open plans are split again with the new holidays: 1; ended plans keeping their split: 0.' },
        counts: { adopted: 1, kept: 0, pinned: 0 },
      },
    ]);

    const plan = await (await as('t.city')).plans.get.query({ planId: januaryId });
    // 1 January off, Saturday 9 January worked, 27 January off (fixture): 20 working days for 21.
    expect(splitOf(plan)).toEqual([
      ['2026-W53', 0, 0, null],
      ['2027-W01', 6, 7, '2027-01-09'],
      ['2027-W02', 5, 5, '2027-01-15'],
      ['2027-W03', 5, 5, '2027-01-22'],
      ['2027-W04', 4, 4, '2027-01-29'],
    ]);
    expect(plan.warnings).toEqual([]);
    expect(plan.calendar).toEqual({ versions: { '2027': 1 }, history: [{ at: '2027-01-25T23:30:00.000Z', from: { '2027': null }, to: { '2027': 1 } }] });
    // The assignee sees its share computed with the same data.
    const own = await (await as('t.xitun')).plans.get.query({ planId: januaryId });
    expect(splitOf(own)).toEqual(splitOf(plan));
    expect(own.calendar.versions).toEqual({ '2027': 1 });

    const audit = await admin.platform.audit.list.query({ limit: 10 });
    expect(audit.filter((a) => a.action === 'plans.calendar.adopt').map((a) => [a.entity, a.entityId, a.scopePath])).toEqual([['plans_plans', januaryId, '/15/1504/']]);
    expect(audit.find((a) => a.action === 'platform.calendar.import')).toMatchObject({ entityId: '2027/v1' });
  });

  it('sends the pending reminder on the new working day and never a sent one again', async () => {
    // Two working days before the 29th: the 26th now (the 27th is off), no longer the 27th.
    expect(await remindOn('2027-01-26')).toMatchObject({ sent: 2, failed: 0 });
    expect(await remindOn('2027-01-26')).toMatchObject({ sent: 0 });
    expect(await remindOn('2027-01-27')).toMatchObject({ sent: 0 });
    const log = (await (await as('t.city')).plans.reminders.query({ planId: januaryId })).filter((e): e is PlanReminderEntry => e.kind === 'reminder');
    expect(log.map((e) => [e.offset, e.remindOn, e.at]).sort()).toEqual([
      [2, '2027-01-26', '2027-01-26T00:00:00.000Z'],
      [2, '2027-01-26', '2027-01-26T00:00:00.000Z'],
      [5, '2027-01-22', '2027-01-22T00:00:00.000Z'],
      [5, '2027-01-22', '2027-01-22T00:00:00.000Z'],
    ]);
  });
});

describe('a correction after January has ended', () => {
  it('re-splits the plans still open; the ended plan keeps the data it was split with', async () => {
    let city = await as('t.city');
    const february = await city.plans.create.mutate({
      period: '2027-02',
      title: '二月工作',
      items: [{ title: '开展普法宣传活动', kind: 'metric', metric: 'diary.law-education-events', target: 16, assignees: [{ orgCode: '150402001' }] }],
    });
    februaryId = february.id;
    expect(february.calendar.versions).toEqual({ '2027': 1 });
    expect(splitOf(february)).toEqual([
      ['2027-W05', 5, 5, '2027-02-05'],
      ['2027-W06', 0, 0, null],
      ['2027-W07', 6, 6, '2027-02-20'],
      ['2027-W08', 5, 5, '2027-02-26'],
    ]);

    clock.now = new Date('2027-02-10T09:00:00+08:00');
    city = await as('t.city');
    const admin = await root();
    const dry = await admin.platform.calendar.import.mutate({ format: 'json', content: corrected, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, changed: true, version: 2, previousVersion: 1 });
    expect(dry.effects.map((e) => [e.plugin, e.counts])).toEqual([['plans', { adopted: 1, kept: 1, pinned: 0 }]]);
    expect((await city.plans.get.query({ planId: februaryId })).calendar.versions).toEqual({ '2027': 1 });

    const result = await admin.platform.calendar.import.mutate({ format: 'json', content: corrected });
    expect(result).toMatchObject({ changed: true, version: 2 });
    expect(result.differences.map((d) => d.date)).toEqual(['2027-01-28', '2027-02-15']);

    const feb = await city.plans.get.query({ planId: februaryId });
    expect(feb.calendar).toEqual({ versions: { '2027': 2 }, history: [{ at: '2027-02-10T01:00:00.000Z', from: { '2027': 1 }, to: { '2027': 2 } }] });
    expect(splitOf(feb)).toEqual([
      ['2027-W05', 5, 6, '2027-02-05'],
      ['2027-W06', 0, 0, null],
      ['2027-W07', 5, 5, '2027-02-20'],
      ['2027-W08', 5, 5, '2027-02-26'],
    ]);

    // January ended on the 31st: still version 1, so 28 January still counts and its split is as it was.
    const jan = await city.plans.get.query({ planId: januaryId });
    expect(jan.calendar.versions).toEqual({ '2027': 1 });
    expect(jan.calendar.history).toHaveLength(1);
    expect(splitOf(jan)).toEqual([
      ['2026-W53', 0, 0, null],
      ['2027-W01', 6, 7, '2027-01-09'],
      ['2027-W02', 5, 5, '2027-01-15'],
      ['2027-W03', 5, 5, '2027-01-22'],
      ['2027-W04', 4, 4, '2027-01-29'],
    ]);
    expect(t.server.calendar.current().isWorkingDay('2027-01-28')).toBe(false);
  });
});
