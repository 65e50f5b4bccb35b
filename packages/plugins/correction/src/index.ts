/**
 * @sifa/plugin-correction, common half (isomorphic: no Node APIs, no DOM): the manifest and the
 * correction plan engine (社区矫正法 art. 24: an individual plan from a person's conditions),
 * generic over a versioned catalogue of conditions, measures and rules. The server half is
 * `@sifa/plugin-correction/server`; it has no tables or procedures yet.
 */
import { definePlugin } from '@sifa/core';

export * from './plan/index.js';

export const correctionManifest = definePlugin({
  id: 'correction',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '社区矫正', en: 'Community correction' },
  permissions: [],
});
