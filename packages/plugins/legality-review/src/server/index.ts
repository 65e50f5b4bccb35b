/** @sifa/plugin-legality-review/server: the server half (Node: router, attachment routes, deadline source, review opinion, demo seed). */
export { createLegalityReviewPlugin, legalityReviewPluginOptionsSchema, type LegalityReviewPluginOptions } from './plugin.js';
export { legalityReviewRouter, legalityReviewPermissions, legalityReviewStatistics, type LegalityReviewRouter } from './router.js';
export { legalityOpinionTemplate } from './documents.js';
export { seedDemoLegalityReviews, plannedReviews, defaultLegalityReviewDemo, type LegalityReviewDemoOptions } from './seed.js';
export { legalityReviewManifest } from '../index.js';
