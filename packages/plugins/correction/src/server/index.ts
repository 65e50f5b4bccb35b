/** @sifa/plugin-correction/server: the server half (Node: table, migrations, router, document template). */
export { createCorrectionPlugin } from './plugin.js';
export { correctionRouter, type CorrectionRouter } from './router.js';
export { correctionRecords, type CorrectionRecordRow } from './schema.js';
export { correctionReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { correctionManifest } from '../index.js';
