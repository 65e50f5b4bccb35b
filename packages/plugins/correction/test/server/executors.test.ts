/**
 * Who carries out a measure, on both engines with a pinned clock (Tuesday 29 September 2026): the
 * executors mapping per office (the county officer per county), the resolution order
 * (reassignment > mapping > the file's responsible staff > the creator; roles without accounts
 * to the responsible staff, shown as overseen), a mapping change moving open tasks only (and
 * audited), the out-of-reach refusal, and row-level security between offices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { sifaErrorOf, startTestServer, testPassword, type TestServerOf } from '@sifa/server/testing';
import type { CatalogueInput } from '../../src/index.js';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';
import { correctionExecutors } from '../../src/server/schema.js';
import { serverHelpers } from './server-helpers.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };

const l = (en: string, zh: string) => ({ zh, en, mn: `ᠮ${en}` });
const measure = (id: string, responsible: string, times = 1) => ({ id, category: 'work', kind: 'supervision' as const, label: l(id, `措施${id}`), frequency: { every: 'month' as const, times }, responsible: responsible as 'office-staff' });
/** One measure per role (the psychologist's twice a month: one task done, one open), all chosen by one rule. */
const roles: CatalogueInput = {
  id: 'roles-catalogue',
  version: 'r-1',
  title: l('Roles', '角色'),
  conditions: [{ id: 'flag', kind: 'boolean', label: l('Flag', '标记') }],
  categories: [{ id: 'work', label: l('Work', '工作') }],
  measures: [
    measure('m-staff', 'office-staff'),
    measure('m-county', 'county-officer'),
    measure('m-social', 'social-worker'),
    measure('m-psy', 'psychologist', 2),
    measure('m-team', 'team-member'),
    measure('m-volunteer', 'volunteer'),
    measure('m-family', 'family-member'),
  ],
  rules: [{ id: 'all', label: l('all', '全部'), when: { condition: 'flag', is: true }, priority: 10, adds: ['m-staff', 'm-county', 'm-social', 'm-psy', 'm-team', 'm-volunteer', 'm-family'] }],
};

const plugins = [createCorrectionPlugin({ demo: false, plans: { catalogues: [roles] } })] as const;
let t: TestServerOf<typeof plugins>;
const { raw } = serverHelpers(() => t);
type User = 'xitun' | 'zhenxing' | 'hongshan' | 'sanzhongjie';
const api = async (user: User = 'xitun', locale = 'zh-CN') => (await t.client(user, { locale })).correction;
const user = (username: string, displayName: string, orgCode = '150402001', role: 'office_staff' | 'county_admin' = 'office_staff') =>
  t.server.auth.createUser({ username, displayName, password: testPassword, role, orgCode });

let ids: { xitun: string; social: string; psy: string; psy2: string; responsible: string; officer: string; far: string };
let names: { xitun: string };
let caseId: string;
let caseNumber: string;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  const [x] = await raw<{ id: string; display_name: string }>(sql`SELECT id, display_name FROM users WHERE username = 't.xitun'`);
  names = { xitun: x!.display_name };
  ids = {
    xitun: x!.id,
    social: await user('t.social', '社工甲'),
    psy: await user('t.psy', '心理乙'),
    psy2: await user('t.psy2', '心理丁'),
    responsible: await user('t.resp', '承办丙'),
    officer: await user('t.officer', '县矫正官', '150402', 'county_admin'),
    far: await user('t.far', '振兴某', '150404001'),
  };
});
afterAll(() => t?.close());

describe('the executors mapping', () => {
  it('refuses an account out of reach and a role at the wrong level, with typed errors in the reader’s language', async () => {
    const x = await api('xitun');
    const far = await sifaErrorOf(x.executors.set.mutate({ orgCode: '150402001', role: 'social-worker', userId: ids.far }));
    expect(far.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', pluginError: 'correction.executorOutOfReach', details: { userId: ids.far, orgCode: '150402001' }, issues: [{ path: 'userId', message: '只能指定本单位或其上级单位的工作人员账号。' }] });
    const en = await sifaErrorOf((await api('xitun', 'en')).executors.set.mutate({ orgCode: '150402001', role: 'psychologist', userId: ids.far }));
    expect(en.data.issues).toEqual([{ path: 'userId', message: 'Choose an account of this unit or of a level above it.' }]);
    // Visible is not enough: an office's account does not carry the county's role (it must be of the org or above it).
    const below = await sifaErrorOf((await api('hongshan')).executors.set.mutate({ orgCode: '150402', role: 'county-officer', userId: ids.social }));
    expect(below.data).toMatchObject({ pluginError: 'correction.executorOutOfReach', details: { userId: ids.social, orgCode: '150402' } });
    const level = await sifaErrorOf(x.executors.set.mutate({ orgCode: '150402001', role: 'county-officer', userId: ids.officer }));
    expect(level.data).toMatchObject({ pluginError: 'correction.executorWrongLevel', issues: [{ path: 'orgCode', message: '县级社区矫正机构工作人员按县（区）指定。' }] });
    // A role no account carries is not mapped at all.
    expect((await sifaErrorOf(x.executors.set.mutate({ orgCode: '150402001', role: 'volunteer' as 'psychologist', userId: ids.social }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await x.executors.list.query({})).executors).toEqual([]);
  });

  it('routes each measure: the mapped account, else the file’s responsible staff (roles without accounts overseen by them); a reassignment wins', async () => {
    const x = await api('xitun');
    await x.executors.set.mutate({ orgCode: '150402001', role: 'social-worker', userId: ids.social });
    await x.executors.set.mutate({ orgCode: '150402001', role: 'psychologist', userId: ids.psy });
    await (await api('hongshan')).executors.set.mutate({ orgCode: '150402', role: 'county-officer', userId: ids.officer });
    const listed = await x.executors.list.query({});
    expect(listed.roles).toEqual(['office-staff', 'social-worker', 'psychologist']);
    expect(listed.executors.map((e) => [e.role, e.orgCode, e.displayName]).sort()).toEqual([
      ['county-officer', '150402', '县矫正官'],
      ['psychologist', '150402001', '心理乙'],
      ['social-worker', '150402001', '社工甲'],
    ]);

    const opened = await x.cases.open.mutate({
      fields: {
        person: [{ role: 'subject', name: '赵六', idNumber: demoIdNumber('150402', '1986-01-01') }],
        sex: 'male', birthDate: '1986-01-01', juvenile: false, kind: 'probation', court: '赤峰市红山区人民法院', judgmentEffectiveOn: '2026-08-25', offence: '盗窃罪', termStart: '2026-09-01', termEnd: '2027-08-31', class: 'normal', stage: 'regular',
      },
    });
    caseId = opened.id;
    caseNumber = opened.number;
    // The file's responsible staff member is not the one who generates the plan: the fallback is the file's, not the creator's.
    await x.cases.assign.mutate({ id: caseId, userIds: [ids.responsible] });
    await x.profile.set.mutate({ caseId, revision: 0, conditions: { flag: true } });
    const plan = await x.plan.generate.mutate({ caseId });
    expect(plan.createdBy).toBe(ids.xitun);
    const routing = (p: typeof plan) => Object.fromEntries(p.measures.map((m) => [m.measure, [m.responsible, m.assigneeName, m.assignedBy, m.overseen]]));
    expect(routing(plan)).toEqual({
      'm-staff': ['office-staff', '承办丙', 'responsible', false],
      'm-county': ['county-officer', '县矫正官', 'mapping', false],
      'm-social': ['social-worker', '社工甲', 'mapping', false],
      'm-psy': ['psychologist', '心理乙', 'mapping', false],
      'm-team': ['team-member', '承办丙', 'responsible', true],
      'm-volunteer': ['volunteer', '承办丙', 'responsible', true],
      'm-family': ['family-member', '承办丙', 'responsible', true],
    });
    expect(plan.measures.find((m) => m.measure === 'm-county')!.assignee).toBe(ids.officer);

    // The tasks go one-to-one to those people, and say so.
    const tasks = await x.tasks.list.query({ caseId });
    expect(tasks.map((k) => [k.measure, k.role, k.assignee, k.assigneeName, k.assignedBy, k.overseen])).toEqual([
      ['m-psy', 'psychologist', ids.psy, '心理乙', 'mapping', false],
      ['m-county', 'county-officer', ids.officer, '县矫正官', 'mapping', false],
      ['m-family', 'family-member', ids.responsible, '承办丙', 'responsible', true],
      ['m-psy', 'psychologist', ids.psy, '心理乙', 'mapping', false],
      ['m-social', 'social-worker', ids.social, '社工甲', 'mapping', false],
      ['m-staff', 'office-staff', ids.responsible, '承办丙', 'responsible', false],
      ['m-team', 'team-member', ids.responsible, '承办丙', 'responsible', true],
      ['m-volunteer', 'volunteer', ids.responsible, '承办丙', 'responsible', true],
    ]);
    const officerInbox = await (await t.freshClient('t.officer', { locale: 'zh-CN' })).platform.notifications.list.query({ limit: 10 });
    expect(officerInbox.items.map((n) => n.title.zh)).toEqual(['矫正任务：措施m-county']);

    // Staff reassign a measure by hand: that wins over the mapping.
    const reassigned = await x.plan.reassign.mutate({ caseId, revision: plan.revision, measureId: 'm-social', userId: ids.xitun });
    expect(routing(reassigned)['m-social']).toEqual(['social-worker', names.xitun, 'reassignment', false]);
    // Re-generation keeps it, and routes the others again by the mapping.
    const again = await x.plan.generate.mutate({ caseId });
    expect(routing(again)['m-social']).toEqual(['social-worker', names.xitun, 'reassignment', false]);
    expect(routing(again)['m-psy']).toEqual(['psychologist', '心理乙', 'mapping', false]);
  });

  it('moves the open tasks of measures not reassigned by hand when the mapping changes (done ones stay), audited', async () => {
    const x = await api('xitun');
    const [first, second] = (await x.tasks.list.query({ caseId })).filter((k) => k.measure === 'm-psy');
    await x.tasks.complete.mutate({ taskId: first!.id, note: '已谈话' });

    const moved = await x.executors.set.mutate({ orgCode: '150402001', role: 'psychologist', userId: ids.psy2 });
    expect(moved.moved).toEqual({ plans: 1, tasks: 1 });
    const psyTasks = (await x.tasks.list.query({ caseId })).filter((k) => k.measure === 'm-psy');
    expect(psyTasks.map((k) => [k.id, k.status, k.assigneeName, k.assignedBy])).toEqual([
      [first!.id, 'done', '心理乙', null],
      [second!.id, 'open', '心理丁', 'mapping'],
    ]);
    const plan = await x.plan.get.query({ caseId });
    expect(plan.measures.find((m) => m.measure === 'm-psy')).toMatchObject({ assignee: ids.psy2, assigneeName: '心理丁', assignedBy: 'mapping' });
    const inbox = await (await t.freshClient('t.psy2', { locale: 'zh-CN' })).platform.notifications.list.query({ limit: 10 });
    expect(inbox.items.map((n) => n.body.zh)).toEqual([`案件 ${caseNumber}：措施m-psy，请于 ${second!.due} 前完成。`]);

    // The social worker's measure was reassigned by hand: a new social worker moves nothing.
    expect((await x.executors.set.mutate({ orgCode: '150402001', role: 'social-worker', userId: ids.psy })).moved).toEqual({ plans: 0, tasks: 0 });
    expect((await x.tasks.list.query({ caseId })).find((k) => k.measure === 'm-social')).toMatchObject({ assignee: ids.xitun, assignedBy: 'reassignment' });

    // The county clears its officer: the measure falls back to the file's responsible staff.
    expect((await (await api('hongshan')).executors.set.mutate({ orgCode: '150402', role: 'county-officer', userId: null })).moved).toEqual({ plans: 1, tasks: 1 });
    expect((await x.tasks.list.query({ caseId })).find((k) => k.measure === 'm-county')).toMatchObject({ assignee: ids.responsible, assigneeName: '承办丙', assignedBy: 'responsible' });

    const audit = await raw<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${plan.id} AND action LIKE 'correction.executors.%' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['correction.executors.moved', 'correction.executors.moved']);
    const sets = await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'correction.executors.set'`);
    expect(sets[0]!.n).toBe(6);
  });

  it('is the office’s own: another office neither reads nor sets it, not even past the procedures (row-level security)', async () => {
    const other = await api('zhenxing');
    expect((await sifaErrorOf(other.executors.list.query({ orgCode: '150402001' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(other.executors.set.mutate({ orgCode: '150402001', role: 'psychologist', userId: ids.far }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    // A neighbouring office of the same county sees its county's rows, not the other office's.
    expect((await (await api('sanzhongjie')).executors.list.query({})).executors).toEqual([]);
    await (await api('hongshan')).executors.set.mutate({ orgCode: '150402', role: 'county-officer', userId: ids.officer });
    expect((await (await api('sanzhongjie')).executors.list.query({})).executors.map((e) => e.role)).toEqual(['county-officer']);

    // Straight at the table in the other office's scope: nothing of 150402001 to read, to change or to add.
    const [row] = await raw<{ org_path: string }>(sql`SELECT org_path FROM correction_executors WHERE org_code = '150402001' AND role = 'psychologist'`);
    const [zhenxing] = await raw<{ path: string }>(sql`SELECT path FROM orgs WHERE code = '150404001'`);
    const actor = { userId: ids.far, username: 't.far', displayName: '振兴某', role: 'office_staff' as const, scope: { orgCode: '150404001', orgPath: zhenxing!.path }, permissions: new Set<string>(), via: 'session' as const };
    const seen = await t.server.runScoped(actor, async (s) => ({
      rows: await s.db.select().from(correctionExecutors).where(eq(correctionExecutors.orgCode, '150402001')),
      updated: await s.db.update(correctionExecutors).set({ userId: ids.far }).where(eq(correctionExecutors.orgCode, '150402001')).returning(),
    }));
    expect(seen).toEqual({ rows: [], updated: [] });
    const now = clock.now;
    await expect(
      t.server.runScoped(actor, (s) => s.db.insert(correctionExecutors).values({ orgCode: '150402001', orgPath: row!.org_path, role: 'office-staff', userId: ids.far, updatedBy: ids.far, createdAt: now, updatedAt: now })),
    ).rejects.toThrow();
    expect((await (await api('xitun')).executors.list.query({})).executors.find((e) => e.role === 'psychologist')).toMatchObject({ userId: ids.psy2 });
  });

  it('keeps a sealed (juvenile) file’s measures with its responsible staff unless the mapped account is one of them', async () => {
    const x = await api('xitun');
    const file = await x.cases.open.mutate({
      fields: {
        person: [{ role: 'subject', name: '少年丁', idNumber: demoIdNumber('150402', '2010-01-01') }],
        sex: 'male', birthDate: '2010-01-01', juvenile: true, kind: 'control', court: '赤峰市红山区人民法院', judgmentEffectiveOn: '2026-08-25', offence: '寻衅滋事罪', termStart: '2026-09-01', termEnd: '2027-02-28', class: 'normal', stage: 'regular',
      },
    });
    await x.profile.set.mutate({ caseId: file.id, revision: 0, conditions: { flag: true } });
    const plan = await x.plan.generate.mutate({ caseId: file.id });
    expect(plan.measures.map((m) => [m.measure, m.assignee, m.assignedBy]).filter(([, , by]) => by !== 'responsible')).toEqual([]);
    expect(new Set(plan.measures.map((m) => m.assignee))).toEqual(new Set([ids.xitun]));
    // The mapped psychologist joins the file's staff: the psychologist's measure is theirs from the next generation on.
    await x.cases.assign.mutate({ id: file.id, userIds: [ids.xitun, ids.psy2] });
    const again = await x.plan.generate.mutate({ caseId: file.id });
    expect(again.measures.find((m) => m.measure === 'm-psy')).toMatchObject({ assignee: ids.psy2, assignedBy: 'mapping' });
    expect(again.measures.find((m) => m.measure === 'm-social')).toMatchObject({ assignee: ids.xitun, assignedBy: 'responsible' });
  });

  it('moves the open tasks of a plan made before the mapping existed (no routing stored) too', async () => {
    await raw(sql`UPDATE correction_plans SET routed = '{}'::jsonb WHERE case_id = ${caseId} AND current`);
    const x = await api('xitun');
    expect((await x.plan.get.query({ caseId })).measures.find((m) => m.measure === 'm-staff')).toMatchObject({ assignee: ids.xitun, assignedBy: 'creator' });
    expect((await x.executors.set.mutate({ orgCode: '150402001', role: 'office-staff', userId: ids.social })).moved).toEqual({ plans: 1, tasks: 1 });
    expect((await x.tasks.list.query({ caseId })).find((k) => k.measure === 'm-staff')).toMatchObject({ assignee: ids.social, assigneeName: '社工甲', assignedBy: 'mapping' });
  });
});
