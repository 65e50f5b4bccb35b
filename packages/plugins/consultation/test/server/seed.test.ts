/**
 * The demo seed makes consultation records through the engine, as staff would: a plausible year
 * (the 12 months up to yesterday) for the demo offices (西屯, 三中街), labelled demo (【示范】,
 * 某某（示范）, 1380000 numbers), in every state, with their steps on later days, their record
 * sheets and their facts; a second run adds nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chifengOrgTree, seedPlugins } from '@sifa/server';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createConsultationPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-11-20T10:00:00+08:00') };
const plugins = [createConsultationPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const logs: string[] = [];
let orgCodes: string[];

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  orgCodes = (await chifengOrgTree()).map((o) => o.code);
  await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
}, 300_000);
afterAll(() => t?.close());

describe('the demo seed', () => {
  it('records a year of consultations for each demo office, labelled demo, through the engine', async () => {
    const city = await t.client('city');
    const all = await city.consultation.cases.list.query({ limit: 200 });
    expect(all.total).toBe(24);
    const offices = all.rows.map((r) => r.orgCode);
    expect([...new Set(offices)].sort()).toEqual(['150402001', '150402002']);
    expect(offices.filter((o) => o === '150402001')).toHaveLength(12);
    for (const row of all.rows) {
      expect(row.openedOn >= '2025-11-20' && row.openedOn <= '2026-11-19', row.openedOn).toBe(true);
    }
    const states = new Set(all.rows.map((r) => r.state));
    expect([...states].sort()).toEqual(expect.arrayContaining(['closed', 'referred']));
    expect(logs.some((l) => l.includes('demo consultation records: 24 for 2 offices'))).toBe(true);
  });

  it('gives each record a labelled question, demo people, its steps in order and the record sheet when closed', async () => {
    const xitun = await t.client('xitun');
    const { rows } = await xitun.consultation.cases.list.query({ limit: 50 });
    for (const row of rows) {
      const file = await xitun.consultation.cases.get.query({ id: row.id });
      expect(String(file.fields.question)).toMatch(/^【示范】/);
      for (const p of (file.fields.person ?? []) as { name: string; phone: string }[]) {
        expect(p.name).toMatch(/某某（示范）$/);
        expect(p.phone).toMatch(/^1380000\d{4}$/);
      }
      const days = file.events.map((e) => e.on);
      expect(days).toEqual([...days].sort());
      if (file.state === 'closed' || file.state === 'followed-up') expect(file.events.at(-1)!.documentId).toEqual(expect.any(String));
    }
  });

  it('records the facts of every record', async () => {
    const facts = await (await t.client('city')).platform.facts.query.query({ metrics: ['consultation.records'], from: '2025-11-20', to: '2026-11-19' });
    expect(facts.rows[0]?.value).toBe(24);
  });

  it('adds nothing when run again', async () => {
    await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
    expect((await (await t.client('city')).consultation.cases.list.query({})).total).toBe(24);
    expect(logs.at(-2)).toContain('24 already there, none added');
  });
});
