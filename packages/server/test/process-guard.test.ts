/**
 * `sifa start`'s process guards (src/process-guard.ts), in a process of their own: an unhandled
 * rejection is logged with its error and survived; an uncaught exception is logged, the server
 * closed, and the process exits 1 for its supervisor to restart it, at once, not after a hang.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/process-guard/crash.ts', import.meta.url));

describe('process guards', () => {
  it('logs and survives an unhandled rejection; logs, closes and exits 1 on an uncaught exception', async () => {
    const started = performance.now();
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', fixture], { timeout: 9_000 }, (error, stdout) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }),
      );
    });
    expect(run.code).toBe(1);
    expect(performance.now() - started).toBeLessThan(8_000);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string; code?: string }; origin?: string });
    expect(lines.map((l) => l.msg)).toEqual([
      'unhandled promise rejection (the server goes on; this is a bug to fix)',
      'still running after the rejection',
      'uncaught exception: closing and exiting with status 1 for the supervisor to restart',
      'closed',
    ]);
    expect(lines[0]!.err).toMatchObject({ message: 'nobody caught this rejection' });
    expect(lines[2]).toMatchObject({ level: 60, origin: 'uncaughtException', err: { message: "Cannot read properties of null (reading 'write')" } });
  });
});
