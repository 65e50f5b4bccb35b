/**
 * The elements of the script-tag bundle, found from source trees (no hand-kept list): every folder
 * `<root>/<name>/` with a `define.ts` is one element, tag `sifa-<name>`. Its define.ts must call
 * `customElements.define('sifa-<name>', …)` and declare the tag in HTMLElementTagNameMap.
 * Roots: @sifa/components' own `src/` (the SDK's widgets; `sifa.elementPlugins` in its
 * package.json names the plugin each one needs) and the `sifa.elements` folder of every plugin
 * package of the workspace (`"sifa": { "plugin": "<id>", "elements": "src/ui" }`), plus the
 * package folders listed in SIFA_EMBED_PACKAGES (comma-separated: a bureau's own plugins).
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
export const repoDir = join(packageDir, '..', '..');

/**
 * @typedef {{ name: string; tag: string; define: string; plugin: string | null }} ElementEntry
 *   name: folder name; tag: custom element name; define: absolute path of define.ts;
 *   plugin: the plugin the element needs on the server (null: only the platform)
 * @typedef {string | { dir: string; plugin?: string | null; pluginOf?: Record<string, string | null> }} ElementRoot
 *   a folder of element folders; a bare path needs no plugin
 */

/** @param {string} dir @returns {{ name?: string; sifa?: { plugin?: string; elements?: string; elementPlugins?: Record<string, string | null> } } | null} */
function readPackage(dir) {
  const file = join(dir, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/**
 * The roots of the script-tag bundle: @sifa/components' own elements, then every workspace
 * package (packages/plugins/*, examples/*) and every SIFA_EMBED_PACKAGES folder that declares
 * `sifa.elements`.
 * @returns {{ dir: string; plugin?: string | null; pluginOf?: Record<string, string | null> }[]}
 */
export function elementRoots() {
  const own = readPackage(packageDir);
  /** @type {{ dir: string; plugin?: string | null; pluginOf?: Record<string, string | null> }[]} */
  const roots = [{ dir: srcDir, pluginOf: own?.sifa?.elementPlugins ?? {} }];
  const dirs = ['packages/plugins', 'examples'].flatMap((base) => {
    const folder = join(repoDir, base);
    return existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(folder, d.name)) : [];
  });
  for (const extra of (process.env.SIFA_EMBED_PACKAGES ?? '').split(',').filter(Boolean)) dirs.push(resolve(extra));
  for (const dir of dirs) {
    const pkg = readPackage(dir);
    if (!pkg?.sifa?.elements) continue;
    if (!pkg.sifa.plugin) throw new Error(`${join(dir, 'package.json')}: "sifa.elements" needs "sifa.plugin" (the plugin id its elements need on the server).`);
    roots.push({ dir: join(dir, pkg.sifa.elements), plugin: pkg.sifa.plugin });
  }
  return roots;
}

/**
 * Elements under each of `roots` (folders holding one sub-folder per element), sorted by tag.
 * Throws when a define.ts does not follow the convention.
 * @param {ElementRoot[]} [roots] default: elementRoots()
 * @returns {ElementEntry[]}
 */
export function findElements(roots = elementRoots()) {
  /** @type {ElementEntry[]} */
  const found = [];
  for (const given of roots) {
    const root = typeof given === 'string' ? given : given.dir;
    const pluginOf = typeof given === 'string' ? {} : (given.pluginOf ?? {});
    const rootPlugin = typeof given === 'string' ? null : (given.plugin ?? null);
    if (!existsSync(root)) continue;
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
      const twin = found.find((e) => e.tag === tag);
      if (twin) throw new Error(`Two element folders define <${tag}>: ${twin.define} and ${define}.`);
      found.push({ name: entry.name, tag, define, plugin: pluginOf[entry.name] ?? rootPlugin });
    }
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * Rollup plugin: `import elements from 'virtual:sifa-elements'` gives `{ tag: () => load() }`
 * for the elements under `roots`, and `elements.json` ({ tag: plugin id | null }) is emitted
 * beside the loader for the Sifa server (which offers a page only its installed plugins' elements); each define module becomes its own dynamically loaded chunk, and
 * loading it preloads the chunks it imports (filled in when chunk names are known), so an
 * element's first load is one round trip after the loader, not a waterfall.
 * @param {{ roots?: string[] }} [options]
 * @returns {import('rollup').Plugin}
 */
export function elementsPlugin(options = {}) {
  const roots = options.roots ?? elementRoots();
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
      for (const root of roots) this.addWatchFile(typeof root === 'string' ? root : root.dir);
      const elements = findElements(roots);
      this.emitFile({ type: 'asset', fileName: 'elements.json', source: `${JSON.stringify(Object.fromEntries(elements.map((e) => [e.tag, e.plugin])), null, 2)}\n` });
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
