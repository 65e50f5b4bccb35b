/** @sifa/plugin-correction/server: the server half (no tables or procedures yet). */
export { createCorrectionPlugin } from './plugin.js';
export { correctionManifest } from '../index.js';
