/**
 * Record-change webhooks for integrators, end to end on a real server and a real local HTTP
 * receiver: a county's subscription to the diary gets its offices' saves (enqueued by the audit
 * append in the save's own transaction), signed, exactly once, and nothing of another county's;
 * failures are retried on the server's clock; replay sends again; another county's administrator
 * cannot see or touch the subscription; http URLs are refused unless the server allows them.
 */
import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import type { AppRouterOf } from '@sifa/server';
import { sifaErrorOf, startHttpReceiver, startTestServer, testNow, testToday, type HttpReceiver, type TestServer } from '@sifa/server/testing';

const diary = createDiaryPlugin();

const saveInput = () => ({
  idempotencyKey: randomUUID(),
  day: testToday(),
  itemCode: 'diary.correction-supervision',
  fields: { homeVisits: 2, talks: 1, reports: 3 },
});

describe('record-change webhooks', () => {
  let t: TestServer<AppRouterOf<[typeof diary]>>;
  let hook: HttpReceiver;
  let hookUrl: string;
  let received: HttpReceiver['received'];
  /** Statuses the receiver answers next (then 200). */
  const answers: number[] = [];
  /** The server's clock runs this far ahead of the test clock. */
  let ahead = 0;
  let subscription: { id: string; secret: string };

  beforeAll(async () => {
    hook = await startHttpReceiver(() => answers.shift() ?? 200);
    ({ url: hookUrl, received } = hook);
    t = await startTestServer({
      plugins: [diary],
      now: () => new Date(testNow().getTime() + ahead),
      // Only the test dispatches (a poll an hour apart never comes).
      webhooks: { allowHttp: true, pollIntervalMs: 3_600_000 },
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await hook?.close();
  });

  const events = (from = 0) => received.slice(from).map((r) => JSON.parse(r.body) as { type: string; event: Record<string, unknown> });

  it('creates a subscription whose secret is shown once, never listed', async () => {
    const county = await t.client('hongshan');
    const created = await county.platform.webhooks.create.mutate({ plugin: 'diary', url: hookUrl });
    expect(created).toMatchObject({ plugin: 'diary', url: hookUrl, orgCode: '150402' });
    // 32 random bytes, base64url.
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    subscription = created;
    const listed = await county.platform.webhooks.list.query();
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, plugin: 'diary', orgCode: '150402', url: hookUrl, disabledAt: null, pending: 0, delivered: 0, failed: 0, lastError: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(Object.keys(listed[0]!)).not.toContain('secret');
  });

  it("sends an office's save in the subtree exactly once, signed, with ids only; nothing of another county", async () => {
    const xitun = await t.client('xitun');
    const zhenxing = await t.client('zhenxing');
    const saved = await xitun.diary.save.mutate(saveInput());
    await zhenxing.diary.save.mutate(saveInput());
    const report = await t.server.webhooks.dispatch();
    expect(report).toEqual({ delivered: 1, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    const [got] = received;
    const timestamp = String(got!.headers['x-sifa-timestamp']);
    const expected = `sha256=${createHmac('sha256', subscription.secret).update(`${timestamp}.${got!.body}`).digest('hex')}`;
    expect(got!.headers['x-sifa-signature']).toBe(expected);
    expect(got!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got!.body) as { type: string; event: Record<string, unknown> };
    expect(body.type).toBe('sifa.record-change');
    expect(Object.keys(body.event).sort()).toEqual(['at', 'auditSeq', 'entity', 'entityId', 'id', 'orgCode', 'plugin', 'type']);
    expect(body.event).toMatchObject({ type: 'diary.entry.create', plugin: 'diary', orgCode: '150402001', entity: 'diary_entries', entityId: (saved as { id: string }).id });
    expect(got!.headers['x-sifa-event-id']).toBe(String(body.event.id));
    expect(typeof body.event.auditSeq).toBe('number');
    expect(new Date(body.event.at as string).toISOString()).toBe(body.event.at);
    // No personal data and none of the entry's figures.
    expect(got!.body).not.toMatch(/homeVisits|t\.xitun/);

    // The guide's Python check (docs/integrators.md) accepts it as written, and refuses a changed body.
    const guide = readFileSync(new URL('../../../docs/integrators.md', import.meta.url), 'utf8');
    const block = /## Webhooks[\s\S]*?```python\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toContain('def verify');
    const check = `${block}\nimport json, sys\nd = json.load(sys.stdin)\nprint(verify(d["secret"], d["headers"], d["body"].encode()))\n`;
    const python = async (body: string) => {
      const child = promisify(execFile)('python3', ['-c', check]);
      child.child.stdin!.end(JSON.stringify({ secret: subscription.secret, headers: got!.headers, body }));
      return (await child).stdout.trim();
    };
    expect(await python(got!.body)).toBe('True');
    expect(await python(got!.body.replace('diary_entries', 'diary_entriez'))).toBe('False');

    // Delivered is delivered: nothing goes out twice.
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    const county = await t.client('hongshan');
    const [row] = await county.platform.webhooks.list.query();
    expect(row).toMatchObject({ pending: 0, delivered: 1, failed: 0 });
  });

  it('retries a failing receiver on the server clock: delivered on the third attempt', async () => {
    const county = await t.client('hongshan');
    const xitun = await t.client('xitun');
    answers.push(500, 503);
    const from = received.length;
    await xitun.diary.save.mutate(saveInput());
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 1 });
    let [latest] = await county.platform.webhooks.deliveries.query({ id: subscription.id, limit: 1 });
    expect(latest).toMatchObject({ status: 'pending', attempts: 1, lastError: 'webhook answered HTTP 500' });
    // Not due before the back-off (30 s) has passed on the server's clock.
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    ahead += 30_000;
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 1 });
    expect((await county.platform.webhooks.list.query())[0]).toMatchObject({ pending: 1, lastError: 'webhook answered HTTP 503' });
    ahead += 30_000;
    // The second back-off is 60 s.
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    ahead += 30_000;
    expect(await t.server.webhooks.dispatch()).toEqual({ delivered: 1, failed: 0, retrying: 0 });
    [latest] = await county.platform.webhooks.deliveries.query({ id: subscription.id, limit: 1 });
    expect(latest).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(latest!.deliveredAt).not.toBeNull();
    // Three POSTs of the same event.
    const ids = received.slice(from).map((r) => r.headers['x-sifa-event-id']);
    expect(ids).toEqual([String(latest!.id), String(latest!.id), String(latest!.id)]);
  });

  it('replays from an event id: those events are sent again', async () => {
    const county = await t.client('hongshan');
    const all = await county.platform.webhooks.deliveries.query({ id: subscription.id });
    expect(all).toHaveLength(2);
    const first = all[all.length - 1]!.id;
    const from = received.length;
    expect(await county.platform.webhooks.replay.mutate({ id: subscription.id, fromEventId: first })).toEqual({ id: subscription.id, requeued: 2 });
    // The replay asks for a dispatch itself; the test's own one takes whatever is left.
    await t.server.webhooks.dispatch();
    await vi.waitFor(() => expect(received.length - from).toBe(2));
    expect(events(from).map((e) => e.event.id).sort()).toEqual(all.map((d) => d.id).sort());
    expect((await county.platform.webhooks.list.query())[0]).toMatchObject({ pending: 0, delivered: 2, failed: 0 });
  });

  it("another county's administrator cannot see, read, replay or disable the subscription; offices cannot manage", async () => {
    const songshan = await t.client('songshan');
    expect(await songshan.platform.webhooks.list.query()).toEqual([]);
    // One call at a time: a refusal must have its handler before it arrives.
    for (const call of [
      () => songshan.platform.webhooks.deliveries.query({ id: subscription.id }),
      () => songshan.platform.webhooks.replay.mutate({ id: subscription.id, fromEventId: 0 }),
      () => songshan.platform.webhooks.disable.mutate({ id: subscription.id }),
    ]) {
      expect((await sifaErrorOf(call())).data.sifaCode).toBe('NOT_FOUND');
    }
    // Same answer as an id that does not exist.
    expect((await sifaErrorOf(songshan.platform.webhooks.disable.mutate({ id: randomUUID() }))).data.sifaCode).toBe('NOT_FOUND');
    const xitun = await t.client('xitun');
    expect((await sifaErrorOf(xitun.platform.webhooks.list.query())).data.sifaCode).toBe('FORBIDDEN');
    // An embed token of the county's own administrator role: not for managing webhooks.
    const county0 = await t.client('hongshan', { batch: false });
    const secretKey = (await county0.platform.keys.create.mutate({ kind: 'secret', allowedOrigins: [] })).key;
    const { token } = await t.clientWithToken(secretKey, { batch: false }).platform.embed.mint.mutate({ user: { id: 'host-admin-1', displayName: '管理员' }, role: 'county_admin', orgCode: '150402' });
    const embedded = await sifaErrorOf(t.clientWithToken(token).platform.webhooks.list.query());
    expect(embedded.data.sifaCode).toBe('FORBIDDEN');
    expect(embedded.message).toMatch(/not from an embedded widget/);
    // The city above sees it.
    const city = await t.client('city');
    expect((await city.platform.webhooks.list.query()).map((s) => s.id)).toContain(subscription.id);
    // Still enabled.
    const county = await t.client('hongshan');
    expect((await county.platform.webhooks.list.query())[0]!.disabledAt).toBeNull();
  });

  it('refuses unknown plugins, the platform itself and URLs with credentials', async () => {
    const county = await t.client('hongshan');
    const unknown = await sifaErrorOf(county.platform.webhooks.create.mutate({ plugin: 'nope', url: hookUrl }));
    expect(unknown.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(unknown.data.issues.map((i) => i.path)).toEqual(['plugin']);
    expect((await sifaErrorOf(county.platform.webhooks.create.mutate({ plugin: 'platform', url: hookUrl }))).data.issues.map((i) => i.path)).toEqual(['plugin']);
    const credentials = await sifaErrorOf(county.platform.webhooks.create.mutate({ plugin: 'diary', url: 'https://user:pw@example.com/hook' }));
    expect(credentials.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(credentials.data.issues.map((i) => i.path)).toEqual(['url']);
    // Another county's office cannot be named.
    expect((await sifaErrorOf(county.platform.webhooks.create.mutate({ plugin: 'diary', url: hookUrl, orgCode: '150404001' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
  });

  it('a disabled subscription gets nothing more', async () => {
    const county = await t.client('hongshan');
    await county.platform.webhooks.disable.mutate({ id: subscription.id });
    const from = received.length;
    await (await t.client('xitun')).diary.save.mutate(saveInput());
    await t.server.webhooks.dispatch();
    expect(received.length).toBe(from);
    expect((await county.platform.webhooks.list.query())[0]!.disabledAt).not.toBeNull();
  });
});

describe('record-change webhooks without allowHttp', () => {
  it('refuses an http URL (https only by default)', async () => {
    const t = await startTestServer({ plugins: [diary] });
    try {
      const county = await t.client('hongshan');
      const refused = await sifaErrorOf((await t.client('hongshan', { locale: 'zh-CN' })).platform.webhooks.create.mutate({ plugin: 'diary', url: 'http://127.0.0.1:9/hook' }));
      expect(refused.data.sifaCode).toBe('VALIDATION_FAILED');
      // In the caller's language.
      expect(refused.data.issues).toEqual([{ path: 'url', message: '须以 https:// 开头' }]);
      expect(refused.message).toBe('Webhook 地址不可用：须以 https:// 开头。');
      const inEnglish = await sifaErrorOf((await t.client('hongshan', { locale: 'en' })).platform.webhooks.create.mutate({ plugin: 'diary', url: 'http://127.0.0.1:9/hook' }));
      expect(inEnglish.data.issues).toEqual([{ path: 'url', message: 'must be https' }]);
      expect(inEnglish.message).toBe('The webhook URL must be https.');
      const ok = await county.platform.webhooks.create.mutate({ plugin: 'diary', url: 'https://integrator.example.com/hook' });
      expect(ok.url).toBe('https://integrator.example.com/hook');
    } finally {
      await t.close();
    }
  }, 120_000);
});
