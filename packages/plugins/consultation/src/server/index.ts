/** @sifa/plugin-consultation/server: the server half (Node: router, attachment routes, deadline source, record sheet, demo seed). */
export { createConsultationPlugin, consultationPluginOptionsSchema, type ConsultationPluginOptions } from './plugin.js';
export { consultationRouter, consultationPermissions, openMediation, consultationStatistics, mediationCaseType, type ConsultationRouter } from './router.js';
export { consultationSheetTemplate } from './documents.js';
export { seedDemoConsultations, plannedRecords, defaultConsultationDemo, type ConsultationDemoOptions } from './seed.js';
export { consultationManifest } from '../index.js';
