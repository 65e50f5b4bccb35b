/**
 * Org boundaries as platform data: the outlines of an org's children for offline base maps
 * (the legal-services map, the dashboard's county map), served by the public
 * `platform.org.boundaries`. The input schema is the one the platform validates with.
 */
import { z } from 'zod';
import { orgCodeSchema, type OrgNode } from './org.js';

/** Longitude, latitude in WGS-84 / CGCS2000 (identical at map scale). */
export type LngLat = [lng: number, lat: number];

/** Input of `platform.org.boundaries`: whose children to outline (default: the city's counties). */
export const orgBoundariesInputSchema = z.object({ parentCode: orgCodeSchema.optional() });
export type OrgBoundariesInput = z.input<typeof orgBoundariesInputSchema>;

/** One region: its outline, and a point inside it for the label. */
export interface RegionFeature {
  type: 'Feature';
  id?: string | number;
  /** Polygon: rings (outline first, then holes); MultiPolygon: a list of those. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: LngLat[][] | LngLat[][][] };
  properties: { code: string; name: OrgNode['name']; label: LngLat };
}

/** Region outlines of an org's children (a GeoJSON FeatureCollection, RFC 7946). */
export interface RegionCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

/** The platform procedure map widgets call for outlines (beside their plugin's API). */
export interface OrgBoundariesApi {
  'platform.org.boundaries': { type: 'query'; input: OrgBoundariesInput; output: RegionCollection };
}
