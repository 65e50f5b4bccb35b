/**
 * Tours, drafts and versions over a db handle the caller scoped (a scoped transaction, a public
 * READ ONLY one, or the seed's): the procedures and the demo seed share these, so the seed goes
 * through the same validation and publishing as an editor.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { SifaError, type AuditWriter, type LocalizedText, type OrgDirectory, type SifaDb } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { tourDraftSchema, type TourDraft } from '../schemas.js';
import type { EditorTourSummary, Scene, TourDraftView, TourKind, TourSummary, TourVersion, TourVersionInfo } from '../types.js';
import { imageRefs, panoramaOf } from './images.js';
import { tours, tourVersions, type ImageRef, type TourRow, type TourSnapshot } from './schema.js';

const tourNotFound = (tourId: string) =>
  new SifaError('NOT_FOUND', {
    message: {
      zh: '找不到这个 VR 全景，它可能尚未发布，或不在您的管辖范围内。',
      en: 'This VR tour was not found. It may not be published yet, or it is outside the area you manage.',
    },
    details: { tourId },
  });

function scenesOf(draft: TourDraft, images: ReadonlyMap<string, ImageRef> | Record<string, ImageRef>, baseUrl: string): Scene[] {
  const get = (sha: string) => (images instanceof Map ? images.get(sha) : (images as Record<string, ImageRef>)[sha]);
  return draft.scenes.flatMap((scene) => {
    const ref = get(scene.image);
    if (!ref) return [];
    return [{ id: scene.id, title: scene.title, image: panoramaOf(ref, baseUrl), initialView: scene.initialView, northOffset: scene.northOffset, hotspots: scene.hotspots }];
  });
}

const firstSceneOf = (draft: TourDraft) => draft.firstSceneId ?? draft.scenes[0]?.id ?? '';

export async function versionList(db: SifaDb, tourId: string): Promise<TourVersionInfo[]> {
  const rows = await db
    .select({ version: tourVersions.version, publishedAt: tourVersions.publishedAt, note: tourVersions.note })
    .from(tourVersions)
    .where(eq(tourVersions.tourId, tourId))
    .orderBy(desc(tourVersions.version));
  return rows.map((r) => ({ version: r.version, publishedAt: r.publishedAt.toISOString(), note: r.note ?? null }));
}

async function findTour(db: SifaDb, tourId: string, lock = false): Promise<TourRow> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tourId)) throw tourNotFound(tourId);
  const query = db.select().from(tours).where(eq(tours.id, tourId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw tourNotFound(tourId);
  return row;
}

/** A published version (the latest without `version`), exactly as frozen. */
export async function publishedVersion(db: SifaDb, tourId: string, version: number | undefined, baseUrl: string): Promise<TourVersion> {
  const tour = await findTour(db, tourId);
  const wanted = version ?? tour.latestVersion;
  if (wanted === null) throw tourNotFound(tourId);
  const [row] = await db.select().from(tourVersions).where(and(eq(tourVersions.tourId, tour.id), eq(tourVersions.version, wanted)));
  if (!row) {
    throw new SifaError('NOT_FOUND', {
      message: { zh: `这个 VR 全景没有第 ${wanted} 版。`, en: `This VR tour has no version ${wanted}.` },
      details: { tourId, version: wanted },
    });
  }
  const { draft, images, kind } = row.snapshot;
  return {
    tourId: tour.id,
    orgCode: tour.orgCode,
    kind,
    title: draft.title,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    firstSceneId: firstSceneOf(draft),
    scenes: scenesOf(draft, images, baseUrl),
    versions: await versionList(db, tour.id),
  };
}

/** Published tours in `root`'s subtree (the scope's when absent), by org then newest publication. */
export async function publishedTours(db: SifaDb, rootPath: string, baseUrl: string): Promise<TourSummary[]> {
  const rows = await db
    .select({ tour: tours, published: tourVersions })
    .from(tours)
    .innerJoin(tourVersions, and(eq(tourVersions.tourId, tours.id), eq(tourVersions.version, tours.latestVersion)))
    .where(and(isNotNull(tours.latestVersion), inSubtree(tours.orgPath, rootPath)))
    .orderBy(tours.orgCode, desc(tourVersions.publishedAt), tours.id);
  return rows.map(({ tour, published }) => {
    const { draft, images } = published.snapshot;
    const first = draft.scenes.find((s) => s.id === firstSceneOf(draft));
    const cover = first ? images[first.image] : undefined;
    return {
      id: tour.id,
      orgCode: tour.orgCode,
      kind: tour.kind,
      title: draft.title,
      latestVersion: published.version,
      publishedAt: published.publishedAt.toISOString(),
      coverUrl: cover ? panoramaOf(cover, baseUrl).previewUrl : null,
    };
  });
}

/** Every tour (published or not) in `rootPath`'s subtree, for editors; titles are the drafts'. */
export async function editorTours(db: SifaDb, rootPath: string, baseUrl: string): Promise<EditorTourSummary[]> {
  // Only each tour's latest version is read (never the whole archive of snapshots).
  const rows = await db
    .select({ tour: tours, published: { publishedAt: tourVersions.publishedAt, snapshot: tourVersions.snapshot } })
    .from(tours)
    .leftJoin(tourVersions, and(eq(tourVersions.tourId, tours.id), eq(tourVersions.version, tours.latestVersion)))
    .where(inSubtree(tours.orgPath, rootPath))
    .orderBy(tours.orgCode, tours.createdAt, tours.id);
  return rows.map(({ tour, published: p }) => {
    const first = p?.snapshot.draft.scenes.find((s) => s.id === firstSceneOf(p.snapshot.draft));
    const cover = first ? p!.snapshot.images[first.image] : undefined;
    return {
      id: tour.id,
      orgCode: tour.orgCode,
      kind: tour.kind,
      title: tour.draft.title,
      latestVersion: tour.latestVersion,
      publishedAt: p ? p.publishedAt.toISOString() : null,
      coverUrl: cover ? panoramaOf(cover, baseUrl).previewUrl : null,
      revision: tour.draftRevision,
      updatedAt: tour.updatedAt.toISOString(),
    };
  });
}

export async function draftView(db: SifaDb, tourId: string, baseUrl: string, row?: TourRow): Promise<TourDraftView> {
  const tour = row ?? (await findTour(db, tourId));
  const refs = await imageRefs(db, tour.draft.scenes.map((s) => s.image));
  return {
    tourId: tour.id,
    orgCode: tour.orgCode,
    kind: tour.kind,
    title: tour.draft.title,
    version: null,
    publishedAt: null,
    firstSceneId: firstSceneOf(tour.draft),
    scenes: scenesOf(tour.draft, refs, baseUrl),
    versions: await versionList(db, tour.id),
    revision: tour.draftRevision,
    updatedAt: tour.updatedAt.toISOString(),
    draft: tour.draft,
  };
}

export interface WriteContext {
  db: SifaDb;
  orgs: OrgDirectory;
  audit: AuditWriter;
  now: Date;
  baseUrl: string;
}

export async function createTour(
  w: WriteContext,
  input: { orgCode: string; kind: TourKind; title: LocalizedText; id?: string | undefined },
): Promise<TourDraftView> {
  const org = await w.orgs.get(input.orgCode);
  if (input.kind === 'office' && org.level !== 'office') {
    throw new SifaError('VALIDATION_FAILED', {
      issues: [{ path: 'orgCode', message: `A tour of kind "office" belongs to a judicial office; ${org.name.en ?? org.name.zh} is not one.` }],
      message: { zh: `“司法所”类全景须属于司法所，${org.name.zh}不是司法所。`, en: `A tour of kind "office" belongs to a judicial office; ${org.name.en ?? org.name.zh} is not one.` },
    });
  }
  const draft: TourDraft = { title: input.title, firstSceneId: null, scenes: [] };
  const [row] = await w.db
    .insert(tours)
    .values({ ...(input.id ? { id: input.id } : {}), orgCode: org.code, orgPath: org.path, kind: input.kind, draft, createdAt: w.now, updatedAt: w.now })
    .returning();
  await w.audit.record({ action: 'tours.create', orgCode: org.code, entity: 'tours_tours', entityId: row!.id, after: { kind: input.kind, draft } });
  return draftView(w.db, row!.id, w.baseUrl, row);
}

const staleRevision = (tourId: string, given: number, current: number) =>
  new SifaError('CONFLICT', {
    message: {
      zh: `草稿已被他人修改（您编辑的是第 ${given} 次保存的版本，当前是第 ${current} 次），请刷新后再改。`,
      en: `The draft was changed by someone else meanwhile (you edited revision ${given}; it is now at ${current}). Reload it and apply your changes again.`,
    },
    details: { tourId, revision: given, currentRevision: current },
  });

/** Replaces the draft (validated by `tourDraftSchema` already); every scene image must be uploaded. */
export async function saveDraft(w: WriteContext, tourId: string, revision: number | undefined, draft: TourDraft): Promise<TourDraftView> {
  const before = await findTour(w.db, tourId, true);
  if (revision !== undefined && revision !== before.draftRevision) throw staleRevision(tourId, revision, before.draftRevision);
  const refs = await imageRefs(w.db, draft.scenes.map((s) => s.image));
  const issues = draft.scenes.flatMap((s, i) =>
    refs.has(s.image) ? [] : [{ path: `draft.scenes.${i}.image`, message: `No uploaded panorama has the SHA-256 ${s.image}: upload it first (POST /plugins/tours/images).` }],
  );
  if (issues.length) throw new SifaError('VALIDATION_FAILED', { issues, message: { zh: '场景引用了尚未上传的全景图，请先上传。', en: 'A scene uses a panorama that has not been uploaded. Upload it first.' } });
  const [after] = await w.db
    .update(tours)
    .set({ draft, draftRevision: before.draftRevision + 1, updatedAt: w.now })
    .where(eq(tours.id, before.id))
    .returning();
  await w.audit.record({ action: 'tours.draft.save', orgCode: before.orgCode, entity: 'tours_tours', entityId: before.id, before: before.draft, after: draft });
  return draftView(w.db, before.id, w.baseUrl, after);
}

/** Freezes the draft as the next version; the draft stays editable. */
export async function publish(w: WriteContext, tourId: string, revision: number | undefined, note: LocalizedText | null, publishedBy: string): Promise<TourVersionInfo> {
  const tour = await findTour(w.db, tourId, true);
  if (revision !== undefined && revision !== tour.draftRevision) throw staleRevision(tourId, revision, tour.draftRevision);
  // The stored draft is checked again by today's rules: a draft saved before a rule was
  // tightened (a hotspot link that only the browser's URL parsing shows to be `javascript:`)
  // is never published as it is.
  const recheck = tourDraftSchema.safeParse(tour.draft);
  if (!recheck.success) {
    throw new SifaError('VALIDATION_FAILED', {
      message: {
        zh: '草稿中有现在不允许的内容（例如不安全的链接地址），请按提示修改草稿后再发布。',
        en: 'The draft contains something that is no longer allowed (such as an unsafe link address). Correct the draft as indicated and publish again.',
      },
      issues: recheck.error.issues.map((issue) => ({ path: ['draft', ...issue.path.map(String)].join('.'), message: issue.message })),
    });
  }
  if (tour.draft.scenes.length === 0) {
    throw new SifaError('VALIDATION_FAILED', {
      message: { zh: '至少添加一个场景后才能发布。', en: 'Add at least one scene before publishing.' },
      issues: [{ path: 'draft.scenes', message: 'Add at least one scene before publishing.' }],
    });
  }
  const refs = await imageRefs(w.db, tour.draft.scenes.map((s) => s.image));
  const missing = tour.draft.scenes.find((s) => !refs.has(s.image));
  if (missing) throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'draft.scenes', message: `The panorama of scene "${missing.id}" is missing.` }] });
  const version = (tour.latestVersion ?? 0) + 1;
  const snapshot: TourSnapshot = { kind: tour.kind, draft: tour.draft, images: Object.fromEntries(refs) };
  await w.db.insert(tourVersions).values({ tourId: tour.id, orgCode: tour.orgCode, orgPath: tour.orgPath, version, publishedAt: w.now, publishedBy, note, snapshot });
  await w.db.update(tours).set({ latestVersion: version }).where(eq(tours.id, tour.id));
  const info = { version, publishedAt: w.now.toISOString(), note };
  await w.audit.record({ action: 'tours.publish', orgCode: tour.orgCode, entity: 'tours_versions', entityId: `${tour.id}/${version}`, after: snapshot });
  return info;
}
