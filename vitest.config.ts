/**
 * One `vitest run` for the whole repository. Workspace packages resolve to their TypeScript
 * sources through the `sifa-source` export condition (aliases generated from each package's
 * exports: no hand-kept list), so tests never import built dist/. The server suite runs twice:
 * on embedded PGlite and on the machine's PostgreSQL.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Socket } from 'node:net';
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { commands } from './packages/components/test/commands.ts';

const root = import.meta.dirname;

function workspaceAliases(): { find: RegExp; replacement: string }[] {
  const dirs = ['packages', 'packages/plugins', 'examples'].flatMap((base) =>
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

// The return type is spelled out: inferred from this many project shapes, TypeScript gives up.
/** The projects that run one file at a time, after the server projects' group. */
const oneAtATime = { maxWorkers: 1, sequence: { groupOrder: 1 } } as const;
const widgetTests = ['packages/components/src/**/*.test.ts', 'packages/plugins/*/src/ui/**/*.test.ts', 'examples/*/src/ui/**/*.test.ts'];
const visualReview = 'packages/components/src/visual-review/**/*.test.ts';

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const alias = workspaceAliases();
  // In CI an unreachable PostgreSQL must fail the run, so the project stays in and its tests fail.
  const withPostgres = process.env.CI === 'true' || (await postgresReachable());
  if (!withPostgres) console.warn('\n[sifa] PostgreSQL at 127.0.0.1:5432 is not reachable: the server suite runs on PGlite only.\n');
  /**
   * A project of browser tests (Chromium, vitest's browser mode) against the servers of its own
   * global set-up (test/global-setup.ts: each project's servers, one file at a time on them).
   */
  const browserProject = (name: string, include: string[], options: { exclude?: string[]; scan?: string[] } = {}) => ({
    resolve: { alias },
    // Vite pre-bundles what the files it scans import (vitest scans the project's test files); a
    // dependency found later reloads the page mid-run and fails the file (the visual review
    // imports each widget by the path the build reports: `scan` names files that import them).
    ...(options.scan ? { optimizeDeps: { entries: options.scan } } : {}),
    test: {
      name,
      // One file at a time: a project's widget tests share the servers of its global set-up.
      ...oneAtATime,
      include,
      exclude: [...configDefaults.exclude, ...(options.exclude ?? [])],
      globalSetup: ['packages/components/test/global-setup.ts'],
      // The page's Date starts where the servers' test clock does (never the machine's date).
      setupFiles: ['packages/components/test/browser-clock.ts'],
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        // Debian's Chromium (never a downloaded browser); flags that work as root here.
        provider: playwright({
          // Judicial offices work in China time: widgets' "today" is the user's local day.
          contextOptions: { timezoneId: 'Asia/Shanghai' },
          launchOptions: {
            executablePath: process.env.SIFA_CHROMIUM ?? '/usr/bin/chromium',
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
          },
        }),
        instances: [{ browser: 'chromium' as const }],
        commands,
      },
    },
  });
  const serverProject = (engine: 'pglite' | 'postgres') => ({
    resolve: { alias },
    test: {
      name: `server-${engine}`,
      // The platform's, every plugin's, and the example plugins' (examples/<plugin>, a bureau's own module).
      include: ['packages/server/test/**/*.test.ts', 'packages/plugins/*/test/server/**/*.test.ts', 'examples/*/test/server/**/*.test.ts'],
      environment: 'node',
      env: { SIFA_TEST_ENGINE: engine },
      // Limits for a hang, not for speed (benchmarks measure speed): many tests start a server or
      // a CLI of their own, several times slower in CI, where the pinned-clock lane runs beside
      // the main run on 2 cores (two time-outs there at 30 s and 240 s on an 8 s and a 64 s test).
      testTimeout: 90_000,
      hookTimeout: 180_000,
      // Each file has its own database and servers on free ports: files run side by side. Much of
      // their time is waiting (on PostgreSQL, on timers, on child processes), so more files than
      // cores keeps the cores busy (vitest's default is cores − 1: one on a 2-core machine).
      maxWorkers: Number(process.env.SIFA_SERVER_WORKERS ?? 3),
      // A worker runs its files one after the other in one module graph: importing the server
      // with every plugin costs seconds of CPU, once per worker instead of once per file. Safe
      // because each file opens its own database and servers and closes them (nothing it needs
      // lives in a module's state); all 170 files pass this way on both engines.
      isolate: false,
      // (Projects with different worker counts run one group after the other.)
      sequence: { groupOrder: 0 },
    },
  });
  return {
    test: {
      retry: 0,
      projects: [
        { resolve: { alias }, test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], environment: 'node', ...oneAtATime } },
        // The SDK's widgets and every plugin's (packages/plugins/<id>/src/ui, examples/<plugin>/src/ui),
        // and apart (servers of its own, beside them: the longest file, 4 of the 9 minutes of the
        // widgets' one-at-a-time run) the visual review of every element.
        browserProject('components', widgetTests, { exclude: [visualReview] }),
        browserProject('visual-review', [visualReview], { scan: widgetTests }),
        {
          // Pages served by a real Sifa server, driven in Debian's Chromium by Playwright from Node
          // (strict-CSP embedding, the portal): what a host page really does.
          resolve: { alias },
          test: {
            name: 'e2e',
            ...oneAtATime,
            include: ['packages/components/test/e2e/**/*.test.ts'],
            // Builds the script-tag bundle once (rollup JS API) for every e2e file.
            globalSetup: ['packages/components/test/e2e/global-setup.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // The public packages packed (pnpm pack) and installed with plain npm outside the
          // workspace, then used as an integrator does (test/packaging). Needs the build, npm and
          // its registry, Chromium; no aliases (it must see what npm installed).
          test: {
            name: 'packaging',
            ...oneAtATime,
            include: ['test/packaging/**/*.test.ts'],
            environment: 'node',
            testTimeout: 300_000,
            hookTimeout: 300_000,
          },
        },
        serverProject('pglite'),
        ...(withPostgres ? [serverProject('postgres')] : []),
      ],
    },
  };
});
