/**
 * <sifa-legal-map>: bytes and time.
 *
 * Bytes (gzip -9, each file alone, as served): the element's first load (loader + the shell's
 * chunks: list, search, popup, zh-CN messages) — the part that must stay small, target ≤ 15 KiB
 * gz for the element's own chunk — then the lazily loaded renderer (maplibre-gl, supercluster,
 * maplibre's CSS) and maplibre's worker file, beside maplibre-gl alone (the exports the
 * renderer uses) bundled by the same rollup plugins in the same run.
 *
 * Time, in headless Chromium (Debian's, SwiftShader WebGL) against a real Sifa server on this
 * machine (PGlite in memory, the institutions plugin with its demo seed, the bundle served with
 * the strict CSP): from navigation start to the first institution in the list, and to the map's
 * `sifa-map-ready` (maplibre idle). Cold runs: a fresh browser context each (no HTTP cache).
 * BENCH_ROUNDS (default 5) runs; median and range printed.
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { buildEmbed, bundleLikeWidgets, firstLoadChunks, type OutputChunk } from '../packages/components/build/embed-config.mjs';
import { findElements } from '../packages/components/build/elements.mjs';
import { chifengOrgTree, createLogger, createSifaServer, seedOrgTree, seedPlugins } from '@sifa/server';
// Not a dependency of the bench package: the plugin's server half straight from its sources.
import { createInstitutionsPlugin } from '../packages/plugins/institutions/src/server/index.ts';
import { defineBenchmark } from './lib/types.js';
import { pageHtml, timingJs } from './legal-map/page.js';

/** What the page script sees (./legal-map/page.ts), typed for a package without the DOM library. */
interface PageGlobals {
  __timing: { listShown: number; mapReady?: number };
  document: { querySelector(s: string): { shadowRoot: { querySelectorAll(s: string): { length: number } } } };
}

const KiB = 1024;
const SHELL_TARGET = 15 * KiB;
const gz = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const total = (chunks: OutputChunk[]) => chunks.reduce((sum, c) => sum + gz(c.code), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default defineBenchmark({
  name: 'legal-map',
  title: '<sifa-legal-map>: shell and renderer bytes (gzip -9) beside maplibre-gl alone; list and map times in Chromium',
  async run(ctx) {
    const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
    const dir = await mkdtemp(join(tmpdir(), 'sifa-bench-legal-map-'));
    try {
      ctx.progress('building the script-tag bundle');
      const output = await buildEmbed({ outDir: dir, sourcemap: false });
      const element = findElements().find((e) => e.tag === 'sifa-legal-map');
      if (!element) throw new Error('no src/legal-map/define.ts');
      const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
      const first = firstLoadChunks(output, element.define);
      const loader = firstLoadChunks(output, null);
      const own = chunks.find((c) => c.facadeModuleId === element.define)!;
      const renderer = chunks.find((c) => c.facadeModuleId?.endsWith('/legal-map/renderer.ts'))!;
      const rendererDeps = renderer.imports.map((f) => chunks.find((c) => c.fileName === f)!).filter((c) => !first.includes(c));
      const worker = output.find((o) => o.type === 'asset' && o.fileName.includes('maplibre-gl-worker'));
      const workerBytes = worker && worker.type === 'asset' ? gz(worker.source) : 0;

      ctx.progress('bundling maplibre-gl alone the same way');
      const alone = await bundleLikeWidgets(fileURLToPath(new URL('./legal-map/maplibre-alone.js', import.meta.url)));
      const cluster = total(await bundleLikeWidgets(fileURLToPath(new URL('./legal-map/supercluster-alone.js', import.meta.url))));

      const ownBytes = gz(own.code);
      const firstBytes = total(first);
      const rendererBytes = gz(renderer.code) + total(rendererDeps);
      const aloneBytes = total(alone);
      const rows: (string | number)[][] = [
        ['<sifa-legal-map> own chunk (shell: list, search, popup, zh-CN)', 1, ownBytes, kib(ownBytes), `≤ ${kib(SHELL_TARGET)}`, ownBytes <= SHELL_TARGET ? 'met' : 'MISSED'],
        ['first load before the renderer (loader + Lit + client + shell)', first.length, firstBytes, kib(firstBytes), '', ''],
        ['  of which the loader (embed.js + config)', loader.length, total(loader), kib(total(loader)), '', ''],
        ['renderer chunk (maplibre-gl, supercluster, CSS), lazy', 1 + rendererDeps.length, rendererBytes, kib(rendererBytes), '', ''],
        ['maplibre worker file (same origin), lazy', 1, workerBytes, kib(workerBytes), '', ''],
        ['maplibre-gl 6.17 alone, same plugins (peer)', alone.length, aloneBytes, kib(aloneBytes), '', ''],
        ['supercluster 9.1 + kdbush alone (in the renderer)', 1, cluster, kib(cluster), '', ''],
      ];

      ctx.progress(`timing ${rounds} cold page loads in Chromium`);
      const server = await createSifaServer({
        database: { engine: 'pglite', dataDir: 'memory' },
        plugins: [createInstitutionsPlugin()],
        port: 0,
        staticRoots: [
          { prefix: '/chunks/', dir: join(dir, 'chunks'), immutable: true },
          { prefix: '/', dir },
        ],
        logger: createLogger({ level: 'silent' }),
      });
      const times: { list: number; map: number }[] = [];
      let institutions = 0;
      try {
        await seedOrgTree(server.database.db);
        await seedPlugins(server, (await chifengOrgTree()).map((o) => o.code));
        const url = await server.listen();
        const key = await server.keys.create({ actorId: 'bench', actorRole: 'owner', withinPath: null }, { kind: 'publishable', label: 'bench', orgCode: '1504', allowedOrigins: [url] });
        await writeFile(join(dir, 'index.html'), pageHtml(key.key));
        await writeFile(join(dir, 'timing.js'), timingJs);
        const browser = await chromium.launch({
          executablePath: process.env['SIFA_CHROMIUM'] ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        try {
          for (let round = 0; round <= rounds; round++) {
            const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
            const page = await context.newPage();
            await page.goto(`${url}/index.html`);
            // Functions, not strings (the page's CSP forbids eval); typed through globalThis, as
            // this package type-checks without the DOM library.
            await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__timing.mapReady !== undefined, null, { timeout: 60_000 });
            const t = await page.evaluate(() => (globalThis as unknown as PageGlobals).__timing);
            institutions = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('sifa-legal-map').shadowRoot.querySelectorAll('[role="option"]').length);
            await context.close();
            // Round 0 warms the server (first queries, PGlite caches) and is not counted.
            if (round > 0) times.push({ list: t.listShown, map: t.mapReady! });
          }
        } finally {
          await browser.close();
        }
      } finally {
        await server.close();
      }
      const list = times.map((t) => t.list);
      const map = times.map((t) => t.map);
      const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
      rows.push(
        [`time to the list's first institution (${institutions} listed), median of ${rounds}`, '', '', `${median(list).toFixed(0)} ms`, range(list), ''],
        [`time to map idle (sifa-map-ready), median of ${rounds}`, '', '', `${median(map).toFixed(0)} ms`, range(map), ''],
      );
      return {
        columns: ['measure', 'files', 'bytes gz', 'value', 'target / range', ''],
        rows,
        notes: [
          'Each file gzipped alone (level 9), as a browser fetches them; every bundle minified by the same terser setup.',
          `First load: ${first.map((c) => `${c.fileName.replace(/^chunks\//, '')} ${gz(c.code)} B`).join(', ')}.`,
          'Times from navigation start, cold (fresh context, no cache), SwiftShader WebGL on this machine\'s CPU; localhost server.',
        ],
        targetMet: ownBytes <= SHELL_TARGET,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
