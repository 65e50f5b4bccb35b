/**
 * The server half. The plan engine needs nothing of the server (it is common code), so the plugin
 * has no tables, router or jobs yet: it is not installed in the demo server's sifa.config.mjs.
 */
import { defineServerPlugin } from '@sifa/core';
import { correctionManifest } from '../index.js';

/** The plugin as a `sifa.config.mjs` would list it: `plugins: [createCorrectionPlugin(), …]`. */
export function createCorrectionPlugin() {
  return defineServerPlugin(correctionManifest, {});
}
