/**
 * The two lists the checks before forwarding read, as data city and county admins keep
 * (`applications.lists`): the local negative list and the city's list of reconsideration bodies.
 * Reads go through row-level security (a county sees its own entries and the city's; bodies: the
 * whole city), writes only in the caller's subtree: an entry owned above the caller is readable,
 * never changeable (`applications.listEntryInherited`); an office (or a village) keeps no lists
 * (`applications.listOwnerLevel`). Edits go against the revision the editor started from.
 */
import { and, asc, eq } from 'drizzle-orm';
import { msg, pluginError, type Actor, type OrgNode, type ScopedServices } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { applicationsManifest } from '../index.js';
import type { NegativeListEntry, ReconsiderationBody } from '../checks.js';
import type { ListKind } from '../schemas.js';
import type { z } from 'zod';
import type { applicationsSchemas } from '../schemas.js';
import type { NegativeListEntryView, ReconsiderationBodyView } from '../types.js';
import { bodies, negativeList, type BodyRow, type NegativeListRow } from './schema.js';

type Scoped = Omit<ScopedServices, 'cases'>;
type NegativeCreate = z.output<typeof applicationsSchemas.negativeList.create>;
type NegativeUpdate = z.output<typeof applicationsSchemas.negativeList.update>;
type BodyCreate = z.output<typeof applicationsSchemas.bodies.create>;
type BodyUpdate = z.output<typeof applicationsSchemas.bodies.update>;

const listTitle: Record<ListKind, { zh: string; en: string }> = {
  'negative-list': { zh: '负面清单事项', en: 'negative-list entry' },
  bodies: { zh: '行政复议机关', en: 'reconsideration body' },
};

const owned = (row: { orgCode: string; orgPath: string; revision: number; demo: boolean; updatedAt: Date }, actor: Actor) => ({
  orgCode: row.orgCode,
  revision: row.revision,
  editable: row.orgPath.startsWith(actor.scope.orgPath),
  demo: row.demo,
  updatedAt: row.updatedAt.toISOString(),
});

export const negativeEntryOf = (row: NegativeListRow): NegativeListEntry => ({
  id: row.id,
  title: row.title,
  basis: row.basis,
  ...(row.note ? { note: row.note } : {}),
  fields: row.fields,
  keywords: row.keywords,
});
const negativeViewOf = (row: NegativeListRow, actor: Actor): NegativeListEntryView => ({ ...negativeEntryOf(row), enabled: row.enabled, ...owned(row, actor) });

export const bodyOf = (row: BodyRow): ReconsiderationBody => ({ id: row.id, name: row.name, level: row.level, divisionCode: row.divisionCode, area: row.area });
const bodyViewOf = (row: BodyRow, actor: Actor): ReconsiderationBodyView => ({ ...bodyOf(row), ...owned(row, actor) });

/** The enabled negative-list entries that apply at the scope (its own and those owned above it), for the checks. */
export async function applicableNegativeList(s: Scoped): Promise<NegativeListEntry[]> {
  const rows = await s.db.select().from(negativeList).where(eq(negativeList.enabled, true)).orderBy(asc(negativeList.orgPath), asc(negativeList.updatedAt), asc(negativeList.id));
  return rows.map(negativeEntryOf);
}

/** Every reconsideration body the scope sees (its city's list), city first. */
export async function visibleBodies(s: Scoped): Promise<ReconsiderationBody[]> {
  const rows = await s.db.select().from(bodies).orderBy(asc(bodies.divisionCode), asc(bodies.name), asc(bodies.id));
  return rows.map(bodyOf);
}

/** The lists as an org sees them: inherited from above, or owned in its subtree (`root`, default the caller's org). */
export async function listNegative(s: Scoped, orgCode?: string): Promise<NegativeListEntryView[]> {
  const root = await s.orgs.get(orgCode ?? s.actor.scope.orgCode);
  const rows = await s.db.select().from(negativeList).orderBy(asc(negativeList.orgPath), asc(negativeList.updatedAt), asc(negativeList.id));
  return rows.filter((r) => root.path.startsWith(r.orgPath) || r.orgPath.startsWith(root.path)).map((r) => negativeViewOf(r, s.actor));
}

export async function listBodies(s: Scoped): Promise<ReconsiderationBodyView[]> {
  const rows = await s.db.select().from(bodies).orderBy(asc(bodies.divisionCode), asc(bodies.name), asc(bodies.id));
  return rows.map((r) => bodyViewOf(r, s.actor));
}

/** The owner of a new entry: the caller's org or one in its subtree, a city or a county (offices keep no lists). */
async function ownerOf(s: Scoped, orgCode: string | undefined): Promise<OrgNode> {
  const owner = await s.orgs.get(orgCode ?? s.actor.scope.orgCode);
  if (owner.level !== 'city' && owner.level !== 'county' && owner.level !== 'region') {
    throw pluginError(applicationsManifest, 'listOwnerLevel', { orgCode: owner.code, level: owner.level }, {
      message: { zh: '负面清单和行政复议机关名单由市、旗县区维护，司法所不能维护。', en: 'The lists are kept by the city and the counties, not by judicial offices.' },
      issues: [{ path: 'orgCode', message: msg('invalidValue') }],
    });
  }
  return owner;
}

/** Reads an entry to change: NOT_FOUND outside the area, FORBIDDEN when owned above the caller, CONFLICT on a stale revision. */
async function lockable<Row extends { orgPath: string; orgCode: string; revision: number }>(s: Scoped, list: ListKind, id: string, revision: number, read: () => Promise<Row | undefined>, lock: () => Promise<Row | undefined>): Promise<Row> {
  const seen = await read();
  if (!seen) {
    throw pluginError(applicationsManifest, 'listEntryNotFound', { list, id }, { message: { zh: `找不到这个${listTitle[list].zh}，或它不在您的管辖范围内。`, en: `There is no such ${listTitle[list].en} in the area you manage.` } });
  }
  if (!seen.orgPath.startsWith(s.actor.scope.orgPath)) {
    throw pluginError(applicationsManifest, 'listEntryInherited', { list, id, ownerOrgCode: seen.orgCode }, {
      message: { zh: `这个${listTitle[list].zh}由上级或其他单位维护，您只能查看，不能修改或删除。`, en: `This ${listTitle[list].en} is kept by another unit (above you or beside you): you can read it, not change or delete it.` },
    });
  }
  const row = (await lock())!;
  if (row.revision !== revision) {
    throw pluginError(applicationsManifest, 'listRevisionConflict', { list, id, revision, currentRevision: row.revision }, {
      message: { zh: `已被他人修改（您编辑的是第 ${revision} 版，当前是第 ${row.revision} 版），请刷新后再改。`, en: `Changed by someone else meanwhile (you edited revision ${revision}; it is now at ${row.revision}). Reload it and apply your changes again.` },
    });
  }
  return row;
}

const lockNegative = (s: Scoped, id: string, revision: number) =>
  lockable(s, 'negative-list', id, revision, async () => (await s.db.select().from(negativeList).where(eq(negativeList.id, id)))[0], async () => (await s.db.select().from(negativeList).where(and(eq(negativeList.id, id), inSubtree(negativeList.orgPath, s.actor.scope.orgPath))).for('update'))[0]);
const lockBody = (s: Scoped, id: string, revision: number) =>
  lockable(s, 'bodies', id, revision, async () => (await s.db.select().from(bodies).where(eq(bodies.id, id)))[0], async () => (await s.db.select().from(bodies).where(and(eq(bodies.id, id), inSubtree(bodies.orgPath, s.actor.scope.orgPath))).for('update'))[0]);

const negativeValues = (input: Omit<NegativeCreate, 'orgCode'>) => ({ title: input.title, basis: input.basis, note: input.note ?? null, fields: input.fields, keywords: input.keywords, enabled: input.enabled });

export async function createNegative(s: Scoped, input: NegativeCreate, extra: { demo?: boolean } = {}): Promise<NegativeListEntryView> {
  const owner = await ownerOf(s, input.orgCode);
  const [row] = await s.db
    .insert(negativeList)
    .values({ orgCode: owner.code, orgPath: owner.path, ...negativeValues(input), demo: extra.demo ?? false, updatedBy: s.actor.userId, updatedAt: s.now() })
    .returning();
  await s.audit.record({ action: 'applications.negative-list.create', orgCode: owner.code, entity: 'applications_negative_list', entityId: row!.id, after: negativeValues(input) });
  return negativeViewOf(row!, s.actor);
}

export async function updateNegative(s: Scoped, input: NegativeUpdate): Promise<NegativeListEntryView> {
  const before = await lockNegative(s, input.id, input.revision);
  const [row] = await s.db
    .update(negativeList)
    .set({ ...negativeValues(input), revision: before.revision + 1, updatedBy: s.actor.userId, updatedAt: s.now() })
    .where(eq(negativeList.id, input.id))
    .returning();
  await s.audit.record({ action: 'applications.negative-list.update', orgCode: before.orgCode, entity: 'applications_negative_list', entityId: input.id, before: negativeValues({ ...before, note: before.note ?? undefined }), after: negativeValues(input) });
  return negativeViewOf(row!, s.actor);
}

export async function removeNegative(s: Scoped, input: { id: string; revision: number }): Promise<{ id: string }> {
  const before = await lockNegative(s, input.id, input.revision);
  await s.db.delete(negativeList).where(eq(negativeList.id, input.id));
  await s.audit.record({ action: 'applications.negative-list.delete', orgCode: before.orgCode, entity: 'applications_negative_list', entityId: input.id, before: negativeValues({ ...before, note: before.note ?? undefined }) });
  return { id: input.id };
}

const bodyValues = (input: Omit<BodyCreate, 'orgCode'>) => ({ name: input.name, level: input.level, divisionCode: input.divisionCode, area: input.area });

/** A body's division lies in its owner's (a county's body under that county, the city's under the city). */
function checkBodyOwner(owner: OrgNode, input: Omit<BodyCreate, 'orgCode'>) {
  if (!input.divisionCode.startsWith(owner.code) && !owner.code.startsWith(input.divisionCode)) {
    throw pluginError(applicationsManifest, 'listOwnerLevel', { orgCode: owner.code, level: owner.level }, {
      message: { zh: `行政复议机关所在行政区划（${input.divisionCode}）不在维护单位（${owner.code}）的辖区内。`, en: `The body's division (${input.divisionCode}) is outside the area of the unit keeping it (${owner.code}).` },
      issues: [{ path: 'divisionCode', message: msg('invalidValue') }],
    });
  }
}

export async function createBody(s: Scoped, input: BodyCreate, extra: { demo?: boolean } = {}): Promise<ReconsiderationBodyView> {
  const owner = await ownerOf(s, input.orgCode);
  checkBodyOwner(owner, input);
  const [row] = await s.db.insert(bodies).values({ orgCode: owner.code, orgPath: owner.path, ...bodyValues(input), demo: extra.demo ?? false, updatedBy: s.actor.userId, updatedAt: s.now() }).returning();
  await s.audit.record({ action: 'applications.bodies.create', orgCode: owner.code, entity: 'applications_bodies', entityId: row!.id, after: bodyValues(input) });
  return bodyViewOf(row!, s.actor);
}

export async function updateBody(s: Scoped, input: BodyUpdate): Promise<ReconsiderationBodyView> {
  const before = await lockBody(s, input.id, input.revision);
  checkBodyOwner(await s.orgs.get(before.orgCode), input);
  const [row] = await s.db.update(bodies).set({ ...bodyValues(input), revision: before.revision + 1, updatedBy: s.actor.userId, updatedAt: s.now() }).where(eq(bodies.id, input.id)).returning();
  await s.audit.record({ action: 'applications.bodies.update', orgCode: before.orgCode, entity: 'applications_bodies', entityId: input.id, before: bodyValues(before), after: bodyValues(input) });
  return bodyViewOf(row!, s.actor);
}

export async function removeBody(s: Scoped, input: { id: string; revision: number }): Promise<{ id: string }> {
  const before = await lockBody(s, input.id, input.revision);
  await s.db.delete(bodies).where(eq(bodies.id, input.id));
  await s.audit.record({ action: 'applications.bodies.delete', orgCode: before.orgCode, entity: 'applications_bodies', entityId: input.id, before: bodyValues(before) });
  return { id: input.id };
}
