/**
 * The server half: the manifest joined with the router, the attachment routes of the case type
 * (`/plugins/mediation/cases/:id/attachments`), the deadlines early warnings watch, the 调解协议书
 * template and the demo seed. No tables of its own: cases live in the platform's casework tables.
 */
import { caseworkDeadlineSource, defineServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { mediationManifest } from '../index.js';
import { mediationAgreementTemplate } from './agreement.js';
import { mediationPermissions, mediationRouter } from './router.js';
import { seedDemoMediation, type MediationSeedOptions } from './seed.js';

export interface MediationPluginOptions {
  /** Seed demo cases (`sifa seed`); default true. */
  demo?: boolean | MediationSeedOptions;
}

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createMediationPlugin(), …]`. */
export function createMediationPlugin(options: MediationPluginOptions = {}) {
  const demo = options.demo ?? true;
  return defineServerPlugin(mediationManifest, {
    router: mediationRouter,
    routes: caseworkRoutes('mediation.case', mediationPermissions),
    documentTemplates: [mediationAgreementTemplate],
    deadlineSources: [caseworkDeadlineSource('mediation.case', { code: 'mediation.deadlines', title: { zh: '人民调解期限', en: 'Mediation deadlines' } })],
    ...(demo ? { seed: (ctx) => seedDemoMediation(ctx, demo === true ? {} : demo) } : {}),
  });
}
