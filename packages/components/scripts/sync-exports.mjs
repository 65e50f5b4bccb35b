#!/usr/bin/env node
/**
 * Keeps package.json `exports` in step with the element folders (build/elements.mjs): one
 * subpath per element, `@sifa/components/<name>` → its define module (defines the tag when
 * imported), plus the package root, the manifest and the script-tag loader. Run by build:embed;
 * `--check` only reports (exit 1 when out of date), as the package test does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findElements, packageDir, srcDir } from '../build/elements.mjs';

export function expectedExports() {
  /** @type {Record<string, unknown>} */
  const exports = {
    '.': { 'sifa-source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
  };
  // The widgets' test kit runs inside this repository only (TypeScript for vitest, with the
  // repository's global setup): the source condition alone, so nothing outside resolves it.
  exports['./testing'] = { 'sifa-source': './src/test-utils/index.ts' };
  for (const { name } of findElements([srcDir])) {
    exports[`./${name}`] = {
      'sifa-source': `./src/${name}/define.ts`,
      types: `./dist/${name}/define.d.ts`,
      default: `./dist/${name}/define.js`,
    };
  }
  // The elements' types for host frameworks (scripts/framework-types.mjs; types only).
  exports['./react'] = { types: './dist/frameworks/react.d.ts', default: './dist/frameworks/react.js' };
  exports['./vue'] = { types: './dist/frameworks/vue.d.ts', default: './dist/frameworks/vue.js' };
  exports['./embed.js'] = './dist/embed/embed.js';
  exports['./custom-elements.json'] = './custom-elements.json';
  return exports;
}

const file = join(packageDir, 'package.json');
const text = readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
const next = { ...pkg, exports: expectedExports(), customElements: 'custom-elements.json' };
const same = JSON.stringify(pkg) === JSON.stringify(next);
if (process.argv.includes('--check')) {
  if (!same) {
    console.error('packages/components/package.json exports are out of date: run `pnpm --filter @sifa/components run sync-exports`.');
    process.exit(1);
  }
} else if (!same) {
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log('[sifa] package.json exports updated from the element folders');
}
