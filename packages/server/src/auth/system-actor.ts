/**
 * Actors for work nobody signed in for: the demo seed and scheduled jobs. They hold every
 * permission but still run in a transaction scoped to one org's subtree (row-level security
 * applies); audit entries name them (`seed`, `job:plans.reminders`).
 */
import { eq, isNull } from 'drizzle-orm';
import { SifaError, type Actor, type SifaDb } from '@sifa/core';
import { orgs } from '../db/schema.js';

export async function systemActor(db: SifaDb, orgCode: string, id: string, displayName: string, permissions: ReadonlySet<string>): Promise<Actor> {
  const [org] = await db.select({ code: orgs.code, path: orgs.path }).from(orgs).where(eq(orgs.code, orgCode));
  if (!org) throw new SifaError('NOT_FOUND', { details: { orgCode } });
  return {
    userId: id,
    username: id,
    displayName,
    role: 'city_admin',
    scope: { orgCode: org.code, orgPath: org.path },
    permissions,
    via: 'session',
    system: true,
  };
}

/** Code of the root of the org tree; UNAVAILABLE until a tree with exactly one root is seeded. */
export async function rootOrgCode(db: SifaDb): Promise<string> {
  const rows = await db.select({ code: orgs.code }).from(orgs).where(isNull(orgs.parentCode)).orderBy(orgs.code).limit(2);
  if (rows.length !== 1) {
    throw new SifaError('UNAVAILABLE', {
      message: { zh: '组织机构树须有且只有一个根节点。', en: 'The org tree must have exactly one root; seed the org tree first.' },
    });
  }
  return rows[0]!.code;
}
