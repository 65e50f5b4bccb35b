/**
 * The tours plugin's server half: public reads of published versions (`tours.list`, `tours.get`), draft editing for editors (`tours.editable`, `tours.draft`,
 * `tours.create`, `tours.saveDraft` with the whole draft validated at once, `tours.publish`),
 * the image routes (upload, full image, preview) and the synthetic demo seed.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  createRouter,
  defineServerPlugin,
  localizedTextSchema,
  orgCodeSchema,
  publicReadProcedure,
  scopedProcedure,
} from '@sifa/core';
import { toursManifest } from '../index.js';
import { tourDraftSchema, tourKindSchema } from '../schemas.js';
import { defaultImageLimits, imageRoutes, type ImageLimits } from './images.js';
import { tourImages, tours, tourVersions } from './schema.js';
import type { EditorTourSummary, TourDraftView, TourSummary, TourVersion, TourVersionInfo } from '../types.js';
import { createTour, draftView, editorTours, publish, publishedTours, publishedVersion, saveDraft, type WriteContext } from './service.js';
import { seedDemoTours, type DemoSeedOptions } from './demo-seed.js';

export const toursPluginOptionsSchema = z.object({
  /**
   * Prefix of image URLs, e.g. "https://sifa.example.gov.cn". Default "": server-relative URLs
   * (`/plugins/tours/…`), which widgets resolve against their Sifa endpoint.
   */
  baseUrl: z.string().regex(/^(https?:\/\/[^/?#\s]+)?$/, 'An origin like https://sifa.example.gov.cn, or ""').default(''),
  imageLimits: z
    .object({
      maxBytes: z.number().int().min(1024).max(200 * 1024 * 1024),
      minWidth: z.number().int().min(64),
      maxWidth: z.number().int().max(32768),
      /** The pixel budget (default 8192×4096); at most 16384×8192. */
      maxPixels: z.number().int().min(1024 * 512).max(16384 * 8192),
      previewWidth: z.number().int().min(256).max(4096),
    })
    .partial()
    .default({}),
  /** The demo seed: panorama width (4096 default) and where generated panoramas are cached. */
  demo: z.object({ panoramaWidth: z.number().int().min(1024).max(8192).multipleOf(4).optional(), cacheDir: z.string().nullable().optional() }).default({}),
});
export type ToursPluginOptions = z.input<typeof toursPluginOptionsSchema>;

export function createToursPlugin(options: ToursPluginOptions = {}) {
  const parsed = toursPluginOptionsSchema.parse(options);
  const baseUrl = parsed.baseUrl;
  const limits: ImageLimits = { ...defaultImageLimits, ...parsed.imageLimits };
  const demo: DemoSeedOptions = { width: parsed.demo.panoramaWidth ?? 4096, cacheDir: parsed.demo.cacheDir, limits, baseUrl };

  const writeContext = (ctx: { db: WriteContext['db']; orgs: WriteContext['orgs']; audit: WriteContext['audit']; platform: { now(): Date } }): WriteContext => ({
    db: ctx.db,
    orgs: ctx.orgs,
    audit: ctx.audit,
    now: ctx.platform.now(),
    baseUrl,
  });
  const tourId = z.string().min(1).max(64);
  const revision = z.number().int().min(0).optional();

  const router = createRouter({
    /** Published tours in the key's (or caller's) subtree, or in `orgCode`'s. */
    list: publicReadProcedure.input(z.object({ orgCode: orgCodeSchema.optional() })).query(async ({ ctx, input }): Promise<TourSummary[]> => {
      const root = input.orgCode ? (await ctx.orgs.get(input.orgCode)).path : ctx.scope.orgPath;
      return publishedTours(ctx.db, root, baseUrl);
    }),

    /** The latest published version, or `version` from the archive, exactly as it was published. */
    get: publicReadProcedure
      .input(z.object({ tourId, version: z.number().int().min(1).optional() }))
      .query(({ ctx, input }): Promise<TourVersion> => publishedVersion(ctx.db, input.tourId, input.version, baseUrl)),

    /** Every tour in the caller's subtree (or `orgCode`'s), drafts included. */
    editable: scopedProcedure('tours.write')
      .input(z.object({ orgCode: orgCodeSchema.optional() }))
      .query(async ({ ctx, input }): Promise<EditorTourSummary[]> => {
        const root = input.orgCode ? (await ctx.orgs.get(input.orgCode)).path : ctx.scope.orgPath;
        return editorTours(ctx.db, root, baseUrl);
      }),

    /** The draft, rendered like a version (version null), with its raw form and revision. */
    draft: scopedProcedure('tours.write')
      .input(z.object({ tourId }))
      .query(({ ctx, input }): Promise<TourDraftView> => draftView(ctx.db, input.tourId, baseUrl)),

    /** A new tour with an empty draft, owned by `orgCode` (default: the caller's org). */
    create: scopedProcedure('tours.write')
      .input(z.object({ orgCode: orgCodeSchema.optional(), kind: tourKindSchema, title: localizedTextSchema }))
      .mutation(({ ctx, input }): Promise<TourDraftView> => createTour(writeContext(ctx), { ...input, orgCode: input.orgCode ?? ctx.scope.orgCode })),

    /**
     * Replaces the whole draft (title, scenes, hotspots, order), validated as one. `revision` is
     * the draft revision the editor started from: a save over someone else's is refused.
     */
    saveDraft: scopedProcedure('tours.write')
      .input(z.object({ tourId, revision, draft: tourDraftSchema }))
      .mutation(({ ctx, input }): Promise<TourDraftView> => saveDraft(writeContext(ctx), input.tourId, input.revision, input.draft)),

    /** Freezes the draft as the next version (the public then sees it); the draft stays editable. */
    publish: scopedProcedure('tours.write')
      .input(z.object({ tourId, revision, note: localizedTextSchema.nullable().default(null) }))
      .mutation(({ ctx, input }): Promise<TourVersionInfo> => publish(writeContext(ctx), input.tourId, input.revision, input.note, ctx.actor.userId)),
  });

  return defineServerPlugin(toursManifest, {
    router,
    tables: [tours, tourVersions, tourImages],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    routes: imageRoutes(limits, baseUrl),
    seed: (ctx) => seedDemoTours(ctx, demo),
  });
}

/** The tours router, as mounted under `tours.` (what `ToursApi` is inferred from). */
export type ToursRouter = NonNullable<ReturnType<typeof createToursPlugin>['router']>;
