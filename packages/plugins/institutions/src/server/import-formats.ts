/**
 * Reading import files into candidate rows: CSV (see `../csv-format.ts` for the columns) and
 * GeoJSON (the format `institutions.exportGeoJson` writes). Each candidate carries the object the
 * import schema validates and how to name its fields in the report (CSV column names, GeoJSON
 * property paths). File-level faults (not CSV, not a FeatureCollection, required columns missing)
 * are thrown as VALIDATION_FAILED on `content`; everything wrong with a row becomes a problem of
 * that row.
 */
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { pickText, SifaError, type LocalizedText, type Locale } from '@sifa/core';
import type { OpeningHours } from '../schemas.js';
import type { InstitutionCatalog } from '../types.js';
import { csvColumns, requiredCsvColumns, type CsvColumn } from '../csv-format.js';
import { institutionMessages } from '../messages.js';

export interface RowProblem {
  field: string;
  problem: string;
}

export interface Candidate {
  /** 1-based: CSV record number (header = 1), GeoJSON feature index + 1. */
  row: number;
  /** What the import schema validates. */
  value: Record<string, unknown>;
  /** Problems found while reading the row (before schema validation). */
  problems: RowProblem[];
}

export interface ReadFile {
  candidates: Candidate[];
  /** Problems of the file as a whole that do not stop the import (row 1: unknown columns). */
  fileProblems: (RowProblem & { row: number })[];
  /** Maps a schema issue path (`name.zh`, `position.0`) to the field name the report uses. */
  fieldName(path: string): string;
}

const contentError = (message: LocalizedText, locale: Locale) =>
  new SifaError('VALIDATION_FAILED', { issues: [{ path: 'content', message: pickText(message, locale) }] });

/** A code, or a Chinese / English / Mongolian title (case-insensitive), to its code; unknown → as given. */
function codeOf(entries: readonly { code: string; title: LocalizedText }[], value: string): string {
  const wanted = value.trim().toLowerCase();
  const hit = entries.find((e) => e.code === wanted || [e.title.zh, e.title.en, e.title.mn].some((t) => t !== undefined && t.toLowerCase() === wanted));
  return hit ? hit.code : value.trim();
}

function parseDays(text: string): number[] | null {
  const days: number[] = [];
  for (const part of text.split(/[,，、]/)) {
    const range = part.trim().match(/^([1-7])(?:\s*[-–~]\s*([1-7]))?$/);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from) return null;
    for (let d = from; d <= to; d++) days.push(d);
  }
  return days;
}

/** `1-5 08:30-12:00; 6 09:00-12:00` → OpeningHours[] (times are checked by the schema), or null when unreadable. */
export function parseHoursText(text: string): OpeningHours[] | null {
  const hours: OpeningHours[] = [];
  for (const group of text.split(/[;；]/).map((g) => g.trim()).filter(Boolean)) {
    const m = group.match(/^([1-7][\d\s,，、\-–~]*?)\s+(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})$/);
    const days = m ? parseDays(m[1]!) : null;
    if (!m || !days) return null;
    const pad = (t: string) => (t.length === 4 ? `0${t}` : t);
    hours.push({ days, opens: pad(m[2]!), closes: pad(m[3]!) });
  }
  return hours;
}

function parseBoolean(text: string): boolean | null {
  const v = text.trim().toLowerCase();
  if (v === '' || ['false', '0', 'no', 'n', '否'].includes(v)) return false;
  if (['true', '1', 'yes', 'y', '是'].includes(v)) return true;
  return null;
}

const csvFieldOfPath: [RegExp, string][] = [
  [/^name\.(zh|mn|en)$/, 'name_$1'],
  [/^address\.(zh|mn|en)$/, 'address_$1'],
  [/^hoursNote\.(zh|mn|en)$/, 'hours_note_$1'],
  [/^hoursNote$/, 'hours_note_zh'],
  [/^hours(\..*)?$/, 'hours'],
  [/^services(\..*)?$/, 'services'],
  [/^photos(\..*)?$/, 'photos'],
  [/^position\.0$/, 'lng'],
  [/^position\.1$/, 'lat'],
  [/^position$/, 'lng'],
  [/^positionApproximate$/, 'position_approximate'],
  [/^tourId$/, 'tour_id'],
  [/^orgCode$/, 'org_code'],
  [/^externalId$/, 'external_id'],
];

export function readCsv(content: string, catalog: InstitutionCatalog, locale: Locale): ReadFile {
  let records: string[][];
  try {
    // No skipping: record numbers then match the row numbers a spreadsheet shows (empty rows included).
    records = parseCsv(content, { bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw contentError(
      {
        zh: `文件不是有效的 CSV${line ? `（第 ${line} 行附近）` : ''}：请检查引号是否成对。`,
        en: `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check that quotes are paired.`,
      },
      locale,
    );
  }
  const [header, ...rows] = records;
  if (!header) throw contentError({ zh: '文件是空的。', en: 'The file is empty.' }, locale);
  const columns = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(csvColumns);
  const fileProblems: ReadFile['fileProblems'] = [];
  columns.forEach((c) => {
    if (!known.has(c)) {
      fileProblems.push({
        row: 1,
        field: c,
        problem: pickText({ zh: `未知的列“${c}”，已忽略。可用的列：${csvColumns.join(',')}`, en: `Unknown column "${c}", ignored. The columns are: ${csvColumns.join(',')}` }, locale),
      });
    }
  });
  const missing = requiredCsvColumns.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw contentError({ zh: `缺少必需的列：${missing.join(', ')}。第一行应为列名。`, en: `Required columns are missing: ${missing.join(', ')}. The first row must name the columns.` }, locale);
  }
  const at = new Map<CsvColumn, number>();
  columns.forEach((c, i) => known.has(c) && !at.has(c as CsvColumn) && at.set(c as CsvColumn, i));

  const candidates = rows.flatMap((cells, index): Candidate[] => {
    if (cells.every((c) => c.trim() === '')) return [];
    const row = index + 2;
    const get = (c: CsvColumn) => {
      const i = at.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    if (cells.length !== columns.length) {
      problems.push({
        field: '',
        problem: pickText({ zh: `本行有 ${cells.length} 列，表头有 ${columns.length} 列。`, en: `This row has ${cells.length} columns; the header has ${columns.length}.` }, locale),
      });
    }
    const text3 = (prefix: 'name' | 'address' | 'hours_note') => ({ zh: get(`${prefix}_zh`), mn: get(`${prefix}_mn`) || undefined, en: get(`${prefix}_en`) || undefined });
    const note = text3('hours_note');
    const hoursRaw = get('hours');
    let hours = hoursRaw ? parseHoursText(hoursRaw) : [];
    if (!hours) {
      problems.push({ field: 'hours', problem: pickText(institutionMessages.hours, locale) });
      hours = [];
    }
    const approximate = parseBoolean(get('position_approximate'));
    if (approximate === null) problems.push({ field: 'position_approximate', problem: pickText(institutionMessages.boolean, locale) });
    const number = (c: 'lng' | 'lat') => {
      const v = get(c);
      if (v === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    };
    const list = (c: CsvColumn) => get(c).split(/[;；]/).map((s) => s.trim()).filter(Boolean);
    const value: Record<string, unknown> = {
      id: get('id') || undefined,
      externalId: get('external_id') || null,
      type: codeOf(catalog.types, get('type')),
      name: text3('name'),
      address: text3('address'),
      phone: get('phone') || null,
      hours,
      hoursNote: note.zh || note.mn || note.en ? note : null,
      services: list('services').map((s) => codeOf(catalog.services, s)),
      position: [number('lng'), number('lat')],
      positionApproximate: approximate ?? false,
      photos: list('photos').map((item) => {
        const bar = item.indexOf('|');
        const url = bar < 0 ? item : item.slice(0, bar).trim();
        const alt = bar < 0 ? '' : item.slice(bar + 1).trim();
        return { url, alt: { zh: alt } };
      }),
      tourId: get('tour_id') || null,
      orgCode: get('org_code') || undefined,
    };
    return [{ row, value, problems }];
  });

  return {
    candidates,
    fileProblems,
    fieldName: (path) => {
      for (const [re, name] of csvFieldOfPath) if (re.test(path)) return path.replace(re, name);
      return path.replace(/^(\w+).*$/, '$1');
    },
  };
}

export function readGeoJson(content: string, locale: Locale): ReadFile {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw contentError({ zh: '文件不是有效的 JSON。', en: 'The file is not valid JSON.' }, locale);
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw contentError(
      { zh: '文件应为 GeoJSON 要素集合（"type": "FeatureCollection"，含 "features" 数组）。', en: 'The file must be a GeoJSON FeatureCollection ("type": "FeatureCollection" with a "features" array).' },
      locale,
    );
  }
  const candidates = collection.features.map((feature: unknown, index): Candidate => {
    const row = index + 1;
    const f = (feature && typeof feature === 'object' ? feature : {}) as { id?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
    const properties = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
    const problems: RowProblem[] = [];
    let position: unknown = [undefined, undefined];
    if (f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates)) position = f.geometry.coordinates.slice(0, 2);
    else {
      problems.push({
        field: 'geometry',
        problem: pickText({ zh: '每个要素应为点（"type": "Point"，坐标为 [经度, 纬度]）。', en: 'Each feature must be a Point ("type": "Point" with [longitude, latitude]).' }, locale),
      });
    }
    const id = typeof f.id === 'string' ? f.id : typeof properties.id === 'string' ? properties.id : undefined;
    return { row, value: { ...properties, id, position }, problems };
  });
  return {
    candidates,
    fileProblems: [],
    fieldName: (path) => (path.startsWith('position') ? 'geometry.coordinates' : path === 'id' ? 'id' : `properties.${path}`),
  };
}
