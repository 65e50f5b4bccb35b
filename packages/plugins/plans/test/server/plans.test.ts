/**
 * The plans plugin end to end over HTTP, on both engines: making plans and the split each
 * assignee gets, who sees what (a county never sees another county; an office sees only its own
 * share of a plan from above), every kind of bad input with the message the
 * user gets, progress from facts, the assignee's checkmark with evidence, changing and removing
 * plans, the `plans.items` deadline source, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { isPluginError, type Actor } from '@sifa/core';
import type { PlanItemInput, PlansErrorDetails } from '../../src/index.js';
import { chifengOrgTree, type AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createPlansPlugin, demoPlanId } from '../../src/server/index.js';
import { sifaErrorOf, startTestServer, testUsers, type TestServer, testNow, testYear } from '@sifa/server/testing';

const clock = { now: new Date('2026-11-26T02:00:00Z') };
const plugins = [createDiaryPlugin(), createPlansPlugin()] as const;
type Plugins = typeof plugins;
let t: TestServer<AppRouterOf<Plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

const client = (user: keyof typeof testUsers, locale = 'en') => t.client(user, { locale });

const lawEducation = (target: number, assignees: PlanItemInput['assignees'], extra: Partial<PlanItemInput> = {}): PlanItemInput => ({
  title: '开展普法宣传活动',
  kind: 'metric',
  metric: 'diary.law-education-events',
  target,
  assignees,
  ...extra,
});

/** A Q4 plan of the city: a metric item for two counties and an office, a manual item for two offices. */
async function cityPlan(title = '2026年第四季度重点工作') {
  const city = await client('city');
  return city.plans.create.mutate({
    period: '2026-Q4',
    title,
    items: [
      lawEducation(100, [{ orgCode: '150402' }, { orgCode: '150404', target: 62 }, { orgCode: '150402001', target: 10 }]),
      { title: '报送季度工作总结', kind: 'manual', assignees: [{ orgCode: '150402001' }, { orgCode: '150402002' }] },
    ],
  });
}

describe('making a plan', () => {
  it('gives each assignee its own target split by working days, National Day skipped', async () => {
    const plan = await cityPlan();
    expect(plan).toMatchObject({ period: '2026-Q4', from: '2026-10-01', to: '2026-12-31', ownerOrgCode: '1504', ownerName: { zh: '赤峰市' }, relation: 'own', canManage: true, itemCount: 2, instanceCount: 5, demo: false, revision: 0 });
    const [metric, manual] = plan.items;
    expect(metric).toMatchObject({ kind: 'metric', metric: { code: 'diary.law-education-events', unit: { zh: '场' } }, target: 100, splitMode: 'even', due: '2026-12-31' });
    const byOrg = Object.fromEntries(metric!.instances.map((i) => [i.orgCode, i]));
    expect(byOrg['150402']!.split!.map((s) => s.target)).toEqual([29, 34, 37]);
    expect(byOrg['150404']!.split!.map((s) => s.target)).toEqual([18, 21, 23]);
    expect(byOrg['150402001']!.split!.map((s) => s.target)).toEqual([3, 3, 4]);
    expect(byOrg['150402001']).toMatchObject({ target: 10, orgName: { zh: '西屯街道司法所' }, canCheck: false, escalationLevel: 0, timeline: [] });
    expect(manual).toMatchObject({ kind: 'manual', metric: null, target: null, splitMode: null, due: '2026-12-31' });
    expect(manual!.instances.map((i) => [i.orgCode, i.split, i.progress.status])).toEqual([
      ['150402001', null, 'on-track'],
      ['150402002', null, 'on-track'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('shows the plan whole to its owner and each assignee only its own share', async () => {
    const plan = await cityPlan('只看自己的部分');
    const hongshan = await (await client('hongshan')).plans.get.query({ planId: plan.id });
    expect(hongshan).toMatchObject({ relation: 'assigned', canManage: false, instanceCount: 4, title: '只看自己的部分' });
    expect(hongshan.items.flatMap((i) => i.instances.map((x) => x.orgCode)).sort()).toEqual(['150402', '150402001', '150402001', '150402002']);

    const xitun = await (await client('xitun')).plans.get.query({ planId: plan.id });
    expect(xitun.items.map((i) => [i.title, i.instances.map((x) => [x.orgCode, x.canCheck])])).toEqual([
      ['开展普法宣传活动', [['150402001', false]]],
      ['报送季度工作总结', [['150402001', true]]],
    ]);

    const songshan = await (await client('songshan')).plans.get.query({ planId: plan.id });
    expect(songshan.items.map((i) => i.instances.map((x) => x.orgCode))).toEqual([['150404']]);

    // An office of Songshan has no share of it: the plan does not exist for it.
    const zhenxing = await client('zhenxing');
    expect((await sifaErrorOf(zhenxing.plans.get.query({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await zhenxing.plans.list.query({})).map((p) => p.id)).not.toContain(plan.id);

    const listed = (await (await client('xitun')).plans.list.query({ period: '2026-11' })).find((p) => p.id === plan.id);
    expect(listed).toMatchObject({ relation: 'assigned', itemCount: 2, instanceCount: 2 });
    // Another period does not list it.
    expect((await (await client('xitun')).plans.list.query({ period: '2026-Q3' })).map((p) => p.id)).not.toContain(plan.id);
  });
});

describe('scoping', () => {
  it('keeps a county from seeing, listing or changing another county’s plans', async () => {
    const hongshan = await client('hongshan');
    const plan = await hongshan.plans.create.mutate({ period: '2026-12', title: '红山区12月工作', items: [lawEducation(8, [{ orgCode: '150402001' }, { orgCode: '150402002' }])] });
    expect(plan.ownerOrgCode).toBe('150402');

    const songshan = await client('songshan');
    expect((await sifaErrorOf(songshan.plans.get.query({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await songshan.plans.list.query({})).map((p) => p.id)).not.toContain(plan.id);
    expect((await songshan.plans.overdue.query({})).map((o) => o.planId)).not.toContain(plan.id);
    const outside = await sifaErrorOf(songshan.plans.list.query({ orgCode: '150402' }));
    expect(outside.data.sifaCode).toBe('OUT_OF_SCOPE');
    expect(outside.message).toBe('Organisation 150402 (红山区) is outside the area you manage.');
    expect((await sifaErrorOf(songshan.plans.update.mutate({ planId: plan.id, title: 'x' }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(songshan.plans.remove.mutate({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
    const instanceId = plan.items[0]!.instances[0]!.id;
    expect((await sifaErrorOf(songshan.plans.reminders.query({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf((await client('zhenxing')).plans.check.mutate({ instanceId, evidence: { text: 'done' } }))).data.sifaCode).toBe('NOT_FOUND');

    // The city above sees it as a plan of its subtree, and may drill down to the county.
    const city = await client('city');
    expect((await city.plans.list.query({ orgCode: '150402', period: '2026-12' })).find((p) => p.id === plan.id)).toMatchObject({ relation: 'own', instanceCount: 2 });
  });

  it('lets a county plan only within its own subtree', async () => {
    const hongshan = await client('hongshan');
    const owner = await sifaErrorOf(hongshan.plans.create.mutate({ orgCode: '1504', period: '2026-12', title: 'x', items: [lawEducation(1, [])] }));
    expect(owner.data.sifaCode).toBe('OUT_OF_SCOPE');
    const other = await sifaErrorOf(hongshan.plans.create.mutate({ period: '2026-12', title: 'x', items: [lawEducation(1, [{ orgCode: '150402001' }, { orgCode: '150404001' }])] }));
    expect(other.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(other.data.issues).toEqual([{ path: 'items.0.assignees.1.orgCode', message: 'Organisation 150404001 (振兴街道司法所) is outside the area you manage.' }]);
  });

  it('leaves making plans to county and city admins', async () => {
    const denied = await sifaErrorOf((await client('xitun')).plans.create.mutate({ period: '2026-12', title: 'x', items: [lawEducation(1, [])] }));
    expect(denied.data.sifaCode).toBe('FORBIDDEN');
    expect(denied.message).toBe('You need the "plans.manage" permission for this. Ask your administrator.');
  });
});

describe('bad input', () => {
  it('refuses a due date on a public holiday and names the working day to pick', async () => {
    const city = await client('city');
    const error = await sifaErrorOf(city.plans.create.mutate({ period: '2026-Q4', title: 'x', items: [lawEducation(10, [{ orgCode: '150402' }], { due: '2026-10-05' })] }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues).toEqual([{ path: 'items.0.due', message: 'The due date must be a working day; 2026-10-05 is a public holiday (National Day). Pick 2026-10-08 (the nearest working day).' }]);
    const zh = await sifaErrorOf((await client('city', 'zh-CN')).plans.create.mutate({ period: '2026-10', title: 'x', items: [lawEducation(10, [], { due: '2026-10-11' })] }));
    expect(zh.data.issues[0]!.message).toBe('截止日期须为工作日，2026年10月11日是周末休息日。请改为 2026-10-10 或 2026-10-12（前后的工作日）。');
    // The worked Saturday is fine.
    const ok = await city.plans.create.mutate({ period: '2026-10', title: '调休日截止', items: [lawEducation(3, [{ orgCode: '150402' }], { due: '2026-10-10' })] });
    expect(ok.items[0]!.instances[0]!.split!.map((s) => [s.key, s.target])).toEqual([
      ['2026-W40', 0],
      ['2026-W41', 3],
    ]);
  });

  it('reports every problem of a plan at once, each on its field', async () => {
    const city = await client('city');
    const error = await sifaErrorOf(
      city.plans.create.mutate({
        period: '2026-Q4',
        title: '多处错误',
        items: [
          lawEducation(10, [{ orgCode: '1504' }], { metric: 'diary.no-such-metric' }),
          lawEducation(10, [{ orgCode: '150402' }], { splitMode: 'weighted', weights: { '2026-10': 1, '2026-11': 1 } }),
          { title: '人工事项', kind: 'manual', assignees: [{ orgCode: '150402' }, { orgCode: '15' }] },
        ],
      }),
    );
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues).toEqual([
      { path: 'items.0.metric', message: 'No installed plugin declares the metric diary.no-such-metric (the plugin that provides it may not be installed). Pick an existing metric.' },
      { path: 'items.1.weights', message: 'A weighted split needs one weight per sub-period: 2026-10, 2026-11, 2026-12. Missing: 2026-12.' },
      { path: 'items.0.assignees.0.orgCode', message: "An item cannot be assigned to the plan's own org (Chifeng); pick orgs below it." },
      { path: 'items.2.assignees.1.orgCode', message: 'Organisation 15 (内蒙古自治区) is outside the area you manage.' },
    ]);
    expect(error.message).toMatch(/^The plan needs 4 corrections: /);
  });

  it('checks the shape of items before anything else', async () => {
    const city = await client('city');
    const error = await sifaErrorOf(
      city.plans.create.mutate({
        period: '2026-13',
        title: ' ',
        items: [
          { title: '指标事项', kind: 'metric', assignees: [{ orgCode: '150402' }, { orgCode: '150402' }] },
          { title: '人工事项', kind: 'manual', target: 5 },
          lawEducation(10, [], { splitMode: 'weighted' }),
          lawEducation(0, [], { weights: { '2026-10': 1 } }),
        ],
      }),
    );
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues.map((i) => `${i.path}: ${i.message}`).sort()).toEqual(
      [
        'period: A period is a year (2026), a quarter (2026-Q3) or a month (2026-07).',
        'title: Enter a title (1–200 characters).',
        'items.0.assignees.1.orgCode: An organisation is listed twice.',
        'items.0.metric: A metric item needs a metric.',
        'items.0.target: A metric item needs a target.',
        'items.1.target: A manual item has no metric, target or split: the assignee checks it off with evidence.',
        'items.2.weights: A weighted split needs a weight for each sub-period.',
        'items.3.target: A target is a whole number from 1 to 10,000,000.',
        'items.3.weights: Weights are only given with a weighted split.',
      ].sort(),
    );
  });

  it('previews a split before saving, with the same checks', async () => {
    const office = await client('xitun');
    const split = await office.plans.splitPreview.query({ period: '2026-10', target: 36 });
    expect(split.subPeriods.map((s) => [s.key, s.target, s.due])).toEqual([
      ['2026-W40', 0, null],
      ['2026-W41', 6, '2026-10-10'],
      ['2026-W42', 10, '2026-10-16'],
      ['2026-W43', 10, '2026-10-23'],
      ['2026-W44', 10, '2026-10-30'],
    ]);
    const next = await office.plans.splitPreview.query({ period: '2027-Q1', target: 30 });
    expect(next.warnings.map((w) => [w.code, w.years])).toEqual([['calendar-uncovered', [2027]]]);
    const error = await sifaErrorOf(office.plans.splitPreview.query({ period: '2026-10', target: 36, due: '2026-10-01' }));
    expect(error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'due' }], details: { due: '2026-10-01', kind: 'holiday', before: null, after: '2026-10-08' } });
    expect(error.message).toBe('The due date must be a working day; 2026-10-01 is a public holiday (National Day). Pick 2026-10-08 (the nearest working day).');
  });

  it('refuses ids that are not UUIDs and unknown plans', async () => {
    const city = await client('city');
    const bad = await sifaErrorOf(city.plans.get.query({ planId: 'nope' }));
    expect(bad.data.issues).toEqual([{ path: 'planId', message: 'An id is a UUID, e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7.' }]);
    const missing = await sifaErrorOf(city.plans.get.query({ planId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }));
    expect(missing.data.sifaCode).toBe('NOT_FOUND');
    expect(missing.message).toBe('This work plan was not found. It may have been deleted, or it is outside the area you manage.');
  });
});

describe('progress from facts', () => {
  it('counts the metric over each assignee’s subtree within the period, up to today', async () => {
    const plan = await cityPlan('进度');
    const hongshan = await client('hongshan');
    await hongshan.platform.facts.record.mutate({
      batchId: 'plans-progress-test',
      facts: [
        { orgCode: '150402001', day: '2026-10-12', metric: 'diary.law-education-events', value: 3 },
        { orgCode: '150402001', day: '2026-11-03', metric: 'diary.law-education-events', value: 2 },
        { orgCode: '150402002', day: '2026-11-20', metric: 'diary.law-education-events', value: 4 },
        // Before the period: not counted.
        { orgCode: '150402001', day: '2026-09-30', metric: 'diary.law-education-events', value: 50 },
      ],
    });
    const detail = await (await client('city')).plans.get.query({ planId: plan.id });
    const byOrg = Object.fromEntries(detail.items[0]!.instances.map((i) => [i.orgCode, i.progress]));
    // Hongshan county counts its offices' facts; 29 of its 100 were due by the end of October.
    expect(byOrg['150402']).toMatchObject({ value: 9, target: 100, percent: 9, expectedToDate: 29, status: 'behind', complete: false, asOf: '2026-11-26' });
    expect(byOrg['150402001']).toMatchObject({ value: 5, target: 10, percent: 50, expectedToDate: 3, status: 'on-track' });
    expect(byOrg['150404']).toMatchObject({ value: 0, status: 'behind' });

    const progress = await hongshan.plans.progress.query({ planId: plan.id });
    expect(progress.map((p) => [p.orgCode, p.progress.value])).toEqual([
      ['150402', 9],
      ['150402001', 5],
      ['150402001', null],
      ['150402002', null],
    ]);
    // The office sees the same number for itself (its own total, its parent being out of its sight).
    const own = await (await client('xitun')).plans.get.query({ planId: plan.id });
    expect(own.items[0]!.instances[0]!.progress.value).toBe(5);
    await hongshan.platform.facts.record.mutate({ batchId: 'plans-progress-test', facts: [] });
  });
});

describe('the checkmark of manual items', () => {
  it('is set by the assignee with evidence, once, and can be withdrawn', async () => {
    const plan = await cityPlan('勾选');
    const instance = plan.items[1]!.instances.find((i) => i.orgCode === '150402001')!;
    const xitun = await client('xitun');
    const checked = await xitun.plans.check.mutate({ instanceId: instance.id, evidence: { text: '已报送季度工作总结', attachment: { name: '总结.docx', url: 'https://oa.example.gov.cn/files/123' } } });
    expect(checked).toMatchObject({
      id: instance.id,
      progress: { complete: true, status: 'done', percent: 100 },
      check: { checkedAt: '2026-11-26T02:00:00.000Z', checkedBy: { displayName: 't.xitun' }, evidence: { text: '已报送季度工作总结', attachment: { name: '总结.docx', url: 'https://oa.example.gov.cn/files/123' } } },
    });
    const again = await sifaErrorOf(xitun.plans.check.mutate({ instanceId: instance.id, evidence: { text: 'again' } }));
    expect(again.data.sifaCode).toBe('CONFLICT');
    expect(again.message).toBe('This item was already checked off by t.xitun on 2026-11-26. To change the evidence, withdraw the check first.');

    // The county sees it done but may not check for its office.
    const hongshan = await client('hongshan');
    const seen = await hongshan.plans.get.query({ planId: plan.id });
    expect(seen.items[1]!.instances.find((i) => i.id === instance.id)).toMatchObject({ canCheck: false, check: { evidence: { text: '已报送季度工作总结' } } });
    const forbidden = await sifaErrorOf(hongshan.plans.uncheck.mutate({ instanceId: instance.id }));
    expect(forbidden.data.sifaCode).toBe('FORBIDDEN');
    expect(forbidden.message).toBe('Only staff of the assignee (西屯街道司法所) can check this item off or withdraw the check.');

    const withdrawn = await xitun.plans.uncheck.mutate({ instanceId: instance.id });
    expect(withdrawn).toMatchObject({ check: null, progress: { complete: false } });
    expect((await sifaErrorOf(xitun.plans.uncheck.mutate({ instanceId: instance.id }))).data.sifaCode).toBe('CONFLICT');
  });

  it('refuses metric items, empty evidence and unsafe links', async () => {
    const plan = await cityPlan('勾选错误');
    const xitun = await client('xitun');
    const metric = plan.items[0]!.instances.find((i) => i.orgCode === '150402001')!;
    const refused = await sifaErrorOf(xitun.plans.check.mutate({ instanceId: metric.id, evidence: { text: '做了' } }));
    expect(refused.message).toBe('"开展普法宣传活动" is a metric item: its completion is measured from the statistics, not checked off.');
    const manual = plan.items[1]!.instances.find((i) => i.orgCode === '150402001')!;
    const bad = await sifaErrorOf(xitun.plans.check.mutate({ instanceId: manual.id, evidence: { text: '  ', attachment: { name: 'x', url: 'javascript:alert(1)' } } }));
    expect(bad.data.issues).toEqual([
      { path: 'evidence.text', message: 'Describe what was done (1–2000 characters).' },
      { path: 'evidence.attachment.url', message: 'An attachment address starts with https://, or is a path on this site starting with /.' },
    ]);
  });
});

describe('changing plans', () => {
  it('updates with a revision check and keeps what assignees see in step', async () => {
    const plan = await cityPlan('修改前');
    const city = await client('city');
    const [metric, manual] = plan.items;
    const updated = await city.plans.update.mutate({
      planId: plan.id,
      revision: 0,
      title: '修改后',
      items: [
        { id: metric!.id, title: '开展普法宣传活动（调整）', kind: 'metric', metric: 'diary.law-education-events', target: 50, splitMode: 'weighted', weights: { '2026-10': 0, '2026-11': 1, '2026-12': 1 } },
        { title: '新增事项', kind: 'manual', due: '2026-11-30', assignees: [{ orgCode: '150404' }] },
      ],
    });
    expect(updated).toMatchObject({ title: '修改后', revision: 1, itemCount: 2 });
    expect(updated.items.map((i) => [i.title, i.instances.length])).toEqual([
      ['开展普法宣传活动（调整）', 3],
      ['新增事项', 1],
    ]);
    // Kept assignees keep their own targets; the item target and split changed.
    const byOrg = Object.fromEntries(updated.items[0]!.instances.map((i) => [i.orgCode, i]));
    expect(byOrg['150402']!.split!.map((s) => s.target)).toEqual([0, 25, 25]);
    expect(byOrg['150402001']!.target).toBe(10);
    expect(updated.items.some((i) => i.id === manual!.id)).toBe(false);

    // The office sees the new titles at once.
    const xitun = await (await client('xitun')).plans.get.query({ planId: plan.id });
    expect([xitun.title, xitun.revision, xitun.items.map((i) => i.title)]).toEqual(['修改后', 1, ['开展普法宣传活动（调整）']]);

    const stale = await sifaErrorOf(city.plans.update.mutate({ planId: plan.id, revision: 0, title: '又改' }));
    expect(stale.data.sifaCode).toBe('CONFLICT');
    expect(stale.message).toBe('The plan was changed by someone else meanwhile (you edited revision 0; it is now at 1). Reload it and apply your changes again.');
    // A declared error: clients narrow on its name and read its details typed.
    const conflict: unknown = await city.plans.update.mutate({ planId: plan.id, revision: 0, title: '又改' }).catch((e: unknown) => e);
    expect(isPluginError(conflict, 'plans.revisionConflict')).toBe(true);
    if (!isPluginError(conflict, 'plans.revisionConflict')) throw new Error('not the declared error');
    expectTypeOf(conflict.data.details).toEqualTypeOf<PlansErrorDetails['plans.revisionConflict']>();
    expectTypeOf(conflict.data.details.currentRevision).toEqualTypeOf<number>();
    expect(conflict.data).toMatchObject({ sifaCode: 'CONFLICT', httpStatus: 409, pluginError: 'plans.revisionConflict', details: { planId: plan.id, revision: 0, currentRevision: 1 } });
    expect(isPluginError(stale, 'plans.revisionConflict')).toBe(true);
    const foreign = await sifaErrorOf(city.plans.update.mutate({ planId: plan.id, items: [{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', title: 'x', kind: 'manual' }] }));
    expect(foreign.data.issues).toEqual([{ path: 'items.0.id', message: 'This plan has no item with this id (wrong id, or it was removed).' }]);
    expect(isPluginError(foreign, 'plans.revisionConflict')).toBe(false);
  });

  it('reassigns an item and removes a plan', async () => {
    const plan = await cityPlan('重新分派');
    const city = await client('city');
    const item = plan.items[0]!;
    const assigned = await city.plans.assign.mutate({ planId: plan.id, itemId: item.id, assignees: [{ orgCode: '150404' }, { orgCode: '150403', target: 7 }] });
    expect(assigned.items[0]!.instances.map((i) => [i.orgCode, i.target])).toEqual([
      ['150403', 7],
      ['150404', 100],
    ]);
    expect(assigned.revision).toBe(1);
    const manualTarget = await sifaErrorOf(city.plans.assign.mutate({ planId: plan.id, itemId: plan.items[1]!.id, assignees: [{ orgCode: '150404', target: 3 }] }));
    expect(manualTarget.data.issues).toEqual([{ path: 'assignees.0.target', message: 'A manual item has no target.' }]);

    expect(await city.plans.remove.mutate({ planId: plan.id })).toEqual({ planId: plan.id });
    expect((await sifaErrorOf(city.plans.get.query({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf((await client('songshan')).plans.get.query({ planId: plan.id }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('overdue items and the deadline source', () => {
  it('lists open items past due and hands open deadlines to other plugins', async () => {
    const city = await client('city');
    const plan = await city.plans.create.mutate({
      period: '2026-10',
      title: '十月逾期',
      items: [
        { title: '报送十月信息', kind: 'manual', due: '2026-10-16', assignees: [{ orgCode: '150402001' }, { orgCode: '150404001' }] },
        lawEducation(1, [{ orgCode: '150402002' }], { due: '2026-10-30' }),
      ],
    });
    const overdue = (await (await client('hongshan')).plans.overdue.query({ period: '2026-10' })).filter((o) => o.planId === plan.id);
    expect(overdue.map((o) => [o.orgCode, o.itemTitle, o.due, o.progress.daysOverdue, o.escalationLevel])).toEqual([
      ['150402001', '报送十月信息', '2026-10-16', 41, 0],
      ['150402002', '开展普法宣传活动', '2026-10-30', 27, 0],
    ]);

    const actor: Actor = {
      userId: 'test',
      username: 'test',
      displayName: 'test',
      role: 'county_admin',
      scope: { orgCode: '150402', orgPath: '/15/1504/150402/' },
      permissions: new Set(['plans.read']),
      via: 'session',
    };
    const deadlines = await t.server.runScoped(actor, (s) => s.signals.deadlines({ from: '2026-10-01', to: '2026-10-31', sources: ['plans.items'] }));
    const mine = deadlines.filter((d) => d.title.zh.includes('十月逾期'));
    expect(mine.map((d) => [d.source, d.orgCode, d.due, d.title.zh, d.entity.kind])).toEqual([
      ['plans.items', '150402001', '2026-10-16', '报送十月信息（十月逾期）', 'plans.instance'],
      ['plans.items', '150402002', '2026-10-30', '开展普法宣传活动（十月逾期）', 'plans.instance'],
    ]);
    expect(mine[0]!.basis).toEqual({ zh: '工作计划《十月逾期》（2026年10月）', en: 'Work plan "十月逾期" (October 2026)' });
  });
});

describe('demo seed', () => {
  /** The plans plugin's seed as `sifa seed` runs it (the diary's own demo history is not needed here). */
  async function seedPlans() {
    const tree = await chifengOrgTree();
    const paths = new Map(tree.map((o) => [o.code, o.path]));
    const seed = plugins[1].seed!;
    await seed({
      orgCodes: tree.map((o) => o.code),
      log: () => {},
      staffOf: async () => [],
      runJob: () => Promise.reject(new Error('this seed runs no job')),
      seeded: () => undefined,
      now: testNow,
      catalog: t.server.composition.catalog,
      runScoped: (orgCode, work) =>
        t.server.runScoped(
          { userId: 'seed', username: 'seed', displayName: 'Demo seed', role: 'city_admin', scope: { orgCode, orgPath: paths.get(orgCode)! }, permissions: new Set(['plans.manage']), via: 'session' },
          work,
        ),
    });
  }

  it('makes the city’s demo plan for the year once, labelled demo', async () => {
    await seedPlans();
    await seedPlans();
    const city = await client('city', 'zh-CN');
    const year = testYear();
    const demo = (await city.plans.list.query({ period: String(year) })).filter((p) => p.demo);
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ id: demoPlanId(year), title: `【演示】${year}年度司法所重点工作计划`, ownerOrgCode: '1504', relation: 'own', itemCount: 5 });
    const detail = await city.plans.get.query({ planId: demo[0]!.id });
    expect(detail.items.map((i) => [i.title, i.kind, i.metric?.code ?? null, i.instances.length])).toEqual([
      ['开展普法宣传活动', 'metric', 'diary.law-education-events', 12],
      ['排查调处矛盾纠纷', 'metric', 'diary.mediation-cases', 15],
      ['培训法律明白人', 'metric', 'diary.legal-literates-trained', 12],
      ['报送上半年工作总结', 'manual', null, 27],
      ['报送全年工作总结', 'manual', null, 12],
    ]);
    expect(detail.items[1]!.weights![`${year}-01`]).toBe(2);
    // Titles and units as the diary declares them, its Mongolian included (D6: not a copy in zh/en).
    expect(detail.items[1]!.metric).toMatchObject({ title: { zh: '调解矛盾纠纷', mn: expect.stringMatching(/^[\u1800-\u18AF\u202F ]+$/) }, unit: { zh: '件', mn: expect.stringMatching(/[\u1800-\u18AF]/) } });
  });
});
