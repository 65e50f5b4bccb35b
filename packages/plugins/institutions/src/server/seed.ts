/**
 * DEMO institutions for the demo org tree (`sifa seed`): one judicial office (司法所) per
 * township-level office of the tree (197 in Chifeng), and per county a public legal-service
 * centre and a legal-aid centre. Everything here is invented and says so:
 * - positions are deterministic pseudo-random points INSIDE the real county polygon (seeded by
 *   the org code), not the office's address: `positionApproximate: true`, and the UI says so;
 * - addresses read "（演示地址）";
 * - phone numbers are 0476-1xxxxxx: Chifeng's area code with a subscriber number starting
 *   with 1, which Chinese numbering never assigns to a landline (1 leads special services), so
 *   no demo number can ring anyone.
 * Idempotent: each row has the external id `demo:<org code>:<type>`; existing ones are kept.
 */
import type { LngLat, OrgNode, PluginSeedContext } from '@sifa/core';
import type { OpeningHours } from '../schemas.js';
import type { InstitutionCatalog } from '../types.js';
import { boundsOf, countyBoundaries, pointInGeometry, type RegionBoundary } from '@sifa/server';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { institutions, type NewInstitutionRow } from './schema.js';
import { searchTextOf } from './records.js';

/** FNV-1a of the text: the seed of an org's pseudo-random placement. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A point inside the region, the same for the same key every time: uniform tries in the bounding
 * box (near `around` when given) until one lies in the polygon; the label point as a last resort.
 */
export function demoPointIn(region: RegionBoundary, key: string, around?: { center: LngLat; radius: number }): LngLat {
  const random = generator(hash32(key));
  const [minX, minY, maxX, maxY] = boundsOf(region.geometry);
  for (let i = 0; i < 2000; i++) {
    const point: LngLat = around
      ? [round6(around.center[0] + (random() * 2 - 1) * around.radius), round6(around.center[1] + (random() * 2 - 1) * around.radius)]
      : [round6(minX + random() * (maxX - minX)), round6(minY + random() * (maxY - minY))];
    if (pointInGeometry(point, region.geometry)) return point;
  }
  return region.label;
}

const workdays: OpeningHours[] = [
  { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
  { days: [1, 2, 3, 4, 5], opens: '14:30', closes: '17:30' },
];
const hoursNote = { zh: '演示数据：法定节假日休息，以实际公告为准。', en: 'Demo data: closed on public holidays; check the actual notice.' };

const demoServices: Record<string, string[]> = {
  'judicial-office': ['mediation', 'consultation', 'legal-aid', 'community-correction', 'law-education', 'reconsideration-forwarding'],
  'legal-service-centre': ['consultation', 'legal-aid', 'mediation', 'notarisation', 'lawyer-services', 'law-education'],
  'legal-aid-centre': ['legal-aid', 'consultation'],
};

/** What the tours plugin's demo seed hands on (when installed and seeded first): each office's tour. */
const demoToursSchema = z.object({ toursByOrg: z.record(z.string(), z.string()) });

export async function seedDemoInstitutions(ctx: PluginSeedContext, catalog: InstitutionCatalog): Promise<void> {
  const types = new Set(catalog.types.map((t) => t.code));
  const services = new Set(catalog.services.map((s) => s.code));
  const boundaries = await countyBoundaries();
  const counties = ctx.orgCodes.filter((code) => boundaries.has(code));
  if (!counties.length) {
    ctx.log('no county of the demo tree has a polygon: no demo institutions');
    return;
  }
  const root = ctx.orgCodes[0]!;
  const inserted = await ctx.runScoped(root, async ({ db, orgs, audit }) => {
    const now = ctx.now();
    let phone = 0;
    const rows: NewInstitutionRow[] = [];
    const add = (org: OrgNode, type: string, name: string, address: string, position: LngLat) => {
      if (!types.has(type)) return;
      phone++;
      const fields = { name: { zh: name }, address: { zh: `${address}（演示地址）` } };
      rows.push({
        orgCode: org.code,
        orgPath: org.path,
        externalId: `demo:${org.code}:${type}`,
        type,
        ...fields,
        phone: `0476-1${String(phone).padStart(6, '0')}`,
        hours: workdays,
        hoursNote,
        services: (demoServices[type] ?? []).filter((s) => services.has(s)),
        lng: position[0],
        lat: position[1],
        positionApproximate: true,
        photos: [],
        tourId: null,
        searchText: searchTextOf(fields),
        createdAt: now,
        updatedAt: now,
      });
    };
    for (const code of counties) {
      const county = await orgs.get(code);
      const region = boundaries.get(code)!;
      const countyName = county.name.zh;
      const seat = { center: region.label, radius: 0.02 };
      add(county, 'legal-service-centre', `${countyName}公共法律服务中心`, `赤峰市${countyName}`, demoPointIn(region, `${code}:legal-service-centre`, seat));
      add(county, 'legal-aid-centre', `${countyName}法律援助中心`, `赤峰市${countyName}`, demoPointIn(region, `${code}:legal-aid-centre`, seat));
      for (const office of await orgs.children(code)) {
        if (office.level !== 'office') continue;
        const township = office.name.zh.replace(/司法所$/, '');
        add(office, 'judicial-office', `${countyName}${office.name.zh}`, `赤峰市${countyName}${township}`, demoPointIn(region, `${office.code}:judicial-office`));
      }
    }
    let count = 0;
    for (let i = 0; i < rows.length; i += 500) {
      count += (await db.insert(institutions).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: institutions.externalId }).returning({ id: institutions.id })).length;
    }
    if (count) await audit.record({ action: 'institutions.seed', orgCode: root, entity: 'institutions', after: { demo: count } });
    // Offices with a demo VR tour link to it (also when the tours were seeded after these rows).
    const tours = demoToursSchema.safeParse(ctx.seeded('tours'));
    let linked = 0;
    for (const [orgCode, tourId] of Object.entries(tours.success ? tours.data.toursByOrg : {})) {
      const externalId = `demo:${orgCode}:judicial-office`;
      linked += (
        await db
          .update(institutions)
          .set({ tourId })
          .where(and(eq(institutions.externalId, externalId), isNull(institutions.tourId)))
          .returning({ id: institutions.id })
      ).length;
    }
    if (linked) ctx.log(`${linked} demo offices linked to their VR tours`);
    return count;
  });
  ctx.log(`${inserted} demo institutions added (positions approximate, phone numbers fictitious)`);
}
