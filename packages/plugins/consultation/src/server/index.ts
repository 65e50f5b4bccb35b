/** @sifa/plugin-consultation/server: the server half (Node: table, migrations, router, document template). */
export { createConsultationPlugin } from './plugin.js';
export { consultationRouter, type ConsultationRouter } from './router.js';
export { consultationRecords, type ConsultationRecordRow } from './schema.js';
export { consultationReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { consultationManifest } from '../index.js';
