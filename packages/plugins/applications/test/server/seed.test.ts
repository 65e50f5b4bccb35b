/**
 * The demo seed makes reconsideration applications through the engine: a few for every office of
 * the tree (4 in the demo accounts' 西屯 and 三中街, step by step with the receipt issued; 1–3 in the
 * others, imported whole), labelled 【示范】, forwarded to the county's government, in every state;
 * a second run adds nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chifengOrgTree, seedPlugins } from '@sifa/server';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createApplicationsPlugin } from '../../src/server/index.js';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const clock = { now: new Date('2026-11-20T10:00:00+08:00') };
const plugins = [createApplicationsPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const logs: string[] = [];
let offices: string[];
let orgCodes: string[];

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  orgCodes = (await chifengOrgTree()).map((o) => o.code);
  offices = orgCodes.filter((code) => code.length === 9);
  await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
}, 300_000);
afterAll(() => t?.close());

describe('the demo seed', () => {
  it('gives every office a few applications, labelled demo, forwarded to its county\'s government', async () => {
    const city = await t.client('city');
    const total = (await city.applications.cases.list.query({ limit: 1 })).total;
    expect(total).toBeGreaterThanOrEqual(offices.length);
    expect(total).toBeLessThanOrEqual(3 * offices.length + 2);
    expect(logs.some((l) => l.includes(`demo applications: ${total} reconsideration, `) && l.includes(`for ${offices.length} offices`))).toBe(true);
    const xitun = await t.client('xitun');
    const { rows } = await xitun.applications.cases.list.query({ limit: 50 });
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const file = await xitun.applications.cases.get.query({ id: row.id });
      expect(String(file.fields.act)).toMatch(/^【示范】/);
      expect(file.events[0]!.documentId, 'the receipt').toEqual(expect.any(String));
      const forwarded = file.events.find((e) => e.transition === 'forward');
      if (forwarded) expect(forwarded.fields.body).toBe('红山区人民政府');
    }
    // An office without a demo account: imported whole (no receipt), the same steps.
    const zhenxing = await t.client('zhenxing');
    const imported = await zhenxing.applications.cases.list.query({ limit: 50 });
    expect(imported.total).toBeGreaterThanOrEqual(1);
    const file = await zhenxing.applications.cases.get.query({ id: imported.rows[0]!.id });
    expect(file.events.every((e) => e.documentId === null)).toBe(true);
    const states = new Set((await city.applications.cases.list.query({ limit: 200 })).rows.map((r) => r.state));
    expect([...states]).toEqual(expect.arrayContaining(['decided']));
  });

  it('gives every office legal-aid applications passed on to its county\'s legal-aid centre, and some notary and arbitration referrals', async () => {
    const city = await t.client('city');
    const legalAid = await city.applications.legalAid.cases.list.query({ limit: 200 });
    expect(legalAid.total).toBeGreaterThanOrEqual(2 * offices.length);
    const xitun = await t.client('xitun');
    const own = await xitun.applications.legalAid.cases.list.query({ limit: 50 });
    expect(own.total).toBe(6);
    const file = await xitun.applications.legalAid.cases.get.query({ id: own.rows.at(-1)!.id });
    expect(String(file.fields.summary)).toMatch(/^【示范】/);
    expect(file.events.find((e) => e.transition === 'forward')?.fields.institution).toBe('红山区法律援助中心');
    expect((await city.applications.notary.cases.list.query({ limit: 1 })).total).toBeGreaterThan(0);
    expect((await city.applications.arbitration.cases.list.query({ limit: 1 })).total).toBeGreaterThan(0);
    const facts = await city.platform.facts.query.query({ metrics: ['applications.legal-aid-received'], from: '2025-12-01', to: '2026-11-19' });
    expect(facts.rows[0]?.value).toBe(legalAid.total);
  });

  it('adds nothing when run again', async () => {
    const before = (await (await t.client('city')).applications.cases.list.query({ limit: 1 })).total;
    await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
    // The seed ran in this process and held its event loop for seconds: let the server's keep-alive
    // timeout (5 s) close the idle connections now, rather than under the next request ("fetch failed").
    await new Promise((r) => setTimeout(r, 5_500));
    expect((await (await t.client('city')).applications.cases.list.query({ limit: 1 })).total).toBe(before);
  });
});
