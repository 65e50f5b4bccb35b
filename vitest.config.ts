/**
 * One `vitest run` for the whole repository. Workspace packages resolve to their TypeScript
 * sources through the `sifa-source` export condition (aliases generated from each package's
 * exports: no hand-kept list), so tests never import built dist/. The server suite runs twice:
 * on embedded PGlite and on the machine's PostgreSQL.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Socket } from 'node:net';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

function workspaceAliases(): { find: RegExp; replacement: string }[] {
  const dirs = ['packages', 'packages/plugins'].flatMap((base) =>
    existsSync(join(root, base)) ? readdirSync(join(root, base)).map((d) => join(root, base, d)) : [],
  );
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const dir of dirs) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; exports?: Record<string, { 'sifa-source'?: string }> };
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      if (!target['sifa-source']) continue;
      const specifier = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
      aliases.push({ find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`), replacement: resolve(dir, target['sifa-source']) });
    }
  }
  return aliases;
}

function postgresReachable(): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.connect(5432, '127.0.0.1');
  });
}

export default defineConfig(async () => {
  const alias = workspaceAliases();
  // In CI an unreachable PostgreSQL must fail the run, so the project stays in and its tests fail.
  const withPostgres = process.env.CI === 'true' || (await postgresReachable());
  if (!withPostgres) console.warn('\n[sifa] PostgreSQL at 127.0.0.1:5432 is not reachable: the server suite runs on PGlite only.\n');
  const serverProject = (engine: 'pglite' | 'postgres') => ({
    resolve: { alias },
    test: {
      name: `server-${engine}`,
      include: ['packages/server/test/**/*.test.ts', 'packages/plugins/*/test/server/**/*.test.ts'],
      environment: 'node',
      env: { SIFA_TEST_ENGINE: engine },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
  return {
    test: {
      retry: 0,
      projects: [
        { resolve: { alias }, test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], environment: 'node' } },
        serverProject('pglite'),
        ...(withPostgres ? [serverProject('postgres')] : []),
      ],
    },
  };
});
