/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { consultationManifest } from '../index.js';
import { consultationReceiptTemplate } from './documents.js';
import { consultationRouter } from './router.js';
import { consultationRecords } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createConsultationPlugin(), …]`. */
export function createConsultationPlugin() {
  return defineServerPlugin(consultationManifest, {
    router: consultationRouter,
    tables: [consultationRecords],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [consultationReceiptTemplate],
  });
}
