/**
 * The casework engine end to end over HTTP, on both engines, with the test-only case type of
 * `fixtures/casebook`: opening (number, deadlines, facts), steps (the state machine's typed
 * errors in the caller's language, missing and wrong fields, roles, permissions), exactly one of
 * two concurrent steps winning, personal data encrypted at rest and masked for everyone but the
 * owning office, deadlines in working days across holidays and 调休 with a pinned clock, facts
 * replaced on correction, documents, attachments (sniffed, size-limited, deduplicated) and the
 * deadline source.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { caseFieldsSchema, catalogIssues, isPluginError, type Actor, type CaseFile } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { aesGcmFieldCipher } from '@sifa/server';
import { rawFetch, sifaErrorOf, startTestServer, testFieldKey, testHolidays2027, type TestServerOf } from '@sifa/server/testing';
import { openEnvelope } from '../src/casework/cipher.js';
import { casebookCaseType, casebookPlugin } from './fixtures/casebook/plugin.js';

/** Monday 28 September 2026, 10:00 in China: the working day after the Mid-Autumn holiday (25–27 Sep), National Day (1–7 Oct) ahead, Saturday 10 Oct worked. */
const clock = { now: new Date('2026-09-28T02:00:00Z') };
const at = (day: string) => (clock.now = new Date(`${day}T02:00:00Z`));
const plugins = [casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  // The clock jumps weeks (deadlines): sessions outlast it.
  t = await startTestServer({ plugins, now: () => clock.now, auth: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
});
afterAll(() => t?.close());

const client = async (user: 'xitun' | 'sanzhongjie' | 'zhenxing' | 'hongshan' | 'songshan' | 'city', locale = 'en') => (await t.client(user, { locale })).casebook.cases;

const zhang = { role: 'applicant', name: '张三', idNumber: '150402198001011232', phone: '13812345678', address: '内蒙古赤峰市红山区西屯街道幸福路1号' };
const li = { role: 'respondent', name: '李四', phone: '0476-8888888' };
const openFields = (extra: Record<string, unknown> = {}) => ({
  parties: [zhang, li],
  category: 'neighbour',
  amount: 5000,
  summary: '相邻通行纠纷',
  contactPhone: '13900001111',
  source: 'walk-in',
  ...extra,
});

const owner = () => t.db.handle.db;
async function rawRows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await owner().execute(query));
}
const factsOf = (id: string) =>
  rawRows<{ metric: string; value: number; day: string; org_code: string }>(
    sql`SELECT metric, value, day::text AS day, org_code FROM facts WHERE source_kind = 'casebook.case' AND source_id = ${id} ORDER BY metric, day`,
  );

async function openCase(user: 'xitun' | 'zhenxing' = 'xitun', extra: Record<string, unknown> = {}, on?: string): Promise<CaseFile> {
  return (await client(user)).open.mutate({ fields: openFields(extra), ...(on ? { on } : {}) });
}

describe('opening a case', () => {
  it('numbers it per office, type and year, and starts its working-day deadline', async () => {
    at('2026-09-28');
    const first = await openCase();
    const second = await openCase();
    expect(first.number).toBe('（2026）西屯测字第1号');
    expect(second.number).toBe('（2026）西屯测字第2号');
    expect(first).toMatchObject({
      type: 'casebook.case',
      orgCode: '150402001',
      orgName: { zh: '西屯街道司法所' },
      state: 'registered',
      closed: false,
      openedOn: '2026-09-28',
      revision: 1,
      masked: false,
      summary: { category: 'neighbour', summary: '相邻通行纠纷', parties: [{ name: '张*' }, { name: '李*' }] },
    });
    expect(first.fields).toMatchObject({ parties: [zhang, li], category: 'neighbour', amount: 5000, contactPhone: '13900001111', contactAddress: null });
    expect(first.events).toEqual([
      expect.objectContaining({ seq: 1, transition: 'register', from: null, to: 'registered', on: '2026-09-28', by: { userId: expect.any(String), name: 't.xitun' }, documentId: null }),
    ]);
    expect(first.events[0]!.fields).toMatchObject({ source: 'walk-in', category: 'neighbour', parties: [zhang, li] });
    // 10 working days from Monday 28 Sep: 29, 30 Sep, (National Day) 8, 9, Saturday 10 (调休), 12–16 Oct.
    expect(first.deadlines).toEqual([
      { code: 'handling', title: { zh: '办理期限', en: 'Handling period' }, basis: { zh: '测试规则第一条', en: 'Test rule 1' }, days: 10, unit: 'working', startedOn: '2026-09-28', due: '2026-10-16', state: 'running', remaining: 10, metOn: null },
    ]);
    expect(first.nextDeadline).toMatchObject({ code: 'handling', due: '2026-10-16' });
    expect(first.next.map((n) => n.code)).toEqual(['investigate', 'correct', 'reclassify']);
    expect(first.next.find((n) => n.code === 'correct')!.fields).toHaveProperty('parties');
    // The county opens into its office (any org in its scope); numbers continue there.
    const byCounty = await (await client('hongshan')).open.mutate({ orgCode: '150402001', fields: openFields() });
    expect(byCounty).toMatchObject({ number: '（2026）西屯测字第3号', orgCode: '150402001', masked: true });
  });

  it('numbers concurrent openings without a gap or a repeat', async () => {
    at('2026-09-28');
    const sanzhongjie = await client('sanzhongjie');
    const others = await Promise.all(Array.from({ length: 4 }, () => t.freshClient('t.sanzhongjie', { locale: 'en' })));
    const opened = await Promise.all([sanzhongjie, ...others.map((c) => c.casebook.cases)].map((c) => c.open.mutate({ fields: openFields() })));
    expect(opened.map((c) => c.number).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `（2026）三中街测字第${n}号`));
  });

  it('opens on an earlier day (numbered in that day\'s year), never a future one', async () => {
    at('2026-09-28');
    const late = await openCase('xitun', {}, '2025-12-30');
    expect(late.number).toBe('（2025）西屯测字第1号');
    const error = await sifaErrorOf(openCase('xitun', {}, '2026-09-29'));
    expect(error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'on', message: 'The day must not be after today.' }] });
  });

  it('refuses missing and wrong fields with issues in the caller\'s language, writing nothing', async () => {
    const before = await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`);
    const { parties: _omitted, ...withoutParties } = openFields({ amount: 'lots', category: 'weather' });
    const en = await sifaErrorOf((await client('xitun')).open.mutate({ fields: { ...withoutParties, extra: 1 } }));
    expect(en.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(en.data.issues).toEqual(
      expect.arrayContaining([
        { path: 'fields.parties', message: 'This field is required.' },
        { path: 'fields.category', message: 'Choose one of the options.' },
        { path: 'fields.amount', message: 'Enter a number.' },
        { path: 'fields.extra', message: 'Contains a field this step does not have.' },
      ]),
    );
    const zh = await sifaErrorOf(
      (await client('xitun', 'zh-CN')).open.mutate({ fields: openFields({ parties: [{ ...zhang, idNumber: '150402198001011233', phone: '12345' }] }) }),
    );
    expect(zh.data.issues).toEqual([
      { path: 'fields.parties.0.idNumber', message: '身份证号码应为 18 位，且校验位正确。' },
      { path: 'fields.parties.0.phone', message: '电话号码应为 11 位手机号或带区号的固定电话。' },
    ]);
    expect(await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).toEqual(before);
  });

  it('validates with the same schema the widget uses (core caseFieldsSchema)', () => {
    const transition = casebookCaseType.transitions.find((x) => x.code === 'conclude')!;
    const parsedType = t.server.composition.catalog.caseTypes.find((x) => x.code === 'casebook.case')!;
    const conclude = parsedType.transitions.find((x) => x.code === transition.code)!;
    const schema = caseFieldsSchema(conclude.fields, { partyCount: 2 });
    expect(schema.safeParse({ outcome: 'agreed', signatures: [{ signer: 'party-0', signedOn: '2026-10-09' }, { signer: 'party-1', signedOn: '2026-10-09' }, { signer: 'mediator', signedOn: '2026-10-09' }] }).success).toBe(true);
    const missing = schema.safeParse({ outcome: 'agreed', signatures: [{ signer: 'party-0', signedOn: '2026-10-09' }, { signer: 'party-7', signedOn: '2026-10-09' }] });
    expect(missing.success).toBe(false);
    expect(catalogIssues(missing.error!, 'en')).toEqual([
      { path: 'signatures.1.signer', message: 'The signer is not a party of the case nor one of the required signers.' },
      { path: 'signatures', message: 'Not every party and required signer has signed.' },
    ]);
  });
});

describe('steps', () => {
  it('follows the state machine; an illegal step names the current state and the allowed ones', async () => {
    at('2026-09-28');
    const opened = await openCase();
    const cases = await client('xitun');
    const en = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 1, transition: 'session', fields: { minutes: 30 } }));
    expect(en.message).toBe('The case is "Registered": "Session" is not possible now. Possible next steps: "Investigate", "Correct the case", "Reclassify", "Withdraw".');
    expect(en.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'case.illegal-transition', details: { state: 'registered', transition: 'session', allowed: 'investigate,correct,reclassify,withdraw' } });
    const zh = await sifaErrorOf((await client('xitun', 'zh-CN')).transition.mutate({ id: opened.id, revision: 1, transition: 'session', fields: { minutes: 30 } }));
    expect(zh.message).toBe('案件当前为“已受理”，不能办理“调解会”；可以办理：“开始调查”、“更正案件信息”、“调整纠纷类型”、“撤回”。');
    const unknown = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 1, transition: 'nonsense' }));
    expect(unknown.data).toMatchObject({ sifaCode: 'CONFLICT', details: { state: 'registered', transition: 'nonsense' } });

    const investigating = await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: '走访双方' } });
    expect(investigating).toMatchObject({ state: 'investigating', revision: 2 });
    const session = await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'session', fields: { minutes: 45 } });
    const again = await cases.transition.mutate({ id: opened.id, revision: 3, transition: 'session', fields: { minutes: 30 } });
    expect(again.events.map((e) => [e.seq, e.transition, e.from, e.to])).toEqual([
      [1, 'register', null, 'registered'],
      [2, 'investigate', 'registered', 'investigating'],
      [3, 'session', 'investigating', 'investigating'],
      [4, 'session', 'investigating', 'investigating'],
    ]);
    expect(session.events.at(-1)!.fields).toEqual({ minutes: 45, evidence: [] });
    const concluded = await cases.transition.mutate({ id: opened.id, revision: 4, transition: 'conclude', fields: { outcome: 'failed' } });
    expect(concluded).toMatchObject({ state: 'concluded', closed: true, revision: 5, next: [], nextDeadline: null });
    expect(concluded.deadlines.map((d) => [d.code, d.state, d.metOn])).toEqual([
      ['handling', 'met', '2026-09-28'],
      ['first-session', 'met', '2026-09-28'],
    ]);
    const closed = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 5, transition: 'session', fields: { minutes: 1 } }));
    expect(closed.message).toBe('The case is "Concluded": no further step is possible.');
    expect(isPluginError(closed, 'case.illegal-transition') && closed.data.details.allowed).toBe('');
  });

  it('refuses a step with missing fields, naming them; nothing is written', async () => {
    const opened = await openCase();
    const cases = await client('xitun', 'zh-CN');
    const error = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: {} }));
    expect(error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'fields.note', message: '此项必填。' }] });
    expect((await cases.get.query({ id: opened.id })).revision).toBe(1);
    const wrongDay = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', on: '2026-09-01', fields: { note: 'x' } }));
    expect(wrongDay.data.issues).toEqual([{ path: 'on', message: '日期不能早于本案上一步骤的日期。' }]);
  });

  it('checks each step\'s permission and roles (FORBIDDEN, nothing written)', async () => {
    const opened = await openCase();
    await (await client('xitun')).transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    // The office lacks casebook.withdraw (county admins only).
    const permission = await sifaErrorOf((await client('xitun')).transition.mutate({ id: opened.id, revision: 2, transition: 'withdraw', fields: { reason: 'x' } }));
    expect(permission.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'casebook.withdraw' } });
    // The county may not conclude (office staff only) ...
    const county = await client('hongshan');
    const role = await sifaErrorOf(county.transition.mutate({ id: opened.id, revision: 2, transition: 'conclude', fields: { outcome: 'agreed' } }));
    expect(role.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { transition: 'conclude', role: 'county_admin', roles: 'office_staff' } });
    expect(role.message).toBe('"Conclude" may be taken only by: office_staff.');
    // ... nor change the parties it sees masked; it may reclassify and withdraw.
    const personal = await sifaErrorOf(county.transition.mutate({ id: opened.id, revision: 2, transition: 'correct', fields: { parties: [zhang], category: 'debt' } }));
    expect(personal.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { transition: 'correct' } });
    const seen = await county.get.query({ id: opened.id });
    expect(seen.next.map((n) => n.code)).toEqual(['session', 'reclassify', 'withdraw']);
    const reclassified = await county.transition.mutate({ id: opened.id, revision: 2, transition: 'reclassify', fields: { category: 'debt' } });
    expect(reclassified).toMatchObject({ revision: 3, fields: { category: 'debt', parties: [{ name: '张*' }, { name: '李*' }] } });
    expect(await county.transition.mutate({ id: opened.id, revision: 3, transition: 'withdraw', fields: { reason: '申请人撤回' } })).toMatchObject({ state: 'withdrawn', closed: true });
  });

  it('lets exactly one of two concurrent steps from one revision win; the other gets CONFLICT', async () => {
    for (let round = 0; round < 3; round++) {
      const opened = await openCase();
      const [a, b] = [await client('xitun'), await t.freshClient('t.xitun', { locale: 'en' })];
      const results = await Promise.allSettled([
        a.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'A' } }),
        b.casebook.cases.transition.mutate({ id: opened.id, revision: 1, transition: 'reclassify', fields: { category: 'family' } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected')!;
      const error = await sifaErrorOf(Promise.reject((lost as PromiseRejectedResult).reason));
      expect(error.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'case.revision-conflict', details: { caseId: opened.id, revision: 1, currentRevision: 2 } });
      const file = await a.get.query({ id: opened.id });
      expect(file.revision).toBe(2);
      expect(file.events).toHaveLength(2);
    }
    // A stale revision is refused the same way.
    const opened = await openCase();
    const cases = await client('xitun');
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const stale = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 1, transition: 'session', fields: { minutes: 5 } }));
    expect(stale.data).toMatchObject({ sifaCode: 'CONFLICT', details: { revision: 1, currentRevision: 2 } });
  });

  it('issues the step\'s document with the case file as its data and keeps its id on the event', async () => {
    const opened = await openCase();
    const cases = await client('xitun');
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const signatures = ['party-0', 'party-1', 'mediator'].map((signer) => ({ signer, signedOn: '2026-09-28' }));
    const done = await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'conclude', fields: { outcome: 'agreed', signatures } });
    const documentId = done.events.at(-1)!.documentId!;
    expect(documentId).toEqual(expect.any(String));
    const platform = (await t.client('xitun')).platform;
    const document = await platform.documents.get.query({ id: documentId });
    expect(document).toMatchObject({ template: 'casebook.decision', issuerOrgCode: '150402001', entity: { kind: 'case', id: opened.id } });
    // Stored sealed (personal data): the data snapshot opens with the field key.
    const [stored] = await rawRows<{ data: { sealed: string }; sealed: boolean }>(sql`SELECT data, sealed FROM documents WHERE id = ${documentId}`);
    expect(stored!.sealed).toBe(true);
    const data = JSON.parse(Buffer.from(openEnvelope(aesGcmFieldCipher(testFieldKey), Buffer.from(stored!.data.sealed, 'base64'))).toString());
    expect(data).toMatchObject({ number: opened.number, fields: { parties: [{ name: '张三' }, { name: '李四' }] }, step: { outcome: 'agreed' } });
    // Signatures must come from the parties and the extra signers, every one of them.
    const other = await openCase();
    await cases.transition.mutate({ id: other.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const unsigned = await sifaErrorOf(cases.transition.mutate({ id: other.id, revision: 2, transition: 'conclude', fields: { outcome: 'agreed', signatures: signatures.slice(0, 2) } }));
    expect(unsigned.data.issues).toEqual([{ path: 'fields.signatures', message: 'Not every party and required signer has signed.' }]);
  });

  it('audits every step without personal data and leaves no second entry', async () => {
    const before = await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    const opened = await openCase();
    await (await client('xitun')).transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const entries = await rawRows<{ action: string; entity: string; entity_id: string }>(sql`SELECT action, entity, entity_id FROM audit_log WHERE entity_id = ${opened.id} ORDER BY seq`);
    expect(entries).toEqual([
      { action: 'casebook.case.register', entity: 'cases', entity_id: opened.id },
      { action: 'casebook.case.investigate', entity: 'cases', entity_id: opened.id },
    ]);
    const [after] = await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after!.n).toBe(before[0]!.n + 2);
  });
});

describe('personal data', () => {
  it('is encrypted at rest: no name, ID number, phone or address in any column', async () => {
    const opened = await openCase();
    const [row] = await rawRows<Record<string, unknown>>(sql`SELECT * FROM cases WHERE id = ${opened.id}`);
    const [event] = await rawRows<Record<string, unknown>>(sql`SELECT * FROM case_events WHERE case_id = ${opened.id}`);
    const dump = (r: Record<string, unknown>) =>
      Object.values(r)
        .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') + Buffer.from(v).toString('utf8') : JSON.stringify(v)))
        .join('|');
    for (const secret of ['张三', '150402198001011232', '13812345678', '幸福路', '13900001111', '8888888']) {
      expect(dump(row!)).not.toContain(secret);
      expect(dump(event!)).not.toContain(secret);
    }
    expect(row!.masked).toMatchObject({ parties: [{ name: '张*', idNumber: '1504**********1232', phone: '138****5678', address: '内蒙古赤峰市***' }, { name: '李*', phone: '0476-***8888' }], contactPhone: '139****1111' });
    // The sealed value names its provider and key, and opens with the test key.
    const sealed = new Uint8Array(row!.sealed as Uint8Array);
    const cipher = aesGcmFieldCipher(testFieldKey);
    expect(Buffer.from(sealed.subarray(2, 2 + sealed[1]!)).toString()).toBe(cipher.id);
    expect(JSON.parse(Buffer.from(openEnvelope(cipher, sealed)).toString())).toMatchObject({ parties: [zhang, li], contactPhone: '13900001111' });
  });

  it('is sealed in the documents a step issues too; they read, preview and download as issued', async () => {
    const opened = await openCase();
    const cases = await client('xitun');
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const signatures = ['party-0', 'party-1', 'mediator'].map((signer) => ({ signer, signedOn: '2026-09-28' }));
    const done = await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'conclude', fields: { outcome: 'agreed', signatures } });
    const documentId = done.events.at(-1)!.documentId!;
    const [row] = await rawRows<Record<string, unknown>>(sql`SELECT * FROM documents WHERE id = ${documentId}`);
    expect(row!.sealed).toBe(true);
    const cipher = aesGcmFieldCipher(testFieldKey);
    const opens = (base64: string) => Buffer.from(openEnvelope(cipher, Buffer.from(base64, 'base64'))).toString();
    // Every body is an envelope of the field key; nothing personal is readable in any column.
    const docx = new Uint8Array(row!.docx as Uint8Array);
    expect(Buffer.from(docx.subarray(2, 2 + docx[1]!)).toString()).toBe(cipher.id);
    const dump = Object.values(row!)
      .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') + Buffer.from(v).toString('utf8') : JSON.stringify(v)))
      .join('|');
    for (const secret of ['张三', '李四', '150402198001011232', '13812345678', '幸福路', '13900001111']) expect(dump).not.toContain(secret);
    expect(JSON.parse(opens((row!.content as { sealed: string }).sealed)).zh.content.blocks).toContainEqual({ kind: 'paragraph', text: '当事人：张三、李四' });
    expect(opens(row!.html as string)).toContain('当事人：张三、李四');

    // Readers see no difference: the metadata, the preview, and the .docx byte for byte as hashed.
    const platform = (await t.client('xitun')).platform;
    const document = await platform.documents.get.query({ id: documentId });
    expect((await platform.documents.preview.query({ id: documentId })).html).toContain('当事人：张三、李四');
    const res = await fetch(`${t.url}${document.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${document.sha256}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(document.byteLength);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    expect(Buffer.from(new Uint8Array(openEnvelope(cipher, docx))).equals(bytes)).toBe(true);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('当事人：张三、李四');
  });

  it('is shown in full to the owning office only; masked to the county, the city and in every list', async () => {
    const opened = await openCase();
    const full = await (await client('xitun')).get.query({ id: opened.id });
    expect(full).toMatchObject({ masked: false, fields: { parties: [zhang, li], contactPhone: '13900001111' } });
    expect(full.events[0]!.fields.parties).toEqual([zhang, li]);
    for (const reader of ['hongshan', 'city'] as const) {
      const seen = await (await client(reader)).get.query({ id: opened.id });
      expect(seen.masked).toBe(true);
      expect(seen.fields.parties).toEqual([
        { role: 'applicant', name: '张*', idNumber: '1504**********1232', phone: '138****5678', address: '内蒙古赤峰市***' },
        { role: 'respondent', name: '李*', phone: '0476-***8888' },
      ]);
      expect(seen.fields.contactPhone).toBe('139****1111');
      expect(seen.events[0]!.fields.parties).toEqual(seen.fields.parties);
      expect(JSON.stringify(seen)).not.toContain('张三');
    }
    const list = await (await client('xitun')).list.query({ limit: 200 });
    expect(JSON.stringify(list)).not.toContain('张三');
  });
});

describe('lists', () => {
  it('filters by state, status, org, words and opening day, with the total', async () => {
    at('2026-09-28');
    const county = await client('songshan');
    const zhenxing = await client('zhenxing');
    const a = await zhenxing.open.mutate({ fields: openFields({ summary: '宅基地边界争议', category: 'debt' }) });
    const b = await zhenxing.open.mutate({ fields: openFields({ summary: '婚后财产' }), on: '2026-09-01' });
    await zhenxing.transition.mutate({ id: b.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const all = await county.list.query({});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.number)).toEqual([a.number, b.number]);
    expect(all.rows[0]).toMatchObject({ orgName: { zh: '振兴街道司法所' }, summary: { category: 'debt', parties: [{ name: '张*' }, { name: '李*' }] }, nextDeadline: { code: 'handling' } });
    expect((await county.list.query({ state: ['investigating'] })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await county.list.query({ status: 'closed' })).total).toBe(0);
    expect((await county.list.query({ q: '宅基地' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await county.list.query({ q: a.number })).rows.map((r) => r.id)).toEqual([a.id]);
    // Personal data is not searchable.
    expect((await county.list.query({ q: '张三' })).total).toBe(0);
    expect((await county.list.query({ openedFrom: '2026-09-02' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await county.list.query({ orgCode: '150404001', limit: 1, offset: 1 })).rows.map((r) => r.id)).toEqual([b.id]);
    // b: handling due 2026-09-15 (10 working days from 1 Sep), so overdue today; a: running.
    expect((await county.list.query({ status: 'overdue' })).rows.map((r) => r.id)).toEqual([b.id]);
    at('2026-10-13');
    expect((await county.list.query({ status: 'due-soon' })).rows.map((r) => [r.id, r.nextDeadline?.state, r.nextDeadline?.remaining])).toEqual([[a.id, 'due-soon', 3]]);
    // Changed since an instant: b today, not a (last changed on 28 Sep).
    const bNow = await zhenxing.get.query({ id: b.id });
    await zhenxing.transition.mutate({ id: b.id, revision: bNow.revision, transition: 'session', fields: { minutes: 30 } });
    expect((await county.list.query({ updatedFrom: '2026-10-13T00:00:00+08:00' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await county.list.query({ updatedFrom: '2026-09-28T00:00:00+08:00' })).total).toBe(2);
    await expect(county.list.query({ updatedFrom: '2026-10-13' })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    at('2026-09-28');
  });
});

describe('deadlines', () => {
  it('count working days across holidays and 调休, say how many remain, and turn due soon, overdue and met', async () => {
    at('2026-09-28');
    const opened = await openCase();
    const cases = await client('xitun');
    const handling = async () => (await cases.get.query({ id: opened.id })).deadlines.find((d) => d.code === 'handling')!;
    at('2026-09-30');
    expect(await handling()).toMatchObject({ due: '2026-10-16', state: 'running', remaining: 8 });
    at('2026-10-04'); // National Day: the holiday counts no working days
    expect(await handling()).toMatchObject({ state: 'running', remaining: 8 });
    at('2026-10-12');
    expect(await handling()).toMatchObject({ state: 'running', remaining: 4 });
    at('2026-10-13');
    expect(await handling()).toMatchObject({ state: 'due-soon', remaining: 3 });
    at('2026-10-16');
    expect(await handling()).toMatchObject({ state: 'due-soon', remaining: 0 });
    at('2026-10-19');
    expect(await handling()).toMatchObject({ state: 'overdue', remaining: -1 });
    // The calendar-day deadline from "investigate": 15 days from 19 Oct is 3 Nov (a Tuesday).
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const file = await cases.get.query({ id: opened.id });
    expect(file.deadlines.find((d) => d.code === 'first-session')).toMatchObject({ startedOn: '2026-10-19', due: '2026-11-03', unit: 'calendar', remaining: 15, state: 'running' });
    at('2026-10-20');
    const met = await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'session', fields: { minutes: 10 } });
    expect(met.deadlines.find((d) => d.code === 'first-session')).toMatchObject({ state: 'met', metOn: '2026-10-20', remaining: null });
    at('2026-09-28');
  });

  it('follow a holiday import: open cases get the new due days', async () => {
    at('2027-01-04'); // no 2027 data yet: Monday to Friday
    const opened = await openCase();
    expect(opened.deadlines[0]).toMatchObject({ code: 'handling', due: '2027-01-18' });
    // The (invented, test-only) 2027 arrangement works Saturday 9 January: due a working day earlier.
    const result = await t.server.calendar.importAsOwner({ format: 'json', content: testHolidays2027.json });
    expect(result.effects).toContainEqual(expect.objectContaining({ plugin: 'platform', counts: { cases: 1 } }));
    const listed = await (await client('xitun')).list.query({ q: opened.number });
    expect(listed.rows[0]!.nextDeadline).toMatchObject({ code: 'handling', due: '2027-01-15' });
    expect((await (await client('xitun')).get.query({ id: opened.id })).deadlines[0]).toMatchObject({ due: '2027-01-15' });
    at('2026-09-28');
  });

  it('are the deadline source early warnings read (running deadlines due in a range)', async () => {
    at('2026-09-28');
    const opened = await openCase('zhenxing');
    const reader: Actor = { userId: 'test', username: 'test', displayName: 'test', role: 'county_admin', scope: { orgCode: '150404', orgPath: '/15/1504/150404/' }, permissions: new Set(), via: 'session' };
    const deadlines = await t.server.runScoped(reader, (s) => s.signals.deadlines({ from: '2026-10-16', to: '2026-10-16', sources: ['casebook.deadlines'] }));
    expect(deadlines).toContainEqual({
      source: 'casebook.deadlines',
      id: `${opened.id}/handling`,
      orgCode: '150404001',
      due: '2026-10-16',
      title: { zh: `${opened.number} 办理期限`, en: `${opened.number} Handling period`, mn: undefined },
      basis: { zh: '测试规则第一条', en: 'Test rule 1' },
      entity: { kind: 'case', id: opened.id },
    });
    expect(deadlines.every((d) => d.orgCode.startsWith('150404'))).toBe(true);
    const outside = await t.server.runScoped({ ...reader, scope: { orgCode: '150402', orgPath: '/15/1504/150402/' } }, (s) => s.cases.deadlines({ from: '2026-10-16', to: '2026-10-16' }));
    expect(outside.some((d) => d.id.startsWith(opened.id))).toBe(false);
  });
});

describe('facts', () => {
  it('records the case\'s facts for its office and day, and replaces them at every step', async () => {
    at('2026-09-28');
    const opened = await openCase('xitun', { source: 'referral' });
    expect(await factsOf(opened.id)).toEqual([
      { metric: 'casebook.amount', value: 5000, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.cases', value: 1, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.parties', value: 2, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.referrals', value: 1, day: '2026-09-28', org_code: '150402001' },
    ]);
    at('2026-09-30');
    const cases = await client('xitun');
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'correct', fields: { parties: [zhang, li, { role: 'respondent', name: '王五' }], category: 'debt', amount: 8000 } });
    await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'session', fields: { minutes: 20 } });
    await cases.transition.mutate({ id: opened.id, revision: 3, transition: 'conclude', fields: { outcome: 'agreed' } });
    // Re-derived from the whole timeline, never added twice: each step's facts read the case as it
    // stood at that step (the opening's 2 parties and 5,000 yuan stay with 28 September).
    expect(await factsOf(opened.id)).toEqual([
      { metric: 'casebook.agreements', value: 1, day: '2026-09-30', org_code: '150402001' },
      { metric: 'casebook.amount', value: 5000, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.cases', value: 1, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.concluded', value: 1, day: '2026-09-30', org_code: '150402001' },
      { metric: 'casebook.parties', value: 2, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.referrals', value: 1, day: '2026-09-28', org_code: '150402001' },
      { metric: 'casebook.sessions', value: 1, day: '2026-09-30', org_code: '150402001' },
    ]);
    at('2026-09-28');
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const upload = async (user: 'xitun' | 'sanzhongjie' | 'hongshan', id: string, name: string, body: Uint8Array) =>
    rawFetch(`${t.url}/plugins/casebook/cases/${id}/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.tokenOf(user)}`, 'content-type': 'application/octet-stream', 'x-sifa-locale': 'en' },
      body,
    });
  const download = async (user: 'xitun' | 'sanzhongjie' | 'hongshan', path: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${await t.tokenOf(user)}` } });

  it('stores files by content (sniffed type), lists them on the case, serves them back', async () => {
    const opened = await openCase();
    const first = await upload('xitun', opened.id, '../调解申请书.pdf', pdf);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: '调解申请书.pdf', mimeType: 'application/pdf', bytes: pdf.length, uploadedBy: 't.xitun', downloadPath: `/plugins/casebook/cases/${opened.id}/attachments/${first.json.sha256}` });
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    expect((await upload('xitun', opened.id, '笔录', docx)).json).toMatchObject({ name: '笔录.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect((await upload('xitun', opened.id, 'photo.png', png)).json.mimeType).toBe('image/png');
    expect((await upload('xitun', opened.id, 'note.txt', Buffer.from('现场情况说明\n'))).json.mimeType).toBe('text/plain');
    const file = await (await client('xitun')).get.query({ id: opened.id });
    expect(file.attachments.map((a) => a.name).sort()).toEqual(['note.txt', 'photo.png', '笔录.docx', '调解申请书.pdf'].sort());
    const served = await download('xitun', first.json.downloadPath);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toContain("filename*=UTF-8''%E8%B0%83");
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(pdf);
    // The county reads it too; a step may name attached files (and only those).
    expect((await download('hongshan', first.json.downloadPath)).status).toBe(200);
    const cases = await client('xitun');
    await cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: 'x' } });
    const withEvidence = await cases.transition.mutate({ id: opened.id, revision: 2, transition: 'session', fields: { minutes: 5, evidence: [first.json.sha256] } });
    expect(withEvidence.events.at(-1)!.fields.evidence).toEqual([first.json.sha256]);
    const notAttached = await sifaErrorOf(cases.transition.mutate({ id: opened.id, revision: 3, transition: 'session', fields: { minutes: 5, evidence: ['0'.repeat(64)] } }));
    expect(notAttached.data.issues).toEqual([{ path: 'fields.evidence.0', message: 'Choose files uploaded to the case.' }]);
  });

  it('keeps one copy of the same bytes, however many cases attach them', async () => {
    const one = await openCase();
    const two = await openCase();
    const bytes = Buffer.from(`%PDF-1.7 unique ${one.id}`);
    const a = await upload('xitun', one.id, 'a.pdf', bytes);
    const again = await upload('xitun', one.id, 'renamed.pdf', bytes);
    const b = await upload('xitun', two.id, 'b.pdf', bytes);
    expect(again.json).toMatchObject({ sha256: a.json.sha256, name: 'a.pdf' });
    expect(b.json.sha256).toBe(a.json.sha256);
    expect(await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_files WHERE sha256 = ${a.json.sha256}`)).toEqual([{ n: 1 }]);
    expect(await rawRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_attachments WHERE sha256 = ${a.json.sha256}`)).toEqual([{ n: 2 }]);
  });

  it('refuses other types and files over 20 MiB, writing nothing', async () => {
    const opened = await openCase();
    const count = () => rawRows<{ n: number }>(sql`SELECT (SELECT count(*) FROM case_files)::int + (SELECT count(*) FROM case_attachments)::int AS n`);
    const before = await count();
    const exe = await upload('xitun', opened.id, 'setup.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'));
    expect(exe.status).toBe(415);
    expect(exe.json.error).toMatchObject({ message: 'An attachment must be a PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or plain text (UTF-8) file.', data: { sifaCode: 'UNSUPPORTED_MEDIA_TYPE' } });
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect((await upload('xitun', opened.id, 'a.zip', await zip.generateAsync({ type: 'uint8array' }))).status).toBe(415);
    expect((await upload('xitun', opened.id, 'latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]))).status).toBe(415);
    expect((await upload('xitun', opened.id, 'empty.txt', Buffer.alloc(0))).status).toBe(400);
    const big = await upload('xitun', opened.id, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(await count()).toEqual(before);
  });
});
