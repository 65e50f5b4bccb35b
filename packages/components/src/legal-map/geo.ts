/**
 * Coordinates at the edges of the map: data is WGS-84 (CGCS2000, the same at map scale); a base
 * map drawn in GCJ-02 (Amap, Tencent, most Chinese tiles) or BD-09 (Baidu) needs every point
 * shifted before display and every click shifted back. Navigation links speak each app's own
 * system: Amap GCJ-02, Baidu BD-09, Tianditu WGS-84. Distances are great-circle (haversine).
 */
import gcoordModule from 'gcoord';
import type { LngLat } from '@sifa/core';

// gcoord's types are CommonJS (no "type": "module"), so TypeScript sees its default export one
// level down; bundlers load its ES build, where the default export is the API itself.
const gcoord = ((gcoordModule as unknown as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

/** Coordinate reference systems a base map may be drawn in. */
export const mapCrsList = ['wgs84', 'gcj02', 'bd09'] as const;
export type MapCrs = (typeof mapCrsList)[number];

const gcoordCrs = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** `point` (WGS-84) as drawn on a base map in `crs`. */
export function toMapCrs(point: LngLat, crs: MapCrs): LngLat {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point[0], point[1]], gcoord.WGS84, gcoordCrs[crs]);
  return [lng, lat];
}

/** A point of a base map in `crs` (e.g. a click) back in WGS-84. */
export function fromMapCrs(point: LngLat, crs: MapCrs): LngLat {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point[0], point[1]], gcoordCrs[crs], gcoord.WGS84);
  return [lng, lat];
}

/** True for a CRS name the element understands (attribute values are checked with it). */
export const isMapCrs = (value: string | null | undefined): value is MapCrs => (mapCrsList as readonly string[]).includes(value ?? '');

const earthRadiusKm = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres between two WGS-84 points. */
export function haversineKm(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NavigationLinks {
  amap: string;
  baidu: string;
  tianditu: string;
}

const fixed = (n: number) => n.toFixed(6);

/**
 * Links that open navigation to `position` (WGS-84) in each app's web/URI API, with the
 * coordinates converted to the system that app expects and the place's name as the label.
 */
export function navigationLinks(position: LngLat, name: string): NavigationLinks {
  const [gLng, gLat] = toMapCrs(position, 'gcj02');
  const [bLng, bLat] = toMapCrs(position, 'bd09');
  const label = encodeURIComponent(name);
  return {
    amap: `https://uri.amap.com/marker?position=${fixed(gLng)},${fixed(gLat)}&name=${label}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed(bLat)},${fixed(bLng)}&title=${label}&content=${label}&coord_type=bd09ll&output=html&src=webapp.sifa.legalmap`,
    tianditu: `https://map.tianditu.gov.cn/?lng=${fixed(position[0])}&lat=${fixed(position[1])}&zoom=16&title=${label}`,
  };
}
