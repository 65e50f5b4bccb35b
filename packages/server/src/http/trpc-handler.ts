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
import { SifaError, type SifaContext } from '@sifa/core';
import { readBodyBytes } from './body.js';

export interface TrpcLimits {
  maxBodyBytes: number;
  maxBatchSize: number;
}

/** Keep-alive comment interval of event streams (proxies drop idle connections after ~60 s). */
const ssePingMs = 15_000;
const sseHeaderList = Object.entries(sseHeaders).flat();

type ProcedureType = 'query' | 'mutation' | 'subscription';

interface HandlerOptions {
  router: AnyRouter;
  limits: TrpcLimits;
  createContext(req: IncomingMessage): SifaContext | Promise<SifaContext>;
  /** Request id and locale, known before the full context (for errors raised before it exists). */
  requestContext?(req: IncomingMessage): Pick<SifaContext, 'requestId' | 'locale'>;
  onError?(info: { error: unknown; path: string | undefined; ctx: SifaContext | undefined }): void;
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
  const config = router._def._config;
  /** Open event streams (their abort, and when their procedure's generator has finished), ended when the server closes. */
  const streams = new Map<AbortController, Promise<void>>();

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

  const stream = async (req: IncomingMessage, res: ServerResponse, path: string, rawInput: unknown, ctx: SifaContext, headers: readonly string[]) => {
    const header = req.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' ? header : null) ?? new URL(req.url ?? '/', 'http://x').searchParams.get('lastEventId');
    let input = rawInput;
    if (lastEventId) {
      if (input === undefined || input === null) input = { lastEventId };
      else if (typeof input === 'object' && !Array.isArray(input)) input = { ...input, lastEventId };
    }
    const abort = new AbortController();
    // Errors before the first event (not signed in, bad input) are answered as plain JSON with their status.
    const data = await callTRPCProcedure({ router, path, type: 'subscription', ctx, getRawInput: async () => input, signal: abort.signal, batchIndex: 0 });
    if (!isAsyncIterable(data)) throw new SifaError('INTERNAL', { details: { reason: 'subscription did not return an async iterable' } });
    // Settles once the procedure's generator has run its last line (or was never started), so a
    // closing server waits for it before closing what it reads from.
    let started = false;
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    async function* tracked() {
      started = true;
      try {
        yield* data as AsyncIterable<unknown>;
      } finally {
        finish();
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
      // However the loop ended (done, client gone, server closing), the procedure stops too.
      stop();
      if (!started) finish();
      if (!res.writableEnded) res.end();
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
        const body = (await readBodyBytes(req, limits.maxBodyBytes)).toString('utf8');
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
