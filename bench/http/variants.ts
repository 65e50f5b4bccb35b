/** The three servers of the HTTP benchmark, each on 127.0.0.1 with an OS-chosen port. */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { createRouter, definePlugin, defineServerPlugin, negotiateLocale, type SifaContext } from '@sifa/core';
import { createLogger, createSifaServer } from '@sifa/server';
import { benchRouter, pluginId, procedurePath, summarize, summaryInput } from './procedure.js';

export const variants = ['sifa', 'standalone', 'bare'] as const;
export type Variant = (typeof variants)[number];
export const variantLabels: Record<Variant, string> = {
  sifa: 'ours (createSifaServer)',
  standalone: 'tRPC standalone adapter',
  bare: 'bare node:http',
};

export interface Running {
  url: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => (server.close(() => done()), server.closeAllConnections())),
      });
    });
  });
}

/** (a) Our server: the router as a plugin, PGlite in memory, silent logger. */
async function startSifa(): Promise<Running> {
  const plugin = defineServerPlugin(
    definePlugin({ id: pluginId, version: '0.0.0', core: '^0.1.0', title: { zh: '基准测试', en: 'Benchmark' } }),
    { router: benchRouter },
  );
  const server = await createSifaServer({
    plugins: [plugin],
    database: { engine: 'pglite', dataDir: 'memory' },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent' }),
  });
  return { url: await server.listen(), close: () => server.close() };
}

/** (b) tRPC's standalone adapter, same router object, with the context fields a procedure may read. */
function startStandalone(): Promise<Running> {
  const server = createHTTPServer({
    router: createRouter({ [pluginId]: benchRouter }),
    basePath: '/trpc/',
    createContext: ({ req }): SifaContext => ({
      requestId: randomUUID(),
      locale: negotiateLocale(req.headers['accept-language']),
      actor: null,
      platform: undefined as unknown as SifaContext['platform'], // never read by a public procedure
      apiKey: null,
      bearerToken: null,
      origin: null,
    }),
  });
  return listen(server);
}

/** (c) The floor: parse, validate with the same schema, call the same function, write JSON. */
function startBare(): Promise<Running> {
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== procedurePath) return json(res, 404, { error: 'not found' });
    let raw: unknown;
    try {
      raw = JSON.parse(url.searchParams.get('input') ?? '');
    } catch {
      return json(res, 400, { error: 'bad JSON' });
    }
    const parsed = summaryInput.safeParse(raw);
    if (!parsed.success) return json(res, 400, { error: parsed.error.issues });
    json(res, 200, { result: { data: summarize(parsed.data) } });
  });
  return listen(server);
}

export function start(variant: Variant): Promise<Running> {
  switch (variant) {
    case 'sifa':
      return startSifa();
    case 'standalone':
      return startStandalone();
    case 'bare':
      return startBare();
  }
}
