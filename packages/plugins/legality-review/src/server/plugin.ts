/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { legalityReviewManifest } from '../index.js';
import { legalityReviewReceiptTemplate } from './documents.js';
import { legalityReviewRouter } from './router.js';
import { legalityReviewRecords } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createLegalityReviewPlugin(), …]`. */
export function createLegalityReviewPlugin() {
  return defineServerPlugin(legalityReviewManifest, {
    router: legalityReviewRouter,
    tables: [legalityReviewRecords],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [legalityReviewReceiptTemplate],
  });
}
