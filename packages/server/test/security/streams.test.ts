/**
 * Event streams against their credentials and their number (issue 20, F2 and F7), over real HTTP
 * (server-sent events read from the socket) on both engines: an open `platform.notifications.feed`
 * or `statistics.watch` ends with a typed `serialized-error` event, and delivers nothing after it,
 * when its session signs out or its embed token's key is revoked (at once, through the change
 * feed: well before the periodic re-check), when its token expires (by the next periodic
 * re-check, short here) and when its session has been idle past its window (a re-check is not
 * activity: a live view left open must not keep an idle session alive); a user and a key may hold
 * only so many open streams (429 naming the limit, before the stream starts; allowed again once
 * one closes); `/metrics` counts them; and a subscription refused before its first event (out of
 * scope) answers with its status, not 200.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRouter, definePlugin, defineServerPlugin, scopedProcedure } from '@sifa/core';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { diaryEntryPoints } from '@sifa/plugin-diary';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';

const pinger = defineServerPlugin(
  definePlugin({
    id: 'pinger',
    version: '1.0.0',
    core: '^0.1.0',
    title: { zh: '通知测试', en: 'Notification test' },
    permissions: [{ name: 'pinger.send', title: { zh: '发送', en: 'Send' }, roles: ['city_admin', 'county_admin', 'office_staff'] }],
  }),
  {
    router: createRouter({
      send: scopedProcedure('pinger.send')
        .input(z.object({ to: z.string(), title: z.string() }))
        .mutation(({ ctx, input }) =>
          ctx.notifications.send({
            to: { orgCode: input.to },
            kind: 'pinger.ping',
            severity: 'info',
            title: { zh: input.title, en: input.title },
            body: { zh: input.title, en: input.title },
          }),
        ),
    }),
  },
);

const plugins = [createDiaryPlugin(), createStatisticsPlugin(), pinger] as const;
type Router = AppRouterOf<typeof plugins>;

/** The periodic re-check of the main server: the longest allowed, so an end sooner than it came through the change feed. */
const recheckMs = 30_000;
const maxPerUser = 3;
const maxPerKey = 4;

interface SseEvent {
  event: string;
  data: string;
  at: number;
}

interface OpenedStream {
  status: number;
  /** The JSON answer of a refused stream. */
  refusal: { error: { message: string; data: { sifaCode: string; httpStatus: number; details: Record<string, unknown> } } } | null;
  events: SseEvent[];
  /** When the response headers arrived. */
  openedAt: number;
  /** Resolves when the server ended the stream (or it was closed here). */
  ended: Promise<void>;
  endedAt: number | null;
  /** The first event (from now on or already received) that matches, within `timeoutMs`. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Opens `/trpc/<path>` as a browser's EventSource would, and reads its events as they come. */
async function openStream(base: string, path: string, input: unknown, token: string | null): Promise<OpenedStream> {
  const abort = new AbortController();
  const res = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { accept: 'text/event-stream', 'x-sifa-locale': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: abort.signal,
  });
  const openedAt = Date.now();
  const events: SseEvent[] = [];
  const listeners = new Set<() => void>();
  const stream: OpenedStream = {
    status: res.status,
    refusal: null,
    events,
    openedAt,
    ended: Promise.resolve(),
    endedAt: null,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
  if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    stream.refusal = (await res.json()) as OpenedStream['refusal'];
    stream.endedAt = Date.now();
    return stream;
  }
  stream.ended = (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length === 0 && event === 'message') continue;
          events.push({ event, data: data.join('\n'), at: Date.now() });
          for (const listener of [...listeners]) listener();
        }
      }
    } catch {
      // Closed here.
    } finally {
      stream.endedAt = Date.now();
    }
  })();
  return stream;
}

const titled = (title: string) => (e: SseEvent) => e.event === 'message' && e.data.includes(`"${title}"`);
const isError = (e: SseEvent) => e.event === 'serialized-error';
const sifaCodeOf = (e: SseEvent) => (JSON.parse(e.data) as { data: { sifaCode: string } }).data.sifaCode;

const clock = new Date('2026-07-02T02:00:00.000Z');
/** The clock of `quick`, moved past a session's expiry. */
let quickClock = clock;
let t: TestServer<Router>;
/** A second server whose streams re-check every second, for expiry (its clock moves). */
let quick: TestServer<AppRouterOf<[]>>;

async function signIn(server: TestServer<Router> | TestServer<AppRouterOf<[]>>, user: keyof typeof testUsers): Promise<string> {
  const anon = server.clientWithToken(null) as unknown as { platform: { auth: { login: { mutate(i: unknown): Promise<{ token: string }> } } } };
  return (await anon.platform.auth.login.mutate({ username: testUsers[user].username, password: testPassword })).token;
}

async function metrics(base: string): Promise<string> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

const feedLine = (n: number) => `sifa_streams_open_by_procedure{procedure="platform.notifications.feed"} ${n}`;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock, streams: { recheckMs, maxPerUser, maxPerKey } });
  quick = await startTestServer({ now: () => quickClock, streams: { recheckMs: 1_000 } });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await quick?.close();
});

describe('an open stream follows its credential', () => {
  it('a feed ends with a typed error at once when its session signs out, and delivers nothing after', async () => {
    const token = await signIn(t, 'xitun');
    const county = await t.client('hongshan');
    const feed = await openStream(t.url, 'platform.notifications.feed', {}, token);
    try {
      expect(feed.status).toBe(200);
      await feed.waitFor((e) => e.event === 'connected');
      // The feed works: a notification sent now arrives.
      await county.pinger.send.mutate({ to: '150402001', title: 'before-sign-out' });
      await feed.waitFor(titled('before-sign-out'));
      await t.clientWithToken(token).platform.auth.logout.mutate();
      const error = await feed.waitFor(isError, 25_000);
      expect(sifaCodeOf(error)).toBe('UNAUTHENTICATED');
      // Through the change feed: before the first periodic re-check could have run.
      expect(error.at - feed.openedAt).toBeLessThan(recheckMs - 5_000);
      await feed.ended;
      await county.pinger.send.mutate({ to: '150402001', title: 'after-sign-out' });
      // The stream is over: nothing can arrive any more, and nothing did after the error.
      expect(feed.events.filter(titled('after-sign-out'))).toEqual([]);
      expect(feed.events.at(-1)!.event).toBe('serialized-error');
    } finally {
      feed.close();
    }
  }, 60_000);

  it('statistics.watch ends the same way when its session signs out', async () => {
    const token = await signIn(t, 'hongshan');
    const watch = await openStream(t.url, 'statistics.watch', { entry: diaryEntryPoints[0]!.id, period: '2026-Q2' }, token);
    try {
      expect(watch.status).toBe(200);
      await watch.waitFor((e) => e.event === 'message');
      await t.clientWithToken(token).platform.auth.logout.mutate();
      const error = await watch.waitFor(isError, 25_000);
      expect(sifaCodeOf(error)).toBe('UNAUTHENTICATED');
      expect(error.at - watch.openedAt).toBeLessThan(recheckMs - 5_000);
      await watch.ended;
    } finally {
      watch.close();
    }
  }, 60_000);

  it('a feed on an embed token ends at once when the token\'s key is revoked', async () => {
    const hongshan = await t.client('hongshan', { batch: false });
    const secret = await hongshan.platform.keys.create.mutate({ kind: 'secret', label: 'revoked portal', allowedOrigins: ['https://portal.example.gov.cn'] });
    const { token } = await t.clientWithToken(secret.key).platform.embed.mint.mutate({ user: { id: 'portal-user-1', displayName: '王芳' }, role: 'office_staff', orgCode: '150402001' });
    const county = await t.client('hongshan');
    const feed = await openStream(t.url, 'platform.notifications.feed', {}, token);
    try {
      expect(feed.status).toBe(200);
      await county.pinger.send.mutate({ to: '150402001', title: 'before-revocation' });
      await feed.waitFor(titled('before-revocation'));
      await hongshan.platform.keys.revoke.mutate({ id: secret.id });
      const error = await feed.waitFor(isError, 25_000);
      expect(sifaCodeOf(error)).toBe('UNAUTHENTICATED');
      expect(error.at - feed.openedAt).toBeLessThan(recheckMs - 5_000);
      await feed.ended;
      await county.pinger.send.mutate({ to: '150402001', title: 'after-revocation' });
      expect(feed.events.filter(titled('after-revocation'))).toEqual([]);
    } finally {
      feed.close();
    }
  }, 60_000);

  it('a feed ends with TOKEN_EXPIRED by the next periodic re-check once its session expires', async () => {
    const token = await signIn(quick, 'xitun');
    const feed = await openStream(quick.url, 'platform.notifications.feed', {}, token);
    try {
      expect(feed.status).toBe(200);
      await feed.waitFor((e) => e.event === 'connected');
      // Still valid: a few re-checks pass and the stream stays open.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(feed.events.filter(isError)).toEqual([]);
      // The server's clock passes the session's idle expiry (30 min).
      quickClock = new Date(quickClock.getTime() + 31 * 60_000);
      const error = await feed.waitFor(isError, 25_000);
      expect(sifaCodeOf(error)).toBe('TOKEN_EXPIRED');
      await feed.ended;
    } finally {
      feed.close();
    }
  }, 60_000);
});

describe('an open stream is not activity', () => {
  it('a feed left open ends with TOKEN_EXPIRED once its session is idle past its window, while a session used by requests stays alive', async () => {
    const idle = await signIn(quick, 'xitun');
    const used = await signIn(quick, 'xitun');
    const me = (token: string) => (quick.clientWithToken(token, { batch: false }) as unknown as { platform: { auth: { me: { query(): Promise<{ username: string }> } } } }).platform.auth.me.query();
    const idleFeed = await openStream(quick.url, 'platform.notifications.feed', {}, idle);
    const usedFeed = await openStream(quick.url, 'platform.notifications.feed', {}, used);
    try {
      expect([idleFeed.status, usedFeed.status]).toEqual([200, 200]);
      await idleFeed.waitFor((e) => e.event === 'connected');
      await usedFeed.waitFor((e) => e.event === 'connected');
      // 10 minutes at a time (each well past the once-a-minute slide), 4 times: 40 minutes in
      // all, past the 30 idle ones. Between steps the streams re-check (every second here) and
      // the used session serves a request, which is activity.
      for (let step = 1; step <= 4; step++) {
        quickClock = new Date(quickClock.getTime() + 10 * 60_000);
        await new Promise((r) => setTimeout(r, 2_500));
        expect((await me(used)).username).toBe('t.xitun');
        if (step < 3) expect(idleFeed.events.filter(isError), `after ${step * 10} min`).toEqual([]);
      }
      const error = await idleFeed.waitFor(isError, 25_000);
      expect(['TOKEN_EXPIRED', 'UNAUTHENTICATED']).toContain(sifaCodeOf(error));
      await idleFeed.ended;
      // The session is gone for requests too, while the used one (and its stream) go on.
      await expect(me(idle)).rejects.toMatchObject({ data: { sifaCode: expect.stringMatching(/^(TOKEN_EXPIRED|UNAUTHENTICATED)$/) } });
      await new Promise((r) => setTimeout(r, 2_500));
      expect(usedFeed.events.filter(isError)).toEqual([]);
    } finally {
      idleFeed.close();
      usedFeed.close();
    }
  }, 90_000);
});

describe('open streams are capped and counted', () => {
  it('refuses a user\'s stream past the cap with 429 naming the limit, and allows it again once one closes; /metrics counts them', async () => {
    const token = await signIn(t, 'sanzhongjie');
    const open: OpenedStream[] = [];
    try {
      for (let i = 0; i < maxPerUser; i++) open.push(await openStream(t.url, 'platform.notifications.feed', {}, token));
      expect(open.map((s) => s.status)).toEqual(Array(maxPerUser).fill(200));
      await vi.waitFor(async () => expect(await metrics(t.url)).toContain(feedLine(maxPerUser)), { timeout: 15_000, interval: 200 });
      expect(await metrics(t.url)).toMatch(/^sifa_streams_open \d+$/m);

      // A second session of the same user counts too.
      const refused = await openStream(t.url, 'platform.notifications.feed', {}, await signIn(t, 'sanzhongjie'));
      expect(refused.status).toBe(429);
      expect(refused.refusal!.error.data).toMatchObject({ sifaCode: 'RATE_LIMITED', httpStatus: 429, details: { limit: maxPerUser, per: 'user' } });
      expect(refused.refusal!.error.message).toContain(String(maxPerUser));
      expect(await metrics(t.url)).toMatch(/^sifa_streams_refused_total [1-9]\d*$/m);

      open.shift()!.close();
      await vi.waitFor(async () => expect(await metrics(t.url)).toContain(feedLine(maxPerUser - 1)), { timeout: 15_000, interval: 200 });
      const again = await openStream(t.url, 'platform.notifications.feed', {}, token);
      open.push(again);
      expect(again.status).toBe(200);
    } finally {
      for (const s of open) s.close();
    }
    await vi.waitFor(async () => expect(await metrics(t.url)).not.toContain('procedure="platform.notifications.feed"'), { timeout: 15_000, interval: 200 });
  }, 60_000);

  it('refuses streams past the per-key cap, whichever of the key\'s users asks', async () => {
    const hongshan = await t.client('hongshan', { batch: false });
    const secret = await hongshan.platform.keys.create.mutate({ kind: 'secret', label: 'capped portal', allowedOrigins: ['https://portal.example.gov.cn'] });
    const mint = async (id: string) =>
      (await t.clientWithToken(secret.key).platform.embed.mint.mutate({ user: { id, displayName: id }, role: 'office_staff', orgCode: '150402001' })).token;
    const [a, b, c] = [await mint('key-user-a'), await mint('key-user-b'), await mint('key-user-c')];
    const open: OpenedStream[] = [];
    try {
      for (const token of [a, a, b, b]) open.push(await openStream(t.url, 'platform.notifications.feed', {}, token));
      expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200]);
      const refused = await openStream(t.url, 'platform.notifications.feed', {}, c);
      expect(refused.status).toBe(429);
      expect(refused.refusal!.error.data).toMatchObject({ sifaCode: 'RATE_LIMITED', details: { limit: maxPerKey, per: 'key' } });
    } finally {
      for (const s of open) s.close();
    }
  }, 60_000);
});

describe('refusals known before the first event', () => {
  it('an out-of-scope statistics.watch answers 403 OUT_OF_SCOPE instead of 200 and an error event', async () => {
    const watch = await openStream(t.url, 'statistics.watch', { entry: diaryEntryPoints[0]!.id, orgCode: '150404', period: '2026-Q2' }, await t.tokenOf('hongshan'));
    watch.close();
    expect(watch.status).toBe(403);
    expect(watch.refusal!.error.data.sifaCode).toBe('OUT_OF_SCOPE');
  }, 60_000);

  it('a feed with nothing to send yet still opens at once (200, connected)', async () => {
    const feed = await openStream(t.url, 'platform.notifications.feed', {}, await t.tokenOf('songshan'));
    try {
      expect(feed.status).toBe(200);
      await feed.waitFor((e) => e.event === 'connected');
    } finally {
      feed.close();
    }
  }, 60_000);
});
