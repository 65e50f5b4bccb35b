/**
 * The proof of `sifa plugin new`: in a fresh copy of this repository (the files git knows,
 * committed or not; dependencies installed offline from the local pnpm store), it writes a plugin,
 * and then, without touching a file of it: `db:generate` finds its migration up to date, it
 * type-checks, its own tests pass on PGlite and PostgreSQL, and the demo server's config
 * (sifa.config.mjs, edited by the command) migrates with it and shows no schema drift.
 *
 * It takes a few minutes, so it runs once (in the PGlite project; the plugin's tests themselves
 * run on both engines). Step timings are printed.
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

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const id = 'visit-log';
const pluginDir = `packages/plugins/${id}`;

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

describe.runIf(engine === 'pglite')('a plugin made by `sifa plugin new` in a fresh copy of the repository', () => {
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

  it('writes a plugin whose migration is current, which type-checks, and whose own tests pass on both engines', async () => {
    const created = await sifa(copy, ['plugin', 'new', id, '--title', '走访登记', '--title-en', 'Visit log']);
    expectSuccess(created, 'sifa plugin new');
    expect(created.stdout).toContain(`Created @sifa/plugin-${id} in ${pluginDir}`);
    expect(readFileSync(join(copy, 'sifa.config.mjs'), 'utf8')).toContain(`import { createVisitLogPlugin } from '@sifa/plugin-${id}/server';`);
    // The new package joins the workspace (and the lockfile).
    expectSuccess(await run(copy, 'pnpm', ['install', '--offline']), 'pnpm install --offline');

    // Its migration is what drizzle-kit generates for its table: nothing left to generate.
    const generate = await run(copy, 'pnpm', ['--filter', `@sifa/plugin-${id}`, 'db:generate']);
    expectSuccess(generate, 'db:generate');
    expect(generate.stdout).toContain('No schema changes, nothing to migrate');

    // It compiles: its sources and tests, against the platform's sources.
    writeFileSync(
      join(copy, 'tsconfig.proof.json'),
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false, sourceMap: false, customConditions: ['sifa-source'], types: ['node'] },
        include: [`${pluginDir}/src`, `${pluginDir}/test`],
      }),
    );
    expectSuccess(await run(copy, process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.proof.json']), 'tsc');

    // Its own tests, unchanged, through the repository's vitest config: both server projects.
    const engines = (await postgresReachable()) ? ['server-pglite', 'server-postgres'] : ['server-pglite'];
    const report = join(copy, '.proof-report.json');
    const tests = await run(copy, process.execPath, [
      'node_modules/vitest/vitest.mjs', 'run',
      ...engines.flatMap((p) => ['--project', p]),
      '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`,
      pluginDir,
    ]);
    expectSuccess(tests, 'the plugin\'s tests');
    const results = JSON.parse(readFileSync(report, 'utf8')) as { success: boolean; numTotalTestSuites: number; numFailedTests: number; numPassedTests: number; testResults: { name: string; status: string }[] };
    expect(results.success).toBe(true);
    expect(results.numFailedTests).toBe(0);
    // Two files (the plugin's tests and the isolation tests) per engine, every one passed.
    expect(results.testResults.map((r) => [r.name.slice(copy.length + 1), r.status]).sort()).toEqual(
      engines.flatMap(() => [`${pluginDir}/test/server/isolation.test.ts`, `${pluginDir}/test/server/${id}.test.ts`].map((f) => [f, 'passed'])).sort(),
    );
    expect(results.numPassedTests).toBeGreaterThanOrEqual(10 * engines.length);
  }, 900_000);

  it('starts in the demo server\'s config the command edited: migrated, no pending migration, no drift', async () => {
    const dataDir = join(copy, '.sifa', 'proof-data');
    const migrated = await sifa(copy, ['migrate'], { SIFA_DATA_DIR: dataDir });
    expectSuccess(migrated, 'sifa migrate');
    const db = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const applied = rowsOf<{ tag: string }>(await db.db.execute(sql`SELECT tag FROM sifa_migrations WHERE source = ${id}`));
      expect(applied.map((r) => r.tag)).toEqual(['0000_visit_log']);
    } finally {
      await db.close();
    }
    const check = await sifa(copy, ['migrate', '--check'], { SIFA_DATA_DIR: dataDir });
    expectSuccess(check, 'sifa migrate --check');
    expect(check.stdout).toContain('Database up to date: no pending migration, no schema drift');
  }, 300_000);
});
