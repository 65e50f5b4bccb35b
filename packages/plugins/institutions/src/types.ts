/**
 * The legal-services map's (数字法务地图) domain types: what the service returns and what
 * `<sifa-legal-map>` renders (it imports them with `import type`, so no zod reaches the page).
 * Declared once here; the inputs, opening hours and the configurable types and services are the
 * zod schemas' own types (schemas.ts), and the procedure map is inferred from the router
 * (`InstitutionsApi`, index.ts). Region outlines are platform data (`RegionCollection`, @sifa/core).
 */
import type { LngLat } from '@sifa/core';
import type { InstitutionService, InstitutionType, OpeningHours } from './schemas.js';

/** A name in Chinese with an optional traditional-Mongolian form (and English for the en UI). */
export interface InstitutionName {
  zh: string;
  mn?: string | undefined;
  en?: string | undefined;
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

/** A GeoJSON FeatureCollection (RFC 7946) of institutions. */
export interface InstitutionFeatureCollection {
  type: 'FeatureCollection';
  features: InstitutionFeature[];
}
