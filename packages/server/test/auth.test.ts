/**
 * Sign-in and sessions over real HTTP with a controllable clock: tokens and their idle and
 * absolute expiry, identical answers for a wrong password and an unknown user, a back-off after
 * repeated failures (also when they arrive at once), sign-out, and the audit trail of sign-ins.
 * The attacks themselves (parallel guesses, rate limits, enumeration) are in security/sign-in.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawFetch, sifaErrorOf, startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';

type Router = AppRouterOf<[]>;
const policy = { sessionIdleMinutes: 30, sessionMaxHours: 12, maxFailedLogins: 3, backoffMinutes: 10, maxBackoffMinutes: 40 };
const minutes = (n: number) => n * 60_000;

let clock = new Date('2026-03-02T08:00:00.000Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
let t: TestServer<Router>;

beforeAll(async () => {
  t = await startTestServer({ auth: policy, now: () => clock });
});
afterAll(() => t?.close());

const anon = (locale = 'en') => t.clientWithToken(null, { batch: false, locale });
const login = (username: string, password = testPassword, locale = 'en') => anon(locale).platform.auth.login.mutate({ username, password });
const meWith = (token: string) => t.clientWithToken(token, { batch: false }).platform.auth.me.query();

/** A raw sign-in, to compare whole answers byte for byte. */
async function rawLogin(username: string, password: string, locale = 'en') {
  const res = await rawFetch(`${t.url}/trpc/platform.auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sifa-locale': locale },
    body: JSON.stringify({ username, password }),
  });
  return res;
}

/** The answer without what differs per request (the request id). */
function comparable(res: Awaited<ReturnType<typeof rawLogin>>) {
  const body = structuredClone(res.json);
  delete body.error.data.requestId;
  return { status: res.status, body };
}

/** Rows of a direct SQL query (postgres.js gives an array, PGlite an object with rows). */
async function select<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await t.db.handle.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function auditActions(as: keyof typeof testUsers = 'city') {
  const rows = await (await t.client(as)).platform.audit.list.query({ limit: 200 });
  return rows;
}

describe('sign-in', () => {
  it('returns a token and its expiry, and the user without secrets', async () => {
    const result = await login(testUsers.hongshan.username);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.expiresAt).toBe(new Date(clock.getTime() + minutes(policy.sessionIdleMinutes)).toISOString());
    expect(result.user).toMatchObject({ username: 't.hongshan', role: 'county_admin', orgCode: '150402' });
    expect(JSON.stringify(result)).not.toMatch(/passwordHash|scrypt|failedAttempts|lockedUntil/);
    const me = await meWith(result.token);
    expect(me.username).toBe('t.hongshan');
    // Every sign-in is a new session with its own token.
    const again = await login(testUsers.hongshan.username);
    expect(again.token).not.toBe(result.token);
  });

  it('the token is stored only hashed', async () => {
    const { token } = await login(testUsers.hongshan.username);
    const rows = await select<Record<string, unknown>>(sql`SELECT * FROM sessions`);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(token);
    expect(text).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const wrong = await rawLogin(testUsers.zhenxing.username, 'Wrong-Passw0rd!', locale);
      const unknown = await rawLogin('t.nobody', 'Wrong-Passw0rd!', locale);
      expect(wrong.status).toBe(401);
      expect(wrong.json.error.data.sifaCode).toBe('INVALID_CREDENTIALS');
      expect(comparable(unknown)).toEqual(comparable(wrong));
      expect(wrong.json.error.message).toBe(
        locale === 'en'
          ? 'The user name or password is not correct. After several wrong attempts, wait a few minutes before trying again.'
          : '用户名或密码不正确。连续输错多次后需等待几分钟才能再试。',
      );
      expect(wrong.json.error.data.details).toEqual({});
      expect(wrong.text).not.toContain('zhenxing');
    }
    // zhenxing failed twice: one success resets the count, so more failures do not lock yet.
    await login(testUsers.zhenxing.username);
    for (let i = 0; i < policy.maxFailedLogins - 1; i++) {
      expect((await sifaErrorOf(login(testUsers.zhenxing.username, 'nope'))).data.sifaCode).toBe('INVALID_CREDENTIALS');
    }
    await login(testUsers.zhenxing.username);
  });

  it('an unknown user costs a real hash check, like a wrong password', async () => {
    // CPU time of this process (the server runs in it; scrypt's threads included), not wall
    // time: other processes on a loaded machine do not move it.
    const cpu = async (username: string) => {
      const before = process.cpuUsage();
      await rawLogin(username, 'Wrong-Passw0rd!');
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await cpu('t.nobody'); // warm up
    const unknown = median([await cpu('t.nobody'), await cpu('t.nobody2'), await cpu('t.nobody3')]);
    const known: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await cpu(testUsers.xitun.username));
      await login(testUsers.xitun.username); // reset the failure count before the lockout
    }
    // scrypt dominates both; an answer without hashing would cost a small fraction of it.
    expect(unknown).toBeGreaterThan(median(known) * 0.5);
  });
});

describe('back-off', () => {
  const invalid = 'INVALID_CREDENTIALS';

  it(`backs off after ${policy.maxFailedLogins} failures, refusing even the right password with the same answer, until backoffMinutes have passed`, async () => {
    const user = testUsers.sanzhongjie.username;
    for (let i = 1; i <= policy.maxFailedLogins; i++) {
      const err = await sifaErrorOf(login(user, `wrong-${i}`));
      expect(err.data.sifaCode).toBe(invalid);
      expect(err.data.httpStatus).toBe(401);
    }
    // During the back-off the right password gets exactly the answer of a wrong one.
    const raw = await rawLogin(user, testPassword, 'zh-CN');
    const wrong = await rawLogin('t.nobody', 'Wrong-Passw0rd!', 'zh-CN');
    expect(comparable(raw)).toEqual(comparable(wrong));

    advance(minutes(policy.backoffMinutes) - 1_000);
    expect((await sifaErrorOf(login(user))).data.sifaCode).toBe(invalid);

    advance(2_000);
    const ok = await login(user);
    expect(ok.token).toBeTruthy();
    expect((await meWith(ok.token)).username).toBe(user);

    // The count starts again from zero after the back-off.
    expect((await sifaErrorOf(login(user, 'wrong-again'))).data.sifaCode).toBe(invalid);
    await login(user);
  });

  it('an account in back-off stays so however many more attempts come in, and they do not lengthen it', async () => {
    const user = testUsers.zhenxing.username;
    for (let i = 0; i < policy.maxFailedLogins; i++) await sifaErrorOf(login(user, 'wrong'));
    for (let i = 0; i < 3; i++) {
      expect((await sifaErrorOf(login(user, i === 1 ? testPassword : 'wrong'))).data.sifaCode).toBe(invalid);
    }
    advance(minutes(policy.backoffMinutes) + 1_000);
    await login(user);
  });

  it('failures sent at the same time are all counted: the account backs off', async () => {
    const user = testUsers.songshan.username;
    const attempts = policy.maxFailedLogins * 2;
    const results = await Promise.all(Array.from({ length: attempts }, (_, i) => sifaErrorOf(login(user, `parallel-wrong-${i}`))));
    for (const r of results) expect(r.data.sifaCode).toBe(invalid);
    const err = await sifaErrorOf(login(user));
    expect(err.data.sifaCode).toBe(invalid);
    advance(minutes(policy.backoffMinutes) + 1_000);
    await login(user);
  });
});

describe('sessions', () => {
  it('expire after sessionIdleMinutes without use: TOKEN_EXPIRED 401', async () => {
    const { token } = await login(testUsers.xitun.username);
    advance(minutes(policy.sessionIdleMinutes) - 1_000);
    expect((await meWith(token)).username).toBe('t.xitun');
    // That use slid the idle window: another almost-idle period is fine.
    advance(minutes(policy.sessionIdleMinutes) - 1_000);
    expect((await meWith(token)).username).toBe('t.xitun');

    advance(minutes(policy.sessionIdleMinutes) + 1_000);
    const err = await sifaErrorOf(meWith(token));
    expect(err.data.sifaCode).toBe('TOKEN_EXPIRED');
    expect(err.data.httpStatus).toBe(401);
    expect(err.message).toBe('Your session has expired. Please sign in again.');
    // An expired token never works again, even if the clock were set back.
    clock = new Date(clock.getTime() - minutes(policy.sessionIdleMinutes));
    expect(['TOKEN_EXPIRED', 'UNAUTHENTICATED']).toContain((await sifaErrorOf(meWith(token))).data.sifaCode);
    advance(minutes(policy.sessionIdleMinutes));
  });

  it('expire exactly at the idle limit', async () => {
    const { token, expiresAt } = await login(testUsers.xitun.username);
    clock = new Date(expiresAt);
    expect((await sifaErrorOf(meWith(token))).data.sifaCode).toBe('TOKEN_EXPIRED');
  });

  it('expire after sessionMaxHours even when used all the time', async () => {
    const started = clock.getTime();
    const { token } = await login(testUsers.xitun.username);
    while (clock.getTime() + minutes(20) < started + policy.sessionMaxHours * 3_600_000) {
      advance(minutes(20));
      expect((await meWith(token)).username).toBe('t.xitun');
    }
    clock = new Date(started + policy.sessionMaxHours * 3_600_000 + 1_000);
    expect((await sifaErrorOf(meWith(token))).data.sifaCode).toBe('TOKEN_EXPIRED');
  });

  it('an expired token is refused by scoped procedures too', async () => {
    const { token } = await login(testUsers.hongshan.username);
    advance(minutes(policy.sessionIdleMinutes) + 1_000);
    const err = await sifaErrorOf(t.clientWithToken(token, { batch: false }).platform.audit.list.query({}));
    expect(err.data.sifaCode).toBe('TOKEN_EXPIRED');
  });

  it('a forged token is UNAUTHENTICATED', async () => {
    const { token } = await login(testUsers.xitun.username);
    const forged = [
      'A'.repeat(43),
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      "'OR'1'='1'--",
    ];
    for (const candidate of forged) {
      const err = await sifaErrorOf(meWith(candidate));
      expect(err.data.sifaCode, candidate).toBe('UNAUTHENTICATED');
      expect(err.data.httpStatus).toBe(401);
      expect(err.message).toBe('The sign-in token is not valid. Please sign in again.');
    }
    // The hash of a real token is not a token either.
    const [row] = await select<{ token_hash: string }>(sql`SELECT token_hash FROM sessions LIMIT 1`);
    expect((await sifaErrorOf(meWith(row!.token_hash))).data.sifaCode).toBe('UNAUTHENTICATED');
    // No token at all.
    const none = await sifaErrorOf(anon().platform.auth.me.query());
    expect(none.data.sifaCode).toBe('UNAUTHENTICATED');
    expect(none.message).toBe('Please sign in first.');
  });

  it('sign-out invalidates that token only', async () => {
    const first = await login(testUsers.songshan.username);
    const second = await login(testUsers.songshan.username);
    const client = t.clientWithToken(first.token, { batch: false });
    expect(await client.platform.auth.logout.mutate()).toEqual({ ok: true });
    const err = await sifaErrorOf(client.platform.auth.me.query());
    expect(err.data.sifaCode).toBe('UNAUTHENTICATED');
    expect((await sifaErrorOf(client.platform.auth.logout.mutate())).data.sifaCode).toBe('UNAUTHENTICATED');
    expect((await meWith(second.token)).username).toBe('t.songshan');
  });
});

describe('platform.auth.me', () => {
  it('returns the role, org and permissions of the signed-in user', async () => {
    const city = await (await t.client('city')).platform.auth.me.query();
    expect(city).toMatchObject({ username: 't.city', role: 'city_admin', orgCode: '1504', department: null });
    expect(city.permissions).toEqual([
      'platform.audit.read',
      'platform.calendar.manage',
      'platform.documents.read',
      'platform.facts.read',
      'platform.facts.write',
      'platform.keys.manage',
      'platform.notifications.read',
      'platform.org.manage',
      'platform.org.service-areas.manage',
      'platform.roles.manage',
      'platform.webhooks.manage',
    ]);

    const office = await (await t.client('xitun')).platform.auth.me.query();
    expect(office).toMatchObject({ username: 't.xitun', role: 'office_staff', orgCode: '150402001' });
    expect(office.permissions).toEqual(['platform.documents.read', 'platform.facts.read', 'platform.notifications.read']);

    const county = await (await t.client('hongshan')).platform.auth.me.query();
    expect(county.role).toBe('county_admin');
    expect(county.permissions).toContain('platform.audit.read');
  });

  it('permissions are enforced: office staff cannot read the audit log', async () => {
    const err = await sifaErrorOf((await t.client('xitun')).platform.audit.list.query({}));
    expect(err.data.sifaCode).toBe('FORBIDDEN');
    expect(err.data.details).toEqual({ permission: 'platform.audit.read' });
  });
});

describe('the audit log of sign-ins', () => {
  it('records successful and failed sign-ins and lockouts, visible to the city admin', async () => {
    const user = testUsers.xitun;
    const failedBefore = (await auditActions()).filter((r) => r.action === 'auth.login.failed').length;
    const ok = await login(user.username);
    await sifaErrorOf(login(user.username, 'Wrong-Passw0rd!'));
    const rows = await auditActions();
    const mine = rows.filter((r) => r.actorId === ok.user.id);
    expect(mine[0]).toMatchObject({ action: 'auth.login.failed', actorRole: 'office_staff' });
    expect(mine[1]).toMatchObject({ action: 'auth.login', actorRole: 'office_staff' });
    expect(mine[0]!.scopePath).toContain('150402001');
    expect(rows.filter((r) => r.action === 'auth.login.failed').length).toBe(failedBefore + 1);
    expect(rows.some((r) => r.action === 'auth.login.lockout')).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login.locked')).toBe(true);
    // Newest first.
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => b - a));
    // Neither passwords nor tokens are in the log.
    const text = JSON.stringify(rows);
    expect(text).not.toContain(testPassword);
    expect(text).not.toContain('Wrong-Passw0rd!');
    expect(text).not.toContain(ok.token);
    await login(user.username);
  });

  it('a county admin sees the sign-ins of its own subtree only', async () => {
    const rows = await auditActions('hongshan');
    const paths = new Set(rows.filter((r) => r.action.startsWith('auth.')).map((r) => r.scopePath));
    expect(paths.size).toBeGreaterThan(0);
    for (const path of paths) expect(path).toContain('150402');
    const songshanFailures = (await auditActions('city')).filter((r) => r.scopePath.includes('150404') && r.action === 'auth.login.failed');
    expect(songshanFailures.length).toBeGreaterThan(0);
  });

  it('a failed sign-in for an unknown user name is recorded too', async () => {
    await sifaErrorOf(login('t.ghost', 'whatever'));
    const list = await select(sql`SELECT actor_id, action FROM audit_log WHERE actor_id = 'anonymous:t.ghost'`);
    expect(list).toEqual([{ actor_id: 'anonymous:t.ghost', action: 'auth.login.failed' }]);
  });
});
