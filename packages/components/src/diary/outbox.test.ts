/**
 * The outbox against a real Sifa server (diary plugin, PGlite) that these tests stop and restart:
 * write-before-send, replays after lost answers, refusals in the user's language, one sync at a
 * time, 200 entries made offline, a restart in the middle of a sync, an expired embed token.
 * The server here is this file's own ('outbox'), so stopping it disturbs no other test file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { deleteDB, openDB } from 'idb';
import { diaryFieldsSchema, fieldIssuesOf } from '@sifa/core';
import { SifaClient, SifaClientError } from '../client/client.js';
import { Outbox, keepsForRetry, newIdempotencyKey, type DiaryCalls, type OutboxRecord } from './outbox.js';
import { connectTestServer, eventually, uniqueId, type TestConnection } from '../test-utils/test-server.js';

const server = 'outbox';
const opened: Outbox[] = [];

async function openOutbox(connection: TestConnection, options: { fetch?: typeof fetch; locale?: 'zh-CN' | 'en' | 'mn-Mong'; name?: string; retryBaseMs?: number; batchSize?: number } = {}) {
  const client = new SifaClient(connection.config, options.fetch ? { fetch: options.fetch } : {});
  const outbox = await Outbox.open({
    client,
    name: options.name ?? uniqueId('outbox-test'),
    locale: () => options.locale ?? 'zh-CN',
    retryBaseMs: options.retryBaseMs ?? 200,
    retryMaxMs: Math.max(1000, options.retryBaseMs ?? 0),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  opened.push(outbox);
  return outbox;
}

const legalAid = (day: string, applications: number) => ({ day, itemCode: 'diary.legal-aid', fields: { applications, forwarded: 0 } });

/** Sends of each idempotency key (`diary.save` or in a `diary.saveMany`), seen at the fetch level. */
function countingFetch(onSave?: (key: string) => Promise<void> | void) {
  const sends = new Map<string, number>();
  const wrapped: typeof fetch = async (input, init) => {
    const url = String(input);
    if (/\/diary\.save(Many)?(\?|$)/.test(url) && typeof init?.body === 'string') {
      // One save, or a batch of them (`diary.saveMany`).
      const body = JSON.parse(init.body) as { idempotencyKey?: string; entries?: { idempotencyKey: string }[] };
      for (const key of body.entries?.map((e) => e.idempotencyKey) ?? [body.idempotencyKey!]) {
        sends.set(key, (sends.get(key) ?? 0) + 1);
        await onSave?.(key);
      }
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, sends };
}

const synced = (records: OutboxRecord[]) => records.filter((r) => r.state === 'synced').length;

beforeAll(async () => {
  await commands.startServer({ server });
});

afterEach(async () => {
  await commands.startServer({ server });
  await commands.setServerClock({ server, offsetMs: 0 });
  const outboxes = opened.splice(0);
  for (const outbox of outboxes) await outbox.close();
  for (const name of new Set(outboxes.map((o) => o.name))) await deleteDB(name);
});

afterAll(async () => {
  await commands.startServer({ server });
});

describe('outbox', () => {
  it('stores the entry durably with its key before the network sees it', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403001', userId: uniqueId('u') });
    let outbox!: Outbox;
    const seenAtSend: (OutboxRecord | undefined)[] = [];
    const counting = countingFetch(async (key) => {
      seenAtSend.push(await outbox.get(key));
    });
    outbox = await openOutbox(connection, { fetch: counting.fetch });
    const record = await outbox.save(legalAid('2025-03-03', 2));
    expect(record.state).toBe('queued');
    expect(record.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(counting.sends.size).toBe(0);

    const report = await outbox.sync();
    expect(report).toMatchObject({ synced: 1, rejected: 0, deferred: false });
    expect(seenAtSend).toHaveLength(1);
    expect(seenAtSend[0]).toMatchObject({ idempotencyKey: record.idempotencyKey, state: 'syncing', attempts: 1 });
    const stored = await outbox.get(record.idempotencyKey);
    expect(stored).toMatchObject({ state: 'synced', entry: { idempotencyKey: record.idempotencyKey, day: '2025-03-03' } });
    expect(await commands.countEntries({ server, orgCode: '150403001' })).toMatchObject({ total: 1, distinctKeys: 1 });
  });

  it('sends again after a lost answer and the server keeps one entry', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403002', userId: uniqueId('u') });
    let lose = true;
    // The request reaches the server and is stored; the answer never reaches the page.
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (lose && String(input).includes('/diary.save')) {
        lose = false;
        await response.text();
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const outbox = await openOutbox(connection, { fetch: losing });
    const record = await outbox.save(legalAid('2025-03-04', 1));
    expect(await outbox.sync()).toMatchObject({ synced: 0, deferred: true });
    expect(await outbox.get(record.idempotencyKey)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(await outbox.sync({ force: true })).toMatchObject({ synced: 1 });
    expect(await outbox.get(record.idempotencyKey)).toMatchObject({ state: 'synced', attempts: 2 });
    expect(await commands.countEntries({ server, orgCode: '150403002' })).toMatchObject({ total: 1, distinctKeys: 1 });
  });

  it.each(['zh-CN', 'en'] as const)('marks a refused entry rejected with the server reason in %s', async (locale) => {
    const connection = await connectTestServer({ server, orgCode: '150403003', userId: uniqueId('u') });
    const outbox = await openOutbox(connection, { locale });
    const rejected: OutboxRecord[] = [];
    outbox.addEventListener('rejected', (event) => rejected.push(event.detail));
    const bad = await outbox.save({ day: '2025-03-05', itemCode: 'diary.legal-aid', fields: { applications: -1, forwarded: 1.5 } });
    const future = await outbox.save(legalAid('2999-01-01', 1));
    const good = await outbox.save(legalAid('2025-03-05', 1));
    expect(await outbox.sync()).toMatchObject({ synced: 1, rejected: 2 });

    // The browser builds the same schema from the same catalog: its messages are the server's.
    const catalog = await new SifaClient(connection.config).query<DiaryCalls, 'diary.catalog'>('diary.catalog', undefined);
    const item = catalog.items.find((i) => i.code === 'diary.legal-aid')!;
    const local = fieldIssuesOf(diaryFieldsSchema(item).safeParse({ applications: -1, forwarded: 1.5 }).error, locale);
    const stored = await outbox.get(bad.idempotencyKey);
    expect(stored).toMatchObject({ state: 'rejected', code: 'VALIDATION_FAILED' });
    expect(stored!.issues).toEqual(local);
    expect(stored!.reason).toBe(locale === 'en' ? 'Some fields are not valid. Correct them as indicated and submit again.' : '填写的内容有误，请按提示修改后再提交。');
    expect((await outbox.get(future.idempotencyKey))!.issues[0]!.message).toMatch(locale === 'en' ? /cannot be in the future/ : /不能填报未来日期/);
    expect(await outbox.get(good.idempotencyKey)).toMatchObject({ state: 'synced' });
    expect(rejected.map((r) => r.idempotencyKey)).toEqual([bad.idempotencyKey, future.idempotencyKey]);
  });

  it('applies changes made offline in order: a change of an unsent save rewrites it, a later one follows it', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403004', userId: uniqueId('u') });
    const outbox = await openOutbox(connection);
    const about = { day: '2025-03-06', itemCode: 'diary.legal-aid' };
    const a = await outbox.save(legalAid(about.day, 1));
    const rewritten = await outbox.update({ key: a.idempotencyKey }, { applications: 5, forwarded: 1 }, about);
    expect(rewritten.idempotencyKey).toBe(a.idempotencyKey);
    const b = await outbox.save(legalAid(about.day, 2));
    const dropped = await outbox.save(legalAid(about.day, 3));
    expect(await outbox.remove({ key: dropped.idempotencyKey }, about)).toBeNull();
    expect(await outbox.sync()).toMatchObject({ synced: 2, rejected: 0 });

    // b is on the server now: a change refers to it by key and is sent after it.
    const change = await outbox.update({ key: b.idempotencyKey }, { applications: 7, forwarded: 0 }, about);
    const removal = await outbox.remove({ key: a.idempotencyKey }, about);
    expect(change.op).toBe('update');
    expect(removal!.op).toBe('remove');
    expect(await outbox.sync()).toMatchObject({ synced: 2, rejected: 0 });
    const month = await new SifaClient(connection.config).query<DiaryCalls, 'diary.month'>('diary.month', { month: '2025-03' });
    expect(month.entries.map((e) => [e.idempotencyKey, e.fields])).toEqual([[b.idempotencyKey, { applications: 7, forwarded: 0 }]]);
    expect(await outbox.ownAuthorId()).toBe(month.entries[0]!.authorId);
  });

  it('sends queued saves in batches (diary.saveMany), a refusal kept on its own record', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403104', userId: uniqueId('u') });
    const urls: string[] = [];
    const watching: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const outbox = await openOutbox(connection, { fetch: watching, locale: 'en', batchSize: 10 });
    const made: OutboxRecord[] = [];
    for (let i = 0; i < 13; i++) made.push(await outbox.save(i === 5 ? legalAid('2025-03-08', -1) : legalAid('2025-03-08', i)));
    expect(await outbox.sync()).toMatchObject({ synced: 12, rejected: 1, deferred: false });
    // 13 saves in two requests: 10, then 3.
    expect(urls.filter((u) => /diary\.save/.test(u)).map((u) => new URL(u).pathname.split('/').pop())).toEqual(['diary.saveMany', 'diary.saveMany']);
    const bad = await outbox.get(made[5]!.idempotencyKey);
    expect(bad).toMatchObject({ state: 'rejected', code: 'VALIDATION_FAILED', issues: [{ path: 'applications' }] });
    expect(bad!.issues[0]!.message).toMatch(/[a-z]/);
    expect((await outbox.list()).filter((r) => r.state === 'synced')).toHaveLength(12);
    expect(await commands.countEntries({ server, orgCode: '150403104' })).toMatchObject({ total: 12, distinctKeys: 12 });
  });

  it('runs one sync at a time across outboxes of the same database (Web Lock)', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403005', userId: uniqueId('u') });
    const counting = countingFetch();
    const name = uniqueId('outbox-shared');
    const first = await openOutbox(connection, { fetch: counting.fetch, name });
    const second = await openOutbox(connection, { fetch: counting.fetch, name });
    for (let i = 0; i < 10; i++) await first.save(legalAid('2025-03-07', i));
    const reports = await Promise.all([first.sync(), second.sync(), first.sync(), second.sync()]);
    expect(reports.filter((r) => r.skipped).length).toBeGreaterThan(0);
    await eventually(async () => synced(await first.list()) === 10, { what: '10 synced' });
    expect([...counting.sends.values()]).toEqual(Array(10).fill(1));
    expect(await commands.countEntries({ server, orgCode: '150403005' })).toMatchObject({ total: 10, distinctKeys: 10 });
  });

  it('sends again a record a page left half-sent', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403006', userId: uniqueId('u') });
    const name = uniqueId('outbox-crash');
    const before = await openOutbox(connection, { name });
    const payload = legalAid('2025-03-10', 4);
    const record = await before.save(payload);
    // The page died after marking the record and sending it: the server has it, the page does not know.
    await new SifaClient(connection.config).mutate<DiaryCalls, 'diary.save'>('diary.save', { ...payload, idempotencyKey: record.idempotencyKey });
    const db = await openDB(name);
    await db.put('outbox', { ...record, state: 'syncing', attempts: 1 });
    db.close();
    const after = await openOutbox(connection, { name });
    expect(await after.sync()).toMatchObject({ synced: 1 });
    expect(await after.get(record.idempotencyKey)).toMatchObject({ state: 'synced', attempts: 2 });
    expect(await commands.countEntries({ server, orgCode: '150403006' })).toMatchObject({ total: 1, distinctKeys: 1 });
  });

  it('keeps its IndexedDB housekeeping: records in the order made, old synced ones pruned unless a change refers to them, only rejected ones discarded, the cache', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403103', userId: uniqueId('u') });
    const name = uniqueId('outbox-store');
    const outbox = await openOutbox(connection, { name });
    const made: OutboxRecord[] = [];
    for (let i = 1; i <= 5; i++) made.push(await outbox.save(legalAid(`2025-03-1${i}`, i)));
    const [kept, pruned, recent, rejected, queued] = made as [OutboxRecord, OutboxRecord, OutboxRecord, OutboxRecord, OutboxRecord];
    expect(made.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    const old = Date.now() - 41 * 86_400_000;
    const db = await openDB(name);
    await db.put('outbox', { ...kept, state: 'synced', updatedAt: old });
    await db.put('outbox', { ...pruned, state: 'synced', updatedAt: old });
    await db.put('outbox', { ...recent, state: 'synced' });
    await db.put('outbox', { ...rejected, state: 'rejected', reason: 'no', code: 'VALIDATION' });
    db.close();
    // A change of a synced save is a record of its own, last in line.
    const change = await outbox.update({ key: kept.idempotencyKey }, { applications: 9, forwarded: 0 }, { day: '2025-03-11', itemCode: 'diary.legal-aid' });
    expect(change).toMatchObject({ op: 'update', seq: 6, state: 'queued' });
    await outbox.discard(queued.idempotencyKey);
    await outbox.discard(rejected.idempotencyKey);
    await outbox.cache('month:x', { n: 1 });
    expect(await outbox.cached('month:x')).toEqual({ n: 1 });
    expect(await outbox.cached('month:y')).toBeUndefined();
    await outbox.close();

    // Opening again prunes: the old synced save no change refers to goes, the one the queued change needs stays.
    const again = await openOutbox(connection, { name });
    expect((await again.list()).map((m) => m.idempotencyKey)).toEqual([kept, recent, queued, change].map((m) => m.idempotencyKey));
    expect(await again.get(pruned.idempotencyKey)).toBeUndefined();
    expect(await again.get(queued.idempotencyKey)).toMatchObject({ state: 'queued', seq: 5 });
    expect(await again.cached('month:x')).toEqual({ n: 1 });
  });

  it('when started, syncs on its own: on its backoff timer, when the page is shown, after a new entry', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403103', userId: uniqueId('u') });
    let down = true;
    const flaky: typeof fetch = (input, init) => (down && String(input).includes('/diary.') ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const keyed = (outbox: Outbox, key: string) => async () => (await outbox.get(key))!;

    // The timer: retries back off (200 ms, 400 ms …) and succeed once the network is back.
    const timed = await openOutbox(connection, { fetch: flaky });
    timed.start();
    const first = await timed.save(legalAid('2025-03-12', 1));
    await eventually(async () => (await keyed(timed, first.idempotencyKey)()).attempts >= 2, { what: 'retries on the backoff timer' });
    down = false;
    await eventually(async () => (await keyed(timed, first.idempotencyKey)()).state === 'synced', { what: 'the timer sync' });

    // The page shown again: no waiting for a long backoff.
    down = true;
    const shown = await openOutbox(connection, { fetch: flaky, retryBaseMs: 60_000 });
    shown.start();
    const second = await shown.save(legalAid('2025-03-12', 2));
    await eventually(async () => {
      const r = await keyed(shown, second.idempotencyKey)();
      return r.state === 'queued' && r.attempts === 1;
    }, { what: 'the failed first attempt' });
    down = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await eventually(async () => (await keyed(shown, second.idempotencyKey)()).state === 'synced', { what: 'the sync on page shown' });

    // A new entry is sent at once.
    const third = await shown.save(legalAid('2025-03-12', 3));
    await eventually(async () => (await keyed(shown, third.idempotencyKey)()).state === 'synced', { what: 'the sync after a new entry' });
    expect(await commands.countEntries({ server, orgCode: '150403103' })).toMatchObject({ total: 3, distinctKeys: 3 });
  });

  it('makes v4 UUID keys, also where crypto.randomUUID is missing (plain-http intranets)', () => {
    const randomUUID = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(keys).size).toBe(50);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps entries for later on failures that may pass, rejects on refusals', () => {
    const error = (sifaCode: string, status: number) => new SifaClientError({ message: 'x', data: { sifaCode, httpStatus: status } }, status);
    expect(keepsForRetry(error('NETWORK', 0))).toBe(true);
    expect(keepsForRetry(error('UNAVAILABLE', 503))).toBe(true);
    expect(keepsForRetry(error('INTERNAL', 500))).toBe(true);
    expect(keepsForRetry(error('RETRY_LATER', 409))).toBe(true);
    expect(keepsForRetry(error('UNAUTHENTICATED', 401))).toBe(true);
    expect(keepsForRetry(new TypeError('boom'))).toBe(true);
    for (const code of ['VALIDATION_FAILED', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'OUT_OF_SCOPE']) expect(keepsForRetry(error(code, 400))).toBe(false);
  });
});

describe('outbox against a server that goes away', () => {
  it('200 entries made while the server is down arrive exactly once after reconnecting', async () => {
    const orgCode = '150403100';
    const connection = await connectTestServer({ server, orgCode, userId: uniqueId('u') });
    const outbox = await openOutbox(connection);
    outbox.start();
    await commands.stopServer({ server });

    const keys: string[] = [];
    for (let i = 0; i < 200; i++) keys.push((await outbox.save(legalAid(`2025-02-${String((i % 28) + 1).padStart(2, '0')}`, i))).idempotencyKey);
    expect(new Set(keys).size).toBe(200);
    // Sends were tried (and failed) meanwhile; wait for the one in flight to settle.
    const offline = await eventually(async () => {
      const records = await outbox.list();
      return records.every((r) => r.state === 'queued') && records.some((r) => r.attempts > 0) && records;
    }, { what: 'a failed attempt' });
    expect(offline).toHaveLength(200);

    await commands.startServer({ server });
    dispatchEvent(new Event('online'));
    await eventually(async () => synced(await outbox.list()) === 200, { timeoutMs: 60_000, what: '200 synced' });

    const rows = await commands.countEntries({ server, orgCode });
    expect(rows.total).toBe(200);
    expect(rows.distinctKeys).toBe(200);
    expect(new Set(rows.keys)).toEqual(new Set(keys));
  }, 90_000);

  it('a server stopped in the middle of a sync and started again: 0 lost, 0 duplicated', async () => {
    const orgCode = '150403101';
    const connection = await connectTestServer({ server, orgCode, userId: uniqueId('u') });
    const counting = countingFetch();
    // Batches of 5, so that the stop meets a sync with some batches through and some not.
    const outbox = await openOutbox(connection, { fetch: counting.fetch, batchSize: 5 });
    const keys: string[] = [];
    for (let i = 0; i < 80; i++) keys.push((await outbox.save(legalAid('2025-01-15', i))).idempotencyKey);

    // Stop the server once 20 have gone through, while the sync is still sending.
    let stopping: Promise<void> | null = null;
    outbox.addEventListener('synced', () => {
      if (!stopping && counting.sends.size >= 20) stopping = commands.stopServer({ server });
    });
    outbox.start();
    await eventually(() => stopping !== null, { what: 'the stop' });
    await stopping;
    // The send that met the stopped server is back in the queue (nothing is left "syncing"), and
    // the sync has stopped for its back-off: a record sent once and queued again. (Seeing no
    // "syncing" alone is not enough: between two records the sync has none marked for an instant.)
    const during = await eventually(
      async () => {
        const records = await outbox.list();
        return records.every((r) => r.state !== 'syncing') && records.some((r) => r.state === 'queued' && r.attempts > 0) ? records : null;
      },
      { what: 'the failed send to settle' },
    );
    const sentBefore = synced(during);
    expect(sentBefore).toBeGreaterThanOrEqual(20);
    expect(sentBefore).toBeLessThan(80);
    expect(during.filter((r) => r.state === 'queued').length).toBe(80 - sentBefore);

    await commands.startServer({ server });
    dispatchEvent(new Event('online'));
    await eventually(async () => synced(await outbox.list()) === 80, { timeoutMs: 30_000, what: '80 synced' });
    const rows = await commands.countEntries({ server, orgCode });
    expect(rows).toMatchObject({ total: 80, distinctKeys: 80 });
    expect(new Set(rows.keys)).toEqual(new Set(keys));
    // Every key the server has is one this page made, and some were sent more than once.
    expect([...counting.sends.values()].some((n) => n > 1)).toBe(true);
  }, 60_000);

  it('refreshes an expired embed token through the getToken callback', async () => {
    const connection = await connectTestServer({ server, orgCode: '150403102', userId: uniqueId('u') });
    const outbox = await openOutbox(connection);
    await outbox.save(legalAid('2025-03-11', 1));
    expect(await outbox.sync()).toMatchObject({ synced: 1 });
    expect(connection.tokenCalls).toBe(1);

    // The server's clock moves past the token's 10 minutes; the page still believes it valid.
    await commands.setServerClock({ server, offsetMs: 11 * 60_000 });
    await outbox.save(legalAid('2025-03-11', 2));
    expect(await outbox.sync()).toMatchObject({ synced: 1, rejected: 0 });
    expect(connection.tokenCalls).toBe(2);
    expect(await commands.countEntries({ server, orgCode: '150403102' })).toMatchObject({ total: 2 });
  });
});

