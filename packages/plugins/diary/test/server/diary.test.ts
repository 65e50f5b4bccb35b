/**
 * The diary plugin end to end over HTTP, on both engines: the catalogue (with an item another
 * plugin contributes), saving once per idempotency key, facts, validation in two languages,
 * scope, and the edit window on a controlled clock.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import postgres from 'postgres';
import { createDiaryPlugin, saveLockKey } from '../../src/server/index.js';
import { demoDiaryItems, type DiaryApi, type DiaryCatalog, type DiaryEntry, type DiaryMonth } from '../../src/index.js';
import { caseworkPlugin } from './casework-plugin.js';
import { engine, sifaErrorOf, startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';
import { isPluginError } from '@sifa/core';
import type { AppRouterOf } from '@sifa/server';

const plugins = [createDiaryPlugin(), caseworkPlugin] as const;
type Plugins = typeof plugins;

// 2026-03-10 16:30 UTC is already 2026-03-11 00:30 in Asia/Shanghai, the plugin's default zone.
const start = new Date('2026-03-10T16:30:00Z');
let clock = start;
let t: TestServer<AppRouterOf<Plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock });
  // A second member of staff in 西屯 office: same scope as t.xitun, but not the author of its entries.
  await t.server.auth.createUser({ username: 't.xitun2', displayName: 't.xitun2', password: testPassword, role: 'office_staff', orgCode: '150402001' });
});
afterAll(() => t?.close());

/** Signs in now (by the test clock): cached sessions expire when the clock is moved on. */
async function signIn(username: string, locale = 'en') {
  const anon = await t.client();
  const { token } = await anon.platform.auth.login.mutate({ username, password: testPassword });
  return t.clientWithToken(token, { locale, batch: false });
}

const mediation = (cases: number, extra: Record<string, unknown> = {}) => ({
  disputeType: 'neighbourhood',
  caseSource: 'application',
  cases,
  agreements: cases,
  parties: cases * 2,
  summary: '  邻里排水纠纷，现场调解  ',
  ...extra,
});

describe('diary.catalog', () => {
  it('lists the demo items and the items other plugins contribute, with the edit window', async () => {
    const catalog = await (await t.client('xitun')).diary.catalog.query();
    expect(catalog.editWindowDays).toBe(7);
    const codes = catalog.items.map((i) => i.code);
    expect(codes).toEqual([...demoDiaryItems.map((i) => i.code), 'casework.visit']);
    const visit = catalog.items.find((i) => i.code === 'casework.visit')!;
    expect(visit).toMatchObject({ plugin: 'casework', part: 'daily', fields: { people: { kind: 'count', metric: 'casework.people-served', required: true } } });
    const med = catalog.items.find((i) => i.code === 'diary.mediation')!;
    expect(med).toMatchObject({ plugin: 'diary', part: 'key', title: { zh: '人民调解' } });
    expect(med.fields.cases).toMatchObject({ kind: 'count', metric: 'diary.mediation-cases', max: 10_000 });
    expect(new Set(catalog.items.map((i) => i.part))).toEqual(new Set(['basic', 'institutional', 'key', 'daily', 'outstanding', 'negative']));
    // Every role reads it.
    expect((await (await t.client('city')).diary.catalog.query()).items).toHaveLength(codes.length);
  });

  it('sends the very types the widget renders (nothing turns into a string on the wire)', () => {
    // DiaryApi is inferred from the router with the wire's serialisation: a Date (or any
    // non-JSON value) in an output schema would make it differ from the declared domain type.
    expectTypeOf<DiaryApi['diary.catalog']['output']>().toEqualTypeOf<DiaryCatalog>();
    expectTypeOf<DiaryApi['diary.month']['output']>().toEqualTypeOf<DiaryMonth>();
    expectTypeOf<DiaryApi['diary.save']['output']>().toEqualTypeOf<DiaryEntry>();
    expectTypeOf<DiaryApi['diary.update']['output']>().toEqualTypeOf<DiaryEntry>();
  });
});

describe('diary.save', () => {
  it('stores the entry and records its facts, which the county reads per office', async () => {
    const xitun = await t.client('xitun');
    const entry = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-02', itemCode: 'diary.mediation', fields: mediation(3, { parties: 7 }) });
    expect(entry).toMatchObject({
      orgCode: '150402001',
      day: '2026-03-02',
      itemCode: 'diary.mediation',
      authorName: 't.xitun',
      createdAt: start.toISOString(),
      updatedAt: start.toISOString(),
      editableUntil: new Date(start.getTime() + 7 * 86_400_000).toISOString(),
    });
    // Stored as validated: text trimmed, the optional attachments defaulted.
    expect(entry.fields).toEqual({ disputeType: 'neighbourhood', caseSource: 'application', cases: 3, agreements: 3, parties: 7, summary: '邻里排水纠纷，现场调解', files: [] });
    await (await t.client('sanzhongjie')).diary.save.mutate({
      idempotencyKey: randomUUID(),
      day: '2026-03-02',
      itemCode: 'diary.consultation',
      fields: { channel: 'phone', consultations: 5 },
    });

    const county = await t.client('hongshan');
    const byOffice = await county.platform.facts.query.query({
      metrics: ['diary.mediation-cases', 'diary.mediation-parties', 'diary.consultations', 'diary.entries'],
      from: '2026-03-02',
      to: '2026-03-02',
      groupBy: 'child',
    });
    expect(byOffice.rows).toEqual([
      { key: '150402001', metric: 'diary.entries', value: 1 },
      { key: '150402001', metric: 'diary.mediation-cases', value: 3 },
      { key: '150402001', metric: 'diary.mediation-parties', value: 7 },
      { key: '150402002', metric: 'diary.consultations', value: 5 },
      { key: '150402002', metric: 'diary.entries', value: 1 },
    ]);
  });

  it('records facts of items other plugins contribute, into their metrics', async () => {
    await (await t.client('xitun')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-20', itemCode: 'casework.visit', fields: { people: 4 } });
    const r = await (await t.client('xitun')).platform.facts.query.query({ metrics: ['casework.people-served', 'diary.entries'], from: '2026-02-20', to: '2026-02-20' });
    expect(r.rows).toEqual([
      { key: '', metric: 'casework.people-served', value: 4 },
      { key: '', metric: 'diary.entries', value: 1 },
    ]);
  });

  it('stores a key once: a replay returns the same entry and counts its facts once', async () => {
    const xitun = await t.client('xitun');
    const input = { idempotencyKey: randomUUID(), day: '2026-02-10', itemCode: 'diary.mediation', fields: mediation(2) };
    const first = await xitun.diary.save.mutate(input);
    // The same payload written differently (untrimmed text, key order, explicit org) is the same request.
    const again = await xitun.diary.save.mutate({ ...input, orgCode: '150402001', idempotencyKey: input.idempotencyKey.toUpperCase(), fields: { ...mediation(2), summary: '邻里排水纠纷，现场调解' } });
    expect(again).toEqual(first);
    const facts = await xitun.platform.facts.query.query({ metrics: ['diary.mediation-cases', 'diary.entries'], from: '2026-02-10', to: '2026-02-10' });
    expect(facts.rows).toEqual([
      { key: '', metric: 'diary.entries', value: 1 },
      { key: '', metric: 'diary.mediation-cases', value: 2 },
    ]);
    const month = await xitun.diary.month.query({ month: '2026-02' });
    expect(month.entries.filter((e) => e.idempotencyKey === input.idempotencyKey)).toHaveLength(1);
    // One creation in the audit log; the replay is logged as such, pointing at the same entry.
    const audit = await (await t.client('hongshan')).platform.audit.list.query({ limit: 200 });
    const forEntry = audit.filter((a) => a.entityId === first.id).map((a) => a.action);
    expect(forEntry.sort()).toEqual(['diary.entry.create', 'diary.entry.replay']);
  });

  it('refuses the same key with a different payload, naming the key', async () => {
    const xitun = await t.client('xitun');
    const key = randomUUID();
    await xitun.diary.save.mutate({ idempotencyKey: key, day: '2026-02-12', itemCode: 'diary.mediation', fields: mediation(1) });
    const conflict = await sifaErrorOf(xitun.diary.save.mutate({ idempotencyKey: key, day: '2026-02-12', itemCode: 'diary.mediation', fields: mediation(9) }));
    expect(conflict.data.sifaCode).toBe('CONFLICT');
    expect(conflict.data.httpStatus).toBe(409);
    expect(conflict.message).toContain(key);
    const otherDay = await sifaErrorOf(xitun.diary.save.mutate({ idempotencyKey: key, day: '2026-02-13', itemCode: 'diary.mediation', fields: mediation(1) }));
    expect(otherDay.data.sifaCode).toBe('CONFLICT');
    // Keys belong to their author: another user may use the same key.
    const other = await (await t.client('sanzhongjie')).diary.save.mutate({ idempotencyKey: key, day: '2026-02-12', itemCode: 'diary.mediation', fields: mediation(1) });
    expect(other.orgCode).toBe('150402002');
  });

  it('two concurrent saves with one key leave exactly one entry; the other gets it or is told to retry', async () => {
    const a = await signIn(testUsers.xitun.username);
    const b = await signIn(testUsers.xitun.username);
    const input = { idempotencyKey: randomUUID(), day: '2026-02-11', itemCode: 'diary.station-duty', fields: { dutyMinutes: 240, visitors: 6 } };
    const results = await Promise.allSettled([a.diary.save.mutate(input), b.diary.save.mutate(input), a.diary.save.mutate(input)]);
    const saved = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(saved.length).toBeGreaterThanOrEqual(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((await sifaErrorOf(Promise.reject(r.reason))).data.sifaCode).toBe('RETRY_LATER');
    }
    expect(new Set(saved.map((s) => s.id)).size).toBe(1);
    // A retry after RETRY_LATER gets the stored entry.
    expect((await a.diary.save.mutate(input)).id).toBe(saved[0]!.id);
    const month = await a.diary.month.query({ month: '2026-02' });
    expect(month.entries.filter((e) => e.idempotencyKey === input.idempotencyKey)).toHaveLength(1);
    const facts = await a.platform.facts.query.query({ metrics: ['diary.station-duty-minutes', 'diary.entries'], from: '2026-02-11', to: '2026-02-11' });
    expect(facts.rows).toEqual([
      { key: '', metric: 'diary.entries', value: 1 },
      { key: '', metric: 'diary.station-duty-minutes', value: 240 },
    ]);
  });

  it.skipIf(engine !== 'postgres')('answers RETRY_LATER while another request holds the key, and the stored entry after', async () => {
    const xitun = await t.client('xitun');
    const me = await xitun.platform.auth.me.query();
    const input = { idempotencyKey: randomUUID(), day: '2026-02-16', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 1 } };
    // Another session holds the save's lock, as a request in flight would.
    const other = postgres(t.db.url!, { max: 1, onnotice: () => {} });
    try {
      await other.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${saveLockKey(me.userId, input.idempotencyKey).toString()}::bigint)`;
        const busy = await sifaErrorOf(xitun.diary.save.mutate(input));
        expect(busy.data.sifaCode).toBe('RETRY_LATER');
        expect(busy.data.httpStatus).toBe(409);
      });
    } finally {
      await other.end();
    }
    const saved = await xitun.diary.save.mutate(input);
    expect((await xitun.diary.save.mutate(input)).id).toBe(saved.id);
  });

  it('validates the fields with the item\'s schema, with messages per field in the caller\'s language', async () => {
    const fields = { disputeType: 'weather', caseSource: 'application', cases: -1, agreements: 1.5, summary: 'x'.repeat(2001), extra: 1 };
    const input = { idempotencyKey: randomUUID(), day: '2026-02-14', itemCode: 'diary.mediation', fields };
    const zh = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' })).diary.save.mutate(input));
    expect(zh.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(zh.message).toBe('填写的内容有误，请按提示修改后再提交。');
    const byPath = (issues: { path: string; message: string }[]) => Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath(zh.data.issues)).toEqual({
      disputeType: '请选择一个选项。',
      cases: '不能小于 0。',
      agreements: '请填写整数。',
      parties: '请填写数字。',
      summary: '内容超出长度限制。',
      extra: '日志事项“人民调解”没有此项。',
    });
    const en = await sifaErrorOf((await t.client('xitun', { locale: 'en' })).diary.save.mutate(input));
    expect(byPath(en.data.issues)).toEqual({
      disputeType: 'Choose one of the options.',
      cases: 'Must not be less than 0.',
      agreements: 'Enter a whole number.',
      parties: 'Enter a number.',
      summary: 'The text is too long.',
      extra: 'The item "People\'s mediation" has no such field.',
    });
    const unknownItem = await sifaErrorOf((await t.client('xitun')).diary.save.mutate({ ...input, itemCode: 'diary.nope', fields: {} }));
    expect(unknownItem.data.issues).toEqual([{ path: 'itemCode', message: expect.stringContaining('diary.nope') }]);
    // Nothing was stored.
    expect((await (await t.client('xitun')).diary.month.query({ month: '2026-02' })).entries.filter((e) => e.day === '2026-02-14')).toEqual([]);
  });

  it('refuses a day in the future of the configured time zone', async () => {
    const xitun = await t.client('xitun', { locale: 'zh-CN' });
    // 00:30 on 11 March in Shanghai (still 10 March in UTC): the 11th is today, the 12th is not yet.
    const today = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-11', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 1 } });
    expect(today.day).toBe('2026-03-11');
    const future = await sifaErrorOf(xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-12', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 1 } }));
    expect(future.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(future.data.issues).toEqual([{ path: 'day', message: '不能填报未来日期的日志（今天是 2026-03-11）。' }]);
  });

  it('lets staff write only for their own office; admins read but do not write', async () => {
    const xitun = await t.client('xitun');
    const other = await sifaErrorOf(xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-15', itemCode: 'diary.legal-aid', orgCode: '150402002', fields: { applications: 1, forwarded: 0 } }));
    expect(other.data.sifaCode).toBe('OUT_OF_SCOPE');
    const county = await sifaErrorOf((await t.client('hongshan')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-15', itemCode: 'diary.legal-aid', orgCode: '150402001', fields: { applications: 1, forwarded: 0 } }));
    expect(county.data.sifaCode).toBe('FORBIDDEN');
    expect(county.data.details).toMatchObject({ permission: 'diary.write' });
  });
});

describe('D1: cross-field rules of an item', () => {
  it('D1: refuses more agreements than disputes (and fewer than two parties a dispute) with diary.ruleBroken naming the fields, storing nothing', async () => {
    const catalog = await (await t.client('xitun')).diary.catalog.query();
    // The rules travel with the item: the widget checks them with the same schema. (A day no other test of this file writes.)
    expect(catalog.items.find((i) => i.code === 'diary.mediation')!.rules.map((r) => [r.field, r.kind, r.factor, r.other])).toEqual([
      ['agreements', 'atMost', 1, 'cases'],
      ['parties', 'atLeast', 2, 'cases'],
    ]);
    const facts = async () =>
      (await (await t.client('xitun')).platform.facts.query.query({ metrics: ['diary.mediation-agreements', 'diary.entries'], from: '2026-02-24', to: '2026-02-24' })).rows;
    const input = { idempotencyKey: randomUUID(), day: '2026-02-24', itemCode: 'diary.mediation', fields: mediation(2, { agreements: 5, parties: 4 }) };
    for (const [locale, message] of [
      ['zh-CN', '调解成功数不能大于调解纠纷数。'],
      ['en', 'Agreements reached cannot be more than disputes mediated.'],
    ] as const) {
      const error = await (await t.client('xitun', { locale })).diary.save.mutate(input).catch((e: unknown) => e);
      expect(isPluginError(error, 'diary.ruleBroken')).toBe(true);
      if (!isPluginError(error, 'diary.ruleBroken')) return;
      expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
      expect(error.data.details).toEqual({ itemCode: 'diary.mediation', field: 'agreements', other: 'cases', kind: 'atMost', factor: 1 });
      expect(error.data.issues).toEqual([{ path: 'agreements', message }]);
    }
    const parties = await sifaErrorOf((await t.client('xitun', { locale: 'en' })).diary.save.mutate({ ...input, fields: mediation(2, { parties: 3 }) }));
    expect(parties.data.details).toMatchObject({ field: 'parties', other: 'cases', kind: 'atLeast', factor: 2 });
    expect(parties.data.issues).toEqual([{ path: 'parties', message: 'Every dispute has at least two parties: parties involved must be at least twice the disputes mediated.' }]);
    expect(await facts()).toEqual([]);

    // At the bound it is accepted; an update past it is refused like a save, the entry unchanged.
    const entry = await (await t.client('xitun')).diary.save.mutate({ ...input, idempotencyKey: randomUUID(), fields: mediation(2) });
    const update = await sifaErrorOf((await t.client('xitun')).diary.update.mutate({ id: entry.id, fields: mediation(2, { agreements: 3 }) }));
    expect(update.data.details).toMatchObject({ field: 'agreements', other: 'cases' });
    expect(await facts()).toEqual([
      { key: '', metric: 'diary.entries', value: 1 },
      { key: '', metric: 'diary.mediation-agreements', value: 2 },
    ]);
  });

  it('reports a field\'s own issue, not a cross-field rule, when a value is invalid', async () => {
    const error = await sifaErrorOf((await t.client('xitun', { locale: 'en' })).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-24', itemCode: 'diary.mediation', fields: mediation(2, { agreements: 2.5 }) }));
    expect(error.data.pluginError).toBeNull();
    expect(error.data.issues).toEqual([{ path: 'agreements', message: 'Enter a whole number.' }]);
  });
});

describe('D3: a change made for another user', () => {
  it('D3: is refused (diary.otherUser) when it arrives with another user\'s token, writing nothing; its author saves it', async () => {
    const xitun = await t.client('xitun');
    const input = { idempotencyKey: randomUUID(), day: '2026-02-17', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 0 } };
    const error = await xitun.diary.save.mutate({ ...input, author: 'someone-else' }).catch((e: unknown) => e);
    expect(isPluginError(error, 'diary.otherUser')).toBe(true);
    if (!isPluginError(error, 'diary.otherUser')) return;
    expect(error.data.sifaCode).toBe('CONFLICT');
    expect(error.data.details).toEqual({ author: 'someone-else' });
    expect((await xitun.diary.month.query({ month: '2026-02' })).entries.filter((e) => e.day === '2026-02-17')).toEqual([]);
    const me = await xitun.platform.auth.me.query();
    const entry = await xitun.diary.save.mutate({ ...input, author: me.userId });
    expect(entry.authorId).toBe(me.userId);
    expect((await sifaErrorOf(xitun.diary.remove.mutate({ id: entry.id, author: 'someone-else' }))).data.sifaCode).toBe('CONFLICT');
    expect((await sifaErrorOf(xitun.diary.update.mutate({ id: entry.id, fields: input.fields, author: 'someone-else' }))).data.sifaCode).toBe('CONFLICT');
  });
});

describe('diary.month', () => {
  beforeAll(async () => {
    const save = async (user: 'xitun' | 'sanzhongjie' | 'zhenxing', day: string, consultations: number) =>
      (await t.client(user)).diary.save.mutate({ idempotencyKey: randomUUID(), day, itemCode: 'diary.consultation', fields: { channel: 'visit', consultations } });
    await save('xitun', '2026-01-20', 1);
    await save('xitun', '2026-01-05', 2);
    await save('sanzhongjie', '2026-01-10', 3);
    await save('zhenxing', '2026-01-07', 4);
    await save('xitun', '2025-12-31', 5);
    await save('xitun', '2026-02-01', 6);
  });

  const summary = (m: { entries: { orgCode: string; day: string }[] }) => m.entries.map((e) => `${e.day} ${e.orgCode}`);

  it('gives an office its own entries of the month, by day', async () => {
    const m = await (await t.client('xitun')).diary.month.query({ month: '2026-01' });
    expect(m.orgCode).toBe('150402001');
    expect(summary(m)).toEqual(['2026-01-05 150402001', '2026-01-20 150402001']);
  });

  it('gives a county its offices\' entries, and one office\'s on request', async () => {
    const county = await t.client('hongshan');
    expect(summary(await county.diary.month.query({ month: '2026-01' }))).toEqual(['2026-01-05 150402001', '2026-01-10 150402002', '2026-01-20 150402001']);
    const one = await county.diary.month.query({ month: '2026-01', orgCode: '150402002' });
    expect(one.orgCode).toBe('150402002');
    expect(summary(one)).toEqual(['2026-01-10 150402002']);
    expect(summary(await (await t.client('city')).diary.month.query({ month: '2026-01' }))).toHaveLength(4);
  });

  it('does not show an office another office\'s month', async () => {
    const err = await sifaErrorOf((await t.client('xitun')).diary.month.query({ month: '2026-01', orgCode: '150402002' }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    const songshan = await sifaErrorOf((await t.client('hongshan')).diary.month.query({ month: '2026-01', orgCode: '150404001' }));
    expect(songshan.data.sifaCode).toBe('OUT_OF_SCOPE');
  });
});

describe('diary.update and diary.remove', () => {
  it('let the author edit within the window, replacing the facts, and delete, retracting them', async () => {
    const xitun = await t.client('xitun');
    const entry = await xitun.diary.save.mutate({
      idempotencyKey: randomUUID(),
      day: '2026-02-25',
      itemCode: 'diary.law-education',
      fields: { form: 'village', topic: '民法典进村', events: 1, audience: 40 },
    });
    const facts = async () =>
      (await xitun.platform.facts.query.query({ metrics: ['diary.law-education-audience', 'diary.law-education-events', 'diary.law-education-materials', 'diary.entries'], from: '2026-02-25', to: '2026-02-25' })).rows;
    expect(await facts()).toEqual([
      { key: '', metric: 'diary.entries', value: 1 },
      { key: '', metric: 'diary.law-education-audience', value: 40 },
      { key: '', metric: 'diary.law-education-events', value: 1 },
    ]);

    const updated = await xitun.diary.update.mutate({ id: entry.id, fields: { form: 'village', topic: '民法典进村', events: 1, audience: 55, materials: 120 } });
    expect(updated).toMatchObject({ id: entry.id, idempotencyKey: entry.idempotencyKey, day: '2026-02-25', fields: { audience: 55, materials: 120 } });
    expect(await facts()).toEqual([
      { key: '', metric: 'diary.entries', value: 1 },
      { key: '', metric: 'diary.law-education-audience', value: 55 },
      { key: '', metric: 'diary.law-education-events', value: 1 },
      { key: '', metric: 'diary.law-education-materials', value: 120 },
    ]);
    const invalid = await sifaErrorOf(xitun.diary.update.mutate({ id: entry.id, fields: { form: 'village', topic: '', events: 1, audience: 55 } }));
    expect(invalid.data.issues).toEqual([{ path: 'topic', message: 'This field is required.' }]);

    expect(await xitun.diary.remove.mutate({ id: entry.id })).toEqual({ id: entry.id });
    expect(await facts()).toEqual([]);
    expect((await xitun.diary.month.query({ month: '2026-02' })).entries.find((e) => e.id === entry.id)).toBeUndefined();
    expect((await sifaErrorOf(xitun.diary.remove.mutate({ id: entry.id }))).data.sifaCode).toBe('NOT_FOUND');
  });

  it('refuse anyone but the author', async () => {
    const entry = await (await t.client('xitun')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-26', itemCode: 'diary.legal-aid', fields: { applications: 2, forwarded: 1 } });
    const colleague = await signIn('t.xitun2');
    const sameOffice = await sifaErrorOf(colleague.diary.update.mutate({ id: entry.id, fields: { applications: 0, forwarded: 0 } }));
    expect(sameOffice.data.sifaCode).toBe('FORBIDDEN');
    expect(sameOffice.message).toContain('Only the person who wrote');
    expect((await sifaErrorOf(colleague.diary.remove.mutate({ id: entry.id }))).data.sifaCode).toBe('FORBIDDEN');
    // Another office cannot even see it.
    const elsewhere = await sifaErrorOf((await t.client('sanzhongjie')).diary.remove.mutate({ id: entry.id }));
    expect(elsewhere.data.sifaCode).toBe('NOT_FOUND');
    // The county reads but does not write.
    expect((await sifaErrorOf((await t.client('hongshan')).diary.remove.mutate({ id: entry.id }))).data.sifaCode).toBe('FORBIDDEN');
    const still = await (await t.client('xitun')).diary.month.query({ month: '2026-02' });
    expect(still.entries.find((e) => e.id === entry.id)?.fields).toMatchObject({ applications: 2 });
  });

  // Moves the clock on: keep it last (sessions made before the move have expired).
  it('refuse changes once the edit window has closed, saying until when and what to do', async () => {
    const entry = await (await t.client('xitun')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-02-27', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 1 } });
    clock = new Date(start.getTime() + 7 * 86_400_000 - 60_000);
    const justInTime = await signIn(testUsers.xitun.username);
    expect((await justInTime.diary.update.mutate({ id: entry.id, fields: { applications: 2, forwarded: 1 } })).fields).toMatchObject({ applications: 2 });

    clock = new Date(start.getTime() + 7 * 86_400_000);
    const late = await signIn(testUsers.xitun.username);
    const update = await sifaErrorOf(late.diary.update.mutate({ id: entry.id, fields: { applications: 3, forwarded: 1 } }));
    expect(update.data.sifaCode).toBe('FORBIDDEN');
    expect(update.data.details).toMatchObject({ editWindowDays: 7, editableUntil: entry.editableUntil });
    expect(update.message).toContain('7 days');
    expect(update.message).toContain('2026-03-18 00:30');
    expect(update.message).toContain('county justice bureau');
    const zh = await sifaErrorOf((await signIn(testUsers.xitun.username, 'zh-CN')).diary.remove.mutate({ id: entry.id }));
    expect(zh.data.sifaCode).toBe('FORBIDDEN');
    expect(zh.message).toContain('7 天内');
    // The facts keep the last edit.
    const facts = await late.platform.facts.query.query({ metrics: ['diary.legal-aid-applications'], from: '2026-02-27', to: '2026-02-27' });
    expect(facts.rows).toEqual([{ key: '', metric: 'diary.legal-aid-applications', value: 2 }]);
  });
});
