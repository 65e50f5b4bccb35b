/**
 * `institutions.import`: every row read, validated with the same schema as `create`, its owner
 * checked against the caller's subtree, then written in the request's one transaction (inside a
 * savepoint that a dry run rolls back, so a dry run reports exactly what an import would do).
 * A row with an id or external id that matches a visible institution updates it; a new one is
 * added. Bad rows are skipped and reported; anything unexpected fails the whole import.
 * Nothing outside the caller's subtree is confirmed: an owning org there gets the same problem as
 * a code no org has, and a row whose id names no institution in the caller's area (none at all, or
 * one outside it) is added as a new institution with a fresh id, both reported alike.
 */
import { randomUUID } from 'node:crypto';
import { inArray, or } from 'drizzle-orm';
import {
  isSifaError,
  pickText,
  type Locale,
  type OrgDirectory,
  type OrgNode,
  type Scope,
  type SifaDb,
} from '@sifa/core';
import { localizeIssues, type InstitutionFields, type InstitutionSchemas } from '../schemas.js';
import type { ImportProblem, ImportReport, InstitutionCatalog } from '../types.js';
import { readCsv, readGeoJson, type Candidate } from './import-formats.js';
import { institutions, type InstitutionRow } from './schema.js';
import { rowValuesOf } from './records.js';

interface ImportContext {
  db: SifaDb;
  orgs: OrgDirectory;
  scope: Scope;
  locale: Locale;
  platform: { now(): Date };
}

interface ImportInput {
  format: 'csv' | 'geojson';
  content: string;
  dryRun?: boolean | undefined;
  orgCode?: string | undefined;
}

interface GoodRow {
  row: number;
  fields: InstitutionFields;
  org: OrgNode;
}

const chunkSize = 500;

function chunks<T>(items: readonly T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class DryRunRollback extends Error {}

export async function importInstitutions(
  ctx: ImportContext,
  input: ImportInput,
  catalog: InstitutionCatalog,
  schemas: InstitutionSchemas,
): Promise<{ report: ImportReport; ids: string[] }> {
  const { locale } = ctx;
  const text = (zh: string, en: string) => pickText({ zh, en }, locale);
  const file = input.format === 'csv' ? readCsv(input.content, catalog, locale) : readGeoJson(input.content, locale);
  const problems: ImportProblem[] = file.fileProblems.map((p) => ({ ...p }));
  const badRows = new Set<number>();
  const fail = (row: number, field: string, problem: string) => {
    problems.push({ row, field, problem });
    badRows.add(row);
  };

  // Owners, looked up once per code; out of scope or unknown is the same problem of the row.
  const defaultOrg = input.orgCode ?? ctx.scope.orgCode;
  const orgNotInArea = text('您的管辖范围内没有这个机构代码。', 'There is no org with this code in your area.');
  const orgLookups = new Map<string, Promise<OrgNode | string>>();
  const orgOf = (code: string) => {
    let found = orgLookups.get(code);
    if (!found) {
      found = ctx.orgs.get(code).catch((error: unknown) => {
        if (isSifaError(error) && (error.sifaCode === 'OUT_OF_SCOPE' || error.sifaCode === 'NOT_FOUND')) return orgNotInArea;
        throw error;
      });
      orgLookups.set(code, found);
    }
    return found;
  };

  const good: GoodRow[] = [];
  const seenIds = new Map<string, number>();
  const seenExternal = new Map<string, number>();
  for (const candidate of file.candidates as Candidate[]) {
    const { row } = candidate;
    for (const p of candidate.problems) fail(row, p.field, p.problem);
    const parsed = schemas.importRow.safeParse(candidate.value);
    if (!parsed.success) {
      const issues = localizeIssues(parsed.error, locale, catalog);
      // One problem per field (the first is the one to fix first).
      const byField = new Map<string, string>();
      for (const issue of issues) {
        const field = file.fieldName(issue.path);
        if (!byField.has(field)) byField.set(field, issue.message);
      }
      for (const [field, problem] of byField) fail(row, field, problem);
      continue;
    }
    if (badRows.has(row)) continue;
    const fields = parsed.data;
    const org = await orgOf(fields.orgCode ?? defaultOrg);
    if (typeof org === 'string') {
      fail(row, file.fieldName('orgCode'), org);
      continue;
    }
    if (fields.id) {
      const first = seenIds.get(fields.id);
      if (first !== undefined) {
        fail(row, file.fieldName('id'), text(`与第 ${first} 行的编号重复。`, `The same id as row ${first}.`));
        continue;
      }
      seenIds.set(fields.id, row);
    }
    if (fields.externalId) {
      const first = seenExternal.get(fields.externalId);
      if (first !== undefined) {
        fail(row, file.fieldName('externalId'), text(`与第 ${first} 行的外部编号重复。`, `The same external id as row ${first}.`));
        continue;
      }
      seenExternal.set(fields.externalId, row);
    }
    good.push({ row, fields, org });
  }

  // Visible institutions these rows refer to (row-level security hides the rest).
  const byId = new Map<string, InstitutionRow>();
  const byExternal = new Map<string, InstitutionRow>();
  const ids = [...seenIds.keys()];
  const externalIds = [...seenExternal.keys()];
  for (let i = 0; i < Math.max(ids.length, externalIds.length); i += chunkSize) {
    const someIds = ids.slice(i, i + chunkSize);
    const someExternal = externalIds.slice(i, i + chunkSize);
    const rows = await ctx.db
      .select()
      .from(institutions)
      .where(or(someIds.length ? inArray(institutions.id, someIds) : undefined, someExternal.length ? inArray(institutions.externalId, someExternal) : undefined));
    for (const r of rows) {
      byId.set(r.id, r);
      if (r.externalId) byExternal.set(r.externalId, r);
    }
  }

  const updates: (GoodRow & { id: string; before: InstitutionRow })[] = [];
  const inserts: (GoodRow & { id: string })[] = [];
  for (const g of good) {
    const { id, externalId } = g.fields;
    const matchById = id ? byId.get(id) : undefined;
    const matchByExternal = externalId ? byExternal.get(externalId) : undefined;
    if (matchById && matchByExternal && matchById.id !== matchByExternal.id) {
      fail(
        g.row,
        file.fieldName('externalId'),
        text(`外部编号 ${externalId} 已被另一个机构（${matchByExternal.name.zh}）使用。`, `The external id ${externalId} belongs to another institution (${matchByExternal.name.zh}).`),
      );
      continue;
    }
    const match = matchById ?? matchByExternal;
    if (match) updates.push({ ...g, id: match.id, before: match });
    // An id naming nothing visible (none at all, or an institution outside the caller's subtree)
    // is not kept: the row is a new institution either way, so the report cannot tell them apart.
    else inserts.push({ ...g, id: randomUUID() });
  }

  const now = ctx.platform.now();
  let imported = 0;
  let updated = 0;
  const written: string[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      // Updates in batches: the old rows out, the new ones in with the same id and creation
      // time (one statement each per 500 rows instead of one per row: ~3x faster re-imports).
      for (const some of chunks(updates)) {
        await tx.delete(institutions).where(inArray(institutions.id, some.map((u) => u.id)));
        const returned = await tx
          .insert(institutions)
          .values(some.map((u) => ({ ...rowValuesOf(u.fields, u.org, now), id: u.id, createdAt: u.before.createdAt })))
          .onConflictDoNothing()
          .returning({ id: institutions.id });
        const replaced = new Set(returned.map((r) => r.id));
        const refused = some.filter((u) => !replaced.has(u.id));
        // Only a new external id taken outside the caller's subtree is refused: keep the old row.
        if (refused.length) await tx.insert(institutions).values(refused.map((u) => u.before));
        for (const u of some) {
          if (replaced.has(u.id)) {
            written.push(u.id);
            updated++;
          } else {
            fail(u.row, file.fieldName('externalId'), text('此外部编号已被您管辖范围以外的机构使用。', 'This external id is already used by an institution outside your area.'));
          }
        }
      }
      for (const some of chunks(inserts)) {
        // External ids taken by institutions outside the caller's subtree are not visible, so
        // they show up here as rows the insert did not return (new rows' ids are fresh).
        const returned = await tx
          .insert(institutions)
          .values(some.map((r) => ({ ...rowValuesOf(r.fields, r.org, now), id: r.id, createdAt: now })))
          .onConflictDoNothing()
          .returning({ id: institutions.id });
        const inserted = new Set(returned.map((r) => r.id));
        for (const r of some) {
          if (inserted.has(r.id)) {
            written.push(r.id);
            imported++;
          } else {
            fail(r.row, file.fieldName('externalId'), text('此外部编号已被您管辖范围以外的机构使用。', 'This external id is already used by an institution outside your area.'));
          }
        }
      }
      if (input.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }

  problems.sort((a, b) => a.row - b.row);
  return {
    report: { imported, updated, skipped: badRows.size, problems },
    ids: input.dryRun ? [] : written,
  };
}
