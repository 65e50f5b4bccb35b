/**
 * The demo started on 1 January (half an hour into the year, China time), on both engines: every
 * plugin's demo content is "this year" of the clock it is given, so the portal a bureau opens on
 * New Year's Day is coherent — this year's plan and standard exist and nothing in them is late
 * yet, the diary history ends before today (none of it in the future), last year carries the
 * numbers, and the first warning evaluation of the year raises nothing absurd.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { chifengOrgTree, seedPlugins, type AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { createAssessmentPlugin } from '@sifa/plugin-assessment/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { createStatisticsPlugin } from '../../src/server/index.js';
import { startTestServer, wholeRegionReader as admin, type TestServer, testClockFrom } from '@sifa/server/testing';

// The whole city's demo is seeded in the setup: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const plugins = [createDiaryPlugin(), createPlansPlugin(), createAssessmentPlugin(), createWarningsPlugin(), createStatisticsPlugin()] as const;
const newYear = '2027-01-01T00:30:00+08:00';
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: testClockFrom(newYear) });
  await seedPlugins(t.server, (await chifengOrgTree()).map((o) => o.code));
}, 180_000);
afterAll(() => t?.close());

describe('the demo seeded on 1 January', () => {
  it('writes the diary history up to last year’s end, none of it dated today or later', async () => {
    const [range] = await t.server.runScoped(admin, async ({ db }) =>
      rowsOf<{ first: string; last: string; entries: number }>(
        await db.execute(sql`SELECT min(day)::text AS first, max(day)::text AS last, count(*)::int AS entries FROM diary_entries WHERE author_id = 'seed'`),
      ),
    );
    expect(range!.entries).toBeGreaterThan(1000);
    expect(range!.last < '2027-01-01').toBe(true);
    expect(range!.last >= '2026-12-01').toBe(true);
    expect(range!.first >= '2025-12-01').toBe(true);
  });

  it('makes this year’s plan, with nothing overdue on its first day', async () => {
    const city = await t.client('city', { batch: false, locale: 'zh-CN' });
    const demo = (await city.plans.list.query({ period: '2027' })).filter((p) => p.demo);
    expect(demo.map((p) => p.title)).toEqual(['【演示】2027年度司法所重点工作计划']);
    expect(await city.plans.list.query({ period: '2026' })).toEqual([]);
    expect(await city.plans.overdue.query({})).toEqual([]);
    const detail = await city.plans.get.query({ planId: demo[0]!.id });
    for (const item of detail.items) expect(item.due >= '2027-01-01' && item.due <= '2027-12-31').toBe(true);
  });

  it('publishes this year’s and last year’s standard; last year is scored from the history', async () => {
    const city = await t.client('city', { batch: false });
    expect((await city.assessment.standards.list.query({})).map((s) => s.year)).toEqual([2027, 2026]);
    const ranking = await city.assessment.ranking.query({ parentOrgCode: '150402', period: '2026' });
    expect(ranking.rows.some((r) => r.total > 0)).toBe(true);
  });

  it('shows last year’s numbers on the dashboard and an empty new year without errors', async () => {
    const city = await t.client('city', { batch: false });
    const last = await city.statistics.view.query({ entry: 'diary-entries', period: '2026' });
    expect(last.kpis.some((k) => (k.value ?? 0) > 0)).toBe(true);
    const now = await city.statistics.view.query({ entry: 'diary-entries', period: '2027', compare: 'year-ago' });
    expect(now.kpis.every((k) => (k.value ?? 0) === 0)).toBe(true);
  });

  it('runs the year’s first warning evaluation without flagging offices for days before the history', async () => {
    const run = await t.server.jobs.run('warnings.evaluate', { at: new Date('2027-01-01T07:00:00+08:00') });
    expect(run.status).toBe('succeeded');
    const city = await t.client('city', { batch: false });
    const warnings = await city.warnings.list.query({});
    // The plan of the new year has nothing due yet: no overdue-item warning can be right on 1 January.
    expect(warnings.warnings.filter((w) => w.ruleKind === 'plan-overdue')).toEqual([]);
  });
});
