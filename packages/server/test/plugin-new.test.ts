/**
 * The proof of `sifa plugin new`: in a fresh copy of this repository (the files git knows,
 * committed or not; dependencies installed offline from the local pnpm store), it writes a plugin
 * (`visit-log`), and then, without touching a file of it: `db:generate` finds its migration up to
 * date, it type-checks, its own tests pass (server on PGlite and PostgreSQL, its widget in
 * Chromium), and the demo server's config (sifa.config.mjs, edited by the command) migrates with
 * it and shows no schema drift.
 *
 * Beside it, the plugin of the guide (docs/plugins.md): `dispute`, made the same way, with the
 * guide's walk-through applied (workflow, document, entry point, widget, contribution examples),
 * its migration generated as the guide says; it too type-checks and passes its tests, the
 * guide's included. So the guide's code is real and stays so.
 *
 * It takes a few minutes, so it runs once (in the PGlite project; the plugins' tests themselves
 * run on both engines), with one type-check and one vitest run for both plugins. Step timings
 * are printed.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { openDatabase } from '@sifa/server';
import { engine } from '@sifa/server/testing';
import { applyGuide } from './guide.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const id = 'visit-log';
const pluginDir = `packages/plugins/${id}`;
const guideDir = 'packages/plugins/dispute';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment of the children: this one's without the test runner's (a nested vitest must not think it is a worker). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'SIFA_TEST_ENGINE' || key === 'DATABASE_URL' || key === 'TEST' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

const timings: string[] = [];

function run(cwd: string, command: string, args: string[], extra: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      timings.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${command} ${args.join(' ')}`);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const sifa = (cwd: string, args: string[], extra: Record<string, string> = {}) =>
  run(cwd, process.execPath, ['--conditions=sifa-source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args], { SIFA_LOG_LEVEL: 'warn', ...extra });

function postgresReachable(): Promise<boolean> {
  if (process.env.CI === 'true') return Promise.resolve(true);
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.connect(5432, '127.0.0.1');
  });
}

const expectSuccess = (result: Run, what: string) => expect(result.code, `${what}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`).toBe(0);

describe.runIf(engine === 'pglite')('plugins made by `sifa plugin new` in a fresh copy of the repository', () => {
  let copy: string;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'sifa-plugin-new-'));
    const listed = await run(repoRoot, 'git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    expectSuccess(listed, 'git ls-files (the proof copies the files of a git checkout)');
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(repoRoot, file))) continue; // deleted in the work tree
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(copy, file));
    }
    // Exactly what the lockfile says, from the machine's pnpm store (no network).
    expectSuccess(await run(copy, 'pnpm', ['install', '--offline', '--frozen-lockfile']), 'pnpm install --offline --frozen-lockfile');
  }, 300_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`[plugin-new] steps:\n${timings.join('\n')}`);
  });

  it('writes plugins whose migrations are current, which type-check, and whose tests pass on both engines and in Chromium', async () => {
    const created = await sifa(copy, ['plugin', 'new', id, '--title', '走访登记', '--title-en', 'Visit log']);
    expectSuccess(created, 'sifa plugin new');
    expect(created.stdout).toContain(`Created @sifa/plugin-${id} in ${pluginDir}`);
    expect(readFileSync(join(copy, 'sifa.config.mjs'), 'utf8')).toContain(`import { createVisitLogPlugin } from '@sifa/plugin-${id}/server';`);
    expectSuccess(await sifa(copy, ['plugin', 'new', 'dispute', '--title', '矛盾纠纷', '--title-en', 'Disputes']), 'sifa plugin new dispute');
    // The new packages join the workspace (and the lockfile).
    // The copy's lockfile must take the new packages: pnpm installs frozen by default when CI=true.
    expectSuccess(await run(copy, 'pnpm', ['install', '--offline', '--no-frozen-lockfile']), 'pnpm install --offline');

    // Its migration is what drizzle-kit generates for its table: nothing left to generate.
    const generate = await run(copy, 'pnpm', ['--filter', `@sifa/plugin-${id}`, 'db:generate']);
    expectSuccess(generate, 'db:generate');
    expect(generate.stdout).toContain('No schema changes, nothing to migrate');

    // The guide's walk-through, applied to its plugin; then its migration, as the guide says.
    applyGuide(copy, readFileSync(join(copy, 'docs/plugins.md'), 'utf8'));
    expectSuccess(await run(copy, 'pnpm', ['install', '--offline', '--no-frozen-lockfile']), 'pnpm install --offline (the guide adds a dependency)');
    expectSuccess(await run(copy, 'pnpm', ['--filter', '@sifa/plugin-dispute', 'db:generate', '--name', 'workflow']), 'db:generate --name workflow');
    expect(readFileSync(join(copy, guideDir, 'migrations/0001_workflow.sql'), 'utf8')).toBe('ALTER TABLE "dispute_records" ADD COLUMN "status" text DEFAULT \'open\' NOT NULL;');

    // They compile: common and server halves and their tests (Node), widgets with their tests and
    // stories (DOM), against the platform's sources, as `pnpm typecheck` checks them.
    const dirs = [pluginDir, guideDir];
    const check = (include: string[], options: Record<string, unknown>, exclude: string[] = []) => ({
      extends: './tsconfig.base.json',
      compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false, sourceMap: false, customConditions: ['sifa-source'], ...options },
      include,
      exclude,
    });
    writeFileSync(join(copy, 'tsconfig.proof-node.json'), JSON.stringify(check(dirs.flatMap((d) => [`${d}/src`, `${d}/test`]), { types: ['node'] }, dirs.map((d) => `${d}/src/ui`))));
    // (With the browser tests' commands and provided values, declared by the components' test set-up.)
    const browserTestTypes = ['packages/components/test/commands.ts', 'packages/components/test/global-setup.ts'];
    writeFileSync(join(copy, 'tsconfig.proof-ui.json'), JSON.stringify(check([...dirs.map((d) => `${d}/src/ui`), ...browserTestTypes], { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['vitest/importMeta'] })));
    const tsc = (project: string) => run(copy, process.execPath, ['node_modules/typescript/bin/tsc', '-p', project]);
    const [node, ui] = await Promise.all([tsc('tsconfig.proof-node.json'), tsc('tsconfig.proof-ui.json')]);
    expectSuccess(node, 'tsc (common, server, tests)');
    expectSuccess(ui, 'tsc (widgets)');

    // Their tests through the repository's vitest config: both server projects and the widgets'
    // browser tests (Chromium, against the set-up's server running sifa.config.mjs's plugins).
    const engines = (await postgresReachable()) ? ['server-pglite', 'server-postgres'] : ['server-pglite'];
    const report = join(copy, '.proof-report.json');
    const tests = await run(copy, process.execPath, [
      'node_modules/vitest/vitest.mjs', 'run',
      ...[...engines, 'components'].flatMap((p) => ['--project', p]),
      '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`,
      ...dirs,
    ]);
    expectSuccess(tests, 'the plugins\' tests');
    const results = JSON.parse(readFileSync(report, 'utf8')) as { success: boolean; numFailedTests: number; numPassedTests: number; testResults: { name: string; status: string }[] };
    expect(results.success).toBe(true);
    expect(results.numFailedTests).toBe(0);
    // Per engine: the generated tests and isolation tests of both, the guide's workflow test;
    // and each widget's browser test. Every one passed.
    const serverFiles = [`${pluginDir}/test/server/${id}.test.ts`, `${pluginDir}/test/server/isolation.test.ts`, `${guideDir}/test/server/dispute.test.ts`, `${guideDir}/test/server/isolation.test.ts`, `${guideDir}/test/server/workflow.test.ts`];
    const widgetFiles = [`${pluginDir}/src/ui/${id}-list/sifa-${id}-list.test.ts`, `${guideDir}/src/ui/dispute-list/sifa-dispute-list.test.ts`];
    expect(results.testResults.map((r) => [r.name.slice(copy.length + 1), r.status]).sort()).toEqual(
      [...engines.flatMap(() => serverFiles), ...widgetFiles].map((f) => [f, 'passed']).sort(),
    );
    expect(results.numPassedTests).toBeGreaterThanOrEqual(24 * engines.length + 24);
  }, 1_800_000);

  it('starts in the demo server\'s config the command (and the guide) edited: migrated, no pending migration, no drift', async () => {
    const dataDir = join(copy, '.sifa', 'proof-data');
    const migrated = await sifa(copy, ['migrate'], { SIFA_DATA_DIR: dataDir });
    expectSuccess(migrated, 'sifa migrate');
    const db = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const applied = rowsOf<{ source: string; tag: string }>(await db.db.execute(sql`SELECT source, tag FROM sifa_migrations WHERE source IN (${id}, 'dispute') ORDER BY source, tag`));
      expect(applied).toEqual([
        { source: 'dispute', tag: '0000_dispute' },
        { source: 'dispute', tag: '0001_workflow' },
        { source: id, tag: '0000_visit_log' },
      ]);
    } finally {
      await db.close();
    }
    const check = await sifa(copy, ['migrate', '--check'], { SIFA_DATA_DIR: dataDir });
    expectSuccess(check, 'sifa migrate --check');
    expect(check.stdout).toContain('Database up to date: no pending migration, no schema drift');
  }, 300_000);
});
