/**
 * Regression test for postgres.js 3.4.9's write after close (porsager/postgres#1066, #1154,
 * #1208): a query sent on a transaction's connection after that connection was cut threw
 * `Cannot read properties of null (reading 'write')` from a setImmediate and killed the server
 * process. patches/postgres@3.4.9.patch (pnpm `patchedDependencies`) settles that query with
 * CONNECTION_CLOSED instead. The scenario runs in a process of its own, so an uncaught exception
 * shows as a dead process rather than vitest's own report. PostgreSQL only.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminUrl, engine } from '@sifa/server/testing';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/postgres-driver/${name}.ts`, import.meta.url));

/** Runs a fixture in a process of its own against the machine's PostgreSQL. */
const runFixture = (name: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', fixture(name), adminUrl], { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });

describe.runIf(engine === 'postgres')('postgres.js write after close (patched)', () => {
  it('rejects the late query with CONNECTION_CLOSED, keeps the process alive, and the client works again', async () => {
    const run = await runFixture('write-after-close');
    expect(run.stderr).not.toContain("reading 'write'");
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ transaction: 'CONNECTION_CLOSED', inner: 'CONNECTION_CLOSED', again: 3 });
  });

  it('a connection cut while it reads the array types fails its first query, keeps the process alive, and the next query works', async () => {
    const run = await runFixture('types-fetch-cut');
    expect(run.stderr).not.toContain('ECONNRESET');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ cut: true, again: 3 });
  });
});
