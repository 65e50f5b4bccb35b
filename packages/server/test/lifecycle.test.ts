/** Server lifecycle: graceful shutdown with requests in flight, and a persistent PGlite folder. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter, definePlugin, defineServerPlugin, publicProcedure } from '@sifa/core';
import { createLogger, createSifaServer, seedOrgTree } from '@sifa/server';
import { cliArgs, cliEnv, createTestDatabase, engine, repoRoot } from './helpers.js';

const slowPlugin = defineServerPlugin(
  definePlugin({ id: 'slow', version: '1.0.0', core: '^0.1.0', title: { zh: '慢', en: 'Slow' } }),
  {
    router: createRouter({
      wait: publicProcedure.input(z.object({ ms: z.number().int().max(2000) })).query(async ({ input }) => {
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
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { waited: 400 } } });
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await db.drop();
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
  });
});

describe.runIf(engine === 'pglite')('sifa start (CLI)', () => {
  it('serves, then on SIGTERM finishes and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sifa-cli-'));
    try {
      const child = spawn(process.execPath, cliArgs(['start', '--seed']), {
        cwd: repoRoot,
        env: cliEnv({ SIFA_DATA_DIR: dir, PORT: '0', SIFA_LOG_LEVEL: 'warn' }),
      });
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = out.match(/serving (http:\/\/\S+)/);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      expect(out).toMatch(/demo\.city\s+\S+\s+city_admin/);
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', engine: 'pglite' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
