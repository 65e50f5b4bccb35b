/**
 * `platform.org.boundaries`: the counties of the city with polygons and label points (public
 * reference data, no key needed), empty for a county's children, NOT_FOUND for an unknown code;
 * and the simplified boundary file keeps neighbouring counties' shared borders identical.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiOf, LngLat, OrgBoundariesApi } from '@sifa/core';
import { countyBoundaries, pointInGeometry, type PlatformRouter } from '@sifa/server';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '../src/app-router.js';

let t: TestServer<AppRouterOf<[]>>;

beforeAll(async () => {
  t = await startTestServer({ seedUsers: false });
});
afterAll(() => t?.close());

describe('platform.org.boundaries', () => {
  it('serves exactly the OrgBoundariesApi type the map widgets call it with', () => {
    expectTypeOf<ApiOf<PlatformRouter, 'platform'>['platform.org.boundaries']>().toEqualTypeOf<OrgBoundariesApi['platform.org.boundaries']>();
  });

  it("returns the city's 12 counties with codes, names, polygons and label points inside them", async () => {
    const anonymous = await t.client();
    const regions = await anonymous.platform.org.boundaries.query({});
    expect(regions.type).toBe('FeatureCollection');
    expect(regions.features.map((f) => f.properties.code)).toEqual([
      '150402', '150403', '150404', '150421', '150422', '150423', '150424', '150425', '150426', '150428', '150429', '150430',
    ]);
    const hongshan = regions.features[0]!;
    expect(hongshan).toMatchObject({ type: 'Feature', id: '150402', properties: { code: '150402', name: { zh: '红山区' } }, geometry: { type: 'Polygon' } });
    for (const f of regions.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(pointInGeometry(f.properties.label, f.geometry as never), f.properties.code).toBe(true);
    }
    expect(await anonymous.platform.org.boundaries.query({ parentCode: '1504' })).toEqual(regions);
  });

  it('returns an empty collection for a county (townships have no polygons) and NOT_FOUND for an unknown code', async () => {
    const anonymous = await t.client();
    expect(await anonymous.platform.org.boundaries.query({ parentCode: '150402' })).toEqual({ type: 'FeatureCollection', features: [] });
    expect((await sifaErrorOf(anonymous.platform.org.boundaries.query({ parentCode: '150499' }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(anonymous.platform.org.boundaries.query({ parentCode: 'x' }))).data.sifaCode).toBe('VALIDATION_FAILED');
  });

  it('keeps shared borders consistent after simplification: an edge between two vertices of a neighbour is an edge of it too', async () => {
    const boundaries = [...(await countyBoundaries()).values()];
    const rings = boundaries.map((b) => (b.geometry.type === 'Polygon' ? [b.geometry.coordinates as LngLat[][]] : (b.geometry.coordinates as LngLat[][][])).flat());
    const key = ([x, y]: LngLat) => `${x},${y}`;
    const vertices = rings.map((rs) => new Set(rs.flat().map(key)));
    const edges = rings.map((rs) => new Set(rs.flatMap((ring) => ring.slice(1).flatMap((p, i) => [`${key(ring[i]!)}>${key(p)}`, `${key(p)}>${key(ring[i]!)}`]))));
    let shared = 0;
    rings.forEach((rs, a) =>
      rings.forEach((_, b) => {
        if (a === b) return;
        for (const ring of rs) {
          for (let i = 0; i + 1 < ring.length; i++) {
            if (!vertices[b]!.has(key(ring[i]!)) || !vertices[b]!.has(key(ring[i + 1]!))) continue;
            shared++;
            expect(edges[b]!.has(`${key(ring[i]!)}>${key(ring[i + 1]!)}`), `${boundaries[a]!.code}/${boundaries[b]!.code} at ${key(ring[i]!)}`).toBe(true);
          }
        }
      }),
    );
    expect(shared).toBeGreaterThan(1000);
    // Every coordinate is rounded to 3 decimals.
    for (const rs of rings) for (const [x, y] of rs.flat()) expect([x, y]).toEqual([Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  });
});
