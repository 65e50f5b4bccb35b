/**
 * The caseload view's procedures over HTTP on both engines, with a pinned clock: the open files
 * of an office or a county (row-level security), class/stage filters, tasks due this week, the
 * rates at the top (漏管 after the intake period), and the current catalogue for the profile form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { demoCatalogue } from '../../src/index.js';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';

const clock = { now: new Date('2026-09-29T02:00:00Z') };
const plugins = [createCorrectionPlugin({ demo: false, plans: { catalogues: [demoCatalogue] } })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
});
afterAll(() => t?.close());

type User = 'xitun' | 'zhenxing' | 'hongshan' | 'sanzhongjie';
const api = async (user: User = 'xitun', locale = 'zh-CN') => (await t.client(user, { locale })).correction;

const quiet = {
  sex: 'male', age: 40, juvenile: false, 'subject-kind': 'probation', 'management-class': 'normal', stage: 'regular', 'months-in-correction': 6, 'months-remaining': 12,
  'risk-level': 'low', 'offence-type': 'other', 'offence-cause': 'other', 'serious-circumstances': false, remorse: 'sincere', 'psych-state': 'stable', 'psych-score': 30,
  health: 'good', 'pregnant-or-nursing': false, family: 'harmonious', dependants: 1, employment: 'employed', 'monthly-income': 4000, residence: 'own',
  'household-elsewhere': false, addiction: 'none', 'prior-convictions': 0, reprimands: 0, 'education-level': 'secondary',
} as const;

const openPerson = async (name: string, user: User, cls: string, on = '2026-09-01') =>
  (await api(user)).cases.open.mutate({
    on,
    fields: {
      person: [{ role: 'subject', name, idNumber: demoIdNumber('150402', '1990-03-15'), phone: '13800000001', address: '红山区西屯街道示例小区1号楼' }],
      sex: 'male', birthDate: '1990-03-15', kind: 'probation', court: '赤峰市红山区人民法院', judgmentEffectiveOn: '2026-08-25', offence: '盗窃罪',
      termStart: '2026-08-25', termEnd: '2027-08-24', class: cls, stage: 'regular',
    },
  });

describe('caseload', () => {
  let a: { id: string };
  it('lists an office’s open files with their plan, tasks due this week and the rates', async () => {
    a = await openPerson('王五', 'xitun', 'normal');
    await openPerson('赵六', 'xitun', 'strict');
    await openPerson('钱七', 'sanzhongjie', 'normal', '2026-09-28');
    const x = await api('xitun');
    await x.profile.set.mutate({ caseId: a.id, revision: 0, conditions: quiet });
    await x.plan.generate.mutate({ caseId: a.id });
    const view = await x.caseload.list.query({});
    expect(view.today).toBe('2026-09-29');
    expect(view.week).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(view.rows).toHaveLength(2);
    const planned = view.rows.find((r) => r.caseId === a.id)!;
    expect(planned).toMatchObject({ hasPlan: true, kind: 'probation', class: 'normal', tasksMissed: 0, latestScore: null });
    expect(planned.tasksDueThisWeek).toBeGreaterThanOrEqual(0);
    // Opened 1 September, no plan 19 working days later: 漏管.
    expect(view.rates).toMatchObject({ persons: 2, outOfSupervision: 0, missedIntake: 1, from: '2026-09-01', to: '2026-09-28' });
    expect(view.offices.map((o) => o.orgCode)).toEqual([expect.any(String)]);
    expect((await x.caseload.list.query({ class: 'strict' })).rows.map((r) => r.class)).toEqual(['strict']);
    expect((await x.caseload.list.query({ class: 'lenient' })).rows).toEqual([]);
    // The filters do not change the rates (they are the office's).
    expect((await x.caseload.list.query({ class: 'strict' })).rates.persons).toBe(2);
  });

  it('is scoped: another office sees only its own, another county nothing, the county sees every office and can pick one', async () => {
    // Another county's office: none of them.
    expect((await (await api('zhenxing')).caseload.list.query({})).rows).toEqual([]);
    const neighbour = await (await api('sanzhongjie')).caseload.list.query({});
    expect(neighbour.rows).toHaveLength(1);
    expect(neighbour.rows.some((r) => r.caseId === a.id)).toBe(false);
    // Opened the day before: still within the intake period.
    expect(neighbour.rates.missedIntake).toBe(0);
    const county = await (await api('hongshan')).caseload.list.query({});
    expect(county.rows.length).toBeGreaterThanOrEqual(3);
    expect(county.offices.length).toBeGreaterThanOrEqual(2);
    const one = county.offices.find((o) => county.rows.some((r) => r.orgCode === o.orgCode && r.caseId === a.id))!;
    const picked = await (await api('hongshan')).caseload.list.query({ orgCode: one.orgCode });
    expect(picked.rows.every((r) => r.orgCode === one.orgCode)).toBe(true);
  });

  it('gives the current catalogue for the profile form', async () => {
    const cat = await (await api('xitun')).caseload.catalogue.query({});
    expect(cat).toMatchObject({ id: 'correction-demo', version: 'demo-2026.1', demo: true });
    expect(cat.conditions).toHaveLength(27);
    expect(cat.measures).toHaveLength(48);
  });
});
