/**
 * tRPC's HTTP protocol served straight from node:http. The standalone adapter converts every
 * request to a fetch Request and every answer back from a fetch Response; measured on this
 * machine that conversion costs most of its time (bench/). This handler speaks the same wire
 * format as `httpLink` / `httpBatchLink` (JSON, no transformer; GET for queries, POST for
 * mutations, `?batch=1`), enforcing a body limit, a batch limit and the JSON content type.
 * Subscriptions are served as server-sent events exactly as `httpSubscriptionLink` expects
 * (GET, tRPC's own SSE producer: `connected`, data with `id` for tracked events, `ping`,
 * `serialized-error`, `return`); a reconnect's `Last-Event-ID` reaches the procedure as
 * `input.lastEventId`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, type AnyRouter } from '@trpc/server';
import { isAsyncIterable, sseHeaders, sseStreamProducer } from '@trpc/server/unstable-core-do-not-import';
import { SifaError, requirePermission, toSifaError, type SifaContext, type SifaProcedureMeta } from '@sifa/core';
import { bodyDeadlineFor, closeUnreadBody, readBodyBytes } from './body.js';
import { createStreamRegistry, credentialsTopic, defaultStreamPolicy, watchUntilWaiting, type OpenStreams, type StreamPolicy } from './streams.js';

export interface TrpcLimits {
  maxBodyBytes: number;
  maxBatchSize: number;
  /**
   * A POST body must have arrived this many ms after its headers (and never slower than 1 KiB/s
   * over 5 s), else 408 REQUEST_TIMEOUT and the connection closes. Default: `maxBodyBytes` at
   * 1 Mbit/s, at least 15 s.
   */
  bodyTimeoutMs?: number;
}

/** The shortest default deadline of a /trpc body (JSON: small, and a slow one is an attack). */
export const minimumTrpcBodyTimeoutMs = 15_000;

/** The deadline of a /trpc body under `limits`. */
export function trpcBodyTimeoutMs(limits: TrpcLimits): number {
  return limits.bodyTimeoutMs ?? bodyDeadlineFor(limits.maxBodyBytes, minimumTrpcBodyTimeoutMs);
}

/** Keep-alive comment interval of event streams (proxies drop idle connections after ~60 s). */
const ssePingMs = 15_000;
const sseHeaderList = Object.entries(sseHeaders).flat();
/** Longest a stream's response waits for its procedure's up-front checks before its headers go out anyway. */
const upFrontChecksMs = 10_000;

type ProcedureType = 'query' | 'mutation' | 'subscription';

interface HandlerOptions {
  router: AnyRouter;
  limits: TrpcLimits;
  createContext(req: IncomingMessage): SifaContext | Promise<SifaContext>;
  /** Request id and locale, known before the full context (for errors raised before it exists). */
  requestContext?(req: IncomingMessage): Pick<SifaContext, 'requestId' | 'locale'>;
  onError?(info: { error: unknown; path: string | undefined; ctx: SifaContext | undefined }): void;
  /** Caps on open event streams and how often their credential is re-checked (`defaultStreamPolicy`). */
  streams?: Partial<StreamPolicy>;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SifaError('PARSE_ERROR', { details: { where } });
  }
}

function procedureType(router: AnyRouter, path: string): ProcedureType | null {
  const procedure = (router._def.procedures as Record<string, { _def: { type: ProcedureType } } | undefined>)[path];
  return procedure?._def.type ?? null;
}

export function createTrpcHandler(options: HandlerOptions) {
  const { router, limits } = options;
  const bodyTimeoutMs = trpcBodyTimeoutMs(limits);
  const config = router._def._config;
  /** Open event streams (their abort, and when their procedure's generator has finished), ended when the server closes. */
  const streams = new Map<AbortController, Promise<void>>();
  const registry = createStreamRegistry({ ...defaultStreamPolicy, ...options.streams });

  const errorShape = (error: unknown, path: string | undefined, type: ProcedureType | 'unknown', ctx: SifaContext | undefined, input: unknown) => {
    options.onError?.({ error, path, ctx });
    return getErrorShape({ config, error: getTRPCErrorFromUnknown(error), type, path, input, ctx });
  };

  /** `Retry-After` for a refusal that says when to come back (limits of public forms, a database outage). */
  const withRetryAfter = (status: number, error: unknown, headers: readonly string[]): readonly string[] => {
    if (status !== 429 && status !== 503) return headers;
    const retryAfter = (error as { data?: { details?: { retryAfter?: unknown } } } | undefined)?.data?.details?.retryAfter;
    return typeof retryAfter === 'number' ? [...headers, 'retry-after', String(retryAfter)] : headers;
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: readonly string[]) => {
    const text = JSON.stringify(body);
    res.writeHead(status, ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(text)), ...headers]);
    res.end(text);
  };

  /**
   * One subscription as server-sent events. Before the stream starts (answered as JSON with its
   * status): the per-user and per-key cap (429), the procedure's permission and input, and what
   * its generator checks before its first event (scope, existence: `watchUntilWaiting`). Once
   * open, its credential is re-checked through `createContext` (the same resolution as any
   * request: session gone or expired, token expired, key revoked, permission withdrawn) every
   * `recheckMs` and at once on a credentials change in the feed; a refused credential ends the
   * stream with a typed `serialized-error` event and nothing after it.
   */
  const stream = async (req: IncomingMessage, res: ServerResponse, path: string, rawInput: unknown, ctx: SifaContext, headers: readonly string[]) => {
    const header = req.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' ? header : null) ?? new URL(req.url ?? '/', 'http://x').searchParams.get('lastEventId');
    let input = rawInput;
    if (lastEventId) {
      if (input === undefined || input === null) input = { lastEventId };
      else if (typeof input === 'object' && !Array.isArray(input)) input = { ...input, lastEventId };
    }
    // Past a cap: refused (RATE_LIMITED, naming the limit) before anything runs.
    const lease = registry.open(path, ctx);
    // `abort` ends the whole stream (client gone, server closing); `procedureAbort` only the procedure
    // (also when the stream ends with an error event that must still be written).
    const abort = new AbortController();
    const procedureAbort = new AbortController();
    abort.signal.addEventListener('abort', () => procedureAbort.abort(), { once: true });
    let iterator: AsyncIterator<unknown>;
    let first: Promise<IteratorResult<unknown>>;
    try {
      const watched = watchUntilWaiting(ctx);
      // Errors before the first event (not signed in, bad input, out of scope) are answered as plain JSON with their status.
      const data = await callTRPCProcedure({ router, path, type: 'subscription', ctx: watched.ctx, getRawInput: async () => input, signal: procedureAbort.signal, batchIndex: 0 });
      if (!isAsyncIterable(data)) throw new SifaError('INTERNAL', { details: { reason: 'subscription did not return an async iterable' } });
      iterator = (data as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      first = iterator.next();
      // The headers wait until the generator yields, ends, throws, or waits on the change feed
      // (or, for one that does none of these, `upFrontChecksMs`).
      let timer: NodeJS.Timeout | undefined;
      const held = await Promise.race([
        first.then(
          () => null,
          (error: unknown) => ({ error }),
        ),
        watched.waiting.then(() => null),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), upFrontChecksMs))),
      ]).finally(() => clearTimeout(timer));
      if (held) throw held.error;
      if (res.destroyed) {
        abort.abort();
        void iterator.return?.(undefined).catch(() => {});
        lease.release();
        return;
      }
    } catch (error) {
      abort.abort();
      lease.release();
      throw error;
    }
    // Settles once the procedure's generator has run its last line, so a closing server waits
    // for it before closing what it reads from.
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    void finished.then(() => lease.release());
    let refuse: (error: SifaError) => void = () => {};
    const refused = new Promise<never>((_, reject) => (refuse = reject));
    refused.catch(() => {});
    const procedureIterator = iterator;
    let closed = false;
    const closeProcedure = () => {
      if (closed) return;
      closed = true;
      procedureAbort.abort();
      // The generator finishes its current step (aborted waits end at once), then returns.
      void Promise.resolve()
        .then(() => procedureIterator.return?.(undefined))
        .catch(() => {})
        .finally(finish);
    };
    async function* tracked() {
      try {
        let step = await Promise.race([first, refused]);
        while (!step.done) {
          yield step.value;
          step = await Promise.race([procedureIterator.next(), refused]);
        }
      } finally {
        closeProcedure();
      }
    }
    streams.set(abort, finished);
    void finished.then(() => streams.delete(abort));
    const body = sseStreamProducer({
      data: tracked(),
      serialize: (value: unknown) => value,
      formatError: ({ error }) => errorShape(error, path, 'subscription', ctx, input),
      ping: { enabled: true, intervalMs: ssePingMs },
      lastEventId,
    });
    const reader = body.getReader();
    const stop = () => {
      abort.abort();
      void reader.cancel().catch(() => {});
    };
    res.once('close', stop);
    // Server shutdown: stop reading; the loop below ends the response.
    abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    void watchCredential(req, path, ctx, procedureAbort.signal, (error) => {
      registry.endedByCredential();
      refuse(error);
    });
    res.writeHead(200, [...sseHeaderList, ...headers]);
    res.flushHeaders();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || res.writableEnded || res.destroyed) break;
        if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
        if (res.destroyed) break;
      }
    } catch {
      // The client went away or the server is closing.
    } finally {
      res.off('close', stop);
      // However the loop ended (done, client gone, server closing), the procedure stops too
      // (also when the stream ended before reading its data).
      stop();
      closeProcedure();
      if (!res.writableEnded) res.end();
    }
  };

  /** The procedure's declared permission (`scopedSubscription(permission)`), re-checked with the stream's credential. */
  const permissionOf = (path: string): string | undefined =>
    (router._def.procedures as Record<string, { _def: { meta?: SifaProcedureMeta } } | undefined>)[path]?._def.meta?.permission;

  /**
   * Resolves the stream's caller again from its request, as `createContext` does for every
   * request; a SifaError when its credential no longer holds, null when it does (or when the
   * answer is unknown for now: the database unreachable, asked again next time). A re-check is
   * not activity: it does not slide a session's idle window (embed/request.ts resolves a request
   * seen before without sliding), so a stream left open ends once its session is idle too long.
   */
  const recheck = async (req: IncomingMessage, path: string, ctx: SifaContext): Promise<SifaError | null> => {
    let fresh: SifaContext;
    try {
      fresh = await options.createContext(req);
    } catch (error) {
      const refusal = toSifaError(error);
      return refusal.sifaCode === 'DATABASE_UNAVAILABLE' ? null : refusal;
    }
    if (fresh.authError?.sifaCode === 'DATABASE_UNAVAILABLE') return null;
    const stale = () => fresh.authError ?? new SifaError('UNAUTHENTICATED');
    if (ctx.actor) {
      if (!fresh.actor || fresh.actor.userId !== ctx.actor.userId) return stale();
      const permission = permissionOf(path);
      if (permission !== undefined) {
        try {
          requirePermission(fresh.actor, permission);
        } catch (error) {
          return toSifaError(error);
        }
      }
    }
    if (ctx.apiKey && fresh.apiKey?.id !== ctx.apiKey.id) return stale();
    return null;
  };

  /** Re-checks until `signal` aborts: every `recheckMs`, and at once when credentials change at or around the caller's org. */
  const watchCredential = async (req: IncomingMessage, path: string, ctx: SifaContext, signal: AbortSignal, onRefused: (error: SifaError) => void) => {
    if (!ctx.actor && !ctx.apiKey) return;
    const scopePath = ctx.actor?.scope.orgPath ?? ctx.apiKey?.orgPath ?? '/';
    try {
      const changed = () => ctx.platform.changes.next(credentialsTopic, scopePath, { signal, timeoutMs: registry.policy.recheckMs });
      let next = changed();
      while (!signal.aborted) {
        await next;
        if (signal.aborted) return;
        // Listening again before the re-check: a logout or revocation during it is not missed.
        next = changed();
        const refusal = await recheck(req, path, ctx);
        if (refusal && !signal.aborted) return onRefused(refusal);
      }
    } catch (error) {
      options.onError?.({ error, path, ctx });
    }
  };

  const handle = async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    pathPart: string,
    searchParams: URLSearchParams,
    /** Further response headers, as a flat [name, value, …] list. */
    headers: readonly string[] = [],
  ): Promise<void> {
    const isBatch = searchParams.get('batch') === '1';
    const paths = isBatch ? pathPart.split(',') : [pathPart];
    let ctx: SifaContext | undefined;
    const failAll = (error: unknown) => {
      const errorCtx = ctx ?? (options.requestContext?.(req) as SifaContext | undefined);
      const shape = errorShape(error, isBatch ? undefined : paths[0], 'unknown', errorCtx, undefined);
      // Refused before (or while) its body was read: the connection closes, the upload stops.
      closeUnreadBody(req, res);
      send(res, shape.data.httpStatus, isBatch ? paths.map(() => ({ error: shape })) : { error: shape }, withRetryAfter(shape.data.httpStatus, shape, headers));
    };
    try {
      if (isBatch && paths.length > limits.maxBatchSize) {
        throw new SifaError('BAD_REQUEST', {
          message: {
            zh: `一次批量请求最多包含 ${limits.maxBatchSize} 个调用，本次有 ${paths.length} 个。`,
            en: `A batch may hold at most ${limits.maxBatchSize} calls; this one has ${paths.length}.`,
          },
          details: { maxBatchSize: limits.maxBatchSize, received: paths.length },
        });
      }
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'POST') throw new SifaError('METHOD_NOT_SUPPORTED');
      let inputs: unknown;
      if (method === 'GET') {
        const raw = searchParams.get('input');
        inputs = raw === null ? undefined : parseJson(raw, 'input query parameter');
      } else {
        const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
        if (contentType !== 'application/json') throw new SifaError('UNSUPPORTED_MEDIA_TYPE');
        const body = (await readBodyBytes(req, limits.maxBodyBytes, { timeoutMs: bodyTimeoutMs })).toString('utf8');
        inputs = body === '' ? undefined : parseJson(body, 'request body');
      }
      if (isBatch && inputs !== undefined && (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))) {
        throw new SifaError('BAD_REQUEST', { message: { zh: '批量请求的输入必须是对象。', en: 'The input of a batch call must be an object keyed by call index.' } });
      }
      ctx = await options.createContext(req);
      const context = ctx;
      if (method === 'GET' && !isBatch && procedureType(router, paths[0]!) === 'subscription') {
        await stream(req, res, paths[0]!, inputs, context, headers);
        return;
      }
      const expected: ProcedureType = method === 'GET' ? 'query' : 'mutation';
      const call = async (path: string, index: number) => {
        const input = isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;
        const type = procedureType(router, path);
        try {
          if (type === null) {
            throw new SifaError('PROCEDURE_NOT_FOUND', { details: { path: path.slice(0, 200) } });
          }
          if (type !== expected) {
            throw new SifaError('METHOD_NOT_SUPPORTED', {
              message: {
                zh: `${path} 是${type === 'query' ? '查询，请用 GET' : type === 'mutation' ? '修改，请用 POST' : '订阅，请单独用 GET 订阅（text/event-stream），不可放在批量请求中'}。`,
                en: `${path} is a ${type}: ${type === 'query' ? 'use GET' : type === 'mutation' ? 'use POST' : 'subscribe with a single GET (text/event-stream), not inside a batch'}.`,
              },
            });
          }
          const data = await callTRPCProcedure({
            router,
            path,
            type,
            ctx: context,
            getRawInput: async () => input,
            signal: undefined,
            batchIndex: index,
          });
          return { status: 200, body: { result: { data } } as unknown };
        } catch (error) {
          const shape = errorShape(error, path, type ?? 'unknown', context, input);
          return { status: shape.data.httpStatus as number, body: { error: shape } as unknown };
        }
      };
      // One call (the common case) skips the batch machinery.
      const results = paths.length === 1 ? [await call(paths[0]!, 0)] : await Promise.all(paths.map(call));
      if (!isBatch) {
        send(res, results[0]!.status, results[0]!.body, withRetryAfter(results[0]!.status, (results[0]!.body as { error?: unknown }).error, headers));
        return;
      }
      const statuses = new Set(results.map((r) => r.status));
      const status = statuses.size === 1 ? results[0]!.status : 207;
      send(res, status, results.map((r) => r.body), withRetryAfter(status, (results[0]!.body as { error?: unknown }).error, headers));
    } catch (error) {
      if (res.headersSent) {
        if (!res.writableEnded) res.end();
        return;
      }
      failAll(error);
    }
  };
  return Object.assign(handle, {
    /** Open event streams on this instance (counts only), for `/metrics`. */
    openStreams(): OpenStreams {
      return registry.snapshot();
    },
    /**
     * Ends every open event stream (server shutdown; clients reconnect elsewhere); resolves when
     * their procedures' generators have finished.
     */
    async closeStreams(): Promise<void> {
      const open = [...streams];
      for (const [abort] of open) abort.abort();
      await Promise.all(open.map(([, finished]) => finished));
    },
  });
}
