/**
 * The elements of @sifa/components, found from the source tree (no hand-kept list): every folder
 * `src/<name>/` with a `define.ts` is one element, tag `sifa-<name>`. Its define.ts must call
 * `customElements.define('sifa-<name>', …)` and declare the tag in HTMLElementTagNameMap.
 *
 * Used by the rollup build (the loader's tag → module map, a virtual module), by
 * scripts/sync-exports.mjs (package.json `exports`), by the bench and by the e2e tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import MagicString from 'magic-string';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const srcDir = join(packageDir, 'src');
export const virtualElementsId = 'virtual:sifa-elements';

/**
 * @typedef {{ name: string; tag: string; define: string }} ElementEntry
 *   name: folder name; tag: custom element name; define: absolute path of define.ts
 */

/**
 * Elements under each of `roots` (folders holding one sub-folder per element), sorted by tag.
 * Throws when a define.ts does not follow the convention.
 * @param {string[]} roots
 * @returns {ElementEntry[]}
 */
export function findElements(roots = [srcDir]) {
  /** @type {ElementEntry[]} */
  const found = [];
  for (const root of roots) {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const define = resolve(root, entry.name, 'define.ts');
      if (!existsSync(define)) continue;
      const tag = `sifa-${entry.name}`;
      const source = readFileSync(define, 'utf8');
      const defined = [...source.matchAll(/customElements\.define\(\s*['"]([a-z][a-z0-9-]*)['"]/g)].map((m) => m[1]);
      if (!defined.includes(tag)) {
        throw new Error(`${define}: the folder "${entry.name}" must define <${tag}> (customElements.define('${tag}', …)); found ${defined.length ? defined.map((t) => `<${t}>`).join(', ') : 'none'}.`);
      }
      if (!new RegExp(`HTMLElementTagNameMap[\\s\\S]*['"]${tag}['"]\\s*:`).test(source)) {
        throw new Error(`${define}: declare '${tag}' in HTMLElementTagNameMap (declare global { interface HTMLElementTagNameMap { '${tag}': … } }).`);
      }
      if (found.some((e) => e.tag === tag)) throw new Error(`Two element folders define <${tag}>.`);
      found.push({ name: entry.name, tag, define });
    }
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * Rollup plugin: `import elements from 'virtual:sifa-elements'` gives `{ tag: () => load() }` for
 * the elements under `roots`; each define module becomes its own dynamically loaded chunk, and
 * loading it preloads the chunks it imports (filled in when chunk names are known), so an
 * element's first load is one round trip after the loader, not a waterfall.
 * @param {{ roots?: string[] }} [options]
 * @returns {import('rollup').Plugin}
 */
export function elementsPlugin(options = {}) {
  const roots = options.roots ?? [srcDir];
  const resolved = `\0${virtualElementsId}`;
  const preloadModule = join(srcDir, 'loader', 'preload.ts');
  const marker = 'sifa-preload-deps:';
  return {
    name: 'sifa-elements',
    resolveId(id) {
      return id === virtualElementsId ? resolved : null;
    },
    load(id) {
      if (id !== resolved) return null;
      for (const root of roots) this.addWatchFile(root);
      const elements = findElements(roots);
      const lines = elements.map(
        (e) => `  ${JSON.stringify(e.tag)}: () => preload(import.meta.url, ${JSON.stringify(marker + e.define)}, () => import(${JSON.stringify(e.define)})),`,
      );
      return `import { preload } from ${JSON.stringify(preloadModule)};\nexport default {\n${lines.join('\n')}\n};\n`;
    },
    renderChunk(code, chunk, _options, meta) {
      if (!code.includes(marker)) return null;
      const all = Object.values(meta.chunks);
      /** Files `file` imports statically, transitively. */
      const closure = (/** @type {string} */ file, /** @type {Set<string>} */ into = new Set()) => {
        for (const dep of meta.chunks[file]?.imports ?? []) {
          if (into.has(dep)) continue;
          into.add(dep);
          closure(dep, into);
        }
        return into;
      };
      const loaded = closure(chunk.fileName);
      const from = posix.dirname(chunk.fileName);
      const s = new MagicString(code);
      for (const match of code.matchAll(new RegExp(`(["'])${marker}(.*?)\\1`, 'g'))) {
        const target = all.find((c) => c.facadeModuleId === match[2]);
        if (!target) this.error(`No chunk for ${match[2]}`);
        const deps = [...closure(target.fileName)].filter((f) => !loaded.has(f) && f !== chunk.fileName);
        const relative = deps.map((f) => {
          const path = posix.relative(from, f);
          return path.startsWith('.') ? path : `./${path}`;
        });
        s.overwrite(match.index, match.index + match[0].length, JSON.stringify(relative));
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
