/**
 * The legal-services map (数字法务地图) contract: what `<sifa-legal-map>` reads and what the
 * institutions plugin serves under `institutions.` (public reads through a publishable key,
 * scoped edits). Types only, so the map's element shell pulls no schema library into the page;
 * the plugin validates with zod and its tests check it serves exactly these types.
 */
import type { LocalizedText } from './locale.js';

/** Longitude, latitude in WGS-84 / CGCS2000 (identical at map scale). */
export type LngLat = [lng: number, lat: number];

/** A name in Chinese with an optional traditional-Mongolian form (and English for the en UI). */
export interface InstitutionName {
  zh: string;
  mn?: string | undefined;
  en?: string | undefined;
}

/** One entry of the configurable list of institution types. */
export interface InstitutionType {
  code: string;
  title: LocalizedText;
  /** Symbol colour on the map (CSS colour); the list shows the same colour. */
  color: string;
}

/** A service an institution offers (legal aid, notarisation, mediation …), configurable. */
export interface InstitutionService {
  code: string;
  title: LocalizedText;
}

/** Opening hours: the weekdays (1 = Monday … 7 = Sunday) and a time span, local time. */
export interface OpeningHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface InstitutionPhoto {
  url: string;
  alt: InstitutionName;
}

export interface Institution {
  id: string;
  type: string;
  name: InstitutionName;
  address: InstitutionName;
  phone: string | null;
  hours: OpeningHours[];
  /** Free-text note on hours (lunch break, holidays), shown under the hours. */
  hoursNote: InstitutionName | null;
  services: string[];
  position: LngLat;
  /** True for demo or geocoded positions that are only approximately right; the UI says so. */
  positionApproximate: boolean;
  photos: InstitutionPhoto[];
  /** The institution's VR tour (tours plugin), when it has one. */
  tourId: string | null;
  /** Owning org (the unit that maintains this entry) and its county, for filtering. */
  orgCode: string;
  countyCode: string | null;
  updatedAt: string;
}

/** Types and services as configured, for filters and labels. */
export interface InstitutionCatalog {
  types: InstitutionType[];
  services: InstitutionService[];
}

export interface InstitutionListInput {
  /** Only this org's subtree (within the caller's or key's scope). */
  orgCode?: string | undefined;
  types?: string[] | undefined;
  /** Matches name, address and service titles (any language). */
  q?: string | undefined;
}

/** One problem of an import: the row (1-based, header is row 1 in CSV; feature index + 1 in GeoJSON), the field and what is wrong. */
export interface ImportProblem {
  row: number;
  field: string;
  problem: string;
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  problems: ImportProblem[];
}

/** A GeoJSON FeatureCollection (RFC 7946) without depending on @types/geojson. */
export interface FeatureCollectionJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: string | number;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown>;
  }[];
}

/** The properties of an exported institution: every field but id and position (the feature's), plus the source system's key. */
export interface InstitutionFeatureProperties extends Omit<Institution, 'id' | 'position'> {
  externalId: string | null;
}

/** An institution as a GeoJSON point (what `institutions.exportGeoJson` writes and `institutions.import` reads back). */
export interface InstitutionFeature {
  type: 'Feature';
  /** The institution's id. */
  id: string;
  geometry: { type: 'Point'; coordinates: LngLat };
  properties: InstitutionFeatureProperties;
}

export interface InstitutionFeatureCollection {
  type: 'FeatureCollection';
  features: InstitutionFeature[];
}

/** Region outlines for the offline base map: the children of an org, with label points. */
export interface RegionCollection extends FeatureCollectionJson {
  features: {
    type: 'Feature';
    id?: string | number;
    /** Polygon: rings (outline first, then holes); MultiPolygon: a list of those. */
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: LngLat[][] | LngLat[][][] };
    properties: { code: string; name: InstitutionName; label: LngLat };
  }[];
}

/** The procedures widgets call (institutions plugin under `institutions.`, boundaries from the platform). */
export interface LegalMapApi {
  'institutions.catalog': { type: 'query'; input: undefined; output: InstitutionCatalog };
  'institutions.list': { type: 'query'; input: InstitutionListInput; output: Institution[] };
  'institutions.get': { type: 'query'; input: { id: string }; output: Institution };
  /** The same selection as `list` as GeoJSON points (id = institution id); `institutions.import` reads it back. */
  'institutions.exportGeoJson': { type: 'query'; input: InstitutionListInput; output: InstitutionFeatureCollection };
  'platform.org.boundaries': { type: 'query'; input: { parentCode?: string | undefined }; output: RegionCollection };
}
