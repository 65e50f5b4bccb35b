/**
 * The CSV format of institution imports (one header row, UTF-8, BOM allowed, RFC 4180 quoting):
 *
 *   id,external_id,type,name_zh,name_mn,name_en,address_zh,address_mn,address_en,phone,hours,
 *   hours_note_zh,hours_note_mn,hours_note_en,services,lng,lat,position_approximate,photos,
 *   tour_id,org_code
 *
 * Required columns: type, name_zh, address_zh, lng, lat; all others may be left out.
 * - id: the institution's UUID (as exported); a row with an id updates that institution when it is
 *   in the caller's area; otherwise the row adds a new institution with a fresh id.
 * - external_id: the key in the source system; a re-import with the same key updates instead of
 *   adding a duplicate.
 * - type: a type code (`judicial-office`) or its Chinese or English title (`司法所`).
 * - services: codes or titles separated by `;` (`consultation;人民调解`).
 * - hours: `days opens-closes` groups separated by `;`, days as `1-5`, `1,3,5` or `6-7`
 *   (1 = Monday): `1-5 08:30-12:00; 1-5 14:30-17:30`.
 * - lng, lat: decimal degrees, WGS-84 / CGCS2000, inside China.
 * - position_approximate: true/false, 1/0, yes/no, 是/否 (empty = false).
 * - photos: `url|alt text` items separated by `;`.
 * - org_code: the owning unit (official division code); empty = the import's `orgCode` or the
 *   caller's own unit.
 */
export const csvColumns = [
  'id',
  'external_id',
  'type',
  'name_zh',
  'name_mn',
  'name_en',
  'address_zh',
  'address_mn',
  'address_en',
  'phone',
  'hours',
  'hours_note_zh',
  'hours_note_mn',
  'hours_note_en',
  'services',
  'lng',
  'lat',
  'position_approximate',
  'photos',
  'tour_id',
  'org_code',
] as const;

export type CsvColumn = (typeof csvColumns)[number];

export const requiredCsvColumns: readonly CsvColumn[] = ['type', 'name_zh', 'address_zh', 'lng', 'lat'];
