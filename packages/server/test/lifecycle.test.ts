/**
 * Server lifecycle: graceful shutdown with requests in flight and with open event streams (their
 * procedures finish before the database closes; a stream whose client left stops its procedure),
 * and a persistent PGlite folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { createRouter, definePlugin, defineServerPlugin, publicProcedure } from '@sifa/core';
import { createLogger, createSifaServer, seedOrgTree, type DatabaseConfig } from '@sifa/server';
import { cliArgs, cliEnv, createTestDatabase, engine } from '@sifa/server/testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** How each `slow.ticks` stream ended: its generator's last act is a read from the database. */
const tickEnds: { id: string; lastRead: 'ok' | 'failed' }[] = [];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** `slow.wait` calls that have reached their procedure (the request is in flight on the server). */
const waitsStarted: number[] = [];

const slowPlugin = defineServerPlugin(
  definePlugin({ id: 'slow', version: '1.0.0', core: '^0.1.0', title: { zh: '慢', en: 'Slow' } }),
  {
    router: createRouter({
      /** One tick every 50 ms until the stream ends; then, after a moment, one more database read. */
      ticks: publicProcedure.input(z.object({ id: z.string() })).subscription(async function* ({ ctx, input, signal }) {
        try {
          for (let n = 0; !signal?.aborted; n++) {
            yield n;
            await pause(50);
          }
        } finally {
          await pause(200);
          const lastRead = await ctx.platform.referenceDb.execute(sql`SELECT 1`).then(
            () => 'ok' as const,
            () => 'failed' as const,
          );
          tickEnds.push({ id: input.id, lastRead });
        }
      }),
      wait: publicProcedure.input(z.object({ ms: z.number().int().max(2000) })).query(async ({ input }) => {
        waitsStarted.push(input.ms);
        await new Promise((r) => setTimeout(r, input.ms));
        return { waited: input.ms };
      }),
    }),
  },
);

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections and closes the database', async () => {
    const db = await createTestDatabase();
    const server = await createSifaServer({ plugins: [slowPlugin], database: db.handle, port: 0, logger: createLogger({ level: 'silent' }) });
    const url = await server.listen();
    const inFlight = fetch(`${url}/trpc/slow.wait?input=${encodeURIComponent(JSON.stringify({ ms: 400 }))}`);
    // Close once the server is running the request (not after a fixed pause: on a busy machine
    // the request may not have arrived yet, and a close before it arrives rightly refuses it).
    await vi.waitFor(() => expect(waitsStarted).toContain(400), { timeout: 10_000, interval: 5 });
    const closed = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { waited: 400 } } });
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await db.drop();
  });
});

describe('open event streams', () => {
  const openStream = async (url: string, id: string, signal?: AbortSignal) => {
    const res = await fetch(`${url}/trpc/slow.ticks?input=${encodeURIComponent(JSON.stringify({ id }))}`, { signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    // Until the first tick arrives.
    let text = '';
    while (!text.includes('data: 0')) text += new TextDecoder().decode((await reader.read()).value);
    return reader;
  };

  it('end at shutdown, and their procedures finish before the database closes', async () => {
    // A database the server opens itself, so that closing it is part of the server's shutdown.
    // (An in-memory PGlite: it migrates faster than one in a folder, and closing it is the same.)
    const db = engine === 'postgres' ? await createTestDatabase() : null;
    const database: DatabaseConfig = db ? { engine: 'postgres', url: db.url! } : { engine: 'pglite', dataDir: 'memory' };
    try {
      const server = await createSifaServer({ plugins: [slowPlugin], database, port: 0, logger: createLogger({ level: 'silent' }) });
      const url = await server.listen();
      const reader = await openStream(url, 'shutdown');
      await server.close();
      expect(tickEnds.find((e) => e.id === 'shutdown')).toEqual({ id: 'shutdown', lastRead: 'ok' });
      // The stream was ended by the server.
      for (let r = await reader.read().catch(() => ({ done: true })); !r.done; r = await reader.read().catch(() => ({ done: true })));
    } finally {
      await db?.drop();
    }
    // The server runs every migration on its own database first: a few seconds on a quiet machine,
    // over 30 s beside the rest of the suite (CI failed on the 30 s default once).
  }, 180_000);

  it('stop their procedure when the client goes away', async () => {
    const db = await createTestDatabase();
    const server = await createSifaServer({ plugins: [slowPlugin], database: db.handle, port: 0, logger: createLogger({ level: 'silent' }) });
    try {
      const url = await server.listen();
      const client = new AbortController();
      await openStream(url, 'gone', client.signal);
      client.abort();
      await vi.waitFor(() => expect(tickEnds.find((e) => e.id === 'gone')).toEqual({ id: 'gone', lastRead: 'ok' }), { timeout: 5_000 });
    } finally {
      await server.close();
      await db.drop();
    }
  });
});

describe.runIf(engine === 'pglite')('embedded PGlite in a folder', () => {
  it('keeps data across restarts and does not migrate twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sifa-pglite-'));
    try {
      const logger = createLogger({ level: 'silent' });
      const first = await createSifaServer({ database: { engine: 'pglite', dataDir: dir }, port: 0, logger });
      expect(first.migrations?.applied.length).toBeGreaterThan(0);
      expect(await seedOrgTree(first.database.db)).toBe(211);
      await first.close();
      const second = await createSifaServer({ database: { engine: 'pglite', dataDir: dir }, port: 0, logger });
      expect(second.migrations?.applied).toEqual([]);
      expect(await seedOrgTree(second.database.db)).toBe(0);
      const url = await second.listen();
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', engine: 'pglite' });
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Two starts of a file-backed PGlite, the first running every migration: 10–20 s on a quiet
    // machine, over 30 s beside the rest of the suite.
  }, 180_000);
});

describe.runIf(engine === 'pglite')('sifa start (CLI)', () => {
  it('serves, then on SIGTERM finishes and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sifa-cli-'));
    let started: ReturnType<typeof spawn> | null = null;
    try {
      // The diary and a case-type plugin (the backup drill's config): the org tree, the demo
      // accounts and their demo data. (The repository's own config, every plugin's demo, is what
      // the widgets' and the portal's tests start; seeding all of it here took minutes on a busy machine.)
      const child = spawn(process.execPath, cliArgs(['start', '--seed', '--config', 'packages/server/test/fixtures/backup/sifa.config.ts']), {
        cwd: repoRoot,
        env: cliEnv({ SIFA_DATA_DIR: dir, PORT: '0', SIFA_LOG_LEVEL: 'warn' }),
      });
      started = child;
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 360 s:\n${out}\n${err.slice(-4000)}`)), 360_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = out.match(/serving (http:\/\/\S+)/);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}\n${err.slice(-4000)}`)));
      });
      expect(out).toMatch(/demo\.city\s+\S+\s+city_admin/);
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', engine: 'pglite' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      // (A start that failed or timed out leaves no process behind.)
      if (started && started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
    // (The limits only catch a hang: a busy machine is slow.)
  }, 420_000);
});
