/**
 * The server half: the manifest joined with the router (the case procedures and the period check),
 * the attachment routes (the application and evidence, every case type), the deadline sources
 * (the engine's: reconsideration and legal aid), the receipt template and the demo seed. No tables of its own: the platform's casework
 * engine keeps the cases.
 */
import { z } from 'zod';
import { caseworkDeadlineSource, defineServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { applicationsManifest } from '../index.js';
import { applicationCaseTypes, legalAidCaseTypeCode, reconsiderationCaseTypeCode } from '../case-types.js';
import { reconsiderationReceiptTemplate } from './documents.js';
import { applicationsPermissions, applicationsRouter } from './router.js';
import { defaultApplicationsDemo, seedDemoApplications } from './seed.js';

export const applicationsPluginOptionsSchema = z.object({
  /** Demo applications at `sifa seed` (false: none). */
  demo: z
    .union([
      z.literal(false),
      z.object({
        /** The offices that get demo applications: 'all' (default) or a list of codes. */
        offices: z.union([z.literal('all'), z.array(z.string().regex(/^\d{9}$/)).max(500)]).default(defaultApplicationsDemo.offices),
        /** Offices whose applications are taken step by step (the receipt issued; default the demo accounts' 西屯, 三中街); the others' are imported whole. */
        stepByStep: z.array(z.string().regex(/^\d{9}$/)).max(500).default(defaultApplicationsDemo.stepByStep),
      }),
    ])
    .default(defaultApplicationsDemo),
});
export type ApplicationsPluginOptions = z.input<typeof applicationsPluginOptionsSchema>;

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createApplicationsPlugin(), …]`. */
export function createApplicationsPlugin(options: ApplicationsPluginOptions = {}) {
  const parsed = applicationsPluginOptionsSchema.parse(options);
  const demo = parsed.demo;
  return defineServerPlugin(applicationsManifest, {
    router: applicationsRouter,
    // One attachment route for every case type of the plugin (the case id tells them apart).
    routes: caseworkRoutes(applicationCaseTypes.map((type) => type.code), applicationsPermissions),
    deadlineSources: [
      caseworkDeadlineSource(reconsiderationCaseTypeCode, { code: 'applications.deadlines', title: { zh: '行政复议转递期限', en: 'Reconsideration forwarding periods' } }),
      caseworkDeadlineSource(legalAidCaseTypeCode, { code: 'applications.legal-aid-deadlines', title: { zh: '法律援助申请转交期限', en: 'Legal-aid application periods' } }),
    ],
    documentTemplates: [reconsiderationReceiptTemplate],
    ...(demo ? { seed: (ctx) => seedDemoApplications(ctx, demo) } : {}),
  });
}
