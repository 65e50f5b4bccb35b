/**
 * The real organisation tree of the demo: Inner Mongolia (15) → Chifeng (1504) → its 12
 * county-level divisions → one judicial office per township-level division (197), keyed by the
 * official statistical codes. The article counts 176 offices, but which townships share an
 * office is not public, so the seed creates one per township and says so.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { orgPathOf, type OrgLevel, type SifaDb } from '@sifa/core';
import { orgs } from '../db/schema.js';

export interface OrgSeedRow {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  path: string;
  nameZh: string;
  nameEn: string | null;
}

const csvFile = fileURLToPath(new URL('../../data/chifeng-townships.csv', import.meta.url));

export async function chifengOrgTree(): Promise<OrgSeedRow[]> {
  const lines = (await readFile(csvFile, 'utf8')).trim().split(/\r?\n/).slice(1);
  const rows: OrgSeedRow[] = [
    { code: '15', parentCode: null, level: 'region', path: orgPathOf(['15']), nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia Autonomous Region' },
    { code: '1504', parentCode: '15', level: 'city', path: orgPathOf(['15', '1504']), nameZh: '赤峰市', nameEn: 'Chifeng' },
  ];
  const counties = new Map<string, string>();
  for (const line of lines) {
    const [code, name, countyCode, countyName] = line.split(',');
    if (!code || !name || !countyCode || !countyName) throw new Error(`chifeng-townships.csv: malformed line "${line}"`);
    if (!counties.has(countyCode)) {
      counties.set(countyCode, countyName);
      rows.push({ code: countyCode, parentCode: '1504', level: 'county', path: orgPathOf(['15', '1504', countyCode]), nameZh: countyName, nameEn: null });
    }
    rows.push({
      code,
      parentCode: countyCode,
      level: 'office',
      path: orgPathOf(['15', '1504', countyCode, code]),
      nameZh: `${name}司法所`,
      nameEn: null,
    });
  }
  return rows;
}

/** Inserts the tree; existing codes are left as they are. Returns how many rows were new. */
export async function seedOrgTree(db: SifaDb): Promise<number> {
  const rows = await chifengOrgTree();
  const inserted = await db.insert(orgs).values(rows).onConflictDoNothing().returning({ code: orgs.code });
  return inserted.length;
}
