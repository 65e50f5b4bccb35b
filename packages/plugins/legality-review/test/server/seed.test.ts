/**
 * The demo seed makes legality reviews through the engine: 5 a year for every office of the tree
 * (the demo accounts' 西屯 and 三中街 step by step with the opinion issued, the others imported
 * whole), labelled 【示范】, submitted by bodies named after the office's township (never a
 * person), reviewed a few working days after receipt with the opinion issued, adoption recorded
 * weeks later; a second run adds nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chifengOrgTree, seedPlugins } from '@sifa/server';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createLegalityReviewPlugin } from '../../src/server/index.js';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const clock = { now: new Date('2026-11-20T10:00:00+08:00') };
const plugins = [createLegalityReviewPlugin()] as const;
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
  it('registers labelled submissions of the demo offices and reviews them through the engine', async () => {
    const xitun = await t.client('xitun');
    const { rows, total } = await xitun['legality-review'].cases.list.query({ limit: 50 });
    expect(total).toBe(5);
    for (const row of rows) {
      const file = await xitun['legality-review'].cases.get.query({ id: row.id });
      expect(String(file.fields.title)).toMatch(/^【示范】/);
      expect(String(file.fields.submitter)).toMatch(/^(西屯街道|东山|西营子|南沟|北井|前进|红旗|三家|五里|太平|新丰)/);
      const opinion = file.events.find((e) => e.transition === 'issue-opinion');
      if (opinion) {
        expect(opinion.documentId).toEqual(expect.any(String));
        expect(opinion.on > file.openedOn).toBe(true);
      }
    }
    const offices = orgCodes.filter((code) => code.length === 9);
    expect((await (await t.client('city'))['legality-review'].cases.list.query({})).total).toBe(5 * offices.length);
    expect(logs.some((l) => l.includes(`demo legality reviews: ${5 * offices.length} for ${offices.length} offices`))).toBe(true);
    // An office without a demo account: imported whole, the same steps, no documents.
    const zhenxing = await t.client('zhenxing');
    const imported = await zhenxing['legality-review'].cases.list.query({ limit: 50 });
    expect(imported.total).toBe(5);
    const file = await zhenxing['legality-review'].cases.get.query({ id: imported.rows[0]!.id });
    expect(String(file.fields.title)).toMatch(/^【示范】/);
    expect(file.events.every((e) => e.documentId === null)).toBe(true);
  });

  it('adds nothing when run again', async () => {
    await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
    expect((await (await t.client('city'))['legality-review'].cases.list.query({})).total).toBe(5 * orgCodes.filter((code) => code.length === 9).length);
  });
});
