/**
 * Standards and their versions: list, read, copy (a year's standard into another year), save the
 * draft, publish. A published version is frozen (a trigger refuses changing it); editing a
 * standard whose versions are all published starts a new draft version, so every score that
 * names a version can be computed again. Bodies are validated with the plugin's zod schema and
 * against the metrics installed plugins declare, on every save and again on publish.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import {
  canonicalJson,
  isWithinScope,
  pickText,
  SifaError,
  type FieldIssue,
  type LocalizedText,
  type MetricDefinition,
  type OrgNode,
} from '@sifa/core';
import type { AssessmentStandardBody, AssessmentStandardRef, AssessmentStandardSummary, AssessmentStandardVersion } from '../types.js';
import { inSubtree } from '@sifa/core/db';
import { assessmentMessages } from '../messages.js';
import { parseStandardBody } from '../schemas.js';
import type { AssessmentContext } from './context.js';
import { assessmentStandards, assessmentStandardVersions, type StandardRow, type StandardVersionRow } from './schema.js';

/** Org levels that may own a standard (offices are assessed, they do not set standards). */
const ownerLevels = new Set(['region', 'city', 'county']);

export const sha256Of = (body: AssessmentStandardBody) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** A published version with what scoring needs. */
export interface PublishedStandard {
  ref: AssessmentStandardRef;
  /** The owner's path: the standard applies to this subtree. */
  ownerPath: string;
  body: AssessmentStandardBody;
}

export function metricIssues(body: AssessmentStandardBody, metrics: ReadonlyMap<string, MetricDefinition>, locale: AssessmentContext['locale'], prefix = 'body'): FieldIssue[] {
  return body.items.flatMap((item, i) =>
    metrics.has(item.metric) ? [] : [{ path: `${prefix}.items.${i}.metric`, message: `${pickText(assessmentMessages.unknownMetric, locale)} (${item.metric})` }],
  );
}

function assertMetrics(ctx: AssessmentContext, body: AssessmentStandardBody): void {
  const issues = metricIssues(body, ctx.metrics, ctx.locale);
  if (issues.length > 0) throw new SifaError('VALIDATION_FAILED', { issues });
}

const notFound = (id: string, version?: number) =>
  new SifaError('NOT_FOUND', {
    message: version
      ? { zh: `找不到考核标准 ${id} 的第 ${version} 版（可能不存在、尚未发布或不在您的管辖范围内）。`, en: `Version ${version} of assessment standard ${id} was not found (it may not exist, not be published, or be outside your area).` }
      : { zh: `找不到考核标准 ${id}（可能不存在或不在您的管辖范围内）。`, en: `Assessment standard ${id} was not found (it may not exist or be outside your area).` },
    details: { id, ...(version ? { version } : {}) },
  });

function toVersion(row: StandardVersionRow, standard: StandardRow): AssessmentStandardVersion {
  return {
    id: standard.id,
    year: standard.year,
    ownerOrgCode: standard.orgCode,
    version: row.version,
    status: row.status,
    body: row.body,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
  };
}

export function refOf(standard: Pick<StandardRow, 'id' | 'year' | 'orgCode'>, version: Pick<StandardVersionRow, 'version' | 'body'>): AssessmentStandardRef {
  return { id: standard.id, version: version.version, year: standard.year, ownerOrgCode: standard.orgCode, title: version.body.title, demo: version.body.demo };
}

/** Standards the caller may see: its subtree's (drafts included) and its ancestors' published ones. */
export async function listStandards(ctx: AssessmentContext, input: { year?: number | undefined } = {}): Promise<AssessmentStandardSummary[]> {
  const scopePath = ctx.scope.orgPath;
  const rows = await ctx.db
    .select()
    .from(assessmentStandards)
    .where(
      and(
        or(inSubtree(assessmentStandards.orgPath, scopePath), and(isNotNull(assessmentStandards.publishedVersion), sql`${scopePath} LIKE ${assessmentStandards.orgPath} || '%'`)),
        input.year === undefined ? undefined : eq(assessmentStandards.year, input.year),
      ),
    )
    .orderBy(desc(assessmentStandards.year), assessmentStandards.orgPath);
  if (rows.length === 0) return [];
  const versions = await ctx.db
    .select({ standardId: assessmentStandardVersions.standardId, version: assessmentStandardVersions.version, body: assessmentStandardVersions.body })
    .from(assessmentStandardVersions)
    .where(inArray(assessmentStandardVersions.standardId, rows.map((r) => r.id)));
  const bodyOf = (id: string, version: number | null) => (version === null ? undefined : versions.find((v) => v.standardId === id && v.version === version)?.body);
  return rows.map((row) => {
    const mine = isWithinScope(row.orgPath, scopePath);
    const draftVersion = mine ? row.draftVersion : null;
    const body = bodyOf(row.id, draftVersion) ?? bodyOf(row.id, row.publishedVersion);
    return {
      id: row.id,
      year: row.year,
      ownerOrgCode: row.orgCode,
      title: body?.title ?? { zh: `考核标准（${row.year}年度）`, en: `Assessment standard ${row.year}` },
      demo: body?.demo ?? false,
      publishedVersion: row.publishedVersion,
      draftVersion,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

async function standardRow(ctx: AssessmentContext, id: string): Promise<StandardRow> {
  const [row] = await ctx.db.select().from(assessmentStandards).where(eq(assessmentStandards.id, id));
  if (!row) throw notFound(id);
  return row;
}

/** The standard, locked for the rest of the transaction, when the caller may change it. */
async function ownStandardForUpdate(ctx: AssessmentContext, id: string): Promise<StandardRow> {
  assertOwnSubtree(ctx, await standardRow(ctx, id));
  const [row] = await ctx.db.select().from(assessmentStandards).where(eq(assessmentStandards.id, id)).for('update');
  if (!row) throw notFound(id);
  return row;
}

/** A version (default: the published one, else the draft) as the caller may see it. */
export async function getStandard(ctx: AssessmentContext, input: { id: string; version?: number | undefined }): Promise<AssessmentStandardVersion> {
  const standard = await standardRow(ctx, input.id);
  const version = input.version ?? standard.publishedVersion ?? standard.draftVersion;
  if (version === null) throw notFound(input.id);
  const [row] = await ctx.db
    .select()
    .from(assessmentStandardVersions)
    .where(and(eq(assessmentStandardVersions.standardId, standard.id), eq(assessmentStandardVersions.version, version)));
  if (!row) throw notFound(input.id, version);
  return toVersion(row, standard);
}

/** The caller may change standards owned in its own subtree only (the ancestors' are read-only). */
function assertOwnSubtree(ctx: AssessmentContext, standard: StandardRow): void {
  if (isWithinScope(standard.orgPath, ctx.scope.orgPath)) return;
  throw new SifaError('FORBIDDEN', {
    message: {
      zh: `该考核标准属于上级单位（${standard.orgCode}），您只能查看。如需本单位的标准，请复制后修改。`,
      en: `This standard belongs to a higher unit (${standard.orgCode}); you can read it only. To have your own, copy it and change the copy.`,
    },
    details: { id: standard.id, ownerOrgCode: standard.orgCode },
  });
}

async function owner(ctx: AssessmentContext, orgCode: string): Promise<OrgNode> {
  const node = await ctx.orgs.get(orgCode);
  if (!ownerLevels.has(node.level)) {
    throw new SifaError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'ownerOrgCode',
          message: pickText({ zh: '考核标准由市、旗县区或自治区一级制定，司法所不能拥有考核标准。', en: 'Standards are set by a county, the city or the region; a judicial office cannot own one.' }, ctx.locale),
        },
      ],
    });
  }
  return node;
}

function retitle(title: LocalizedText, fromYear: number, toYear: number): LocalizedText {
  const swap = (s: string) => s.replaceAll(String(fromYear), String(toYear));
  return { zh: swap(title.zh), en: swap(title.en), ...(title.mn ? { mn: swap(title.mn) } : {}) };
}

async function assertNoStandard(ctx: AssessmentContext, node: OrgNode, year: number): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: assessmentStandards.id })
    .from(assessmentStandards)
    .where(and(eq(assessmentStandards.orgCode, node.code), eq(assessmentStandards.year, year)));
  if (existing) {
    throw new SifaError('CONFLICT', {
      message: {
        zh: `${node.name.zh}已有 ${year} 年度的考核标准（${existing.id}），请直接修改它。`,
        en: `${node.name.en ?? node.name.zh} already has a ${year} standard (${existing.id}); edit that one.`,
      },
      details: { id: existing.id, year },
    });
  }
}

async function insertStandard(ctx: AssessmentContext, node: OrgNode, year: number, body: AssessmentStandardBody): Promise<{ standard: StandardRow; row: StandardVersionRow }> {
  const [standard] = await ctx.db
    .insert(assessmentStandards)
    .values({ orgCode: node.code, orgPath: node.path, year, publishedVersion: null, draftVersion: 1, createdAt: ctx.now, createdBy: ctx.actor.userId, updatedAt: ctx.now })
    .returning();
  const [row] = await ctx.db
    .insert(assessmentStandardVersions)
    .values({ standardId: standard!.id, orgCode: node.code, orgPath: node.path, version: 1, status: 'draft', body, sha256: sha256Of(body), createdAt: ctx.now, createdBy: ctx.actor.userId })
    .returning();
  return { standard: standard!, row: row! };
}

/** A new standard of `year` owned by `ownerOrgCode` (default: the caller's org), as draft version 1. */
export async function createStandard(
  ctx: AssessmentContext,
  input: { year: number; ownerOrgCode?: string | undefined; body: AssessmentStandardBody },
): Promise<AssessmentStandardVersion> {
  const node = await owner(ctx, input.ownerOrgCode ?? ctx.scope.orgCode);
  await assertNoStandard(ctx, node, input.year);
  const body = parseStandardBody(input.body);
  assertMetrics(ctx, body);
  const { standard, row } = await insertStandard(ctx, node, input.year, body);
  await ctx.audit.record({ action: 'assessment.standard.create', orgCode: node.code, entity: 'assessment_standards', entityId: standard.id, after: { year: input.year, sha256: row.sha256 } });
  return toVersion(row, standard);
}

/** Copies a standard's version into a new standard for `year` (a draft, version 1). */
export async function copyStandard(
  ctx: AssessmentContext,
  input: { from: { id: string; version?: number | undefined }; year: number; ownerOrgCode?: string | undefined; title?: LocalizedText | undefined },
): Promise<AssessmentStandardVersion> {
  const source = await getStandard(ctx, input.from);
  const node = await owner(ctx, input.ownerOrgCode ?? ctx.scope.orgCode);
  await assertNoStandard(ctx, node, input.year);
  const body = parseStandardBody({ ...source.body, title: input.title ?? retitle(source.body.title, source.year, input.year) });
  assertMetrics(ctx, body);
  const { standard, row } = await insertStandard(ctx, node, input.year, body);
  await ctx.audit.record({
    action: 'assessment.standard.copy',
    orgCode: node.code,
    entity: 'assessment_standards',
    entityId: standard.id,
    after: { from: { id: source.id, version: source.version }, year: input.year, sha256: row.sha256 },
  });
  return toVersion(row, standard);
}

const draftConflict = (id: string, current: number | null) =>
  new SifaError('CONFLICT', {
    message: {
      zh: '草稿已被他人修改或发布，请刷新后再编辑。',
      en: 'The draft was changed or published by someone else. Reload it and edit again.',
    },
    details: { id, draftVersion: current },
  });

/**
 * Replaces the draft's body (creating the draft, as the next version, when there is none).
 * `draftVersion` is the draft the editor started from (null: none); anything else is a conflict.
 */
export async function saveDraft(
  ctx: AssessmentContext,
  input: { id: string; draftVersion?: number | null | undefined; body: AssessmentStandardBody },
): Promise<AssessmentStandardVersion> {
  const standard = await ownStandardForUpdate(ctx, input.id);
  if (input.draftVersion !== undefined && input.draftVersion !== standard.draftVersion) throw draftConflict(standard.id, standard.draftVersion);
  const body = parseStandardBody(input.body);
  assertMetrics(ctx, body);
  const sha256 = sha256Of(body);
  let row: StandardVersionRow;
  if (standard.draftVersion !== null) {
    [row] = (await ctx.db
      .update(assessmentStandardVersions)
      .set({ body, sha256, createdAt: ctx.now, createdBy: ctx.actor.userId })
      .where(and(eq(assessmentStandardVersions.standardId, standard.id), eq(assessmentStandardVersions.version, standard.draftVersion)))
      .returning()) as [StandardVersionRow];
  } else {
    const version = (standard.publishedVersion ?? 0) + 1;
    [row] = (await ctx.db
      .insert(assessmentStandardVersions)
      .values({ standardId: standard.id, orgCode: standard.orgCode, orgPath: standard.orgPath, version, status: 'draft', body, sha256, createdAt: ctx.now, createdBy: ctx.actor.userId })
      .returning()) as [StandardVersionRow];
    await ctx.db.update(assessmentStandards).set({ draftVersion: version, updatedAt: ctx.now }).where(eq(assessmentStandards.id, standard.id));
  }
  await ctx.db.update(assessmentStandards).set({ updatedAt: ctx.now }).where(eq(assessmentStandards.id, standard.id));
  await ctx.audit.record({ action: 'assessment.standard.save-draft', orgCode: standard.orgCode, entity: 'assessment_standards', entityId: standard.id, after: { version: row.version, sha256 } });
  return toVersion(row, { ...standard, draftVersion: row.version });
}

/** Publishes the draft: it becomes the version scores use, frozen from now on. */
export async function publishDraft(ctx: AssessmentContext, input: { id: string; draftVersion: number }): Promise<AssessmentStandardVersion> {
  const standard = await ownStandardForUpdate(ctx, input.id);
  if (standard.draftVersion === null || standard.draftVersion !== input.draftVersion) throw draftConflict(standard.id, standard.draftVersion);
  const [draft] = await ctx.db
    .select()
    .from(assessmentStandardVersions)
    .where(and(eq(assessmentStandardVersions.standardId, standard.id), eq(assessmentStandardVersions.version, input.draftVersion)));
  if (!draft) throw notFound(standard.id, input.draftVersion);
  // Installed plugins may have changed since the draft was saved.
  const issues = metricIssues(draft.body, ctx.metrics, ctx.locale);
  if (issues.length > 0) throw new SifaError('VALIDATION_FAILED', { issues });
  const [row] = await ctx.db
    .update(assessmentStandardVersions)
    .set({ status: 'published', publishedAt: ctx.now, publishedBy: ctx.actor.userId })
    .where(and(eq(assessmentStandardVersions.standardId, standard.id), eq(assessmentStandardVersions.version, input.draftVersion)))
    .returning();
  await ctx.db.update(assessmentStandards).set({ publishedVersion: input.draftVersion, draftVersion: null, updatedAt: ctx.now }).where(eq(assessmentStandards.id, standard.id));
  await ctx.audit.record({ action: 'assessment.standard.publish', orgCode: standard.orgCode, entity: 'assessment_standards', entityId: standard.id, after: { version: input.draftVersion, sha256: draft.sha256 } });
  return toVersion(row!, { ...standard, publishedVersion: input.draftVersion, draftVersion: null });
}

/**
 * The published standards of `year` that can apply somewhere in `root`'s subtree: owned by the
 * root, an ancestor of it, or an org below it.
 */
export async function publishedStandardsAround(ctx: Pick<AssessmentContext, 'db'>, root: Pick<OrgNode, 'path'>, year: number): Promise<PublishedStandard[]> {
  const rows = await ctx.db
    .select({ standard: assessmentStandards, version: assessmentStandardVersions })
    .from(assessmentStandards)
    .innerJoin(
      assessmentStandardVersions,
      and(eq(assessmentStandardVersions.standardId, assessmentStandards.id), eq(assessmentStandardVersions.version, assessmentStandards.publishedVersion)),
    )
    .where(
      and(
        eq(assessmentStandards.year, year),
        or(inSubtree(assessmentStandards.orgPath, root.path), sql`${root.path} LIKE ${assessmentStandards.orgPath} || '%'`),
      ),
    );
  return rows.map(({ standard, version }) => ({ ref: refOf(standard, version), ownerPath: standard.orgPath, body: version.body }));
}

/** The standard that applies at `path`: the published one of the nearest owner at or above it. */
export function applicableAt(standards: readonly PublishedStandard[], path: string): PublishedStandard | null {
  let best: PublishedStandard | null = null;
  for (const s of standards) if (path.startsWith(s.ownerPath) && (!best || s.ownerPath.length > best.ownerPath.length)) best = s;
  return best;
}

/** One published version, named explicitly (reproducing an earlier score). */
export async function publishedVersion(ctx: AssessmentContext, ref: { id: string; version: number }): Promise<PublishedStandard> {
  const [found] = await ctx.db
    .select({ standard: assessmentStandards, version: assessmentStandardVersions })
    .from(assessmentStandardVersions)
    .innerJoin(assessmentStandards, eq(assessmentStandards.id, assessmentStandardVersions.standardId))
    .where(and(eq(assessmentStandardVersions.standardId, ref.id), eq(assessmentStandardVersions.version, ref.version), eq(assessmentStandardVersions.status, 'published')));
  if (!found) throw notFound(ref.id, ref.version);
  return { ref: refOf(found.standard, found.version), ownerPath: found.standard.orgPath, body: found.version.body };
}
