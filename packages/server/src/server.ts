/**
 * createSifaServer: opens the database, composes the platform plugin with the given plugins,
 * applies their migrations, and serves tRPC at /trpc, plugin routes at /plugins/<id>/, /healthz and
 * static files over node:http.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import {
  createRouter,
  demoDocumentCatalogue,
  negotiateLocale,
  type DocumentCatalogueSlot,
  type NotificationChannel,
  type PlatformCatalog,
  toSifaError,
  type Actor,
  type PlatformServices,
  type Role,
  type ScopedServices,
  type ServerPlugin,
  type SifaContext,
  type SifaDb,
} from '@sifa/core';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/engine.js';
import { migrate, type MigrationReport, type MigrationSource } from './db/migrate.js';
import { enforceTenantSecurity } from './db/tenant-security.js';
import { checkSchemaDrift, type DriftDifference, type DriftSource } from './db/drift.js';
import { composePlugins, type Composition } from './plugins/compose.js';
import { createPlatformPlugin } from './platform/plugin.js';
import { AuthService, defaultAuthPolicy, type AuthPolicy } from './auth/sessions.js';
import { scopedOrgDirectory } from './orgs/directory.js';
import { createFactsService } from './facts/service.js';
import { rebuildRollups } from './facts/rollups.js';
import { appendAudit, digestOf } from './audit/log.js';
import { createTrpcHandler, type TrpcLimits } from './http/trpc-handler.js';
import { serveStatic, type StaticRoot } from './http/static.js';
import { createPluginRouteHandler, mountPluginRoutes } from './http/plugin-routes.js';
import { createLogger, type Logger } from './logging.js';
import { ApiKeyService } from './embed/keys.js';
import { EmbedTokenService } from './embed/tokens.js';
import { createRequestAuthenticator } from './embed/request.js';
import { answerPreflight, isSameOrigin, setCorsHeaders } from './embed/origins.js';
import type { AppRouterOf } from './app-router.js';
import { createDocumentsPlatform, createDocumentsService, type DocumentsPlatform } from './documents/service.js';
import type { IssuerOverrides } from './documents/numbering.js';
import { createNotificationsPlatform, createNotificationsService, type NotificationsPlatform } from './notifications/service.js';
import { createSignalsService } from './signals/service.js';
import { createChangeFeed } from './events/changes.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { rootOrgCode, systemActor } from './auth/system-actor.js';
import { createCalendarPlatform, type CalendarPlatform } from './calendar/service.js';

export interface SifaServerOptions<TPlugins extends readonly ServerPlugin[] = readonly ServerPlugin[]> {
  plugins?: TPlugins;
  /** Where data lives; an already open handle is used as is (and not closed by the server). */
  database: DatabaseConfig | DatabaseHandle;
  port?: number;
  host?: string;
  staticRoots?: readonly StaticRoot[];
  limits?: Partial<TrpcLimits>;
  auth?: Partial<AuthPolicy>;
  logger?: Logger;
  /** The clock; tests pass a controllable one. */
  now?: () => Date;
  /** Apply pending migrations at start (default true). */
  migrate?: boolean;
  /** Outer notification channels (webhook, SMS provider); in-app notifications need none. */
  notificationChannels?: readonly NotificationChannel[];
  documents?: {
    /** The ten supervisory documents' names and number marks (default: the demo set). */
    catalogue?: readonly DocumentCatalogueSlot[];
    /** Official issuing names and 机关代字 by org code, where the derived ones (红山区 → 红山区司法局, 红司) are not right. */
    issuers?: IssuerOverrides;
    /** Time zone of the 成文日期 and of the numbering year (default Asia/Shanghai). */
    timeZone?: string;
  };
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
  /** The server's clock (`options.now`, or real time): seeds, jobs and procedures all read it. */
  readonly now: () => Date;
  /** Repair of the facts rollups (CLI `sifa facts rebuild-rollups`); writers wait while it runs. */
  readonly facts: { rebuildRollups(): Promise<{ facts: number; dayRows: number; monthRows: number }> };
  /** The working-day calendar: the live data, status, a year, imports (CLI `sifa calendar`). */
  readonly calendar: CalendarPlatform;
}

function migrationSourcesOf(composition: Composition): MigrationSource[] {
  return composition.plugins
    .filter((p) => p.source.migrationsFolder)
    .map((p) => ({ source: p.manifest.id, folder: p.source.migrationsFolder! }));
}

function driftSourcesOf(composition: Composition): DriftSource[] {
  return composition.plugins.map((p) => ({ source: p.manifest.id, tables: p.source.tables ?? [], migrationsFolder: p.source.migrationsFolder }));
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
  const now = options.now ?? (() => new Date());
  const ownsDatabase = !isHandle(options.database);
  const database = isHandle(options.database) ? options.database : await openDatabase(options.database);
  try {
    const db: SifaDb = database.db;
    const auth = new AuthService(db, defaultAuthPolicy, () => new Set(), now);
    const keys = new ApiKeyService(db, now);
    const tokens = new EmbedTokenService(db, keys, () => new Set(), now);
    const unavailable = () => {
      throw new Error('not available in a database check');
    };
    const composition = composePlugins([
      createPlatformPlugin({ auth, keys, tokens, documents: unavailable, notifications: unavailable, calendar: unavailable }),
      ...(options.plugins ?? []),
    ]);
    let drift: DriftDifference[] = [];
    const report = await migrate(db, migrationSourcesOf(composition), {
      dryRun: async (tx) => {
        drift = await checkSchemaDrift(tx, driftSourcesOf(composition));
      },
    });
    return { pending: report.applied, drift };
  } finally {
    if (ownsDatabase) await database.close();
  }
}

const isHandle = (d: DatabaseConfig | DatabaseHandle): d is DatabaseHandle => 'db' in d;

/** The slowest uplink an upload must still succeed on: 1 Mbit/s (a township office's line). */
const slowestUploadBytesPerSecond = 125_000;

export async function createSifaServer<const TPlugins extends readonly ServerPlugin[] = []>(
  options: SifaServerOptions<TPlugins>,
): Promise<SifaServer<AppRouterOf<TPlugins>>> {
  const logger = options.logger ?? createLogger();
  const now = options.now ?? (() => new Date());
  const ownsDatabase = !isHandle(options.database);
  const database = isHandle(options.database) ? options.database : await openDatabase(options.database);
  const db: SifaDb = database.db;
  const limits: TrpcLimits = { maxBodyBytes: 1_048_576, maxBatchSize: 20, ...options.limits };

  // Permissions are known only after composition; the auth service asks lazily.
  let permissionsByRole: ReadonlyMap<Role, ReadonlySet<string>> = new Map();
  const auth = new AuthService(db, { ...defaultAuthPolicy, ...options.auth }, (role) => permissionsByRole.get(role) ?? new Set(), now);
  const keys = new ApiKeyService(db, now);
  const embedTokens = new EmbedTokenService(db, keys, (role) => permissionsByRole.get(role) ?? new Set(), now);
  let composition: Composition;
  try {
    composition = composePlugins([
      createPlatformPlugin({ auth, keys, tokens: embedTokens, documents: () => documentsPlatform!, notifications: () => notificationsPlatform!, calendar: () => calendarPlatform! }),
      ...(options.plugins ?? []),
    ]);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  permissionsByRole = composition.permissionsByRole;
  let pluginRoutes: ReturnType<typeof mountPluginRoutes>;
  try {
    pluginRoutes = mountPluginRoutes(composition.plugins);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  let migrations: MigrationReport | null = null;
  let drift: DriftDifference[] | null = null;
  if (options.migrate !== false) {
    try {
      migrations = await migrate(db, migrationSourcesOf(composition));
      await enforceTenantSecurity(db, composition.tables);
      drift = await checkSchemaDrift(db, driftSourcesOf(composition));
    } catch (error) {
      if (ownsDatabase) await database.close();
      throw error;
    }
    logDrift(logger, drift);
  }

  const changes = createChangeFeed(database, logger);
  const catalog: PlatformCatalog = { diaryItems: composition.diaryItems, metrics: composition.metrics };
  let documentsPlatform: DocumentsPlatform | undefined;
  let notificationsPlatform: NotificationsPlatform | undefined;
  // Loaded below, before anything can run a transaction.
  let calendarPlatform: CalendarPlatform | undefined;
  const runScoped: PlatformServices['runScoped'] = async (actor: Actor, work) => {
    const afterCommit: (() => void | Promise<void>)[] = [];
    const result = await db.transaction(async (tx) => {
      // Both settings end with the transaction: the scope for the RLS policies, and the role
      // that owns no tables so the policies apply.
      await tx.execute(sql`SELECT set_config('sifa.scope', ${actor.scope.orgPath}, true), set_config('role', 'sifa_app', true)`);
      const orgs = scopedOrgDirectory(tx, actor.scope);
      const onCommit = (callback: () => void | Promise<void>) => void afterCommit.push(callback);
      // Org paths whose facts this transaction changed: one 'facts' change each, after commit.
      const factPaths = new Set<string>();
      const onFactsRecorded = (paths: string[]) => {
        if (factPaths.size === 0) onCommit(() => factPaths.forEach((path) => changes.publish('facts', path)));
        paths.forEach((path) => factPaths.add(path));
      };
      const services: ScopedServices = {
        db: tx,
        orgs,
        actor,
        afterCommit: onCommit,
        catalog,
        now,
        calendar: calendarPlatform!.current(),
        facts: createFactsService(tx, actor, orgs, composition.metrics, onFactsRecorded),
        audit: {
          async record(entry) {
            const org = await orgs.get(entry.orgCode);
            await appendAudit(tx, {
              actorId: actor.userId,
              actorRole: actor.role,
              action: entry.action ?? 'unknown',
              scopePath: org.path,
              entity: entry.entity,
              entityId: entry.entityId,
              beforeDigest: digestOf(entry.before),
              afterDigest: digestOf(entry.after),
            });
          },
        },
        notifications: createNotificationsService({ db: tx, actor, orgs, afterCommit: onCommit, platform: notificationsPlatform! }),
        documents: createDocumentsService({ db: tx, actor, orgs, afterCommit: onCommit, platform: documentsPlatform! }),
        signals: createSignalsService(composition, () => services),
      };
      return work(services);
    });
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (error) {
        // The change is committed; a failed follow-up (a push to open widgets) must not turn it into an error.
        logger.error({ err: error }, 'after-commit callback failed');
      }
    }
    return result;
  };
  // Where "today" is for the calendar's status and for which plans are still open at an import.
  const timeZone = options.jobs?.timeZone ?? 'Asia/Shanghai';
  try {
    calendarPlatform = await createCalendarPlatform({
      db,
      changes,
      hooks: composition.plugins.flatMap((p) => (p.source.onCalendarChange ? [{ plugin: p.manifest.id, run: p.source.onCalendarChange }] : [])),
      runScoped,
      permissions: composition.permissions,
      now,
      timeZone,
      logger,
    });
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  documentsPlatform = createDocumentsPlatform({
    templates: composition.documentTemplates,
    catalogue: options.documents?.catalogue ?? demoDocumentCatalogue,
    issuers: options.documents?.issuers,
    timeZone: options.documents?.timeZone,
    changes,
    now,
    runScoped,
    logger,
  });
  notificationsPlatform = createNotificationsPlatform({
    db,
    readAll: async (work) => runScoped(await systemActor(db, await rootOrgCode(db), 'platform:notifications', 'Notification dispatcher', new Set()), (s) => work(s.db)),
    channels: options.notificationChannels ?? [],
    changes,
    now,
    logger,
  });

  const runPublicRead: PlatformServices['runPublicRead'] = (scope, work) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION READ ONLY`);
      await tx.execute(sql`SELECT set_config('sifa.scope', ${scope.orgPath}, true), set_config('role', 'sifa_app', true)`);
      return work({ db: tx, orgs: scopedOrgDirectory(tx, scope) });
    });

  const platform: PlatformServices = {
    changes,
    runScoped,
    runPublicRead,
    referenceDb: db,
    now,
    catalog,
    get calendar() {
      return calendarPlatform!.current();
    },
  };
  const router = createRouter(composition.routers);
  const jobs = createJobRunner({
    db,
    catalog: platform.catalog,
    jobs: composition.jobs,
    permissions: composition.permissions,
    runScoped,
    now,
    logger,
    timeZone: options.jobs?.timeZone,
    calendar: () => calendarPlatform!.current(),
  });

  const requestContext = (req: IncomingMessage) => {
    const localeHeader = req.headers['x-sifa-locale'];
    return {
      requestId: (req as IncomingMessage & { sifaRequestId: string }).sifaRequestId,
      locale: negotiateLocale(typeof localeHeader === 'string' ? localeHeader : req.headers['accept-language']),
    };
  };

  const baseContext = (req: IncomingMessage, token: string | null): SifaContext => ({
    ...requestContext(req),
    actor: null,
    platform,
    apiKey: null,
    bearerToken: token,
    origin: typeof req.headers.origin === 'string' ? req.headers.origin : null,
    authError: undefined,
  });

  // Synchronous when no credential and no foreign Origin is presented: most public calls never
  // wait for the database here (embed/request.ts).
  const authenticate = createRequestAuthenticator({ auth, keys, tokens: embedTokens });
  const createContext = (req: IncomingMessage): SifaContext | Promise<SifaContext> => {
    const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    return authenticate(req, baseContext(req, token));
  };

  const trpc = createTrpcHandler({
    router,
    limits,
    createContext,
    requestContext,
    onError: ({ error, path, ctx }) => {
      const sifa = toSifaError(error);
      if (sifa.sifaCode === 'INTERNAL') {
        // The log's error is what the database (or the code) said, never the query's parameters (logging.ts).
        logger.error({ requestId: ctx?.requestId, path, err: sifa.cause ?? error }, 'procedure failed');
      }
    },
  });
  /**
   * A browser request from another origin: answers its CORS preflight (true: nothing more to do),
   * or marks the answer readable for an origin some key allows, so the widget sees every answer,
   * refusals included (it must see TOKEN_EXPIRED to refresh).
   */
  const answeredCrossOrigin = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const origin = req.headers.origin;
    if (origin === undefined || isSameOrigin(origin, req.headers.host)) return false;
    const allowed = await keys.isOriginAllowed(origin);
    if (req.method === 'OPTIONS') {
      answerPreflight(res, origin, allowed);
      return true;
    }
    if (allowed) setCorsHeaders(res, origin);
    return false;
  };

  const servePluginRoute = createPluginRouteHandler({
    routes: pluginRoutes,
    router,
    platform: { runScoped, runPublicRead, now, changes },
    createContext,
    requestContext,
    onError: ({ error, path, requestId }) => {
      // The log's error is what the database (or the code) said, never the query's parameters (logging.ts).
      if (error.sifaCode === 'INTERNAL') logger.error({ requestId, path, err: error.cause ?? error }, 'plugin route failed');
    },
  });
  const staticRoots = options.staticRoots ?? [];
  let inFlight = 0;
  let closing = false;

  const logRequests = logger.isLevelEnabled('info');

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = logRequests ? process.hrtime.bigint() : 0n;
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    (req as IncomingMessage & { sifaRequestId: string }).sifaRequestId = requestId;
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (!logRequests) return;
      logger.info(
        { requestId, method: req.method, path: (req.url ?? '').split('?', 1)[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    if (closing) res.setHeader('connection', 'close');
    try {
      // Split by hand: `new URL` costs more than the rest of a small query (bench/http.bench.ts).
      const raw = req.url ?? '/';
      const queryAt = raw.indexOf('?');
      const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
      if (pathname.startsWith('/trpc/')) {
        if (await answeredCrossOrigin(req, res)) return;
        // Written with the answer in one writeHead (a setHeader each costs measurably here).
        // Answers depend on Origin (CORS headers), so caches must key on it.
        const headers = ['x-request-id', requestId, 'x-content-type-options', 'nosniff', 'vary', 'Origin'];
        await trpc(req, res, pathname.slice('/trpc/'.length), new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1)), headers);
        return;
      }
      res.setHeader('x-request-id', requestId);
      res.setHeader('x-content-type-options', 'nosniff');
      if (pathname.startsWith('/plugins/')) {
        // Same Origin rules as /trpc for routes that look at credentials; anonymous routes
        // (public files) set their own CORS headers and are never preflighted by a plain GET.
        if (await answeredCrossOrigin(req, res)) return;
        await servePluginRoute(req, res, pathname);
        return;
      }
      if (pathname === '/healthz') {
        await db.execute(sql`SELECT 1`);
        // The calendar's status: an upcoming year without holiday data is something to act on
        // (`sifa calendar import`), not a failure of this instance.
        const status = calendarPlatform!.status();
        const calendar = { today: status.today, coveredThrough: status.coveredYears.at(-1) ?? null, missingYears: status.missingYears };
        const body = JSON.stringify({ status: 'ok', engine: database.engine, plugins: composition.plugins.map((p) => p.manifest.id), calendar });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      if (await serveStatic(staticRoots, req, res, pathname, { installedPlugins: composition.plugins.map((p) => p.manifest.id) })) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    } catch (error) {
      logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { message: 'Internal error', requestId } }));
      } else res.destroy();
    }
  };

  // A whole request must arrive within requestTimeout (slow-body attacks): 30 s, or longer where a
  // plugin route accepts large bodies (a 25 MB panorama at 1 Mbit/s takes 200 s).
  const largestBody = Math.max(limits.maxBodyBytes, ...composition.plugins.flatMap((p) => (p.source.routes ?? []).map((r) => r.maxBodyBytes ?? 0)));
  const requestTimeout = Math.max(30_000, Math.ceil(largestBody / slowestUploadBytesPerSecond) * 1000);
  const server: Server = createServer({ requestTimeout, headersTimeout: 20_000 }, (req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;

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
    notifications: notificationsPlatform,
    now,
    facts: { rebuildRollups: () => rebuildRollups(db) },
    calendar: calendarPlatform,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        void changes.start().catch((error: unknown) => logger.error({ err: error }, 'change feed could not listen'));
        calendarPlatform!.start();
        notificationsPlatform!.start();
        if (options.jobs?.schedule !== false) jobs.start();
        server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
          const { port, address } = server.address() as AddressInfo;
          const host = address.includes(':') ? `[${address}]` : address;
          resolve(`http://${host}:${port}`);
        });
      }),
    async close() {
      closing = true;
      trpc.closeStreams();
      await jobs.stop();
      calendarPlatform!.stop();
      await documentsPlatform!.close();
      await notificationsPlatform!.stop();
      await changes.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a grace period; then whatever is left is cut.
        const deadline = Date.now() + 10_000;
        const timer = setInterval(() => {
          server.closeIdleConnections();
          if (inFlight === 0 || Date.now() > deadline) {
            clearInterval(timer);
            server.closeAllConnections();
          }
        }, 50);
        timer.unref();
      });
      if (ownsDatabase) await database.close();
    },
  };
}
