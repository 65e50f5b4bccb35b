/**
 * The server rides through a database outage (PostgreSQL only). It reaches its database through a
 * TCP proxy the test controls; mid-burst of diary saves the proxy cuts every connection (a
 * database restart), and in a second case also refuses new ones for 5 s (a database that is
 * down). Meanwhile requests get DATABASE_UNAVAILABLE (503, Retry-After) quickly and /healthz says
 * degraded; afterwards no acknowledged save is missing, every entry has exactly its facts, the
 * process never saw an uncaught exception, the change feed LISTENs again, and saves succeed
 * again within 10 s of the database returning; an open subscription (the notification feed, read
 * as the widgets' client reads it: reconnecting with Last-Event-ID) resumes with nothing missed
 * and nothing twice. Clients retry a refused save with the same idempotency key, as the diary
 * widget does. A job slot and notification deliveries the outage cuts short finish soon after it,
 * under the same claim, nothing run or sent twice.
 * Regression test for the crash `Cannot read properties of null (reading 'write')` at
 * postgres.js connection.js nextWrite (patches/postgres@3.4.9.patch).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { databaseConnectionFailure, definePlugin, defineServerPlugin, type NotificationChannel } from '@sifa/core';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { engine, rawFetch, sifaErrorOf, startTestServer, wholeRegionReader, type TestClient, type TestServer } from '@sifa/server/testing';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/** A gate a test holds shut while it cuts the database, then opens. */
function gate() {
  let open: (() => void) | null = null;
  let shut: Promise<void> = Promise.resolve();
  let waiting = 0;
  return {
    get waiting() {
      return waiting;
    },
    hold() {
      shut = new Promise((r) => (open = r));
    },
    release: () => open?.(),
    async pass() {
      waiting++;
      try {
        await shut;
      } finally {
        waiting--;
      }
    },
  };
}

/** A job that waits at the gate, then reads the database (the outage cuts it between the two). */
const jobGate = gate();
const jobRuns: string[] = [];
const outageJobs = defineServerPlugin(definePlugin({ id: 'outage', version: '0.1.0', core: '^0.1.0', title: { zh: '停机测试', en: 'Outage test' } }), {
  jobs: [
    {
      name: 'count',
      title: { zh: '计数', en: 'Count' },
      schedule: '0 3 * * *',
      async run(ctx) {
        jobRuns.push(ctx.now.toISOString());
        await jobGate.pass();
        const orgs = await ctx.runScoped(ctx.rootOrgCode, async (scoped) => rowsOf<{ n: number }>(await scoped.db.execute(sql`SELECT count(*)::int AS n FROM orgs`))[0]!.n);
        return { summary: `${orgs} orgs`, counts: { orgs } };
      },
    },
  ],
});

/** A notification channel that waits at the gate for kind `platform.gated` and records what it delivered. */
const channelGate = gate();
const deliveredByChannel: string[] = [];
const gatedChannel: NotificationChannel = {
  id: 'gated',
  accepts: (n) => n.kind === 'platform.gated',
  async deliver(n) {
    await channelGate.pass();
    deliveredByChannel.push(n.id);
  },
};

const plugins = [createDiaryPlugin(), outageJobs] as const;
type Router = AppRouterOf<typeof plugins>;

// The server's clock starts at 2026-03-10 12:00 in Asia/Shanghai (the saved days lie inside the
// edit window) and runs on from there (never today's date): notifications are ordered by their
// time, as in production.
const clock = new Date('2026-03-10T04:00:00Z');
const startedAt = performance.now();
const now = () => new Date(clock.getTime() + Math.round(performance.now() - startedAt));
const days = ['2026-03-06', '2026-03-09', '2026-03-10'];

interface Acknowledged {
  id: string;
  cases: number;
}

/** Diary writers saving entries back to back until stopped; a refused save is retried with its key. */
function startWriters(clients: TestClient<Router>[], perWriter: number) {
  const acknowledged: Acknowledged[] = [];
  const refusals: { code: string; httpStatus: number; ms: number }[] = [];
  const ackTimes: number[] = [];
  let stopped = false;
  let n = 0;
  const writer = async (client: TestClient<Router>) => {
    for (let i = 0; i < perWriter && !stopped; i++) {
      const cases = (n++ % 7) + 1;
      const input = {
        idempotencyKey: randomUUID(),
        day: days[i % days.length]!,
        itemCode: 'diary.mediation',
        fields: { disputeType: 'neighbourhood', caseSource: 'application', cases, agreements: cases, parties: cases * 2, summary: '邻里纠纷' },
      };
      for (;;) {
        const started = performance.now();
        try {
          const entry = await client.diary.save.mutate(input);
          acknowledged.push({ id: entry.id, cases });
          ackTimes.push(performance.now());
          break;
        } catch (error) {
          const { data } = await sifaErrorOf(Promise.reject(error));
          refusals.push({ code: data.sifaCode, httpStatus: data.httpStatus, ms: performance.now() - started });
          if (data.sifaCode !== 'DATABASE_UNAVAILABLE') throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
  };
  const done = Promise.all(clients.map(writer));
  return {
    acknowledged,
    refusals,
    ackTimes,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
    /** Resolves once `count` more saves have been acknowledged. */
    async acknowledgedMore(count: number) {
      const target = acknowledged.length + count;
      await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(target), { timeout: 15_000, interval: 10 });
    },
  };
}


/**
 * A subscription followed as the widgets' client follows it (components `client/events.ts`): the
 * server-sent events of `path`, reconnecting 200 ms after the stream drops or answers with an error,
 * resuming after the last event id seen (Last-Event-ID).
 */
function followFeed(url: string, token: string, path: string) {
  const received: string[] = [];
  let lastEventId: string | null = null;
  let reconnects = 0;
  const abort = new AbortController();
  const run = (async () => {
    while (!abort.signal.aborted) {
      try {
        const res = await fetch(`${url}/trpc/${path}?input=${encodeURIComponent('{}')}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
          signal: abort.signal,
        });
        if (res.ok && res.body) {
          const decoder = new TextDecoder();
          let buffer = '';
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            buffer += decoder.decode(chunk, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
              const event = field('event');
              if (event === 'serialized-error') throw new Error(field('data') ?? 'stream error');
              const id = field('id');
              const data = field('data');
              if (!event && id && data) {
                lastEventId = id;
                received.push((JSON.parse(data) as { id: string }).id);
              }
            }
          }
        }
      } catch {
        // Dropped or refused for the outage: reconnect below.
      }
      if (abort.signal.aborted) break;
      reconnects++;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    received,
    get reconnects() {
      return reconnects;
    },
    async stop() {
      abort.abort();
      await run;
    },
  };
}

// Each case waits out an outage of seconds and then generous recovery bounds: beside a loaded CI
// run that adds up past the suite's 30 s default, so the cases get 90 s.
describe.runIf(engine === 'postgres')('a database outage', { timeout: 90_000 }, () => {
  let proxy: TcpProxy;
  let t: TestServer<Router>;
  let writers: TestClient<Router>[];
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => void uncaught.push(error);

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    t = await startTestServer({ plugins, now, notificationChannels: [gatedChannel], databaseUrlFor: (url) => proxy.urlFor(url) });
    writers = [await t.client('xitun', { batch: false }), await t.client('sanzhongjie', { batch: false }), await t.client('zhenxing', { batch: false })];
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await t?.close();
    await proxy?.close();
  });
  beforeEach(() => void (uncaught.length = 0));
  afterEach(async () => {
    await proxy.accept();
  });

  /** Every acknowledged save is stored, and every stored entry has exactly its facts (and the rollups agree). */
  async function expectNothingLost(acknowledged: Acknowledged[]) {
    const db = t.db.handle.db;
    const stored = rowsOf<{ id: string; cases: number; case_facts: number; entry_facts: number }>(
      await db.execute(sql`SELECT e.id, (e.fields->>'cases')::int AS cases,
          (SELECT coalesce(sum(f.value), 0) FROM facts f WHERE f.source_kind = 'diary.entry' AND f.source_id = e.id::text AND f.metric = 'diary.mediation-cases')::int AS case_facts,
          (SELECT count(*) FROM facts f WHERE f.source_kind = 'diary.entry' AND f.source_id = e.id::text AND f.metric = 'diary.entries')::int AS entry_facts
        FROM diary_entries e`),
    );
    const byId = new Map(stored.map((r) => [r.id, r]));
    const missing = acknowledged.filter((a) => byId.get(a.id)?.cases !== a.cases);
    expect(missing).toEqual([]);
    expect(stored.filter((r) => r.case_facts !== r.cases || r.entry_facts !== 1)).toEqual([]);
    const [orphans] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM facts f WHERE f.source_kind = 'diary.entry' AND NOT EXISTS (SELECT 1 FROM diary_entries e WHERE e.id::text = f.source_id)`),
    );
    expect(orphans!.n).toBe(0);
    // The rollups (written by triggers in the same transactions) agree with the facts: the region's node.
    const [totals] = rowsOf<{ facts: number; rollup: number }>(
      await db.execute(sql`SELECT
          (SELECT coalesce(sum(value), 0) FROM facts WHERE metric = 'diary.entries')::int AS facts,
          (SELECT coalesce(sum(total), 0) FROM fact_rollups_day WHERE metric = 'diary.entries' AND node_path = '/15/')::int AS rollup`),
    );
    expect(totals).toEqual({ facts: stored.length, rollup: stored.length });
  }

  it('every connection cut mid-burst: saves go on, none acknowledged is lost, no uncaught exception', async () => {
    const burst = startWriters(writers, 60);
    await burst.acknowledgedMore(15);
    const cutAt = performance.now();
    proxy.dropAll();
    // The database "returns" at once (the proxy still accepts): saves resume by themselves.
    await burst.acknowledgedMore(15);
    const recovery = burst.ackTimes.find((at) => at > cutAt)! - cutAt;
    await burst.stop();
    console.info(`[failover] connections cut: first save acknowledged ${recovery.toFixed(0)} ms later; ${burst.acknowledged.length} saves, ${burst.refusals.length} refusals`);
    expect(recovery).toBeLessThan(10_000);
    // Whatever was refused was refused as an outage (503), never as a bare INTERNAL.
    expect(burst.refusals.filter((r) => r.code !== 'DATABASE_UNAVAILABLE' || r.httpStatus !== 503)).toEqual([]);
    await expectNothingLost(burst.acknowledged);
    expect(uncaught).toEqual([]);
    // The change feed LISTENs again on a new connection.
    await vi.waitFor(() => expect(t.logs.some((l) => l.includes('change feed listening again'))).toBe(true), { timeout: 10_000 });
  });

  it('refused for 5 s: requests fail fast with 503 + Retry-After, /healthz is degraded, saves resume within 10 s', async () => {
    const burst = startWriters(writers, 400);
    await burst.acknowledgedMore(10);
    await proxy.refuse();
    proxy.dropAll();
    const downAt = performance.now();

    // While it is down: a typed refusal, quickly, that says when to come back.
    const token = await t.tokenOf('xitun');
    await vi.waitFor(
      async () => {
        const started = performance.now();
        const res = await rawFetch(`${t.url}/trpc/diary.save`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ idempotencyKey: randomUUID(), day: '2026-03-10', itemCode: 'diary.mediation', fields: { disputeType: 'neighbourhood', caseSource: 'application', cases: 1, agreements: 1, parties: 2, summary: '邻里纠纷' } }),
        });
        expect(res.status).toBe(503);
        expect(res.json.error.data.sifaCode).toBe('DATABASE_UNAVAILABLE');
        expect(res.headers.get('retry-after')).toBe('5');
        expect(performance.now() - started).toBeLessThan(3_000);
      },
      { timeout: 4_000, interval: 100 },
    );
    const health = await rawFetch(`${t.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.json).toMatchObject({ status: 'degraded', engine: 'postgres' });
    expect(health.json.reason).toMatch(/^database unreachable: /);
    const acknowledgedWhileDown = burst.acknowledged.length;

    // Down for 5 s in all, then back.
    await new Promise((r) => setTimeout(r, Math.max(0, 5_000 - (performance.now() - downAt))));
    expect(burst.acknowledged.length).toBe(acknowledgedWhileDown);
    await proxy.accept();
    const backAt = performance.now();
    await burst.acknowledgedMore(1);
    const recovery = burst.ackTimes.find((at) => at > backAt)! - backAt;
    await burst.acknowledgedMore(10);
    await burst.stop();
    console.info(`[failover] refused for 5 s: first save acknowledged ${recovery.toFixed(0)} ms after the database returned; ${burst.acknowledged.length} saves, ${burst.refusals.length} refusals`);
    expect(recovery).toBeLessThan(10_000);
    expect(burst.refusals.filter((r) => r.code !== 'DATABASE_UNAVAILABLE' || r.httpStatus !== 503)).toEqual([]);
    // Refused fast while down: no request hung on the outage.
    expect(Math.max(...burst.refusals.map((r) => r.ms))).toBeLessThan(6_000);

    // Healthy again, the change feed's LISTEN connection included (a NOTIFY probe comes back).
    await vi.waitFor(async () => expect((await rawFetch(`${t.url}/healthz`)).json).toMatchObject({ status: 'ok', changeFeed: 'listening' }), { timeout: 10_000 });
    await expectNothingLost(burst.acknowledged);
    expect(uncaught).toEqual([]);
  });

  it('an open subscription resumes after the outage with nothing missed and nothing twice', async () => {
    const feed = followFeed(t.url, await t.tokenOf('xitun'), 'platform.notifications.feed');
    const sent: string[] = [];
    let stopped = false;
    let n = 0;
    // A sender notifying the office back to back; a send refused for the outage is tried again.
    const sender = (async () => {
      while (!stopped) {
        const title = `outage-${n}`;
        try {
          const { id } = await t.server.runScoped(wholeRegionReader, (scoped) =>
            scoped.notifications.send({ to: { orgCode: '150402001' }, kind: 'platform.test', severity: 'info', title: { zh: title, en: title }, body: { zh: title, en: title } }),
          );
          sent.push(id);
          n++;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    try {
      await vi.waitFor(() => expect(feed.received.length).toBeGreaterThanOrEqual(5), { timeout: 30_000, interval: 20 });
      const sentBefore = sent.length;
      const reconnectsBefore = feed.reconnects;
      await proxy.refuse();
      proxy.dropAll();
      await new Promise((r) => setTimeout(r, 3_000));
      await proxy.accept();
      const target = sent.length + 5;
      await vi.waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(target), { timeout: 30_000, interval: 20 });
      stopped = true;
      await sender;
      // What the database holds, in the feed's order. A send cut at its COMMIT may have committed
      // although the sender saw it fail (and sent that title again): such a row is news all the
      // same, so the feed is held to the table, and the sender's acknowledged sends to the table.
      const stored = rowsOf<{ id: string }>(
        await t.server.runScoped(wholeRegionReader, (scoped) =>
          scoped.db.execute(sql`SELECT id FROM notifications WHERE kind = 'platform.test' AND org_code = '150402001' ORDER BY tx, seq`),
        ),
      ).map((r) => r.id);
      expect(stored.filter((id) => sent.includes(id))).toEqual(sent);
      expect(stored.length - sent.length, 'committed although the sender saw the send fail').toBeLessThanOrEqual(2);
      // Everything stored arrives, once each, in order — across the reconnect.
      // (The feed starts "from now": what was stored before it first read is not its to deliver.)
      await vi.waitFor(() => expect(feed.received).toContain(stored.at(-1)), { timeout: 30_000, interval: 20 });
      const from = stored.indexOf(feed.received[0]!);
      expect(from, `the feed's first notification ${feed.received[0]} is not one of this test's`).toBeGreaterThanOrEqual(0);
      expect(feed.received).toEqual(stored.slice(from));
      // Sent while the database was down or coming back, delivered after: the stream itself
      // either held (the server's change feed woke it on listening again) or was resumed.
      expect(sent.length).toBeGreaterThan(sentBefore);
      console.info(`[failover] subscription: ${feed.received.length} notifications, none missed or repeated, ${feed.reconnects - reconnectsBefore} reconnect(s) of the stream`);
      expect(new Set(feed.received).size).toBe(feed.received.length);
    } finally {
      stopped = true;
      await sender;
      await feed.stop();
    }
    expect(uncaught).toEqual([]);
  });

  /**
   * Once the work waits at `at`, the database goes away (new connections refused, open ones cut)
   * and the work goes on without it; with `downMs`, the database returns after that long.
   * Resolves when it has returned (the instant, for recovery times) or, without `downMs`, at once.
   */
  async function cutWhileHeld(at: ReturnType<typeof gate>, downMs?: number): Promise<number> {
    await vi.waitFor(() => expect(at.waiting).toBe(1), { timeout: 10_000, interval: 10 });
    await proxy.refuse();
    proxy.dropAll();
    at.release();
    if (downMs === undefined) return performance.now();
    await new Promise((r) => setTimeout(r, downMs));
    await proxy.accept();
    return performance.now();
  }

  it('a job slot the outage cuts short is resumed under its claim once the database is back: run to the end once, not lost, not left running', async () => {
    jobGate.hold();
    jobRuns.length = 0;
    const slot = new Date('2026-03-09T19:00:00Z');
    const run = t.server.jobs.runSlot('outage.count', slot);
    const backAt = await cutWhileHeld(jobGate, 3_000);
    const result = await run;
    console.info(`[failover] job slot cut short: finished ${(performance.now() - backAt).toFixed(0)} ms after the database returned, ${jobRuns.length} starts`);
    expect(result).toMatchObject({ job: 'outage.count', slot: slot.toISOString(), status: 'succeeded' });
    expect(performance.now() - backAt).toBeLessThan(10_000);
    // Started twice (cut short, then resumed), recorded once, as succeeded.
    expect(jobRuns).toEqual([slot.toISOString(), slot.toISOString()]);
    const runs = rowsOf<{ status: string }>(await t.db.handle.db.execute(sql`SELECT status FROM job_runs WHERE job = 'outage.count' AND slot = ${slot.toISOString()}`));
    expect(runs).toEqual([{ status: 'succeeded' }]);
    expect(t.logs.some((l) => l.includes('job slot waits for the database'))).toBe(true);
    expect(uncaught).toEqual([]);
  });

  it('a manual run the outage cuts short fails to its caller with the connection error and is recorded failed once the database is back', async () => {
    jobGate.hold();
    const at = new Date('2026-03-10T01:00:00Z');
    const run = t.server.jobs.run('outage.count', { at });
    await cutWhileHeld(jobGate);
    // (Which the HTTP layer answers as DATABASE_UNAVAILABLE.)
    expect(databaseConnectionFailure(await run.then(() => null, (error: unknown) => error))).toMatch(/\w/);
    await proxy.accept();
    const record = async () =>
      rowsOf<{ status: string; error: string | null }>(await t.db.handle.db.execute(sql`SELECT status, error FROM job_runs WHERE job = 'outage.count' AND slot LIKE ${`manual:${at.toISOString()}:%`}`));
    await vi.waitFor(async () => expect(await record()).toEqual([{ status: 'failed', error: expect.stringMatching(/^interrupted: the database could not be reached \(/) }]), { timeout: 10_000, interval: 50 });
  });

  it('notification deliveries the outage cuts short finish within seconds of its end (not after their lease), none sent twice', async () => {
    channelGate.hold();
    deliveredByChannel.length = 0;
    // Two in one transaction: the dispatcher claims both; the first waits at the gate.
    const sent = await t.server.runScoped(wholeRegionReader, async (scoped) => {
      const send = (title: string) =>
        scoped.notifications.send({ to: { orgCode: '150402001' }, kind: 'platform.gated', severity: 'info', title: { zh: title, en: title }, body: { zh: title, en: title } });
      return [(await send('gated-1')).id, (await send('gated-2')).id];
    });
    // The channel takes the first while the database is gone: recording it fails.
    const backAt = await cutWhileHeld(channelGate, 3_000);
    const statuses = async () =>
      rowsOf<{ notification_id: string; status: string }>(
        await t.db.handle.db.execute(sql`SELECT notification_id, status FROM notification_deliveries WHERE channel = 'gated' AND notification_id IN (${sql.join(sent.map((id) => sql`${id}`), sql`, `)}) ORDER BY notification_id`),
      );
    await vi.waitFor(async () => expect((await statuses()).map((r) => r.status)).toEqual(['delivered', 'delivered']), { timeout: 15_000, interval: 50 });
    const took = performance.now() - backAt;
    console.info(`[failover] deliveries cut short: both recorded ${took.toFixed(0)} ms after the database returned`);
    expect(took).toBeLessThan(10_000);
    expect([...deliveredByChannel].sort()).toEqual([...sent].sort());
    expect(t.logs.some((l) => l.includes('notification dispatch waits for the database'))).toBe(true);
    expect(uncaught).toEqual([]);
  });
});
