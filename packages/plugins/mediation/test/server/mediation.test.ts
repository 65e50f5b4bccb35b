/**
 * People's mediation end to end over HTTP, on both engines: a case from registration through
 * investigation and repeated sessions to a written agreement (the 调解协议书 .docx parses back
 * with every field and converts in LibreOffice), signed into effect, followed up, confirmed and
 * closed; the failed (art. 26), terminated (art. 17) and oral (art. 30) paths; the one-month
 * mediation period and the 30-day judicial-confirmation period in calendar days (and a
 * deployment's own mediation period); the facts reaching the plugin's metrics and the diary's;
 * and every kind of bad input, answered with a typed error in the caller's language and nothing
 * written.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type CaseFile } from '@sifa/core';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { sifaErrorOf, startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import { createMediationPlugin } from '../../src/server/index.js';
import { demoIdNumber } from '../../src/server/seed.js';

// Monday 15 June 2026, 10:00 in China.
const clock = { now: new Date('2026-06-15T02:00:00Z') };
const plugins = [createDiaryPlugin(), createMediationPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

type User = 'city' | 'hongshan' | 'songshan' | 'xitun' | 'sanzhongjie' | 'zhenxing';
const client = (user: User, locale = 'en') => t.client(user, { locale });

const party = (i: number, role = i === 0 ? 'applicant' : 'respondent') => ({
  role,
  name: `演示当事人${'甲乙丙'[i]}`,
  idNumber: demoIdNumber('150402', `198${i}-0${i + 1}-1${i}`),
  phone: `1380000000${i}`,
  address: `西屯街道演示社区${i + 1}号楼1单元10${i + 1}室`,
});

const caseFields = (extra: Record<string, unknown> = {}) => ({
  committee: '西屯街道人民调解委员会',
  mediators: '演示调解员王某',
  source: 'application',
  disputeType: 'neighbourhood',
  parties: [party(0), party(1)],
  amount: 12800,
  facts: '【示范】被申请人家中卫生间漏水，渗至申请人家中，致吊顶及墙面受损。',
  ...extra,
});

const agreement = {
  matters: '【示范】漏水损失的赔偿金额及维修责任；被申请人负主要责任。',
  terms: '【示范】一、被申请人于2026年6月20日前完成卫生间防水维修。\n二、被申请人赔偿申请人修复费用12800元。',
  performance: '银行转账一次性支付',
  performBy: '2026-06-30',
};

const signatures = (on: string, parties = 2, skip: string[] = []) =>
  [...Array.from({ length: parties }, (_, i) => `party-${i}`), 'mediator', 'committee-seal'].filter((s) => !skip.includes(s)).map((signer) => ({ signer, signedOn: on }));

type Client = Awaited<ReturnType<typeof client>>;
const open = (c: Client, on: string, extra: Record<string, unknown> = {}) => c.mediation.cases.open.mutate({ on, fields: caseFields(extra) });
const step = (c: Client, file: CaseFile, transition: string, on: string, fields: Record<string, unknown> = {}) =>
  c.mediation.cases.transition.mutate({ id: file.id, revision: file.revision, transition, on, fields });
const session = (c: Client, file: CaseFile, on: string, n = 1) =>
  step(c, file, 'session', on, { place: '西屯街道人民调解委员会调解室', participants: '演示当事人甲、演示当事人乙', record: `【示范】第${n}次调解：释法说理。` });

const deadline = (file: CaseFile, code: string) => file.deadlines.find((d) => d.code === code);

async function factsOf(user: User, metrics: string[], from: string, to = from) {
  const result = await (await client(user)).platform.facts.query.query({ metrics, from, to });
  return Object.fromEntries(metrics.map((m) => [m, result.rows.find((r) => r.metric === m)?.value ?? 0]));
}

/** The text of every run of a .docx's main part. */
async function docxText(bytes: Buffer) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('');
}

describe('a case to an agreement in effect', () => {
  let file: CaseFile;
  let docx: Buffer;

  beforeAll(async () => {
    const xitun = await client('xitun');
    file = await open(xitun, '2026-06-01');
  });

  it('registers the case with its number, fields and the one-month mediation period', () => {
    expect(file).toMatchObject({ type: 'mediation.case', orgCode: '150402001', state: 'registered', closed: false, openedOn: '2026-06-01', masked: false });
    expect(file.number).toMatch(/^（2026）.+调字第\d+号$/);
    expect(file.fields).toMatchObject({ committee: '西屯街道人民调解委员会', source: 'application', disputeType: 'neighbourhood', amount: 12800, parties: [party(0), party(1)] });
    expect(deadline(file, 'mediation-period')).toMatchObject({ days: 30, unit: 'calendar', startedOn: '2026-06-01', due: addDays('2026-06-01', 30), state: 'running' });
    expect(deadline(file, 'mediation-period')!.basis.zh).toContain('各地按本地规定配置');
    expect(file.next.map((n) => n.code).sort()).toEqual(['fail', 'investigate', 'session', 'terminate']);
  });

  it('records the investigation and each session (repeatable), staying in 调解', async () => {
    const xitun = await client('xitun');
    file = await step(xitun, file, 'investigate', '2026-06-02', { findings: '【示范】走访双方，查看现场。', disputeType: 'neighbourhood', amount: 12800, facts: caseFields().facts });
    expect(file.state).toBe('investigating');
    file = await session(xitun, file, '2026-06-03', 1);
    file = await session(xitun, file, '2026-06-05', 2);
    file = await session(xitun, file, '2026-06-05', 3);
    expect(file.state).toBe('mediating');
    const sessions = file.events.filter((e) => e.transition === 'session');
    expect(sessions.map((e) => [e.on, e.fields.record])).toEqual([
      ['2026-06-03', '【示范】第1次调解：释法说理。'],
      ['2026-06-05', '【示范】第2次调解：释法说理。'],
      ['2026-06-05', '【示范】第3次调解：释法说理。'],
    ]);
    expect(file.next.map((n) => n.code)).toEqual(expect.arrayContaining(['session', 'agree-written', 'agree-oral', 'fail', 'terminate']));
  });

  it('issues the 调解协议书 when agreement is reached, and the mediation period is met', async () => {
    file = await step(await client('xitun'), file, 'agree-written', '2026-06-08', agreement);
    expect(file.state).toBe('agreed');
    expect(deadline(file, 'mediation-period')).toMatchObject({ state: 'met', metOn: '2026-06-08', remaining: null });
    const event = file.events.at(-1)!;
    expect(event).toMatchObject({ transition: 'agree-written', on: '2026-06-08' });
    expect(event.documentId).toBeTruthy();
    const doc = await (await client('xitun')).platform.documents.get.query({ id: event.documentId! });
    expect(doc).toMatchObject({ template: 'mediation.agreement', title: '人民调解协议书' });
    const res = await fetch(`${t.url}${doc.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(res.status).toBe(200);
    docx = Buffer.from(await res.arrayBuffer());
  });

  it('puts every field of art. 29 into the agreement .docx, with a signature row per party, the mediator and the seal', async () => {
    const text = await docxText(docx);
    const [a, b] = [party(0), party(1)];
    for (const value of [
      `编号：${file.number}`,
      '人民调解协议书',
      '西屯街道人民调解委员会',
      '演示调解员王某',
      '邻里',
      '12,800.00元',
      '2026年6月8日',
      ...[a, b].flatMap((p) => [p.name, p.idNumber, p.phone, p.address]),
      '申请人',
      '被申请人',
      caseFields().facts,
      agreement.matters,
      '【示范】一、被申请人于2026年6月20日前完成卫生间防水维修。',
      '二、被申请人赔偿申请人修复费用12800元。',
      agreement.performance,
      '2026年6月30日前履行完毕',
      '三十日内共同向人民法院申请司法确认',
      '本协议一式三份，当事人各执一份，人民调解委员会留存一份。',
      `申请人：${a.name}`,
      `被申请人：${b.name}`,
      '人民调解员：演示调解员王某',
      '人民调解委员会：西屯街道人民调解委员会',
      '（签名、盖章或按指印）',
      '（印章）',
    ]) {
      expect(text, value).toContain(value);
    }
    // A form: no red header of an official letter.
    expect(text).not.toContain('司法所文件');
    expect(text.match(/年\u3000月\u3000日/g)).toHaveLength(4);
  });

  it('converts in LibreOffice to A4 pages (PNG kept in SIFA_MEDIATION_RENDER_DIR when set)', { timeout: 180_000 }, async (ctx) => {
    const binary = ['libreoffice', 'soffice'].flatMap((b) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, b))).find((p) => existsSync(p));
    if (!binary) {
      ctx.skip('LibreOffice is not installed on this machine (no libreoffice or soffice on PATH): the conversion check did not run.');
      return;
    }
    const keep = process.env.SIFA_MEDIATION_RENDER_DIR;
    const dir = keep ? (mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'sifa-mediation-'));
    const work = mkdtempSync(join(tmpdir(), 'sifa-mediation-profile-'));
    try {
      writeFileSync(join(dir, 'agreement.docx'), docx);
      const run = (command: string, args: string[]) =>
        new Promise<void>((resolve, reject) => execFile(command, args, { timeout: 150_000 }, (error, _o, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve())));
      await run(binary, ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'agreement.docx')]);
      const pdf = readFileSync(join(dir, 'agreement.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThan(0);
      for (const [, w, h] of boxes) expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
      if (existsSync('/usr/bin/pdftoppm')) {
        await run('/usr/bin/pdftoppm', ['-png', '-r', '60', join(dir, 'agreement.pdf'), join(dir, 'agreement')]);
        expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes effect when every party, the mediator and the seal are on it; the 30-day confirmation period runs from that day', async () => {
    file = await step(await client('xitun'), file, 'take-effect', '2026-06-09', { signatures: signatures('2026-06-09') });
    expect(file.state).toBe('effective');
    expect(file.events.at(-1)!.fields.signatures).toHaveLength(4);
    expect(deadline(file, 'judicial-confirmation')).toMatchObject({
      days: 30,
      unit: 'calendar',
      startedOn: '2026-06-09',
      due: '2026-07-09',
      state: 'running',
      remaining: 24,
    });
    expect(deadline(file, 'judicial-confirmation')!.basis.zh).toContain('第三十三条');
  });

  it('follows up, records the confirmation (period met) and closes the file', async () => {
    const xitun = await client('xitun');
    file = await step(xitun, file, 'follow-up', '2026-06-12', { performed: 'performed', record: '【示范】电话回访，已履行。' });
    file = await step(xitun, file, 'judicial-confirmation', '2026-06-12', { decision: 'confirmed', court: '红山区人民法院' });
    file = await step(xitun, file, 'follow-up', '2026-06-13', { performed: 'performed', record: '【示范】再次回访。' });
    expect(file.state).toBe('effective');
    expect(deadline(file, 'judicial-confirmation')!.state).toBe('met');
    file = await step(xitun, file, 'close', '2026-06-15', { summary: '【示范】协议已履行，结案归档。' });
    expect(file).toMatchObject({ state: 'closed', closed: true, next: [] });
    expect(file.events.map((e) => e.transition)).toEqual(['register', 'investigate', 'session', 'session', 'session', 'agree-written', 'take-effect', 'follow-up', 'judicial-confirmation', 'follow-up', 'close']);
  });

  it('records the facts of the plugin and of the diary, on the days of the steps', async () => {
    expect(await factsOf('xitun', ['mediation.cases', 'mediation.parties', 'mediation.amount', 'diary.mediation-cases', 'diary.mediation-parties'], '2026-06-01')).toEqual({
      'mediation.cases': 1,
      'mediation.parties': 2,
      'mediation.amount': 12800,
      'diary.mediation-cases': 1,
      'diary.mediation-parties': 2,
    });
    // The agreement counts the day it took effect; as a success of its case (the rate's numerator,
    // the diary's 调解成功数), the day the case was registered, beside its count as a dispute.
    const agreed = ['mediation.agreements', 'mediation.cases-agreed', 'diary.mediation-agreements'];
    expect(await factsOf('xitun', agreed, '2026-06-08')).toEqual({ 'mediation.agreements': 0, 'mediation.cases-agreed': 0, 'diary.mediation-agreements': 0 });
    expect(await factsOf('hongshan', agreed, '2026-06-09')).toEqual({ 'mediation.agreements': 1, 'mediation.cases-agreed': 0, 'diary.mediation-agreements': 0 });
    expect(await factsOf('hongshan', agreed, '2026-06-01')).toEqual({ 'mediation.agreements': 0, 'mediation.cases-agreed': 1, 'diary.mediation-agreements': 1 });
    // Steps re-derive the case's facts: eleven steps, still one case.
    expect(await factsOf('city', ['mediation.cases', 'diary.mediation-cases'], '2026-06-01', '2026-06-15')).toMatchObject({ 'mediation.cases': 1, 'diary.mediation-cases': 1 });
    // Nothing for another county.
    expect(await factsOf('songshan', ['mediation.cases'], '2026-06-01', '2026-06-15')).toEqual({ 'mediation.cases': 0 });
  });
});

describe('the other endings', () => {
  it('fails with the parties told of the other routes (art. 26): closed, counted as failed', async () => {
    const c = await client('sanzhongjie');
    let file = await open(c, '2026-05-04', { committee: '三中街街道人民调解委员会', disputeType: 'labour', source: 'proactive', amount: 8000 });
    file = await session(c, file, '2026-05-06');
    file = await step(c, file, 'fail', '2026-05-08', { reason: '【示范】双方分歧较大。', routesTold: ['arbitration', 'litigation'] });
    expect(file).toMatchObject({ state: 'failed', closed: true, next: [] });
    expect(deadline(file, 'mediation-period')!.state).toBe('met');
    expect(await factsOf('sanzhongjie', ['mediation.failed', 'mediation.agreements'], '2026-05-01', '2026-05-31')).toEqual({ 'mediation.failed': 1, 'mediation.agreements': 0 });
  });

  it('ends when a party refuses (art. 17), straight from registration', async () => {
    const c = await client('sanzhongjie');
    let file = await open(c, '2026-05-11', { committee: '三中街街道人民调解委员会' });
    file = await step(c, file, 'terminate', '2026-05-12', { reason: 'party-refuses' });
    expect(file).toMatchObject({ state: 'terminated', closed: true });
    expect(await factsOf('sanzhongjie', ['mediation.terminated', 'mediation.cases'], '2026-05-11', '2026-05-12')).toEqual({ 'mediation.terminated': 1, 'mediation.cases': 1 });
  });

  it('takes an oral agreement into effect the day it is reached (art. 30), counted as an agreement', async () => {
    const c = await client('sanzhongjie');
    let file = await open(c, '2026-05-18', { committee: '三中街街道人民调解委员会', amount: null });
    file = await session(c, file, '2026-05-19');
    file = await step(c, file, 'agree-oral', '2026-05-19', { terms: '【示范】双方互相谅解，不再追究。' });
    expect(file.state).toBe('effective');
    expect(file.events.at(-1)!.documentId).toBeNull();
    expect(await factsOf('sanzhongjie', ['mediation.agreements', 'diary.mediation-agreements', 'mediation.amount'], '2026-05-18', '2026-05-19')).toEqual({
      'mediation.agreements': 1,
      'diary.mediation-agreements': 1,
      'mediation.amount': 0,
    });
  });

  it('D1: a case registered in one month and agreed in the next never takes a month’s success rate above 100 %', async () => {
    const c = await client('zhenxing');
    let file = await open(c, '2026-01-29', { committee: '振兴街道人民调解委员会' });
    file = await session(c, file, '2026-02-03');
    await step(c, file, 'agree-oral', '2026-02-04', { terms: '【示范】双方达成和解。' });
    const rate = ['mediation.cases-agreed', 'mediation.cases', 'diary.mediation-agreements', 'diary.mediation-cases', 'mediation.agreements'];
    // January: one dispute, one success (100 %); February: none registered, none counted as a success,
    // though the agreement took effect then (mediation.agreements, the count of agreements in effect).
    expect(await factsOf('zhenxing', rate, '2026-01-01', '2026-01-31')).toEqual({
      'mediation.cases-agreed': 1,
      'mediation.cases': 1,
      'diary.mediation-agreements': 1,
      'diary.mediation-cases': 1,
      'mediation.agreements': 0,
    });
    expect(await factsOf('zhenxing', rate, '2026-02-01', '2026-02-28')).toEqual({
      'mediation.cases-agreed': 0,
      'mediation.cases': 0,
      'diary.mediation-agreements': 0,
      'diary.mediation-cases': 0,
      'mediation.agreements': 1,
    });
    // The rates divide parts by their wholes (the server refuses a ratio that does not).
    const entry = t.server.composition.catalog.entryPoints.find((e) => e.id === 'mediation-case-success-rate')!;
    expect(entry.metrics).toEqual(['mediation.cases-agreed', 'mediation.cases']);
    expect(t.server.composition.catalog.metrics.get('mediation.cases-agreed')?.cohortOf).toBe('mediation.cases');
    expect(t.server.composition.catalog.metrics.get('diary.mediation-agreements')?.cohortOf).toBe('diary.mediation-cases');
  });
});

describe('deadlines', () => {
  it('shows the mediation period overdue for a case still open after a month', async () => {
    const c = await client('xitun');
    const file = await open(c, '2026-05-06');
    expect(deadline(file, 'mediation-period')).toMatchObject({ due: '2026-06-05', state: 'overdue', remaining: -10 });
    const { rows } = await c.mediation.cases.list.query({ status: 'overdue' });
    expect(rows.map((r) => r.id)).toContain(file.id);
  });

  it('warns of the confirmation period a week ahead, lists it as due soon, and serves it to early warnings', async () => {
    const c = await client('xitun');
    let file = await open(c, '2026-06-01');
    file = await session(c, file, '2026-06-02');
    file = await step(c, file, 'agree-written', '2026-06-03', agreement);
    file = await step(c, file, 'take-effect', '2026-06-05', { signatures: signatures('2026-06-05') });
    // 30 days from 5 June is Sunday 5 July: a period ending on a rest day ends on the next working day (民法典 art. 203).
    expect(deadline(file, 'judicial-confirmation')).toMatchObject({ startedOn: '2026-06-05', due: '2026-07-06', state: 'running' });
    const before = clock.now;
    try {
      // 30 June: six calendar days left (warned 7 days ahead).
      clock.now = new Date('2026-06-30T02:00:00Z');
      const soon = await (await t.freshClient('t.xitun', { locale: 'en' })).mediation.cases.get.query({ id: file.id });
      expect(deadline(soon, 'judicial-confirmation')).toMatchObject({ state: 'due-soon', remaining: 6 });
      expect((await (await t.freshClient('t.xitun', { locale: 'en' })).mediation.cases.list.query({ status: 'due-soon' })).rows.map((r) => r.id)).toContain(file.id);
      const deadlines = await t.server.runScoped({ ...wholeRegionReader, permissions: new Set(['mediation.read']) }, (scoped) =>
        scoped.cases.deadlines({ from: '2026-06-30', to: '2026-07-31', types: ['mediation.case'] }),
      );
      expect(deadlines.find((d) => d.id === file.id || d.entity?.id === file.id)).toMatchObject({ orgCode: '150402001', due: '2026-07-06' });
      // 7 July: past (the parties' right to apply has lapsed).
      clock.now = new Date('2026-07-07T02:00:00Z');
      const late = await (await t.freshClient('t.xitun', { locale: 'en' })).mediation.cases.get.query({ id: file.id });
      expect(deadline(late, 'judicial-confirmation')).toMatchObject({ state: 'overdue', remaining: -1 });
    } finally {
      clock.now = before;
    }
  });

  it('runs a deployment’s own mediation period (configurable)', async () => {
    const own = await startTestServer({ plugins, now: () => clock.now, casework: { deadlines: { 'mediation.case/mediation-period': { days: 45 } } } });
    try {
      const c = await own.client('xitun', { locale: 'en' });
      const type = await c.mediation.cases.type.query();
      expect(type.deadlines.find((d) => d.code === 'mediation-period')).toMatchObject({ days: 45, unit: 'calendar', configured: true });
      const file = await c.mediation.cases.open.mutate({ on: '2026-06-01', fields: caseFields() });
      expect(deadline(file, 'mediation-period')).toMatchObject({ days: 45, due: '2026-07-16' });
    } finally {
      await own.close();
    }
  });
});

describe('bad input: typed errors in the caller’s language, nothing written', () => {
  const total = async () => (await (await client('hongshan')).mediation.cases.list.query({ limit: 1 })).total;

  it('refuses wrong types and values when opening, naming each field, in English and Chinese', async () => {
    const before = await total();
    const bad = { ...caseFields(), amount: 'a lot', disputeType: 'quarrel', parties: [party(0)] };
    const en = await sifaErrorOf((await client('xitun')).mediation.cases.open.mutate({ on: '2026-06-10', fields: bad }));
    expect(en.data.sifaCode).toBe('VALIDATION_FAILED');
    const paths = en.data.issues.map((i) => i.path);
    for (const field of ['amount', 'disputeType', 'parties']) expect(paths.some((p) => p.includes(field)), field).toBe(true);
    const zh = await sifaErrorOf((await client('xitun', 'zh-CN')).mediation.cases.open.mutate({ on: '2026-06-10', fields: bad }));
    expect(zh.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
    // Not a uuid, a day in the future.
    expect((await sifaErrorOf((await client('xitun')).mediation.cases.get.query({ id: 'case-1' }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(open(await client('xitun'), '2026-06-16'))).data.sifaCode).toMatch(/VALIDATION_FAILED|BAD_REQUEST/);
    expect(await total()).toBe(before);
  });

  it('requires the referring body when the case was referred (委托移送)', async () => {
    const before = await total();
    const error = await sifaErrorOf(open(await client('xitun'), '2026-06-10', { source: 'referred' }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues.map((i) => i.path).some((p) => p.includes('referredBy'))).toBe(true);
    expect(await total()).toBe(before);
    const referred = await open(await client('xitun'), '2026-06-10', { source: 'referred', referredBy: '红山区人民法院' });
    expect(referred.fields.referredBy).toBe('红山区人民法院');
  });

  it('refuses a step without its required fields, and an agreement without every signature', async () => {
    const c = await client('xitun');
    let file = await open(c, '2026-06-10');
    const missing = await sifaErrorOf(step(c, file, 'session', '2026-06-11', { place: '调解室' }));
    expect(missing.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(missing.data.issues.map((i) => i.path).some((p) => p.includes('record'))).toBe(true);
    file = await session(c, file, '2026-06-11');
    file = await step(c, file, 'agree-written', '2026-06-11', agreement);
    const unsealed = await sifaErrorOf(step(c, file, 'take-effect', '2026-06-12', { signatures: signatures('2026-06-12', 2, ['committee-seal']) }));
    expect(unsealed.data.sifaCode).toBe('VALIDATION_FAILED');
    const after = await c.mediation.cases.get.query({ id: file.id });
    expect({ state: after.state, revision: after.revision, events: after.events.length }).toEqual({ state: 'agreed', revision: file.revision, events: file.events.length });
  });

  it('names the current state and the allowed steps for an illegal step, and CONFLICT for a stale revision', async () => {
    const c = await client('xitun');
    const file = await open(c, '2026-06-10');
    const illegal = await sifaErrorOf(step(c, file, 'take-effect', '2026-06-11', { signatures: signatures('2026-06-11') }));
    expect(['CONFLICT', 'BAD_REQUEST']).toContain(illegal.data.sifaCode);
    expect(illegal.data.details).toMatchObject({ state: 'registered', transition: 'take-effect' });
    expect(String(illegal.data.details.allowed)).toContain('investigate');
    expect(illegal.message).toContain('Registered');
    const zh = await sifaErrorOf(step(await client('xitun', 'zh-CN'), file, 'take-effect', '2026-06-11', { signatures: signatures('2026-06-11') }));
    expect(zh.message).toContain('受理登记');

    const moved = await session(c, file, '2026-06-11');
    const stale = await sifaErrorOf(session(c, file, '2026-06-12'));
    expect(stale.data.sifaCode).toBe('CONFLICT');
    expect(stale.data.details).toMatchObject({ caseId: file.id, revision: file.revision, currentRevision: moved.revision });
    expect((await c.mediation.cases.get.query({ id: file.id })).events).toHaveLength(moved.events.length);
  });

  it('refuses a step the role may not take, and work without the permission', async () => {
    const file = await open(await client('xitun'), '2026-06-10');
    // A county admin works on cases (mediation.work) but the office's own steps are the office's.
    const county = await sifaErrorOf(session(await client('hongshan'), file, '2026-06-11'));
    expect(county.data.sifaCode).toBe('FORBIDDEN');
    const countyOpen = await sifaErrorOf((await client('hongshan')).mediation.cases.open.mutate({ orgCode: '150402001', on: '2026-06-10', fields: caseFields() }));
    expect(countyOpen.data.sifaCode).toBe('FORBIDDEN');
    // The city reads only.
    const city = await sifaErrorOf(open(await client('city'), '2026-06-10'));
    expect(city.data.sifaCode).toBe('FORBIDDEN');
    expect(city.message).toContain('mediation.work');
    const after = await (await client('xitun')).mediation.cases.get.query({ id: file.id });
    expect(after.revision).toBe(file.revision);
  });

  it('lets the county close and file an office’s case after review', async () => {
    const c = await client('xitun');
    let file = await open(c, '2026-06-10');
    file = await session(c, file, '2026-06-10');
    file = await step(c, file, 'agree-oral', '2026-06-10', { terms: '【示范】双方和解。' });
    file = await step(await client('hongshan'), file, 'close', '2026-06-15', {});
    expect(file.state).toBe('closed');
  });
});

describe('other offices and counties', () => {
  let file: CaseFile;
  beforeAll(async () => {
    file = await open(await client('xitun'), '2026-06-10');
  });

  it('never shows or changes another office’s case', async () => {
    for (const user of ['sanzhongjie', 'zhenxing', 'songshan'] as const) {
      const c = await client(user);
      expect((await sifaErrorOf(c.mediation.cases.get.query({ id: file.id }))).data.sifaCode, user).toMatch(/NOT_FOUND|OUT_OF_SCOPE/);
      expect((await c.mediation.cases.list.query({ limit: 200 })).rows.map((r) => r.id), user).not.toContain(file.id);
    }
    for (const user of ['sanzhongjie', 'zhenxing'] as const) {
      expect((await sifaErrorOf(session(await client(user), file, '2026-06-11'))).data.sifaCode, user).toMatch(/NOT_FOUND|OUT_OF_SCOPE/);
    }
    // Opening a case for an office outside one's subtree.
    expect((await sifaErrorOf((await client('zhenxing')).mediation.cases.open.mutate({ orgCode: '150402001', on: '2026-06-10', fields: caseFields() }))).data.sifaCode).toMatch(/NOT_FOUND|OUT_OF_SCOPE|FORBIDDEN/);
    expect((await (await client('xitun')).mediation.cases.get.query({ id: file.id })).revision).toBe(file.revision);
  });

  it('shows the county and city the case with the parties masked; the office in full', async () => {
    const own = await (await client('xitun')).mediation.cases.get.query({ id: file.id });
    expect(own.masked).toBe(false);
    for (const user of ['hongshan', 'city'] as const) {
      const seen = await (await client(user)).mediation.cases.get.query({ id: file.id });
      expect(seen.masked, user).toBe(true);
      const parties = seen.fields.parties as { name: string | null; idNumber?: string; phone?: string }[];
      expect(parties[0]!.idNumber).not.toBe(party(0).idNumber);
      expect(parties[0]!.idNumber).toMatch(/\*{4,}/);
      expect(parties[0]!.phone).not.toBe(party(0).phone);
      expect(parties[0]!.name).not.toBe(party(0).name);
    }
  });
});
