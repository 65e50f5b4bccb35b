/**
 * The checks before forwarding a reconsideration application, on the engine of the run (PGlite and
 * PostgreSQL): each check's rules (the pure functions, with the platform calendar), the checks as
 * the engine serves them (`applications.checks`, `applications.cases.checks`) with the lists read
 * under row-level security, the refusal of a forward whose 'attention' check has no reason (naming
 * the check, nothing written), a forward with reasons (recorded with the step: timeline and audit),
 * and the lists kept by city and county admins (an office cannot, a county only its own).
 *
 * The server's clock is fixed: Monday 28 September 2026, 10:00 China time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { digestOf } from '@sifa/server';
import { sifaErrorOf, startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import { createApplicationsPlugin, seedDemoNegativeList, seedReconsiderationBodies } from '../../src/server/index.js';
import { jurisdictionCheck, periodCheck, reconsiderationFirstCheck, scopeCheck, suggestBody, type NegativeListEntry, type ReconsiderationBody } from '../../src/index.js';

const clock = { now: new Date('2026-09-28T10:00:00+08:00') };
const plugins = [createApplicationsPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
  // The lists as `sifa seed` makes them: the bodies from the org tree, the demo negative list.
  await t.server.runScoped(wholeRegionReader, async (s) => {
    expect(await seedReconsiderationBodies(s)).toBe(13);
    expect(await seedDemoNegativeList(s)).toBe(3);
    expect(await seedReconsiderationBodies(s)).toBe(0); // idempotent
  });
});
afterAll(() => t?.close());

// A small list for the pure functions (the seeded one is checked through the server below).
const city: ReconsiderationBody = { id: 'c', name: '赤峰市人民政府', level: 'city', divisionCode: '1504', area: ['赤峰市'] };
const hongshan: ReconsiderationBody = { id: 'h', name: '红山区人民政府', level: 'county', divisionCode: '150402', area: ['红山区', '西屯街道', '三中街街道'] };
const songshan: ReconsiderationBody = { id: 's', name: '松山区人民政府', level: 'county', divisionCode: '150404', area: ['松山区', '振兴街道', '穆家营子镇'] };
const bodies = [city, hongshan, songshan];

describe('the rules of each check', () => {
  const calendar = () => t.server.runScoped(wholeRegionReader, async (s) => s.calendar);

  it('period (arts. 20–21): late needs attention, in time passes, with the article of the rule that set the last day', async () => {
    const cal = await calendar();
    // 2 Aug + 60 days = 1 Oct (National Day) → 8 Oct.
    expect(periodCheck(cal, { knewOn: '2026-08-02', rightNotified: true }, '2026-10-08')).toMatchObject({ code: 'period', state: 'pass', article: '第二十条第一款' });
    const late = periodCheck(cal, { knewOn: '2026-08-02', rightNotified: true }, '2026-10-09');
    expect(late).toMatchObject({ state: 'attention', article: '第二十条第一款' });
    expect(late.explanation.zh).toContain('已超过期限 1 日');
    expect(late.suggestion!.zh).toContain('第二十条第二款');
    expect(periodCheck(cal, { knewOn: '2026-03-02', rightNotified: false, actOn: '2021-05-06' }, '2026-09-28')).toMatchObject({ state: 'attention', article: '第二十一条' });
    expect(periodCheck(cal, { knewOn: '2026-03-02', rightNotified: false }, '2026-09-28')).toMatchObject({ state: 'pass', article: '第二十条第三款' });
    expect(periodCheck(cal, {}, '2026-09-28')).toMatchObject({ state: 'unknown' });
  });

  it('scope (arts. 11–12, local negative list): an exclusion or a listed matter needs attention and says what matched where', () => {
    const normative = scopeCheck({ act: '《关于加强农村建房管理的通知》（某政发〔2026〕8号）', request: '撤销该文件。' }, []);
    expect(normative).toMatchObject({ code: 'scope', state: 'attention', article: '第十二条第二项' });
    expect(normative.explanation.zh).toContain('申请复议的行政行为中有“《关于加强农村建房管理的通知》”');
    expect(normative.explanation.zh).toContain('第十三条');
    expect(scopeCheck({ act: '县人社局给予申请人记过处分的决定' }, [])).toMatchObject({ state: 'attention', article: '第十二条第三项' });
    expect(scopeCheck({ act: '镇政府就相邻通行纠纷主持调解达成的调解协议' }, [])).toMatchObject({ state: 'attention', article: '第十二条第四项' });
    expect(scopeCheck({ act: '外交部作出的外交决定' }, [])).toMatchObject({ state: 'attention', article: '第十二条第一项' });
    // The local list: `*` is a gap within one field; only the fields an entry names are read.
    const entry: NegativeListEntry = { id: 'n1', title: { zh: '信访答复' }, basis: '某市清单第1项', fields: ['act'], keywords: ['信访*答复'] };
    const listed = scopeCheck({ act: '县信访局作出的信访事项答复意见书' }, [entry]);
    expect(listed).toMatchObject({ state: 'attention', article: '第十二条' });
    expect(listed.explanation.zh).toContain('本地负面清单事项“信访答复”（某市清单第1项）');
    expect(listed.explanation.zh).toContain('“信访局作出的信访事项答复”');
    expect(scopeCheck({ act: '行政处罚决定', factsReasons: '曾就此信访，未获答复' }, [entry]).state).toBe('pass');
    // Within art. 11: passes naming the item; nothing recognised: unknown.
    expect(scopeCheck({ act: '《行政处罚决定书》：罚款五千元。' }, [entry])).toMatchObject({ state: 'pass', article: '第十一条第一项' });
    expect(scopeCheck({ act: '某某事项' }, [])).toMatchObject({ state: 'unknown', article: '第十一条' });
  });

  it('reconsideration first (art. 23): information that the applicant cannot sue first, never attention', () => {
    const spot = reconsiderationFirstCheck({ act: '交警当场作出的罚款200元的行政处罚决定' });
    expect(spot).toMatchObject({ code: 'reconsideration-first', state: 'info', article: '第二十三条第一款第一项' });
    expect(spot.explanation.zh).toContain('申请人不能直接向人民法院提起行政诉讼');
    expect(reconsiderationFirstCheck({ act: '对申请人林权证的注销决定' })).toMatchObject({ state: 'info', article: '第二十三条第一款第二项' });
    expect(reconsiderationFirstCheck({ act: '镇政府对申请人的低保申请逾期未答复' })).toMatchObject({ state: 'info', article: '第二十三条第一款第三项' });
    expect(reconsiderationFirstCheck({ act: '县政府办公室对申请人的政府信息公开申请作出不予公开告知书' }).article).toContain('第二十三条第一款第四项');
    expect(reconsiderationFirstCheck({ act: '《行政处罚决定书》：罚款五千元。' })).toMatchObject({ state: 'pass' });
  });

  it('jurisdiction (arts. 24, 27, 28): the body the respondent points to, compared with the one entered', () => {
    // A county department, a township, a street office → the county government.
    expect(suggestBody(bodies, '红山区市场监督管理局')).toMatchObject({ kind: 'found', body: { name: '红山区人民政府' }, article: '第二十四条第一款第一项' });
    expect(suggestBody(bodies, '穆家营子镇人民政府')).toMatchObject({ kind: 'found', body: { name: '松山区人民政府' }, article: '第二十四条第一款第二项' });
    expect(suggestBody(bodies, '西屯街道办事处')).toMatchObject({ kind: 'found', body: { name: '红山区人民政府' }, article: '第二十四条第一款第三项' });
    // A county government → the city; a city department → the city; the city government → above the list.
    expect(suggestBody(bodies, '红山区人民政府')).toMatchObject({ kind: 'found', body: { name: '赤峰市人民政府' }, article: '第二十四条第一款第二项' });
    expect(suggestBody(bodies, '赤峰市自然资源局')).toMatchObject({ kind: 'found', body: { name: '赤峰市人民政府' } });
    expect(suggestBody(bodies, '赤峰市人民政府')).toMatchObject({ kind: 'elsewhere' });
    // A city department's district branch: the city, or the district (art. 24 para. 4); tax: the higher department (art. 27).
    expect(suggestBody(bodies, '赤峰市公安局红山区分局')).toMatchObject({ kind: 'found', body: { name: '赤峰市人民政府' }, also: [{ name: '红山区人民政府' }], article: '第二十四条第四款' });
    expect(suggestBody(bodies, '国家税务总局赤峰市红山区税务局')).toMatchObject({ kind: 'elsewhere', article: '第二十七条' });
    expect(suggestBody(bodies, '某某公司')).toMatchObject({ kind: 'unknown' });
    expect(suggestBody([], '红山区市场监督管理局').why.zh).toContain('尚未配置');

    expect(jurisdictionCheck(bodies, { respondent: '西屯街道办事处' })).toMatchObject({ state: 'info', proposes: { body: '红山区人民政府' } });
    expect(jurisdictionCheck(bodies, { respondent: '西屯街道办事处', body: ' 红山区人民政府 ' })).toMatchObject({ state: 'pass', article: '第二十四条第一款第三项' });
    const wrong = jurisdictionCheck(bodies, { respondent: '西屯街道办事处', body: '松山区人民政府' });
    expect(wrong).toMatchObject({ state: 'attention', suggestion: { zh: '建议转递：红山区人民政府。' } });
    expect(wrong.explanation.zh).toContain('填写的是“松山区人民政府”');
    expect(jurisdictionCheck(bodies, { respondent: '西屯街道办事处', body: '红山区司法局' }).explanation.zh).toContain('不在本市行政复议机关名单内');
    expect(jurisdictionCheck(bodies, { respondent: '赤峰市公安局红山区分局', body: '红山区人民政府' }).state).toBe('pass');
    expect(jurisdictionCheck(bodies, { respondent: '国家税务总局赤峰市税务局', body: '赤峰市人民政府' }).state).toBe('attention');
    expect(jurisdictionCheck(bodies, { respondent: '某某公司', body: '红山区人民政府' }).state).toBe('unknown');
  });
});

const application = {
  applicants: [{ role: 'applicant', name: '王某某', phone: '13912345678' }],
  respondent: '西屯街道办事处',
  act: '《责令限期拆除决定书》（西拆字〔2026〕5号）：责令申请人十日内拆除院内彩钢房。',
  knewOn: '2026-07-01', // 60 days: 30 Aug; received 28 Sep: late
  rightNotified: true,
  request: '撤销该责令限期拆除决定。',
  factsReasons: '曾就此事信访。',
  channel: 'in-person',
};

/** The audit entries of one case, oldest first (read by the city admin). */
const auditOf = async (caseId: string) => (await (await t.client('city')).platform.audit.list.query({ limit: 200 })).filter((r) => r.entityId === caseId).reverse();

describe('the checks before forwarding, through the engine', () => {
  let file: CaseFile;
  const cases = async (user: 'xitun' | 'hongshan' = 'xitun', locale = 'zh-CN') => (await t.client(user, { locale })).applications.cases;

  it('are served for the forward step with the seeded lists, the body compared as the form holds it', async () => {
    file = await (await cases()).open.mutate({ fields: application });
    expect(file.next.find((s) => s.code === 'forward')).toMatchObject({ checks: true });
    expect(file.next.find((s) => s.code === 'withdraw')).toMatchObject({ checks: false });
    const c = (await t.client('xitun', { locale: 'zh-CN' })).applications;
    const checks = await c.cases.checks.query({ id: file.id });
    expect(checks.map((x) => [x.code, x.state])).toEqual([
      ['period', 'attention'],
      ['scope', 'pass'],
      ['reconsideration-first', 'pass'],
      ['jurisdiction', 'info'],
    ]);
    // The demo negative list's 信访 entry reads the act and the request, not the facts.
    expect(checks[1]!.explanation.zh).toContain('3 项');
    expect(checks[3]).toMatchObject({ article: '第二十四条第一款第三项', proposes: { body: '红山区人民政府' } });
    // With what the form holds so far: the body entered is compared.
    const typed = await c.cases.checks.query({ id: file.id, transition: 'forward', fields: { body: '松山区人民政府' } });
    expect(typed.find((x) => x.code === 'jurisdiction')).toMatchObject({ state: 'attention' });
    // The county reads the office's case and the same checks (the city's lists, inherited).
    expect((await (await t.client('hongshan')).applications.cases.checks.query({ id: file.id })).map((x) => x.state)).toEqual(['attention', 'pass', 'pass', 'info']);
  });

  it('refuses a forward while a check needs attention without a reason, naming the check; nothing is written', async () => {
    const c = await cases('xitun', 'en');
    const refused = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'forward', fields: { body: '松山区人民政府', method: 'delivered' } }));
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { transition: 'forward', checks: 'period,jurisdiction' } });
    expect(refused.data.issues).toEqual([
      { path: 'overrides.period', message: 'This check needs attention: to go ahead, give the reason.' },
      { path: 'overrides.jurisdiction', message: 'This check needs attention: to go ahead, give the reason.' },
    ]);
    expect(refused.message).toContain('"Application period", "Jurisdiction" need attention');
    // One reason is not enough; a blank one is no reason; a reason for a check the step lacks is refused.
    const one = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'forward', fields: { body: '松山区人民政府', method: 'delivered' }, overrides: { period: '申请人住院，有证明。', jurisdiction: '   ' } }));
    expect(one.data.issues).toEqual([{ path: 'overrides.jurisdiction', message: 'This check needs attention: to go ahead, give the reason.' }]);
    const stray = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'forward', fields: { body: '红山区人民政府', method: 'delivered' }, overrides: { period: '申请人住院。', scopes: '？' } }));
    expect(stray.data.issues).toEqual([{ path: 'overrides.scopes', message: 'This step has no such check.' }]);
    // Nothing written: the case as it was, no event, no audit entry of a forward.
    const after = await c.get.query({ id: file.id });
    expect(after).toMatchObject({ state: 'received', revision: file.revision });
    expect(after.events).toHaveLength(1);
    expect((await auditOf(file.id)).map((r) => r.action)).toEqual(['applications.reconsideration.receive']);
  });

  it('forwards with a reason for each check that needs attention: recorded with the step (timeline and audit)', async () => {
    const c = await cases();
    const forwarded = await c.transition.mutate({
      id: file.id,
      revision: file.revision,
      transition: 'forward',
      fields: { body: '红山区人民政府', method: 'delivered' },
      // A reason for a check that passes is not recorded.
      overrides: { period: '申请人因住院耽误期限，已提交住院证明（第二十条第二款）。', scope: '无需' },
    });
    expect(forwarded.state).toBe('forwarded');
    const step = forwarded.events.at(-1)!;
    expect(step.fields).toEqual({ body: '红山区人民政府', method: 'delivered' });
    expect(step.checks).toEqual([
      { code: 'period', state: 'attention', article: '第二十条第一款', title: { zh: '申请期限', en: 'Application period' }, reason: '申请人因住院耽误期限，已提交住院证明（第二十条第二款）。' },
      { code: 'scope', state: 'pass', article: expect.stringMatching(/^第十一条/), title: expect.any(Object) },
      { code: 'reconsideration-first', state: 'pass', article: '第二十三条', title: expect.any(Object) },
      { code: 'jurisdiction', state: 'pass', article: '第二十四条第一款第三项', title: expect.any(Object) },
    ]);
    expect((await c.get.query({ id: file.id })).events.at(-1)!.checks).toEqual(step.checks);
    // The audit entry's digest covers the checks with the reason (and nothing of the reason given for a passing check).
    const entry = (await auditOf(file.id)).find((r) => r.action === 'applications.reconsideration.forward')!;
    const checks = step.checks.map((c) => ({ code: c.code, state: c.state, ...(c.reason ? { reason: c.reason } : {}) }));
    expect(checks[0]).toEqual({ code: 'period', state: 'attention', reason: '申请人因住院耽误期限，已提交住院证明（第二十条第二款）。' });
    expect(entry.afterDigest).toBe(digestOf({ number: file.number, from: 'received', state: 'forwarded', revision: 2, on: '2026-09-28', documentId: null, checks }));
    // Other steps have no checks: a reason there is refused.
    const stray = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: forwarded.revision, transition: 'withdraw', fields: {}, overrides: { period: 'x' } }));
    expect(stray.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'overrides.period' }] });
  });

  it('checks imported steps the same way', async () => {
    const c = await cases();
    const refused = await sifaErrorOf(c.import.mutate({ cases: [{ on: '2026-09-28', fields: application, steps: [{ transition: 'forward', on: '2026-09-28', fields: { body: '红山区人民政府', method: 'post' } }] }] }));
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'cases.0.steps.0.overrides.period' }] });
    const { imported } = await c.import.mutate({ cases: [{ on: '2026-09-28', fields: application, steps: [{ transition: 'forward', on: '2026-09-28', fields: { body: '红山区人民政府', method: 'post' }, overrides: { period: '迁移的历史案件。' } }] }] });
    expect((await c.get.query({ id: imported[0]!.id })).events[1]!.checks.find((x) => x.code === 'period')).toMatchObject({ reason: '迁移的历史案件。' });
  });
});

describe('the lists, kept by city and county admins', () => {
  it('an office reads them but cannot edit them', async () => {
    const office = (await t.client('xitun')).applications;
    const bodies = await office.bodies.list.query();
    expect(bodies.map((b) => b.name)).toContain('松山区人民政府'); // the whole city's list
    expect(bodies.find((b) => b.name === '红山区人民政府')).toMatchObject({ orgCode: '150402', level: 'county', editable: false, area: expect.arrayContaining(['红山区', '西屯街道', '三中街街道']) });
    expect(bodies.find((b) => b.name === '赤峰市人民政府')).toMatchObject({ orgCode: '1504', level: 'city', area: ['赤峰市'] });
    expect(bodies).toHaveLength(13);
    expect((await office.negativeList.list.query({})).map((e) => [e.orgCode, e.demo, e.editable])).toEqual([
      ['1504', true, false],
      ['1504', true, false],
      ['1504', true, false],
    ]);
    const refused = await sifaErrorOf(office.negativeList.create.mutate({ title: { zh: '某事项' }, basis: '清单', keywords: ['某事项'] }));
    expect(refused.data).toMatchObject({ sifaCode: 'FORBIDDEN' });
  });

  it('a county admin edits its own county only: its entries apply below it; the city\'s and another county\'s are read-only', async () => {
    const county = (await t.client('hongshan', { locale: 'en' })).applications;
    const entry = await county.negativeList.create.mutate({ title: { zh: '村民委员会作出的决定' }, basis: '红山区补充清单第1项', fields: ['respondent'], keywords: ['村民委员会'] });
    expect(entry).toMatchObject({ orgCode: '150402', editable: true, revision: 0, enabled: true });
    // Another county's offices do not get it; this county's do, in their checks.
    expect((await (await t.client('zhenxing')).applications.negativeList.list.query({})).map((e) => e.id)).not.toContain(entry.id);
    const office = await (await t.client('xitun')).applications.cases.open.mutate({ fields: { ...application, respondent: '幸福村村民委员会', knewOn: '2026-09-20' } });
    const checks = await (await t.client('xitun')).applications.cases.checks.query({ id: office.id });
    expect(checks.find((c) => c.code === 'scope')).toMatchObject({ state: 'attention' });
    expect(checks.find((c) => c.code === 'scope')!.explanation.zh).toContain('红山区补充清单第1项');
    const updated = await county.negativeList.update.mutate({ id: entry.id, revision: 0, title: { zh: '村民委员会作出的决定' }, basis: '红山区补充清单第1项', fields: ['respondent'], keywords: ['村民委员会'], enabled: false });
    expect(updated).toMatchObject({ revision: 1, enabled: false });
    expect((await (await t.client('xitun')).applications.cases.checks.query({ id: office.id })).find((c) => c.code === 'scope')!.state).not.toBe('attention');
    const stale = await sifaErrorOf(county.negativeList.remove.mutate({ id: entry.id, revision: 0 }));
    expect(stale.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'applications.listRevisionConflict', details: { list: 'negative-list', id: entry.id, revision: 0, currentRevision: 1 } });
    expect(stale.message).toContain('Reload it');

    // The city's entries and another county's body: readable, never changeable.
    const cityEntry = (await county.negativeList.list.query({})).find((e) => e.orgCode === '1504')!;
    const inherited = await sifaErrorOf(county.negativeList.update.mutate({ id: cityEntry.id, revision: cityEntry.revision, title: { zh: '改' }, basis: 'x', keywords: ['改动'] }));
    expect(inherited.data).toMatchObject({ sifaCode: 'FORBIDDEN', pluginError: 'applications.listEntryInherited', details: { list: 'negative-list', ownerOrgCode: '1504' } });
    expect(inherited.message).toContain('you can read it, not change or delete it');
    const bodies = await county.bodies.list.query();
    const songshan = bodies.find((b) => b.name === '松山区人民政府')!;
    expect(songshan.editable).toBe(false);
    expect((await sifaErrorOf(county.bodies.remove.mutate({ id: songshan.id, revision: songshan.revision }))).data).toMatchObject({ pluginError: 'applications.listEntryInherited', details: { ownerOrgCode: '150404' } });
    // Its own body: the area corrected (a street the respondents name differently).
    const own = bodies.find((b) => b.name === '红山区人民政府')!;
    expect(own.editable).toBe(true);
    const changed = await county.bodies.update.mutate({ id: own.id, revision: own.revision, name: own.name, level: 'county', divisionCode: '150402', area: [...own.area, '西屯办事处'] });
    expect(changed).toMatchObject({ revision: 1, area: expect.arrayContaining(['西屯办事处']) });
    // Outside its area: no entry for an office, no body of another division, nothing owned by the city.
    const office2 = await sifaErrorOf(county.negativeList.create.mutate({ orgCode: '150402001', title: { zh: '某事项' }, basis: '清单', keywords: ['某事项'] }));
    expect(office2.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', pluginError: 'applications.listOwnerLevel', issues: [{ path: 'orgCode' }] });
    expect((await sifaErrorOf(county.bodies.create.mutate({ name: '松山区人民政府', level: 'county', divisionCode: '150404', area: ['松山区'] }))).data).toMatchObject({ pluginError: 'applications.listOwnerLevel', issues: [{ path: 'divisionCode' }] });
    expect((await sifaErrorOf(county.negativeList.create.mutate({ orgCode: '1504', title: { zh: '某事项' }, basis: '清单', keywords: ['某事项'] }))).data.sifaCode).toMatch(/OUT_OF_SCOPE|FORBIDDEN|NOT_FOUND/);
    // zod: keywords of at least two characters besides `*`.
    expect((await sifaErrorOf(county.negativeList.create.mutate({ title: { zh: '某事项' }, basis: '清单', keywords: ['*'] }))).data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'keywords.0' }] });
  });

  it('the city admin edits every entry of the city', async () => {
    const cityAdmin = (await t.client('city')).applications;
    const songshan = (await cityAdmin.bodies.list.query()).find((b) => b.name === '松山区人民政府')!;
    expect(songshan.editable).toBe(true);
    const changed = await cityAdmin.bodies.update.mutate({ id: songshan.id, revision: songshan.revision, name: '松山区人民政府', level: 'county', divisionCode: '150404', area: [...songshan.area] });
    expect(changed.revision).toBe(songshan.revision + 1);
  });
});
