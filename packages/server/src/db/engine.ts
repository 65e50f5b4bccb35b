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
  | { engine: 'pglite'; dataDir: string | 'memory' }
  | { engine: 'postgres'; url: string; maxConnections?: number };

/** Where a postgres URL points, without user or password (safe to log and show). */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** Seconds before the `attempt`-th reconnect: 50 ms doubling to at most 1 s, with jitter. */
export function reconnectBackoffSeconds(attempt: number): number {
  return Math.min(0.05 * 2 ** attempt, 1) * (0.75 + Math.random() / 4);
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.engine === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(config.url, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'sifa' },
      // While the database is down, a request fails within seconds (DATABASE_UNAVAILABLE, 503)
      // instead of waiting 30 s, and once it is back connections return within about a second:
      // the driver's default back-off grows to 20 s between attempts after a few failures.
      connect_timeout: 5,
      backoff: reconnectBackoffSeconds,
    });
    const db = drizzle({ client }) as unknown as SifaDb;
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
  const client = config.dataDir === 'memory' ? new PGlite() : new PGlite(config.dataDir);
  await client.waitReady;
  const db = drizzle({ client }) as unknown as SifaDb;
  return {
    engine: 'pglite',
    db,
    location: config.dataDir === 'memory' ? 'in memory' : config.dataDir,
    close: () => client.close(),
  };
}
