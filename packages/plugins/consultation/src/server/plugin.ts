/**
 * The server half: the manifest joined with the router (the case procedures and the plugin's own),
 * the attachment routes and the deadline source of the case type (the engine's), the record
 * sheet template and the demo seed. No tables of its own: the platform's casework engine keeps
 * the records (`cases`, `case_events` …).
 */
import { z } from 'zod';
import { caseworkDeadlineSource, defineServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { consultationManifest } from '../index.js';
import { consultationCaseTypeCode } from '../case-type.js';
import { consultationSheetTemplate } from './documents.js';
import { consultationPermissions, consultationRouter } from './router.js';
import { defaultConsultationDemo, seedDemoConsultations } from './seed.js';

export const consultationPluginOptionsSchema = z.object({
  /** Demo records at `sifa seed` (false: none). */
  demo: z
    .union([
      z.literal(false),
      z.object({
        /** The offices that get demo records: 'all' (default) or a list of codes. */
        offices: z.union([z.literal('all'), z.array(z.string().regex(/^\d{9}$/)).max(500)]).default(defaultConsultationDemo.offices),
        /** Offices whose records are taken step by step (documents issued; default the demo accounts' 西屯, 三中街); the others' are imported whole. */
        stepByStep: z.array(z.string().regex(/^\d{9}$/)).max(500).default(defaultConsultationDemo.stepByStep),
        /** Records a year of each. */
        perOffice: z.number().int().min(0).max(500).default(defaultConsultationDemo.perOffice),
      }),
    ])
    .default(defaultConsultationDemo),
});
export type ConsultationPluginOptions = z.input<typeof consultationPluginOptionsSchema>;

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createConsultationPlugin(), …]`. */
export function createConsultationPlugin(options: ConsultationPluginOptions = {}) {
  const parsed = consultationPluginOptionsSchema.parse(options);
  const demo = parsed.demo;
  return defineServerPlugin(consultationManifest, {
    router: consultationRouter,
    routes: caseworkRoutes(consultationCaseTypeCode, consultationPermissions),
    deadlineSources: [caseworkDeadlineSource(consultationCaseTypeCode, { code: 'consultation.deadlines', title: { zh: '法律咨询答复期限', en: 'Consultation reply deadlines' } })],
    documentTemplates: [consultationSheetTemplate],
    ...(demo ? { seed: (ctx) => seedDemoConsultations(ctx, demo) } : {}),
  });
}
