/** Org tree lookups limited to a scope: the one place that decides OUT_OF_SCOPE vs NOT_FOUND. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { inSubtree } from '@sifa/core/db';
import { SifaError, isWithinScope, type OrgDirectory, type OrgNode, type Scope, type SifaDb } from '@sifa/core';
import { orgs } from '../db/schema.js';

type OrgRow = typeof orgs.$inferSelect;

export function toOrgNode(row: OrgRow): OrgNode {
  return {
    code: row.code,
    parentCode: row.parentCode,
    level: row.level,
    path: row.path,
    name: { zh: row.nameZh, en: row.nameEn ?? undefined, mn: row.nameMn ?? undefined },
    kind: row.kind,
    ...(row.closedOn ? { closed: { on: row.closedOn, mergedInto: row.mergedInto } } : {}),
  };
}

export async function findOrg(db: SifaDb, code: string): Promise<OrgNode | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row ? toOrgNode(row) : null;
}

export function scopedOrgDirectory(db: SifaDb, scope: Scope): OrgDirectory {
  // One transaction asks for the same org several times (a case step: its facts, its audit entry,
  // its view): the tree is reference data, so one answer per code and transaction.
  const known = new Map<string, Promise<OrgNode>>();
  const get = (code: string): Promise<OrgNode> => {
    let node = known.get(code);
    if (!node) known.set(code, (node = lookup(code)));
    return node;
  };
  const lookup = async (code: string) => {
    const node = await findOrg(db, code);
    if (!node) {
      throw new SifaError('NOT_FOUND', {
        message: { zh: `没有代码为 ${code} 的单位。`, en: `There is no organisation with code ${code}.` },
        details: { orgCode: code },
      });
    }
    if (!isWithinScope(node.path, scope.orgPath)) {
      throw new SifaError('OUT_OF_SCOPE', {
        message: {
          zh: `单位 ${code}（${node.name.zh}）不在您的管辖范围内。`,
          en: `Organisation ${code} (${node.name.zh}) is outside the area you manage.`,
        },
        details: { orgCode: code },
      });
    }
    return node;
  };
  return {
    get,
    async children(code) {
      await get(code);
      const rows = await db.select().from(orgs).where(and(eq(orgs.parentCode, code), isNull(orgs.closedOn))).orderBy(asc(orgs.code));
      return rows.map(toOrgNode);
    },
    async descendants(code, level) {
      const root = await get(code);
      const rows = await db
        .select()
        .from(orgs)
        .where(and(inSubtree(orgs.path, root.path), isNull(orgs.closedOn), level ? eq(orgs.level, level) : undefined))
        .orderBy(asc(orgs.path));
      return rows.filter((r) => r.code !== root.code).map(toOrgNode);
    },
  };
}
