/** @sifa/plugin-mediation/server: the server half (Node: table, migrations, router, document template). */
export { createMediationPlugin } from './plugin.js';
export { mediationRouter, type MediationRouter } from './router.js';
export { mediationRecords, type MediationRecordRow } from './schema.js';
export { mediationReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { mediationManifest } from '../index.js';
