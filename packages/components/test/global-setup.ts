/**
 * Starts real Sifa servers (embedded PGlite in a temporary folder, the real org tree, every plugin
 * of the repository's sifa.config.mjs — a plugin made by `sifa plugin new` is listed there — their
 * demo content seeded) for the browser tests, in Node, and hands the main one's URL to the tests
 * (`inject('sifaUrl')`). Browser tests reach the servers through `commands` (test/commands.ts):
 * allow their page origin, mint embed tokens with a secret key over the server's own mint API,
 * stop and restart a server (same port, same data), count diary rows straight from the database,
 * move the server's clock.
 *
 * The vitest config loads commands.ts itself (bundled with the config), so it cannot share this
 * module's variables: the servers are published on `globalThis` under a registered symbol, per
 * project (each browser project has servers of its own), and commands.ts imports only types from here.
 *
 * Tests that stop a server use their own named instance (`name`), so a file stopping "its"
 * server never pulls the shared one from under a file running in parallel.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Actor, Role, ServerPlugin } from '@sifa/core';
import { chifengOrgTree, createLogger, createSifaServer, mintEmbedToken, seedOrgTree, seedPlugins, type PublicApplyOptions, type SifaServer } from '@sifa/server';
import { createDiaryPlugin, diaryEntries } from '@sifa/plugin-diary/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { createAssessmentPlugin } from '@sifa/plugin-assessment/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { createMediationPlugin } from '@sifa/plugin-mediation/server';
import { createConsultationPlugin } from '@sifa/plugin-consultation/server';
import { createLegalityReviewPlugin } from '@sifa/plugin-legality-review/server';
import { createApplicationsPlugin } from '@sifa/plugin-applications/server';
import { testClockStart, testNow } from '@sifa/server/testing';
import { publishTestTour, type PublishedTestTour, type TestTourSpec } from './publish-test-tour.js';

export type { PublishedTestTour, TestTourSpec };

declare module 'vitest' {
  export interface ProvidedContext {
    sifaUrl: string;
    /** Where the test clock started (the servers' clock; the browser's Date starts there too, see browser-clock.ts). */
    testClockStart: string;
  }
}

export interface MintRequest {
  orgCode: string;
  role?: Role;
  ttlSeconds?: number;
  /** The host site's user id (default `u-test`); diary entries are idempotent per author. */
  userId?: string;
  displayName?: string;
  /** The page origin the token's key must allow (the test page's `location.origin`). */
  origin: string;
}

export interface EntryCount {
  /** Rows of the org in diary_entries. */
  total: number;
  /** Distinct idempotency keys among them (equal to `total` when nothing was duplicated). */
  distinctKeys: number;
  keys: string[];
}

/** One test server: a PGlite folder and a port that outlive stop/start. */
export class TestSifaServer {
  private server: SifaServer | null = null;
  private port = 0;
  private clockOffsetMs = 0;
  private readonly secretKeys = new Map<string, { secret: string; publishable: string }>();
  url = '';

  private constructor(
    private readonly dataDir: string,
    private readonly name: string,
  ) {}

  /**
   * A new server; from a copy of `template` (a stopped server's folder: migrated and seeded) when
   * given, which takes ~2 s instead of ~15 s for migrating and seeding a new folder.
   */
  static async create(name: string, template?: string): Promise<TestSifaServer> {
    const instance = new TestSifaServer(await mkdtemp(join(tmpdir(), `sifa-components-${name}-`)), name);
    if (template) await cp(template, instance.dataDir, { recursive: true });
    await instance.start();
    if (!template) {
      await seedOrgTree(instance.server!.database.db);
      // Plugins' demo content (the institutions of the legal-services map, the synthetic VR tours), as `sifa start --seed` does.
      await seedPlugins(instance.server!, (await chifengOrgTree()).map((o) => o.code));
    }
    return instance;
  }

  /** Copies this server's data folder (stopping it meanwhile) to a new folder; returns its path. */
  async snapshot(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'sifa-components-template-'));
    const wasRunning = this.running;
    await this.stop();
    await cp(this.dataDir, folder, { recursive: true });
    if (wasRunning) await this.start();
    return folder;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<string> {
    if (this.server) return this.url;
    const apply = applyServer(this.name);
    const server = await createSifaServer({
      database: { engine: 'pglite', dataDir: this.dataDir },
      plugins: [...(await testPlugins()), ...(apply ? [createApplicationsPlugin({ demo: false })] : [])],
      ...(apply ? { publicApply: apply } : {}),
      port: this.port,
      logger: createLogger({ level: 'silent' }),
      now: () => new Date(testNow().getTime() + this.clockOffsetMs),
    });
    this.url = await server.listen();
    this.port = Number(new URL(this.url).port);
    this.server = server;
    return this.url;
  }

  /** Stops accepting, lets in-flight requests finish (the server's own shutdown), closes PGlite. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  /** Moves this server's clock `ms` away from the test clock (0 puts it back). */
  setClockOffset(ms: number): void {
    this.clockOffsetMs = ms;
  }

  /** A secret and a publishable key for the city (1504) whose allowed origins list `origin`. */
  async allowOrigin(origin: string): Promise<{ publishableKey: string }> {
    return { publishableKey: (await this.keysFor(origin)).publishable };
  }

  private async keysFor(origin: string): Promise<{ secret: string; publishable: string }> {
    let keys = this.secretKeys.get(origin);
    if (!keys) {
      const server = this.required();
      const manager = { actorId: 'test-setup', actorRole: 'owner', withinPath: null };
      const secret = await server.keys.create(manager, { kind: 'secret', label: 'browser tests', orgCode: '1504', allowedOrigins: [origin] });
      const publishable = await server.keys.create(manager, { kind: 'publishable', label: 'browser tests', orgCode: '1504', allowedOrigins: [origin] });
      keys = { secret: secret.key, publishable: publishable.key };
      this.secretKeys.set(origin, keys);
    }
    return keys;
  }

  /** An embed token minted the way a host backend does: the mint API with the secret key. */
  async mint(request: MintRequest): Promise<{ token: string; expiresAt: string }> {
    const { secret } = await this.keysFor(request.origin);
    return mintEmbedToken({
      endpoint: this.url,
      secretKey: secret,
      user: { id: request.userId ?? 'u-test', displayName: request.displayName ?? '测试用户' },
      role: request.role ?? 'office_staff',
      orgCode: request.orgCode,
      ...(request.ttlSeconds === undefined ? {} : { ttlSeconds: request.ttlSeconds }),
    });
  }

  /** A test tour published the way an editor does it (see ../publish-test-tour.ts). */
  async publishTestTour(request: { origin: string; orgCode: string; spec?: TestTourSpec }): Promise<PublishedTestTour> {
    const { token } = await this.mint({ origin: request.origin, orgCode: request.orgCode, userId: 'tour-editor', role: 'office_staff' });
    return publishTestTour({ url: this.url, token, orgCode: request.orgCode, ...(request.spec ? { spec: request.spec } : {}) });
  }

  /** Diary rows of one org, read in a transaction scoped to the whole region (RLS applies). */
  async countEntries(orgCode: string): Promise<EntryCount> {
    const rows = await this.required().runScoped(setupActor, ({ db }) =>
      db.select({ orgCode: diaryEntries.orgCode, key: diaryEntries.idempotencyKey, authorId: diaryEntries.authorId }).from(diaryEntries),
    );
    // The demo history the seed wrote is not the tests' own entries.
    const keys = rows.filter((r) => r.orgCode === orgCode && r.authorId !== 'seed').map((r) => r.key);
    return { total: keys.length, distinctKeys: new Set(keys).size, keys };
  }

  /** Runs a plugin's scheduled job now, for the instant `at` (what `sifa jobs run <name> --at` does). */
  async runJob(name: string, at: string): Promise<{ status: string; summary: string | null; counts: Record<string, number> }> {
    const run = await this.required().jobs.run(name, { at: new Date(at) });
    return { status: run.status, summary: run.summary, counts: run.counts };
  }

  /** Sends an in-app notification to the users of `orgCode`, as a plugin's procedure would. */
  async notify(request: { orgCode: string; title: string; severity?: 'info' | 'warning' | 'urgent' }): Promise<{ id: string }> {
    return this.required().runScoped(setupActor, (scoped) =>
      scoped.notifications.send({
        to: { orgCode: request.orgCode },
        kind: 'platform.test',
        severity: request.severity ?? 'info',
        title: { zh: request.title, en: request.title },
        body: { zh: `测试通知：${request.title}`, en: `Test notification: ${request.title}` },
      }),
    );
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private required(): SifaServer {
    if (!this.server) throw new Error('The test server is stopped: call startServer() first.');
    return this.server;
  }
}

/**
 * The plugins of the test servers: the SDK's, with the options the tests rely on, then every other
 * plugin the repository's sifa.config.mjs lists (the widgets of a new plugin test against it).
 */
async function testPlugins(): Promise<ServerPlugin[]> {
  // Diary: a 7-day edit window; tours: demo panoramas seeded small (1024 px) to keep the set-up quick;
  // case files: demo ones in the demo accounts' offices only (the offices the tests work in start empty).
  const demoOffices = ['150402001', '150402002'];
  const own: ServerPlugin[] = [
    createDiaryPlugin({ editWindowDays: 7 }),
    createMediationPlugin({ demo: { offices: 'demo-accounts' } }),
    createConsultationPlugin({ demo: { offices: demoOffices } }),
    createLegalityReviewPlugin({ demo: { offices: demoOffices } }),
    createToursPlugin({ demo: { panoramaWidth: 1024 } }),
    createInstitutionsPlugin(),
    createPlansPlugin(),
    createAssessmentPlugin(),
    createWarningsPlugin(),
    createStatisticsPlugin(),
  ];
  const configured = ((await import(/* @vite-ignore */ repoConfig)) as { default?: { plugins?: ServerPlugin[] } }).default?.plugins ?? [];
  // Not the applications plugin: its legal-aid files derive the diary's legal-aid item, the item the
  // diary widget's tests type into (the portal's browser tests run it: test/e2e/harness.ts).
  const ids = new Set([...own.map((p) => p.manifest.id), 'applications']);
  return [...own, ...configured.filter((p) => !ids.has(p.manifest.id))];
}

/**
 * Servers named `apply…` also run the applications plugin (its public forms, no demo files) with
 * public-form limits for the widget's tests: `apply-limits` asks every submission after the first
 * for a (light) proof of work and refuses the fourth in an hour; the others never get in the way.
 */
function applyServer(name: string): PublicApplyOptions | null {
  if (!name.startsWith('apply')) return null;
  return name === 'apply-limits' ? { challengeAfter: 1, difficulty: 10, perClientPerHour: 3 } : { challengeAfter: 100_000, perClientPerHour: 100_000, statusPerMinute: 100_000 };
}

const repoConfig = new URL('../../../sifa.config.mjs', import.meta.url).href;

/** Test set-up work that reads or writes as the platform would, scoped to the whole region (RLS applies). */
const setupActor: Actor = {
  userId: 'test-setup',
  username: 'test-setup',
  displayName: 'test setup',
  role: 'city_admin',
  scope: { orgCode: '15', orgPath: '/15/' },
  permissions: new Set(),
  via: 'session',
};

/** The servers of this run, by name ('main' is started here; others on first use). */
export class TestServers {
  private readonly byName = new Map<string, Promise<TestSifaServer>>();
  private template: Promise<string> | null = null;

  get(name = 'main'): Promise<TestSifaServer> {
    let server = this.byName.get(name);
    if (!server) {
      server = name === 'main' ? TestSifaServer.create(name) : this.templateFolder().then((folder) => TestSifaServer.create(name, folder));
      this.byName.set(name, server);
    }
    return server;
  }

  /** A migrated and seeded data folder (a copy of the main server's, taken before any test). */
  templateFolder(): Promise<string> {
    this.template ??= this.get('main').then((main) => main.snapshot());
    return this.template;
  }

  async disposeAll(): Promise<void> {
    const servers = await Promise.allSettled(this.byName.values());
    await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.dispose() : undefined)));
    this.byName.clear();
    if (this.template) await rm(await this.template, { recursive: true, force: true }).catch(() => {});
  }
}

/** Where each project's servers are published (by project name: the widgets' and the visual review's run side by side). */
export const testServersKey = Symbol.for('sifa.components.test-servers');

export async function setup(project: TestProject) {
  const byProject = ((globalThis as Record<symbol, unknown>)[testServersKey] ??= new Map()) as Map<string, TestServers>;
  const servers = new TestServers();
  byProject.set(project.name, servers);
  const main = await servers.get('main');
  // Taken now, while no test uses the main server (the snapshot stops it for a moment).
  await servers.templateFolder();
  project.provide('sifaUrl', main.url);
  project.provide('testClockStart', testClockStart.toISOString());
  return async () => {
    await servers.disposeAll();
    byProject.delete(project.name);
  };
}
