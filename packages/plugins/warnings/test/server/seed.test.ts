/**
 * The demo rules on the real org tree (197 offices in 12 counties of Chifeng), on both engines:
 * the seed covers every kind, labelled demo, idempotently; the scheduled evaluation over the
 * whole tree (timed) words warnings without a catalogue; rules naming plugins that are not
 * installed are reported as not evaluable — here the plans and assessment plugins are absent, and
 * a second server on the same database runs without the diary plugin at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PluginSeedContext } from '@sifa/core';
import { chifengOrgTree, createLogger, createSifaServer } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createWarningsPlugin } from '../../src/server/index.js';
import { startTestServer, type TestServer } from '@sifa/server/testing';
import { eq } from 'drizzle-orm';
import { warningRules } from '../../src/server/schema.js';

const warningsPlugin = createWarningsPlugin();
const plugins = [createDiaryPlugin(), warningsPlugin] as const;
const clock = new Date('2026-06-24T02:00:00Z');
let t: TestServer<import('@sifa/server').AppRouterOf<typeof plugins>>;
let offices = 0;
let seedContext: PluginSeedContext;

const pathOf = (code: string) => `/${[2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n)).join('/')}/`;
const actor = (userId: string, code: string): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  role: 'city_admin',
  scope: { orgCode: code, orgPath: pathOf(code) },
  permissions: new Set(['warnings.read', 'warnings.manage', 'warnings.respond']),
  via: 'session',
});
const root = actor('job:warnings.evaluate', '15');

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock, jobs: { schedule: false } });
  const tree = await chifengOrgTree();
  offices = tree.filter((o) => o.level === 'office').length;
  // Only this plugin's seed (as `sifa seed` runs it): the diary's demo history would feed the rules.
  const context: PluginSeedContext = (seedContext = {
    orgCodes: tree.map((o) => o.code),
    staffOf: async () => [],
    runJob: () => Promise.reject(new Error('this seed runs no job')),
    log: () => {},
    seeded: () => undefined,
    runScoped: (code, work) => t.server.runScoped(actor('seed', code), work),
    now: () => clock,
    catalog: t.server.composition.catalog,
  });
  await warningsPlugin.seed!(context);
  await warningsPlugin.seed!(context);
});
afterAll(() => t?.close());


describe('demo rules', () => {
  it('seeds one rule per kind, owned by the city, labelled demo, once', async () => {
    const rules = await (await t.client('hongshan')).warnings.listRules.query({});
    expect(rules).toHaveLength(6);
    expect(rules.map((r) => r.params.kind).sort()).toEqual(['deadline-approaching', 'diary-missing', 'metric-drop', 'metric-threshold', 'plan-overdue', 'score-below']);
    for (const r of rules) {
      expect(r).toMatchObject({ orgCode: '1504', demo: true, enabled: true, editable: false });
      expect(r.title.zh.startsWith('（演示）')).toBe(true);
      expect(r.title.en.startsWith('(demo)')).toBe(true);
    }
  });

  it('D6: demo rules have their titles in English and Mongolian, also in a database seeded before', async () => {
    const rules = await (await t.client('hongshan')).warnings.listRules.query({});
    for (const r of rules) {
      expect(r.title.en, r.title.zh).not.toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.mn, r.title.zh).toMatch(/^\(ᠦᠯᠢᠭᠡᠷ\) [\u1800-\u18af\u202f\s\d]+$/);
    }
    // A database seeded with the older Chinese/English titles gets the Mongolian ones on the next seed.
    const [first] = rules;
    await t.server.runScoped(actor('seed', '1504'), (scoped) => scoped.db.update(warningRules).set({ title: { zh: first!.title.zh, en: first!.title.en } }).where(eq(warningRules.id, first!.id)));
    await warningsPlugin.seed!(seedContext);
    const again = (await (await t.client('hongshan')).warnings.listRules.query({})).find((r) => r.id === first!.id)!;
    expect(again.title).toEqual(first!.title);
  });

  it('are evaluated by the scheduled job over the whole tree; missing plugins make a rule not evaluable', async () => {
    expect(t.server.jobs.list().find((j) => j.name === 'warnings.evaluate')).toMatchObject({ plugin: 'warnings', schedule: '0 7 * * *' });
    const started = performance.now();
    const result = await t.server.jobs.run('warnings.evaluate', { at: clock });
    const ms = performance.now() - started;
    console.log(`warnings.evaluate over ${offices} offices, 6 demo rules (${result.counts?.['raised']} warnings raised): ${ms.toFixed(0)} ms (${t.db.url ? 'postgres' : 'pglite'})`);
    // No diary entries and no mediation in May: every office is warned twice; the drop rule finds no base.
    expect(result.status).toBe('succeeded');
    expect(result.counts).toMatchObject({ rules: 6, evaluated: 4, notEvaluable: 2, raised: 2 * offices, escalated: 0 });
    expect(result.summary).toContain('2 not evaluable');

    const city = await t.client('city');
    const list = await city.warnings.list.query({ limit: 200 });
    expect(list.total).toBe(2 * offices);
    // Worded from the labels the rule saved (a job has no catalogue).
    const mediation = list.warnings.find((w) => w.ruleKind === 'metric-threshold')!;
    expect(mediation.summary.zh).toBe('2026年5月调解矛盾纠纷为0件，低于预警线1件。');

    const onDemand = await city.warnings.evaluate.mutate({});
    expect(onDemand).toMatchObject({ rules: 6, evaluated: 4, raised: 0, stillOpen: 2 * offices });
    expect(onDemand.notEvaluable.map((n) => n.reason.en).sort()).toEqual([
      'No installed plugin provides the deadline source plans.items.',
      'No installed plugin provides the indicator assessment.total-score.',
    ]);
  });

  it('reports diary rules as not evaluable where the diary plugin is not installed (same database, another server)', async () => {
    const other = await createSifaServer({ plugins: [createWarningsPlugin()], database: t.db.handle, logger: createLogger({ level: 'silent' }), now: () => clock, jobs: { schedule: false } });
    try {
      const result = await other.jobs.run('warnings.evaluate', { at: clock });
      expect(result).toMatchObject({ status: 'succeeded', counts: { rules: 6, evaluated: 1, notEvaluable: 5, raised: 0 } });
      const reasons = await other.runScoped(root, async (scoped) => {
        const { evaluateWarnings } = await import('../../src/server/index.js');
        const r = await evaluateWarnings(scoped, { orgCode: '15', today: '2026-06-24', now: clock, metrics: other.composition.metrics, escalate: false, timeZone: 'Asia/Shanghai' });
        return r.notEvaluable.map((n) => n.reason.en).sort();
      });
      expect(reasons).toEqual([
        'No installed plugin declares the metric diary.consultations (the plugin providing it may not be installed).',
        'No installed plugin declares the metric diary.mediation-cases (the plugin providing it may not be installed).',
        'No installed plugin provides the deadline source plans.items.',
        'No installed plugin provides the indicator assessment.total-score.',
        'The diary plugin is not installed: without the diary.entries metric, missing days cannot be told.',
      ]);
    } finally {
      await other.close();
    }
  });
});
