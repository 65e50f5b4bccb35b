/**
 * Community correction casework end to end, through the real HTTP server and the casework engine,
 * on the engine of the run (PGlite and PostgreSQL): the investigation's deadlines (10 working days,
 * 5 for fast-track) on the platform calendar across the 2026 Mid-Autumn and National Day holidays
 * (Saturday 10 October worked), its opinion as a real .docx; the correction file's statutory checks
 * (art. 21 late report-in needs a reason, art. 25 a female person's team without a woman is
 * blocked, art. 27 leave beyond the office's level is blocked, art. 29 monitoring over 3 months is
 * blocked, no revocation for 管制); lost contact opening its search case in the same transaction
 * (art. 30) and found; release issuing the certificate (art. 44); who may do what (the office,
 * its county admin, another office, another county); the class suggestion from the rules.
 * The server's clock is set per test (never the machine's date).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPluginError, type CaseFile } from '@sifa/core';
import { docxText, downloadDocument, sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createCorrectionPlugin, demoIdNumber } from '../../src/server/index.js';

/** Monday 28 September 2026, 10:00 in China: after the Mid-Autumn holiday, National Day (1–7 Oct) ahead, Saturday 10 Oct worked. */
const clock = { now: new Date('2026-09-28T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));
const plugins = [createCorrectionPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
});
afterAll(() => t?.close());

type User = 'xitun' | 'sanzhongjie' | 'zhenxing' | 'hongshan' | 'songshan' | 'city';
const api = async (user: User, locale = 'zh-CN') => (await t.client(user, { locale })).correction;
const documentOf = (file: CaseFile, transition: string) => file.events.findLast((e) => e.transition === transition)?.documentId ?? null;

const person = (name: string) => ({ role: 'subject', name, idNumber: demoIdNumber('150402', '1990-03-15'), phone: '13800000001', address: '红山区西屯街道示例小区1号楼' });

async function openFile(extra: Record<string, unknown> = {}, on = '2026-09-01'): Promise<CaseFile> {
  return (await api('xitun')).cases.open.mutate({
    on,
    fields: {
      person: [person('测试对象')],
      sex: 'male',
      birthDate: '1990-03-15',
      kind: 'probation',
      court: '赤峰市红山区人民法院',
      judgmentEffectiveOn: '2026-08-25',
      offence: '盗窃罪',
      termStart: '2026-08-25',
      termEnd: '2027-08-24',
      stage: 'intake',
      ...extra,
    },
  });
}

async function step(file: CaseFile, transition: string, fields: Record<string, unknown>, on: string, user: User = 'xitun', overrides?: Record<string, string>): Promise<CaseFile> {
  return (await api(user)).cases.transition.mutate({ id: file.id, revision: file.revision, transition, on, fields, ...(overrides ? { overrides } : {}) });
}

/** A file through intake: reported in time, team, class, announced. */
async function underCorrection(extra: Record<string, unknown> = {}): Promise<CaseFile> {
  at('2026-09-28');
  let file = await openFile(extra);
  file = await step(file, 'report-in', {}, '2026-09-01');
  file = await step(file, 'form-team', { members: '王某（组长）\n李某（女）', women: 1 }, '2026-09-02');
  return step(file, 'announce', { announcement: '宣告' }, '2026-09-03');
}

describe('the investigation (调查评估, art. 18)', () => {
  const register = async (fastTrack: boolean) =>
    (await api('xitun')).investigations.cases.open.mutate({
      on: '2026-09-28',
      fields: { commissioner: '赤峰市红山区人民法院', commissionerKind: 'court', commissionedOn: '2026-09-27', fastTrack, person: [person('调查对象')], offence: '盗窃罪', proposedKind: 'probation' },
    });

  it('runs 10 working days, or 5 for a fast-track case, on the platform calendar (National Day off, Saturday 10 Oct worked)', async () => {
    at('2026-09-28');
    const normal = await register(false);
    expect(normal.deadlines).toEqual([expect.objectContaining({ code: 'opinion-period', days: 10, unit: 'working', startedOn: '2026-09-28', due: '2026-10-16' })]);
    expect(normal.deadlines[0]!.basis.zh).toContain('《社区矫正法实施办法》第十四条');
    expect(normal.deadlines[0]!.basis.zh).toContain('可按部署配置');
    const fast = await register(true);
    expect(fast.deadlines).toEqual([expect.objectContaining({ code: 'fast-track-period', days: 5, unit: 'working', due: '2026-10-10' })]);
  });

  it('refuses the opinion before the contents are recorded; issues the 调查评估意见书 (.docx) and closes with the copy to the procuratorate', async () => {
    at('2026-09-28');
    let file = await register(false);
    const early = await sifaErrorOf((await api('xitun')).investigations.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'issue-opinion', on: '2026-09-28', fields: { opinion: 'suitable', opinionReasons: '理由' } }));
    expect(early.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(early.data.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['fields.residence', 'fields.victimOpinion']));
    at('2026-10-09');
    const c = (await api('xitun')).investigations.cases;
    const go = async (transition: string, fields: Record<string, unknown>, on: string) => (file = await c.transition.mutate({ id: file.id, revision: file.revision, transition, on, fields }));
    await go('residence-family', { residence: '有固定住所，居住五年。', family: '与父母同住。' }, '2026-09-29');
    await go('conduct', { pastConduct: '无前科。', consequences: '已退赔。' }, '2026-09-30');
    await go('opinions-heard', { communityOpinion: '居委会同意。', victimOpinion: '被害人谅解。' }, '2026-10-08');
    await go('issue-opinion', { opinion: 'suitable', opinionReasons: '社会危险性较小。' }, '2026-10-09');
    expect(file.state).toBe('opinion-issued');
    expect(file.deadlines[0]).toMatchObject({ state: 'met', metOn: '2026-10-09' });
    const { status, bytes } = await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(file, 'issue-opinion')!);
    expect(status).toBe(200);
    const text = await docxText(bytes);
    for (const part of ['关于调查对象的调查评估意见书', '赤峰市红山区人民法院', '有固定住所，居住五年。', '被害人谅解。', '经调查评估，调查对象适用社区矫正。', '社会危险性较小。', '第十八条']) expect(text).toContain(part);
    await go('copy-procuratorate', { procuratorate: '赤峰市红山区人民检察院', copyMethod: 'delivered' }, '2026-10-09');
    expect(file).toMatchObject({ state: 'copied', closed: true });
  });
});

describe('intake (arts. 21, 25)', () => {
  it('art. 21: a report-in more than 10 days after the judgment took effect needs a reason, recorded with the step', async () => {
    at('2026-09-28');
    const file = await openFile();
    const late = await sifaErrorOf(step(file, 'report-in', {}, '2026-09-05'));
    expect(late.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { transition: 'report-in', checks: 'report-in-period' } });
    const reported = await step(file, 'report-in', {}, '2026-09-05', 'xitun', { 'report-in-period': '住院，有证明。' });
    expect(reported.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'report-in-period', state: 'attention', article: { zh: '第二十一条', en: 'Art. 21', mn: '21 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ' }, reason: '住院，有证明。' })]);
    // On the 10th day: in time.
    const other = await openFile();
    const inTime = await step(other, 'report-in', {}, '2026-09-04');
    expect(inTime.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'report-in-period', state: 'pass' })]);
  });

  it('art. 25: a female person’s team without a woman is blocked whatever reason is given; nothing written', async () => {
    at('2026-09-28');
    const file = await openFile({ sex: 'female' });
    const c = await api('xitun', 'en');
    const blocked = await sifaErrorOf(c.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'form-team', on: '2026-09-02', fields: { members: '王某\n张某', women: 0 }, overrides: { 'team-woman': '暂无女性工作人员' } }));
    expect(blocked.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { transition: 'form-team', blocked: 'team-woman' }, issues: [{ path: 'checks.team-woman' }] });
    expect(blocked.message).toContain('The team must include a woman');
    expect(await c.cases.get.query({ id: file.id })).toMatchObject({ revision: file.revision, state: 'received' });
    const checks = await c.cases.checks.query({ id: file.id, transition: 'form-team', fields: { women: 0 } });
    expect(checks).toEqual([expect.objectContaining({ code: 'team-woman', state: 'blocked', article: { zh: '第二十五条', en: 'Art. 25', mn: '25 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ' } })]);
    const formed = await step(file, 'form-team', { members: '王某\n赵某（女）', women: 1 }, '2026-09-02');
    expect(formed.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'team-woman', state: 'pass' })]);
    // A male person's team needs no woman.
    const male = await openFile();
    expect((await step(male, 'form-team', { members: '王某', women: 0 }, '2026-09-02')).events.at(-1)!.checks[0]!.state).toBe('pass');
  });
});

describe('supervision (arts. 27–29)', () => {
  it('art. 27: leave beyond 7 days is blocked as the office’s step and approved by the county; beyond 30 days by nobody', async () => {
    const file = await underCorrection();
    const leave = (from: string, to: string) => ({ destination: '呼和浩特市', leaveFrom: from, leaveTo: to, leaveReason: '就医' });
    const office = await step(file, 'leave-office', leave('2026-09-10', '2026-09-16'), '2026-09-09');
    expect(office.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'leave-approval', state: 'pass' })]);
    const tooLong = await sifaErrorOf(step(office, 'leave-office', leave('2026-09-20', '2026-09-27'), '2026-09-19'));
    expect(tooLong.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { blocked: 'leave-approval' } });
    expect(tooLong.message).toContain('县级');
    // The county step: only the county admin (roles), not the office.
    const byOffice = await sifaErrorOf(step(office, 'leave-county', leave('2026-09-20', '2026-09-27'), '2026-09-19'));
    expect(byOffice.data.sifaCode).toBe('FORBIDDEN');
    const county = await step(office, 'leave-county', leave('2026-09-20', '2026-09-27'), '2026-09-19', 'hongshan');
    expect(county.events.at(-1)).toMatchObject({ transition: 'leave-county', checks: [expect.objectContaining({ state: 'pass' })] });
    const month = await sifaErrorOf(step(county, 'leave-county', leave('2026-09-21', '2026-10-21'), '2026-09-20', 'hongshan'));
    expect(month.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { blocked: 'leave-approval' } });
  });

  it('art. 29: an electronic-monitoring period over 3 months is blocked; up to 3 months is approved by the county', async () => {
    const file = await underCorrection();
    const period = (to: string) => ({ monitorFrom: '2026-09-10', monitorTo: to, monitorReason: '受警告后仍违规。' });
    const over = await sifaErrorOf(step(file, 'e-monitoring', period('2026-12-10'), '2026-09-10', 'hongshan'));
    expect(over.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { blocked: 'monitoring-period' }, issues: [{ path: 'checks.monitoring-period' }] });
    expect(over.message).toContain('2026年12月9日');
    const ok = await step(file, 'e-monitoring', period('2026-12-09'), '2026-09-10', 'hongshan');
    expect(ok.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'monitoring-period', state: 'pass', article: { zh: '第二十九条', en: 'Art. 29', mn: '29 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ' } })]);
    // The office cannot approve it (roles).
    expect((await sifaErrorOf(step(ok, 'e-monitoring', period('2026-12-09'), '2026-09-11'))).data.sifaCode).toBe('FORBIDDEN');
  });

  it('art. 28: sanctions issue their documents; revocation is proposed by kind and refused for 管制', async () => {
    const file = await underCorrection();
    const reprimanded = await step(file, 'reprimand', { grounds: '未按时报到。' }, '2026-09-15', 'hongshan');
    const reprimand = await docxText((await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(reprimanded, 'reprimand')!)).bytes);
    expect(reprimand).toContain('关于给予测试对象训诫的决定书');
    expect(reprimand).toContain('未按时报到。');
    const suggestion = await (await api('xitun')).classSuggestion.query({ id: file.id, on: '2026-09-28' });
    expect(suggestion).toMatchObject({ monthsIn: 1, reprimands: 1, warnings: 0, suggested: 'strict', stage: 'regular' });
    const proposed = await step(reprimanded, 'propose-revocation', { grounds: '多次违规。', recipient: '赤峰市红山区人民法院' }, '2026-09-20', 'hongshan');
    expect(await docxText((await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(proposed, 'propose-revocation')!)).bytes)).toContain('撤销缓刑建议书');
    const control = await underCorrection({ kind: 'control' });
    const refused = await sifaErrorOf(step(control, 'propose-revocation', { grounds: '违规。', recipient: '法院' }, '2026-09-20', 'hongshan'));
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { blocked: 'revocation-kind' } });
  });
});

describe('lost contact (art. 30) and release (art. 44)', () => {
  it('lostContact opens the search case and takes the step in one transaction; found closes it and resumes supervision', async () => {
    const file = await underCorrection();
    const c = await api('xitun');
    const searchesBefore = (await c.searches.cases.list.query({ limit: 200 })).total;
    // A stale revision: the step is refused and the search case opened before it rolls back.
    const stale = await sifaErrorOf(c.lostContact.mutate({ id: file.id, revision: file.revision - 1, on: '2026-09-20', circumstances: '电话不通。' }));
    expect(stale.data.sifaCode).toBe('CONFLICT');
    expect((await c.searches.cases.list.query({ limit: 200 })).total).toBe(searchesBefore);
    // Taken directly, naming a search case typed by hand (or an old one), the step is blocked (art. 30).
    const direct = await sifaErrorOf(c.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'lost-contact', on: '2026-09-20', fields: { searchCase: '（2026）西屯寻字第1号', searchCaseId: file.id, circumstances: '电话不通。' } }));
    expect(direct.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { blocked: 'search-opened' } });
    expect(direct.message).toContain('correction.lostContact');
    const { file: lost, search } = await c.lostContact.mutate({ id: file.id, revision: file.revision, on: '2026-09-20', circumstances: '电话不通。' });
    expect(lost).toMatchObject({ state: 'lost-contact', fields: { searchCase: search.number } });
    expect(lost.events.at(-1)).toMatchObject({ transition: 'lost-contact', on: '2026-09-20', fields: { searchCaseId: search.id }, checks: [expect.objectContaining({ code: 'search-opened', state: 'pass' })] });
    expect(search).toMatchObject({ type: 'correction.search', state: 'searching', orgCode: '150402001', openedOn: '2026-09-20', fields: { correctionCase: file.number, correctionCaseId: file.id, person: [expect.objectContaining({ name: '测试对象' })] } });
    // Supervision steps wait until the person is found.
    expect((await sifaErrorOf(step(lost, 'report', { reportKind: 'phone', summary: 'x' }, '2026-09-21'))).data.sifaCode).toBe('CONFLICT');
    const found = await c.found.mutate({ id: search.id, on: '2026-09-22', whereabouts: '在邻县务工。', outcome: '批评教育。' });
    expect(found.search).toMatchObject({ state: 'found', closed: true });
    expect(found.file).toMatchObject({ state: 'under-correction' });
    // The county reads the file masked and cannot carry the person's data into a search case.
    const county = await sifaErrorOf((await api('hongshan')).lostContact.mutate({ id: file.id, revision: found.file.revision, circumstances: 'x' }));
    expect(isPluginError(county, 'correction.notOwnCase')).toBe(true);
  });

  it('release (county) issues the 解除社区矫正证明书 as a real .docx with the person’s particulars', async () => {
    const file = await underCorrection();
    expect((await sifaErrorOf(step(file, 'release', { performance: '表现良好。' }, '2026-09-27'))).data.sifaCode).toBe('FORBIDDEN');
    const released = await step(file, 'release', { performance: '遵守监督管理规定，表现良好。' }, '2026-09-27', 'hongshan');
    expect(released).toMatchObject({ state: 'released', closed: true });
    const { status, bytes } = await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(released, 'release')!);
    expect(status).toBe(200);
    const text = await docxText(bytes);
    for (const part of ['解除社区矫正证明书', '测试对象', '缓刑', '2026年8月25日至2027年8月24日', '遵守监督管理规定，表现良好。', '第四十四条', file.number]) expect(text).toContain(part);
  });
});

describe('importing existing files (cases.import)', () => {
  it('checks each step the same way: a blocked team refuses the batch; a historical lost contact is only noted', async () => {
    at('2026-09-28');
    const c = await api('xitun');
    const opening = { person: [person('导入对象')], sex: 'female', birthDate: '1990-03-15', kind: 'probation', court: '赤峰市红山区人民法院', judgmentEffectiveOn: '2026-08-25', offence: '盗窃罪', termStart: '2026-08-25', termEnd: '2027-08-24', stage: 'intake' };
    const before = (await c.cases.list.query({ limit: 200 })).total;
    const refused = await sifaErrorOf(
      c.cases.import.mutate({ cases: [{ on: '2026-09-01', fields: opening, steps: [{ transition: 'report-in', on: '2026-09-01', fields: {} }, { transition: 'form-team', on: '2026-09-02', fields: { members: '王某', women: 0 } }] }] }),
    );
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'cases.0.steps.1.checks.team-woman' }] });
    expect((await c.cases.list.query({ limit: 200 })).total).toBe(before);
    const { imported } = await c.cases.import.mutate({
      cases: [
        {
          on: '2026-09-01',
          fields: opening,
          steps: [
            { transition: 'report-in', on: '2026-09-01', fields: {} },
            { transition: 'form-team', on: '2026-09-02', fields: { members: '王某\n赵某（女）', women: 1 } },
            { transition: 'announce', on: '2026-09-03', fields: { announcement: '宣告' } },
            { transition: 'lost-contact', on: '2026-09-10', fields: { searchCase: '原系统寻查第1号', searchCaseId: 'legacy-1', circumstances: '失联。' } },
          ],
        },
      ],
    });
    const file = await c.cases.get.query({ id: imported[0]!.id });
    expect(file.state).toBe('lost-contact');
    expect(file.events.at(-1)!.checks).toEqual([expect.objectContaining({ code: 'search-opened', state: 'info' })]);
  });
});

describe('who may do what', () => {
  it('the office works its files; its county reads them masked; another office or county does not see them', async () => {
    const file = await underCorrection();
    expect((await (await api('hongshan')).cases.get.query({ id: file.id })).masked).toBe(true);
    expect((await (await api('city')).cases.list.query({ limit: 200 })).rows.some((r) => r.id === file.id)).toBe(true);
    for (const user of ['sanzhongjie', 'zhenxing', 'songshan'] as const) {
      expect((await sifaErrorOf((await api(user)).cases.get.query({ id: file.id }))).data.sifaCode).toBe('NOT_FOUND');
      expect((await (await api(user)).cases.list.query({ limit: 200 })).rows.some((r) => r.id === file.id)).toBe(false);
    }
    // The city admin reads but does not work (no correction.supervise).
    expect((await sifaErrorOf(step(file, 'report', { reportKind: 'phone', summary: 'x' }, '2026-09-20', 'city'))).data.sifaCode).toBe('FORBIDDEN');
    // County-only steps: the office lacks correction.decide; the office's own leave step is not the county's (roles).
    const byOffice = await sifaErrorOf(step(file, 'warning', { grounds: 'x' }, '2026-09-20'));
    expect(byOffice.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'correction.decide' } });
    const byCounty = await sifaErrorOf(step(file, 'leave-office', { destination: 'x', leaveFrom: '2026-09-21', leaveTo: '2026-09-22', leaveReason: 'x' }, '2026-09-20', 'hongshan'));
    expect(byCounty.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { transition: 'leave-office', roles: 'office_staff' } });
  });
});
