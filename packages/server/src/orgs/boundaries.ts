/**
 * Region outlines for the offline base map (`platform.org.boundaries`): the polygons of
 * Chifeng's 12 county-level divisions (data/chifeng-counties.geojson, simplified, see
 * data/README.md), read once. Townships have no polygons here, so the children of a county
 * come back as an empty collection. Also the plain geometry the demo seeds use to place
 * points inside a county.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import type { LngLat, RegionCollection, RegionFeature, SifaDb } from '@sifa/core';
import { orgs } from '../db/schema.js';

export type RegionGeometry = RegionFeature['geometry'];
/** Rings of [lng, lat]; the first is the outline, the others holes. */
type Polygon = LngLat[][];

export interface RegionBoundary {
  code: string;
  name: string;
  geometry: RegionGeometry;
  /** A point inside the region for its label (the published centre when it lies inside). */
  label: LngLat;
}

const boundariesFile = fileURLToPath(new URL('../../data/chifeng-counties.geojson', import.meta.url));

let loaded: Promise<ReadonlyMap<string, RegionBoundary>> | null = null;

/** The county-level divisions with polygons, by code (read from disk on first use). */
export function countyBoundaries(): Promise<ReadonlyMap<string, RegionBoundary>> {
  loaded ??= readFile(boundariesFile, 'utf8').then((text) => {
    const collection = JSON.parse(text) as {
      features: { properties: { code: string; name: string; center?: LngLat }; geometry: RegionGeometry }[];
    };
    const byCode = new Map<string, RegionBoundary>();
    for (const f of collection.features) {
      const { code, name, center } = f.properties;
      byCode.set(code, { code, name, geometry: f.geometry, label: center && pointInGeometry(center, f.geometry) ? center : interiorPoint(f.geometry) });
    }
    return byCode;
  });
  return loaded;
}

function polygonsOf(geometry: RegionGeometry): Polygon[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as Polygon] : (geometry.coordinates as Polygon[]);
}

function inRing([x, y]: LngLat, ring: LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when `point` lies inside the (multi)polygon: in an outline and in none of its holes. */
export function pointInGeometry(point: LngLat, geometry: RegionGeometry): boolean {
  return polygonsOf(geometry).some(([outline, ...holes]) => !!outline && inRing(point, outline) && !holes.some((h) => inRing(point, h)));
}

/** [minLng, minLat, maxLng, maxLat] of the geometry. */
export function boundsOf(geometry: RegionGeometry): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The middle of the widest inside stretch of the horizontal line through the middle of the bounds. */
function interiorPoint(geometry: RegionGeometry): LngLat {
  const [minX, minY, maxX, maxY] = boundsOf(geometry);
  const y = (minY + maxY) / 2 + (maxY - minY) * 1e-6;
  const xs: number[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best: LngLat = [(minX + maxX) / 2, y];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > widest) {
      widest = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

/** The children of `parentCode` that have polygons, in code order (an empty collection when none do). */
export async function regionBoundaries(db: SifaDb, parentCode: string): Promise<RegionCollection> {
  const children = await db.select().from(orgs).where(eq(orgs.parentCode, parentCode)).orderBy(asc(orgs.code));
  const boundaries = await countyBoundaries();
  const features: RegionFeature[] = [];
  for (const child of children) {
    const boundary = boundaries.get(child.code);
    if (!boundary) continue;
    const name: RegionFeature['properties']['name'] = { zh: child.nameZh, mn: child.nameMn ?? undefined, en: child.nameEn ?? undefined };
    features.push({ type: 'Feature', id: child.code, geometry: boundary.geometry, properties: { code: child.code, name, label: boundary.label } });
  }
  return { type: 'FeatureCollection', features };
}
