/** @sifa/plugin-correction/server: the server half (Node): the plugin, its casework procedures, checks, documents and demo seed. */
export { createCorrectionPlugin, createCorrectionRouter, type CorrectionPluginOptions, type CorrectionRouter } from './plugin.js';
export { correctionCaseworkRouter, reportLostContact, markFound, classSuggestion, type ClassSuggestion } from './router.js';
export { correctionCheckSources } from './checks.js';
export { correctionDocumentTemplates, investigationOpinionTemplate, releaseCertificateTemplate, revocationTitles } from './documents.js';
export { seedDemoCorrection, defaultCorrectionDemo, demoIdNumber, type CorrectionDemoOptions } from './seed.js';
export { correctionManifest } from '../index.js';
export * from './plans/index.js';
export { correctionEvaluations, correctionPlans, correctionProfiles, correctionTasks } from './schema.js';
