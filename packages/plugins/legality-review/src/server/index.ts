/** @sifa/plugin-legality-review/server: the server half (Node: table, migrations, router, document template). */
export { createLegalityReviewPlugin } from './plugin.js';
export { legalityReviewRouter, type LegalityReviewRouter } from './router.js';
export { legalityReviewRecords, type LegalityReviewRecordRow } from './schema.js';
export { legalityReviewReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { legalityReviewManifest } from '../index.js';
