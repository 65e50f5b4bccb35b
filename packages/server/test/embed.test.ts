/**
 * Embedding over real HTTP: keys managed within the administrator's subtree (procedures and the
 * CLI), embed tokens minted with a secret key for one user and org, tokens confined to their
 * org's subtree, expired (the server's clock moved on), forged, or dead with their revoked key;
 * publishable keys and embed tokens checked against the request's Origin; CORS preflight and
 * headers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { createTRPCClient, httpLink, type TRPCLink } from '@trpc/client';
import {
  createSifaServer,
  EmbedTokenError,
  mintEmbedToken,
  openDatabase,
  seedOrgTree,
  type AppRouterOf,
  type DatabaseConfig,
} from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { createCliDatabase, type CliDatabase, memoryLogger, rawFetch, runCli, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

type Router = AppRouterOf<[typeof caseworkPlugin]>;

const portal = 'https://portal.hongshan.example.gov.cn';
const otherPortal = 'https://portal.songshan.example.gov.cn';
const stranger = 'https://evil.example.com';

let clock = new Date('2026-03-02T08:00:00.000Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
let t: TestServer<Router>;
/** Secret key of 红山区 (150402), its tokens usable from `portal`. */
let hongshanSecret: string;
let hongshanSecretId: string;
/** Publishable key of 红山区 for `portal`. */
let hongshanPk: string;
/** Publishable key of 松山区 (150404) for `otherPortal`. */
let songshanPk: string;

/** A typed client sending exactly these headers (Origin, x-sifa-key, Authorization …). */
function clientWith(headers: Record<string, string>) {
  const link = httpLink({ url: `${t.url}/trpc`, headers: () => ({ 'x-sifa-locale': 'en', ...headers }) });
  return createTRPCClient<Router>({ links: [link as TRPCLink<Router>] });
}
const withToken = (token: string, extra: Record<string, string> = {}) => clientWith({ authorization: `Bearer ${token}`, ...extra });

const xitunUser = { id: 'host-user-17', displayName: '王芳' };

async function mint(secret: string, input: Partial<{ user: { id: string; displayName: string }; role: string; orgCode: string; ttlSeconds: number }> = {}) {
  return withToken(secret).platform.embed.mint.mutate({
    user: xitunUser,
    role: 'office_staff',
    orgCode: '150402001',
    ...input,
  } as Parameters<ReturnType<typeof withToken>['platform']['embed']['mint']['mutate']>[0]);
}

async function select<T>(query: ReturnType<typeof sql>, db = t.db.handle.db): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The server's own signing key, to forge tokens that pass the signature but not the rest. */
async function serverSigningKey() {
  const [row] = await select<{ value: string }>(sql`SELECT value FROM sifa_settings WHERE key = 'embed.signing-key'`);
  return new Uint8Array(Buffer.from(row!.value, 'base64url'));
}

function jwt(claims: Record<string, unknown>, key: Uint8Array, opts: { aud?: string; iss?: string; expSeconds?: number } = {}) {
  const iat = Math.floor(clock.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(opts.iss ?? 'sifa')
    .setAudience(opts.aud ?? 'sifa-embed')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (opts.expSeconds ?? 600))
    .sign(key);
}

beforeAll(async () => {
  t = await startTestServer({ plugins: [caseworkPlugin] as const, now: () => clock });
  const hongshan = await t.client('hongshan', { batch: false });
  const secret = await hongshan.platform.keys.create.mutate({ kind: 'secret', label: 'portal backend', allowedOrigins: [portal] });
  hongshanSecret = secret.key;
  hongshanSecretId = secret.id;
  hongshanPk = (await hongshan.platform.keys.create.mutate({ kind: 'publishable', label: 'portal page', allowedOrigins: [`${portal}/`] })).key;
  const songshan = await t.client('songshan', { batch: false });
  songshanPk = (await songshan.platform.keys.create.mutate({ kind: 'publishable', allowedOrigins: [otherPortal] })).key;
});
afterAll(() => t?.close());

describe('keys (platform.keys)', () => {
  it('creates a secret key shown once, storing only its hash', async () => {
    expect(hongshanSecret).toMatch(/^sk_[0-9A-Za-z]{20}_[A-Za-z0-9_-]{43}$/);
    expect(hongshanPk).toMatch(/^pk_[0-9A-Za-z]{20}$/);
    const [row] = await select<{ secret_hash: string; scope_path: string; allowed_origins: string[]; created_by: string }>(
      sql`SELECT secret_hash, scope_path, allowed_origins, created_by FROM api_keys WHERE id = ${hongshanSecretId}`,
    );
    const secretPart = hongshanSecret.split('_').slice(2).join('_');
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    expect(row).toMatchObject({ scope_path: '/15/1504/150402/', allowed_origins: [portal] });
    const me = await (await t.client('hongshan')).platform.auth.me.query();
    expect(row!.created_by).toBe(me.userId);
    expect(me.permissions).toContain('platform.keys.manage');
  });

  it('lists keys of the caller\'s subtree without secrets', async () => {
    const list = await (await t.client('hongshan')).platform.keys.list.query();
    expect(list.map((k) => k.kind).sort()).toEqual(['publishable', 'secret']);
    expect(JSON.stringify(list)).not.toContain(hongshanSecret.split('_').slice(2).join('_'));
    expect(list.find((k) => k.kind === 'secret')).toMatchObject({ id: hongshanSecretId, display: `sk_${hongshanSecretId}_…`, orgCode: '150402', label: 'portal backend', revokedAt: null });
    expect(list.find((k) => k.kind === 'publishable')).toMatchObject({ display: hongshanPk, allowedOrigins: [portal] });
    // 松山区 sees only its own; the city sees all.
    const songshan = await (await t.client('songshan')).platform.keys.list.query();
    expect(songshan.map((k) => k.display)).toEqual([songshanPk]);
    const city = await (await t.client('city')).platform.keys.list.query();
    expect(city.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a county admin inside its county', async () => {
    const hongshan = await t.client('hongshan', { batch: false });
    for (const orgCode of ['150404', '1504', '150404001']) {
      const err = await sifaErrorOf(hongshan.platform.keys.create.mutate({ kind: 'publishable', orgCode, allowedOrigins: [portal] }));
      expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    }
    // A key for an office inside the county is fine.
    const office = await hongshan.platform.keys.create.mutate({ kind: 'publishable', orgCode: '150402001', allowedOrigins: ['http://localhost:8080'] });
    expect(office.orgCode).toBe('150402001');
    // 松山区 can neither revoke 红山区's key nor see it.
    const songshan = await t.client('songshan', { batch: false });
    expect((await sifaErrorOf(songshan.platform.keys.revoke.mutate({ id: office.id }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(songshan.platform.keys.revoke.mutate({ id: 'AAAAAAAAAAAAAAAAAAAA' }))).data.sifaCode).toBe('NOT_FOUND');
    await hongshan.platform.keys.revoke.mutate({ id: office.id });
  });

  it('is refused to office staff and to embed tokens', async () => {
    const xitun = await t.client('xitun', { batch: false });
    expect((await sifaErrorOf(xitun.platform.keys.list.query())).data.sifaCode).toBe('FORBIDDEN');
    const { token } = await mint(hongshanSecret, { role: 'county_admin', orgCode: '150402' });
    const embedded = withToken(token);
    expect((await embedded.platform.auth.me.query()).permissions).toContain('platform.keys.manage');
    const err = await sifaErrorOf(embedded.platform.keys.create.mutate({ kind: 'secret', allowedOrigins: [] }));
    expect(err.data.sifaCode).toBe('FORBIDDEN');
    expect(err.message).toMatch(/not from an embedded widget/);
  });

  it('validates origins', async () => {
    const hongshan = await t.client('hongshan', { batch: false });
    const err = await sifaErrorOf(
      hongshan.platform.keys.create.mutate({ kind: 'publishable', allowedOrigins: ['https://ok.example', 'https://x.example/path', 'ftp://x.example', '*', 'https://u:p@x.example'] }),
    );
    expect(err.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(err.data.issues.map((i) => i.path)).toEqual(['allowedOrigins.1', 'allowedOrigins.2', 'allowedOrigins.3', 'allowedOrigins.4']);
    const none = await sifaErrorOf(hongshan.platform.keys.create.mutate({ kind: 'publishable', allowedOrigins: [] }));
    expect(none.data.issues).toEqual([{ path: 'allowedOrigins', message: 'A publishable key needs at least one allowed origin.' }]);
  });

  it('is not readable by the scoped application role', async () => {
    for (const table of ['api_keys', 'sifa_settings']) {
      const failure = await t.db.handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL ROLE sifa_app`);
          await tx.execute(sql.raw(`SELECT * FROM ${table}`));
        })
        .then(
          () => 'read',
          (error: unknown) => String((error as { cause?: { message?: string } }).cause?.message ?? error),
        );
      expect(failure).toMatch(/permission denied/);
    }
  });
});

describe('minting (platform.embed.mint)', () => {
  it('mints a token for one user, role and org, and audits it', async () => {
    const result = await mint(hongshanSecret);
    expect(result.token.split('.')).toHaveLength(3);
    expect(result.expiresAt).toBe(new Date(Math.floor(clock.getTime() / 1000) * 1000 + 600_000).toISOString());
    const payload = JSON.parse(Buffer.from(result.token.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ iss: 'sifa', aud: 'sifa-embed', sub: 'host-user-17', name: '王芳', role: 'office_staff', org: '150402001', kid: hongshanSecretId });
    expect(payload.exp - payload.iat).toBe(600);
    const [audit] = await select<{ actor_id: string; actor_role: string; scope_path: string; entity_id: string }>(
      sql`SELECT actor_id, actor_role, scope_path, entity_id FROM audit_log WHERE action = 'platform.embed.mint' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toEqual({ actor_id: `apikey:${hongshanSecretId}`, actor_role: 'api_key', scope_path: '/15/1504/150402/150402001/', entity_id: `embed:${hongshanSecretId}:host-user-17` });
  });

  it('refuses an org outside the key\'s subtree', async () => {
    for (const orgCode of ['150404001', '150404', '1504']) {
      const role = orgCode.length === 9 ? 'office_staff' : orgCode.length === 6 ? 'county_admin' : 'city_admin';
      expect((await sifaErrorOf(mint(hongshanSecret, { orgCode, role }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    }
  });

  it('refuses a role that does not fit the org level', async () => {
    const wrong = [
      { role: 'county_admin', orgCode: '150402001' },
      { role: 'office_staff', orgCode: '150402' },
      { role: 'city_admin', orgCode: '150402' },
    ];
    for (const input of wrong) {
      const err = await sifaErrorOf(mint(hongshanSecret, input));
      expect(err.data.sifaCode).toBe('VALIDATION_FAILED');
      expect(err.data.issues[0]!.path).toBe('role');
    }
    expect((await sifaErrorOf(mint(hongshanSecret, { ttlSeconds: 3601 }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(mint(hongshanSecret, { ttlSeconds: 59 }))).data.sifaCode).toBe('VALIDATION_FAILED');
  });

  it('refuses bad, wrong and non-secret keys', async () => {
    const wrongSecret = `sk_${hongshanSecretId}_${'A'.repeat(43)}`;
    const unknownId = `sk_${'B'.repeat(20)}_${hongshanSecret.slice(-43)}`;
    const session = (await t.server.auth.login('t.hongshan', 'Test-Passw0rd!')).token;
    for (const bearer of [wrongSecret, unknownId, 'sk_garbage', hongshanPk, session]) {
      const err = await sifaErrorOf(mint(bearer));
      expect(err.data.sifaCode).toBe('UNAUTHENTICATED');
      expect(err.data.httpStatus).toBe(401);
    }
    expect((await sifaErrorOf(clientWith({}).platform.embed.mint.mutate({ user: xitunUser, role: 'office_staff', orgCode: '150402001' }))).data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('a secret key is not an actor anywhere else', async () => {
    const asKey = withToken(hongshanSecret);
    expect((await sifaErrorOf(asKey.platform.auth.me.query())).data.sifaCode).toBe('UNAUTHENTICATED');
    expect((await sifaErrorOf(asKey.casework.list.query({}))).data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('works through mintEmbedToken, which explains failures', async () => {
    const minted = await mintEmbedToken({ endpoint: `${t.url}/`, secretKey: hongshanSecret, user: xitunUser, role: 'office_staff', orgCode: '150402002', ttlSeconds: 120 });
    expect(minted.expiresAt).toBe(new Date(Math.floor(clock.getTime() / 1000) * 1000 + 120_000).toISOString());
    expect((await withToken(minted.token).platform.auth.me.query()).orgCode).toBe('150402002');
    const failure = await mintEmbedToken({ endpoint: `${t.url}/trpc`, secretKey: hongshanSecret, user: xitunUser, role: 'office_staff', orgCode: '150404001' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmbedTokenError);
    expect(failure).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    expect((failure as Error).message).toMatch(/^Minting an embed token failed \(403 OUT_OF_SCOPE\): Organisation 150404001 is outside the subtree this key serves\./);
    const unreachable = await mintEmbedToken({ endpoint: 'http://127.0.0.1:9', secretKey: hongshanSecret, user: xitunUser, role: 'office_staff', orgCode: '150402001' }).catch((e: unknown) => e);
    expect(unreachable).toMatchObject({ name: 'EmbedTokenError', status: 0 });
  });
});

describe('embed tokens', () => {
  it('act as the host user, in office A and nowhere else', async () => {
    const { token } = await mint(hongshanSecret);
    const a = withToken(token);
    const me = await a.platform.auth.me.query();
    expect(me).toMatchObject({ userId: `embed:${hongshanSecretId}:host-user-17`, username: 'host-user-17', displayName: '王芳', role: 'office_staff', orgCode: '150402001' });

    // Office B (same county) has a case of its own, opened by its staff.
    const b = await t.client('sanzhongjie', { batch: false });
    const caseB = await b.casework.open.mutate({ orgCode: '150402002', title: 'B', openedOn: '2026-03-02', people: 1 });

    // Reads and writes A.
    const opened = await a.casework.open.mutate({ orgCode: '150402001', title: 'A by embed', openedOn: '2026-03-02', people: 2 });
    await a.casework.rename.mutate({ id: opened.id, title: 'A renamed' });
    expect((await a.casework.list.query({})).map((c) => c.title)).toEqual(['A renamed']);
    expect((await a.casework.list.query({ orgCode: '150402001' })).map((c) => c.id)).toEqual([opened.id]);

    // Cannot read or write B, nor another county.
    expect((await sifaErrorOf(a.casework.list.query({ orgCode: '150402002' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(a.casework.open.mutate({ orgCode: '150402002', title: 'x', openedOn: '2026-03-02', people: 1 }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(a.casework.list.query({ orgCode: '150404001' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(a.casework.open.mutate({ orgCode: '150404001', title: 'x', openedOn: '2026-03-02', people: 1 }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    // B's row is invisible to it (row-level security), so it cannot be renamed either.
    expect((await sifaErrorOf(a.casework.rename.mutate({ id: caseB.id, title: 'hijacked' }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await a.casework.listWithoutAppScope.query()).map((c) => c.orgCode)).toEqual(['150402001']);
    expect((await b.casework.list.query({})).map((c) => c.title)).toEqual(['B']);

    // Its writes are audited under the host user.
    const [audit] = await select<{ actor_id: string }>(sql`SELECT actor_id FROM audit_log WHERE action = 'casework.rename' ORDER BY seq DESC LIMIT 1`);
    expect(audit!.actor_id).toBe(`embed:${hongshanSecretId}:host-user-17`);
  });

  it('are refused once expired (refreshing is the widget\'s job), by the server\'s clock', async () => {
    const { token } = await mint(hongshanSecret, { ttlSeconds: 60 });
    const a = withToken(token);
    await a.casework.list.query({});
    advance(59_000);
    await a.casework.list.query({});
    advance(2_000);
    const err = await sifaErrorOf(a.casework.list.query({}));
    expect(err.data).toMatchObject({ sifaCode: 'TOKEN_EXPIRED', httpStatus: 401, details: { reason: 'embed-token' } });
    // Public reference data still answers.
    expect((await a.platform.org.get.query({ code: '150402' })).code).toBe('150402');
    // A fresh token works again.
    await withToken((await mint(hongshanSecret)).token).casework.list.query({});
  });

  it('refuses forged tokens', async () => {
    const claims = { name: 'x', role: 'city_admin', org: '1504', kid: hongshanSecretId, sub: 'mallory' };
    const serverKey = await serverSigningKey();
    const { token: real } = await mint(hongshanSecret);
    const [header, payload, signature] = real.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), org: '150404001' })).toString('base64url');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const forged = [
      await jwt(claims, new Uint8Array(32).fill(7)), // another key
      `${header}.${altered}.${signature}`, // payload changed after signing
      `${noneHeader}.${payload}.`, // alg none
      await jwt({ ...claims, org: '150402001', role: 'office_staff' }, serverKey, { aud: 'someone-else' }),
      await jwt({ ...claims, org: '150402001', role: 'office_staff' }, serverKey, { iss: 'not-sifa' }),
      // Authentic signature, but an org outside its key's subtree, or a key that does not exist.
      await jwt(claims, serverKey),
      await jwt({ ...claims, org: '150402001', role: 'office_staff', kid: 'C'.repeat(20) }, serverKey),
      'not.a.token',
    ];
    for (const token of forged) {
      const err = await sifaErrorOf(withToken(token).casework.list.query({}));
      expect(err.data.sifaCode, token).toBe('UNAUTHENTICATED');
    }
    // A properly signed one with an org inside the subtree does pass: the checks above are the ones that refused.
    const ok = await jwt({ ...claims, org: '150402001', role: 'office_staff' }, serverKey);
    expect((await withToken(ok).platform.auth.me.query()).orgCode).toBe('150402001');
  });

  it('stop working when their key is revoked', async () => {
    const hongshan = await t.client('hongshan', { batch: false });
    const created = await hongshan.platform.keys.create.mutate({ kind: 'secret', allowedOrigins: [] });
    const { token } = await mint(created.key);
    await withToken(token).casework.list.query({});
    const revoked = await hongshan.platform.keys.revoke.mutate({ id: created.id });
    expect(revoked.revokedAt).toBe(clock.toISOString());
    expect((await sifaErrorOf(withToken(token).casework.list.query({}))).data.sifaCode).toBe('UNAUTHENTICATED');
    expect((await sifaErrorOf(mint(created.key))).data.sifaCode).toBe('UNAUTHENTICATED');
    // Revoking again changes nothing.
    expect((await hongshan.platform.keys.revoke.mutate({ id: created.id })).revokedAt).toBe(revoked.revokedAt);
    const actions = await select<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'api_keys' AND entity_id = ${created.id} ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['platform.keys.create', 'platform.keys.revoke']);
  });

  it('survive a restart: the signing key is kept in the database', async () => {
    const { token } = await mint(hongshanSecret);
    const again = await createSifaServer({ database: t.db.handle, port: 0, logger: memoryLogger().logger, now: () => clock, plugins: [caseworkPlugin] });
    try {
      const url = await again.listen();
      const res = await rawFetch(`${url}/trpc/platform.auth.me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.json.result.data.userId).toBe(`embed:${hongshanSecretId}:host-user-17`);
    } finally {
      await again.close();
    }
    const settings = await select<{ key: string }>(sql`SELECT key FROM sifa_settings`);
    expect(settings).toEqual([{ key: 'embed.signing-key' }]);
  });
});

describe('origins and CORS', () => {
  const get = (path: string, headers: Record<string, string>) => rawFetch(`${t.url}/trpc/${path}`, { headers: { 'x-sifa-locale': 'en', ...headers } });
  const orgGet = (headers: Record<string, string>) => get(`platform.org.get?input=${encodeURIComponent(JSON.stringify({ code: '150402' }))}`, headers);

  it('serves a publishable key from its allowed origin, with CORS headers', async () => {
    const res = await orgGet({ origin: portal, 'x-sifa-key': hongshanPk });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(portal);
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id, content-disposition, retry-after');
  });

  it('refuses a publishable key from an origin it does not list', async () => {
    for (const [origin, key] of [
      [stranger, hongshanPk],
      [otherPortal, hongshanPk], // allowed for another key, not this one
      [portal, songshanPk],
    ] as const) {
      const res = await orgGet({ origin, 'x-sifa-key': key });
      expect(res.status).toBe(403);
      expect(res.json.error.data.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    }
    // No CORS grant for a stranger: the browser does not even show it the answer.
    expect((await orgGet({ origin: stranger, 'x-sifa-key': hongshanPk })).headers.get('access-control-allow-origin')).toBeNull();
    // Through the typed client too, for every call of a batch.
    const err = await sifaErrorOf(clientWith({ origin: stranger, 'x-sifa-key': hongshanPk }).platform.org.get.query({ code: '150402' }));
    expect(err.data).toMatchObject({ sifaCode: 'ORIGIN_NOT_ALLOWED', httpStatus: 403 });
  });

  it('refuses cross-origin requests without a key, and unknown or revoked keys', async () => {
    const bare = await orgGet({ origin: portal });
    expect(bare.status).toBe(403);
    expect(bare.json.error.data.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    // The origin is allowed by some key: the widget may read why it was refused.
    expect(bare.headers.get('access-control-allow-origin')).toBe(portal);
    // A session token alone does not make a foreign page trusted.
    const session = (await t.server.auth.login('t.xitun', 'Test-Passw0rd!')).token;
    expect((await get('platform.auth.me', { origin: stranger, authorization: `Bearer ${session}` })).json.error.data.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    // With a publishable key for the origin it does.
    expect((await get('platform.auth.me', { origin: portal, 'x-sifa-key': hongshanPk, authorization: `Bearer ${session}` })).status).toBe(200);
    // A secret key is never accepted from a browser on another site.
    expect((await get('platform.org.get?input=%7B%22code%22%3A%2215%22%7D', { origin: portal, authorization: `Bearer ${hongshanSecret}` })).json.error.data.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    // Unknown and revoked publishable keys.
    const unknown = await orgGet({ origin: portal, 'x-sifa-key': `pk_${'D'.repeat(20)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.data.sifaCode).toBe('UNAUTHENTICATED');
    expect((await orgGet({ 'x-sifa-key': 'nonsense' })).json.error.data.sifaCode).toBe('UNAUTHENTICATED');
    const hongshan = await t.client('hongshan', { batch: false });
    const temp = await hongshan.platform.keys.create.mutate({ kind: 'publishable', allowedOrigins: [portal] });
    expect((await orgGet({ origin: portal, 'x-sifa-key': temp.key })).status).toBe(200);
    await hongshan.platform.keys.revoke.mutate({ id: temp.id });
    expect((await orgGet({ origin: portal, 'x-sifa-key': temp.key })).json.error.data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('leaves same-origin and server-to-server requests as they were', async () => {
    const host = new URL(t.url).host;
    for (const headers of [{}, { origin: t.url }, { origin: `https://${host}` }] as Record<string, string>[]) {
      const res = await orgGet(headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('accepts an embed token from an origin its key lists, and only there', async () => {
    const { token } = await mint(hongshanSecret);
    const ok = await get('casework.list?input=%7B%7D', { origin: portal, authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(portal);
    // otherPortal is allowed for 松山区's publishable key, not for this token's key, pk or not.
    for (const headers of [{ origin: otherPortal }, { origin: otherPortal, 'x-sifa-key': songshanPk }, { origin: stranger }] as Record<string, string>[]) {
      const res = await get('casework.list?input=%7B%7D', { ...headers, authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      expect(res.json.error.data.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    }
    // Expired, from its origin: the widget can read TOKEN_EXPIRED and refresh.
    const { token: short } = await mint(hongshanSecret, { ttlSeconds: 60 });
    advance(61_000);
    const expired = await get('casework.list?input=%7B%7D', { origin: portal, authorization: `Bearer ${short}` });
    expect(expired.status).toBe(401);
    expect(expired.json.error.data.sifaCode).toBe('TOKEN_EXPIRED');
    expect(expired.headers.get('access-control-allow-origin')).toBe(portal);
    // Forged, cross-origin.
    const forged = await get('casework.list?input=%7B%7D', { origin: portal, authorization: `Bearer ${await jwt({ kid: hongshanSecretId }, new Uint8Array(32))}` });
    expect(forged.json.error.data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('answers preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/trpc/casework.open`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const ok = await preflight(portal);
    expect(ok.status).toBe(204);
    expect(Object.fromEntries([...ok.headers].filter(([k]) => k.startsWith('access-control-') || k === 'vary'))).toEqual({
      'access-control-allow-origin': portal,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, last-event-id, x-sifa-key, x-sifa-locale, x-request-id, x-sifa-application-number, x-sifa-application-code, x-sifa-file-name',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    const refused = await preflight(stranger);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // An origin stops being allowed with the last key that listed it.
    const hongshan = await t.client('hongshan', { batch: false });
    const origin = 'https://once.example.gov.cn';
    const temp = await hongshan.platform.keys.create.mutate({ kind: 'publishable', allowedOrigins: [origin] });
    expect((await preflight(origin)).status).toBe(204);
    await hongshan.platform.keys.revoke.mutate({ id: temp.id });
    expect((await preflight(origin)).status).toBe(403);
  });
});

describe('sifa keys (CLI)', () => {
  let cliDb: CliDatabase | null = null;
  let config: DatabaseConfig;
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    cliDb = await createCliDatabase();
    ({ config, env: cliEnv } = cliDb);
    const server = await createSifaServer({ database: config, logger: memoryLogger().logger });
    try {
      await seedOrgTree(server.database.db);
    } finally {
      await server.close();
    }
  }, 180_000);

  afterAll(async () => {
    await cliDb?.drop();
  });

  it('creates, lists and revokes keys as the owner', async () => {
    const created = await runCli(['keys', 'create', '--kind', 'secret', '--org', '150402', '--origin', portal, '--origin', 'http://localhost:8080/', '--label', 'intranet'], cliEnv);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const secret = created.stdout.match(/^sk_[0-9A-Za-z]{20}_[A-Za-z0-9_-]{43}$/m)?.[0];
    expect(secret).toBeDefined();
    const id = secret!.slice(3, 23);
    expect(created.stdout).toContain(`Created secret key ${id} for org 150402, origins ${portal} http://localhost:8080.`);

    const pk = await runCli(['keys', 'create', '--kind', 'publishable', '--org', '150404001', '--origin', otherPortal, '--form', 'applications.legal-aid'], cliEnv);
    expect(pk.code).toBe(0);
    expect(pk.stdout).toContain(`for org 150404001, origins ${otherPortal}, public forms applications.legal-aid.`);
    const pkId = pk.stdout.match(/^pk_([0-9A-Za-z]{20})$/m)![1]!;

    const listed = await runCli(['keys', 'list'], cliEnv);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(secret!.slice(24));
    expect(listed.stdout).toMatch(new RegExp(`^${id}  secret .*active .*sk_${id}_… .*${portal},http://localhost:8080  intranet$`, 'm'));
    expect(listed.stdout).toMatch(new RegExp(`^${pkId}  publishable  150404001  active  pk_${pkId}  ${otherPortal}$`, 'm'));

    const revoked = await runCli(['keys', 'revoke', id], cliEnv);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked key ${id} (secret, org 150402)`);

    // Recorded in the database, and every action audited as the owner.
    const handle = await openDatabase(config);
    try {
      const [key] = await select<{ revoked_at: unknown }>(sql`SELECT revoked_at FROM api_keys WHERE id = ${id}`, handle.db);
      expect(key!.revoked_at).not.toBeNull();
      const rows = await select<{ action: string; actor_id: string; actor_role: string }>(sql`SELECT action, actor_id, actor_role FROM audit_log WHERE entity = 'api_keys' ORDER BY seq`, handle.db);
      expect(rows).toEqual([
        { action: 'platform.keys.create', actor_id: 'cli', actor_role: 'owner' },
        { action: 'platform.keys.create', actor_id: 'cli', actor_role: 'owner' },
        { action: 'platform.keys.revoke', actor_id: 'cli', actor_role: 'owner' },
      ]);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it('explains bad input and exits 1', async () => {
    const badOrigin = await runCli(['keys', 'create', '--kind', 'publishable', '--org', '150402', '--origin', 'https://x.example/widget'], cliEnv);
    expect(badOrigin.code).toBe(1);
    expect(badOrigin.stderr).toContain('allowedOrigins.0: "https://x.example/widget" is not an origin');
    const noKind = await runCli(['keys', 'create', '--org', '150402'], cliEnv);
    expect(noKind.code).toBe(1);
    expect(noKind.stderr).toContain('--kind publishable or --kind secret');
    const unknownKey = await runCli(['keys', 'revoke', 'nope'], cliEnv);
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toContain('There is no key with id nope.');
  }, 180_000);
});
