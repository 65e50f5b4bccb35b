/**
 * HTTP path: the same zod-validated query served by (a) createSifaServer, (b) tRPC's standalone
 * adapter, (c) a bare node:http handler (./http/). Each server runs alone in a child process on
 * loopback; autocannon drives it from this process (50 connections, pipelining 1), one server at a
 * time: a warm-up each, then BENCH_ROUNDS (default 3) interleaved rounds that split BENCH_SECONDS
 * per server; the median round is reported, so a burst of load from elsewhere on the machine
 * moves one round, not the figure. The three must answer the same request with identical bodies.
 * Target (issue): ours ≥ 3× the standalone adapter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defineBenchmark } from './lib/types.js';
import { procedurePath } from './http/procedure.js';
import { variantLabels, variants, type Variant } from './http/variants.js';

const TARGET = 3;
const CONNECTIONS = 50;
const serveFile = fileURLToPath(new URL('./http/serve.ts', import.meta.url));

interface Child {
  url: string;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `http/serve.ts <variant>` under the same tsx loader, optionally with --cpu-prof. */
function startChild(variant: Variant): Promise<Child> {
  // One directory per server: each thread (the main one is `….<pid>.0.….cpuprofile`, the loader's
  // hooks thread another) writes its own profile.
  const profDir = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF, `http-${variant}`) : null;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const prof = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...prof, serveFile, variant], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveChild, reject) => {
    const timer = setTimeout(() => (child.kill(), reject(new Error(`${variant}: no URL within 60 s`))), 60_000);
    child.once('exit', (code) => reject(new Error(`${variant}: server process exited (${code}) before listening`)));
    const lines = createInterface({ input: child.stdout! });
    const cpuWaiters: ((us: number) => void)[] = [];
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { url?: string; cpu?: number };
      if (message.cpu !== undefined) return cpuWaiters.shift()?.(message.cpu);
      clearTimeout(timer);
      resolveChild({
        url: message.url!,
        cpu: () => new Promise((done) => (cpuWaiters.push(done), child.stdin!.write('cpu\n'))),
        stop: async () => {
          child.stdin!.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

const query = (input: unknown) => `${procedurePath}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function load(child: Child, path: string, seconds: number) {
  const cpuBefore = await child.cpu();
  const result = await autocannon({ url: child.url + path, connections: CONNECTIONS, pipelining: 1, duration: seconds });
  const cpu = (await child.cpu()) - cpuBefore;
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${child.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`);
  }
  return {
    rps: result.requests.total / (result.duration || seconds),
    p99: result.latency.p99,
    p50: result.latency.p50,
    /** Server CPU per request: steadier than req/s when other work shares the machine. */
    cpuPerReq: cpu / result.requests.total,
  };
}
type Figures = Awaited<ReturnType<typeof load>>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export default defineBenchmark({
  name: 'http',
  title: `one zod-validated query over loopback, ${CONNECTIONS} connections, pipelining 1`,
  async run(ctx) {
    ctx.progress('starting the three servers');
    const children = new Map<Variant, Child>();
    try {
      for (const [variant, child] of await Promise.all(variants.map(async (v) => [v, await startChild(v)] as const))) {
        children.set(variant, child);
      }

      // Same request, same bytes — otherwise the comparison means nothing.
      const path = query({ orgCode: '150402001', day: '2025-03-14' });
      const answers = await Promise.all(variants.map(async (v) => [v, await get(children.get(v)!.url + path)] as const));
      const [, reference] = answers[0]!;
      for (const [v, answer] of answers) {
        if (answer.status !== 200 || answer.body !== reference.body) {
          throw new Error(`bodies differ: ${answers[0]![0]} → ${reference.status} ${reference.body}; ${v} → ${answer.status} ${answer.body}`);
        }
      }
      for (const v of variants) {
        const bad = await get(children.get(v)!.url + query({ orgCode: '15', day: '2025-02-30' }));
        if (bad.status < 400 || bad.status >= 500) throw new Error(`${v}: invalid input answered ${bad.status}`);
      }
      ctx.progress(`identical bodies: ${reference.body}`);

      for (const v of variants) {
        ctx.progress(`${v}: warm-up ${ctx.warmupSeconds} s`);
        await load(children.get(v)!, path, ctx.warmupSeconds);
      }
      const rounds = Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? 3)));
      const slice = ctx.seconds / rounds;
      const runs = new Map<Variant, Figures[]>(variants.map((v) => [v, []]));
      for (let r = 0; r < rounds; r++) {
        // Rotate the order so no server always runs right after the same neighbour.
        const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
        ctx.progress(`round ${r + 1}/${rounds}: ${order.join(', ')}, ${slice.toFixed(1)} s each`);
        for (const v of order) runs.get(v)!.push(await load(children.get(v)!, path, slice));
      }

      const figures = new Map<Variant, Figures & { min: number; max: number }>(
        variants.map((v) => {
          const rs = runs.get(v)!;
          const rps = rs.map((f) => f.rps);
          const med = (key: keyof Figures) => median(rs.map((f) => f[key]));
          return [v, { rps: median(rps), p50: med('p50'), p99: med('p99'), cpuPerReq: med('cpuPerReq'), min: Math.min(...rps), max: Math.max(...rps) }];
        }),
      );
      const standalone = figures.get('standalone')!.rps;
      const bare = figures.get('bare')!.rps;
      const ratio = figures.get('sifa')!.rps / standalone;
      const x = (n: number) => `${n.toFixed(2)}×`;
      return {
        columns: ['server', 'req/s', 'rounds min–max', 'p50 ms', 'p99 ms', 'vs standalone', 'vs bare', 'CPU µs/req'],
        rows: variants.map((v) => {
          const f = figures.get(v)!;
          const range = `${Math.round(f.min)}–${Math.round(f.max)}`;
          return [variantLabels[v], Math.round(f.rps), range, f.p50, f.p99, x(f.rps / standalone), x(f.rps / bare), Math.round(f.cpuPerReq)];
        }),
        notes: [
          `median of ${rounds} rounds × ${slice.toFixed(1)} s per server (BENCH_SECONDS=${ctx.seconds}, BENCH_ROUNDS=${rounds}); ` +
            `CPU µs/req = server process CPU time / requests served`,
          `target: ours ≥ ${TARGET}× standalone → ${x(ratio)}: ${ratio >= TARGET ? 'met' : 'MISSED'}` +
            `; standalone = 1/${(bare / standalone).toFixed(1)} of bare`,
        ],
        targetMet: ratio >= TARGET,
      };
    } finally {
      await Promise.all([...children.values()].map((c) => c.stop()));
    }
  },
});
