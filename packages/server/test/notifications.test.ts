/**
 * Notifications end to end: a plugin procedure sends them inside its transaction; recipients see
 * them in their list and through the `platform.notifications.feed` subscription (real SSE over
 * HTTP); outer channels get them after commit — a webhook on a real local HTTP server and an SMS
 * provider test double (the only fake: the carrier's gateway).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRouter, definePlugin, defineServerPlugin, scopedProcedure, SifaError } from '@sifa/core';
import { smsChannel, webhookChannel, type AppRouterOf, type SmsProvider } from '@sifa/server';
import postgres from 'postgres';
import { adminUrl, engine, sifaErrorOf, startHttpReceiver, startTestServer, testUsers, wholeRegionReader, type HttpReceiver, type TestServer } from '@sifa/server/testing';

const manifest = definePlugin({
  id: 'pinger',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '通知测试', en: 'Notification test' },
  permissions: [{ name: 'pinger.send', title: { zh: '发送', en: 'Send' }, roles: ['city_admin', 'county_admin', 'office_staff'] }],
});

const pinger = defineServerPlugin(manifest, {
  router: createRouter({
    send: scopedProcedure('pinger.send')
      .input(
        z.object({
          to: z.string(),
          role: z.enum(['city_admin', 'county_admin', 'office_staff']).optional(),
          userId: z.string().optional(),
          title: z.string(),
          severity: z.enum(['info', 'warning', 'urgent']).default('info'),
          dedupKey: z.string().optional(),
          failAfter: z.boolean().default(false),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const sent = await ctx.notifications.send({
          to: input.userId ? { userId: input.userId } : { orgCode: input.to, ...(input.role ? { role: input.role } : {}) },
          kind: 'pinger.ping',
          severity: input.severity,
          title: { zh: input.title, en: input.title },
          body: { zh: `正文 ${input.title}`, en: `Body ${input.title}` },
          entity: { kind: 'pinger.thing', id: input.title },
          ...(input.dedupKey ? { dedupKey: input.dedupKey } : {}),
        });
        if (input.failAfter) throw new SifaError('CONFLICT');
        return sent;
      }),
  }),
});

describe('notifications', () => {
  let t: TestServer<AppRouterOf<[typeof pinger]>>;
  let hook: HttpReceiver;
  let hookUrl: string;
  let received: HttpReceiver['received'];
  let hookStatus = 200;
  const sms: { phone: string; text: string }[] = [];
  let smsDown = false;
  const provider: SmsProvider = {
    async send(phone, text) {
      if (smsDown) throw new Error('gateway 503');
      sms.push({ phone, text });
    },
  };
  const secret = 'test-webhook-secret-0123456789';

  beforeAll(async () => {
    hook = await startHttpReceiver(() => hookStatus);
    ({ url: hookUrl, received } = hook);
    t = await startTestServer({
      plugins: [pinger],
      notificationChannels: [webhookChannel({ url: hookUrl, secret }), smsChannel({ provider, signature: '【赤峰司法】' })],
    });
    // A phone number on record for the office user, as an administrator would add it.
    await t.server.auth.createUser({ username: 't.xitun2', displayName: '西屯二', password: 'Secret-pass-123!', role: 'office_staff', orgCode: '150402001', phone: '13800000001' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await hook?.close();
  });

  /** A user's open feed once it runs: the (English) titles it delivers, in order. */
  async function openFeed(username: Parameters<typeof t.client>[0]) {
    const user = await t.client(username);
    const titles: string[] = [];
    let resolveStarted!: () => void;
    const started = new Promise<void>((resolve) => (resolveStarted = resolve));
    const sub = user.platform.notifications.feed.subscribe(
      {},
      {
        onStarted: () => resolveStarted(),
        onData: (event: { data: { title: { en: string } } }) => void titles.push(event.data.title.en),
        onError: (error: unknown) => {
          throw error;
        },
      },
    );
    await started;
    return { titles, stop: () => sub.unsubscribe() };
  }

  it('reaches the users of the addressed org, not those of other orgs; read marks are per user', async () => {
    const county = await t.client('hongshan');
    await county.pinger.send.mutate({ to: '150402001', title: 'to-xitun' });
    const xitun = await t.client('xitun');
    const sanzhongjie = await t.client('sanzhongjie');
    const mine = await xitun.platform.notifications.list.query({});
    expect(mine.items.map((n: { title: { en: string } }) => n.title.en)).toContain('to-xitun');
    expect(mine.unread).toBeGreaterThan(0);
    const theirs = await sanzhongjie.platform.notifications.list.query({});
    expect(theirs.items.map((n: { title: { en: string } }) => n.title.en)).not.toContain('to-xitun');
    const item = mine.items.find((n: { title: { en: string } }) => n.title.en === 'to-xitun')!;
    expect(await xitun.platform.notifications.markRead.mutate({ ids: [item.id] })).toEqual({ marked: 1 });
    // Marking someone else's notification marks nothing.
    expect(await sanzhongjie.platform.notifications.markRead.mutate({ ids: [item.id] })).toEqual({ marked: 0 });
    const after = await xitun.platform.notifications.list.query({ unreadOnly: true });
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(item.id);
  });

  it('goes up the chain (feedback to the county) but not sideways to another county', async () => {
    const office = await t.client('xitun');
    await office.pinger.send.mutate({ to: '150402', title: 'feedback-up', dedupKey: 'test:up' });
    // Sent again: recognised although the first one is outside what the office may read.
    expect((await office.pinger.send.mutate({ to: '150402', title: 'feedback-up', dedupKey: 'test:up' })).duplicate).toBe(true);
    const county = await t.client('hongshan');
    expect((await county.platform.notifications.list.query({})).items.map((n: { title: { en: string } }) => n.title.en)).toContain('feedback-up');
    const sideways = await sifaErrorOf(office.pinger.send.mutate({ to: '150404', title: 'sideways' }));
    expect(sideways.data.sifaCode).toBe('OUT_OF_SCOPE');
    const otherOffice = await sifaErrorOf(office.pinger.send.mutate({ to: '150402002', title: 'sibling' }));
    expect(otherOffice.data.sifaCode).toBe('OUT_OF_SCOPE');
  });

  it('is rolled back with the change that sent it, and a dedup key sends once', async () => {
    const county = await t.client('hongshan');
    const failed = await sifaErrorOf(county.pinger.send.mutate({ to: '150402002', title: 'rolled-back', failAfter: true }));
    expect(failed.data.sifaCode).toBe('CONFLICT');
    const office = await t.client('sanzhongjie');
    expect((await office.platform.notifications.list.query({})).items.map((n: { title: { en: string } }) => n.title.en)).not.toContain('rolled-back');

    const first = await county.pinger.send.mutate({ to: '150402002', title: 'once', dedupKey: 'test:once' });
    const second = await county.pinger.send.mutate({ to: '150402002', title: 'once', dedupKey: 'test:once' });
    expect(first.duplicate).toBe(false);
    expect(first.channels).toEqual(['webhook', 'sms']);
    expect(second).toEqual({ id: first.id, duplicate: true, channels: [] });
    const titles = (await office.platform.notifications.list.query({})).items.map((n: { title: { en: string } }) => n.title.en);
    expect(titles.filter((x: string) => x === 'once')).toHaveLength(1);
  });

  it('pushes new notifications to an open feed over server-sent events, only the addressed ones', async () => {
    const office = await t.client('xitun');
    const got: { title: { en: string } }[] = [];
    let resolveArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (resolveArrived = resolve));
    let resolveStarted!: () => void;
    const started = new Promise<void>((resolve) => (resolveStarted = resolve));
    const sub = office.platform.notifications.feed.subscribe(
      {},
      {
        onStarted: () => resolveStarted(),
        onData: (event: { id: string; data: { title: { en: string } } }) => {
          got.push(event.data);
          if (event.data.title.en === 'live-2') resolveArrived();
        },
        onError: (error: unknown) => {
          throw error;
        },
      },
    );
    try {
      await started;
      const county = await t.client('hongshan');
      await county.pinger.send.mutate({ to: '150402002', title: 'not-for-xitun' });
      await county.pinger.send.mutate({ to: '150402001', title: 'live-1' });
      await county.pinger.send.mutate({ to: '150402001', title: 'live-2' });
      await arrived;
      expect(got.map((g) => g.title.en)).toEqual(['live-1', 'live-2']);
    } finally {
      sub.unsubscribe();
    }
  });

  // A transaction open anywhere in the cluster (here: another database's) holds the snapshot's
  // xmin back; the feed then starts before notifications already committed, and must not replay them.
  it.runIf(engine === 'postgres')('starts from now even while a transaction elsewhere in the cluster is open: what was committed before is not replayed', async () => {
    const elsewhere = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const office = await t.client('xitun');
    const county = await t.client('hongshan');
    const got: string[] = [];
    let resolveArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (resolveArrived = resolve));
    let resolveStarted!: () => void;
    const started = new Promise<void>((resolve) => (resolveStarted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const open = elsewhere.begin(async (tx) => {
      await tx`SELECT txid_current()`;
      opened();
      await held;
    });
    let sub: { unsubscribe(): void } | null = null;
    try {
      await isOpen;
      await county.pinger.send.mutate({ to: '150402001', title: 'before-the-feed' });
      sub = office.platform.notifications.feed.subscribe(
        {},
        {
          onStarted: () => resolveStarted(),
          onData: (event: { data: { title: { en: string } } }) => {
            got.push(event.data.title.en);
            if (event.data.title.en === 'after-the-feed') resolveArrived();
          },
          onError: (error: unknown) => {
            throw error;
          },
        },
      );
      await started;
      // (The feed's start is read when its first request runs: give it that moment.)
      await new Promise((r) => setTimeout(r, 300));
      release();
      await open;
      await county.pinger.send.mutate({ to: '150402001', title: 'after-the-feed' });
      await arrived;
      expect(got).toEqual(['after-the-feed']);
    } finally {
      release();
      sub?.unsubscribe();
      await open.catch(() => {});
      await elsewhere.end({ timeout: 1 });
    }
  });

  // Two senders at once (PostgreSQL: PGlite runs one transaction at a time): the one that began
  // first commits last. A feed ordered by time or by commit would deliver the second and then
  // skip the first for good; this one holds the second until the first has ended.
  it.runIf(engine === 'postgres')('delivers a notification whose transaction commits after a later one, none skipped, in the order they began', async () => {
    const feed = await openFeed('xitun');
    const got = feed.titles;
    const send = (title: string) => (scoped: Parameters<Parameters<typeof t.server.runScoped>[1]>[0]) =>
      scoped.notifications.send({ to: { orgCode: '150402001' }, kind: 'platform.test', title: { zh: title, en: title }, body: { zh: title, en: title } });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
      const first = t.server.runScoped(wholeRegionReader, async (scoped) => {
        await send('began-first')(scoped);
        inserted();
        await held;
      });
      await firstInserted;
      await t.server.runScoped(wholeRegionReader, send('committed-first'));
      // Committed, but behind a transaction still open: not delivered yet.
      await new Promise((r) => setTimeout(r, 800));
      expect(got).toEqual([]);
      release();
      await first;
      await vi.waitFor(() => expect(got).toEqual(['began-first', 'committed-first']), { timeout: 10_000, interval: 20 });
    } finally {
      feed.stop();
    }
  });

  // The feed reads, delivers, then waits for the next change. A notification that commits while
  // it reads (after its snapshot) announces itself before the wait begins: a feed that started
  // listening only then missed the announcement and delivered it on its 25 s poll. Two sends at
  // once, over and over: the second often commits while the first's wake-up is being read.
  // (PostgreSQL: PGlite runs one transaction at a time, so the read always sees both.)
  it.runIf(engine === 'postgres')('delivers a notification committed while the feed is reading at once, not on its next poll', async () => {
    const feed = await openFeed('xitun');
    const send = (title: string) =>
      t.server.runScoped(wholeRegionReader, (scoped) =>
        scoped.notifications.send({ to: { orgCode: '150402001' }, kind: 'platform.test', title: { zh: title, en: title }, body: { zh: title, en: title } }),
      );
    try {
      for (let round = 0; round < 40; round++) {
        await Promise.all([send(`pair-${round}-a`), send(`pair-${round}-b`)]);
        // Well under the feed's 25 s poll, well over a read on a busy machine.
        await vi.waitFor(() => expect(feed.titles.filter((title) => title.startsWith(`pair-${round}-`)).sort()).toEqual([`pair-${round}-a`, `pair-${round}-b`]), { timeout: 5_000, interval: 10 });
      }
    } finally {
      feed.stop();
    }
  }, 240_000);

  it('resumes from a cursor of the earlier form (time|id) after the notification it names, and starts afresh from one this database cannot have issued (a restore elsewhere) or naming nothing', async () => {
    const office = await t.client('xitun');
    const county = await t.client('hongshan');
    const { id: named } = await county.pinger.send.mutate({ to: '150402001', title: 'cursor-named' });
    await county.pinger.send.mutate({ to: '150402001', title: 'cursor-after' });
    const follow = (since: string, until: string) =>
      new Promise<string[]>((resolve, reject) => {
        const got: string[] = [];
        const sub = office.platform.notifications.feed.subscribe(
          { since },
          {
            onData: (event: { data: { title: { en: string } } }) => {
              got.push(event.data.title.en);
              if (event.data.title.en === until) (sub.unsubscribe(), resolve(got));
            },
            onError: reject,
          },
        );
      });
    expect(await follow(`2026-01-01T00:00:00.000Z|${named}`, 'cursor-after')).toEqual(['cursor-after']);
    // From a cursor this database cannot have issued, and from an old-form one naming a
    // notification that is not there: from now, not from the beginning.
    const fresh = follow('999999999999.1', 'cursor-fresh');
    const unknown = follow('2026-01-01T00:00:00.000Z|no-such-notification', 'cursor-fresh');
    await new Promise((r) => setTimeout(r, 500));
    await county.pinger.send.mutate({ to: '150402001', title: 'cursor-fresh' });
    expect(await fresh).toEqual(['cursor-fresh']);
    expect(await unknown).toEqual(['cursor-fresh']);
  });

  it('refuses the feed without sign-in, with the typed error', async () => {
    const res = await fetch(`${t.url}/trpc/platform.notifications.feed?input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { sifaCode: string } } };
    expect(body.error.data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('delivers to the webhook (signed) and by SMS to recipients with a phone, retrying failures', async () => {
    // Only this test's passes run: the pass a send pokes could otherwise deliver before the
    // test's own `dispatch()` is called, whose report would then be empty.
    await t.server.notifications.stop();
    received.length = 0;
    sms.length = 0;
    await t.server.notifications.dispatch(); // whatever earlier tests queued
    received.length = 0;
    sms.length = 0;

    const county = await t.client('hongshan');
    const { id } = await county.pinger.send.mutate({ to: '150402001', title: 'urgent-one', severity: 'urgent' });
    const report = await t.server.notifications.dispatch();
    expect(report).toEqual({ delivered: 2, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    const hit = received[0]!;
    const payload = JSON.parse(hit.body) as { notification: { id: string; recipients: { displayName: string; phone: string | null }[] } };
    expect(payload.notification.id).toBe(id);
    const expected = createHmac('sha256', secret).update(`${hit.headers['x-sifa-timestamp']}.${hit.body}`).digest('hex');
    expect(hit.headers['x-sifa-signature']).toBe(`sha256=${expected}`);
    expect(payload.notification.recipients.map((r) => r.displayName).sort()).toEqual([testUsers.xitun.username, '西屯二'].sort());
    expect(sms).toEqual([{ phone: '13800000001', text: '【赤峰司法】urgent-one：正文 urgent-one' }]);

    // Both outer systems down: the dispatcher records the failure and retries later.
    hookStatus = 500;
    smsDown = true;
    await county.pinger.send.mutate({ to: '150402001', title: 'retry-me', severity: 'warning' });
    expect(await t.server.notifications.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 2 });
    // Not due yet: nothing is attempted again at once.
    expect(await t.server.notifications.dispatch()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    hookStatus = 200;
    smsDown = false;
    t.server.notifications.start();
  });

  it('does not send info notifications by SMS', async () => {
    sms.length = 0;
    const county = await t.client('hongshan');
    await county.pinger.send.mutate({ to: '150402001', title: 'just-info' });
    await t.server.notifications.dispatch();
    expect(sms.map((s) => s.text).join()).not.toContain('just-info');
  });
});
