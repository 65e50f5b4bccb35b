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

const fixture = fileURLToPath(new URL('./fixtures/postgres-driver/write-after-close.ts', import.meta.url));

describe.runIf(engine === 'postgres')('postgres.js write after close (patched)', () => {
  it('rejects the late query with CONNECTION_CLOSED, keeps the process alive, and the client works again', async () => {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', fixture, adminUrl], { timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
    expect(run.stderr).not.toContain("reading 'write'");
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ transaction: 'CONNECTION_CLOSED', inner: 'CONNECTION_CLOSED', again: 3 });
  });
});
