/**
 * `pnpm bench [name…]`: runs every bench/*.bench.ts (or the named ones) one after the other and
 * prints their figures. Not part of the tests. A benchmark is a module whose default export is
 * `defineBenchmark({ name, title, run })` (see lib/types.ts); adding one is adding a file.
 *
 * Env: BENCH_SECONDS (measured seconds per server, default 8), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_ROUNDS (http: interleaved rounds the measured seconds are split into, default 3),
 * BENCH_CPU_PROF=<dir> (benchmarks that start server processes write .cpuprofile files there).
 */
import { readdirSync } from 'node:fs';
import { cpus, totalmem, platform, arch, release } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { formatTable } from './lib/table.js';
import type { BenchContext, Benchmark } from './lib/types.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(f.slice(0, -'.bench.ts'.length)));
if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}.`);
  process.exit(2);
}

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const ctx: BenchContext = {
  seconds: number('BENCH_SECONDS', 8),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
  progress: (line) => process.stderr.write(`  · ${line}\n`),
};

const cpuList = cpus();
console.log(
  `Machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `${platform()} ${release()} ${arch()}, Node ${process.version}`,
);

let failed = false;
for (const file of files) {
  const started = performance.now();
  const { default: bench } = (await import(pathToFileURL(join(dir, file)).href)) as { default: Benchmark };
  console.log(`\n== ${bench.name}: ${bench.title}`);
  try {
    const report = await bench.run(ctx);
    console.log(formatTable(report.columns, report.rows));
    for (const note of report.notes ?? []) console.log(note);
  } catch (error) {
    failed = true;
    console.error(`${bench.name} failed:`, error);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
