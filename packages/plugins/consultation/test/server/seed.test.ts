/**
 * The demo seed makes consultation records through the engine: a plausible year (the 12 months up
 * to yesterday) for every office of the Chifeng tree, labelled demo (【示范】, 某某（示范）, 1380000
 * numbers), in every state, with their steps on later days and their facts; the demo accounts'
 * offices (西屯, 三中街) step by step with their record sheets, the others imported whole; a
 * second run adds nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chifengOrgTree, seedPlugins } from '@sifa/server';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createConsultationPlugin } from '../../src/server/index.js';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const clock = { now: new Date('2026-11-20T10:00:00+08:00') };
const plugins = [createConsultationPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const logs: string[] = [];
let orgCodes: string[];
let offices: string[];

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  orgCodes = (await chifengOrgTree()).map((o) => o.code);
  offices = orgCodes.filter((code) => code.length === 9);
  await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
}, 300_000);
afterAll(() => t?.close());

describe('the demo seed', () => {
  it('records a year of consultations for every office of the tree, labelled demo, through the engine', async () => {
    const city = await t.client('city');
    expect(offices.length).toBeGreaterThan(150);
    expect((await city.consultation.cases.list.query({ limit: 1 })).total).toBe(12 * offices.length);
    for (const orgCode of ['150402001', '150402002', offices.at(-1)!]) {
      const office = await city.consultation.cases.list.query({ orgCode, limit: 200 });
      expect(office.total, orgCode).toBe(12);
      for (const row of office.rows) expect(row.openedOn >= '2025-11-20' && row.openedOn <= '2026-11-19', row.openedOn).toBe(true);
      expect(new Set(office.rows.map((r) => r.state)), orgCode).toContain('closed');
    }
    const hongshan = await city.consultation.cases.list.query({ orgCode: '150402', limit: 200 });
    expect([...new Set(hongshan.rows.map((r) => r.state))]).toEqual(expect.arrayContaining(['recorded', 'closed', 'referred', 'followed-up']));
    expect(logs.some((l) => l.includes(`demo consultation records: ${12 * offices.length} for ${offices.length} offices`))).toBe(true);
  });

  it('gives each record a labelled question, demo people and its steps in order; the record sheet where staff take the steps', async () => {
    // 西屯 (a demo account's office) step by step; 振兴 imported whole (no documents).
    for (const [user, sheets] of [['xitun', true], ['zhenxing', false]] as const) {
      const client = await t.client(user);
      const { rows } = await client.consultation.cases.list.query({ limit: 50 });
      expect(rows.length, user).toBe(12);
      for (const row of rows) {
        const file = await client.consultation.cases.get.query({ id: row.id });
        expect(String(file.fields.question)).toMatch(/^【示范】/);
        for (const p of (file.fields.person ?? []) as { name: string; phone: string }[]) {
          expect(p.name).toMatch(/某某（示范）$/);
          expect(p.phone).toMatch(/^1380000\d{4}$/);
        }
        const days = file.events.map((e) => e.on);
        expect(days).toEqual([...days].sort());
        if (file.state === 'closed' || file.state === 'followed-up') expect(file.events.at(-1)!.documentId, user).toEqual(sheets ? expect.any(String) : null);
      }
    }
  });

  it('records the facts of every record', async () => {
    const facts = await (await t.client('city')).platform.facts.query.query({ metrics: ['consultation.records'], from: '2025-11-20', to: '2026-11-19' });
    expect(facts.rows[0]?.value).toBe(12 * offices.length);
  });

  it('adds nothing when run again', async () => {
    await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
    expect((await (await t.client('city')).consultation.cases.list.query({})).total).toBe(12 * offices.length);
    expect(logs.filter((l) => l.includes('demo consultation records')).at(-1)).toContain(`: 0 for 0 offices (${offices.length} had records already)`);
  });
});
