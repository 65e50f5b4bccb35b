/**
 * The HTTP entry: one node:http server that gives every request an id and a log line, resolves
 * the caller (session, embed token, keys, Origin), answers CORS for origins some key allows, and
 * dispatches by path: `/trpc/*` (tRPC protocol), `/plugins/<id>/*` (plugin routes), `/healthz`,
 * `/openapi.json` (the procedures described, http/openapi.ts),
 * `/metrics` (open event streams, Prometheus text format), then static files. Closing ends open streams, lets in-flight requests finish (10 s grace) and
 * cuts what is left.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AnyRouter } from '@trpc/server';
import { databaseRetryAfterSeconds, negotiateLocale, toSifaError, type PlatformServices, type SifaContext } from '@sifa/core';
import type { AuthService } from '../auth/sessions.js';
import type { ApiKeyService } from '../embed/keys.js';
import type { EmbedTokenService } from '../embed/tokens.js';
import { createRequestAuthenticator, type RequestAuthDeps } from '../embed/request.js';
import { answerPreflight, derivedPublicOrigins, isSameOrigin, setCorsHeaders } from '../embed/origins.js';
import { createTrpcHandler, trpcBodyTimeoutMs, type TrpcLimits } from '../http/trpc-handler.js';
import { openStreamsMetrics, type StreamPolicy } from '../http/streams.js';
import { serveStatic, type StaticRoot } from '../http/static.js';
import { createPluginRouteHandler, routeBodyTimeoutMs } from '../http/plugin-routes.js';
import { closeUnreadBody } from '../http/body.js';
import type { Logger } from '../logging.js';
import type { MountedRoutes } from './composition.js';

/** A request's headers must have arrived within this (slow-header attacks). */
const headersTimeoutMs = 10_000;

/** How long in-flight requests may take to finish once the server closes. */
const closeGraceMs = 10_000;

export interface HttpEntryOptions {
  router: AnyRouter;
  routes: MountedRoutes;
  limits: TrpcLimits;
  platform: PlatformServices;
  auth: AuthService;
  keys: ApiKeyService;
  tokens: EmbedTokenService;
  staticRoots: readonly StaticRoot[];
  /** The installed plugins' ids: embed.js is served with the elements of any other plugin marked unavailable. */
  installedPlugins: readonly string[];
  /** The OpenAPI document of the procedures (without `servers`: added here, the public origins). */
  openapi(): Record<string, unknown>;
  /** The body of `GET /healthz`: `status` 'ok', or 'degraded' with a `reason` (the database unreachable, the change feed not listening), answered 503. */
  health(): Promise<unknown>;
  logger: Logger;
  /** Take the client address from X-Forwarded-For's last hop (behind one trusted reverse proxy). */
  trustProxy?: boolean;
  /** Idle keep-alive connections are closed after this (ms, default 5,000). */
  keepAliveTimeoutMs?: number;
  /** Requests per API key (embed/request.ts); absent: no limit. */
  keyRate?: RequestAuthDeps['keyRate'];
  /** Caps on open event streams and their credential re-check interval. */
  streams?: Partial<StreamPolicy>;
  /**
   * The server's own origins (normalised): a browser Origin among them is same-origin. Empty:
   * derived from the listening address once it listens (`derivedPublicOrigins`).
   */
  publicOrigins?: readonly string[];
}

export interface HttpEntry {
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  /** Ends open streams, finishes in-flight requests (then cuts the rest) and stops listening. */
  close(): Promise<void>;
}

type IdentifiedRequest = IncomingMessage & { sifaRequestId: string };

export function createHttpEntry(options: HttpEntryOptions): HttpEntry {
  const { router, limits, platform, keys, logger } = options;

  // Behind the trusted proxy, the LAST hop of X-Forwarded-For: the address that proxy saw. Earlier
  // hops are whatever the client sent, so taking the first let a client pick a fresh address (and a
  // fresh per-client bucket) for every request.
  const clientAddressOf = (req: IncomingMessage): string | null => {
    const forwarded = options.trustProxy ? req.headers['x-forwarded-for'] : undefined;
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    return (last || req.socket.remoteAddress) ?? null;
  };

  const requestContext = (req: IncomingMessage) => {
    const localeHeader = req.headers['x-sifa-locale'];
    return {
      requestId: (req as IdentifiedRequest).sifaRequestId,
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
    clientAddress: clientAddressOf(req),
    authError: undefined,
  });

  // Synchronous when no credential and no foreign Origin is presented: most public calls never
  // wait for the database here (embed/request.ts).
  // Same-origin comes from these, never from the request's Host header (embed/origins.ts).
  let publicOrigins: ReadonlySet<string> = new Set(options.publicOrigins ?? []);
  const authenticate = createRequestAuthenticator({ auth: options.auth, keys, tokens: options.tokens, publicOrigins: () => publicOrigins, ...(options.keyRate ? { keyRate: options.keyRate } : {}) });
  const createContext = (req: IncomingMessage): SifaContext | Promise<SifaContext> => {
    const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    return authenticate(req, baseContext(req, token));
  };

  const trpc = createTrpcHandler({
    router,
    limits,
    createContext,
    requestContext,
    ...(options.streams ? { streams: options.streams } : {}),
    onError: ({ error, path, ctx }) => {
      const sifa = toSifaError(error);
      if (sifa.sifaCode === 'DATABASE_UNAVAILABLE') {
        logger.warn({ requestId: ctx?.requestId, path, code: (sifa.cause as { code?: unknown } | undefined)?.code, err: sifa.cause ?? error }, 'procedure refused: database unreachable');
      } else if (sifa.sifaCode === 'INTERNAL') {
        // The log's error is what the database (or the code) said, never the query's parameters (logging.ts).
        logger.error({ requestId: ctx?.requestId, path, err: sifa.cause ?? error }, 'procedure failed');
      }
    },
  });

  const servePluginRoute = createPluginRouteHandler({
    routes: options.routes,
    router,
    platform: { runScoped: platform.runScoped, runPublicRead: platform.runPublicRead, now: platform.now, changes: platform.changes },
    createContext,
    requestContext,
    onError: ({ error, path, requestId }) => {
      // The log's error is what the database (or the code) said, never the query's parameters (logging.ts).
      if (error.sifaCode === 'INTERNAL') logger.error({ requestId, path, err: error.cause ?? error }, 'plugin route failed');
    },
  });

  /**
   * A browser request from another origin: answers its CORS preflight (true: nothing more to do),
   * or marks the answer readable for an origin some key allows, so the widget sees every answer,
   * refusals included (it must see TOKEN_EXPIRED to refresh).
   */
  const answeredCrossOrigin = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const origin = req.headers.origin;
    if (origin === undefined || isSameOrigin(origin, publicOrigins)) return false;
    const allowed = await keys.isOriginAllowed(origin);
    if (req.method === 'OPTIONS') {
      answerPreflight(res, origin, allowed);
      return true;
    }
    if (allowed) setCorsHeaders(res, origin);
    return false;
  };

  /** Built at the first request (the public origins are known once the server listens). */
  let openapiBody: string | undefined;
  let inFlight = 0;
  let closing = false;
  const logRequests = logger.isLevelEnabled('info');

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = logRequests ? process.hrtime.bigint() : 0n;
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    (req as IdentifiedRequest).sifaRequestId = requestId;
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
      // Nothing below reads a body: one sent anyway ends its connection with the answer.
      closeUnreadBody(req, res);
      if (pathname === '/healthz') {
        const health = await options.health();
        const body = JSON.stringify(health);
        // Degraded (the database unreachable) answers 503 so a balancer sends traffic elsewhere meanwhile.
        const degraded = (health as { status?: unknown } | null)?.status === 'degraded';
        res.writeHead(degraded ? 503 : 200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          ...(degraded ? { 'retry-after': String(databaseRetryAfterSeconds) } : {}),
        });
        res.end(body);
        return;
      }
      if (pathname === '/openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        openapiBody ??= JSON.stringify({ ...options.openapi(), servers: [...publicOrigins].map((url) => ({ url })) });
        // Describes procedures, never data: any page or tool may read it (a viewer on another origin too).
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
        res.end(req.method === 'HEAD' ? undefined : openapiBody);
        return;
      }
      if (pathname === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
        // Counts only (open streams in total and by procedure; refusals): nothing names a user, key or org.
        const body = openStreamsMetrics(trpc.openStreams());
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      if (await serveStatic(options.staticRoots, req, res, pathname, { installedPlugins: options.installedPlugins })) return;
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

  // Slow requests: the headers must arrive within headersTimeoutMs; a body has the deadline of
  // whatever reads it (/trpc: limits.bodyTimeoutMs, 15 s by default; a plugin route: its
  // bodyTimeoutMs, by default its limit at 1 Mbit/s), answered 408 with the connection closed
  // (http/body.ts); a body nobody reads closes its connection with the answer. requestTimeout only
  // backs these up, so it is the longest body deadline, not the deadline of every request.
  const longestBodyDeadline = Math.max(trpcBodyTimeoutMs(limits), ...[...options.routes.values()].flat().map((r) => routeBodyTimeoutMs(r.route)));
  const server: Server = createServer(
    // Checked every 2 s (Node's default is 30 s, which lets a slow header hold its socket 40 s).
    { requestTimeout: longestBodyDeadline + headersTimeoutMs, headersTimeout: headersTimeoutMs, connectionsCheckingInterval: 2_000 },
    (req, res) => void handle(req, res),
  );
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port, address } = server.address() as AddressInfo;
          const shown = address.includes(':') ? `[${address}]` : address;
          if (publicOrigins.size === 0) {
            publicOrigins = new Set(derivedPublicOrigins(address, port));
            if (address === '0.0.0.0' || address === '::') {
              logger.warn({ publicOrigins: [...publicOrigins] }, 'serving a network without SIFA_PUBLIC_ORIGINS: only pages on these origins are same-origin; set it to the origins browsers use');
            }
          }
          resolve(`http://${shown}:${port}`);
        });
      }),
    async close() {
      closing = true;
      // Open streams end first, and their procedures finish, before anything they read from closes.
      const deadline = Date.now() + closeGraceMs;
      await Promise.race([trpc.closeStreams(), new Promise<void>((resolve) => setTimeout(resolve, closeGraceMs).unref())]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a grace period; then whatever is left is cut.
        const timer = setInterval(() => {
          server.closeIdleConnections();
          if (inFlight === 0 || Date.now() > deadline) {
            clearInterval(timer);
            server.closeAllConnections();
          }
        }, 50);
        timer.unref();
      });
    },
  };
}
