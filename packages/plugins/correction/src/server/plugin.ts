/**
 * The server half. The plan engine needs nothing of the server (it is common code), so the plugin
 * has no tables, router or jobs yet: it is not installed in the demo server's sifa.config.mjs.
 */
import { defineServerPlugin, type ServerPlugin } from '@sifa/core';
import { correctionManifest } from '../index.js';

/** The plugin as a `sifa.config.mjs` would list it: `plugins: [createCorrectionPlugin(), …]`. */
// The return type is spelled out so the declarations name only @sifa/core (no router type yet).
export function createCorrectionPlugin(): ServerPlugin<'correction'> {
  return defineServerPlugin(correctionManifest, {});
}
