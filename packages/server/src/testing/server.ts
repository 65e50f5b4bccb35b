/**
 * The test server: a fresh database on the engine the tests run with (SIFA_TEST_ENGINE: `pglite`
 * in memory, or `postgres`, a new PostgreSQL database dropped afterwards), the real HTTP server on
 * a free port, the real org tree, a user per role, and typed tRPC clients signed in as them.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AnyRouter } from '@trpc/server';
import type { Actor, Role, ServerPlugin } from '@sifa/core';
import type { AppRouterOf } from '../app-router.js';
import { openDatabase, type DatabaseHandle } from '../db/engine.js';
import { createLogger } from '../logging.js';
import { seedOrgTree } from '../seed/orgs.js';
import { createSifaServer, type SifaServer, type SifaServerOptions } from '../server.js';
import { testNow } from './clock.js';
import { aesGcmFieldCipher } from '../casework/cipher.js';

/** The fixed field key of test servers (base64 of 32 bytes): tests may read sealed values back with it. */
export const testFieldKey = Buffer.alloc(32, 7).toString('base64');

const engineName = process.env.SIFA_TEST_ENGINE ?? 'pglite';
if (engineName !== 'pglite' && engineName !== 'postgres') {
  throw new Error(`SIFA_TEST_ENGINE must be pglite or postgres, not "${engineName}".`);
}
/** The engine of this test run: `SIFA_TEST_ENGINE` (default pglite). */
export const engine: 'pglite' | 'postgres' = engineName;
/** A PostgreSQL URL allowed to CREATE and DROP databases (`SIFA_TEST_POSTGRES_URL`): the postgres engine makes one per test server there. */
export const adminUrl = process.env.SIFA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** postgres URL of the test database (postgres engine only). */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * PGlite's initdb takes seconds (2–9 s on the CI machine) where loading its result takes well under
 * one: the first in-memory database of a process is initialised, dumped, and every later one is
 * loaded from that dump, which is also kept in the temporary folder for the other processes of the
 * run (per PGlite version; written to a temporary name and renamed, so a reader never sees half a
 * file). An empty cluster only: every test database still runs its own migrations and seeds.
 */
let pgliteCluster: Promise<Blob> | undefined;
function emptyPgliteCluster(): Promise<Blob> {
  pgliteCluster ??= (async () => {
    const version = await pgliteVersion();
    const file = join(tmpdir(), `sifa-test-pglite-${version}-empty.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const { PGlite } = await import('@electric-sql/pglite');
      const fresh = new PGlite();
      try {
        await fresh.waitReady;
        const dump = await fresh.dumpDataDir('none');
        const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
        await rename(partial, file);
        return dump;
      } finally {
        await fresh.close();
      }
    }
  })();
  return pgliteCluster;
}

/** The installed PGlite's version (its package.json is not among its exports). */
async function pgliteVersion(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (;;) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    } catch {
      // not here: one folder up
    }
    if (dirname(dir) === dir) throw new Error('@electric-sql/pglite: no package.json above its entry');
    dir = dirname(dir);
  }
}

/** A brand-new empty database; nothing left over from earlier runs is visible. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ engine: 'pglite', dataDir: 'memory', from: await emptyPgliteCluster() });
    return { handle, url: null, drop: () => handle.close() };
  }
  const name = `sifa_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openDatabase({ engine: 'postgres', url, maxConnections: 5 });
  return {
    handle,
    url,
    async drop() {
      await handle.close();
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}

/** Captures log lines in memory, so tests can read what the server logged. */
export function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

export const testPassword = 'Test-Passw0rd!';

/** The sign-in rate limits of test servers unless a test sets its own (`auth.signInsPerClient`, `auth.signInsPerAccount`). */
export const testSignInLimit = { burst: 100_000, perMinute: 100_000 };

export interface TestUser {
  username: string;
  role: Role;
  orgCode: string;
}

/** Reads the tests do straight through `server.runScoped`: the whole region (15) in scope, RLS applies. */
export const wholeRegionReader: Actor = {
  userId: 'test',
  username: 'test',
  displayName: 'test',
  role: 'city_admin',
  scope: { orgCode: '15', orgPath: '/15/' },
  permissions: new Set(),
  via: 'session',
};

/** Users at each level of the real tree (password `testPassword`), created on every test server. */
export const testUsers = {
  city: { username: 't.city', role: 'city_admin', orgCode: '1504' },
  hongshan: { username: 't.hongshan', role: 'county_admin', orgCode: '150402' },
  songshan: { username: 't.songshan', role: 'county_admin', orgCode: '150404' },
  xitun: { username: 't.xitun', role: 'office_staff', orgCode: '150402001' },
  sanzhongjie: { username: 't.sanzhongjie', role: 'office_staff', orgCode: '150402002' },
  zhenxing: { username: 't.zhenxing', role: 'office_staff', orgCode: '150404001' },
} as const satisfies Record<string, TestUser>;

/** One of the test users (`testUsers`). */
export type TestUserName = keyof typeof testUsers;

export interface ClientOptions {
  batch?: boolean;
  locale?: string;
  /** Extra request headers (Origin, x-sifa-key …). */
  headers?: Record<string, string>;
}

/** A typed tRPC client of `TRouter` (what `TestServer.client` returns). */
export type TestClient<TRouter extends AnyRouter> = ReturnType<typeof createTRPCClient<TRouter>>;

/** The test server of these plugins: `let t: TestServerOf<typeof plugins>`. */
export type TestServerOf<TPlugins extends readonly ServerPlugin[]> = TestServer<AppRouterOf<TPlugins>>;

export interface TestServer<TRouter extends AnyRouter> {
  server: SifaServer<TRouter>;
  db: TestDatabase;
  url: string;
  logs: string[];
  /** A typed client; signed in as `user` when given. */
  client(user?: TestUserName, options?: ClientOptions): Promise<TestClient<TRouter>>;
  clientWithToken(token: string | null, options?: ClientOptions): TestClient<TRouter>;
  /** The session token of a test user (signed in once per server), for raw HTTP calls. */
  tokenOf(user: TestUserName): Promise<string>;
  /** A new session of any user with the test password (not cached: for tests whose clock jumps past a session's expiry). */
  freshClient(username: string, options?: ClientOptions): Promise<TestClient<TRouter>>;
  /** An anonymous client presenting a publishable key (as a host page's widget would). */
  publicClient(publishableKey: string, options?: ClientOptions): TestClient<TRouter>;
  /** Creates a publishable key for `orgCode` as the city admin (Node sends no Origin). */
  publishableKey(orgCode: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Create the test users (`testUsers`, password `testPassword`); default true. */
  seedUsers?: boolean;
  /**
   * Start even when the plugins' tables in code differ from what their migrations build (schema
   * drift). By default that fails the start, naming plugin, table and column: every plugin's
   * tests check its migrations this way. Only tests of the drift check itself set it.
   */
  allowDrift?: boolean;
  /**
   * PostgreSQL only: the URL the server connects with, given the test database's URL (a test's
   * TCP proxy in front of it, to cut or refuse connections). The server then opens and closes
   * its own pool there; `db.handle` stays a direct connection for the test's own reads.
   */
  databaseUrlFor?(url: string): string;
}

/**
 * Starts a Sifa server for a test: a fresh database (`createTestDatabase`), the real org tree, the
 * test users (unless `seedUsers: false`), jobs not scheduled, the test clock (`testNow`) unless
 * `now` is given, the fixed field key (`testFieldKey`) unless `fieldCipher` is given, and the HTTP server on a free port; refuses to start on schema drift (unless
 * `allowDrift`). Close it in `afterAll`.
 */
export async function startTestServer<const TPlugins extends readonly ServerPlugin[] = []>(
  options: Partial<SifaServerOptions<TPlugins>> & StartTestServerOptions = {},
): Promise<TestServer<AppRouterOf<TPlugins>>> {
  const { seedUsers, allowDrift, databaseUrlFor, ...serverOptions } = options;
  const db = await createTestDatabase();
  if (databaseUrlFor && !db.url) {
    await db.drop();
    throw new Error('databaseUrlFor needs the postgres engine (SIFA_TEST_ENGINE=postgres).');
  }
  const database = databaseUrlFor && db.url ? { engine: 'postgres' as const, url: databaseUrlFor(db.url), maxConnections: 5 } : db.handle;
  const { logger, lines } = memoryLogger();
  let server: SifaServer<AppRouterOf<TPlugins>>;
  try {
    // Sign-in limits out of the way unless a test sets its own: every test signs in many times from
    // one loopback address, often on a clock that never moves (so buckets would never refill).
    const auth = { signInsPerClient: testSignInLimit, signInsPerAccount: testSignInLimit, ...serverOptions.auth };
    // keepAliveTimeoutMs: the tests' fetch (undici) closes its idle connections itself before the
    // server would. With the server closing after 5 s, a test that blocked the event loop for
    // longer (an embedded PGlite seeding in-process) sent its next request on a connection the
    // server closed in the same instant: "other side closed".
    server = await createSifaServer<TPlugins>({ logger, jobs: { schedule: false }, now: testNow, fieldCipher: aesGcmFieldCipher(testFieldKey), keepAliveTimeoutMs: 120_000, ...serverOptions, auth, database, port: 0 });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const drift = (server.drift ?? []).filter((d) => d.severity === 'error');
  if (drift.length > 0 && !allowDrift) {
    await server.close();
    await db.drop();
    throw new Error(`Schema drift: the tables in code differ from what the migrations build.\n${drift.map((d) => `  ${d.message}`).join('\n')}`);
  }
  await seedOrgTree(db.handle.db);
  if (seedUsers !== false) {
    for (const user of Object.values(testUsers)) {
      await server.auth.createUser({ ...user, displayName: user.username, password: testPassword });
    }
  }
  const url = await server.listen();
  const tokens = new Map<string, string>();
  const clientWithToken = (token: string | null, opts: ClientOptions = {}) => {
    const headers = () => ({
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'x-sifa-locale': opts.locale ?? 'en',
      ...opts.headers,
    });
    // Built for any router, then typed: the router type is generic here, so tRPC cannot resolve its transformer options.
    const request = opts.batch === false ? httpLink({ url: `${url}/trpc`, headers }) : httpBatchLink({ url: `${url}/trpc`, headers, maxItems: 20 });
    // Subscriptions: tRPC's own SSE link over Node's fetch (Node 20 has no EventSource), headers included.
    const subscription = httpSubscriptionLink({
      url: `${url}/trpc`,
      EventSource,
      eventSourceOptions: () => ({ fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers() } }) }),
    });
    const link = splitLink({ condition: (op) => op.type === 'subscription', true: subscription, false: request });
    return createTRPCClient<AppRouterOf<TPlugins>>({ links: [link as TRPCLink<AppRouterOf<TPlugins>>] });
  };
  const tokenOf = async (user: TestUserName) => {
    let token = tokens.get(user);
    if (!token) {
      const anon = clientWithToken(null) as unknown as { platform: { auth: { login: { mutate(i: unknown): Promise<{ token: string }> } } } };
      token = (await anon.platform.auth.login.mutate({ username: testUsers[user].username, password: testPassword })).token;
      tokens.set(user, token);
    }
    return token;
  };
  const testServer: TestServer<AppRouterOf<TPlugins>> = {
    server,
    db,
    url,
    logs: lines,
    clientWithToken,
    tokenOf,
    client: async (user, opts) => (user ? clientWithToken(await tokenOf(user), opts) : clientWithToken(null, opts)),
    async freshClient(username, opts) {
      const anon = clientWithToken(null) as unknown as { platform: { auth: { login: { mutate(i: unknown): Promise<{ token: string }> } } } };
      const { token } = await anon.platform.auth.login.mutate({ username, password: testPassword });
      return clientWithToken(token, opts);
    },
    publicClient: (key, opts = {}) => clientWithToken(null, { ...opts, headers: { 'x-sifa-key': key, ...opts.headers } }),
    async publishableKey(orgCode) {
      const city = (await testServer.client('city')) as unknown as {
        platform: { keys: { create: { mutate(i: unknown): Promise<{ key: string }> } } };
      };
      return (await city.platform.keys.create.mutate({ kind: 'publishable', orgCode, label: `test ${orgCode}`, allowedOrigins: ['http://localhost:1'] })).key;
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
  return testServer;
}

