/**
 * tRPC's HTTP protocol served straight from node:http. The standalone adapter converts every
 * request to a fetch Request and every answer back from a fetch Response; measured on this
 * machine that conversion costs most of its time (bench/). This handler speaks the same wire
 * format as `httpLink` / `httpBatchLink` (JSON, no transformer; GET for queries, POST for
 * mutations, `?batch=1`), enforcing a body limit, a batch limit and the JSON content type.
 * Subscriptions are not served here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, type AnyRouter } from '@trpc/server';
import { SifaError, type SifaContext } from '@sifa/core';
import { readBodyBytes } from './body.js';

export interface TrpcLimits {
  maxBodyBytes: number;
  maxBatchSize: number;
}

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

  const errorShape = (error: unknown, path: string | undefined, type: ProcedureType | 'unknown', ctx: SifaContext | undefined, input: unknown) => {
    options.onError?.({ error, path, ctx });
    return getErrorShape({ config, error: getTRPCErrorFromUnknown(error), type, path, input, ctx });
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: readonly string[]) => {
    const text = JSON.stringify(body);
    res.writeHead(status, ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(text)), ...headers]);
    res.end(text);
  };

  return async function handle(
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
      send(res, shape.data.httpStatus, isBatch ? paths.map(() => ({ error: shape })) : { error: shape }, headers);
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
                zh: `${path} 是${type === 'query' ? '查询，请用 GET' : type === 'mutation' ? '修改，请用 POST' : '订阅，此接口不提供'}。`,
                en: `${path} is a ${type}: ${type === 'query' ? 'use GET' : type === 'mutation' ? 'use POST' : 'subscriptions are not served on this endpoint'}.`,
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
        send(res, results[0]!.status, results[0]!.body, headers);
        return;
      }
      const statuses = new Set(results.map((r) => r.status));
      send(res, statuses.size === 1 ? results[0]!.status : 207, results.map((r) => r.body), headers);
    } catch (error) {
      failAll(error);
    }
  };
}
