/** @sifa/plugin-{{id}}/server: the server half (Node: table, migrations, router, document template). */
export { create{{Name}}Plugin } from './plugin.js';
export { {{name}}Router, type {{Name}}Router } from './router.js';
export { {{name}}Records, type {{Name}}RecordRow } from './schema.js';
export { {{name}}ReceiptTemplate, receiptDataSchema, type ReceiptData } from './documents.js';
export { {{name}}Manifest } from '../index.js';
