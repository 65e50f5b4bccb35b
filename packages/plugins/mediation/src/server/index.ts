/** @sifa/plugin-mediation/server: the server half (Node: router, casework routes, the agreement template, the demo seed). */
export { createMediationPlugin, type MediationPluginOptions } from './plugin.js';
export { mediationRouter, mediationPermissions, type MediationRouter } from './router.js';
export { mediationAgreementTemplate, agreementDataSchema, type AgreementData } from './agreement.js';
export { mediationStatistics } from './statistics.js';
export { seedDemoMediation, plannedDemoCases, type MediationSeedOptions, type PlannedDemoCase } from './seed.js';
export { mediationManifest } from '../index.js';
