/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { correctionManifest } from '../index.js';
import { correctionReceiptTemplate } from './documents.js';
import { correctionRouter } from './router.js';
import { correctionRecords } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [createCorrectionPlugin(), …]`. */
export function createCorrectionPlugin() {
  return defineServerPlugin(correctionManifest, {
    router: correctionRouter,
    tables: [correctionRecords],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [correctionReceiptTemplate],
  });
}
