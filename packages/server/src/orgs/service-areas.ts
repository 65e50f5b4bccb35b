/**
 * Service areas (core `service-areas.ts`): reads of the public reference data and the one
 * change an admin makes, `setServiceArea`. Every township always has exactly one office (one row
 * per township; the seed and migration 0024 give each its own office), so a change can move
 * townships between offices but never leave one unserved.
 */
import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import {
  SifaError,
  closedUnitError,
  isWithinScope,
  type DivisionMatch,
  type DivisionNode,
  type ScopedServices,
  type ServiceArea,
  type ServingOffice,
  type SetServiceAreaResult,
  type SifaDb,
  type TownshipServed,
} from '@sifa/core';
import { divisions, orgs, orgServiceAreas } from '../db/schema.js';
import { findOrg, toOrgNode } from './directory.js';

type DivisionRow = typeof divisions.$inferSelect;

export function toDivisionNode(row: DivisionRow): DivisionNode {
  return {
    code: row.code,
    parentCode: row.parentCode,
    level: row.level,
    path: row.path,
    name: { zh: row.nameZh, en: row.nameEn ?? undefined, mn: row.nameMn ?? undefined },
  };
}

async function findDivision(db: SifaDb, code: string): Promise<DivisionNode | null> {
  const [row] = await db.select().from(divisions).where(eq(divisions.code, code));
  return row ? toDivisionNode(row) : null;
}

function noDivision(code: string): SifaError {
  return new SifaError('NOT_FOUND', {
    message: { zh: `没有代码为 ${code} 的乡镇（街道）或村（社区）。`, en: `There is no township or village with code ${code}.` },
    details: { division: code },
  });
}

function noOffice(code: string): SifaError {
  return new SifaError('NOT_FOUND', {
    message: { zh: `没有代码为 ${code} 的司法所。`, en: `There is no judicial office with code ${code}.` },
    details: { orgCode: code },
  });
}

/** The townships an office serves, by code. */
async function areaOf(db: SifaDb, officeCode: string): Promise<DivisionNode[]> {
  const rows = await db
    .select({ division: divisions })
    .from(orgServiceAreas)
    .innerJoin(divisions, eq(divisions.code, orgServiceAreas.divisionCode))
    .where(eq(orgServiceAreas.orgCode, officeCode))
    .orderBy(asc(divisions.code));
  return rows.map((r) => toDivisionNode(r.division));
}

/** The office serving a township or village (a village: its township's office). */
export async function servingOffice(db: SifaDb, code: string): Promise<ServingOffice> {
  const division = await findDivision(db, code);
  if (!division) throw noDivision(code);
  const township = division.level === 'township' ? division : await findDivision(db, division.parentCode);
  if (!township) throw noDivision(division.parentCode);
  const [row] = await db
    .select({ office: orgs })
    .from(orgServiceAreas)
    .innerJoin(orgs, eq(orgs.code, orgServiceAreas.orgCode))
    .where(eq(orgServiceAreas.divisionCode, township.code));
  if (!row) {
    // Not reachable while every township keeps its row; said plainly if data was loaded by hand.
    throw new SifaError('NOT_FOUND', {
      message: { zh: `${township.name.zh}（${township.code}）尚未指定受理的司法所。`, en: `No judicial office has been assigned to ${township.name.zh} (${township.code}) yet.` },
      details: { division: township.code },
    });
  }
  return { division, township, office: toOrgNode(row.office), serviceArea: await areaOf(db, row.office.code) };
}

export async function serviceArea(db: SifaDb, officeCode: string): Promise<ServiceArea> {
  const office = await findOrg(db, officeCode);
  if (!office || office.level !== 'office') throw noOffice(officeCode);
  return { office, divisions: await areaOf(db, officeCode) };
}

/** A county's townships with the office serving each, by code. */
export async function countyTownships(db: SifaDb, county: string): Promise<TownshipServed[]> {
  const node = await findOrg(db, county);
  if (!node || node.level !== 'county') throw new SifaError('NOT_FOUND', { details: { orgCode: county } });
  const rows = await db
    .select({ division: divisions, office: orgs })
    .from(divisions)
    .innerJoin(orgServiceAreas, eq(orgServiceAreas.divisionCode, divisions.code))
    .innerJoin(orgs, eq(orgs.code, orgServiceAreas.orgCode))
    .where(eq(divisions.parentCode, county))
    .orderBy(asc(divisions.code));
  return rows.filter((r) => r.division.level === 'township').map((r) => ({ ...toDivisionNode(r.division), office: toOrgNode(r.office) }));
}

/** `q` as a LIKE pattern matching itself anywhere (its own % _ \ taken literally). */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Townships and villages whose name in any language (or, for digits, whose code) contains `q`,
 * within an area: exact names first, then names starting with `q`, townships before villages.
 * Each with its township, county and the office serving it (public reference data).
 */
export async function searchDivisions(db: SifaDb, input: { q: string; within?: string | undefined; limit: number }): Promise<DivisionMatch[]> {
  const q = input.q.trim();
  let prefix = '/';
  if (input.within) {
    const area = await findOrg(db, input.within);
    if (!area) throw new SifaError('NOT_FOUND', { details: { orgCode: input.within } });
    prefix = area.path;
  }
  const pattern = containing(q);
  const starts = `${pattern.slice(1)}`;
  const byName = or(ilike(divisions.nameZh, pattern), ilike(divisions.nameEn, pattern), ilike(divisions.nameMn, pattern));
  const rows = await db
    .select()
    .from(divisions)
    .where(and(like(divisions.path, `${prefix}%`), /^\d+$/.test(q) ? or(byName, like(divisions.code, `${q}%`)) : byName))
    .orderBy(
      sql`case when ${divisions.nameZh} = ${q} or lower(${divisions.nameEn}) = lower(${q}) or ${divisions.nameMn} = ${q} then 0
               when ${divisions.nameZh} ilike ${starts} or ${divisions.nameEn} ilike ${starts} or ${divisions.nameMn} ilike ${starts} then 1 else 2 end`,
      sql`case when ${divisions.level} = 'township' then 0 else 1 end`,
      asc(divisions.code),
    )
    .limit(input.limit);
  if (rows.length === 0) return [];
  const found = rows.map(toDivisionNode);
  const townshipCodes = [...new Set(found.map((d) => (d.level === 'township' ? d.code : d.parentCode)))];
  const townships = new Map(
    (await db.select().from(divisions).where(inArray(divisions.code, townshipCodes))).map((r) => [r.code, toDivisionNode(r)]),
  );
  const served = await db
    .select({ divisionCode: orgServiceAreas.divisionCode, office: orgs })
    .from(orgServiceAreas)
    .innerJoin(orgs, eq(orgs.code, orgServiceAreas.orgCode))
    .where(inArray(orgServiceAreas.divisionCode, townshipCodes));
  const officeOf = new Map(served.map((r) => [r.divisionCode, toOrgNode(r.office)]));
  const countyCodes = [...new Set([...townships.values()].map((t) => t.parentCode))];
  const counties = new Map((await db.select().from(orgs).where(inArray(orgs.code, countyCodes))).map((r) => [r.code, toOrgNode(r)]));
  // A township without its row (data loaded by hand) or county is left out rather than shown half.
  return found.flatMap((division) => {
    const township = townships.get(division.level === 'township' ? division.code : division.parentCode);
    const office = township && officeOf.get(township.code);
    const county = township && counties.get(township.parentCode);
    return township && office && county ? [{ division, township, county, office }] : [];
  });
}

const label = (d: DivisionNode) => `${d.name.zh}（${d.code}）`;
const labelEn = (d: DivisionNode) => `${d.name.en ?? d.name.zh} (${d.code})`;

/**
 * Replaces an office's service area, in the caller's scoped transaction. Refused: an office or a
 * township outside the caller's subtree (OUT_OF_SCOPE), a village (VALIDATION_FAILED: villages
 * follow their township), a township another office serves unless `move` (CONFLICT naming it and
 * its office), a township this office serves that the new area leaves out (CONFLICT: it would
 * have no office; give it to another office first). Audited once per office whose area changed.
 */
export async function setServiceArea(
  scoped: Pick<ScopedServices, 'db' | 'orgs' | 'audit' | 'actor' | 'now'> & { scope: { orgPath: string } },
  input: { office: string; divisions: string[]; move: boolean },
): Promise<SetServiceAreaResult> {
  const { db } = scoped;
  const office = await scoped.orgs.get(input.office);
  if (office.level !== 'office') throw noOffice(input.office);
  // A closed office serves no one (a merged one's townships went to the office it merged into).
  if (office.closed) throw closedUnitError(office);
  const wanted = [...new Set(input.divisions)].sort();
  const rows = await db.select().from(divisions).where(inArray(divisions.code, wanted));
  const byCode = new Map(rows.map((r) => [r.code, toDivisionNode(r)]));
  for (const code of wanted) {
    const division = byCode.get(code);
    if (!division) throw noDivision(code);
    if (division.level !== 'township') {
      throw new SifaError('VALIDATION_FAILED', {
        message: { zh: `${label(division)}是村（社区），由其所在乡镇的司法所服务，不能单独指定。`, en: `${labelEn(division)} is a village: it is served by its township's office and cannot be assigned on its own.` },
        issues: [{ path: 'divisions', message: `${division.code}` }],
        details: { division: code },
      });
    }
    if (!isWithinScope(division.path, scoped.scope.orgPath)) {
      throw new SifaError('OUT_OF_SCOPE', {
        message: { zh: `${label(division)}不在您的管辖范围内。`, en: `${labelEn(division)} is outside the area you manage.` },
        details: { division: code },
      });
    }
  }
  const current = await db.select().from(orgServiceAreas).where(inArray(orgServiceAreas.divisionCode, wanted));
  const servedBy = new Map(current.map((r) => [r.divisionCode, r.orgCode]));
  const moved: { division: string; from: string }[] = [];
  for (const code of wanted) {
    const from = servedBy.get(code);
    if (from === undefined || from === office.code) continue;
    if (!input.move) {
      const other = await findOrg(db, from);
      const otherName = other?.name.zh ?? from;
      throw new SifaError('CONFLICT', {
        message: {
          zh: `${label(byCode.get(code)!)}现由${otherName}服务；如要划入${office.name.zh}，请确认调整（move）。`,
          en: `${labelEn(byCode.get(code)!)} is served by ${otherName}: confirm the move to give it to ${office.name.zh}.`,
        },
        details: { division: code, servedBy: from },
      });
    }
    // The other office must be the caller's too: taking a township from it changes its area.
    await scoped.orgs.get(from);
    moved.push({ division: code, from });
  }
  const before = await areaOf(db, office.code);
  const left = before.filter((d) => !wanted.includes(d.code));
  if (left.length > 0) {
    const first = left[0]!;
    throw new SifaError('CONFLICT', {
      message: {
        zh: `${label(first)}将没有受理的司法所：请先将其划入其他司法所，再调整${office.name.zh}的服务区域。`,
        en: `${labelEn(first)} would be left without an office: give it to another office first, then change the area of ${office.name.zh}.`,
      },
      details: { division: first.code },
    });
  }
  const at = scoped.now();
  const added = wanted.filter((code) => servedBy.get(code) !== office.code);
  for (const code of added) {
    const division = byCode.get(code)!;
    const values = { divisionCode: code, orgCode: office.code, orgPath: office.path, divisionPath: division.path, updatedAt: at, updatedBy: scoped.actor.userId };
    await db
      .insert(orgServiceAreas)
      .values(values)
      .onConflictDoUpdate({ target: orgServiceAreas.divisionCode, set: { orgCode: values.orgCode, orgPath: values.orgPath, updatedAt: at, updatedBy: values.updatedBy } });
  }
  const after = await areaOf(db, office.code);
  if (added.length > 0) {
    await scoped.audit.record({
      action: 'platform.org.setServiceArea',
      orgCode: office.code,
      entity: 'org_service_areas',
      entityId: office.code,
      before: before.map((d) => d.code),
      after: after.map((d) => d.code),
    });
    for (const from of [...new Set(moved.map((m) => m.from))].sort()) {
      await scoped.audit.record({
        action: 'platform.org.setServiceArea',
        orgCode: from,
        entity: 'org_service_areas',
        entityId: from,
        after: { movedTo: office.code, divisions: moved.filter((m) => m.from === from).map((m) => m.division) },
      });
    }
  }
  return { office, divisions: after, moved };
}
