/**
 * The diary's write path on PostgreSQL, measured from outside: a Sifa server in a child process
 * (./writes/serve.ts: the diary plugin, rollup triggers and the audit chain on, the demo city's
 * 197 judicial offices with one signed-in member of staff each) and this process saving diary
 * entries over HTTP as those 197 offices, at concurrency 1, 16 and 64 (each worker sends one
 * save after another, each save a new entry of a different office). Reported: saves per second,
 * p50 / p95 latency, the server's CPU per save and this process's (the load generator's).
 *
 * The outbox: 200 entries made offline by one member of staff, synced the old way (one
 * `diary.save` after another, the peer) and the new way (`diary.saveMany`, batches of 100 as the
 * widget's outbox sends them), interleaved, the median of BENCH_WRITES_OUTBOX_ROUNDS (default 3).
 *
 * Targets (issue 20): ≥ 1,000 saves/s, p95 ≤ 100 ms at 64; 200 outbox entries in ≤ 2 s.
 * Env: BENCH_POSTGRES_URL, BENCH_WRITES_CONNECTIONS (the server's pool, default 10),
 * BENCH_CPU_PROF=<dir> (the server writes a .cpuprofile there), BENCH_WRITES_PROFILE=<dir> (a CPU profile
 * of the server per concurrency level, measured part only: writes-<n>.cpuprofile).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { defineBenchmark } from './lib/types.js';

const serveFile = fileURLToPath(new URL('./writes/serve.ts', import.meta.url));
const LEVELS = [1, 16, 64];
const OUTBOX = 200;
const BATCH = 100;

interface Child {
  url: string;
  tokens: string[];
  send(line: string): void;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

function startChild(): Promise<Child> {
  const profDir = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF, 'writes') : null;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const prof = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...prof, serveFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveChild, reject) => {
    const timer = setTimeout(() => (child.kill(), reject(new Error('writes server: not listening within 180 s'))), 180_000);
    child.once('exit', (code) => reject(new Error(`writes server exited (${code}) before listening`)));
    const cpuWaiters: ((us: number) => void)[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { url?: string; tokens?: string[]; cpu?: number };
      if (message.cpu !== undefined) return cpuWaiters.shift()?.(message.cpu);
      clearTimeout(timer);
      resolveChild({
        url: message.url!,
        tokens: message.tokens!,
        send: (line) => void child.stdin!.write(`${line}\n`),
        cpu: () => new Promise((done) => (cpuWaiters.push(done), child.stdin!.write('cpu\n'))),
        stop: async () => {
          child.stdin!.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/**
 * Kept-alive connections, one per worker at most. node:http rather than fetch: the load generator
 * shares the two cores with the server and PostgreSQL, and fetch (undici) took about 1.4 ms of
 * CPU per request at 64 concurrent, node:http 0.37 ms (the last column of the table).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One tRPC mutation; throws on an error answer. */
function mutate(url: string, token: string, path: string, input: unknown): Promise<unknown> {
  const body = JSON.stringify(input);
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      `${url}/trpc/${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          resolveAnswer((JSON.parse(text) as { result: { data: unknown } }).result.data);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let serial = 0;
/** A new entry (its own key) of a plausible item; days spread over the month before the clock. */
const entry = () => {
  serial++;
  return { idempotencyKey: randomUUID(), day: `2026-03-${String((serial % 9) + 1).padStart(2, '0')}`, itemCode: 'diary.legal-aid', fields: { applications: (serial % 5) + 1, forwarded: serial % 2 } };
};

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? 0;

/** `workers` loops saving one entry after another for `ms`; worker i writes as office i, i + workers, … */
async function drive(child: Child, workers: number, ms: number) {
  const until = performance.now() + ms;
  const latencies: number[] = [];
  let office = 0;
  const cpuBefore = await child.cpu();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const token = child.tokens[office++ % child.tokens.length]!;
        const t0 = performance.now();
        await mutate(child.url, token, 'diary.save', entry());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const own = process.cpuUsage(ownBefore);
  const cpu = (await child.cpu()) - cpuBefore;
  return {
    perSecond: latencies.length / (elapsed / 1000),
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    cpuMsPerSave: cpu / 1000 / latencies.length,
    clientMsPerSave: (own.user + own.system) / 1000 / latencies.length,
    saves: latencies.length,
  };
}

/** 200 entries of one member of staff: one save after another (peer) or in batches of `BATCH`. */
async function outbox(child: Child, token: string, batched: boolean): Promise<number> {
  const entries = Array.from({ length: OUTBOX }, entry);
  const started = performance.now();
  if (batched) {
    for (let i = 0; i < entries.length; i += BATCH) {
      const { results } = (await mutate(child.url, token, 'diary.saveMany', { entries: entries.slice(i, i + BATCH) })) as { results: { ok: boolean }[] };
      if (!results.every((r) => r.ok)) throw new Error('an outbox entry was refused');
    }
  } else {
    for (const one of entries) await mutate(child.url, token, 'diary.save', one);
  }
  return performance.now() - started;
}

export default defineBenchmark({
  name: 'writes',
  title: 'diary saves on PostgreSQL from 197 offices (rollups and audit on), and an outbox of 200 entries',
  async run(ctx) {
    ctx.progress('starting the server (197 offices, 197 sign-ins)');
    const child = await startChild();
    try {
      ctx.progress('warm-up');
      await drive(child, 16, ctx.warmupSeconds * 1000);
      const rows: (string | number)[][] = [];
      const at: Record<number, Awaited<ReturnType<typeof drive>>> = {};
      for (const workers of LEVELS) {
        ctx.progress(`concurrency ${workers}`);
        const profile = process.env['BENCH_WRITES_PROFILE'];
        if (profile) child.send(`profile ${resolve(profile, `writes-${workers}.cpuprofile`)}`);
        const r = await drive(child, workers, ctx.seconds * 1000);
        if (profile) child.send('profile-end');
        at[workers] = r;
        rows.push([`diary.save × ${workers} concurrent`, r.saves, Math.round(r.perSecond), r.p50.toFixed(1), r.p95.toFixed(1), r.cpuMsPerSave.toFixed(2), r.clientMsPerSave.toFixed(2)]);
      }
      const rounds = Number(process.env['BENCH_WRITES_OUTBOX_ROUNDS'] ?? 3);
      const one: number[] = [];
      const many: number[] = [];
      for (let i = 0; i < rounds; i++) {
        ctx.progress(`outbox round ${i + 1}/${rounds}`);
        one.push(await outbox(child, child.tokens[i % child.tokens.length]!, false));
        many.push(await outbox(child, child.tokens[(i + 1) % child.tokens.length]!, true));
      }
      const oneMs = pct(one, 0.5);
      const manyMs = pct(many, 0.5);
      rows.push([`outbox of ${OUTBOX}: diary.save one by one (peer)`, OUTBOX, Math.round(OUTBOX / (oneMs / 1000)), '', `${oneMs.toFixed(0)} total`, '', '']);
      rows.push([`outbox of ${OUTBOX}: diary.saveMany, batches of ${BATCH}`, OUTBOX, Math.round(OUTBOX / (manyMs / 1000)), '', `${manyMs.toFixed(0)} total`, '', '']);
      const top = at[64]!;
      const targetMet = top.perSecond >= 1000 && top.p95 <= 100 && manyMs <= 2000;
      return {
        columns: ['what', 'saves', 'saves/s', 'p50 ms', 'p95 ms', 'server CPU ms/save', 'bench client CPU ms/save'],
        rows,
        targetMet,
        notes: [
          `outbox: saveMany ${(oneMs / manyMs).toFixed(1)}× faster than one save after another (${oneMs.toFixed(0)} ms → ${manyMs.toFixed(0)} ms)`,
          `target (issue 20): ≥ 1,000 saves/s and p95 ≤ 100 ms at 64 concurrent; 200 outbox entries ≤ 2,000 ms: ${targetMet ? 'met' : 'NOT met'}`,
        ],
      };
    } finally {
      await child.stop();
    }
  },
});
