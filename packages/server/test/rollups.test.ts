/**
 * The facts rollups: kept equal to the raw facts by the triggers for any stream of records,
 * replacements and retractions (property test against a model in JS), rebuilt identically,
 * read over ragged ranges, scoped, and repaired by `sifa facts rebuild-rollups`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { codesOfPath, type Actor } from '@sifa/core';
import { createSifaServer, openDatabase, seedOrgTree, type DatabaseConfig } from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { createCliDatabase, memoryLogger, runCli, sifaErrorOf, startTestServer, type CliDatabase, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';
import { splitRange } from '../src/facts/rollups.js';

let t: TestServer<AppRouterOf<[typeof caseworkPlugin]>>;
beforeAll(async () => {
  t = await startTestServer({ plugins: [caseworkPlugin] as const });
});
afterAll(() => t?.close());

// Offices of two counties, a county and the city itself: facts at every level of the tree.
const orgPaths: Record<string, string> = {
  '1504': '/15/1504/',
  '150402': '/15/1504/150402/',
  '150402001': '/15/1504/150402/150402001/',
  '150402002': '/15/1504/150402/150402002/',
  '150404001': '/15/1504/150404/150404001/',
};
const metrics = ['casework.people-served', 'casework.cases-opened'] as const;
const days = ['2025-12-31', '2026-01-01', '2026-01-17', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'];

type Fact = { orgCode: string; day: string; metric: string; value: number };
const factArb = fc.record({
  orgCode: fc.constantFrom(...Object.keys(orgPaths)),
  day: fc.constantFrom(...days),
  metric: fc.constantFrom(...metrics),
  // Halves and negatives: exact in binary and decimal, and a sum may pass through zero.
  value: fc.integer({ min: -20, max: 200 }).map((n) => n / 2),
});
const opArb = fc.record({ source: fc.constantFrom('a', 'b', 'c', 'd'), facts: fc.array(factArb, { maxLength: 6 }) });

/** Every node's rollup (its shards summed; a node whose shards cancel out holds nothing), as strings, in key order. */
async function rollupRows() {
  const db = t.server.database.db;
  const day = rowsOf<Record<string, string>>(
    await db.execute(sql`SELECT node_path, node_code, parent_path, depth::text, day::text AS at, metric, sum(total)::text AS total, sum(n)::text AS n
      FROM fact_rollups_day GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 6, 5`),
  );
  const month = rowsOf<Record<string, string>>(
    await db.execute(sql`SELECT node_path, node_code, parent_path, depth::text, month::text AS at, metric, sum(total)::text AS total, sum(n)::text AS n
      FROM fact_rollups_month GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 6, 5`),
  );
  return { day, month };
}

/** What the rollups must hold for `facts`, computed in JS: every node above each fact, per day and per month. */
function expectedRollups(facts: Fact[]) {
  const build = (bucket: (day: string) => string) => {
    const cells = new Map<string, { node_path: string; node_code: string; parent_path: string; depth: string; at: string; metric: string; total: number; n: number }>();
    for (const f of facts) {
      const codes = codesOfPath(orgPaths[f.orgCode]!);
      codes.forEach((code, i) => {
        const node = `/${codes.slice(0, i + 1).join('/')}/`;
        const key = `${node}|${f.metric}|${bucket(f.day)}`;
        const cell = cells.get(key) ?? {
          node_path: node,
          node_code: code,
          parent_path: i === 0 ? '/' : `/${codes.slice(0, i).join('/')}/`,
          depth: String(i + 1),
          at: bucket(f.day),
          metric: f.metric,
          total: 0,
          n: 0,
        };
        cell.total += f.value;
        cell.n += 1;
        cells.set(key, cell);
      });
    }
    return [...cells.values()]
      .sort((a, b) => (a.node_path !== b.node_path ? (a.node_path < b.node_path ? -1 : 1) : a.metric !== b.metric ? (a.metric < b.metric ? -1 : 1) : a.at < b.at ? -1 : 1))
      .map((c) => ({ ...c, total: c.total, n: String(c.n) }));
  };
  return { day: build((d) => d), month: build((d) => `${d.slice(0, 7)}-01`) };
}

const numeric = (rows: Record<string, string>[]) => rows.map((r) => ({ ...r, total: Number(r.total) }));

describe('facts rollups', () => {
  it('equal the raw facts after any stream of records, replacements and retractions', async () => {
    const city = await t.client('city');
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const model = new Map<string, Fact[]>();
        try {
          for (const op of ops) {
            await city.platform.facts.record.mutate({ batchId: op.source, facts: op.facts });
            model.set(op.source, op.facts);
          }
          const all = [...model.values()].flat();
          const expected = expectedRollups(all);
          const actual = await rollupRows();
          expect(numeric(actual.day)).toEqual(expected.day);
          expect(numeric(actual.month)).toEqual(expected.month);
          // The query API reads the same sums, across ragged month edges.
          const from = '2026-01-17';
          const to = '2026-02-28';
          const inRange = all.filter((f) => f.day >= from && f.day <= to && f.metric === 'casework.people-served');
          const total = await city.platform.facts.query.query({ metrics: ['casework.people-served'], from, to });
          const sum = inRange.reduce((s, f) => s + f.value, 0);
          expect(total.rows).toEqual(inRange.length ? [{ key: '', metric: 'casework.people-served', value: sum }] : []);
        } finally {
          // Retract everything: the rollups must be empty again (rows whose count reaches 0 go).
          for (const source of model.keys()) await city.platform.facts.record.mutate({ batchId: source, facts: [] });
        }
        const after = await rollupRows();
        expect(after.day).toEqual([]);
        expect(after.month).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('are reproduced exactly by a rebuild, which also repairs a damaged row; UPDATEs of facts keep them equal', async () => {
    const city = await t.client('city');
    await city.platform.facts.record.mutate({
      batchId: 'rebuild',
      facts: [
        { orgCode: '150402001', day: '2026-03-03', metric: 'casework.people-served', value: 0.1 },
        { orgCode: '150402001', day: '2026-03-03', metric: 'casework.people-served', value: 0.2 },
        { orgCode: '150404001', day: '2026-04-30', metric: 'casework.cases-opened', value: 7 },
        { orgCode: '150402', day: '2026-05-01', metric: 'casework.cases-opened', value: 2 },
      ],
    });
    const incremental = await rollupRows();
    expect(incremental.day.find((r) => r.node_path === '/15/1504/150402/150402001/' && r.at === '2026-03-03')?.total).toBe('0.3');
    await t.server.database.db.execute(sql`UPDATE fact_rollups_month SET total = 999 WHERE node_path = '/15/1504/'`);
    await t.server.database.db.execute(sql`DELETE FROM fact_rollups_day WHERE node_code = '150404'`);
    const report = await t.server.facts.rebuildRollups();
    expect(report).toEqual({ facts: 4, dayRows: incremental.day.length, monthRows: incremental.month.length });
    expect(await rollupRows()).toEqual(incremental);

    // An UPDATE of facts (an integrator's repair in SQL) moves the sums along: a value changed, a
    // fact moved to another day and org. The rollups then equal what a rebuild makes of them.
    const db = t.server.database.db;
    await db.execute(sql`UPDATE facts SET value = value + 10 WHERE source_id = 'rebuild' AND metric = 'casework.cases-opened' AND org_code = '150402'`);
    await db.execute(
      sql`UPDATE facts SET day = '2026-03-05', org_code = '150402002', org_path = '/15/1504/150402/150402002/' WHERE source_id = 'rebuild' AND org_code = '150404001'`,
    );
    const updated = await rollupRows();
    expect(updated.month.find((r) => r.node_path === '/15/1504/150402/' && r.metric === 'casework.cases-opened' && r.at === '2026-03-01')?.total).toBe('7');
    expect(updated.day.some((r) => r.node_code === '150404001')).toBe(false);
    await t.server.facts.rebuildRollups();
    expect(await rollupRows()).toEqual(updated);
    await city.platform.facts.record.mutate({ batchId: 'rebuild', facts: [] });
  });

  it('answer totals, children, levels, days and months over ragged ranges like the raw facts', async () => {
    const city = await t.client('city');
    const facts: Fact[] = [
      { orgCode: '150402001', day: '2025-12-31', metric: 'casework.people-served', value: 1 },
      { orgCode: '150402001', day: '2026-01-01', metric: 'casework.people-served', value: 2 },
      { orgCode: '150402002', day: '2026-01-31', metric: 'casework.people-served', value: 4 },
      { orgCode: '150404001', day: '2026-02-01', metric: 'casework.people-served', value: 8 },
      { orgCode: '150402', day: '2026-02-28', metric: 'casework.people-served', value: 16 },
      { orgCode: '150402001', day: '2026-03-01', metric: 'casework.people-served', value: 32 },
      { orgCode: '150402001', day: '2026-02-10', metric: 'casework.longest-hearing', value: 50 },
      { orgCode: '150404001', day: '2026-02-11', metric: 'casework.longest-hearing', value: 70 },
    ];
    await city.platform.facts.record.mutate({ batchId: 'shapes', facts });
    try {
      const q = (groupBy: 'total' | 'child' | 'month' | 'day', from: string, to: string, extra = {}) =>
        city.platform.facts.query.query({ metrics: ['casework.people-served'], from, to, groupBy, ...extra }).then((r) => r.rows.map((x) => [x.key, x.value]));
      expect(await q('total', '2025-12-31', '2026-03-01')).toEqual([['', 63]]);
      expect(await q('total', '2026-01-02', '2026-02-28')).toEqual([['', 28]]);
      expect(await q('month', '2025-12-15', '2026-03-01')).toEqual([
        ['2025-12', 1],
        ['2026-01', 6],
        ['2026-02', 24],
        ['2026-03', 32],
      ]);
      expect(await q('day', '2026-01-31', '2026-02-01')).toEqual([
        ['2026-01-31', 4],
        ['2026-02-01', 8],
      ]);
      expect(await q('child', '2026-01-01', '2026-12-31')).toEqual([
        ['150402', 54],
        ['150404', 8],
      ]);
      const byCountyMonth = await city.platform.facts.query.query({
        metrics: ['casework.people-served', 'casework.longest-hearing'],
        from: '2026-01-01',
        to: '2026-03-31',
        groupBy: 'child-month',
      });
      expect(byCountyMonth.rows.map((r) => [r.key, r.metric, r.value])).toEqual([
        ['150402|2026-01', 'casework.people-served', 6],
        ['150402|2026-02', 'casework.longest-hearing', 50],
        ['150402|2026-02', 'casework.people-served', 16],
        ['150402|2026-03', 'casework.people-served', 32],
        ['150404|2026-02', 'casework.longest-hearing', 70],
        ['150404|2026-02', 'casework.people-served', 8],
      ]);
      // Every office of the city, whichever county: the root's and the counties' own facts have no office.
      const offices = await city.platform.facts.query.query({ metrics: ['casework.people-served', 'casework.longest-hearing'], from: '2026-01-01', to: '2026-12-31', groupBy: 'level', level: 'office' });
      expect(offices.rows).toEqual([
        { key: '150402001', metric: 'casework.longest-hearing', value: 50 },
        { key: '150402001', metric: 'casework.people-served', value: 34 },
        { key: '150402002', metric: 'casework.people-served', value: 4 },
        { key: '150404001', metric: 'casework.longest-hearing', value: 70 },
        { key: '150404001', metric: 'casework.people-served', value: 8 },
      ]);
      const counties = await city.platform.facts.query.query({ metrics: ['casework.longest-hearing'], from: '2026-01-01', to: '2026-12-31', groupBy: 'level', level: 'county' });
      expect(counties.rows.map((r) => [r.key, r.value])).toEqual([
        ['150402', 50],
        ['150404', 70],
      ]);
      const levelError = await sifaErrorOf(city.platform.facts.query.query({ metrics: ['casework.people-served'], from: '2026-01-01', to: '2026-12-31', groupBy: 'level' }));
      expect(levelError.data.sifaCode).toBe('VALIDATION_FAILED');
      expect(levelError.data.issues).toEqual([{ path: 'level', message: 'Give "level" exactly when grouping by level (groupBy: "level").' }]);
    } finally {
      await city.platform.facts.record.mutate({ batchId: 'shapes', facts: [] });
    }
  });

  it('vanish with a rolled-back write and show a scoped reader only its own subtree', async () => {
    const county = await t.client('hongshan');
    await county.platform.facts.record.mutate({ batchId: 'scoped', facts: [{ orgCode: '150402001', day: '2026-06-01', metric: 'casework.people-served', value: 5 }] });
    const actor: Actor = {
      userId: 'rollup-test',
      username: 'rollup-test',
      displayName: 'rollup-test',
      role: 'county_admin',
      scope: { orgCode: '150404', orgPath: '/15/1504/150404/' },
      permissions: new Set(),
      via: 'session',
    };
    try {
      await expect(
        t.server.runScoped({ ...actor, scope: { orgCode: '150402', orgPath: '/15/1504/150402/' } }, async (s) => {
          await s.facts.recordForSource({ kind: 'test.rollback', id: '1' }, [{ orgCode: '150402002', day: '2026-06-01', metric: 'casework.people-served', value: 100 }]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const city = await t.client('city');
      const june = await city.platform.facts.query.query({ metrics: ['casework.people-served'], from: '2026-06-01', to: '2026-06-30' });
      expect(june.rows).toEqual([{ key: '', metric: 'casework.people-served', value: 5 }]);

      // Another county's reader sees none of those rows (RLS on node_path) and cannot write any.
      // (Those of 1 June: on PostgreSQL an earlier test's record and retraction may have gone to
      // two backends' shards of a row above the writer, which stay as a pair that sums to nothing.)
      const juneRows = (scope: Actor) =>
        t.server.runScoped(scope, async (s) =>
          rowsOf<{ node_path: string }>(await s.db.execute(sql`SELECT DISTINCT node_path FROM fact_rollups_day WHERE day = '2026-06-01' ORDER BY 1`)).map((r) => r.node_path),
        );
      expect(await juneRows({ ...actor, scope: { orgCode: '150402', orgPath: '/15/1504/150402/' } })).toEqual(['/15/1504/150402/', '/15/1504/150402/150402001/']);
      expect(await juneRows(actor)).toEqual([]);
      const write = await t.server.runScoped(actor, (s) => s.db.execute(sql`UPDATE fact_rollups_day SET total = 0`)).catch((e: Error) => e);
      expect(String((write as Error & { cause?: Error }).cause?.message)).toMatch(/permission denied/);
      const outside = await sifaErrorOf(
        (await t.client('songshan')).platform.facts.query.query({ metrics: ['casework.people-served'], orgCode: '150402', from: '2026-06-01', to: '2026-06-30', groupBy: 'child' }),
      );
      expect(outside.data.sifaCode).toBe('OUT_OF_SCOPE');
    } finally {
      await county.platform.facts.record.mutate({ batchId: 'scoped', facts: [] });
    }
  });
});

describe('rollup rows', () => {
  // The function the facts triggers call, on one connection (one shard above the office): a
  // retraction first leaves rows with a negative count, and the fact that follows it brings them
  // to nothing. Deleted at once, whichever delta emptied them (not only by a retraction).
  it('are deleted as soon as they hold nothing, and are updated in place', async () => {
    const office = '/15/1504/150402/150402002/';
    await t.server.database.db.transaction(async (tx) => {
      const apply = (v: number, s: number) =>
        tx.execute(sql`SELECT sifa_rollup_apply(ARRAY[ROW(${office}, '2031-05-04'::date, 'test.emptied', ${v}::numeric, ${s}::integer)::sifa_fact_delta])`);
      const held = async () =>
        rowsOf<{ node_path: string; n: number }>(
          await tx.execute(sql`SELECT node_path, n FROM fact_rollups_day WHERE metric = 'test.emptied' UNION ALL SELECT node_path, n FROM fact_rollups_month WHERE metric = 'test.emptied' ORDER BY 1, 2`),
        );
      await apply(-3, -1);
      // Every node above the office, per day and per month, counting −1.
      expect((await held()).map((r) => r.n)).toEqual(Array(8).fill(-1));
      await apply(3, 1);
      expect(await held()).toEqual([]);
      await apply(2, 1);
      await apply(-2, -1);
      expect(await held()).toEqual([]);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!String(error).includes('Rollback')) throw error;
    });
    // The sweep used to keep an index on the count, which every save changes: no rollup row
    // could be updated in place (HOT). None of the indexes covers the count or the total now.
    const indexed = rowsOf<{ indexdef: string }>(await t.server.database.db.execute(sql`SELECT indexdef FROM pg_indexes WHERE tablename IN ('fact_rollups_day', 'fact_rollups_month')`));
    expect(indexed.length).toBeGreaterThan(0);
    for (const { indexdef } of indexed) expect(indexdef).not.toMatch(/\b(n|total)\b/);
  });
});

describe('recordMany', () => {
  it('replaces the facts of many sources in a few statements, rollups included', async () => {
    const actor: Actor = {
      userId: 'bulk',
      username: 'bulk',
      displayName: 'bulk',
      role: 'city_admin',
      scope: { orgCode: '1504', orgPath: '/15/1504/' },
      permissions: new Set(),
      via: 'session',
    };
    const offices = ['150402001', '150402002', '150404001'];
    const batch = (value: number) =>
      Array.from({ length: 2_500 }, (_, i) => ({
        source: { kind: i % 2 ? 'test.odd' : 'test.even', id: String(i) },
        facts: [
          { orgCode: offices[i % 3]!, day: '2026-07-01', metric: 'casework.people-served', value },
          { orgCode: offices[i % 3]!, day: '2026-07-02', metric: 'casework.cases-opened', value: 1 },
        ],
      }));
    await t.server.runScoped(actor, (s) => s.facts.recordMany(batch(2)));
    // Recorded again: replaced, not added.
    await t.server.runScoped(actor, (s) => s.facts.recordMany(batch(3)));
    const city = await t.client('city');
    const july = await city.platform.facts.query.query({ metrics: ['casework.people-served', 'casework.cases-opened'], from: '2026-07-01', to: '2026-07-31', groupBy: 'child' });
    expect(july.rows.map((r) => [r.key, r.metric, r.value])).toEqual([
      ['150402', 'casework.cases-opened', 1_667],
      ['150402', 'casework.people-served', 5_001],
      ['150404', 'casework.cases-opened', 833],
      ['150404', 'casework.people-served', 2_499],
    ]);
    // A source named twice in one batch keeps its last facts.
    await t.server.runScoped(actor, (s) => s.facts.recordMany([...batch(5).slice(0, 1), ...batch(7).slice(0, 1)]));
    const again = await city.platform.facts.query.query({ metrics: ['casework.people-served'], orgCode: '150402001', from: '2026-07-01', to: '2026-07-01' });
    expect(again.rows).toEqual([{ key: '', metric: 'casework.people-served', value: 834 * 3 - 3 + 7 }]);
    await t.server.runScoped(actor, (s) => s.facts.recordMany(batch(0).map((b) => ({ ...b, facts: [] }))));
    expect((await rollupRows()).day).toEqual([]);
  });
});

describe('splitRange', () => {
  it('reads whole months from the month table and the ragged ends by day', () => {
    expect(splitRange('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01-01', '2026-12-01'], days: [] });
    expect(splitRange('2026-01-17', '2026-03-10')).toEqual({ months: ['2026-02-01', '2026-02-01'], days: [['2026-01-17', '2026-01-31'], ['2026-03-01', '2026-03-10']] });
    expect(splitRange('2026-02-03', '2026-02-20')).toEqual({ months: null, days: [['2026-02-03', '2026-02-20']] });
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02-01', '2024-02-01'], days: [] });
    expect(splitRange('2026-01-31', '2026-02-01')).toEqual({ months: null, days: [['2026-01-31', '2026-02-01']] });
  });
});

describe('sifa facts rebuild-rollups', () => {
  let cliDb: CliDatabase | null = null;
  let config: DatabaseConfig;
  afterAll(async () => {
    await cliDb?.drop();
  });

  it('recomputes damaged rollups from the facts and reports the counts', async () => {
    cliDb = await createCliDatabase();
    config = cliDb.config;
    const server = await createSifaServer({ database: config, plugins: [caseworkPlugin], logger: memoryLogger().logger, jobs: { schedule: false } });
    const actor: Actor = {
      userId: 'cli',
      username: 'cli',
      displayName: 'cli',
      role: 'city_admin',
      scope: { orgCode: '1504', orgPath: '/15/1504/' },
      permissions: new Set(),
      via: 'session',
    };
    try {
      await seedOrgTree(server.database.db);
      await server.runScoped(actor, (s) =>
        s.facts.recordForSource({ kind: 'test.cli', id: '1' }, [
          { orgCode: '150402001', day: '2026-03-03', metric: 'casework.people-served', value: 3 },
          { orgCode: '150404001', day: '2026-03-04', metric: 'casework.people-served', value: 4 },
        ]),
      );
    } finally {
      await server.close();
    }
    const handle = await openDatabase(config);
    try {
      await handle.db.execute(sql`DELETE FROM fact_rollups_month`);
    } finally {
      await handle.close();
    }
    const result = await runCli(['facts', 'rebuild-rollups'], cliDb.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Two offices and two counties; the city and the region on two days but in one month.
    expect(result.stdout).toMatch(/Rollups rebuilt from 2 facts: 8 day rows, 6 month rows/);
    const check = await openDatabase(config);
    try {
      const rows = rowsOf<{ total: string }>(await check.db.execute(sql`SELECT total::text FROM fact_rollups_month WHERE node_path = '/15/1504/'`));
      expect(rows).toEqual([{ total: '7' }]);
    } finally {
      await check.close();
    }
  }, 120_000);
});
