/** The server half: the manifest joined with the router, the table, its migrations and the document template. */
import { fileURLToPath } from 'node:url';
import { defineServerPlugin } from '@sifa/core';
import { {{name}}Manifest } from '../index.js';
import { {{name}}ReceiptTemplate } from './documents.js';
import { {{name}}Router } from './router.js';
import { {{name}}Records } from './schema.js';

/** The plugin as `sifa.config.mjs` lists it: `plugins: [create{{Name}}Plugin(), …]`. */
export function create{{Name}}Plugin() {
  return defineServerPlugin({{name}}Manifest, {
    router: {{name}}Router,
    tables: [{{name}}Records],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: [{{name}}ReceiptTemplate],
  });
}
