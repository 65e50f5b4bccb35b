/** Between stored rows, validated fields and what clients get (Institution, GeoJSON feature). */
import { codesOfPath, type OrgNode } from '@sifa/core';
import type { Institution, InstitutionFeature, InstitutionName } from '../types.js';
import type { InstitutionFields } from '../schemas.js';
import type { InstitutionRow, NewInstitutionRow } from './schema.js';

/** The county (6-digit code) on an org path, or null above county level. */
export function countyCodeOf(orgPath: string): string | null {
  return codesOfPath(orgPath).find((c) => c.length === 6) ?? null;
}

/** Lower-cased names and addresses in every language, what `q` searches besides services. */
export function searchTextOf(fields: { name: InstitutionName; address: InstitutionName }): string {
  return [fields.name.zh, fields.name.mn, fields.name.en, fields.address.zh, fields.address.mn, fields.address.en]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** Stored form of validated fields (for insert and update; the org comes from the org directory). */
export function rowValuesOf(fields: InstitutionFields, org: OrgNode, now: Date): Omit<NewInstitutionRow, 'id' | 'createdAt'> {
  return {
    orgCode: org.code,
    orgPath: org.path,
    externalId: fields.externalId,
    type: fields.type,
    name: fields.name,
    address: fields.address,
    phone: fields.phone,
    hours: fields.hours,
    hoursNote: fields.hoursNote,
    services: fields.services,
    lng: fields.position[0],
    lat: fields.position[1],
    positionApproximate: fields.positionApproximate,
    photos: fields.photos,
    tourId: fields.tourId,
    searchText: searchTextOf(fields),
    updatedAt: now,
  };
}

export function toInstitution(row: InstitutionRow): Institution {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    address: row.address,
    phone: row.phone,
    hours: row.hours,
    hoursNote: row.hoursNote,
    services: row.services,
    position: [row.lng, row.lat],
    positionApproximate: row.positionApproximate,
    photos: row.photos,
    tourId: row.tourId,
    orgCode: row.orgCode,
    countyCode: countyCodeOf(row.orgPath),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An institution as a GeoJSON feature: what the export writes and the import reads back. */
export function toFeature(row: InstitutionRow): InstitutionFeature {
  const { id, position, ...rest } = toInstitution(row);
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: position }, properties: { ...rest, externalId: row.externalId } };
}

