/** The contract between bench/run.ts and every `bench/*.bench.ts` module (its default export). */

export interface BenchContext {
  /** Measured seconds per subject (env BENCH_SECONDS, default 8). */
  seconds: number;
  /** Warm-up seconds before each load run (env BENCH_WARMUP_SECONDS, default 2). */
  warmupSeconds: number;
  /** Progress line on stderr; the figures themselves go into the report. */
  progress(line: string): void;
}

export interface BenchReport {
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table: targets, caveats. */
  notes?: string[];
  /** False when a stated target was missed (printed, not fatal: benchmarks are not tests). */
  targetMet?: boolean;
}

export interface Benchmark {
  /** Short id, used as the CLI filter: `pnpm bench http`. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

export const defineBenchmark = (benchmark: Benchmark): Benchmark => benchmark;
