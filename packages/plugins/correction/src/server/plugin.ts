/**
 * The server half: the manifest joined with the casework procedures of the three case types
 * (`correction.investigation`, `correction.case`, `correction.search`, kept by the platform's
 * casework engine: no tables of their own) and the plugin's own (`lostContact`, `found`,
 * `classSuggestion`), the checks before steps (art. 21 report-in, art. 25 team, art. 27 leave,
 * art. 29 monitoring, revocation by kind, art. 30 search opened with lost contact) under the configurable rules, the attachment routes, the
 * investigation deadlines, the document templates and the demo seed; and the plans (persisted
 * profiles and plans, overrides, re-generation with a diff, tasks, monthly evaluation, rollups:
 * `./plans/`, with their tables and jobs) over the common plan engine.
 */
import { fileURLToPath } from 'node:url';
import { caseworkDeadlineSource, createRouter, defineServerPlugin, type ServerPlugin } from '@sifa/core';
import { caseworkRoutes } from '@sifa/server';
import { correctionManifest } from '../index.js';
import { correctionCaseTypeCode, correctionInvestigationTypeCode, correctionPermissions, correctionSearchTypeCode } from '../case-types.js';
import { correctionRulesSchema, defaultCorrectionRules, type CorrectionRulesInput } from '../rules.js';
import { correctionCheckSources } from './checks.js';
import { correctionDocumentTemplates } from './documents.js';
import { correctionCaseworkRouter } from './router.js';
import { correctionCaseloadProcedures } from './caseload.js';
import { defaultCorrectionDemo, seedDemoCorrection, type CorrectionDemoOptions } from './seed.js';
import { correctionPlansParts, type CorrectionPlansOptions } from './plans/index.js';
import { correctionEvaluations, correctionExecutors, correctionPlans, correctionProfiles, correctionTasks } from './schema.js';

export interface CorrectionPluginOptions {
  /** The rules that are local practice or configurable (../rules.ts); default `defaultCorrectionRules`. */
  rules?: CorrectionRulesInput;
  /** Demo files at `sifa seed` (false: none). */
  demo?: false | Partial<CorrectionDemoOptions>;
  /** Plans, tasks and evaluations: catalogues, time zone, thresholds, schedules. */
  plans?: CorrectionPlansOptions;
}

/** The router of the plugin under these rules (`correction.*`). */
export function createCorrectionRouter(rules = defaultCorrectionRules, plans = correctionPlansParts()) {
  return createRouter({ ...correctionCaseworkRouter(rules), ...plans.procedures, ...correctionCaseloadProcedures(plans.config) });
}
export type CorrectionRouter = ReturnType<typeof createCorrectionRouter>;

/** The plugin as a `sifa.config.mjs` lists it: `plugins: [createCorrectionPlugin(), …]`. */
export function createCorrectionPlugin(options: CorrectionPluginOptions = {}): ServerPlugin<'correction', CorrectionRouter> {
  const rules = options.rules ? correctionRulesSchema.parse(options.rules) : defaultCorrectionRules;
  const demo = options.demo === false ? null : { ...defaultCorrectionDemo, ...options.demo };
  const plans = correctionPlansParts(options.plans);
  return defineServerPlugin(correctionManifest, {
    router: createCorrectionRouter(rules, plans),
    tables: [correctionProfiles, correctionPlans, correctionTasks, correctionEvaluations, correctionExecutors],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    jobs: plans.jobs,
    routes: caseworkRoutes([correctionCaseTypeCode, correctionInvestigationTypeCode, correctionSearchTypeCode], { read: correctionPermissions.read, work: correctionPermissions.supervise }),
    deadlineSources: [caseworkDeadlineSource(correctionInvestigationTypeCode, { code: 'correction.investigation-deadlines', title: { zh: '调查评估期限', en: 'Investigation periods' } })],
    documentTemplates: correctionDocumentTemplates,
    caseChecks: correctionCheckSources(rules),
    ...(demo ? { seed: (ctx) => seedDemoCorrection(ctx, demo, plans.seedPersons, plans.seedExecutors) } : {}),
  });
}
