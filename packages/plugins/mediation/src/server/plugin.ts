/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { mediationManifest } from '../index.js';
import { mediationReceiptTemplate } from './documents.js';
import { mediationRouter } from './router.js';
import { mediationRecords } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createMediationPlugin(), …]`. */
export function createMediationPlugin() {
  return defineServerPlugin(mediationManifest, {
    router: mediationRouter,
    tables: [mediationRecords],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [mediationReceiptTemplate],
  });
}
