/**
 * Consultation records end to end, through the real HTTP server and the casework engine, on the
 * engine of the run (the server suite runs every file on PGlite and on PostgreSQL):
 * - the fast path: a phone consultation answered on the spot is recorded with three inputs
 *   (channel, question, answer) and closed, its record sheet issued, its facts counted (its own
 *   metrics and the diary's `diary.consultations`);
 * - a letter: the reply deadline (7 working days, local practice, configurable) runs, goes overdue,
 *   is met by the reply; the record is referred and followed up; the record sheet parses back from
 *   the .docx with every field; the person is shown in full to the office and masked to the county;
 * - an online message's 1-day deadline; an anonymous person who declined to give their identity;
 * - the statistics procedure over the facts.
 *
 * The server's clock is fixed (Friday 20 March 2026, 10:00 China time); the days are early March,
 * a stretch with no public holiday.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { docxText, downloadDocument, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { fastPathFields, type ConsultationStatistics } from '../../src/index.js';
import { createConsultationPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-03-20T10:00:00+08:00') };
const plugins = [createDiaryPlugin(), createConsultationPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

const xitun = () => t.client('xitun', { locale: 'zh-CN' });
const factsOn = async (from: string, to: string, metrics: string[], user: 'xitun' | 'hongshan' | 'songshan' = 'xitun') =>
  Object.fromEntries((await (await t.client(user)).platform.facts.query.query({ metrics, from, to })).rows.map((r) => [r.metric, r.value]));

/** The document a step of the case issued. */
const documentOf = (file: CaseFile, transition: string) => file.events.findLast((e) => e.transition === transition)?.documentId ?? null;

describe('the fast path: a phone consultation answered on the spot', () => {
  let file: CaseFile;

  it('asks for three inputs: channel and question to record, the answer to close', async () => {
    const type = await (await xitun()).consultation.cases.type.query();
    const opening = type.transitions.find((tr) => tr.from.length === 0)!;
    expect(opening.code).toBe('record');
    const requiredAtOpening = Object.entries(type.fields)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name);
    expect(requiredAtOpening).toEqual(['channel', 'question']);
    const close = type.transitions.find((tr) => tr.code === 'close')!;
    expect(close.requires).toEqual(['answer']);
    expect(Object.values(close.fields).filter((spec) => spec.required)).toEqual([]);
    expect([...requiredAtOpening, ...close.requires]).toEqual([...fastPathFields]);
  });

  it('records it with those inputs: no reply deadline for a phone call', async () => {
    const client = await xitun();
    file = await client.consultation.cases.open.mutate({
      on: '2026-03-02',
      fields: { channel: 'phone', question: '邻居装修噪音扰民怎么办？', answer: '可先协商；协商不成可申请人民调解，或向有关部门反映。' },
    });
    expect(file).toMatchObject({ type: 'consultation.record', orgCode: '150402001', state: 'recorded', closed: false, openedOn: '2026-03-02', masked: false });
    expect(file.number).toMatch(/^（2026）.*咨字第\d+号$/);
    expect(file.deadlines).toEqual([]);
    expect(file.next.map((n) => n.code).sort()).toEqual(['close', 'refer', 'reply']);
    // The closing form starts with the answer given at the opening: typed once.
    expect(file.fields.answer).toBe('可先协商；协商不成可申请人民调解，或向有关部门反映。');
  });

  it('closes it with the answer the form carries, issuing the record sheet', async () => {
    const client = await xitun();
    file = await client.consultation.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'close', on: '2026-03-02', fields: { answer: file.fields.answer } });
    expect(file).toMatchObject({ state: 'closed', closed: true });
    expect(file.next).toEqual([]);
    const documentId = documentOf(file, 'close');
    expect(documentId).toEqual(expect.any(String));
    const doc = await client.platform.documents.get.query({ id: documentId! });
    expect(doc).toMatchObject({ template: 'consultation.record-sheet', issuerOrgCode: '150402001' });
    const text = await docxText((await downloadDocument(t.url, await t.tokenOf('xitun'), documentId!)).bytes);
    for (const value of ['法律咨询记录单', file.number, '2026年3月2日', '电话', '邻居装修噪音扰民怎么办？', '可先协商；协商不成可申请人民调解，或向有关部门反映。', '当场答复', '无（当场解答）']) expect(text).toContain(value);
  });

  it('counts it: its own metrics and the diary’s consultations', async () => {
    expect(await factsOn('2026-03-02', '2026-03-02', ['consultation.records', 'consultation.phone-calls', 'consultation.letters', 'diary.consultations'])).toEqual({
      'consultation.records': 1,
      'consultation.phone-calls': 1,
      'diary.consultations': 1,
    });
  });
});

describe('a letter: reply deadline, referral, follow-up and the record sheet with every field', () => {
  let file: CaseFile;
  const person = { role: 'consultant', name: '王某某', idNumber: '150402198805061235', phone: '13800001234', address: '内蒙古赤峰市红山区西屯街道某某小区' };

  it('records it without an answer: the 7-working-day reply deadline runs, with its basis', async () => {
    file = await (await xitun()).consultation.cases.open.mutate({
      on: '2026-03-02',
      fields: {
        channel: 'letter',
        person: [person],
        matter: 'labour',
        question: '工地老板拖欠工资三个月，怎么讨要？',
        facts: '咨询人在建筑工地务工，包工头以工程款未结为由拖欠工资。',
      },
    });
    expect(file.deadlines).toHaveLength(1);
    const deadline = file.deadlines[0]!;
    expect(deadline).toMatchObject({ code: 'letter-reply', days: 7, unit: 'working', startedOn: '2026-03-02', due: '2026-03-11', state: 'overdue', metOn: null });
    expect(deadline.basis.zh).toContain('可按部署配置');
    expect(deadline.basis.en).toContain('configurable');
    const overdue = await (await xitun()).consultation.cases.list.query({ status: 'overdue' });
    expect(overdue.rows.map((r) => r.id)).toContain(file.id);
  });

  it('is replied to: the deadline is met', async () => {
    file = await (await xitun()).consultation.cases.transition.mutate({
      id: file.id,
      revision: file.revision,
      transition: 'reply',
      on: '2026-03-05',
      fields: { answer: '可收集考勤、转账记录等证据，向劳动保障监察机构投诉，或申请劳动争议仲裁。', basis: '《中华人民共和国劳动争议调解仲裁法》第五条', replyForm: 'letter' },
    });
    expect(file.state).toBe('recorded');
    expect(file.deadlines[0]).toMatchObject({ code: 'letter-reply', state: 'met', metOn: '2026-03-05', remaining: null });
  });

  it('is referred to arbitration, then followed up; each step issues the record sheet', async () => {
    const client = await xitun();
    file = await client.consultation.cases.transition.mutate({
      id: file.id,
      revision: file.revision,
      transition: 'refer',
      on: '2026-03-05',
      fields: { referral: 'arbitration', referredTo: '红山区劳动人事争议仲裁委员会', answer: file.fields.answer, basis: file.fields.basis },
    });
    expect(file.state).toBe('referred');
    expect(documentOf(file, 'refer')).toEqual(expect.any(String));
    file = await client.consultation.cases.transition.mutate({
      id: file.id,
      revision: file.revision,
      transition: 'follow-up',
      on: '2026-03-18',
      fields: { outcome: 'accepted', followUpNotes: '仲裁委已立案受理，咨询人表示满意。' },
    });
    expect(file).toMatchObject({ state: 'followed-up', closed: true });
    expect(file.events.map((e) => e.transition)).toEqual(['record', 'reply', 'refer', 'follow-up']);
  });

  it('prints every field on the record sheet (.docx parsed back)', async () => {
    const documentId = documentOf(file, 'follow-up')!;
    const { status, bytes } = await downloadDocument(t.url, await t.tokenOf('xitun'), documentId);
    expect(status).toBe(200);
    const text = await docxText(bytes);
    for (const value of [
      '法律咨询记录单',
      file.number,
      '2026年3月2日',
      '信函',
      '王某某',
      '150402198805061235',
      '13800001234',
      '内蒙古赤峰市红山区西屯街道某某小区',
      '劳动用工',
      '工地老板拖欠工资三个月，怎么讨要？',
      '咨询人在建筑工地务工，包工头以工程款未结为由拖欠工资。',
      '可收集考勤、转账记录等证据，向劳动保障监察机构投诉，或申请劳动争议仲裁。',
      '《中华人民共和国劳动争议调解仲裁法》第五条',
      '2026年3月5日 书面回函',
      '仲裁',
      '红山区劳动人事争议仲裁委员会',
      '2026年3月18日',
      '已受理，正在办理',
      '仲裁委已立案受理，咨询人表示满意。',
      '接待人：（签名）',
      '咨询人：（签名）',
    ]) {
      expect(text, value).toContain(value);
    }
  });

  it('shows the person in full to the office and masked to the county', async () => {
    const own = await (await xitun()).consultation.cases.get.query({ id: file.id });
    expect(own.masked).toBe(false);
    expect(own.fields.person).toEqual([person]);
    const county = await (await t.client('hongshan')).consultation.cases.get.query({ id: file.id });
    expect(county.masked).toBe(true);
    const [masked] = county.fields.person as { name: string; phone: string; idNumber: string }[];
    expect(masked!.name).toBe('王**');
    expect(masked!.phone).toBe('138****1234');
    expect(masked!.idNumber).toBe('1504**********1235');
    // Lists never show it in full, not even to the office.
    const list = await (await xitun()).consultation.cases.list.query({ state: ['followed-up'] });
    expect(JSON.stringify(list.rows)).not.toContain('王某某');
  });

  it('counts the letter, the referral and the follow-up on their days', async () => {
    expect(await factsOn('2026-03-02', '2026-03-18', ['consultation.letters', 'consultation.referrals', 'consultation.followed-up'])).toEqual({
      'consultation.letters': 1,
      'consultation.referrals': 1,
      'consultation.followed-up': 1,
    });
    expect(await factsOn('2026-03-18', '2026-03-18', ['consultation.followed-up'])).toEqual({ 'consultation.followed-up': 1 });
  });
});

describe('other channels and people', () => {
  it('an online message is answered within 1 calendar day (configurable)', async () => {
    const file = await (await xitun()).consultation.cases.open.mutate({ on: '2026-03-03', fields: { channel: 'online', question: '网购的衣服不合适，商家不给退怎么办？' } });
    expect(file.deadlines.map((d) => [d.code, d.days, d.unit, d.due])).toEqual([['online-reply', 1, 'calendar', '2026-03-04']]);
  });

  it('records a person who declined to give their identity: anonymous, noted on the sheet', async () => {
    const client = await xitun();
    let file = await client.consultation.cases.open.mutate({
      on: '2026-03-04',
      fields: { channel: 'visit', person: [{ role: 'consultant', name: null }], identityDeclined: true, question: '子女不给赡养费，老人能要吗？', answer: '成年子女不履行赡养义务的，父母有要求给付赡养费的权利。' },
    });
    expect(file.fields.identityDeclined).toBe(true);
    file = await client.consultation.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'close', on: '2026-03-04', fields: { answer: file.fields.answer } });
    const text = await docxText((await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(file, 'close')!)).bytes);
    expect(text).toContain('匿名');
    expect(text).toContain('咨询人拒绝提供身份信息');
    expect(text).toContain('来访');
  });
});

describe('statistics', () => {
  it('sums the office’s records by channel, referrals and follow-ups, and counts the open and overdue ones', async () => {
    const stats: ConsultationStatistics = await (await xitun()).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' });
    expect(stats).toEqual({
      orgCode: '150402001',
      from: '2026-03-01',
      to: '2026-03-31',
      records: 4,
      byChannel: { visit: 1, phone: 1, online: 1, letter: 1, video: 0 },
      referrals: 1,
      mediationOpened: 0,
      followedUp: 1,
      open: 1,
      overdue: 1,
    });
  });

  it('gives the county its offices’ figures and another county none', async () => {
    expect((await (await t.client('hongshan')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' })).records).toBe(4);
    expect((await (await t.client('songshan')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' })).records).toBe(0);
  });
});
