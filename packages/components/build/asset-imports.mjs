/**
 * `import url from 'pkg/file?url'` and `import text from 'pkg/file.css?inline'`, the way Vite
 * reads them (tests and Storybook run on Vite), for the rollup bundles: `?url` emits the file
 * as an asset of the bundle (hashed, beside the chunks) and gives its URL relative to the
 * importing chunk at run time; `?inline` gives the file's text. Used for maplibre's worker (a
 * file served from the same origin as the chunks, so `worker-src 'self'` holds) and its CSS
 * (adopted as a constructable stylesheet, never a <style> element).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const suffix = /\?(url|inline)$/;

/** @returns {import('rollup').Plugin} */
export function assetImports() {
  return {
    name: 'sifa-asset-imports',
    async resolveId(source, importer) {
      const match = source.match(suffix);
      if (!match) return null;
      const resolved = await this.resolve(source.slice(0, match.index), importer, { skipSelf: true });
      return resolved ? `${resolved.id}?${match[1]}` : null;
    },
    load(id) {
      const match = id.match(suffix);
      if (!match) return null;
      const file = id.slice(0, match.index);
      const text = readFileSync(file, 'utf8');
      if (match[1] === 'inline') return `export default ${JSON.stringify(text)};`;
      const ref = this.emitFile({ type: 'asset', name: basename(file), source: text });
      return `export default new URL(import.meta.ROLLUP_FILE_URL_${ref}, import.meta.url).href;`;
    },
  };
}
