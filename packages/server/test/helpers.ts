/**
 * Test harness for the server suite: a fresh database on the engine the project runs with
 * (SIFA_TEST_ENGINE: pglite in memory, or a new PostgreSQL database dropped afterwards), a real
 * HTTP server on a free port, and typed tRPC clients for each test user.
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AnyRouter } from '@trpc/server';
import type { Actor, Role, ServerPlugin } from '@sifa/core';
import {
  createLogger,
  createSifaServer,
  openDatabase,
  seedOrgTree,
  type AppRouterOf,
  type DatabaseConfig,
  type DatabaseHandle,
  type SifaServer,
  type SifaServerOptions,
} from '@sifa/server';
import { testNow } from './test-clock.js';

export const engine = (process.env.SIFA_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';
export const adminUrl = process.env.SIFA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** postgres URL of the test database (postgres engine only). */
  url: string | null;
  drop(): Promise<void>;
}

/** A brand-new empty database; nothing left over from earlier runs is visible. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ engine: 'pglite', dataDir: 'memory' });
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

export interface TestUser {
  username: string;
  role: Role;
  orgCode: string;
}

/** Users at each level of the real tree, used across the suite. */
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

export const testUsers = {
  city: { username: 't.city', role: 'city_admin', orgCode: '1504' },
  hongshan: { username: 't.hongshan', role: 'county_admin', orgCode: '150402' },
  songshan: { username: 't.songshan', role: 'county_admin', orgCode: '150404' },
  xitun: { username: 't.xitun', role: 'office_staff', orgCode: '150402001' },
  sanzhongjie: { username: 't.sanzhongjie', role: 'office_staff', orgCode: '150402002' },
  zhenxing: { username: 't.zhenxing', role: 'office_staff', orgCode: '150404001' },
} as const satisfies Record<string, TestUser>;

export interface ClientOptions {
  batch?: boolean;
  locale?: string;
  /** Extra request headers (Origin, x-sifa-key …). */
  headers?: Record<string, string>;
}

export interface TestServer<TRouter extends AnyRouter> {
  server: SifaServer<TRouter>;
  db: TestDatabase;
  url: string;
  logs: string[];
  /** A typed client; signed in as `user` when given. */
  client(user?: keyof typeof testUsers, options?: ClientOptions): Promise<ReturnType<typeof createTRPCClient<TRouter>>>;
  clientWithToken(token: string | null, options?: ClientOptions): ReturnType<typeof createTRPCClient<TRouter>>;
  /** The session token of a test user (signed in once per server), for raw HTTP calls. */
  tokenOf(user: keyof typeof testUsers): Promise<string>;
  /** A new session of any user with the test password (not cached: for tests whose clock jumps past a session's expiry). */
  freshClient(username: string, options?: ClientOptions): Promise<ReturnType<typeof createTRPCClient<TRouter>>>;
  /** An anonymous client presenting a publishable key (as a host page's widget would). */
  publicClient(publishableKey: string, options?: ClientOptions): ReturnType<typeof createTRPCClient<TRouter>>;
  /** Creates a publishable key for `orgCode` as the city admin (Node sends no Origin). */
  publishableKey(orgCode: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer<const TPlugins extends readonly ServerPlugin[] = []>(
  options: Partial<SifaServerOptions<TPlugins>> & { seedUsers?: boolean } = {},
): Promise<TestServer<AppRouterOf<TPlugins>>> {
  const db = await createTestDatabase();
  const { logger, lines } = memoryLogger();
  let server: SifaServer<AppRouterOf<TPlugins>>;
  try {
    server = await createSifaServer<TPlugins>({ logger, jobs: { schedule: false }, now: testNow, ...options, database: db.handle, port: 0 });
  } catch (error) {
    await db.drop();
    throw error;
  }
  await seedOrgTree(db.handle.db);
  if (options.seedUsers !== false) {
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
  const tokenOf = async (user: keyof typeof testUsers) => {
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

/** The Sifa error data of a failed call (fails the test when the call did not fail that way). */
export async function sifaErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { message: error.message as string, data: error.data as { sifaCode: string; httpStatus: number; issues: { path: string; message: string }[]; details: Record<string, unknown>; pluginError: string | null; requestId: string | null } };
    }
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/** Raw HTTP against the server, for what a typed client would never send. */
export async function rawFetch(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json: json as any };
}

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** Node arguments that run the real `sifa` CLI from its TypeScript sources. */
export function cliArgs(args: string[]): string[] {
  return ['--conditions=sifa-source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args];
}

/** The environment for a CLI child: this process's, without test-runner options, plus `env`. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The CLI's clock starts where the test clock is (SIFA_NOW), unless the test sets its own.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SIFA_LOG_LEVEL: 'silent', SIFA_NOW: testNow().toISOString(), ...env };
  delete childEnv.NODE_OPTIONS;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return childEnv;
}

/** Runs the CLI to completion and collects its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, cliArgs(args), { cwd: repoRoot, env: cliEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface CliDatabase {
  /** How a server in this process opens it (open, use, close before running the CLI). */
  config: DatabaseConfig;
  /** The environment that points the CLI at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database the CLI (a child process) can open: a PGlite folder, or a new PostgreSQL database. */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-cli-'));
    return { config: { engine: 'pglite', dataDir }, env: { SIFA_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const testDb = await createTestDatabase();
  await testDb.handle.close();
  return { config: { engine: 'postgres', url: testDb.url!, maxConnections: 2 }, env: { DATABASE_URL: testDb.url! }, drop: () => testDb.drop() };
}
