/** @sifa/plugin-applications/server: the server half (Node: router, attachment routes, deadline source, receipt, demo seed). */
export { createApplicationsPlugin, applicationsPluginOptionsSchema, type ApplicationsPluginOptions } from './plugin.js';
export { applicationsRouter, applicationsPermissions, type ApplicationsRouter } from './router.js';
export { reconsiderationReceiptTemplate } from './documents.js';
export { seedDemoApplications, plannedApplications, defaultApplicationsDemo, type ApplicationsDemoOptions, type PlannedApplication } from './seed.js';
export { applicationsManifest } from '../index.js';
