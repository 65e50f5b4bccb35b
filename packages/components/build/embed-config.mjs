/**
 * The script-tag distribution: `embed.js` (the loader) + hashed chunks, ESM, code-split per
 * element, minified, Lit in production mode. One factory for `rollup -c` (rollup.config.mjs),
 * the e2e tests (fixture elements added) and the bundle benchmark (same setup for a peer).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { cssLiterals } from './css-literals.mjs';
import { elementRoots, elementsPlugin, packageDir, repoDir, srcDir } from './elements.mjs';
import { inSideEffectFreeWorkspacePackage, pureDeclarations } from './pure-declarations.mjs';
import { assetImports } from './asset-imports.mjs';

export const embedOutDir = join(packageDir, 'dist', 'embed');

/**
 * Plugins shared by every bundle built "the same way": node resolution with the workspace's
 * `sifa-source` condition (TypeScript sources of @sifa/*) and Lit's production build (the
 * `development` condition is never set), esbuild for TypeScript with the package's tsconfig
 * (legacy decorators), pure top-level declarations of side-effect-free workspace packages
 * (@sifa/core: a widget using one constant does not carry every schema), our `css` literals
 * minified (build/css-literals.mjs), terser; Vite-style
 * `?url` / `?inline` asset imports (maplibre's worker and CSS, build/asset-imports.mjs).
 * @returns {import('rollup').Plugin[]}
 */
export function bundlePlugins() {
  return [
    assetImports(),
    nodeResolve({ browser: true, exportConditions: ['sifa-source', 'production', 'browser'], extensions: ['.mjs', '.js', '.ts', '.json'] }),
    esbuild({ target: 'es2022', tsconfig: join(packageDir, 'tsconfig.json'), sourceMap: true, legalComments: 'none' }),
    pureDeclarations({ include: inSideEffectFreeWorkspacePackage(repoDir) }),
    cssLiterals({ include: (id) => !id.includes('/node_modules/') && /\.(ts|js|mjs)$/.test(id) }),
    terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
  ];
}

/**
 * Refuses a bundle that would break at run time or in production: a chunk importing the loader
 * entry (a cached chunk must never depend on the unhashed embed.js), leftover `process.env`,
 * Lit's development build.
 * @returns {import('rollup').Plugin}
 */
function checks() {
  return {
    name: 'sifa-embed-checks',
    // Old hashed chunks would pile up (and be served) forever: remove what this build did not write.
    writeBundle(outputOptions, bundle) {
      if (!outputOptions.dir) return;
      for (const entry of readdirSync(outputOptions.dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const name = relative(outputOptions.dir, join(entry.parentPath, entry.name)).split(sep).join('/');
        if (!(name in bundle)) rmSync(join(entry.parentPath, entry.name));
      }
    },
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((c) => c.type === 'chunk' && c.isEntry).map((c) => c.fileName);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const importsEntry = [...file.imports, ...file.dynamicImports].filter((i) => entries.includes(i));
        if (importsEntry.length) this.error(`${file.fileName} imports the entry ${importsEntry.join(', ')}: shared code must live in a hashed chunk.`);
        if (/\bprocess\.env\b/.test(file.code)) this.error(`${file.fileName} references process.env (not defined in browsers).`);
        if (file.code.includes('Lit is in dev mode')) this.error(`${file.fileName} contains Lit's development build.`);
      }
      // The Sifa server writes the elements of plugins it lacks over this marker when it serves embed.js.
      for (const name of entries) {
        const code = /** @type {import('rollup').OutputChunk} */ (bundle[name]).code;
        if (code.split(unavailableElementsMarker).length !== 2) this.error(`${name} must contain the marker ${unavailableElementsMarker} exactly once (src/loader/installed.ts).`);
      }
    },
  };
}

/** Replaced by the Sifa server with the elements it does not offer (src/loader/installed.ts). */
export const unavailableElementsMarker = '__SIFA_UNAVAILABLE_ELEMENTS__';

/**
 * @param {{ roots?: import('./elements.mjs').ElementRoot[]; outDir?: string; sourcemap?: boolean }} [options]
 *   roots: element folders' parents (default: elementRoots(): components and the workspace's plugins); outDir: default dist/embed
 * @returns {import('rollup').RollupOptions & { output: import('rollup').OutputOptions }}
 */
export function embedConfig(options = {}) {
  const roots = options.roots ?? elementRoots();
  return {
    input: { embed: join(srcDir, 'loader', 'embed.ts') },
    plugins: [elementsPlugin({ roots }), ...bundlePlugins(), checks()],
    // The page configuration is shared by the loader and every element: keep it (and whatever
    // else both need) out of the entry, so chunks never import embed.js.
    preserveEntrySignatures: false,
    onwarn(warning, warn) {
      // Dependencies' own circular imports and comments rollup cannot place are theirs to fix.
      if ((warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') && /node_modules/.test(warning.message)) return;
      warn(warning);
    },
    output: {
      dir: options.outDir ?? embedOutDir,
      format: 'es',
      entryFileNames: '[name].js',
      // An element's own chunk is named after its tag (sifa-diary-<hash>.js): readable in the
      // network panel, and tests can tell which elements a page loaded.
      chunkFileNames: (chunk) => {
        const folder = chunk.facadeModuleId?.match(/[\\/]([a-z][a-z0-9-]*)[\\/]define\.ts$/)?.[1];
        return folder ? `chunks/sifa-${folder}-[hash].js` : 'chunks/[name]-[hash].js';
      },
      // Assets (maplibre's worker) are hashed and live beside the chunks: same origin, cached immutably.
      assetFileNames: 'chunks/[name]-[hash][extname]',
      sourcemap: options.sourcemap ?? true,
      manualChunks(id) {
        if (id.startsWith(join(srcDir, 'config') + '/')) return 'config';
        return undefined;
      },
    },
  };
}

/**
 * Builds with the JS API (tests, bench). Returns the output files.
 * @param {Parameters<typeof embedConfig>[0] & { write?: boolean }} [options]
 */
export async function buildEmbed(options = {}) {
  const config = embedConfig(options);
  const bundle = await rollup(config);
  try {
    const { output } = options.write === false ? await bundle.generate(config.output) : await bundle.write(config.output);
    return output;
  } finally {
    await bundle.close();
  }
}

/**
 * Files a page fetches to show `tag` on first load: the entry and its static imports, then the
 * tag's define chunk and its static imports (transitively). Pass rollup's output.
 * @param {readonly (import('rollup').OutputChunk | import('rollup').OutputAsset)[]} output
 * @param {string | null} defineModule absolute path of the element's define.ts (null: loader only)
 * @returns {import('rollup').OutputChunk[]}
 */
export function firstLoadChunks(output, defineModule) {
  /** @type {Map<string, import('rollup').OutputChunk>} */
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, /** @type {import('rollup').OutputChunk} */ (c)]));
  /** @type {Set<string>} */
  const seen = new Set();
  const visit = (/** @type {string} */ file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  if (defineModule) {
    const own = [...chunks.values()].find((c) => c.facadeModuleId === defineModule);
    if (!own) throw new Error(`No chunk for ${defineModule}`);
    visit(own.fileName);
  }
  return [...seen].map((f) => /** @type {import('rollup').OutputChunk} */ (chunks.get(f)));
}

/**
 * Bundles any entry with the same plugins as the widgets (code-split ESM, not written): the
 * bundle benchmark measures a peer library this way.
 * @param {string} input
 * @returns {Promise<import('rollup').OutputChunk[]>}
 */
export async function bundleLikeWidgets(input) {
  const bundle = await rollup({ input, plugins: bundlePlugins(), onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
    return /** @type {import('rollup').OutputChunk[]} */ (output.filter((o) => o.type === 'chunk'));
  } finally {
    await bundle.close();
  }
}
