/**
 * Reconsideration forwarding end to end, through the real HTTP server and the casework engine, on
 * the engine of the run (PGlite and PostgreSQL): an oral application is received (its record must
 * be confirmed), the receipt (回执) is issued and parses back from the .docx; the application-period
 * check (arts. 20–21, a last day on a holiday moved to the next working day); forwarding, the
 * body's 5-working-day review (art. 30), a request to correct and its 10 working days (art. 31),
 * acceptance under the simplified procedure (30 calendar days, art. 62), the decision; the facts
 * feed the plugin's metrics and the diary's reconsideration item.
 *
 * The server's clock is fixed: Monday 28 September 2026, 10:00 China time, after the Mid-Autumn
 * holiday (25–27 Sep) with National Day (1–7 Oct) ahead and Saturday 10 Oct worked (调休).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { docxText, downloadDocument, sifaErrorOf, startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createApplicationsPlugin } from '../../src/server/index.js';
import { reconsiderationPeriod } from '../../src/index.js';

const clock = { now: new Date('2026-09-28T10:00:00+08:00') };
const at = (day: string) => (clock.now = new Date(`${day}T10:00:00+08:00`));
const plugins = [createDiaryPlugin(), createApplicationsPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
});
afterAll(() => t?.close());

const cases = async (locale = 'zh-CN') => (await t.client('xitun', { locale })).applications.cases;

const application = {
  applicants: [{ role: 'applicant', name: '王某某', idNumber: '150402198001011232', phone: '13912345678', address: '西屯街道幸福村一组8号' }],
  respondent: '西屯街道办事处',
  act: '《责令限期拆除决定书》（西拆字〔2026〕5号）：责令申请人十日内拆除院内彩钢房。',
  actOn: '2026-09-10',
  knewOn: '2026-09-12',
  rightNotified: true,
  request: '撤销该责令限期拆除决定。',
  factsReasons: '彩钢房建于自家宅基地内，系对原有房屋的修缮。',
  channel: 'oral',
};

describe('a reconsideration application: received, forwarded, accepted, decided', () => {
  let file: CaseFile;

  it('refuses an oral application whose record the applicant has not confirmed, in the caller\'s language', async () => {
    const error = await sifaErrorOf((await cases()).open.mutate({ fields: application }));
    expect(error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'fields.oralRecord', message: '此项必填。' }] });
  });

  it('is received with a receipt; the forwarding period runs (local, configurable)', async () => {
    file = await (await cases()).open.mutate({ fields: { ...application, oralRecord: 'signed' } });
    expect(file).toMatchObject({ type: 'applications.reconsideration', state: 'received', openedOn: '2026-09-28' });
    expect(file.number).toBe('（2026）西屯复转字第1号');
    // 29, 30 Sep, then (National Day 1–7 Oct) 8 Oct.
    expect(file.deadlines).toEqual([expect.objectContaining({ code: 'forwarding', days: 3, unit: 'working', due: '2026-10-08', state: 'running', remaining: 3 })]);
    expect(file.deadlines[0]!.basis.zh).toContain('可按部署配置');
    const receipt = file.events[0]!.documentId!;
    const { status, bytes } = await downloadDocument(t.url, await t.tokenOf('xitun'), receipt);
    expect(status).toBe(200);
    const text = await docxText(bytes);
    for (const value of ['行政复议申请接收回执', file.number, '申请人：王某某', '150402198001011232', '13912345678', '西屯街道办事处', '西拆字〔2026〕5号', '2026年9月12日', '撤销该责令限期拆除决定。', '口头申请（当场记录）', '申请人已签字确认', '2026年9月28日', '五个工作日', '第三十条', '十个工作日', '接收人', '加盖公章']) {
      expect(text, value).toContain(value);
    }
  });

  it('checks the application period before forwarding: in time, with its article', async () => {
    const checks = await (await t.client('xitun', { locale: 'zh-CN' })).applications.cases.checks.query({ id: file.id });
    expect(checks.find((c) => c.code === 'period')).toMatchObject({ state: 'pass', article: '第二十条第一款' });
    expect(checks.find((c) => c.code === 'period')!.explanation.zh).toContain('期限届满日为 2026-11-11');
  });

  it('is forwarded; the body\'s review (5 working days, across National Day) and a request to correct (10 working days)', async () => {
    at('2026-09-29');
    const c = await cases();
    file = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'forward', fields: { body: '红山区人民政府', method: 'delivered' } });
    // 30 Sep, (1–7 Oct National Day) 8, 9, Saturday 10 (调休), 12 Oct.
    expect(file.deadlines.find((d) => d.code === 'acceptance')).toMatchObject({ startedOn: '2026-09-29', due: '2026-10-12', unit: 'working', days: 5 });
    expect(file.deadlines.find((d) => d.code === 'forwarding')).toMatchObject({ state: 'met', metOn: '2026-09-29' });
    at('2026-10-09');
    file = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'correction-requested', fields: { items: '补充提交决定书复印件。' } });
    expect(file.state).toBe('correction');
    expect(file.deadlines.find((d) => d.code === 'correction')).toMatchObject({ startedOn: '2026-10-09', due: '2026-10-22' }); // Saturday 10 Oct is worked;
    expect(file.deadlines.find((d) => d.code === 'acceptance')).toMatchObject({ state: 'met' });
    at('2026-10-13');
    file = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'corrected', fields: { supplied: '已补交决定书复印件。' } });
    expect(file.state).toBe('forwarded');
  });

  it('is accepted (the procedure required: the decision period follows it) and decided', async () => {
    at('2026-10-15');
    const c = await cases('en');
    const missing = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'accepted', fields: {} }));
    expect(missing.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'fields.procedure' }] });
    file = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'accepted', fields: { procedure: 'simplified' } });
    expect(file.state).toBe('accepted');
    const running = file.deadlines.filter((d) => d.state !== 'met');
    expect(running.map((d) => [d.code, d.due, d.unit])).toEqual([['decision-simplified', '2026-11-16', 'calendar']]); // 14 Nov is a Saturday
    expect(running[0]!.basis.en).toContain('Art. 62');
    at('2026-11-02');
    file = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'decided', fields: { decision: 'revoked', decisionNotes: '红政复决字〔2026〕12号' } });
    expect(file).toMatchObject({ state: 'decided', closed: true, nextDeadline: null });
  });

  it('counts in the plugin\'s metrics and the diary\'s reconsideration item (read-only there)', async () => {
    const facts = await (await t.client('city')).platform.facts.query.query({
      metrics: ['applications.reconsideration-received', 'applications.oral', 'applications.reconsideration-forwarded', 'applications.reconsideration-accepted', 'applications.reconsideration-decided', 'diary.reconsideration-received', 'diary.reconsideration-forwarded'],
      from: '2026-09-01',
      to: '2026-11-30',
    });
    const value = (m: string) => facts.rows.find((r) => r.metric === m)?.value ?? 0;
    for (const m of ['applications.reconsideration-received', 'applications.oral', 'applications.reconsideration-forwarded', 'applications.reconsideration-accepted', 'applications.reconsideration-decided', 'diary.reconsideration-received', 'diary.reconsideration-forwarded']) {
      expect(value(m), m).toBe(1);
    }
    const catalog = await (await t.client('xitun')).diary.catalog.query();
    expect(catalog.items.find((i) => i.code === 'diary.reconsideration-forwarding')!.derived).toEqual({ plugin: 'applications', from: { zh: '来自行政复议转递案卷', en: 'From reconsideration forwarding case files' } });
  });
});

describe('a legal-aid application: received, passed on to the legal-aid institution, its decision recorded', () => {
  it('is received (接收, never 受理), passed on within 3 working days, and the institution\'s 7 days run; the diary counts it', async () => {
    at('2026-09-28');
    const legalAid = (await t.client('xitun', { locale: 'zh-CN' })).applications.legalAid.cases;
    const type = await legalAid.type.query();
    expect(type.transitions[0]!.title.zh).toBe('接收申请');
    // The office receives and passes on; it never 受理s (the words of its states and steps).
    expect(JSON.stringify([type.states, type.transitions.map((x) => x.title)])).not.toContain('受理');
    let file = await legalAid.open.mutate({ fields: { applicants: [{ role: 'applicant', name: '李某某', phone: '13800001111' }], matter: 'wages', summary: '追索拖欠工资三万元。', channel: 'in-person' } });
    expect(file.number).toBe('（2026）西屯援转字第1号');
    expect(file.deadlines).toEqual([expect.objectContaining({ code: 'forwarding', due: '2026-10-08' })]);
    // The application's materials go through the plugin's one attachment route.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const token = await t.tokenOf('xitun');
    const up = await fetch(`${t.url}/plugins/applications/cases/${file.id}/attachments?name=${encodeURIComponent('申请表.pdf')}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: pdf });
    expect(up.status).toBe(201);
    const sha = ((await up.json()) as { sha256: string }).sha256;
    const down = await fetch(`${t.url}/plugins/applications/cases/${file.id}/attachments/${sha}`, { headers: { authorization: `Bearer ${token}` } });
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(pdf);
    at('2026-09-29');
    file = await legalAid.transition.mutate({ id: file.id, revision: file.revision, transition: 'forward', fields: { institution: '红山区法律援助中心' } });
    expect(file.deadlines.find((d) => d.code === 'institution-decision')).toMatchObject({ startedOn: '2026-09-29', due: '2026-10-08', unit: 'calendar', days: 7 }); // 6 Oct in the holiday: moved to 8 Oct
    expect(file.deadlines.find((d) => d.code === 'institution-decision')!.basis.zh).toContain('第四十三条');
    at('2026-10-08');
    file = await legalAid.transition.mutate({ id: file.id, revision: file.revision, transition: 'decided', fields: { outcome: 'granted' } });
    expect(file).toMatchObject({ state: 'decided', closed: true });
    const facts = await (await t.client('city')).platform.facts.query.query({ metrics: ['diary.legal-aid-applications', 'diary.legal-aid-forwarded', 'applications.legal-aid-received', 'applications.legal-aid-forwarded'], from: '2026-09-01', to: '2026-10-31' });
    expect(facts.rows.map((r) => [r.metric, r.value]).sort()).toEqual([
      ['applications.legal-aid-forwarded', 1],
      ['applications.legal-aid-received', 1],
      ['diary.legal-aid-applications', 1],
      ['diary.legal-aid-forwarded', 1],
    ]);
    const catalog = await (await t.client('xitun')).diary.catalog.query();
    expect(catalog.items.find((i) => i.code === 'diary.legal-aid')!.title.zh).toBe('法律援助申请接收转交');
    expect(catalog.items.find((i) => i.code === 'diary.legal-aid')!.derived).toMatchObject({ plugin: 'applications' });
  });

  it('keeps the types apart: a legal-aid case is not found as a reconsideration case', async () => {
    const c = await t.client('xitun', { locale: 'en' });
    const { rows } = await c.applications.legalAid.cases.list.query({ limit: 1 });
    expect((await sifaErrorOf(c.applications.cases.get.query({ id: rows[0]!.id }))).data).toMatchObject({ sifaCode: 'NOT_FOUND' });
  });
});

describe('applying online (the public form, no account)', () => {
  it('offers reconsideration and legal aid; a citizen\'s application lands in the office with its receipt, and its status follows', async () => {
    at('2026-09-28');
    const key = await t.publishableKey('150402');
    const apply = t.publicClient(key, { locale: 'zh-CN', headers: { 'x-forwarded-for': '203.0.113.200' } }).platform.publicForms;
    const forms = await apply.list.query({});
    expect(forms.map((f) => f.type).sort()).toEqual(['applications.legal-aid', 'applications.reconsideration']);
    const form = forms.find((f) => f.type === 'applications.reconsideration')!;
    expect(form.order).not.toContain('channel'); // preset: online
    expect(form.consent.zh).toContain('个人信息保护法');
    const { channel: _c, ...asked } = application;
    const sent = await apply.submit.mutate({ type: 'applications.reconsideration', orgCode: '150402001', fields: asked, consent: { accepted: true, version: form.consentVersion } });
    if (sent.duplicate) throw new Error('unexpected duplicate');
    const office = (await t.client('xitun')).applications.cases;
    const { rows } = await office.list.query({ q: sent.number });
    const file = await office.get.query({ id: rows[0]!.id });
    expect(file.fields).toMatchObject({ channel: 'online', respondent: '西屯街道办事处' });
    expect(file.events[0]!.documentId).toEqual(expect.any(String)); // the receipt
    const status = await apply.status.mutate({ number: sent.number, code: sent.code });
    expect(status).toMatchObject({ typeTitle: { zh: '行政复议申请转递' }, stateTitle: { zh: '已接收' }, nextDeadline: { title: { zh: '转递期限' } } });
  });
});

describe('the application period (arts. 20–21)', () => {
  const check = (input: Parameters<typeof reconsiderationPeriod>[1]) => t.server.runScoped(wholeRegionReader, async (scoped) => reconsiderationPeriod(scoped.calendar, input));

  it('is 60 calendar days from knowing of the act; a last day in a holiday moves to the next working day', async () => {
    // 2 Aug + 60 days = 1 Oct (National Day): the first working day after is 8 Oct.
    expect(await check({ knewOn: '2026-08-02', receivedOn: '2026-10-08', rightNotified: true })).toMatchObject({ state: 'in-time', lastDay: '2026-10-08', daysLeft: 0 });
    const late = await check({ knewOn: '2026-08-02', receivedOn: '2026-10-09', rightNotified: true });
    expect(late).toMatchObject({ state: 'late', daysLeft: -1 });
    expect(late.explanation.zh).toContain('已超过期限 1 日');
  });

  it('is at most a year from knowing when the right was not notified, and capped at 5 (20 for immovables) years from the act', async () => {
    const notNotified = await check({ knewOn: '2026-03-02', receivedOn: '2026-09-28', rightNotified: false });
    expect(notNotified).toMatchObject({ state: 'in-time', rule: 'art20-one-year', lastDay: '2027-03-02' });
    expect(notNotified.explanation.en).toContain('art. 20 para. 3');
    expect(await check({ knewOn: '2026-03-02', receivedOn: '2026-09-28', rightNotified: false, actOn: '2021-05-06' })).toMatchObject({ state: 'late', rule: 'art21-cap', lastDay: '2026-05-06' });
    expect(await check({ knewOn: '2026-03-02', receivedOn: '2026-09-28', rightNotified: false, actOn: '2021-05-06', immovable: true })).toMatchObject({ state: 'in-time', rule: 'art20-one-year' });
  });
});
