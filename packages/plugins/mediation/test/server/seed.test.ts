/**
 * The demo seed as `sifa seed` runs it (diary first, then mediation), on both engines: a year of
 * labelled demo cases per demo office through the engine, some overdue and some awaiting judicial
 * confirmation; the diary types no mediation counts when the mediation plugin is installed, so
 * the diary's mediation figures are the case files'; a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, type CaseParty } from '@sifa/core';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { chifengOrgTree, seedPlugins } from '@sifa/server';
import { startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import { createMediationPlugin } from '../../src/server/index.js';
import { demoIdNumber, plannedDemoCases } from '../../src/server/seed.js';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const today = '2026-06-15';
const clock = { now: new Date('2026-06-15T02:00:00Z') };
// The two offices with demo accounts (busy) and one more (a quieter year).
const plugins = [createDiaryPlugin(), createMediationPlugin({ demo: { offices: ['150402001', '150402002', '150404001'] } })] as const;
let t: TestServerOf<typeof plugins>;
const orgCodes = ['15', '1504', '150402', '150402001', '150402002', '150404', '150404001'];
const logs: string[] = [];

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  await seedPlugins(t.server, orgCodes, (line) => logs.push(line));
}, 300_000);
afterAll(() => t?.close());

const client = (user: 'city' | 'hongshan' | 'xitun' | 'sanzhongjie' | 'zhenxing') => t.client(user, { locale: 'en' });

describe('demo mediation cases', () => {
  it('gives each demo office a year of cases: busy for the offices with demo accounts', async () => {
    const totals: Record<string, number> = {};
    for (const user of ['xitun', 'sanzhongjie', 'zhenxing'] as const) totals[user] = (await (await client(user)).mediation.cases.list.query({ limit: 1 })).total;
    expect(totals.xitun).toBeGreaterThanOrEqual(12);
    expect(totals.xitun).toBeLessThanOrEqual(18);
    expect(totals.sanzhongjie).toBeGreaterThanOrEqual(12);
    expect(totals.zhenxing).toBeGreaterThanOrEqual(5);
    expect(totals.zhenxing).toBeLessThanOrEqual(12);
    expect(logs.some((l) => /\[mediation\] demo mediation cases: \d+ for 3 offices/.test(l))).toBe(true);
  });

  it('spreads them over the 12 months up to today, with every ending and open cases', async () => {
    const xitun = await client('xitun');
    const { rows } = await xitun.mediation.cases.list.query({ limit: 200 });
    const opened = rows.map((r) => r.openedOn).sort();
    expect(opened[0]! >= addDays(today, -365)).toBe(true);
    expect(opened.at(-1)! <= today).toBe(true);
    expect(new Set(opened.map((d) => d.slice(0, 7))).size).toBeGreaterThanOrEqual(7);
    const states = new Set(rows.map((r) => r.state));
    for (const state of ['closed', 'failed']) expect(states, state).toContain(state);
    expect(rows.some((r) => !r.closed)).toBe(true);
  });

  it('leaves some past the mediation period and some agreements within their 30 days for confirmation, in every busy office', async () => {
    for (const user of ['xitun', 'sanzhongjie'] as const) {
      const c = await client(user);
      expect((await c.mediation.cases.list.query({ status: 'overdue', limit: 1 })).total, user).toBeGreaterThanOrEqual(1);
      const { rows } = await c.mediation.cases.list.query({ state: ['effective'], limit: 200 });
      expect(rows.filter((r) => r.nextDeadline?.code === 'judicial-confirmation' && r.nextDeadline.state !== 'overdue').length, user).toBeGreaterThanOrEqual(1);
    }
  });

  it('labels every case demo: 演示 parties with clearly fake, well-formed ID numbers, 【示范】 facts', async () => {
    const xitun = await client('xitun');
    const { rows } = await xitun.mediation.cases.list.query({ limit: 5 });
    for (const row of rows) {
      const file = await xitun.mediation.cases.get.query({ id: row.id });
      expect(String(file.fields.facts)).toMatch(/^【示范】/);
      expect(String(file.fields.committee)).toBe('西屯街道人民调解委员会');
      for (const p of file.fields.parties as CaseParty[]) {
        expect(p.name).toMatch(/^演示当事人/);
        expect(p.idNumber).toMatch(/^150402\d{8}000[\dX]$/);
        expect(demoIdNumber('150402', `${p.idNumber!.slice(6, 10)}-${p.idNumber!.slice(10, 12)}-${p.idNumber!.slice(12, 14)}`)).toBe(p.idNumber);
        expect(p.phone).toMatch(/^1380000\d{4}$/);
        expect(p.address).toContain('演示社区');
      }
    }
  });

  it('leaves the diary’s mediation counts to the case files: no typed mediation entries, the same figures', async () => {
    const from = addDays(today, -365);
    const city = await client('city');
    const facts = await city.platform.facts.query.query({ metrics: ['mediation.cases', 'diary.mediation-cases', 'mediation.agreements', 'diary.mediation-agreements', 'mediation.parties', 'diary.mediation-parties', 'diary.entries'], from, to: today });
    const value = (m: string) => facts.rows.find((r) => r.metric === m)?.value ?? 0;
    expect(value('mediation.cases')).toBeGreaterThan(25);
    expect(value('diary.mediation-cases')).toBe(value('mediation.cases'));
    expect(value('diary.mediation-agreements')).toBe(value('mediation.agreements'));
    expect(value('diary.mediation-parties')).toBe(value('mediation.parties'));
    // The diary's own demo history is there, without its mediation item.
    expect(value('diary.entries')).toBeGreaterThan(0);
    const sources = await t.server.runScoped(wholeRegionReader, (scoped) => scoped.facts.sources({ metrics: ['diary.mediation-cases'], from, to: today, limit: 1000 }));
    expect(sources.rows.length).toBeGreaterThan(0);
    expect(sources.rows.every((r) => r.source.kind === 'mediation.case')).toBe(true);
  });

  it('takes the demo accounts\' offices step by step (documents issued) and imports the others whole', async () => {
    const documentsOf = async (user: 'xitun' | 'zhenxing') => {
      const c = await client(user);
      const { rows } = await c.mediation.cases.list.query({ state: ['closed'], limit: 200 });
      const files = await Promise.all(rows.map((r) => c.mediation.cases.get.query({ id: r.id })));
      return { closed: files.length, documents: files.flatMap((f) => f.events).filter((e) => e.documentId !== null).length };
    };
    const xitun = await documentsOf('xitun');
    expect(xitun.documents).toBeGreaterThan(0);
    const zhenxing = await documentsOf('zhenxing');
    expect(zhenxing.closed).toBeGreaterThan(0);
    expect(zhenxing.documents).toBe(0);
  });

  it('adds nothing when run again', async () => {
    const before = (await (await client('city')).mediation.cases.list.query({ limit: 1 })).total;
    await seedPlugins(t.server, orgCodes, (line) => logs.push(line));
    expect((await (await client('city')).mediation.cases.list.query({ limit: 1 })).total).toBe(before);
    expect(logs.filter((l) => l.startsWith('[mediation] demo mediation cases')).at(-1)).toMatch(/: 0 for 0 offices \(3 had cases already\)/);
  }, 120_000);
});

describe('the demo plan', () => {
  it('is the same for an office and a day wherever it runs', async () => {
    const plan = () => t.server.runScoped(wholeRegionReader, async (scoped) => plannedDemoCases(scoped.calendar, { code: '150402001', township: '西屯街道', busy: true }, today));
    const [a, b] = [await plan(), await plan()];
    expect(a).toEqual(b);
    expect(a.map((c) => c.path)).toEqual(expect.arrayContaining(['written', 'stalled']));
  });

  it('spreads the city\'s registrations evenly over the months (no month twice as busy as the others)', async () => {
    const offices = (await chifengOrgTree()).filter((o) => o.code.length === 9);
    const byMonth = new Map<string, number>();
    await t.server.runScoped(wholeRegionReader, async (scoped) => {
      for (const o of offices) {
        for (const c of plannedDemoCases(scoped.calendar, { code: o.code, township: o.nameZh, busy: false }, today)) byMonth.set(c.openedOn.slice(0, 7), (byMonth.get(c.openedOn.slice(0, 7)) ?? 0) + 1);
      }
    });
    // Whole months only (the current one has just begun).
    const counts = [...byMonth.entries()].filter(([m]) => m < today.slice(0, 7)).map(([, n]) => n).sort((x, y) => x - y);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(counts.at(-1)! / median).toBeLessThan(1.6);
  });
});
