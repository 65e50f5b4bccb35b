/**
 * Applicants adding documents to their public application (core `public-apply.ts`, server
 * `apply/routes.ts`) over real HTTP on both engines, with a test-only plugin whose case type names
 * its attachments field on the public form: the happy path as the office sees it (case file
 * attachments, the field, the staff download, a new revision, the audit entry), the status
 * listing the applicant's documents, and every refusal writing nothing: a renamed HTML page or
 * program, an oversized file, too many and too much, a wrong code or unknown number (one answer),
 * another key's subtree, a closed case, a form without documents, the per-client limit. Clients
 * are told apart by X-Forwarded-For (the server trusts its proxy here); the clock is fixed.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  caseTypeSchema,
  caseworkRouter,
  createRouter,
  defineCaseType,
  definePlugin,
  defineServerPlugin,
  publicApplyAttachmentPath,
  publicApplyAttachmentRequest,
  type PublicApplyAttachResult,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { caseworkRoutes } from '@sifa/server';
import { rawFetch, sifaErrorOf, startTestServer, type RawResponse, type TestServerOf } from '@sifa/server/testing';

const t2 = (zh: string, en: string) => ({ zh, en });

/** A case type offered as a public form whose applicants add documents to `materials`. */
const paperworkCaseType = defineCaseType({
  code: 'paperwork.application',
  title: t2('材料测试申请', 'Paperwork application'),
  numberMark: '材',
  readPermission: 'paperwork.read',
  fields: {
    applicants: { kind: 'parties', title: t2('申请人', 'Applicant'), roles: [{ value: 'applicant', title: t2('申请人', 'Applicant') }] },
    summary: { kind: 'text', title: t2('申请事项', 'Matter'), multiline: true, maxLength: 2000 },
    materials: { kind: 'attachments', title: t2('申请材料', 'Application materials'), maxFiles: 5 },
  },
  listFields: ['summary'],
  publicForm: { fields: ['applicants', 'summary'], consent: t2('仅用于办理本申请。', 'Used only for this application.'), attachments: 'materials' },
  states: [
    { code: 'received', title: t2('已接收', 'Received') },
    { code: 'done', title: t2('已办结', 'Done'), closed: true },
  ],
  transitions: [
    { code: 'receive', title: t2('接收', 'Receive'), from: [], to: 'received', permission: 'paperwork.work' },
    { code: 'note', title: t2('记录', 'Note'), from: ['received'], to: 'received', permission: 'paperwork.work', fields: { text: { kind: 'text', title: t2('记录', 'Note') } } },
    { code: 'finish', title: t2('办结', 'Finish'), from: ['received'], to: 'done', permission: 'paperwork.work' },
  ],
});
/** The same form without a documents field: nothing can be added online. */
const memoCaseType = defineCaseType({
  code: 'paperwork.memo',
  title: t2('无材料申请', 'Memo'),
  numberMark: '备',
  readPermission: 'paperwork.read',
  fields: { summary: { kind: 'text', title: t2('申请事项', 'Matter') } },
  publicForm: { fields: ['summary'], consent: t2('仅用于办理本申请。', 'Used only for this application.') },
  states: [{ code: 'received', title: t2('已接收', 'Received') }],
  transitions: [{ code: 'receive', title: t2('接收', 'Receive'), from: [], to: 'received', permission: 'paperwork.work' }],
});
const permissions = { read: 'paperwork.read', work: 'paperwork.work' };
const paperworkPlugin = defineServerPlugin(
  definePlugin({
    id: 'paperwork',
    version: '1.0.0',
    core: '^0.1.0',
    title: t2('材料测试', 'Paperwork (test)'),
    permissions: [
      { name: 'paperwork.read', title: t2('查看', 'Read'), roles: ['city_admin', 'county_admin', 'office_staff'] },
      { name: 'paperwork.work', title: t2('办理', 'Work'), roles: ['county_admin', 'office_staff'] },
    ],
    contributes: { caseTypes: [paperworkCaseType, memoCaseType] },
  }),
  { router: createRouter({ cases: caseworkRouter('paperwork.application', permissions) }), routes: caseworkRoutes('paperwork.application', permissions) },
);

const start = new Date('2026-03-10T02:00:00Z');
const clock = { now: start };
const plugins = [paperworkPlugin] as const;
let t: TestServerOf<typeof plugins>;
let hongshanKey = '';
let songshanKey = '';
const limits = { documentMaxBytes: 64 * 1024, documentsPerApplication: 3, documentsTotalBytes: 100 * 1024, documentsPerClientPerHour: 12 };

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, trustProxy: true, publicApply: { perClientPerHour: 100, challengeAfter: 100, ...limits } });
  hongshanKey = await t.publishableKey('150402');
  songshanKey = await t.publishableKey('150404');
});
afterAll(() => t?.close());

let clientSeq = 0;
const nextAddress = () => `203.0.113.${++clientSeq}`;
const forms = (key = hongshanKey, address = nextAddress()) => t.publicClient(key, { locale: 'zh-CN', headers: { 'x-forwarded-for': address } }).platform.publicForms;

/** A citizen's application (its own client address): number and code. */
async function apply(summary: string, type: 'paperwork.application' | 'paperwork.memo' = 'paperwork.application') {
  const api = forms();
  const [form] = await api.list.query({ type });
  const fields = type === 'paperwork.memo' ? { summary } : { applicants: [{ role: 'applicant', name: '李四', phone: '13812345678' }], summary };
  const sent = await api.submit.mutate({ type, orgCode: '150402001', fields, consent: { accepted: true, version: form!.consentVersion } });
  if (sent.duplicate) throw new Error('unexpected duplicate');
  return { number: sent.number, code: sent.code };
}

/** Bytes that start as a PDF does, `size` long. */
const pdf = (size: number, fill = 1) => {
  const bytes = new Uint8Array(size).fill(0x20 + (fill % 90));
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
};
const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);

interface Upload {
  number: string;
  code: string;
  name: string;
  bytes: Uint8Array;
  type?: string;
  key?: string;
  address?: string;
  locale?: string;
}
/** What a widget does: the request the core helper builds, sent with fetch. */
async function upload(u: Upload): Promise<RawResponse> {
  const r = publicApplyAttachmentRequest({ key: u.key ?? hongshanKey, number: u.number, code: u.code, fileName: u.name, contentType: u.type ?? 'application/pdf', locale: u.locale ?? 'zh-CN' });
  return rawFetch(`${t.url}${r.path}`, { method: r.method, headers: { ...r.headers, 'x-forwarded-for': u.address ?? nextAddress() }, body: u.bytes });
}

const count = async (table: 'case_attachments' | 'case_files' | 'audit_log') => rowsOf<{ n: number }>(await t.db.handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const counts = async () => ({ attachments: await count('case_attachments'), files: await count('case_files'), audit: await count('audit_log') });
const office = async () => (await t.client('xitun', { locale: 'en' })).paperwork.cases;
const caseOf = async (number: string) => {
  const cases = await office();
  const { rows } = await cases.list.query({ q: number });
  return cases.get.query({ id: rows[0]!.id });
};

describe('an applicant adds documents', () => {
  it('offers the upload on the form: the field, the types and the limits', async () => {
    const list = await forms().list.query({});
    const paperwork = list.find((f) => f.type === 'paperwork.application')!;
    expect(paperwork.documents).toEqual({ title: { zh: '申请材料', en: 'Application materials' }, accept: ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], maxFileBytes: 64 * 1024, maxFiles: 3, maxTotalBytes: 100 * 1024 });
    expect(list.find((f) => f.type === 'paperwork.memo')!.documents).toBeNull();
  });

  it('stores it where the office sees it: attachments, the field, the download, a new revision, an audit entry without personal data', async () => {
    const sent = await apply('补充材料的申请');
    const before = await caseOf(sent.number);
    expect(before.revision).toBe(1);
    const auditBefore = await count('audit_log');
    const bytes = pdf(2000);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await upload({ ...sent, name: '申请书（扫描件）.pdf', bytes });
    expect(res.status).toBe(201);
    expect(res.json as PublicApplyAttachResult).toEqual({
      added: true,
      document: { name: '申请书（扫描件）.pdf', bytes: 2000, addedOn: '2026-03-10' },
      documents: [{ name: '申请书（扫描件）.pdf', bytes: 2000, addedOn: '2026-03-10' }],
    });

    const file = await caseOf(sent.number);
    expect(file.attachments).toEqual([expect.objectContaining({ sha256: sha, name: '申请书（扫描件）.pdf', mimeType: 'application/pdf', bytes: 2000, uploadedBy: '申请人（网上提交）' })]);
    expect(file.fields.materials).toEqual([sha]);
    expect(file.revision).toBe(2);
    // The staff download gives the very bytes.
    const down = await fetch(`${t.url}${file.attachments[0]!.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(bytes);
    // Recorded as added by the public applicant: the engine's entry (hash, size, type; no name).
    const [entry] = rowsOf<{ actor_id: string; action: string }>(await t.db.handle.db.execute(sql`SELECT actor_id, action FROM audit_log WHERE entity_id = ${file.id} ORDER BY seq DESC LIMIT 1`));
    expect(entry).toEqual({ actor_id: expect.stringMatching(/^public:/), action: 'paperwork.application.attach' });
    expect(await count('audit_log')).toBe(auditBefore + 1);
    // A step the staff prepared on the revision before answers CONFLICT (the form reloads); on the new one it goes through.
    const cases = await office();
    expect((await sifaErrorOf(cases.transition.mutate({ id: file.id, revision: before.revision, transition: 'note', fields: { text: '已阅' } }))).data).toMatchObject({ sifaCode: 'CONFLICT' });
    expect((await cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'note', fields: { text: '已阅' } })).fields.materials).toEqual([sha]);

    // The same bytes again: nothing written, the list as it was.
    const quiet = await counts();
    const again = await upload({ ...sent, name: 'copy.pdf', bytes });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ added: false, documents: [{ name: '申请书（扫描件）.pdf' }] });
    expect(await counts()).toEqual(quiet);

    // A PNG under a PDF's name keeps its own type and gets the fitting ending; the day is the server's.
    clock.now = new Date('2026-03-11T01:00:00Z');
    try {
      const photo = await upload({ ...sent, name: 'photo.pdf', bytes: png(), type: 'application/pdf' });
      expect(photo.status).toBe(201);
      expect(photo.json.document).toEqual({ name: 'photo.pdf.png', bytes: png().length, addedOn: '2026-03-11' });
    } finally {
      clock.now = start;
    }
    expect((await caseOf(sent.number)).attachments.map((a) => [a.name, a.mimeType])).toEqual([
      ['申请书（扫描件）.pdf', 'application/pdf'],
      ['photo.pdf.png', 'image/png'],
    ]);

    // The status lists the applicant's documents: name, size, day; nothing else new.
    const status = await forms().status.mutate(sent);
    expect(status.documents).toEqual([
      { name: '申请书（扫描件）.pdf', bytes: 2000, addedOn: '2026-03-10' },
      { name: 'photo.pdf.png', bytes: png().length, addedOn: '2026-03-11' },
    ]);
    expect(Object.keys(status).sort()).toEqual(['closed', 'documents', 'nextDeadline', 'number', 'orgName', 'receivedOn', 'state', 'stateTitle', 'steps', 'type', 'typeTitle']);
    // Neither the code nor the number reaches the log.
    const log = t.logs.join('\n');
    expect(log).not.toContain(sent.code);
    expect(log).not.toContain(encodeURIComponent(sent.number));
    expect(log).not.toContain(sent.number);
  });

  it('lists only the applicant\'s own documents, not the office\'s', async () => {
    const sent = await apply('办公室也上传了材料');
    const file = await caseOf(sent.number);
    const staff = await fetch(`${t.url}/plugins/paperwork/cases/${file.id}/attachments?name=${encodeURIComponent('内部笔录.pdf')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` },
      body: pdf(500, 7),
    });
    expect(staff.status).toBe(201);
    expect((await upload({ ...sent, name: 'mine.pdf', bytes: pdf(600, 8) })).status).toBe(201);
    expect((await forms().status.mutate(sent)).documents.map((d) => d.name)).toEqual(['mine.pdf']);
  });
});

describe('refusals write nothing and say what to fix', () => {
  it('reads the type from the bytes: an HTML page or a program named .pdf is refused', async () => {
    const sent = await apply('错误类型');
    const before = await counts();
    const html = await upload({ ...sent, name: 'letter.pdf', bytes: new TextEncoder().encode('<!doctype html><script>alert(1)</script>') });
    expect(html.status).toBe(415);
    expect(html.json.error).toMatchObject({ message: expect.stringContaining('只改文件名不行'), data: { sifaCode: 'UNSUPPORTED_MEDIA_TYPE' } });
    const exe = await upload({ ...sent, name: 'evidence.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), locale: 'en' });
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toBe('A document must be a PDF, a JPG or PNG picture or a Word (.docx) file: save it as one of these and upload it again (renaming it is not enough).');
    const empty = await upload({ ...sent, name: 'empty.pdf', bytes: new Uint8Array(0) });
    expect(empty.json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED' });
    expect(await counts()).toEqual(before);
    expect((await caseOf(sent.number)).revision).toBe(1);
  });

  it('refuses a file over the limit while it streams in, with the limit in the message', async () => {
    const sent = await apply('过大的文件');
    const before = await counts();
    const big = await upload({ ...sent, name: 'big.pdf', bytes: pdf(64 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ message: '每份材料不能超过 64 KB：请压缩图片或分成几份上传。', data: { sifaCode: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 64 * 1024 } } });
    expect((await upload({ ...sent, name: 'fits.pdf', bytes: pdf(64 * 1024) })).status).toBe(201);
    expect(await count('case_attachments')).toBe(before.attachments + 1);
  });

  it('refuses more documents than an application takes, and more bytes in all', async () => {
    const many = await apply('很多材料');
    for (let i = 0; i < 3; i++) expect((await upload({ ...many, name: `p${i}.pdf`, bytes: pdf(100, i) })).status).toBe(201);
    const before = await counts();
    const fourth = await upload({ ...many, name: 'p3.pdf', bytes: pdf(100, 3), locale: 'en' });
    expect(fourth.status).toBe(400);
    expect(fourth.json.error).toMatchObject({ message: expect.stringContaining('at most 3 documents'), data: { sifaCode: 'VALIDATION_FAILED', details: { maxFiles: 3 } } });

    const heavy = await apply('很大的材料');
    expect((await upload({ ...heavy, name: 'a.pdf', bytes: pdf(60 * 1024, 1) })).status).toBe(201);
    const total = await upload({ ...heavy, name: 'b.pdf', bytes: pdf(50 * 1024, 2) });
    expect(total.status).toBe(413);
    expect(total.json.error).toMatchObject({ message: expect.stringContaining('合计不能超过'), data: { sifaCode: 'PAYLOAD_TOO_LARGE', details: { maxTotalBytes: 100 * 1024, usedBytes: 60 * 1024 } } });
    expect(await count('case_attachments')).toBe(before.attachments + 1);
    expect((await caseOf(many.number)).fields.materials).toHaveLength(3);
  });

  it('answers a wrong code, an unknown number and another key\'s subtree alike', async () => {
    const sent = await apply('核对编号');
    const before = await counts();
    const wrongCode = await upload({ ...sent, code: 'AAAA-BBBB-CCCC', name: 'a.pdf', bytes: pdf(100, 11) });
    const unknown = await upload({ ...sent, number: '（2026）西屯材字第999号', name: 'a.pdf', bytes: pdf(100, 11) });
    const otherCounty = await upload({ ...sent, key: songshanKey, name: 'a.pdf', bytes: pdf(100, 11) });
    for (const res of [wrongCode, unknown, otherCounty]) {
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ message: '没有找到该申请：请核对受理编号和查询码。', data: { sifaCode: 'NOT_FOUND', details: {} } });
    }
    // Malformed or missing credentials: what to send.
    const noCode = await upload({ ...sent, code: '', name: 'a.pdf', bytes: pdf(100, 11) });
    expect(noCode.json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'code' }] });
    // No key at all.
    const anon = await rawFetch(`${t.url}${publicApplyAttachmentPath}`, { method: 'POST', headers: { 'x-sifa-application-number': encodeURIComponent(sent.number), 'x-sifa-application-code': sent.code }, body: pdf(100, 11) });
    expect(anon.json.error.data).toMatchObject({ sifaCode: 'UNAUTHENTICATED' });
    expect(await counts()).toEqual(before);
    // The right code in the right subtree, in any case.
    expect((await upload({ ...sent, code: sent.code.toLowerCase(), name: 'a.pdf', bytes: pdf(100, 11) })).status).toBe(201);
  });

  it('refuses once the case is closed, and where the form takes no documents', async () => {
    const sent = await apply('已办结的申请');
    const file = await caseOf(sent.number);
    await (await office()).transition.mutate({ id: file.id, revision: file.revision, transition: 'finish' });
    const memo = await apply('没有材料栏', 'paperwork.memo');
    const before = await counts();
    const closed = await upload({ ...sent, name: 'late.pdf', bytes: pdf(100, 21), locale: 'en' });
    expect(closed.status).toBe(409);
    expect(closed.json.error).toMatchObject({ message: 'This application is closed: documents can no longer be added. Contact the office if you need to.', data: { sifaCode: 'CONFLICT' } });
    const none = await upload({ ...memo, name: 'x.pdf', bytes: pdf(100, 22) });
    expect(none.status).toBe(403);
    expect(none.json.error.message).toContain('不能在网上补充材料');
    expect(await counts()).toEqual(before);
  });

  it('limits uploads per client (refused attempts count), with the seconds to wait; another client goes on; an hour later again', async () => {
    const sent = await apply('限流');
    const address = '198.51.100.77';
    for (let i = 0; i < limits.documentsPerClientPerHour; i++) {
      expect((await upload({ ...sent, code: 'AAAA-BBBB-CCCC', name: 'guess.pdf', bytes: pdf(100, 31), address })).status).toBe(404);
    }
    const limited = await upload({ ...sent, name: 'real.pdf', bytes: pdf(100, 31), address, locale: 'en' });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ message: expect.stringMatching(/^Too many uploads\. Try again in \d+ seconds\.$/), data: { sifaCode: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } } });
    expect(limited.json.error.data.details.retryAfter).toBeGreaterThan(3000);
    expect((await upload({ ...sent, name: 'real.pdf', bytes: pdf(100, 31), address: '198.51.100.78' })).status).toBe(201);
    clock.now = new Date(start.getTime() + 3_600_001);
    try {
      expect((await upload({ ...sent, name: 'later.pdf', bytes: pdf(100, 32), address })).status).toBe(201);
    } finally {
      clock.now = start;
    }
  });
});

describe('the contract', () => {
  it('refuses a public form naming a field that is not an attachments field of the case type', () => {
    const wrong = caseTypeSchema.safeParse({ ...paperworkCaseType, publicForm: { ...paperworkCaseType.publicForm, attachments: 'summary' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues).toEqual([expect.objectContaining({ path: ['publicForm', 'attachments'], message: expect.stringContaining('"summary" is not an attachments field') })]);
    const unknown = caseTypeSchema.safeParse({ ...paperworkCaseType, publicForm: { ...paperworkCaseType.publicForm, attachments: 'evidence' } });
    expect(unknown.success).toBe(false);
    expect(caseTypeSchema.safeParse(paperworkCaseType).success).toBe(true);
  });

  it('builds the request a widget sends: method, path, headers (number and name percent-encoded), never the code in the URL', () => {
    const r = publicApplyAttachmentRequest({ key: 'pk_x', number: ' （2026）西屯材字第1号 ', code: 'ABCD-EFGH-JKLM', fileName: '证据 1.jpg', contentType: '' });
    expect(r).toEqual({
      method: 'POST',
      path: '/plugins/platform/public-forms/attachments',
      headers: {
        'x-sifa-key': 'pk_x',
        'x-sifa-application-number': encodeURIComponent('（2026）西屯材字第1号'),
        'x-sifa-application-code': 'ABCD-EFGH-JKLM',
        'x-sifa-file-name': '%E8%AF%81%E6%8D%AE%201.jpg',
        'content-type': 'application/octet-stream',
      },
    });
    expect(r.path).not.toContain('ABCD');
  });
});
