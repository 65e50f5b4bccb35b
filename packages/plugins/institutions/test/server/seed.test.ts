/**
 * The demo seed: one judicial office per township-level office of the demo tree, placed inside
 * its real county polygon, plus each county's legal-service and legal-aid centres; all marked
 * approximate with fictitious phone numbers; seeding twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chifengOrgTree, countyBoundaries, pointInGeometry, seedPlugins, type AppRouterOf } from '@sifa/server';
import type { Institution } from '../../src/index.js';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { createInstitutionsPlugin } from '../../src/server/index.js';
import { startTestServer, type TestServer } from '@sifa/server/testing';

// The whole city's demo is seeded, in the setup and again in a test: minutes on a busy machine, not a hang.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const plugins = [createInstitutionsPlugin()] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
let orgCodes: string[];
let seeded: Institution[];

beforeAll(async () => {
  t = await startTestServer({ plugins, seedUsers: true });
  orgCodes = (await chifengOrgTree()).map((o) => o.code);
  await seedPlugins(t.server, orgCodes);
  seeded = await t.publicClient(await t.publishableKey('1504')).institutions.list.query({});
});
afterAll(() => t?.close());

describe('demo seed', () => {
  it('gives every township-level office a judicial office and every county two centres', async () => {
    const offices = (await chifengOrgTree()).filter((o) => o.level === 'office');
    expect(offices).toHaveLength(197);
    const judicial = seeded.filter((i) => i.type === 'judicial-office');
    expect(judicial.map((i) => i.orgCode).sort()).toEqual(offices.map((o) => o.code).sort());
    expect(judicial.find((i) => i.orgCode === '150402001')!.name.zh).toBe('红山区西屯街道司法所');
    const centres = seeded.filter((i) => i.type !== 'judicial-office');
    expect(centres).toHaveLength(24);
    expect(centres.find((i) => i.orgCode === '150402' && i.type === 'legal-aid-centre')!.name.zh).toBe('红山区法律援助中心');
    expect(new Set(centres.map((i) => `${i.orgCode}:${i.type}`)).size).toBe(24);
  });

  it('places every point inside its own county polygon, marked approximate, with fictitious phones', async () => {
    const boundaries = await countyBoundaries();
    for (const i of seeded) {
      expect(i.countyCode, i.name.zh).not.toBeNull();
      const county = boundaries.get(i.countyCode!)!;
      expect(pointInGeometry(i.position, county.geometry), `${i.name.zh} ${i.position.join(',')}`).toBe(true);
      for (const [code, other] of boundaries) if (code !== i.countyCode) expect(pointInGeometry(i.position, other.geometry), `${i.name.zh} also in ${code}`).toBe(false);
      expect(i.positionApproximate).toBe(true);
      expect(i.phone).toMatch(/^0476-1\d{6}$/);
      expect(i.address.zh).toContain('演示地址');
    }
    expect(new Set(seeded.map((i) => i.phone)).size).toBe(seeded.length);
  });

  it('is deterministic and idempotent', async () => {
    await seedPlugins(t.server, orgCodes);
    const again = await t.publicClient(await t.publishableKey('1504')).institutions.list.query({});
    expect(again).toEqual(seeded);
  });
});

describe('demo seed after the tours plugin', () => {
  it("links each office that has a demo VR tour to it, through the tours seed's exports", async () => {
    const withTours = [createToursPlugin({ demo: { panoramaWidth: 1024 } }), createInstitutionsPlugin()] as const;
    const s = await startTestServer({ plugins: withTours });
    try {
      await seedPlugins(s.server, orgCodes);
      const client = s.publicClient(await s.publishableKey('150402'));
      const officeTours = (await client.tours.list.query({})).filter((tour) => tour.kind === 'office');
      expect(officeTours.length).toBeGreaterThan(0);
      const institutions = await client.institutions.list.query({ types: ['judicial-office'] });
      for (const tour of officeTours) expect(institutions.find((i) => i.orgCode === tour.orgCode)?.tourId).toBe(tour.id);
      expect(institutions.filter((i) => i.tourId !== null)).toHaveLength(officeTours.length);
    } finally {
      await s.close();
    }
  });
});
