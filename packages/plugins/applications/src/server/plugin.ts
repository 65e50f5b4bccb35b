/**
 * The server half: the manifest joined with the router (the case procedures, the checks before
 * forwarding and the two lists they read), the checks themselves (`caseChecks`: the engine runs
 * them before `forward`), the attachment routes (the application and evidence, every case type),
 * the deadline sources (the engine's: reconsideration and legal aid), the receipt template, the
 * lists' tables and migrations, and the seed (the city's reconsideration bodies from the org
 * tree; with `demo`, the demo negative list and demo applications). The platform's casework
 * engine keeps the cases.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { caseworkDeadlineSource, defineServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { applicationsManifest } from '../index.js';
import { applicationCaseTypes, legalAidCaseTypeCode, reconsiderationCaseTypeCode } from '../case-types.js';
import { reconsiderationReceiptTemplate } from './documents.js';
import { applicationsPermissions, applicationsRouter } from './router.js';
import { defaultApplicationsDemo, seedDemoApplications } from './seed.js';
import { reconsiderationCheckSource } from './checks.js';
import { bodies, negativeList } from './schema.js';
import { seedDemoNegativeList, seedReconsiderationBodies } from './seed-lists.js';

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
    caseChecks: [reconsiderationCheckSource],
    tables: [negativeList, bodies],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    async seed(ctx) {
      // The lists first: the demo applications are forwarded through the checks that read them.
      const lists = await ctx.runScoped(ctx.orgCodes[0]!, async (scoped) => ({ bodies: await seedReconsiderationBodies(scoped), negative: demo ? await seedDemoNegativeList(scoped) : 0 }));
      if (lists.bodies || lists.negative) ctx.log(`reconsideration lists: ${lists.bodies} bodies from the org tree${demo ? `, ${lists.negative} demo negative-list entries (labelled 示范)` : ''}`);
      if (demo) return seedDemoApplications(ctx, demo);
    },
  });
}
