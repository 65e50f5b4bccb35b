/**
 * @sifa/plugin-correction, common half (isomorphic: no Node APIs, no DOM): the manifest, the
 * correction plan engine (社区矫正法 art. 24: an individual plan from a person's conditions),
 * generic over a versioned catalogue of conditions, measures and rules, and the case types
 * (调查评估, 社区矫正对象档案, 寻查) with their configurable rules. The server half is
 * `@sifa/plugin-correction/server` (also: persisted profiles and plans, tasks, evaluations, rollups).
 */
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import type { CorrectionRouter } from './server/plugin.js';
import { correctionCaseworkContributions, correctionCaseworkErrors, correctionCaseworkPermissions } from './casework-manifest.js';
// Plans, tasks, evaluations and rollups (the server half's `correction.plan.*` … procedures).
import { correctionPlanEntryPointGroups, correctionPlanEntryPoints, correctionPlanErrors, correctionPlanMetrics, correctionPlanPermissions } from './plans-contributions.js';

export * from './plan/index.js';
export * from './case-types.js';
export * from './rules.js';
export { correctionCaseworkSchemas } from './casework-manifest.js';
export * from './plans-contributions.js';

export const correctionManifest = definePlugin({
  id: 'correction',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '社区矫正', en: 'Community correction' },
  permissions: [...correctionCaseworkPermissions, ...correctionPlanPermissions],
  errors: { ...correctionCaseworkErrors, ...correctionPlanErrors },
  contributes: {
    ...correctionCaseworkContributions,
    metrics: correctionPlanMetrics,
    entryPointGroups: correctionPlanEntryPointGroups,
    entryPoints: correctionPlanEntryPoints,
  },
});

/** The procedures under `correction.` (case procedures under `correction.cases.`, `.investigations.cases.`, `.searches.cases.`). */
export type CorrectionApi = ApiOf<CorrectionRouter, 'correction'>;

/** The details of the plugin's declared errors, by name (`correction.notOwnCase` …). */
export type CorrectionErrorDetails = PluginErrorDetailsOf<typeof correctionManifest>;

declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends CorrectionErrorDetails {}
}
