/**
 * Running the real `sifa` CLI from a test, as a child process, against a database of its own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DatabaseConfig } from '../db/engine.js';
import { testNow } from './clock.js';
import { createTestDatabase, engine, testFieldKey } from './server.js';

/**
 * Node arguments that run the real `sifa` CLI: from its TypeScript sources (through tsx, with
 * the `sifa-source` condition) when this module runs from source, else the built `dist/cli.js`.
 */
export function cliArgs(args: string[]): string[] {
  const fromSource = import.meta.url.endsWith('.ts');
  const cli = fileURLToPath(new URL(fromSource ? '../cli.ts' : '../cli.js', import.meta.url));
  if (!fromSource) return [cli, ...args];
  // tsx as found from here, so the child may run in any folder.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--conditions=sifa-source', '--import', tsx, cli, ...args];
}

/** The environment for a CLI child: this process's, without test-runner options, plus `env`. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The CLI's clock starts where the test clock is (SIFA_NOW), unless the test sets its own.
  // The test field key too: a CLI on PostgreSQL with a case-type plugin refuses to start without one.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SIFA_LOG_LEVEL: 'silent', SIFA_NOW: testNow().toISOString(), SIFA_FIELD_KEY: testFieldKey, ...env };
  delete childEnv.NODE_OPTIONS;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return childEnv;
}

export interface RunCliOptions {
  /** Working directory (relative `--config` paths resolve from it); default the current one. */
  cwd?: string;
  /**
   * Milliseconds before the child is killed; default 120 000 (a seed takes 7 s on an idle
   * machine, several times that in a CI run with every lane busy).
   */
  timeout?: number;
}

/**
 * Runs the CLI to completion and collects its exit code and output. A child killed for taking too
 * long exits with code -1 and says so at the end of its stderr, so a failing assertion names it.
 */
export function runCli(args: string[], env: Record<string, string>, options: RunCliOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const timeout = options.timeout ?? 120_000;
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, cliArgs(args), { cwd: options.cwd ?? process.cwd(), env: cliEnv(env), timeout }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const killed = error?.killed ? `[runCli] \`sifa ${args.join(' ')}\` was killed (${error.signal ?? 'signal'}) after ${Date.now() - started} ms, its limit ${timeout} ms\n` : '';
      resolve({ code, stdout, stderr: `${stderr}${killed}` });
    });
  });
}

export interface CliDatabase {
  /** How a server in this process opens it (open, use, close before running the CLI). */
  config: DatabaseConfig;
  /** The environment that points the CLI at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database the CLI (a child process) can open: a PGlite folder, or a new PostgreSQL database. */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-cli-'));
    return { config: { engine: 'pglite', dataDir }, env: { SIFA_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const testDb = await createTestDatabase();
  await testDb.handle.close();
  return { config: { engine: 'postgres', url: testDb.url!, maxConnections: 2 }, env: { DATABASE_URL: testDb.url! }, drop: () => testDb.drop() };
}
