/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { villageAdvisersManifest } from '../index.js';
import { villageAdvisersReceiptTemplate } from './documents.js';
import { villageAdvisersRouter } from './router.js';
import { villageAdvisersRecords } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createVillageAdvisersPlugin(), …]`. */
export function createVillageAdvisersPlugin() {
  return defineServerPlugin(villageAdvisersManifest, {
    router: villageAdvisersRouter,
    tables: [villageAdvisersRecords],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [villageAdvisersReceiptTemplate],
  });
}
