/**
 * Opens the database: embedded PGlite persisted in a folder when no URL is configured, a real
 * PostgreSQL server through postgres.js when DATABASE_URL is set. Both give the same drizzle
 * API, so migrations and queries are shared.
 */
import { mkdir } from 'node:fs/promises';
import type { SifaDb } from '@sifa/core';

export type EngineName = 'pglite' | 'postgres';

export interface DatabaseHandle {
  engine: EngineName;
  db: SifaDb;
  /** Human-readable location without secrets: the folder, or host:port/database. */
  location: string;
  /**
   * PostgreSQL only: LISTEN on `channel` on a dedicated connection (other server instances'
   * NOTIFYs arrive here); resolves with a function that stops listening.
   */
  listen?(channel: string, onPayload: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  /**
   * `from` (in memory only): a data folder dumped by PGlite's `dumpDataDir`, loaded instead of
   * running initdb (the test kit starts every in-memory database from one, seconds faster).
   */
  | { engine: 'pglite'; dataDir: string | 'memory'; from?: Blob }
  | { engine: 'postgres'; url: string; maxConnections?: number };

/** Where a postgres URL points, without user or password (safe to log and show). */
export function describePostgresUrl(url: string): string {
  try {
    const socket = socketOf(url);
    const u = new URL(socket.url);
    return socket.path ? `${socket.path}${u.pathname}` : `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/**
 * A URL naming a Unix-domain socket directory the libpq way (`postgres://user@/db?host=/var/run/postgresql`,
 * or `host=` beside a host name): the URL without it and the socket's path for postgres.js,
 * which would otherwise send `host` to the server as a setting. On the database's own machine a
 * socket costs less per statement than TCP over loopback.
 */
export function socketOf(url: string): { url: string; path: string | null } {
  if (!/[?&]host=(\/|%2F)/i.test(url)) return { url, path: null };
  // libpq allows an empty host (`postgres://user@/db`), which URL parsing refuses.
  let u: URL;
  try {
    u = new URL(url.replace(/^([a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?)(?=[/?#]|$)/i, '$1localhost'));
  } catch {
    return { url, path: null };
  }
  const dir = u.searchParams.get('host')!;
  u.searchParams.delete('host');
  return { url: u.toString(), path: `${dir.replace(/\/$/, '')}/.s.PGSQL.${u.port || '5432'}` };
}

/** Seconds before the `attempt`-th reconnect: 50 ms doubling to at most 1 s, with jitter. */
export function reconnectBackoffSeconds(attempt: number): number {
  return Math.min(0.05 * 2 ** attempt, 1) * (0.75 + Math.random() / 4);
}

/** The part of a postgres.js client (or of a transaction's) that drizzle calls. */
interface SqlClient {
  unsafe(query: string, params?: unknown[], options?: { prepare?: boolean }): unknown;
}

/**
 * A postgres.js client whose queries run as named prepared statements. drizzle passes
 * `prepare: false` on every query, so PostgreSQL parsed and planned each statement again on
 * every call; a connection now parses a statement once and keeps it (postgres.js caches them
 * per connection, by text). Queries without parameters keep the simple protocol (a migration's
 * several statements in one string). The transaction and savepoint clients drizzle is handed
 * are wrapped the same way.
 */
function preparing<T extends object>(client: T): T {
  const wrapCallback = (args: unknown[]) => args.map((a) => (typeof a === 'function' ? (tx: object) => (a as (tx: object) => unknown)(preparing(tx)) : a));
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const sql = target as unknown as SqlClient;
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          sql.unsafe(query, params, params && params.length > 0 ? { ...options, prepare: true } : options);
      }
      if (key === 'begin' || key === 'savepoint') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, wrapCallback(args));
      return value;
    },
  });
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.engine === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { url, path } = socketOf(config.url);
    const client = postgres(url, {
      ...(path ? { path } : {}),
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'sifa' },
      // While the database is down, a request fails within seconds (DATABASE_UNAVAILABLE, 503)
      // instead of waiting 30 s, and once it is back connections return within about a second:
      // the driver's default back-off grows to 20 s between attempts after a few failures.
      connect_timeout: 5,
      backoff: reconnectBackoffSeconds,
    });
    const db = drizzle({ client: preparing(client) }) as unknown as SifaDb;
    return {
      engine: 'postgres',
      db,
      location: describePostgresUrl(config.url),
      async listen(channel, onPayload, onListening) {
        // postgres.js LISTENs on a connection of its own and LISTENs again after it is lost,
        // retrying with the back-off above until the database answers; `onListening` runs each
        // time it listens (first and after every reconnect).
        const { unlisten } = await client.listen(channel, onPayload, onListening);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (config.dataDir !== 'memory') await mkdir(config.dataDir, { recursive: true });
  const client = config.dataDir === 'memory' ? new PGlite(config.from ? { loadDataDir: config.from } : {}) : new PGlite(config.dataDir);
  await client.waitReady;
  const db = drizzle({ client }) as unknown as SifaDb;
  return {
    engine: 'pglite',
    db,
    location: config.dataDir === 'memory' ? 'in memory' : config.dataDir,
    close: () => client.close(),
  };
}
