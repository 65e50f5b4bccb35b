/**
 * Isolation and bad input for legality reviews, on both engines. Every procedure (the case
 * procedures, statistics) and both attachment routes keep an office's reviews to itself and its
 * county: another office, another county and their admins get NOT_FOUND / OUT_OF_SCOPE; the city
 * reads all. Wrong types, a step without its required fields (a finding missing, the reason of a
 * partial adoption), a step the caller may not take, an illegal step, a stale revision, an
 * attachment of the wrong type or size: typed errors in the caller's language, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { rawFetch, sifaErrorOf, startTestServer, type TestServerOf, type TestUserName } from '@sifa/server/testing';
import { createLegalityReviewPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-03-20T10:00:00+08:00') };
const plugins = [createLegalityReviewPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;
let xitunCase: CaseFile;
let zhenxingCase: CaseFile;

const open = async (user: TestUserName) =>
  (await t.client(user))['legality-review'].cases.open.mutate({ on: '2026-03-02', fields: { kind: 'contract', title: '物业服务委托合同', submitter: '某某社区居民委员会' } });

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  xitunCase = await open('xitun');
  zhenxingCase = await open('zhenxing');
});
afterAll(() => t?.close());

const upload = async (user: TestUserName, caseId: string, bytes: Uint8Array, locale = 'en') =>
  rawFetch(`${t.url}/plugins/legality-review/cases/${caseId}/attachments?name=materials.bin`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.tokenOf(user)}`, 'content-type': 'application/octet-stream', 'x-sifa-locale': locale },
    body: bytes,
  });
const text = new TextEncoder().encode('送审材料清单：合同文本、招标文件。\n');

const unchanged = async () => {
  const file = await (await t.client('xitun'))['legality-review'].cases.get.query({ id: xitunCase.id });
  expect([file.revision, file.state, file.events.length, file.attachments.length]).toEqual([xitunCase.revision, xitunCase.state, xitunCase.events.length, xitunCase.attachments.length]);
  expect((await (await t.client('city'))['legality-review'].cases.list.query({})).total).toBe(2);
  const facts = await (await t.client('city')).platform.facts.query.query({ metrics: ['legality-review.received', 'legality-review.reviewed'], from: '2026-03-01', to: '2026-03-31' });
  expect(Object.fromEntries(facts.rows.map((r) => [r.metric, r.value]))).toEqual({ 'legality-review.received': 2 });
};

describe('isolation across offices and counties', () => {
  it('lists and statistics: each its own subtree', async () => {
    const ids = async (user: TestUserName) => (await (await t.client(user))['legality-review'].cases.list.query({})).rows.map((r) => r.id).sort();
    expect(await ids('xitun')).toEqual([xitunCase.id]);
    expect(await ids('sanzhongjie')).toEqual([]);
    expect(await ids('hongshan')).toEqual([xitunCase.id]);
    expect(await ids('songshan')).toEqual([zhenxingCase.id]);
    expect(await ids('city')).toEqual([xitunCase.id, zhenxingCase.id].sort());
    expect((await (await t.client('hongshan'))['legality-review'].statistics.query({ from: '2026-03-01', to: '2026-03-31' })).received).toBe(1);
    const out = await sifaErrorOf((await t.client('hongshan'))['legality-review'].statistics.query({ from: '2026-03-01', to: '2026-03-31', orgCode: '150404' }));
    expect(['NOT_FOUND', 'OUT_OF_SCOPE']).toContain(out.data.sifaCode);
  });

  it('get, transition, upload and download of another office’s case: NOT_FOUND, nothing written', async () => {
    const token = await t.tokenOf('xitun');
    const uploaded = await rawFetch(`${t.url}/plugins/legality-review/cases/${xitunCase.id}/attachments?name=a.txt`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: text });
    expect(uploaded.status).toBe(201);
    xitunCase = await (await t.client('xitun'))['legality-review'].cases.get.query({ id: xitunCase.id });
    const sha = uploaded.json.sha256 as string;
    for (const user of ['sanzhongjie', 'zhenxing', 'songshan'] as const) {
      const client = await t.client(user);
      expect(['NOT_FOUND', 'OUT_OF_SCOPE'], user).toContain((await sifaErrorOf(client['legality-review'].cases.get.query({ id: xitunCase.id }))).data.sifaCode);
      const step = await sifaErrorOf(client['legality-review'].cases.transition.mutate({ id: xitunCase.id, revision: xitunCase.revision, transition: 'withdraw', fields: { withdrawalReason: 'x' } }));
      expect(['NOT_FOUND', 'OUT_OF_SCOPE'], user).toContain(step.data.sifaCode);
      const up = await upload(user, xitunCase.id, text);
      expect(up.status, user).toBe(404);
      const down = await rawFetch(`${t.url}/plugins/legality-review/cases/${xitunCase.id}/attachments/${sha}`, { headers: { authorization: `Bearer ${await t.tokenOf(user)}` } });
      expect(down.status, user).toBe(404);
    }
    await unchanged();
  });
});

describe('bad input: typed errors in the caller’s language, nothing written', () => {
  it('registration: an unknown kind, an over-long submitter, a missing title', async () => {
    const input = { fields: { kind: 'poem', submitter: 'x'.repeat(101) } };
    const en = await sifaErrorOf((await t.client('xitun', { locale: 'en' }))['legality-review'].cases.open.mutate(input));
    const zh = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' }))['legality-review'].cases.open.mutate(input));
    for (const error of [en, zh]) {
      expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
      const paths = error.data.issues.map((i) => i.path).join(' ');
      for (const field of ['kind', 'submitter', 'title']) expect(paths).toContain(field);
    }
    expect(zh.message).not.toBe(en.message);
    await unchanged();
  });

  it('the opinion without a finding, with a negative count or an unknown finding', async () => {
    const client = await t.client('xitun', { locale: 'zh-CN' });
    const base = { id: xitunCase.id, revision: xitunCase.revision, transition: 'issue-opinion' };
    const full = { issuerFinding: 'lawful', authorityFinding: 'lawful', contentFinding: 'lawful', procedureFinding: 'lawful', conclusion: 'lawful', opinion: '可以签订。', changesProposed: 0 };
    const { procedureFinding: _omitted, ...noProcedure } = full;
    const missing = await sifaErrorOf(client['legality-review'].cases.transition.mutate({ ...base, fields: noProcedure }));
    expect(missing.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(missing.data.issues.map((i) => i.path).join(' ')).toContain('procedureFinding');
    const negative = await sifaErrorOf(client['legality-review'].cases.transition.mutate({ ...base, fields: { ...full, changesProposed: -1, contentFinding: 'maybe' } }));
    expect(negative.data.issues.map((i) => i.path).join(' ')).toMatch(/changesProposed.*contentFinding|contentFinding.*changesProposed/);
    await unchanged();
  });

  it('an illegal step: CONFLICT naming the state and the allowed steps (zh and en)', async () => {
    const input = { id: xitunCase.id, revision: xitunCase.revision, transition: 'adopted', fields: {} };
    const zh = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' }))['legality-review'].cases.transition.mutate(input));
    expect(zh.data.sifaCode).toBe('CONFLICT');
    expect(zh.data.details).toMatchObject({ state: 'received', transition: 'adopted' });
    expect(String(zh.data.details.allowed).split(',').sort()).toEqual(['add-materials', 'issue-opinion', 'withdraw']);
    expect(zh.message).toContain('审核中');
    const en = await sifaErrorOf((await t.client('xitun', { locale: 'en' }))['legality-review'].cases.transition.mutate(input));
    expect(en.message).toContain('Under review');
    await unchanged();
  });

  it('a stale revision: CONFLICT; a role that may not work: FORBIDDEN', async () => {
    const stale = await sifaErrorOf((await t.client('xitun'))['legality-review'].cases.transition.mutate({ id: xitunCase.id, revision: xitunCase.revision - 1, transition: 'withdraw', fields: { withdrawalReason: 'x' } }));
    expect(stale.data).toMatchObject({ sifaCode: 'CONFLICT', details: { caseId: xitunCase.id, currentRevision: xitunCase.revision } });
    const city = await sifaErrorOf((await t.client('city'))['legality-review'].cases.transition.mutate({ id: xitunCase.id, revision: xitunCase.revision, transition: 'withdraw', fields: { withdrawalReason: 'x' } }));
    expect(city.data.sifaCode).toBe('FORBIDDEN');
    const cityUpload = await upload('city', xitunCase.id, text);
    expect(cityUpload.status).toBe(403);
    await unchanged();
  });

  it('an attachment of the wrong type (415) or too large (413), in the caller’s language', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
    const en = await upload('xitun', xitunCase.id, exe, 'en');
    expect(en.status).toBe(415);
    expect(en.json.error.data.sifaCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    const zh = await upload('xitun', xitunCase.id, exe, 'zh-CN');
    expect(zh.json.error.message).not.toBe(en.json.error.message);
    const big = await upload('xitun', xitunCase.id, new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41));
    expect(big.status).toBe(413);
    await unchanged();
  });
});
