/**
 * DATABASE_URL forms: a Unix-domain socket named the libpq way (`?host=/dir`), which postgres.js
 * would otherwise send to the server as a setting ("unrecognized configuration parameter host"),
 * and what the server prints of a URL (no user, no password).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { openDatabase } from '@sifa/server';
import { createTestDatabase, engine } from '@sifa/server/testing';
import { describePostgresUrl, socketOf } from '../src/db/engine.js';

describe('a socket directory in the URL', () => {
  it('becomes the socket path, and the URL goes on without it', () => {
    expect(socketOf('postgres://sifa@/sifa?host=/var/run/postgresql')).toEqual({
      url: 'postgres://sifa@localhost/sifa',
      path: '/var/run/postgresql/.s.PGSQL.5432',
    });
    expect(socketOf('postgres://sifa:secret@db:5433/sifa?host=/tmp/&sslmode=disable')).toEqual({
      url: 'postgres://sifa:secret@db:5433/sifa?sslmode=disable',
      path: '/tmp/.s.PGSQL.5433',
    });
    // A host name in `host` (not a directory) and URLs without one are left as they are.
    expect(socketOf('postgres://sifa@db/sifa?host=other')).toEqual({ url: 'postgres://sifa@db/sifa?host=other', path: null });
    expect(socketOf('postgres://sifa@db/sifa')).toEqual({ url: 'postgres://sifa@db/sifa', path: null });
    expect(socketOf('not a url')).toEqual({ url: 'not a url', path: null });
  });

  it('is what the server prints of it, without credentials', () => {
    expect(describePostgresUrl('postgres://sifa:secret@/sifa?host=/var/run/postgresql')).toBe('/var/run/postgresql/.s.PGSQL.5432/sifa');
    expect(describePostgresUrl('postgres://sifa:secret@db:5433/sifa')).toBe('db:5433/sifa');
  });

  // The machine's PostgreSQL listens on its Debian socket directory as well as on TCP.
  it.runIf(engine === 'postgres' && existsSync('/var/run/postgresql/.s.PGSQL.5432'))('connects through the socket', async () => {
    const db = await createTestDatabase();
    const url = new URL(db.url!);
    const database = await openDatabase({ engine: 'postgres', url: `postgres://${url.username}@${url.pathname}?host=/var/run/postgresql` });
    try {
      // No server address: a Unix-domain socket.
      const [row] = rowsOf<{ addr: string | null; db: string }>(await database.db.execute(sql`SELECT inet_server_addr()::text AS addr, current_database() AS db`));
      expect(row).toEqual({ addr: null, db: url.pathname.slice(1) });
    } finally {
      await database.close();
      await db.drop();
    }
  });
});
