/**
 * The real organisation tree of the demo: Inner Mongolia (15) → Chifeng (1504) → its 12
 * county-level divisions → one judicial office per township-level division (197), keyed by the
 * official statistical codes. The article counts 176 offices, but which townships share an
 * office is not public, so the seed creates one office per township (office code = township
 * code) and gives each office its own township as its service area (`divisions`,
 * `org_service_areas`). A bureau whose offices serve several townships sets the areas with
 * `platform.org.setServiceArea` (see docs/service-areas.md).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { orgPathOf, type OrgLevel, type SifaDb } from '@sifa/core';
import { divisions, orgs, orgServiceAreas } from '../db/schema.js';

export interface OrgSeedRow {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  path: string;
  nameZh: string;
  nameEn: string | null;
}

/** A township-level division of the CSV (where people live; its office is an org of its own). */
export interface TownshipSeedRow {
  code: string;
  parentCode: string;
  level: 'township';
  path: string;
  nameZh: string;
}

const csvFile = fileURLToPath(new URL('../../data/chifeng-townships.csv', import.meta.url));

async function townshipLines(): Promise<{ code: string; name: string; countyCode: string; countyName: string }[]> {
  const lines = (await readFile(csvFile, 'utf8')).trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [code, name, countyCode, countyName] = line.split(',');
    if (!code || !name || !countyCode || !countyName) throw new Error(`chifeng-townships.csv: malformed line "${line}"`);
    return { code, name, countyCode, countyName };
  });
}

export async function chifengOrgTree(): Promise<OrgSeedRow[]> {
  const rows: OrgSeedRow[] = [
    { code: '15', parentCode: null, level: 'region', path: orgPathOf(['15']), nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia Autonomous Region' },
    { code: '1504', parentCode: '15', level: 'city', path: orgPathOf(['15', '1504']), nameZh: '赤峰市', nameEn: 'Chifeng' },
  ];
  const counties = new Set<string>();
  for (const { code, name, countyCode, countyName } of await townshipLines()) {
    if (!counties.has(countyCode)) {
      counties.add(countyCode);
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

/** The 197 township-level divisions of Chifeng. */
export async function chifengTownships(): Promise<TownshipSeedRow[]> {
  return (await townshipLines()).map(({ code, name, countyCode }) => ({
    code,
    parentCode: countyCode,
    level: 'township',
    path: orgPathOf(['15', '1504', countyCode, code]),
    nameZh: name,
  }));
}

/**
 * Inserts the tree, the townships and each township's service area (its own office); existing
 * rows are left as they are, so a service area an admin changed survives a re-seed. Returns how
 * many org rows were new.
 */
export async function seedOrgTree(db: SifaDb): Promise<number> {
  const rows = await chifengOrgTree();
  const inserted = await db.insert(orgs).values(rows).onConflictDoNothing().returning({ code: orgs.code });
  const townships = await chifengTownships();
  await db.insert(divisions).values(townships).onConflictDoNothing();
  await db
    .insert(orgServiceAreas)
    .values(townships.map((t) => ({ divisionCode: t.code, orgCode: t.code, orgPath: t.path, divisionPath: t.path })))
    .onConflictDoNothing();
  return inserted.length;
}
