/**
 * Isolation and bad input for consultation records, on both engines. Every procedure of the plugin
 * (the case procedures, openMediation, statistics) keeps an office's records to itself and its
 * county: another office, another county and their admins get NOT_FOUND / OUT_OF_SCOPE (never the
 * record's existence); the city reads everything, masked. Wrong types, missing required fields, a
 * step the caller may not take, an illegal step, a stale revision, a future day: typed errors in
 * the caller's language, and nothing written (revision, timeline, facts and lists unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '@sifa/core';
import { sifaErrorOf, startTestServer, type TestServerOf, type TestUserName } from '@sifa/server/testing';
import { createConsultationPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-03-20T10:00:00+08:00') };
const plugins = [createConsultationPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;
/** A record of 西屯 (150402001, 红山区) and one of 振兴 (150404001, 松山区). */
let xitunRecord: CaseFile;
let zhenxingRecord: CaseFile;

const open = async (user: TestUserName, fields: Record<string, unknown> = {}) =>
  (await t.client(user)).consultation.cases.open.mutate({ on: '2026-03-02', fields: { channel: 'letter', person: [{ role: 'consultant', name: '周某某', phone: '13800002468' }], question: '测试问题', ...fields } });

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  xitunRecord = await open('xitun');
  zhenxingRecord = await open('zhenxing');
});
afterAll(() => t?.close());

const recordsOn = async (user: TestUserName) =>
  (await (await t.client(user)).platform.facts.query.query({ metrics: ['consultation.records'], from: '2026-03-01', to: '2026-03-31' })).rows[0]?.value ?? 0;

describe('isolation across offices and counties', () => {
  it('lists: each office its own, the county its offices, the city all (masked)', async () => {
    const ids = async (user: TestUserName) => (await (await t.client(user)).consultation.cases.list.query({})).rows.map((r) => r.id).sort();
    expect(await ids('xitun')).toEqual([xitunRecord.id]);
    expect(await ids('sanzhongjie')).toEqual([]);
    expect(await ids('zhenxing')).toEqual([zhenxingRecord.id]);
    expect(await ids('hongshan')).toEqual([xitunRecord.id]);
    expect(await ids('songshan')).toEqual([zhenxingRecord.id]);
    expect(await ids('city')).toEqual([xitunRecord.id, zhenxingRecord.id].sort());
    const city = await (await t.client('city')).consultation.cases.get.query({ id: xitunRecord.id });
    expect(city.masked).toBe(true);
    expect(JSON.stringify(city)).not.toContain('周某某');
    expect(JSON.stringify(city)).not.toContain('13800002468');
  });

  it('get, transition and openMediation of another office’s record: NOT_FOUND, never its existence', async () => {
    for (const user of ['sanzhongjie', 'zhenxing', 'songshan'] as const) {
      const client = await t.client(user);
      expect(['NOT_FOUND', 'OUT_OF_SCOPE'], user).toContain((await sifaErrorOf(client.consultation.cases.get.query({ id: xitunRecord.id }))).data.sifaCode);
      const step = await sifaErrorOf(client.consultation.cases.transition.mutate({ id: xitunRecord.id, revision: xitunRecord.revision, transition: 'reply', fields: { answer: 'x', replyForm: 'letter' } }));
      expect(['NOT_FOUND', 'OUT_OF_SCOPE'], user).toContain(step.data.sifaCode);
      const mediation = await sifaErrorOf(client.consultation.openMediation.mutate({ id: xitunRecord.id }));
      // No mediation plugin here: the answer may name it, but never the record.
      expect(JSON.stringify(mediation.data.details)).not.toContain(xitunRecord.id);
    }
    // An unknown id answers the same as another office's.
    const unknown = await sifaErrorOf((await t.client('xitun')).consultation.cases.get.query({ id: '00000000-0000-4000-8000-000000000000' }));
    const other = await sifaErrorOf((await t.client('sanzhongjie')).consultation.cases.get.query({ id: xitunRecord.id }));
    expect(other.data.sifaCode).toBe(unknown.data.sifaCode);
    expect(other.message.replace(xitunRecord.id, '')).toBe(unknown.message.replace('00000000-0000-4000-8000-000000000000', ''));
  });

  it('open for another office or county: refused, nothing written', async () => {
    for (const [user, orgCode] of [
      ['xitun', '150402002'],
      ['xitun', '150404001'],
      ['hongshan', '150404001'],
    ] as const) {
      const error = await sifaErrorOf((await t.client(user)).consultation.cases.open.mutate({ orgCode, fields: { channel: 'phone', question: 'x' } }));
      expect(['NOT_FOUND', 'OUT_OF_SCOPE', 'FORBIDDEN'], `${user} → ${orgCode}`).toContain(error.data.sifaCode);
    }
    expect((await (await t.client('city')).consultation.cases.list.query({})).total).toBe(2);
  });

  it('statistics: own subtree only', async () => {
    expect((await (await t.client('xitun')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' })).records).toBe(1);
    expect((await (await t.client('songshan')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' })).records).toBe(1);
    expect((await (await t.client('city')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31' })).records).toBe(2);
    const error = await sifaErrorOf((await t.client('xitun')).consultation.statistics.query({ from: '2026-03-01', to: '2026-03-31', orgCode: '150404001' }));
    expect(['NOT_FOUND', 'OUT_OF_SCOPE']).toContain(error.data.sifaCode);
  });
});

describe('bad input: typed errors in the caller’s language, nothing written', () => {
  const unchanged = async () => {
    const file = await (await t.client('xitun')).consultation.cases.get.query({ id: xitunRecord.id });
    expect([file.revision, file.state, file.events.length]).toEqual([xitunRecord.revision, xitunRecord.state, xitunRecord.events.length]);
    expect((await (await t.client('city')).consultation.cases.list.query({})).total).toBe(2);
    expect(await recordsOn('city')).toBe(2);
  };

  it('wrong types and a missing question: VALIDATION_FAILED naming each field, zh and en', async () => {
    const input = { on: '2026-03-02', fields: { channel: 'fax', question: 42, identityDeclined: 'yes' } };
    const en = await sifaErrorOf((await t.client('xitun', { locale: 'en' })).consultation.cases.open.mutate(input));
    const zh = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' })).consultation.cases.open.mutate(input));
    for (const error of [en, zh]) {
      expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
      const paths = error.data.issues.map((i) => i.path).join(' ');
      for (const field of ['channel', 'question', 'identityDeclined']) expect(paths).toContain(field);
    }
    expect(zh.message).not.toBe(en.message);
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    const missing = await sifaErrorOf((await t.client('xitun')).consultation.cases.open.mutate({ fields: { channel: 'phone' } }));
    expect(missing.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(missing.data.issues.map((i) => i.path).join(' ')).toContain('question');
    await unchanged();
  });

  it('a step without its required fields: the reply’s form, the referral, the answer at closing', async () => {
    const client = await t.client('xitun', { locale: 'zh-CN' });
    const base = { id: xitunRecord.id, revision: xitunRecord.revision };
    const reply = await sifaErrorOf(client.consultation.cases.transition.mutate({ ...base, transition: 'reply', fields: { answer: '答复' } }));
    expect(reply.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(reply.data.issues.map((i) => i.path).join(' ')).toContain('replyForm');
    const refer = await sifaErrorOf(client.consultation.cases.transition.mutate({ ...base, transition: 'refer', fields: {} }));
    expect(refer.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(refer.data.issues.map((i) => i.path).join(' ')).toContain('referral');
    // The letter has no answer yet: it cannot be closed without one.
    const close = await sifaErrorOf(client.consultation.cases.transition.mutate({ ...base, transition: 'close', fields: {} }));
    expect(close.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(close.data.issues.map((i) => i.path).join(' ')).toContain('answer');
    const badChoice = await sifaErrorOf(client.consultation.cases.transition.mutate({ ...base, transition: 'refer', fields: { referral: 'fortune-teller' } }));
    expect(badChoice.data.sifaCode).toBe('VALIDATION_FAILED');
    await unchanged();
  });

  it('an illegal step: CONFLICT naming the current state and the allowed steps', async () => {
    const input = { id: xitunRecord.id, revision: xitunRecord.revision, transition: 'follow-up', fields: { outcome: 'resolved' } };
    const zh = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' })).consultation.cases.transition.mutate(input));
    expect(zh.data.sifaCode).toBe('CONFLICT');
    expect(zh.data.details).toMatchObject({ state: 'recorded', transition: 'follow-up' });
    expect(String(zh.data.details.allowed).split(',').sort()).toEqual(['close', 'refer', 'reply']);
    expect(zh.message).toContain('已登记');
    const en = await sifaErrorOf((await t.client('xitun', { locale: 'en' })).consultation.cases.transition.mutate(input));
    expect(en.message).toContain('Recorded');
    const unknown = await sifaErrorOf((await t.client('xitun')).consultation.cases.transition.mutate({ ...input, transition: 'teleport' }));
    expect(['CONFLICT', 'BAD_REQUEST', 'VALIDATION_FAILED']).toContain(unknown.data.sifaCode);
    await unchanged();
  });

  it('a stale revision: CONFLICT with the current revision', async () => {
    const error = await sifaErrorOf(
      (await t.client('xitun')).consultation.cases.transition.mutate({ id: xitunRecord.id, revision: xitunRecord.revision + 1, transition: 'reply', fields: { answer: 'x', replyForm: 'letter' } }),
    );
    expect(error.data).toMatchObject({ sifaCode: 'CONFLICT', details: { caseId: xitunRecord.id, revision: xitunRecord.revision + 1, currentRevision: xitunRecord.revision } });
    await unchanged();
  });

  it('a role without the permission to work: FORBIDDEN naming it (the city reads, never records)', async () => {
    const city = await t.client('city', { locale: 'en' });
    const error = await sifaErrorOf(city.consultation.cases.open.mutate({ orgCode: '150402001', fields: { channel: 'phone', question: 'x' } }));
    expect(error.data.sifaCode).toBe('FORBIDDEN');
    expect(error.message).toContain('consultation.work');
    const step = await sifaErrorOf(city.consultation.cases.transition.mutate({ id: xitunRecord.id, revision: xitunRecord.revision, transition: 'reply', fields: { answer: 'x', replyForm: 'letter' } }));
    expect(step.data.sifaCode).toBe('FORBIDDEN');
    expect((await sifaErrorOf((await t.client()).consultation.cases.list.query({}))).data.sifaCode).toBe('UNAUTHENTICATED');
    await unchanged();
  });

  it('a day in the future, a malformed id, a reversed period', async () => {
    const client = await t.client('xitun');
    expect((await sifaErrorOf(client.consultation.cases.open.mutate({ on: '2026-03-21', fields: { channel: 'phone', question: 'x' } }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(client.consultation.cases.get.query({ id: 'not-a-uuid' }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(client.consultation.statistics.query({ from: '2026-03-31', to: '2026-03-01' }))).data.sifaCode).toBe('VALIDATION_FAILED');
    await unchanged();
  });
});
