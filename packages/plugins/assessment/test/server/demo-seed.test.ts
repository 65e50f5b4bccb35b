/**
 * The demo content as `sifa start --seed` makes it: the diary's demo history (every office, the
 * last 12 months, labelled 示范, through the diary's table and recordForSource) and the DEMO
 * standard published for this year and the last, so the portal shows scores computed from
 * entries. Seeding twice adds nothing. Runs the real seed hooks (about 10 s on PGlite).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { chifengOrgTree, seedPlugins, type AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createAssessmentPlugin } from '../../src/server/index.js';
import { startTestServer, wholeRegionReader as admin, type TestServer, testMonth, testYear } from '@sifa/server/testing';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const plugins = [createDiaryPlugin(), createAssessmentPlugin()] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
let orgCodes: string[];
const logs: string[] = [];
// The seed runs on the test server's clock (the test clock): the demo covers the months before its today.
const year = testYear();
// A year the history has entries in at any date: last month's (early in January this year has none yet).
const dataYear = Number(testMonth(-1).slice(0, 4));

async function demoEntries() {
  return t.server.runScoped(admin, async ({ db }) =>
    rowsOf<{ offices: number; entries: number; labelled: number; authors: string }>(
      await db.execute(sql`SELECT count(DISTINCT org_code)::int AS offices, count(*)::int AS entries,
        count(*) FILTER (WHERE fields::text LIKE '%【示范】%')::int AS labelled, string_agg(DISTINCT author_name, ',') AS authors
        FROM diary_entries WHERE author_id = 'seed'`),
    )[0]!,
  );
}

beforeAll(async () => {
  t = await startTestServer({ plugins });
  orgCodes = (await chifengOrgTree()).map((o) => o.code);
  await seedPlugins(t.server, orgCodes, (line) => logs.push(line));
}, 120_000);
afterAll(() => t?.close());

describe('demo seed', () => {
  it('writes a labelled diary history for every office', async () => {
    const offices = orgCodes.filter((c) => c.length === 9).length;
    const found = await demoEntries();
    expect(found.offices).toBe(offices);
    expect(found.entries).toBeGreaterThan(offices * 8);
    expect(found.authors).toBe('演示数据（示范）');
    // Every entry says it is demo content in one of its text fields.
    expect(found.labelled).toBe(found.entries);
    expect(logs.some((l) => l.includes('demo diary history') && l.includes('labelled 示范'))).toBe(true);
  });

  it('publishes the DEMO standard for this year and the last, owned by the city', async () => {
    const city = await t.client('city', { batch: false });
    const standards = await city.assessment.standards.list.query({});
    expect(standards.map((s) => [s.year, s.ownerOrgCode, s.publishedVersion, s.demo])).toEqual([
      [year, '1504', 1, true],
      [year - 1, '1504', 1, true],
    ]);
    expect(standards[0]!.title.zh).toContain('示范');
  });

  it('gives every office a score computed from the demo entries, traceable to them', async () => {
    const city = await t.client('city', { batch: false });
    const ranking = await city.assessment.ranking.query({ parentOrgCode: '150402', period: String(dataYear) });
    expect(ranking.rows).toHaveLength(15);
    expect(ranking.rows.every((r) => r.total >= 0 && r.total <= 1050)).toBe(true);
    // Diligent and less diligent offices: the scores spread.
    expect(ranking.rows[0]!.total - ranking.rows.at(-1)!.total).toBeGreaterThan(100);
    const best = await city.assessment.score.query({ orgCode: ranking.rows[0]!.orgCode, period: String(dataYear) });
    expect(best.standard.demo).toBe(true);
    const earning = best.items.find((i) => i.points > 0 && i.part !== 'negative')!;
    const breakdown = await city.assessment.breakdown.query({ orgCode: best.orgCode, period: String(dataYear), itemCode: earning.code });
    expect(breakdown.sources.length).toBeGreaterThan(0);
    expect(new Set(breakdown.sources.map((s) => s.kind))).toEqual(new Set(['diary.entry']));
    const month = breakdown.sources[0]!.day.slice(0, 7);
    const diary = await t.server.runScoped(admin, async ({ db }) =>
      rowsOf<{ id: string }>(await db.execute(sql`SELECT id::text AS id FROM diary_entries WHERE org_code = ${best.orgCode} AND to_char(day, 'YYYY-MM') = ${month}`)),
    );
    expect(diary.map((d) => d.id)).toContain(breakdown.sources[0]!.id);
  });

  it('adds nothing when run again', async () => {
    const before = await demoEntries();
    await seedPlugins(t.server, orgCodes, (line) => logs.push(line));
    expect(await demoEntries()).toEqual(before);
    const city = await t.client('city', { batch: false });
    expect(await city.assessment.standards.list.query({})).toHaveLength(2);
    expect(logs.some((l) => l.includes('demo diary history up to date'))).toBe(true);
  }, 60_000);
});
