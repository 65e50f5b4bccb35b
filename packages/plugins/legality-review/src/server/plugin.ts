/**
 * The server half: the manifest joined with the router (the case procedures and statistics), the
 * attachment routes (the submitted materials) and the deadline source of the case type (the
 * engine's), the review opinion template and the demo seed. No tables of its own: the platform's
 * casework engine keeps the cases.
 */
import { z } from 'zod';
import { caseworkDeadlineSource, defineServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { legalityReviewManifest } from '../index.js';
import { legalityReviewCaseTypeCode } from '../case-type.js';
import { legalityOpinionTemplate } from './documents.js';
import { legalityReviewPermissions, legalityReviewRouter } from './router.js';
import { defaultLegalityReviewDemo, seedDemoLegalityReviews } from './seed.js';

export const legalityReviewPluginOptionsSchema = z.object({
  /** Demo cases at `sifa seed` (false: none). */
  demo: z
    .union([
      z.literal(false),
      z.object({
        /** The offices that get demo reviews: 'all' (default) or a list of codes. */
        offices: z.union([z.literal('all'), z.array(z.string().regex(/^\d{9}$/)).max(500)]).default(defaultLegalityReviewDemo.offices),
        /** Offices whose reviews are taken step by step (documents issued; default the demo accounts' 西屯, 三中街); the others' are imported whole. */
        stepByStep: z.array(z.string().regex(/^\d{9}$/)).max(500).default(defaultLegalityReviewDemo.stepByStep),
        /** Reviews a year of each. */
        perOffice: z.number().int().min(0).max(200).default(defaultLegalityReviewDemo.perOffice),
      }),
    ])
    .default(defaultLegalityReviewDemo),
});
export type LegalityReviewPluginOptions = z.input<typeof legalityReviewPluginOptionsSchema>;

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createLegalityReviewPlugin(), …]`. */
export function createLegalityReviewPlugin(options: LegalityReviewPluginOptions = {}) {
  const parsed = legalityReviewPluginOptionsSchema.parse(options);
  const demo = parsed.demo;
  return defineServerPlugin(legalityReviewManifest, {
    router: legalityReviewRouter,
    routes: caseworkRoutes(legalityReviewCaseTypeCode, legalityReviewPermissions),
    deadlineSources: [caseworkDeadlineSource(legalityReviewCaseTypeCode, { code: 'legality-review.deadlines', title: { zh: '合法性审核期限', en: 'Legality review periods' } })],
    documentTemplates: [legalityOpinionTemplate],
    ...(demo ? { seed: (ctx) => seedDemoLegalityReviews(ctx, demo) } : {}),
  });
}
