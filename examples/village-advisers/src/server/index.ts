/** @chifeng-justice/plugin-village-advisers/server: the server half (Node: table, migrations, router, document template). */
export { createVillageAdvisersPlugin } from './plugin.js';
export { villageAdvisersRouter, type VillageAdvisersRouter } from './router.js';
export { villageAdvisersRecords, type VillageAdvisersRecordRow } from './schema.js';
export { villageAdvisersReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { villageAdvisersManifest } from '../index.js';
