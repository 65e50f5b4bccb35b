/** @sifa/plugin-applications/server: the server half (Node: router, checks before forwarding, the lists' tables, attachment routes, deadline source, receipt, seed). */
export { createApplicationsPlugin, applicationsPluginOptionsSchema, type ApplicationsPluginOptions } from './plugin.js';
export { applicationsRouter, applicationsPermissions, type ApplicationsRouter } from './router.js';
export { reconsiderationCheckSource } from './checks.js';
export { negativeList as negativeListTable, bodies as bodiesTable } from './schema.js';
export { seedReconsiderationBodies, seedDemoNegativeList } from './seed-lists.js';
export { reconsiderationReceiptTemplate } from './documents.js';
export { seedDemoApplications, plannedApplications, defaultApplicationsDemo, type ApplicationsDemoOptions, type PlannedApplication } from './seed.js';
export { applicationsManifest } from '../index.js';
