/**
 * Sign-in attacks over real HTTP on loopback (issue 20, F4 and F6), on both engines: 40 wrong
 * guesses at once against one account get at most `maxFailedLogins` password checks; a client
 * that keeps guessing is answered 429 with Retry-After once its bucket is empty (shared by every
 * instance on the database); known and unknown user names get identical answers, locked or not;
 * back-offs double and end, and a stranger held by its per-client limit cannot keep a user out
 * past the back-off. Loops are bounded; the clock is the server's, moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createSifaServer } from '@sifa/server';
import type { AppRouterOf } from '@sifa/server';
import { memoryLogger, rawFetch, startTestServer, testNow, testPassword, type RawResponse, type TestServer } from '@sifa/server/testing';

type Server = TestServer<AppRouterOf<[]>>;

const minutes = (n: number) => n * 60_000;

/** One clock per server, moved by the tests. */
function movableClock() {
  let at = testNow().getTime();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

/** A sign-in as a browser would send it, from `address` when the server trusts its proxy. */
function signIn(t: { url: string }, username: string, password: string, address?: string): Promise<RawResponse> {
  return rawFetch(`${t.url}/trpc/platform.auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sifa-locale': 'en', ...(address ? { 'x-forwarded-for': address } : {}) },
    body: JSON.stringify({ username, password }),
  });
}

/** An answer without what differs per request (its id). */
function comparable(res: RawResponse) {
  const body = structuredClone(res.json);
  if (body?.error?.data) delete body.error.data.requestId;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

async function rows<T>(t: { db: Server['db'] }, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await t.db.handle.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Password checks made for a user: each ends in one audit entry (failed, lockout or a sign-in); refusals without a check are `auth.login.locked`. */
async function checksOf(t: { db: Server['db'] }, username: string) {
  const found = await rows<{ action: string; n: number }>(
    t,
    sql`SELECT a.action, count(*)::int AS n FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.username = ${username} GROUP BY a.action`,
  );
  const count = (action: string) => Number(found.find((r) => r.action === action)?.n ?? 0);
  return { checked: count('auth.login.failed') + count('auth.login.lockout') + count('auth.login'), refused: count('auth.login.locked') };
}

async function addUser(t: Server, username: string) {
  await t.server.auth.createUser({ username, displayName: username, password: testPassword, role: 'office_staff', orgCode: '150402001' });
}

describe('the failed-attempt counter under parallel guesses (F4)', () => {
  const clock = movableClock();
  let t: Server;
  beforeAll(async () => {
    t = await startTestServer({ now: clock.now, auth: { maxFailedLogins: 5, backoffMinutes: 1, maxBackoffMinutes: 4 } });
    await addUser(t, 'sec.parallel');
    await addUser(t, 'sec.doubling');
  }, 180_000);
  afterAll(() => t?.close());

  it('40 wrong passwords at once: at most 5 are checked, the right one is refused until the back-off ends', { timeout: 120_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t, 'sec.parallel', `Wrong-guess-${i}!`)));
    const after = await checksOf(t, 'sec.parallel');
    expect(after.checked).toBeGreaterThanOrEqual(1);
    expect(after.checked).toBeLessThanOrEqual(5);
    expect(after.checked + after.refused).toBe(40);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.json.error.data.sifaCode).toBe('INVALID_CREDENTIALS');
    }

    // The right password, during the back-off: the same refusal, and still no more checks.
    const during = await signIn(t, 'sec.parallel', testPassword);
    expect(during.status).toBe(401);
    expect(during.json.error.data.sifaCode).toBe('INVALID_CREDENTIALS');
    clock.advance(minutes(1) - 1_000);
    expect((await signIn(t, 'sec.parallel', testPassword)).status).toBe(401);
    expect((await checksOf(t, 'sec.parallel')).checked).toBe(after.checked);

    clock.advance(2_000);
    const ok = await signIn(t, 'sec.parallel', testPassword);
    expect(ok.status).toBe(200);
    expect(ok.json.result.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('back-offs double while failures go on (1, 2, 4 … minutes, capped) and a success starts over', { timeout: 120_000 }, async () => {
    const user = 'sec.doubling';
    const failFive = async () => {
      for (let i = 0; i < 5; i++) expect((await signIn(t, user, `Wrong-${i}!`)).status).toBe(401);
    };
    /** True when the right password is accepted now (a refusal costs no check during a back-off). */
    const accepted = async () => (await signIn(t, user, testPassword)).status === 200;

    for (const length of [1, 2, 4, 4]) {
      await failFive();
      clock.advance(minutes(length) - 1_000);
      expect(await accepted(), `still held ${length} min`).toBe(false);
      clock.advance(2_000);
    }
    expect(await accepted()).toBe(true);
    // After a success the next back-off is the first one again.
    await failFive();
    clock.advance(minutes(1) + 1_000);
    expect(await accepted()).toBe(true);
  });
});

describe('per-client limit (F4)', () => {
  const clock = movableClock();
  const perClient = { burst: 10, perMinute: 6 };
  let t: Server;
  beforeAll(async () => {
    t = await startTestServer({ now: clock.now, auth: { signInsPerClient: perClient } });
  }, 180_000);
  afterAll(() => t?.close());

  it('a client guessing 24 at a time is answered 429 with Retry-After once its bucket is empty, whatever names it tries', { timeout: 120_000 }, async () => {
    const answers: RawResponse[] = [];
    // Bounded: at most 5 rounds of 24 (the attack of the finding), stopped at the first 429.
    for (let round = 0; round < 5 && !answers.some((a) => a.status === 429); round++) {
      answers.push(...(await Promise.all(Array.from({ length: 24 }, (_, i) => signIn(t, `sec.spray${round}-${i}`, 'Wrong-Passw0rd!')))));
    }
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(perClient.burst);
    expect(limited).toHaveLength(24 - perClient.burst);
    for (const a of limited) {
      expect(a.json.error.data.sifaCode).toBe('RATE_LIMITED');
      const retryAfter = a.json.error.data.details.retryAfter as number;
      // 6 a minute: one token every 10 s.
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(10);
      expect(a.headers.get('retry-after')).toBe(String(retryAfter));
      expect(a.json.error.message).toBe(`Too many sign-in attempts. Try again in ${retryAfter} seconds.`);
    }
    // Refused attempts did not reach the accounts (no audit entry, no password check).
    const audited = await rows<{ n: number }>(t, sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_id LIKE 'anonymous:sec.spray%'`);
    expect(Number(audited[0]!.n)).toBe(perClient.burst);

    // After Retry-After a token is back: one more attempt, then 429 again.
    clock.advance(10_500);
    expect((await signIn(t, 't.xitun', testPassword)).status).toBe(200);
    expect((await signIn(t, 't.xitun', testPassword)).status).toBe(429);
  });

  it('every instance on the database draws from the same bucket', async () => {
    const { logger } = memoryLogger();
    const other = await createSifaServer({ database: t.db.handle, migrate: false, now: clock.now, logger, jobs: { schedule: false }, auth: { signInsPerClient: perClient } });
    try {
      const url = await other.listen();
      // This client's bucket was emptied through the first instance: the second refuses too.
      const answer = await signIn({ url }, 't.xitun', testPassword);
      expect(answer.status).toBe(429);
      expect(answer.json.error.data.sifaCode).toBe('RATE_LIMITED');
      clock.advance(10_500);
      expect((await signIn({ url }, 't.xitun', testPassword)).status).toBe(200);
      expect((await signIn(t, 't.xitun', testPassword)).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('known and unknown user names (F6)', () => {
  const clock = movableClock();
  let t: Server;
  beforeAll(async () => {
    // Behind a proxy, so each attempt can come from an address of its own.
    t = await startTestServer({
      now: clock.now,
      trustProxy: true,
      auth: { maxFailedLogins: 5, backoffMinutes: 1, signInsPerAccount: { burst: 9, perMinute: 1 } },
    });
    await addUser(t, 'sec.known');
    await addUser(t, 'sec.held');
    await addUser(t, 'sec.timed');
  }, 180_000);
  afterAll(() => t?.close());

  it('12 wrong attempts from 12 addresses: identical answers for a known and an unknown name, 429 for both once the account bucket is empty', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 12; i++) {
      const known = await signIn(t, 'sec.known', 'Wrong-Passw0rd!', `198.51.100.${i + 1}`);
      const unknown = await signIn(t, 'sec.unknown', 'Wrong-Passw0rd!', `198.51.100.${i + 101}`);
      expect(comparable(unknown), `attempt ${i + 1}`).toEqual(comparable(known));
      // 401 until the account bucket (9) is empty, then the same 429 (and Retry-After) for both.
      expect(known.status).toBe(i < 9 ? 401 : 429);
      expect(known.text).not.toMatch(/lock|ACCOUNT/i);
    }
    expect(await checksOf(t, 'sec.known')).toEqual({ checked: 9, refused: 0 });
  });

  it('5 wrong attempts from one address, then the right password from it: identical answers while that address backs off', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 7; i++) {
      // The 6th is the right password of the known account, its address in back-off by then.
      const password = i === 5 ? testPassword : 'Wrong-Passw0rd!';
      const known = await signIn(t, 'sec.held', password, '198.51.100.200');
      const unknown = await signIn(t, 'sec.unheld', password, '198.51.100.200');
      expect(comparable(unknown), `attempt ${i + 1}`).toEqual(comparable(known));
      expect(known.status).toBe(401);
      expect(known.text).not.toMatch(/lock|ACCOUNT/i);
    }
    expect(await checksOf(t, 'sec.held')).toEqual({ checked: 5, refused: 2 });
  });

  it('a client in back-off costs a hash check like an unknown name (timing does not tell them apart)', { timeout: 120_000 }, async () => {
    const held = '192.0.2.60';
    for (let i = 0; i < 5; i++) expect((await signIn(t, 'sec.timed', 'Wrong-Passw0rd!', held)).status).toBe(401);
    // CPU time of this process (the server runs in it, scrypt's threads included), not wall time:
    // other processes on a loaded machine do not move it.
    const cpu = async (username: string, address: string) => {
      const before = process.cpuUsage();
      const answer = await signIn(t, username, 'Wrong-Passw0rd!', address);
      expect(answer.status).toBe(401);
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await cpu('sec.warm-up', '192.0.2.50');
    const unknown = median([await cpu('sec.nobody1', '192.0.2.51'), await cpu('sec.nobody2', '192.0.2.52'), await cpu('sec.nobody3', '192.0.2.53')]);
    const backedOff = median([await cpu('sec.timed', held), await cpu('sec.timed', held), await cpu('sec.timed', held)]);
    expect((await checksOf(t, 'sec.timed')).refused).toBe(3);
    // scrypt dominates both; an answer without hashing would cost a small fraction of it.
    expect(backedOff).toBeGreaterThan(unknown * 0.5);
  });
});

describe('a stranger at one address does not hold the user at another (F6)', () => {
  const clock = movableClock();
  let t: Server;
  // Buckets out of the way: only the back-offs speak.
  const roomy = { burst: 1_000, perMinute: 1_000 };
  beforeAll(async () => {
    t = await startTestServer({
      now: clock.now,
      trustProxy: true,
      auth: { maxFailedLogins: 5, accountMaxFailedLogins: 20, backoffMinutes: 1, maxBackoffMinutes: 4, signInsPerClient: roomy, signInsPerAccount: roomy },
    });
    for (const name of ['sec.target', 'sec.patient', 'sec.spread']) await addUser(t, name);
  }, 180_000);
  afterAll(() => t?.close());

  it('40 guesses at once from one address: at most 5 checked, that address is held, the user at another signs in', { timeout: 120_000 }, async () => {
    const stranger = '203.0.113.10';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t, 'sec.target', `Wrong-guess-${i}!`, stranger)));
    const after = await checksOf(t, 'sec.target');
    expect(after.checked).toBeGreaterThanOrEqual(1);
    expect(after.checked).toBeLessThanOrEqual(5);
    expect(after.checked + after.refused).toBe(40);
    for (const a of answers) expect(a.json.error.data.sifaCode).toBe('INVALID_CREDENTIALS');

    // Even the right password is refused from the stranger's address, without a check …
    expect((await signIn(t, 'sec.target', testPassword, stranger)).status).toBe(401);
    expect((await checksOf(t, 'sec.target')).checked).toBe(after.checked);
    // … while the user, elsewhere, is in at once.
    expect((await signIn(t, 'sec.target', testPassword, '198.51.100.7')).status).toBe(200);
    // The user's success does not free the stranger.
    expect((await signIn(t, 'sec.target', testPassword, stranger)).status).toBe(401);
    clock.advance(minutes(1) + 1_000);
    expect((await signIn(t, 'sec.target', testPassword, stranger)).status).toBe(200);
  });

  it('a patient stranger backs off exponentially at its address (1, 2, 4, 4 min) and never holds the account as a whole', { timeout: 120_000 }, async () => {
    const stranger = '203.0.113.20';
    const user = '198.51.100.8';
    for (const length of [1, 2, 4, 4]) {
      for (let i = 0; i < 5; i++) expect((await signIn(t, 'sec.patient', `Stranger-${length}-${i}!`, stranger)).status).toBe(401);
      // The user signs in whenever they like, from their own address.
      expect((await signIn(t, 'sec.patient', testPassword, user)).status, `user during a ${length} min back-off`).toBe(200);
      clock.advance(minutes(length) - 1_000);
      // Just before its back-off ends the stranger is still refused (the right password too, unchecked).
      expect((await signIn(t, 'sec.patient', testPassword, stranger)).status, `stranger held ${length} min`).toBe(401);
      expect((await signIn(t, 'sec.patient', testPassword, user)).status).toBe(200);
      clock.advance(2_000);
    }
    // 20 failures from one address: 20 checks, 4 refusals, and the user was never held.
    expect(await checksOf(t, 'sec.patient')).toEqual({ checked: 20 + 8, refused: 4 });
  });

  it('20 failures from 20 addresses within the window back the whole account off (a distributed attack), known or unknown name alike', { timeout: 120_000 }, async () => {
    const address = (n: number) => `10.20.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    let next = 0;
    // 19 failures from 19 addresses: below the account-wide line, the user at a 20th is in.
    for (let i = 0; i < 19; i++) expect((await signIn(t, 'sec.spread', 'Wrong-Passw0rd!', address(next++))).status).toBe(401);
    expect((await signIn(t, 'sec.spread', testPassword, address(next++))).status).toBe(200);

    // 20 more (the success started the count over): the 20th check backs the account off.
    for (let i = 0; i < 20; i++) {
      const at = address(next++);
      const known = await signIn(t, 'sec.spread', 'Wrong-Passw0rd!', at);
      const unknown = await signIn(t, 'sec.spread-nobody', 'Wrong-Passw0rd!', at);
      expect(comparable(unknown), `failure ${i + 1}`).toEqual(comparable(known));
      expect(known.status).toBe(401);
    }
    expect(await checksOf(t, 'sec.spread')).toEqual({ checked: 40, refused: 0 });
    // Now from any address, even a new one and with the right password: the same refusal as for an unknown name.
    const held = await signIn(t, 'sec.spread', testPassword, address(next));
    expect(comparable(await signIn(t, 'sec.spread-nobody', testPassword, address(next++)))).toEqual(comparable(held));
    expect(held.status).toBe(401);
    clock.advance(minutes(1) - 1_000);
    expect((await signIn(t, 'sec.spread', testPassword, address(next++))).status).toBe(401);
    expect(await checksOf(t, 'sec.spread')).toEqual({ checked: 40, refused: 2 });
    clock.advance(2_000);
    expect((await signIn(t, 'sec.spread', testPassword, address(next++))).status).toBe(200);

    // 40 at once from 40 addresses: the account-wide claim is atomic too, at most 20 are checked.
    const before = await checksOf(t, 'sec.spread');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t, 'sec.spread', `Spread-${i}!`, address(next + i))));
    next += 40;
    for (const a of answers) expect(a.status).toBe(401);
    const after = await checksOf(t, 'sec.spread');
    expect(after.checked - before.checked).toBeGreaterThanOrEqual(1);
    expect(after.checked - before.checked).toBeLessThanOrEqual(20);
    expect(after.checked - before.checked + (after.refused - before.refused)).toBe(40);
    expect((await signIn(t, 'sec.spread', testPassword, address(next++))).status).toBe(401);
  });
});

describe('a stranger cannot keep a user out (F6)', () => {
  const clock = movableClock();
  let t: Server;
  beforeAll(async () => {
    t = await startTestServer({
      now: clock.now,
      trustProxy: true,
      auth: { maxFailedLogins: 5, backoffMinutes: 1, signInsPerClient: { burst: 6, perMinute: 1 } },
    });
    await addUser(t, 'sec.victim');
  }, 180_000);
  afterAll(() => t?.close());

  it('guessing on at full speed through the back-off: limited per client, the user is in once the back-off ends', { timeout: 120_000 }, async () => {
    const stranger = '203.0.113.66';
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await signIn(t, 'sec.victim', `Stranger-${i}!`, stranger)).status);
    // 5 checks start the back-off, a 6th is refused without one; the rest never reach the account.
    expect(answers.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(new Set(answers.slice(6))).toEqual(new Set([429]));
    expect(await checksOf(t, 'sec.victim')).toEqual({ checked: 5, refused: 1 });

    // The stranger goes on trying through the back-off, at whatever its bucket allows.
    for (let s = 0; s < 50; s++) {
      clock.advance(1_000);
      await signIn(t, 'sec.victim', `Stranger-late-${s}!`, stranger);
    }
    // 50 s later one token came back (1 a minute): at most one more attempt reached the account.
    expect((await checksOf(t, 'sec.victim')).refused).toBeLessThanOrEqual(2);
    clock.advance(11_000);
    const user = await signIn(t, 'sec.victim', testPassword, '198.51.100.20');
    expect(user.status).toBe(200);
  });
});
