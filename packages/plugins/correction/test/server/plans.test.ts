/**
 * Correction plans on the server, end to end over HTTP on both engines, with a pinned clock
 * (Tuesday 29 September 2026: Mid-Autumn was 25–27 Sep, National Day is 1–7 Oct, Saturday 10 Oct
 * is worked) and the real `correction.case` files (opened, then announced): profiles sealed at
 * rest, plans from the demo catalogue with hand-computed measures, overrides, preview/apply of a
 * re-generation, an old plan reproduced after a catalogue change, tasks due on working days and
 * their notifications, the daily job, the monthly evaluation, rollups, isolation, typed errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sifaErrorOf, startTestServer, testPassword, type TestServerOf } from '@sifa/server/testing';
import { demoCatalogue, type CatalogueInput } from '../../src/index.js';
import { evaluate, evaluationThresholdsSchema } from '../../src/server/index.js';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';
import { serverHelpers } from './server-helpers.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));

// demo-2026.2: the strict class no longer calls for home visits (everything else as in .1).
const demo2: CatalogueInput = {
  ...demoCatalogue,
  version: 'demo-2026.2',
  rules: demoCatalogue.rules.map((r) => (r.id === 'class-strict' ? { ...r, adds: (r.adds ?? []).filter((m) => m !== 'home-visit') } : r)),
};
let catalogueNow = 'correction-demo@demo-2026.1';
const plugins = [createCorrectionPlugin({ demo: false, plans: { catalogues: [demoCatalogue, demo2], catalogue: () => catalogueNow } })] as const;
let t: TestServerOf<typeof plugins>;
const { raw, runJob } = serverHelpers(() => t);

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
});
afterAll(() => t?.close());

type User = 'xitun' | 'zhenxing' | 'hongshan' | 'sanzhongjie';
const api = async (user: User = 'xitun', locale = 'zh-CN') => (await t.client(user, { locale })).correction;

/** A person who calls for few measures: normal class, low risk, first offence, sincere, employed, harmonious family. */
const quiet = {
  sex: 'male',
  age: 40,
  juvenile: false,
  'subject-kind': 'probation',
  'management-class': 'normal',
  stage: 'regular',
  'months-in-correction': 6,
  'months-remaining': 12,
  'risk-level': 'low',
  'offence-type': 'other',
  'offence-cause': 'other',
  'serious-circumstances': false,
  remorse: 'sincere',
  'psych-state': 'stable',
  'psych-score': 30,
  health: 'good',
  'pregnant-or-nursing': false,
  family: 'harmonious',
  dependants: 1,
  employment: 'employed',
  'monthly-income': 4000,
  residence: 'own',
  'household-elsewhere': false,
  addiction: 'none',
  'prior-convictions': 0,
  reprimands: 0,
  'education-level': 'secondary',
} as const;

/** The real opening of a `correction.case` file (what the court's judgment gives), then its announcement (in correction from today). */
const opening = (name: string, extra: Record<string, unknown> = {}) => ({
  person: [{ role: 'subject', name, idNumber: demoIdNumber('150402', '1986-01-01'), phone: '13812345678' }],
  sex: 'male',
  birthDate: '1986-01-01',
  juvenile: false,
  kind: 'probation',
  court: '赤峰市红山区人民法院',
  judgmentEffectiveOn: '2026-08-25',
  offence: '盗窃罪',
  termStart: '2026-09-01',
  termEnd: '2027-08-31',
  class: 'normal',
  stage: 'regular',
  ...extra,
});
const openPerson = async (name: string, user: User = 'xitun') => {
  const x = await api(user);
  const file = await x.cases.open.mutate({ fields: opening(name) });
  return x.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'announce', fields: { announcement: '宣告判决内容、矫正期限和应遵守的规定' } });
};

let a: { id: string; number: string };
let b: { id: string; number: string };

describe('profiles', () => {
  it('refuse bad conditions with typed, translated errors naming each field', async () => {
    a = await openPerson('王五');
    const x = await api('xitun');
    const { sex: _omitted, ...missingSex } = quiet;
    const bad = await sifaErrorOf(x.profile.set.mutate({ caseId: a.id, revision: 0, conditions: { ...missingSex, age: 130, health: 'fine', shoeSize: 42 } }));
    expect(bad.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(bad.data.issues).toEqual([
      { path: 'conditions.sex', message: '请填写“性别”。' },
      { path: 'conditions.age', message: '“年龄”应为 12–100 之间的整数（岁）。' },
      { path: 'conditions.health', message: '“身体状况”请从以下选项中选择：良好、慢性病、严重疾病、残疾。' },
      { path: 'conditions.shoeSize', message: '“shoeSize”不是规则库 correction-demo@demo-2026.1 的条件，请删除。' },
    ]);
    expect(bad.message).toBe('请填写“性别”。（另有 3 处需修改）');
    const en = await sifaErrorOf((await api('xitun', 'en')).profile.set.mutate({ caseId: a.id, revision: 0, conditions: { ...quiet, juvenile: 'no' } }));
    expect(en.data.issues).toEqual([{ path: 'conditions.juvenile', message: '"Juvenile under correction" takes yes or no.' }]);
  });

  it('are sealed at rest, versioned, and refuse a stale revision', async () => {
    const x = await api('xitun');
    const saved = await x.profile.set.mutate({ caseId: a.id, revision: 0, conditions: quiet });
    expect(saved).toMatchObject({ caseId: a.id, revision: 1, conditions: quiet, masked: false, catalogue: { id: 'correction-demo', version: 'demo-2026.1' } });
    const [row] = await raw<{ sealed: Uint8Array; revision: number }>(sql`SELECT sealed, revision FROM correction_profiles WHERE case_id = ${a.id}`);
    const bytes = Buffer.from(row!.sealed);
    for (const clear of ['probation', 'harmonious', 'secondary', 'psych-state', 'stable', '"health"', 'good']) expect(bytes.includes(clear), clear).toBe(false);
    expect(bytes.length).toBeGreaterThan(100);
    const stale = await sifaErrorOf(x.profile.set.mutate({ caseId: a.id, revision: 0, conditions: quiet }));
    expect(stale.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'correction.profileRevisionConflict', details: { caseId: a.id, revision: 0, currentRevision: 1 } });
  });
});

let planRevision = 0;
describe('a plan', () => {
  it('is generated in one click with the measures the demo rules call for, each with its reasons', async () => {
    const x = await api('xitun');
    const plan = await x.plan.generate.mutate({ caseId: a.id });
    planRevision = plan.revision;
    // class-normal adds six; family-supportive adds team-family-member; first-offender-sincere,
    // minor-offence-sincere and no-addiction-no-tests exclude video-check-in, remorse-education, drug-test.
    expect(plan.measures.map((m) => m.measure)).toEqual([
      'report-in-monthly',
      'written-report-monthly',
      'home-visit',
      'individual-talk-monthly',
      'study-8h',
      'community-service-8h',
      'team-family-member',
    ]);
    expect(plan.excluded.map((m) => [m.measure, m.excludedBy.map((r) => r.rule)])).toEqual([
      ['video-check-in', ['first-offender-sincere']],
      ['remorse-education', ['minor-offence-sincere']],
      ['drug-test', ['no-addiction-no-tests']],
    ]);
    const family = plan.measures.find((m) => m.measure === 'team-family-member')!;
    expect(family.chosenBy.map((r) => [r.rule, r.priority])).toEqual([['family-supportive', 15]]);
    expect(family.chosenBy[0]!.because.map((w) => [w.condition, w.value, w.holds])).toEqual([
      ['family', 'harmonious', true],
      ['juvenile', false, true],
    ]);
    expect(family.explanation!.zh).toContain('家庭成员加入矫正小组');
    expect(family.explanation!.zh).toContain('和睦');
    expect(family.assignee).toBe(plan.createdBy);
    expect(plan).toMatchObject({ caseNumber: a.number, current: true, revision: 1, profileRevision: 1, profileChanged: false, reproduced: true, catalogue: { version: 'demo-2026.1', demo: true } });
  });

  it('pushes each measure as tasks due on working days, notified without personal data', async () => {
    const x = await api('xitun');
    const tasks = await x.tasks.list.query({ caseId: a.id });
    // From Tuesday 29 Sep, September has two working days left: monthly measures and hour quotas are due on the 30th;
    // the one-off is due 10 working days on, the National Day week skipped and Saturday 10 Oct counted: 19 Oct.
    expect(tasks.map((k) => [k.measure, k.due, k.status])).toEqual([
      ['community-service-8h', '2026-09-30', 'open'],
      ['home-visit', '2026-09-30', 'open'],
      ['individual-talk-monthly', '2026-09-30', 'open'],
      ['report-in-monthly', '2026-09-30', 'open'],
      ['study-8h', '2026-09-30', 'open'],
      ['written-report-monthly', '2026-09-30', 'open'],
      ['team-family-member', '2026-10-19', 'open'],
    ]);
    const inbox = await (await t.client('xitun', { locale: 'zh-CN' })).platform.notifications.list.query({ limit: 100 });
    const mine = inbox.items.filter((n) => n.kind === 'correction.task');
    expect(mine).toHaveLength(7);
    const homeVisit = mine.find((n) => n.entity?.id === tasks[1]!.id)!;
    expect(homeVisit.title.zh).toBe('矫正任务：实地走访（家庭）');
    expect(homeVisit.body.zh).toBe(`案件 ${a.number}：实地走访（家庭），请于 2026-09-30 前完成。`);
    for (const n of mine) {
      const text = JSON.stringify([n.title, n.body]);
      for (const personal of ['王五', '150402198001011232', '13812345678', '缓刑', 'probation', '普管', '和睦']) expect(text, personal).not.toContain(personal);
    }
  });

  it('takes staff overrides with a reason (audited) and refuses a stale revision or a missing reason', async () => {
    const x = await api('xitun');
    const noReason = await sifaErrorOf(x.plan.overrides.add.mutate({ caseId: a.id, revision: planRevision, measureId: 'psych-counselling', action: 'add', reason: '  ' }));
    expect(noReason.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(noReason.data.issues[0]!.path).toBe('reason');
    const unknown = await sifaErrorOf(x.plan.overrides.add.mutate({ caseId: a.id, revision: planRevision, measureId: 'yoga', action: 'add', reason: '试试' }));
    expect(unknown.data).toMatchObject({ pluginError: 'correction.unknownMeasure', details: { measureId: 'yoga' } });
    let plan = await x.plan.overrides.add.mutate({ caseId: a.id, revision: 1, measureId: 'psych-counselling', action: 'add', reason: '家属反映近期情绪低落' });
    plan = await x.plan.overrides.add.mutate({ caseId: a.id, revision: 2, measureId: 'individual-talk-weekly', action: 'add', reason: '所长要求加强谈话' });
    plan = await x.plan.overrides.add.mutate({ caseId: a.id, revision: 3, measureId: 'team-family-member', action: 'remove', reason: '家属外出务工' });
    const stale = await sifaErrorOf(x.plan.overrides.add.mutate({ caseId: a.id, revision: 3, measureId: 'law-course', action: 'add', reason: '补课' }));
    expect(stale.data).toMatchObject({ pluginError: 'correction.planRevisionConflict', details: { revision: 3, currentRevision: 4 } });
    expect(plan.revision).toBe(4);
    expect(plan.measures.map((m) => [m.measure, m.staff?.action ?? null])).toEqual([
      ['report-in-monthly', null],
      ['written-report-monthly', null],
      ['home-visit', null],
      ['individual-talk-weekly', 'add'],
      ['individual-talk-monthly', null],
      ['study-8h', null],
      ['community-service-8h', null],
      ['psych-counselling', 'add'],
    ]);
    expect(plan.removedByStaff).toEqual([expect.objectContaining({ measure: 'team-family-member', staff: { measureId: 'team-family-member', action: 'remove', reason: '家属外出务工' } })]);
    // Tasks follow: the removed measure's open task is cancelled; psych-counselling (twice a month) gets both September slots.
    const tasks = await x.tasks.list.query({ caseId: a.id, status: ['open', 'cancelled'] });
    expect(tasks.filter((k) => ['team-family-member', 'psych-counselling', 'individual-talk-weekly'].includes(k.measure)).map((k) => [k.measure, k.due, k.status])).toEqual([
      ['psych-counselling', '2026-09-29', 'open'],
      ['individual-talk-weekly', '2026-09-30', 'open'],
      ['psych-counselling', '2026-09-30', 'open'],
      ['team-family-member', '2026-10-19', 'cancelled'],
    ]);
    const audit = await raw<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${plan.id} ORDER BY seq`);
    expect(audit.map((r) => r.action)).toEqual(['correction.plan.generate', 'correction.plan.override.add', 'correction.plan.override.add', 'correction.plan.override.remove']);
  });
});

let previewHash = '';
describe('re-generation after a profile change', () => {
  it('previews the diff without writing, keeping overrides where still meaningful', async () => {
    const x = await api('xitun');
    await x.profile.set.mutate({ caseId: a.id, revision: 1, conditions: { ...quiet, 'management-class': 'strict' } });
    expect((await x.plan.get.query({ caseId: a.id })).profileChanged).toBe(true);
    const preview = await x.plan.preview.query({ caseId: a.id });
    previewHash = preview.hash;
    expect(preview.from).toMatchObject({ revision: 4, profileRevision: 1, catalogue: 'correction-demo@demo-2026.1' });
    expect(preview.to).toEqual({ catalogue: 'correction-demo@demo-2026.1', profileRevision: 2 });
    expect(preview.diff.added.map((e) => [e.measure, e.by, e.rules])).toEqual([
      ['report-in-weekly', 'rules', ['class-strict']],
      ['written-report-weekly', 'rules', ['class-strict']],
      ['study-12h', 'rules', ['class-strict']],
      ['community-service-12h', 'rules', ['class-strict']],
    ]);
    // The strict class's quota rule (priority 90) excludes the lower quotas; the monthly written report and talks simply lose their rule.
    expect(preview.diff.removed.map((e) => [e.measure, e.by, e.excludedBy])).toEqual([
      ['report-in-monthly', 'rules', ['class-strict-no-lower-quotas']],
      ['written-report-monthly', 'rules', []],
      ['individual-talk-monthly', 'rules', []],
      ['study-8h', 'rules', ['class-strict-no-lower-quotas']],
      ['community-service-8h', 'rules', ['class-strict-no-lower-quotas']],
    ]);
    expect(preview.diff.unchanged.map((e) => e.measure)).toEqual(['home-visit', 'individual-talk-weekly', 'psych-counselling']);
    // Staff's weekly talks are now the rules' own: that override is dropped; the others are kept.
    expect(preview.diff.overrides.dropped.map((o) => o.measureId)).toEqual(['individual-talk-weekly']);
    expect(preview.diff.overrides.kept.map((o) => o.measureId).sort()).toEqual(['psych-counselling', 'team-family-member']);
    const history = await x.plan.history.query({ caseId: a.id });
    expect(history).toHaveLength(1);
  });

  it('applies exactly the previewed diff (by hash), and refuses a stale one', async () => {
    const x = await api('xitun');
    const wrong = await sifaErrorOf(x.plan.applyPreview.mutate({ caseId: a.id, hash: '0'.repeat(32) }));
    expect(wrong.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'correction.previewStale', details: { currentHash: previewHash } });
    const plan = await x.plan.applyPreview.mutate({ caseId: a.id, hash: previewHash });
    expect(plan.measures.map((m) => m.measure)).toEqual([
      'report-in-weekly',
      'written-report-weekly',
      'home-visit',
      'individual-talk-weekly',
      'study-12h',
      'community-service-12h',
      'psych-counselling',
    ]);
    expect(plan.overrides.map((o) => o.measureId).sort()).toEqual(['psych-counselling', 'team-family-member']);
    expect(plan).toMatchObject({ revision: 1, profileRevision: 2, profileChanged: false, current: true });
    planRevision = plan.revision;
    const history = await x.plan.history.query({ caseId: a.id });
    expect(history.map((h) => [h.current, h.profileRevision])).toEqual([
      [true, 2],
      [false, 1],
    ]);
    // The old plan is still what it was.
    const old = await x.plan.get.query({ caseId: a.id, planId: history[1]!.id });
    expect(old.measures.map((m) => m.measure)).toContain('report-in-monthly');
    // Applying the same preview again: the plan moved on.
    expect((await sifaErrorOf(x.plan.applyPreview.mutate({ caseId: a.id, hash: previewHash }))).data.pluginError).toBe('correction.previewStale');
    // Weekly tasks from Tuesday 29 Sep: the week's last working day before National Day, the 30th. Dropped measures' tasks are cancelled.
    const tasks = await x.tasks.list.query({ caseId: a.id });
    expect(tasks.filter((k) => k.status === 'open').map((k) => [k.measure, k.due])).toEqual([
      ['psych-counselling', '2026-09-29'],
      ['community-service-12h', '2026-09-30'],
      ['home-visit', '2026-09-30'],
      ['individual-talk-weekly', '2026-09-30'],
      ['psych-counselling', '2026-09-30'],
      ['report-in-weekly', '2026-09-30'],
      ['study-12h', '2026-09-30'],
      ['written-report-weekly', '2026-09-30'],
    ]);
    expect((await x.tasks.list.query({ caseId: a.id, status: ['cancelled'] })).map((k) => k.measure).sort()).toEqual([
      'community-service-8h',
      'individual-talk-monthly',
      'report-in-monthly',
      'study-8h',
      'team-family-member',
      'written-report-monthly',
    ]);
  });

  it('keeps an old plan reproducible after the catalogue changes', async () => {
    const x = await api('xitun');
    catalogueNow = 'correction-demo@demo-2026.2';
    const [saved] = await raw<{ decision: unknown }>(sql`SELECT decision FROM correction_plans WHERE case_id = ${a.id} AND current`);
    try {
      const plan = await x.plan.get.query({ caseId: a.id });
      expect(plan.catalogue.version).toBe('demo-2026.1');
      expect(plan.measures.find((m) => m.measure === 'home-visit')!.chosenBy.map((r) => r.rule)).toEqual(['class-strict']);
      const preview = await x.plan.preview.query({ caseId: a.id });
      expect(preview.to.catalogue).toBe('correction-demo@demo-2026.2');
      expect(preview.diff.removed.map((e) => [e.measure, e.by, e.rules, e.excludedBy])).toEqual([['home-visit', 'rules', ['class-strict'], []]]);
      expect(preview.diff.added).toEqual([]);
      // The stored decision is checked: a tampered row is refused, not silently re-planned.
      await raw(sql`UPDATE correction_plans SET decision = jsonb_set(decision, '{fired}', '[]'::jsonb) WHERE case_id = ${a.id} AND current`);
      const broken = await sifaErrorOf(x.plan.get.query({ caseId: a.id }));
      expect(broken.data).toMatchObject({ pluginError: 'correction.planNotReproducible', details: { catalogue: 'correction-demo@demo-2026.1', problem: 'recomputed decision differs' } });
    } finally {
      catalogueNow = 'correction-demo@demo-2026.1';
      await raw(sql`UPDATE correction_plans SET decision = ${JSON.stringify(saved!.decision)}::jsonb WHERE case_id = ${a.id} AND current`);
    }
  });
});

describe('isolation', () => {
  it('another office cannot read or touch the profile, plan or tasks; the county above reads them', async () => {
    const other = await api('zhenxing');
    for (const call of [other.profile.get.query({ caseId: a.id }), other.plan.get.query({ caseId: a.id }), other.plan.preview.query({ caseId: a.id }), other.tasks.list.query({ caseId: a.id })]) {
      expect((await sifaErrorOf(call)).data.sifaCode).toBe('NOT_FOUND');
    }
    expect(await other.tasks.list.query({})).toEqual([]);
    const task = (await (await api('xitun')).tasks.list.query({ caseId: a.id }))[0]!;
    expect((await sifaErrorOf(other.tasks.complete.mutate({ taskId: task.id, note: '已完成' }))).data.sifaCode).toBe('NOT_FOUND');
    const neighbour = await api('sanzhongjie');
    expect((await sifaErrorOf(neighbour.plan.get.query({ caseId: a.id }))).data.sifaCode).toBe('NOT_FOUND');
    const county = await api('hongshan');
    const plan = await county.plan.get.query({ caseId: a.id });
    expect(plan.measures).toHaveLength(7);
    // Above the owning office the person's values stay hidden (as the case file masks them).
    const profile = await county.profile.get.query({ caseId: a.id });
    expect([profile.masked, plan.masked]).toEqual([true, true]);
    expect(profile.conditions).toBeNull();
    const overwrite = await sifaErrorOf(county.profile.set.mutate({ caseId: a.id, revision: profile.revision, conditions: quiet }));
    expect([overwrite.data.sifaCode, overwrite.message]).toEqual(['FORBIDDEN', '只有矫正对象所在的司法所可以填写其档案条件。']);
    expect(plan.measures.every((m) => m.explanation === null && m.chosenBy.every((r) => r.because.length === 0))).toBe(true);
  });
});

describe('tasks over time', () => {
  it('are completed with a note; the daily job marks the overdue missed and makes the next periods’ tasks on working days', async () => {
    at('2026-09-30');
    const x = await api('xitun');
    const open = await x.tasks.list.query({ caseId: a.id, status: ['open'] });
    const reportIn = open.find((k) => k.measure === 'report-in-weekly')!;
    const done = await x.tasks.complete.mutate({ taskId: reportIn.id, note: '本人到所报到' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-09-30', note: '本人到所报到' });
    const again = await sifaErrorOf(x.tasks.complete.mutate({ taskId: reportIn.id, note: '再次' }));
    expect(again.data).toMatchObject({ pluginError: 'correction.taskClosed', details: { status: 'done' } });

    // 1 October (a holiday): September's open tasks are missed; October's monthly tasks are made.
    const oct1 = await runJob('tasks', '2026-10-01T06:15:00+08:00');
    expect(oct1.missed).toBe(7);
    // 5 October (Monday, still the holiday): the week 5–11 Oct has 8, 9 and the worked Saturday 10 Oct.
    await runJob('tasks', '2026-10-05T06:15:00+08:00');
    expect((await runJob('tasks', '2026-10-05T06:15:00+08:00')).made).toBe(0);
    const tasks = await x.tasks.list.query({ caseId: a.id, dueFrom: '2026-10-01', status: ['open'] });
    expect(tasks.map((k) => [k.measure, k.due])).toEqual([
      ['individual-talk-weekly', '2026-10-10'],
      ['report-in-weekly', '2026-10-10'],
      ['written-report-weekly', '2026-10-10'],
      ['psych-counselling', '2026-10-19'],
      ['community-service-12h', '2026-10-30'],
      ['home-visit', '2026-10-30'],
      ['psych-counselling', '2026-10-30'],
      ['study-12h', '2026-10-30'],
    ]);
    const statuses = await x.tasks.list.query({ caseId: a.id, dueTo: '2026-09-30', status: ['done', 'missed'] });
    expect(statuses.filter((k) => k.status === 'done').map((k) => k.measure)).toEqual(['report-in-weekly']);
    const mine = await x.tasks.list.query({ mine: true, status: ['open'] });
    expect(mine.length).toBe(8);
  });
});

describe('reassignment', () => {
  it('moves a measure’s open tasks to another user of the office, who is notified; a user out of reach is refused', async () => {
    const colleague = await t.server.auth.createUser({ username: 't.xitun2', displayName: '西屯二', password: testPassword, role: 'office_staff', orgCode: '150402001' });
    const x = await api('xitun');
    const { revision } = await x.plan.get.query({ caseId: a.id });
    const zhenxingUser = await t.server.auth.createUser({ username: 't.zhenxing2', displayName: '振兴二', password: testPassword, role: 'office_staff', orgCode: '150404001' });
    const far = await sifaErrorOf(x.plan.reassign.mutate({ caseId: a.id, revision, measureId: 'report-in-weekly', userId: zhenxingUser }));
    expect(far.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'userId', message: '只能指派给本司法所或其上级单位的工作人员。' }] });
    const plan = await x.plan.reassign.mutate({ caseId: a.id, revision, measureId: 'report-in-weekly', userId: colleague });
    expect(plan.revision).toBe(revision + 1);
    expect(plan.measures.find((m) => m.measure === 'report-in-weekly')!.assignee).toBe(colleague);
    const open = await x.tasks.list.query({ caseId: a.id, status: ['open'] });
    expect(open.filter((k) => k.assignee === colleague).map((k) => [k.measure, k.due])).toEqual([['report-in-weekly', '2026-10-10']]);
    const theirs = await (await t.freshClient('t.xitun2', { locale: 'zh-CN' })).platform.notifications.list.query({ limit: 10 });
    expect(theirs.items.map((n) => n.body.zh)).toEqual([`案件 ${a.number}：每周到司法所报到，请于 2026-10-10 前完成。`]);
  });
});

describe('an override withdrawn', () => {
  it('reopens the measure’s cancelled task of the running period (same task, not a second one)', async () => {
    at('2026-10-08');
    const x = await api('xitun');
    const homeVisit = async () => (await x.tasks.list.query({ caseId: a.id, dueFrom: '2026-10-01', status: ['open', 'cancelled'] })).filter((k) => k.measure === 'home-visit');
    const [before] = await homeVisit();
    expect(before).toMatchObject({ due: '2026-10-30', status: 'open' });
    let { revision } = await x.plan.get.query({ caseId: a.id });
    ({ revision } = await x.plan.overrides.add.mutate({ caseId: a.id, revision, measureId: 'home-visit', action: 'remove', reason: '本月已由派出所走访' }));
    expect((await homeVisit()).map((k) => [k.id, k.status])).toEqual([[before!.id, 'cancelled']]);
    const plan = await x.plan.overrides.remove.mutate({ caseId: a.id, revision, measureId: 'home-visit', reason: '派出所未走访，恢复' });
    expect(plan.overrides.map((o) => o.measureId)).not.toContain('home-visit');
    expect((await homeVisit()).map((k) => [k.id, k.status, k.due])).toEqual([[before!.id, 'open', '2026-10-30']]);
  });
});

describe('the monthly evaluation', () => {
  it('scores by hand-computable rules and suggests a class change', () => {
    const th = evaluationThresholdsSchema.parse({});
    const counts = { tasksDue: 6, tasksOnTime: 2, tasksMissed: 4, reportInsDue: 2, reportInsDone: 0, visitsDue: 1, visitsDone: 1, sanctions: 1 };
    // round(100 × 2/6) = 33, −20 for the warning: 13 < 60 → one class stricter.
    expect(evaluate(counts, 'normal', th, [])).toMatchObject({ score: 13, suggestedClass: 'strict' });
    expect(evaluate(counts, 'strict', th, []).suggestedClass).toBeNull();
    const good = { ...counts, tasksOnTime: 6, tasksMissed: 0, sanctions: 0 };
    expect(evaluate(good, 'normal', th, [])).toMatchObject({ score: 100, suggestedClass: 'lenient' });
    expect(evaluate(good, 'normal', { ...th, lenientAfterMonths: 2 }, [85]).suggestedClass).toBeNull();
    expect(evaluate(good, 'normal', { ...th, lenientAfterMonths: 2 }, [92]).suggestedClass).toBe('lenient');
    expect(evaluate({ ...good, tasksOnTime: 5 }, 'normal', th, [])).toMatchObject({ score: 83, suggestedClass: null });
  });

  it('counts a person’s month, shows the reasons, and staff accept (change-class) or reject with a reason', async () => {
    at('2026-09-29');
    b = await openPerson('赵六');
    const x = await api('xitun');
    await x.profile.set.mutate({ caseId: b.id, revision: 0, conditions: quiet });
    await x.plan.generate.mutate({ caseId: b.id });
    at('2026-09-30');
    const tasks = await x.tasks.list.query({ caseId: b.id });
    for (const measure of ['home-visit', 'study-8h']) await x.tasks.complete.mutate({ taskId: tasks.find((k) => k.measure === measure)!.id, note: '已完成' });
    // A report recorded as a step of the file (not through the task) meets one report-in task of its period.
    let file = await x.cases.get.query({ id: b.id });
    file = await x.cases.transition.mutate({ id: b.id, revision: file.revision, transition: 'report', on: '2026-09-29', fields: { reportKind: 'phone', summary: '电话报告近况' } });
    // A warning is the county institution's (correction.decide); the office sees its own decision in the file.
    await (await api('hongshan')).cases.transition.mutate({ id: b.id, revision: file.revision, transition: 'warning', fields: { grounds: '未按时报到' } });
    await runJob('tasks', '2026-10-01T06:15:00+08:00');

    at('2026-10-01');
    const e = await x.evaluation.run.mutate({ caseId: b.id, month: '2026-09' });
    // Six tasks due in September, two done on time and one report-in met by the report step of 29 Sep;
    // report-ins (reporting, contact) 1 of 2; visits 1 of 1; one warning: round(100 × 3/6) − 20 = 30 < 60.
    expect(e.counts).toEqual({ tasksDue: 6, tasksOnTime: 3, tasksMissed: 3, reportInsDue: 2, reportInsDone: 1, visitsDue: 1, visitsDone: 1, sanctions: 1 });
    expect(e).toMatchObject({ score: 30, currentClass: 'normal', suggestedClass: 'strict', status: 'pending' });
    expect(e.reasons.map((r) => r.text.zh)).toEqual([
      '到期任务 6 项，按期完成 3 项',
      '报到 1/2 次',
      '走访 1/1 次',
      '受到训诫、警告等处罚 1 次（每次扣 20 分）',
      '考核得分 30 分',
      '得分低于 60 分：建议由普管调整为严管',
    ]);
    const noReason = await sifaErrorOf(x.evaluation.decide.mutate({ evaluationId: e.id, decision: 'accept', reason: '' }));
    expect(noReason.data.sifaCode).toBe('VALIDATION_FAILED');
    const accepted = await x.evaluation.decide.mutate({ evaluationId: e.id, decision: 'accept', reason: '月度考核不合格' });
    expect(accepted).toMatchObject({ status: 'accepted', decisionReason: '月度考核不合格' });
    const after = await x.cases.get.query({ id: b.id });
    expect(after.fields.class).toBe('strict');
    expect(after.events.at(-1)).toMatchObject({ transition: 'change-class', fields: expect.objectContaining({ class: 'strict', reason: '月度考核不合格' }) });
    expect((await sifaErrorOf(x.evaluation.decide.mutate({ evaluationId: e.id, decision: 'reject', reason: '改主意' }))).data.pluginError).toBe('correction.evaluationClosed');

    // The job on the 1st evaluates every person with a plan for the month before; a decided one stays.
    const counts = await runJob('evaluation', '2026-10-01T07:00:00+08:00');
    expect(counts).toMatchObject({ evaluated: 2 });
    const forA = (await x.evaluation.list.query({ caseId: a.id }))[0]!;
    expect(forA.month).toBe('2026-09');
    expect((await x.evaluation.list.query({ caseId: b.id }))[0]!.status).toBe('accepted');
    // A: eight tasks due in September (the cancelled ones do not count), one on time: 13, no sanction → stricter.
    expect(forA).toMatchObject({ score: 13, counts: { tasksDue: 8, tasksOnTime: 1, sanctions: 0 }, suggestedClass: 'strict', status: 'pending' });
    const rejected = await x.evaluation.decide.mutate({ evaluationId: forA.id, decision: 'reject', reason: '入矫首月，暂不调整' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '入矫首月，暂不调整' });
    expect((await x.cases.get.query({ id: a.id })).fields.class).toBe('normal');
    expect((await sifaErrorOf((await api('zhenxing')).evaluation.list.query({ caseId: b.id }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('rollups', () => {
  it('record counts per office and day (no personal data) for rates per person', async () => {
    await runJob('rollup', '2026-09-30T23:45:00+08:00');
    await runJob('rollup', '2026-10-08T23:45:00+08:00');
    const facts = await raw<{ day: string; metric: string; value: number; org_code: string }>(
      sql`SELECT day::text AS day, metric, value::float AS value, org_code FROM facts WHERE source_kind = 'correction.rollup' AND value <> 0 ORDER BY day, metric`,
    );
    const byDay = (day: string) => Object.fromEntries(facts.filter((f) => f.day === day).map((f) => [f.metric, f.value]));
    expect(new Set(facts.map((f) => f.org_code))).toEqual(new Set(['150402001']));
    // 30 Sep: two persons; A's seven tasks due that day (one done on time), B's six (two done). Verifications
    // (contact, visits, location): A's home visit; B's home visit (done) and monthly written report (contact).
    expect(byDay('2026-09-30')).toEqual({
      'correction.person-days': 2,
      'correction.tasks-due': 7 + 6,
      'correction.tasks-on-time': 1 + 2,
      'correction.verifications-due': 1 + 2,
      'correction.verifications-done': 0 + 1,
    });
    // 8 Oct: B's report-in tasks of 30 Sep were missed, but B reported by phone (a `report` step) on 29 Sep, in
    // their period: not 脱管; A reported in.
    expect(byDay('2026-10-08')).toEqual({ 'correction.person-days': 2 });
  });

  it('count a person without a plan ten working days after opening as 漏管', async () => {
    at('2026-10-23');
    await (await api('xitun')).cases.open.mutate({
      on: '2026-10-09',
      fields: opening('钱七', { sex: 'female', birthDate: '1990-02-02', kind: 'control', judgmentEffectiveOn: '2026-10-08', termStart: '2026-10-09', termEnd: '2027-04-08', stage: 'intake' }),
    });
    // Opened Friday 9 Oct: 10 and 12–16, 19–22 Oct are its ten working days; on the 23rd it is one over.
    // The daily job of the 22nd marks the report-ins due before it and not done missed: one person 脱管 on both days.
    await runJob('tasks', '2026-10-22T06:15:00+08:00');
    const reads = async () => (await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'correction.%.read'`))[0]!.n;
    const readsBefore = await reads();
    await runJob('rollup', '2026-10-22T23:45:00+08:00');
    await runJob('rollup', '2026-10-23T23:45:00+08:00');
    // The rollup reads which steps were taken, not the files: no read audit entry per person and day.
    expect(await reads()).toBe(readsBefore);
    const facts = await raw<{ day: string; metric: string; value: number }>(
      sql`SELECT day::text AS day, metric, value::float AS value FROM facts WHERE source_kind = 'correction.rollup' AND day >= '2026-10-22' AND value <> 0 ORDER BY day, metric`,
    );
    expect(facts.map((f) => [f.day, f.metric, f.value])).toEqual([
      ['2026-10-22', 'correction.out-of-supervision', 1],
      ['2026-10-22', 'correction.person-days', 3],
      ['2026-10-23', 'correction.missed-intake', 1],
      ['2026-10-23', 'correction.out-of-supervision', 1],
      ['2026-10-23', 'correction.person-days', 3],
      ['2026-10-23', 'correction.tasks-due', 3],
    ]);
  });
});

describe('a sealed (juvenile) person', () => {
  it('has plans, tasks and evaluations as sealed as the file: the county, another office and a colleague who is not responsible see none of it', async () => {
    at('2026-10-23');
    const x = await api('xitun');
    let file = await x.cases.open.mutate({ fields: opening('未成年对象', { birthDate: '2010-05-05', juvenile: true, kind: 'control' }) });
    file = await x.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'announce', fields: { announcement: '不公开宣告，监护人在场' } });
    expect(file.restricted).toBe(true);
    await x.profile.set.mutate({ caseId: file.id, revision: 0, conditions: { ...quiet, age: 16, juvenile: true, 'subject-kind': 'control' } });
    await x.plan.generate.mutate({ caseId: file.id });
    const mine = await x.tasks.list.query({ caseId: file.id });
    expect(mine.length).toBeGreaterThan(0);
    at('2026-11-02');
    expect((await x.evaluation.run.mutate({ caseId: file.id, month: '2026-10' })).caseId).toBe(file.id);

    const colleague = (await t.freshClient('t.xitun2', { locale: 'zh-CN' })).correction;
    for (const reader of [await api('hongshan'), await api('sanzhongjie'), colleague]) {
      for (const read of [
        reader.profile.get.query({ caseId: file.id }),
        reader.plan.get.query({ caseId: file.id }),
        reader.plan.history.query({ caseId: file.id }),
        reader.tasks.list.query({ caseId: file.id }),
        reader.evaluation.list.query({ caseId: file.id }),
      ]) {
        expect((await sifaErrorOf(read)).data.sifaCode).toBe('NOT_FOUND');
      }
      // Nor in any list of tasks, nor to be ticked off by id.
      expect((await reader.tasks.list.query({ limit: 500 })).filter((k) => k.caseId === file.id)).toEqual([]);
    }
    expect((await sifaErrorOf(colleague.tasks.complete.mutate({ taskId: mine[0]!.id, note: '越权' }))).data.sifaCode).toBe('NOT_FOUND');
    const [evaluation] = await x.evaluation.list.query({ caseId: file.id });
    if (evaluation!.status === 'pending') expect((await sifaErrorOf(colleague.evaluation.decide.mutate({ evaluationId: evaluation!.id, decision: 'reject', reason: '越权' }))).data.sifaCode).toBe('NOT_FOUND');

    // The jobs declare that they read sealed files: the monthly evaluation evaluates the sealed person
    // too (the month's one evaluation, re-evaluated); the rollup counts them at the county, never at
    // the office (sealed-jobs.test.ts has the details).
    await runJob('evaluation', '2026-11-01T07:00:00+08:00');
    expect(await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM correction_evaluations WHERE case_id = ${file.id} AND month = '2026-10'`)).toEqual([{ n: 1 }]);
    await runJob('rollup', '2026-11-02T23:45:00+08:00');
    const persons = await raw<{ org_code: string; value: number }>(
      sql`SELECT org_code, value::float AS value FROM facts WHERE source_kind = 'correction.rollup' AND day = '2026-11-02' AND metric = 'correction.person-days' AND org_code IN ('150402', '150402001') ORDER BY org_code`,
    );
    expect(persons).toEqual([
      { org_code: '150402', value: 1 },
      { org_code: '150402001', value: 3 },
    ]);
  });
});
