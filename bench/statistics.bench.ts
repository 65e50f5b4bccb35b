/**
 * The dashboard's drill-down reads at city scale: every judicial office of the demo city (197)
 * × 85 items × every day of a year (≈ 6.1 million facts), on PostgreSQL (BENCH_POSTGRES_URL or
 * postgres://postgres@127.0.0.1:5432/postgres; the bench creates its own database and drops it),
 * and a smaller year on embedded PGlite.
 *
 * Ingest: the year is inserted a month per statement with the rollup triggers on (what a bulk
 * import costs with rollups maintained); peer: the same month into a copy of the facts table
 * without triggers. Then diary-sized writes (one source of 10 facts per transaction, through the
 * facts service) with and without the triggers, and a full rebuild of the rollups.
 *
 * Reads, through the facts service in a scoped transaction (row-level security on, as in a
 * request), each beside the naive GROUP BY over the raw facts in the same scoped transaction:
 * - city by county by month (the choropleth and its series): 5 metrics of an entry point;
 * - county by office (the breakdown): the same 5 metrics over the year;
 * - office by item (the items of an office): all 85 metrics over the year.
 * Both must give the same numbers. p50 / p95 over BENCH_QUERY_ROUNDS (default 40; naive 10).
 * Target (issue): ≥ 15× faster than naive and p95 ≤ 20 ms on PostgreSQL.
 *
 * Env: BENCH_STAT_ITEMS (default 85), BENCH_STAT_PGLITE_ITEMS (default 10): PGlite holds the
 * database in WebAssembly memory, so its year has fewer items (197 × 10 × 365 ≈ 0.72 M facts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePlugin, defineServerPlugin, type Actor, type FactsQuery, type SifaDb } from '@sifa/core';
import { chifengOrgTree, createLogger, createSifaServer, openDatabase, seedOrgTree, type DatabaseConfig, type SifaServer } from '@sifa/server';
import { defineBenchmark } from './lib/types.js';

const YEAR = 2025;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;

const itemCode = (i: number) => `bench.item-${String(i).padStart(2, '0')}`;
/** A plugin declaring the items, as a bureau's own plugin would. */
function itemsPlugin(items: number) {
  const metrics = Array.from({ length: items }, (_, i) => ({ code: itemCode(i + 1), title: { zh: `事项${i + 1}`, en: `Item ${i + 1}` }, unit: { zh: '件', en: 'cases' } }));
  return defineServerPlugin(definePlugin({ id: 'bench', version: '1.0.0', core: '^0.1.0', title: { zh: '压测', en: 'Bench' }, contributes: { metrics } }), {});
}

const cityAdmin: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'bench',
  role: 'city_admin',
  scope: { orgCode: '1504', orgPath: '/15/1504/' },
  permissions: new Set(),
  via: 'session',
};

/** One month of facts for every office × item × day, as one INSERT … SELECT (deterministic values 0–6). */
const monthInsert = (table: string, items: number, month: number) => {
  const first = `${YEAR}-${String(month).padStart(2, '0')}-01`;
  return `INSERT INTO ${table} (org_code, org_path, day, metric, value, source_kind, source_id, recorded_by)
    SELECT o.code, o.path, d::date, 'bench.item-' || lpad(i::text, 2, '0'), abs(hashtext(o.code || d::text || i::text)) % 7,
           'bench.load', o.code || ':' || to_char(d, 'YYYY-MM-DD'), 'bench'
    FROM orgs o, generate_series('${first}'::date, ('${first}'::date + interval '1 month' - interval '1 day'), interval '1 day') d,
         generate_series(1, ${items}) i
    WHERE o.level = 'office'`;
};

interface Timed {
  p50: number;
  p95: number;
}

async function timeIt(rounds: number, work: () => Promise<unknown>): Promise<Timed> {
  const ms: number[] = [];
  await work(); // warm: plans cached, pages in memory
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return { p50: pct(ms, 0.5), p95: pct(ms, 0.95) };
}

/** The three drill-down reads, ours (facts service → rollups) and naive (GROUP BY over raw facts). */
function drillDowns(items: number, countyCode: string, officeCode: string) {
  const entryMetrics = [1, 2, 3, 4, 5].map(itemCode);
  const allItems = Array.from({ length: items }, (_, i) => itemCode(i + 1));
  const list = (ms: string[]) => ms.map((m) => `'${m}'`).join(', ');
  const range = (path: string) => `org_path ~>=~ '${path}' AND org_path ~<~ '${path.slice(0, -1)}0'`;
  const countyPath = `/15/1504/${countyCode}/`;
  const officePath = `${countyPath}${officeCode}/`;
  return [
    {
      name: 'city by county by month',
      ours: { metrics: entryMetrics, orgCode: '1504', from: FROM, to: TO, groupBy: 'child-month' } satisfies FactsQuery,
      naive: `SELECT split_part(substr(org_path, 10), '/', 1) || '|' || to_char(day, 'YYYY-MM') AS key, metric, sum(value) AS value
              FROM facts WHERE ${range('/15/1504/')} AND org_path <> '/15/1504/' AND metric IN (${list(entryMetrics)})
                AND day BETWEEN '${FROM}' AND '${TO}' GROUP BY 1, 2`,
    },
    {
      name: 'county by office',
      ours: { metrics: entryMetrics, orgCode: countyCode, from: FROM, to: TO, groupBy: 'child' } satisfies FactsQuery,
      naive: `SELECT split_part(substr(org_path, ${countyPath.length + 1}), '/', 1) AS key, metric, sum(value) AS value
              FROM facts WHERE ${range(countyPath)} AND org_path <> '${countyPath}' AND metric IN (${list(entryMetrics)})
                AND day BETWEEN '${FROM}' AND '${TO}' GROUP BY 1, 2`,
    },
    {
      name: `office by item (${items} items)`,
      ours: { metrics: allItems, orgCode: officeCode, from: FROM, to: TO, groupBy: 'total' } satisfies FactsQuery,
      naive: `SELECT '' AS key, metric, sum(value) AS value FROM facts WHERE ${range(officePath)} AND metric IN (${list(allItems)})
                AND day BETWEEN '${FROM}' AND '${TO}' GROUP BY 1, 2`,
    },
  ];
}

const canonical = (rows: { key: string; metric: string; value: number | string }[]) =>
  JSON.stringify(rows.map((r) => [r.key, r.metric, Number(r.value)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))));

async function measureEngine(
  label: string,
  config: DatabaseConfig,
  items: number,
  rounds: { ours: number; naive: number },
  progress: (line: string) => void,
): Promise<{ rows: (string | number)[][]; notes: string[]; speedups: number[]; p95s: number[] }> {
  const server = await createSifaServer({ database: config, plugins: [itemsPlugin(items)], logger: createLogger({ level: 'silent' }), jobs: { schedule: false } });
  const rows: (string | number)[][] = [];
  // Each figure also goes to the progress log as soon as it is measured (a late failure keeps them).
  const push = rows.push.bind(rows);
  rows.push = (...items) => (items.forEach((r) => progress(r.join(' | '))), push(...items));
  const notes: string[] = [];
  const speedups: number[] = [];
  const p95s: number[] = [];
  try {
    const db = server.database.db as SifaDb;
    await seedOrgTree(db);
    const offices = (await chifengOrgTree()).filter((o) => o.level === 'office');
    // Ingest: a month per statement with the triggers; the peer is the same month into a copy without them.
    await db.execute('CREATE TABLE bench_facts_plain (LIKE facts INCLUDING DEFAULTS INCLUDING INDEXES)');
    const plainStarted = performance.now();
    await db.execute(monthInsert('bench_facts_plain', items, 1));
    const plainMs = performance.now() - plainStarted;
    const monthFacts = Number(rowsOf<{ n: string }>(await db.execute('SELECT count(*) AS n FROM bench_facts_plain'))[0]!.n);
    await db.execute('DROP TABLE bench_facts_plain');
    let factCount = 0;
    const ingestStarted = performance.now();
    for (let m = 1; m <= 12; m++) {
      progress(`${label}: month ${m} of 12 (${factCount.toLocaleString('en')} facts so far)`);
      await db.execute(monthInsert('facts', items, m));
      factCount = Number(rowsOf<{ n: string }>(await db.execute('SELECT count(*) AS n FROM facts'))[0]!.n);
    }
    const ingestMs = performance.now() - ingestStarted;
    await db.execute('ANALYZE');
    const { d, m } = rowsOf<{ d: string; m: string }>(await db.execute('SELECT (SELECT count(*) FROM fact_rollups_day) AS d, (SELECT count(*) FROM fact_rollups_month) AS m'))[0]!;
    rows.push([label, `bulk ingest, rollups maintained (${factCount.toLocaleString('en')} facts)`, `${Math.round(factCount / (ingestMs / 1000)).toLocaleString('en')} facts/s`, `${(ingestMs / 1000).toFixed(1)} s`, '']);
    rows.push([label, `peer: same month without triggers (${monthFacts.toLocaleString('en')} facts)`, `${Math.round(monthFacts / (plainMs / 1000)).toLocaleString('en')} facts/s`, `${(plainMs / 1000).toFixed(1)} s`, '']);
    notes.push(`${label}: ${factCount.toLocaleString('en')} facts → ${Number(d).toLocaleString('en')} day rollup rows, ${Number(m).toLocaleString('en')} month rollup rows.`);

    // Diary-sized writes: 10 facts per source, one transaction each, through the facts service.
    const smallWrites = async (n: number, tag: string) => {
      const started = performance.now();
      for (let i = 0; i < n; i++) {
        const office = offices[i % offices.length]!;
        await server.runScoped(cityAdmin, (s) =>
          s.facts.recordForSource(
            { kind: 'bench.entry', id: `${tag}-${i}` },
            Array.from({ length: 10 }, (_, k) => ({ orgCode: office.code, day: `${YEAR}-12-${String(1 + (i % 28)).padStart(2, '0')}`, metric: itemCode((k % items) + 1), value: 1 })),
          ),
        );
      }
      return n / ((performance.now() - started) / 1000);
    };
    const writes = 300;
    const withTriggers = await smallWrites(writes, 'on');
    await db.execute('ALTER TABLE facts DISABLE TRIGGER USER');
    const withoutTriggers = await smallWrites(writes, 'off');
    await db.execute('ALTER TABLE facts ENABLE TRIGGER USER');
    rows.push([label, 'diary-sized writes (10 facts, 1 transaction each)', `${withTriggers.toFixed(0)} writes/s`, '', `peer without rollups: ${withoutTriggers.toFixed(0)} writes/s`]);
    // The writes without triggers left the rollups behind: the rebuild repairs them (and is timed).
    const rebuildStarted = performance.now();
    const rebuilt = await server.facts.rebuildRollups();
    rows.push([label, `rebuild rollups (${rebuilt.facts.toLocaleString('en')} facts)`, '', `${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`, '']);
    await db.execute('ANALYZE');

    const county = offices[0]!.parentCode!;
    for (const q of drillDowns(items, county, offices[0]!.code)) {
      progress(`${label}: ${q.name}`);
      const oursRows = await server.runScoped(cityAdmin, (s) => s.facts.query(q.ours));
      const naiveRows = await server.runScoped(cityAdmin, async (s) => rowsOf<{ key: string; metric: string; value: string }>(await s.db.execute(q.naive)));
      if (canonical(oursRows.rows) !== canonical(naiveRows)) throw new Error(`${label} ${q.name}: the rollups and the raw facts disagree`);
      // Query time inside one scoped transaction (both subjects alike), and ours as a whole request.
      const inTransaction = (n: number, work: (s: Parameters<Parameters<typeof server.runScoped>[1]>[0]) => Promise<unknown>) =>
        server.runScoped(cityAdmin, async (s) => {
          await work(s);
          const ms: number[] = [];
          for (let i = 0; i < n; i++) {
            const started = performance.now();
            await work(s);
            ms.push(performance.now() - started);
          }
          return { p50: pct(ms, 0.5), p95: pct(ms, 0.95) };
        });
      const ours = await inTransaction(rounds.ours, (s) => s.facts.query(q.ours));
      const naive = await inTransaction(rounds.naive, (s) => s.db.execute(q.naive));
      const request = await timeIt(rounds.ours, () => server.runScoped(cityAdmin, (s) => s.facts.query(q.ours)));
      const speedup = naive.p50 / ours.p50;
      speedups.push(speedup);
      p95s.push(ours.p95);
      rows.push([
        label,
        `${q.name}: ${oursRows.rows.length} rows`,
        `ours p50 ${ours.p50.toFixed(2)} / p95 ${ours.p95.toFixed(2)} ms (request ${request.p50.toFixed(1)} / ${request.p95.toFixed(1)} ms)`,
        `naive p50 ${naive.p50.toFixed(1)} / p95 ${naive.p95.toFixed(1)} ms`,
        `${speedup.toFixed(0)}× faster (p50)`,
      ]);
    }
  } finally {
    await server.close();
  }
  return { rows, notes, speedups, p95s };
}

export default defineBenchmark({
  name: 'statistics',
  title: 'Dashboard drill-down over a year of facts: rollups vs GROUP BY over raw facts (PostgreSQL and PGlite), ingest with rollups',
  async run(ctx) {
    const items = Number(process.env['BENCH_STAT_ITEMS'] ?? 85);
    const pgliteItems = Number(process.env['BENCH_STAT_PGLITE_ITEMS'] ?? 10);
    const rounds = { ours: Number(process.env['BENCH_QUERY_ROUNDS'] ?? 40), naive: Math.max(3, Math.round(Number(process.env['BENCH_QUERY_ROUNDS'] ?? 40) / 4)) };
    const name = `sifa_bench_statistics_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ engine: 'postgres', url: adminUrl, maxConnections: 1 });
    await admin.db.execute(`CREATE DATABASE ${name}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-bench-stat-'));
    try {
      const pg = await measureEngine('PostgreSQL', { engine: 'postgres', url: adminUrl.replace(/\/[^/]*$/, `/${name}`), maxConnections: 4 }, items, rounds, ctx.progress);
      const lite = await measureEngine('PGlite', { engine: 'pglite', dataDir }, pgliteItems, { ours: rounds.ours, naive: Math.max(3, Math.round(rounds.naive / 2)) }, ctx.progress);
      const met = Math.min(...pg.speedups) >= 15 && Math.max(...pg.p95s) <= 20;
      return {
        columns: ['engine', 'what', 'figure', 'time / peer', 'ratio'],
        rows: [...pg.rows, ...lite.rows],
        notes: [
          ...pg.notes,
          ...lite.notes,
          `Target (PostgreSQL): ≥ 15× faster than naive and p95 ≤ 20 ms — ${met ? 'met' : 'MISSED'} (slowest speed-up ${Math.min(...pg.speedups).toFixed(0)}×, worst p95 ${Math.max(...pg.p95s).toFixed(1)} ms).`,
          'Query times are measured inside one scoped transaction (row-level security on) for both subjects; "request" adds what a request pays around it (BEGIN, scope and role settings, COMMIT).',
        ],
        targetMet: met,
      };
    } finally {
      await admin.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});
