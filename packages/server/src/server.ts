/**
 * createSifaServer: the server's lifecycle. Its parts, each in server/: composition (plugins →
 * the one router, routes, migration sources), the transaction runners and platform services
 * (runners.ts), the HTTP entry (dispatch, CORS, plugin routes, /healthz, static files) and the
 * ordered start and stop (lifecycle.ts).
 */
import { sql } from 'drizzle-orm';
import { databaseConnectionFailure, type CaseDeadlineOverride, type DocumentCatalogueSlot, type NotificationChannel, type PlatformServices, type Role, type ServerPlugin, type SifaDb } from '@sifa/core';
import { defaultFieldCipher, type FieldCipher } from './casework/cipher.js';
import { caseTypeViews } from './casework/service.js';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/engine.js';
import { migrate, type MigrationReport } from './db/migrate.js';
import { enforceTenantSecurity } from './db/tenant-security.js';
import { checkSchemaDrift, type DriftDifference } from './db/drift.js';
import type { Composition } from './plugins/compose.js';
import { createPlatformPlugin } from './platform/plugin.js';
import { AuthService, defaultAuthPolicy, type AuthPolicy } from './auth/sessions.js';
import { RolesService } from './auth/roles.js';
import { RateLimiter } from './auth/rate-limit.js';
import { rebuildRollups } from './facts/rollups.js';
import type { TrpcLimits } from './http/trpc-handler.js';
import type { StaticRoot } from './http/static.js';
import { createLogger, type Logger } from './logging.js';
import { ApiKeyService } from './embed/keys.js';
import { EmbedTokenService } from './embed/tokens.js';
import type { AppRouterOf } from './app-router.js';
import type { IssuerOverrides } from './documents/numbering.js';
import type { NotificationsPlatform } from './notifications/service.js';
import { createWebhooksPlatform, type WebhooksOptions, type WebhooksPlatform } from './webhooks/service.js';
import { rootOrgCode, systemActor } from './auth/system-actor.js';
import { createChangeFeed } from './events/changes.js';
import { announceCredentialChanges } from './events/credentials.js';
import type { StreamPolicy } from './http/streams.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import type { CalendarPlatform } from './calendar/service.js';
import { createOrgAdmin, type OrgAdminPlatform } from './orgs/admin.js';
import { loadCalendar } from './calendar/store.js';
import { composeWithPlatform, declarePlugins, driftSourcesOf, migrationSourcesOf } from './server/composition.js';
import { createPlatformRuntime } from './server/runners.js';
import { createHttpEntry } from './server/http-entry.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { normalizeOrigin } from './embed/origins.js';
import { Lifecycle } from './server/lifecycle.js';
import { createApplyPlatform, type PublicApplyOptions } from './apply/service.js';

export interface SifaServerOptions<TPlugins extends readonly ServerPlugin[] = readonly ServerPlugin[]> {
  plugins?: TPlugins;
  /** Where data lives; an already open handle is used as is (and not closed by the server). */
  database: DatabaseConfig | DatabaseHandle;
  port?: number;
  host?: string;
  staticRoots?: readonly StaticRoot[];
  limits?: Partial<TrpcLimits>;
  /**
   * Open event streams: at most `maxPerUser` (default 20) per user and `maxPerKey` (100) per API
   * key on this instance; each re-checks its credential every `recheckMs` (default and at most
   * 30 s) and at once on a sign-out or key revocation. Counts at `GET /metrics`.
   */
  streams?: Partial<StreamPolicy>;
  auth?: Partial<AuthPolicy>;
  /**
   * Requests a minute per API key (publishable or secret), shared by every instance on the
   * database; a burst of as many. 429 RATE_LIMITED with retryAfter past it. Default 3000; 0: no limit.
   */
  keyRequestsPerMinute?: number;
  logger?: Logger;
  /** The clock; tests pass a controllable one. */
  now?: () => Date;
  /** Apply pending migrations at start (default true). */
  migrate?: boolean;
  /** Outer notification channels (webhook, SMS provider); in-app notifications need none. */
  notificationChannels?: readonly NotificationChannel[];
  /**
   * Integrators' record-change webhooks (`platform.webhooks.*`): only https URLs unless
   * `allowHttp` (tests, closed networks); the dispatcher's poll interval, back-off and attempts.
   */
  webhooks?: WebhooksOptions;
  documents?: {
    /** The ten supervisory documents' names and number marks (default: the demo set). */
    catalogue?: readonly DocumentCatalogueSlot[];
    /** Official issuing names and 机关代字 by org code, where the derived ones (红山区 → 红山区司法局, 红司) are not right. */
    issuers?: IssuerOverrides;
    /** Time zone of the 成文日期 and of the numbering year (default Asia/Shanghai). */
    timeZone?: string;
  };
  /**
   * Encryption of the personal data of cases (parties' names, ID numbers, phones, addresses): the
   * CLI passes AES-256-GCM keyed from SIFA_FIELD_KEY. Absent: PGlite keeps a generated key in
   * `<data dir>/field-key`; PostgreSQL refuses to start when a case type is installed.
   */
  fieldCipher?: FieldCipher;
  casework?: {
    /** A deployment's deadline days: `{ 'mediation.case/mediation-period': { days: 30, unit: 'calendar' } }`. */
    deadlines?: Readonly<Record<string, CaseDeadlineOverride>>;
  };
  /** Limits of the public application forms (`platform.apply.*`): per key, per client, the proof of work. */
  publicApply?: PublicApplyOptions;
  /**
   * Behind one reverse proxy that sets X-Forwarded-For: take the client's address from its last hop,
   * the address the proxy saw (per-client limits of sign-in and public forms). Off by default: the
   * socket's peer address.
   */
  trustProxy?: boolean;
  /**
   * How long an idle keep-alive connection stays open (ms, default 5,000). Keep it above the idle
   * timeout of whatever sends the requests (a reverse proxy, the tests' client): the side that
   * closes an idle connection should be the one that would otherwise send on it.
   */
  keepAliveTimeoutMs?: number;
  /**
   * The origins browsers load this server's own pages from (`https://sifa.example.gov.cn`; CLI:
   * SIFA_PUBLIC_ORIGINS). A browser request with one of them as Origin is same-origin and needs no
   * key; any other Origin needs a key allowing it. The Host header is never trusted for this.
   * Default: the listening address (`http://127.0.0.1:3000`, with `localhost` for loopback).
   */
  publicOrigins?: readonly string[];
  jobs?: {
    /** Run the plugins' jobs on their schedules once listening (default true; tests turn it off and call `jobs.run`). */
    schedule?: boolean;
    /** Time zone of the cron patterns (default Asia/Shanghai). */
    timeZone?: string;
  };
}

export interface SifaServer<TRouter = AppRouterOf<[]>> {
  readonly database: DatabaseHandle;
  readonly composition: Composition;
  readonly auth: AuthService;
  /** Publishable and secret keys for embedding (create, list, revoke). */
  readonly keys: ApiKeyService;
  readonly router: TRouter;
  readonly migrations: MigrationReport | null;
  /**
   * Tables described in code compared with the database after migrating (null when `migrate` is
   * false). Errors are logged at start; the server still starts.
   */
  readonly drift: readonly DriftDifference[] | null;
  readonly logger: Logger;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
  /** Runs work as `actor` in a scoped transaction, exactly as a scoped procedure would. */
  runScoped: PlatformServices['runScoped'];
  /** The plugins' scheduled jobs: list, run one now (CLI `sifa jobs run`), history. */
  readonly jobs: JobRunner;
  /** Outer-channel delivery of notifications (`dispatch` delivers what is due now). */
  readonly notifications: NotificationsPlatform;
  /** Integrators' record-change webhooks (`dispatch` sends what is due now). */
  readonly webhooks: WebhooksPlatform;
  /** The server's clock (`options.now`, or real time): seeds, jobs and procedures all read it. */
  readonly now: () => Date;
  /** Repair of the facts rollups (CLI `sifa facts rebuild-rollups`); writers wait while it runs. */
  readonly facts: { rebuildRollups(): Promise<{ facts: number; dayRows: number; monthRows: number }> };
  /** The working-day calendar: the live data, status, a year, imports (CLI `sifa calendar`). */
  readonly calendar: CalendarPlatform;
  /** The org tree's maintenance: import, close, merge, history (CLI `sifa org import`). */
  readonly orgs: OrgAdminPlatform;
}

/**
 * Drift is logged, not fatal: the tables that match still work, and an operator who cannot
 * change the code at once keeps the rest of the service; `sifa migrate --check` fails on it.
 */
function logDrift(logger: Logger, drift: readonly DriftDifference[]) {
  const errors = drift.filter((d) => d.severity === 'error');
  for (const d of drift) {
    const fields = { plugin: d.plugin, table: d.table, column: d.column, kind: d.kind, code: d.code, database: d.database };
    if (d.severity === 'error') logger.error(fields, `schema drift: ${d.message}`);
    else logger.warn(fields, `schema drift (warning): ${d.message}`);
  }
  if (errors.length) logger.error({ differences: errors.length }, 'schema drift: tables in code differ from the database; queries on them will fail (see `sifa migrate --check`)');
}

export interface DatabaseCheck {
  /** Migrations not yet applied (`<source>/<tag>`). */
  pending: string[];
  /** Drift as the database would be after applying the pending migrations. */
  drift: DriftDifference[];
}

/**
 * `sifa migrate --check`: applies the pending migrations in a transaction it rolls back, compares
 * the tables in code with the database as they leave it, and reports both. Nothing is changed.
 */
export async function checkSifaDatabase(options: Pick<SifaServerOptions<readonly ServerPlugin[]>, 'plugins' | 'database' | 'now'>): Promise<DatabaseCheck> {
  const declared = declarePlugins(options.plugins ?? []);
  const ownsDatabase = !isHandle(options.database);
  const database = isHandle(options.database) ? options.database : await openDatabase(options.database);
  try {
    let drift: DriftDifference[] = [];
    const report = await migrate(database.db, migrationSourcesOf(declared), {
      dryRun: async (tx) => {
        drift = await checkSchemaDrift(tx, driftSourcesOf(declared));
      },
    });
    return { pending: report.applied, drift };
  } finally {
    if (ownsDatabase) await database.close();
  }
}

const isHandle = (d: DatabaseConfig | DatabaseHandle): d is DatabaseHandle => 'db' in d;

/** How long `/healthz` waits for the database's answer before calling it unreachable. */
const healthQueryTimeoutMs = 2_000;

/** Why the database does not answer `SELECT 1` now (a phrase for operators), or null when it does. */
async function databaseUnreachable(db: SifaDb): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`database unreachable: no answer within ${healthQueryTimeoutMs} ms`), healthQueryTimeoutMs);
  });
  const probe = db.execute(sql`SELECT 1`).then(
    () => null,
    (error: unknown) => {
      const code = databaseConnectionFailure(error) ?? (error as { code?: unknown }).code;
      return `database unreachable: ${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)}`;
    },
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts in this order, each step undone (in reverse) if a later one fails:
 * compose the plugins (pure: a refused plugin opens nothing) → open the database → migrate →
 * drift check → tenant security → change feed → calendar → the platform's runners and services →
 * the platform's procedures and the one router → jobs → the HTTP entry. `listen()` then starts,
 * in order, the change feed's listening, following calendar imports, the notification
 * dispatcher, the job schedules and the socket. `close()` runs the steps' stops in reverse:
 * the socket (in-flight requests finish), jobs, platform services (calendar, document batches,
 * dispatcher), change feed, and the database when the server opened it.
 */
export async function createSifaServer<const TPlugins extends readonly ServerPlugin[] = []>(
  options: SifaServerOptions<TPlugins>,
): Promise<SifaServer<AppRouterOf<TPlugins>>> {
  const logger = options.logger ?? createLogger();
  const now = options.now ?? (() => new Date());
  const plugins = options.plugins ?? [];
  const limits: TrpcLimits = { maxBodyBytes: 1_048_576, maxBatchSize: 20, ...options.limits };
  const publicOrigins = (options.publicOrigins ?? []).map((value) => {
    const origin = normalizeOrigin(value);
    if (origin === null) throw new Error(`publicOrigins: "${value}" is not an origin; write scheme://host[:port] without a path or wildcard, e.g. https://sifa.example.gov.cn.`);
    return origin;
  });
  const timeZone = options.jobs?.timeZone ?? 'Asia/Shanghai';

  const declared = declarePlugins(plugins);
  const life = new Lifecycle(logger);
  // Before anything opens: a deadline override naming nothing, or a PostgreSQL deployment with case types and no key, stops here.
  caseTypeViews(declared.catalog, options.casework?.deadlines);
  const fieldCipher = options.fieldCipher ?? (await defaultFieldCipher(options.database, logger, declared.catalog.caseTypes.length > 0));
  const database = await life.step(
    'open database',
    () => (isHandle(options.database) ? options.database : openDatabase(options.database)),
    // A handle it was given stays open for its owner.
    (opened) => (opened === options.database ? undefined : opened.close()),
  );
  const db: SifaDb = database.db;

  const migrations = options.migrate === false ? null : await life.step('migrate', () => migrate(db, migrationSourcesOf(declared)));
  const drift = options.migrate === false ? null : await life.step('drift', () => checkSchemaDrift(db, driftSourcesOf(declared)));
  if (drift) logDrift(logger, drift);
  if (options.migrate !== false) await life.step('tenant security', () => enforceTenantSecurity(db, declared.tables));

  const roles = new RolesService(db, declared.plugins, now);
  const permissionsOf = (role: Role, department?: readonly string[]) => (department ? roles.effective(department) : (declared.permissionsByRole.get(role) ?? new Set<string>()));
  const limiter = new RateLimiter(db, now);
  const auth = new AuthService(db, { ...defaultAuthPolicy, ...options.auth }, permissionsOf, now, limiter);
  const keyRequestsPerMinute = options.keyRequestsPerMinute ?? 3000;
  const keys = new ApiKeyService(db, now);
  const tokens = new EmbedTokenService(db, keys, permissionsOf, now);

  const changes = await life.step('change feed', () => createChangeFeed(database, logger), (feed) => feed.stop());
  // Sign-outs and key revocations wake the open streams they concern (re-checked at once).
  announceCredentialChanges({ db, auth, keys, changes });
  const loadedCalendar = await life.step('calendar', () => loadCalendar(db));
  const runtime = await life.step(
    'platform services',
    () =>
      createPlatformRuntime({
        db,
        composition: declared,
        changes,
        calendar: loadedCalendar,
        now,
        logger,
        timeZone,
        documents: options.documents,
        notificationChannels: options.notificationChannels,
        casework: { cipher: fieldCipher, deadlines: options.casework?.deadlines },
      }),
    async (started) => {
      started.calendar.stop();
      await started.documents.close();
      await started.notifications.stop();
    },
  );
  const { runScoped, calendar, documents, notifications } = runtime;
  const webhooks = await life.step(
    'webhooks',
    () =>
      createWebhooksPlatform({
        ...options.webhooks,
        db,
        readAll: async (work) => runScoped(await systemActor(db, await rootOrgCode(db), 'platform:webhooks', 'Webhook dispatcher', new Set()), (s) => work(s.db)),
        plugins: () => plugins.map((p) => p.manifest.id),
        now,
        logger,
      }),
    (dispatcher) => dispatcher.stop(),
  );

  const orgAdmin = createOrgAdmin({ db, now, timeZone: options.jobs?.timeZone });
  const apply = createApplyPlatform({ db, platform: runtime.platform, documents, now, options: options.publicApply });
  const { composition, router, routes } = await life.step('platform procedures', () =>
    composeWithPlatform(createPlatformPlugin({ auth, keys, tokens, roles, documents, notifications, calendar, apply, webhooks, orgAdmin }), plugins),
  );
  const jobs = await life.step(
    'jobs',
    () =>
      createJobRunner({
        db,
        catalog: runtime.platform.catalog,
        jobs: composition.jobs,
        permissions: composition.permissions,
        runScoped,
        runScopedSealedCases: runtime.runScopedSealedCases,
        now,
        logger,
        timeZone: options.jobs?.timeZone,
        calendar: () => calendar.current(),
      }),
    (runner) => runner.stop(),
  );
  const http = createHttpEntry({
    trustProxy: options.trustProxy ?? false,
    ...(options.keepAliveTimeoutMs !== undefined ? { keepAliveTimeoutMs: options.keepAliveTimeoutMs } : {}),
    ...(keyRequestsPerMinute > 0 ? { keyRate: { limiter, limit: { burst: keyRequestsPerMinute, perMinute: keyRequestsPerMinute } } } : {}),
    publicOrigins,
    ...(options.streams ? { streams: options.streams } : {}),
    router,
    routes,
    limits,
    platform: runtime.platform,
    auth,
    keys,
    tokens,
    staticRoots: options.staticRoots ?? [],
    installedPlugins: composition.plugins.map((p) => p.manifest.id),
    openapi: () =>
      buildOpenApiDocument({
        router,
        plugins: composition.plugins.map((p) => p.manifest),
        version: composition.plugins.find((p) => p.manifest.id === 'platform')?.manifest.version ?? '0.0.0',
      }),
    logger,
    async health() {
      const plugins = composition.plugins.map((p) => p.manifest.id);
      const unreachable = await databaseUnreachable(db);
      if (unreachable) {
        // Degraded, not down: the process rides the outage out and reconnects by itself.
        return { status: 'degraded', reason: unreachable, engine: database.engine, plugins };
      }
      // The change feed: announcements of other instances reach this one's subscriptions (a
      // LISTEN connection lost and not yet back leaves them to their 25 s poll).
      const changeFeed = await changes.state();
      if (changeFeed === 'not listening') {
        return { status: 'degraded', reason: 'change feed not listening: subscriptions see changes made on other instances late', engine: database.engine, plugins, changeFeed };
      }
      // The calendar's status: an upcoming year without holiday data is something to act on
      // (`sifa calendar import`), not a failure of this instance.
      const status = calendar.status();
      return {
        status: 'ok',
        engine: database.engine,
        plugins,
        changeFeed,
        calendar: { today: status.today, coveredThrough: status.coveredYears.at(-1) ?? null, missingYears: status.missingYears },
      };
    },
  });

  return {
    database,
    composition,
    auth,
    keys,
    router: router as unknown as AppRouterOf<TPlugins>,
    migrations,
    drift,
    logger,
    runScoped,
    jobs,
    notifications,
    webhooks,
    now,
    facts: { rebuildRollups: () => rebuildRollups(db) },
    calendar,
    orgs: orgAdmin,
    // What starts here is stopped by the step that created it (change feed, platform services, jobs).
    async listen() {
      await life.step(
        'change feed listening',
        () => void changes.start().catch((error: unknown) => logger.error({ err: error }, 'change feed could not listen')),
      );
      await life.step('calendar follows imports', () => calendar.start());
      await life.step('notification dispatcher', () => notifications.start());
      await life.step('webhook dispatcher', () => webhooks.start());
      if (options.jobs?.schedule !== false) await life.step('job schedules', () => jobs.start());
      return life.step('listen', () => http.listen(options.port ?? 3000, options.host ?? '127.0.0.1'), () => http.close());
    },
    close: () => life.stop(),
  };
}
