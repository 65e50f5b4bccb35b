/**
 * Plugin HTTP routes (`defineServerPlugin(…, { routes })`) mounted at `/plugins/<plugin id>/…`,
 * for what tRPC's JSON cannot carry: binary uploads and files. A handler receives a web-standard
 * `Request` and returns a `Response`; the caller is resolved exactly as for tRPC (session, embed
 * token, keys, Origin rules) unless the route is `anonymous`. Before a byte of a body is read: a
 * declared `Content-Length` above the route's limit is refused (413), a body sent to a route that
 * is not anonymous without any credential (no actor, no key) is refused (401), and a route's
 * `permission` is checked (UNAUTHENTICATED / FORBIDDEN); such a refusal closes the connection, so
 * the upload stops (body.ts). Bodies are read here within the route's limit and its deadline
 * (`bodyTimeoutMs`, 408) while they stream in, so a handler never sees more than it accepted.
 * Errors answer with the JSON tRPC errors use (`{ error: { message, code, data } }`), never a stack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getErrorShape, getTRPCErrorFromUnknown, type AnyRouter } from '@trpc/server';
import { requirePermission, SifaError, toSifaError, type Actor, type PluginRoute, type PluginRouteContext, type SifaContext } from '@sifa/core';
import type { ComposedPlugin } from '../plugins/compose.js';
import { PluginCompositionError } from '../plugins/compose.js';
import { bodyDeadlineFor, closeUnreadBody, readBodyBytes, refuseDeclaredTooLarge } from './body.js';

export const defaultRouteBodyBytes = 1_048_576;

/** The shortest default body deadline of a route (a small body on a slow, busy line). */
export const minimumRouteBodyTimeoutMs = 30_000;

/** The longest a route may declare: beyond it a body is a slow-body attack whatever the route says. */
export const maximumRouteBodyTimeoutMs = 30 * 60_000;

/** How long a route waits for its whole body: its declaration, else derived from its limit. */
export function routeBodyTimeoutMs(route: Pick<PluginRoute, 'maxBodyBytes' | 'bodyTimeoutMs'>): number {
  return route.bodyTimeoutMs ?? bodyDeadlineFor(route.maxBodyBytes ?? defaultRouteBodyBytes, minimumRouteBodyTimeoutMs);
}

type Segment = { literal: string } | { param: string };

interface MountedRoute {
  pluginId: string;
  route: PluginRoute;
  segments: Segment[];
}

const pathPattern = /^(\/(:[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9._~-]+))+$/;
const methods = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** Checks every plugin's routes at start-up; a bad declaration stops the server naming the plugin. */
export function mountPluginRoutes(plugins: readonly ComposedPlugin[]): Map<string, MountedRoute[]> {
  const byPlugin = new Map<string, MountedRoute[]>();
  for (const { manifest, source } of plugins) {
    const mounted: MountedRoute[] = [];
    for (const route of source.routes ?? []) {
      const where = `Plugin "${manifest.id}": route ${String(route?.method)} ${String(route?.path)}`;
      if (!methods.has(route.method)) throw new PluginCompositionError('PLUGIN_INVALID', `${where} has an unsupported method; use GET, POST, PUT or DELETE.`);
      if (typeof route.path !== 'string' || !pathPattern.test(route.path)) {
        throw new PluginCompositionError('PLUGIN_INVALID', `${where}: the path must start with "/" and hold literal segments or ":name" segments, e.g. "/images/:file".`);
      }
      if (typeof route.handler !== 'function') throw new PluginCompositionError('PLUGIN_INVALID', `${where} has no handler function.`);
      if (route.maxBodyBytes !== undefined && !(Number.isInteger(route.maxBodyBytes) && route.maxBodyBytes >= 0)) {
        throw new PluginCompositionError('PLUGIN_INVALID', `${where}: maxBodyBytes must be a whole number of bytes.`);
      }
      if (route.bodyTimeoutMs !== undefined && !(Number.isInteger(route.bodyTimeoutMs) && route.bodyTimeoutMs > 0 && route.bodyTimeoutMs <= maximumRouteBodyTimeoutMs)) {
        throw new PluginCompositionError('PLUGIN_INVALID', `${where}: bodyTimeoutMs must be a whole number of milliseconds from 1 to ${maximumRouteBodyTimeoutMs}.`);
      }
      if (route.permission !== undefined && route.anonymous) {
        throw new PluginCompositionError('PLUGIN_INVALID', `${where} is anonymous and names a permission; an anonymous route looks at no caller, so drop one of the two.`);
      }
      const segments: Segment[] = route.path
        .slice(1)
        .split('/')
        .map((s) => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s }));
      const shape = (r: MountedRoute) => `${r.route.method} ${r.segments.map((s) => ('param' in s ? ':' : s.literal)).join('/')}`;
      const candidate: MountedRoute = { pluginId: manifest.id, route, segments };
      if (mounted.some((m) => shape(m) === shape(candidate))) {
        throw new PluginCompositionError('PLUGIN_CONFLICT', `${where} is declared twice (or clashes with another route of the same shape).`);
      }
      mounted.push(candidate);
    }
    if (mounted.length) byPlugin.set(manifest.id, mounted);
  }
  return byPlugin;
}

function match(route: MountedRoute, parts: readonly string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!;
    if ('literal' in segment) {
      if (segment.literal !== parts[i]) return null;
    } else params[segment.param] = parts[i]!;
  }
  return params;
}

export interface PluginRouteHandlerOptions {
  routes: Map<string, MountedRoute[]>;
  /** The merged router: its error formatter makes the error JSON (the one tRPC answers with). */
  router: AnyRouter;
  platform: PluginRouteContext['platform'];
  /** The request context with the caller resolved (throws ORIGIN_NOT_ALLOWED and the like). */
  createContext(req: IncomingMessage): SifaContext | Promise<SifaContext>;
  requestContext(req: IncomingMessage): Pick<SifaContext, 'requestId' | 'locale'>;
  onError(info: { error: SifaError; path: string; requestId: string }): void;
}

export function createPluginRouteHandler(options: PluginRouteHandlerOptions) {
  const config = options.router._def._config;

  const sendError = (req: IncomingMessage, res: ServerResponse, error: unknown, path: string, ctx: Pick<SifaContext, 'requestId' | 'locale'>) => {
    const sifa = toSifaError(error);
    // A refusal before (or while) the body was read ends the connection: the upload stops.
    closeUnreadBody(req, res);
    options.onError({ error: sifa, path, requestId: ctx.requestId });
    const shape = getErrorShape({ config, error: getTRPCErrorFromUnknown(sifa), type: 'unknown', path, input: undefined, ctx: ctx as SifaContext });
    const text = JSON.stringify({ error: shape });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A refusal that says when to come back (rate limits, a database outage) says it in HTTP too.
    const retryAfter = (sifa.httpStatus === 429 || sifa.httpStatus === 503) && typeof sifa.details.retryAfter === 'number' ? { 'retry-after': String(sifa.details.retryAfter) } : {};
    res.writeHead(sifa.httpStatus, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...retryAfter });
    res.end(text);
  };

  /** Serves `pathname` (which starts with `/plugins/`); always answers. */
  return async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const base = options.requestContext(req);
    const [pluginId = '', ...rest] = pathname.slice('/plugins/'.length).split('/');
    const path = `${pluginId}${rest.length ? `/${rest.join('/')}` : ''}`.slice(0, 200);
    try {
      let parts: string[];
      try {
        parts = rest.map((p) => decodeURIComponent(p));
      } catch {
        throw new SifaError('BAD_REQUEST', { message: { zh: '请求地址编码不正确。', en: 'The request path is not correctly encoded.' } });
      }
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const candidates = (options.routes.get(pluginId) ?? []).map((route) => ({ route, params: match(route, parts) })).filter((c) => c.params);
      const found = candidates.find((c) => c.route.route.method === method);
      if (!found) {
        if (!candidates.length) {
          throw new SifaError('NOT_FOUND', {
            message: { zh: '没有这个插件接口地址。', en: 'There is no such plugin address.' },
            details: { path: `/plugins/${path}` },
          });
        }
        const allowed = [...new Set(candidates.map((c) => c.route.route.method))].join(', ');
        throw new SifaError('METHOD_NOT_SUPPORTED', {
          message: { zh: `此地址只接受 ${allowed} 请求。`, en: `This address accepts ${allowed} only.` },
          details: { allowed },
        });
      }
      const route = found.route.route;
      const hasBody = method !== 'GET' && method !== 'DELETE';
      if (hasBody) refuseDeclaredTooLarge(req, route.maxBodyBytes ?? defaultRouteBodyBytes, route.tooLargeMessage);
      let ctx: Pick<SifaContext, 'actor' | 'apiKey' | 'authError' | 'clientAddress'> = { actor: null, apiKey: null, authError: undefined, clientAddress: null };
      if (!route.anonymous) {
        const full = await options.createContext(req);
        ctx = { actor: full.actor, apiKey: full.apiKey, authError: full.authError, clientAddress: full.clientAddress ?? null };
      }
      // A body for a route that looks at its caller, from no caller at all, is never read.
      if (hasBody && !route.anonymous && !ctx.actor && !ctx.apiKey) throw ctx.authError ?? new SifaError('UNAUTHENTICATED');
      // The declared permission, before a byte of the body is read.
      let permitted: Actor | null = null;
      if (route.permission !== undefined) {
        if (!ctx.actor) throw ctx.authError ?? new SifaError('UNAUTHENTICATED');
        requirePermission(ctx.actor, route.permission);
        permitted = ctx.actor;
      }
      const body = hasBody ? await readBodyBytes(req, route.maxBodyBytes ?? defaultRouteBodyBytes, { message: route.tooLargeMessage, timeoutMs: routeBodyTimeoutMs(route) }) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':')) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? pathname}`, { method, headers, ...(body ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) } : {}) });
      const routeContext: PluginRouteContext = { ...base, ...ctx, params: found.params!, platform: options.platform };
      const response = route.permission === undefined ? await route.handler(request, routeContext) : await route.handler(request, { ...routeContext, actor: permitted! });
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.status !== 304 && response.status !== 204) out['content-length'] = String(bytes.length);
      // A GET or DELETE sent with a body: it was never read, so it must not hold the connection.
      if (!hasBody) closeUnreadBody(req, res);
      res.writeHead(response.status, out);
      res.end(req.method === 'HEAD' || response.status === 304 ? undefined : bytes);
    } catch (error) {
      sendError(req, res, error, path, base);
    }
  };
}
