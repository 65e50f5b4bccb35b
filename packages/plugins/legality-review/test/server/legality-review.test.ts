/**
 * Legality review end to end, through the real HTTP server and the casework engine, on the engine
 * of the run (PGlite and PostgreSQL): a draft normative document is registered (the review period
 * runs: 15 working days by default, local practice and configurable, its basis says so), its
 * materials are uploaded (type sniffed, size-limited) and listed on the case, the four review
 * points are recorded with the opinion, the 合法性审核意见书 is issued and parses back from the
 * .docx with every field, the adoption is tracked; the facts feed the plugin's metrics and the
 * diary's `diary.legality-reviews` / `diary.legality-opinions`; an enforcement decision runs its
 * own period; a deployment changes the days; statistics read the facts.
 *
 * The server's clock is fixed (Friday 20 March 2026, 10:00 China time); the days are in March
 * 2026, a stretch with no public holiday.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { docxText, downloadDocument, rawFetch, sifaErrorOf, startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createLegalityReviewPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-03-20T10:00:00+08:00') };
const plugins = [createDiaryPlugin(), createLegalityReviewPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

const xitun = () => t.client('xitun', { locale: 'zh-CN' });
const documentOf = (file: CaseFile, transition: string) => file.events.findLast((e) => e.transition === transition)?.documentId ?? null;
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(url: string, token: string, caseId: string, name: string, bytes: Uint8Array) {
  return rawFetch(`${url}/plugins/legality-review/cases/${caseId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

const opinionFields = {
  issuerFinding: 'lawful',
  issuerNotes: '制定主体为镇人民政府，主体适格。',
  authorityFinding: 'revise',
  authorityNotes: '第十二条设定罚款，超出规范性文件权限。',
  contentFinding: 'revise',
  contentNotes: '第十五条增加群众义务，缺乏上位法依据。',
  procedureFinding: 'lawful',
  procedureNotes: '已公开征求意见并经集体讨论。',
  conclusion: 'revise',
  opinion: '1. 第十二条“处以五十元罚款”，依照《中华人民共和国行政处罚法》第十六条，建议删除。\n2. 第十五条“每户每年出义务工十日”缺乏上位法依据，建议改为倡导性表述。',
  changesProposed: 2,
};

describe('a draft normative document: received, reviewed, opinion issued, adoption tracked', () => {
  let file: CaseFile;

  it('is registered on the day received; the review period runs with its basis (local, configurable)', async () => {
    file = await (await xitun())['legality-review'].cases.open.mutate({
      on: '2026-03-02',
      fields: { kind: 'normative-document', title: '西屯街道关于加强人居环境整治的实施办法（送审稿）', submitter: '西屯街道党政综合办公室', materialsList: '送审稿\n起草说明\n制定依据' },
    });
    expect(file).toMatchObject({ type: 'legality-review.case', orgCode: '150402001', state: 'received', openedOn: '2026-03-02' });
    expect(file.number).toMatch(/审字第\d+号$/);
    expect(file.deadlines).toEqual([
      expect.objectContaining({ code: 'review-period', days: 15, unit: 'working', startedOn: '2026-03-02', due: '2026-03-23', state: 'due-soon', remaining: 1 }),
    ]);
    expect(file.deadlines[0]!.basis.zh).toContain('可按部署配置');
    expect(file.deadlines[0]!.basis.zh).toContain('5至15个工作日');
    const type = await (await xitun())['legality-review'].cases.type.query();
    expect(type.deadlines.map((d) => [d.code, d.days, d.configured])).toEqual([
      ['review-period', 15, false],
      ['enforcement-review-period', 5, false],
    ]);
  });

  it('takes the materials as attachments (type sniffed from the bytes) and lists them on the case', async () => {
    const token = await t.tokenOf('xitun');
    const res = await upload(t.url, token, file.id, '送审稿.pdf', pdf);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: '送审稿.pdf', mimeType: 'application/pdf', bytes: pdf.byteLength });
    const sha = res.json.sha256 as string;
    file = await (await xitun())['legality-review'].cases.get.query({ id: file.id });
    file = await (await xitun())['legality-review'].cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'add-materials', on: '2026-03-03', fields: { materials: [sha], materialsList: file.fields.materialsList } });
    expect(file.fields.materials).toEqual([sha]);
    expect(file.attachments.map((a) => a.name)).toEqual(['送审稿.pdf']);
    const back = await fetch(`${t.url}${file.attachments[0]!.downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(pdf);
  });

  it('records the four review points and issues the 合法性审核意见书; the period is met', async () => {
    file = await (await xitun())['legality-review'].cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'issue-opinion', on: '2026-03-13', fields: opinionFields });
    expect(file).toMatchObject({ state: 'opinion-issued', closed: false });
    expect(file.deadlines[0]).toMatchObject({ code: 'review-period', state: 'met', metOn: '2026-03-13' });
    expect(file.events.at(-1)!.fields).toMatchObject(opinionFields);
    const doc = await (await xitun()).platform.documents.get.query({ id: documentOf(file, 'issue-opinion')! });
    expect(doc).toMatchObject({ template: 'legality-review.opinion', title: '关于《西屯街道关于加强人居环境整治的实施办法（送审稿）》的合法性审核意见书', issuerOrgCode: '150402001' });
  });

  it('prints every field on the opinion (.docx parsed back)', async () => {
    const { status, bytes } = await downloadDocument(t.url, await t.tokenOf('xitun'), documentOf(file, 'issue-opinion')!);
    expect(status).toBe(200);
    const text = await docxText(bytes);
    for (const value of [
      '合法性审核意见书',
      '西屯街道党政综合办公室',
      '2026年3月2日',
      '《西屯街道关于加强人居环境整治的实施办法（送审稿）》',
      '行政规范性文件（草案）',
      file.number,
      '送审稿；起草说明；制定依据',
      '制定主体',
      '权限',
      '内容',
      '程序',
      '合法',
      '需修改',
      '制定主体为镇人民政府，主体适格。',
      '第十二条设定罚款，超出规范性文件权限。',
      '第十五条增加群众义务，缺乏上位法依据。',
      '已公开征求意见并经集体讨论。',
      '修改完善后可以出台（实施）',
      '1. 第十二条“处以五十元罚款”，依照《中华人民共和国行政处罚法》第十六条，建议删除。',
      '2. 第十五条“每户每年出义务工十日”缺乏上位法依据，建议改为倡导性表述。',
      '共提出修改意见2条。',
    ]) {
      expect(text, value).toContain(value);
    }
  });

  it('tracks the adoption: partly adopted, with how (required)', async () => {
    const without = await sifaErrorOf(
      (await xitun())['legality-review'].cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'partly-adopted', on: '2026-03-19', fields: {} }),
    );
    expect(without.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(without.data.issues.map((i) => i.path)).toEqual(['fields.adoptionNotes']);
    file = await (await xitun())['legality-review'].cases.transition.mutate({
      id: file.id,
      revision: file.revision,
      transition: 'partly-adopted',
      on: '2026-03-19',
      fields: { adoptionNotes: '删除了第十二条，第十五条经集体讨论后保留。' },
    });
    expect(file).toMatchObject({ state: 'partly-adopted', closed: true, next: [] });
  });

  it('counts it: received, reviewed, changes proposed, partly adopted; and the diary’s reviews and opinions', async () => {
    const rows = (
      await (await xitun()).platform.facts.query.query({
        metrics: ['legality-review.received', 'legality-review.normative-documents', 'legality-review.reviewed', 'legality-review.changes-proposed', 'legality-review.partly-adopted', 'diary.legality-reviews', 'diary.legality-opinions'],
        from: '2026-03-01',
        to: '2026-03-31',
        groupBy: 'day',
      })
    ).rows;
    expect(rows.map((r) => [r.key, r.metric, r.value]).sort()).toEqual(
      [
        ['2026-03-02', 'legality-review.received', 1],
        ['2026-03-02', 'legality-review.normative-documents', 1],
        ['2026-03-13', 'legality-review.reviewed', 1],
        ['2026-03-13', 'legality-review.changes-proposed', 2],
        ['2026-03-13', 'diary.legality-reviews', 1],
        ['2026-03-13', 'diary.legality-opinions', 2],
        ['2026-03-19', 'legality-review.partly-adopted', 1],
      ].sort(),
    );
  });
});

describe('other submissions', () => {
  it('an enforcement decision runs the 5-working-day legal review period instead', async () => {
    const file = await (await xitun())['legality-review'].cases.open.mutate({ on: '2026-03-16', fields: { kind: 'enforcement-decision', title: '关于责令限期拆除违法建筑的决定（拟）', submitter: '西屯街道综合行政执法办公室' } });
    expect(file.deadlines.map((d) => [d.code, d.days, d.due])).toEqual([['enforcement-review-period', 5, '2026-03-23']]);
    // Early warnings watch it through the plugin's deadline source, with its basis.
    const watched = await t.server.runScoped(wholeRegionReader, (s) => s.signals.deadlines({ from: '2026-03-01', to: '2026-03-31', sources: ['legality-review.deadlines'] }));
    expect(watched.filter((d) => d.entity.id === file.id).map((d) => [d.orgCode, d.due, d.basis?.zh.includes('可按部署配置')])).toEqual([['150402001', '2026-03-23', true]]);
  });

  it('village rules: adopted; a withdrawn submission needs its reason', async () => {
    const client = await xitun();
    let rules = await client['legality-review'].cases.open.mutate({ on: '2026-03-04', fields: { kind: 'village-rules', title: '东山村村规民约（修订稿）', submitter: '东山村民委员会' } });
    rules = await client['legality-review'].cases.transition.mutate({
      id: rules.id,
      revision: rules.revision,
      transition: 'issue-opinion',
      on: '2026-03-06',
      fields: { ...opinionFields, conclusion: 'lawful', authorityFinding: 'lawful', contentFinding: 'lawful', opinion: '内容合法，可以备案。', changesProposed: 0 },
    });
    rules = await client['legality-review'].cases.transition.mutate({ id: rules.id, revision: rules.revision, transition: 'adopted', on: '2026-03-10', fields: {} });
    expect(rules.state).toBe('adopted');
    let contract = await client['legality-review'].cases.open.mutate({ on: '2026-03-05', fields: { kind: 'contract', title: '光伏发电项目集体土地租赁合同', submitter: '西屯街道经济发展办公室' } });
    contract = await client['legality-review'].cases.transition.mutate({ id: contract.id, revision: contract.revision, transition: 'withdraw', on: '2026-03-09', fields: { withdrawalReason: '项目暂缓。' } });
    expect(contract).toMatchObject({ state: 'withdrawn', closed: true });
    expect(contract.deadlines[0]).toMatchObject({ code: 'review-period', state: 'met' });
  });

  it('statistics: by kind, reviewed, changes, adoption; open and overdue now', async () => {
    expect(await (await xitun())['legality-review'].statistics.query({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      orgCode: '150402001',
      from: '2026-03-01',
      to: '2026-03-31',
      received: 4,
      byKind: { 'normative-document': 1, 'major-decision': 0, contract: 1, 'village-rules': 1, 'enforcement-decision': 1 },
      reviewed: 2,
      changesProposed: 2,
      adopted: 1,
      partlyAdopted: 1,
      notAdopted: 0,
      open: 1,
      overdue: 0,
    });
    expect((await (await t.client('songshan'))['legality-review'].statistics.query({ from: '2026-03-01', to: '2026-03-31' })).received).toBe(0);
  });
});

describe('a deployment sets its own review period', () => {
  const configured = [createLegalityReviewPlugin({ demo: false })] as const;
  let local: TestServerOf<typeof configured>;
  beforeAll(async () => {
    local = await startTestServer({ plugins: configured, now: () => clock.now, casework: { deadlines: { 'legality-review.case/review-period': { days: 10 } } } });
  });
  afterAll(() => local?.close());

  it('shows the configured days and computes the due day with them', async () => {
    const client = await local.client('xitun');
    const type = await client['legality-review'].cases.type.query();
    expect(type.deadlines.find((d) => d.code === 'review-period')).toMatchObject({ days: 10, unit: 'working', configured: true });
    const file = await client['legality-review'].cases.open.mutate({ on: '2026-03-02', fields: { kind: 'major-decision', title: '乡村振兴示范村建设实施方案', submitter: '西屯街道农业农村办公室' } });
    expect(file.deadlines[0]).toMatchObject({ days: 10, due: '2026-03-16', state: 'overdue' });
  });
});
