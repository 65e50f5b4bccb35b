/**
 * Bytes a page downloads (gzip level 9, each file alone, as served): the script-tag loader, and
 * everything the diary needs on first load (loader + every chunk <sifa-diary> imports: Lit, the
 * client, the element, what it validates with), beside a Shoelace button bundled the same way in
 * the same run (same rollup plugins: node-resolve, esbuild, terser; code-split ESM).
 * Targets (issue): loader ≤ 3 KiB, diary first load ≤ 25 KiB, the public application form
 * (<sifa-apply>) first load ≤ 25 KiB.
 *
 * The dashboard: its first load, and its chart chunk (loaded after the element starts: line, bar
 * and pie charts and the county map, hand-drawn SVG with Lit) beside uPlot and a tree-shaken
 * Chart.js (line + bar + pie) bundled the same way in the same run. Target (issue): charts ≤ 30 KiB.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildEmbed, bundleLikeWidgets, firstLoadChunks, type OutputChunk } from '../packages/components/build/embed-config.mjs';
import { findElements } from '../packages/components/build/elements.mjs';
import { defineBenchmark } from './lib/types.js';

const KiB = 1024;
const LOADER_TARGET = 3 * KiB;
const DIARY_TARGET = 25 * KiB;
const APPLY_TARGET = 25 * KiB;
const CHARTS_TARGET = 30 * KiB;

const gz = (code: string) => gzipSync(code, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const total = (chunks: OutputChunk[]) => chunks.reduce((sum, c) => sum + gz(c.code), 0);

/** Rendered bytes (before minification) per origin, package or our folder: what takes the space. */
function breakdown(chunks: OutputChunk[]): string[] {
  const groups = new Map<string, number>();
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const pkg = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/)?.[1];
      const ours = id.match(/packages\/(?:plugins\/)?([^/]+)\/src\/([^/]+)/);
      const key = pkg ?? (ours ? `${ours[1]}/src/${ours[2]}` : id.replace(/^\0/, ''));
      groups.set(key, (groups.get(key) ?? 0) + info.renderedLength);
    }
  }
  const all = [...groups.values()].reduce((a, b) => a + b, 0);
  return [...groups.entries()]
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([key, bytes]) => `    ${key.padEnd(34)} ${kib(bytes).padStart(10)} before minification (${((bytes / all) * 100).toFixed(0)} %)`);
}

export default defineBenchmark({
  name: 'bundle',
  title: 'script-tag bundle: loader, diary and dashboard first load, chart chunk (gzip -9) beside Shoelace, uPlot and Chart.js',
  async run(ctx) {
    ctx.progress('building the script-tag bundle');
    const output = await buildEmbed({ write: false, sourcemap: false });
    const loader = firstLoadChunks(output, null);
    const diary = findElements().find((e) => e.tag === 'sifa-diary');
    const diaryChunks = diary ? firstLoadChunks(output, diary.define) : null;

    ctx.progress('bundling the Shoelace button the same way');
    const shoelace = await bundleLikeWidgets(fileURLToPath(new URL('./bundle/shoelace-button.js', import.meta.url)));

    ctx.progress('the dashboard: first load and its chart chunk, beside uPlot and Chart.js bundled the same way');
    const dashboard = findElements().find((e) => e.tag === 'sifa-dashboard');
    const dashboardChunks = dashboard ? firstLoadChunks(output, dashboard.define) : null;
    const chartsChunk = output.find((o): o is OutputChunk => o.type === 'chunk' && /(^|\/)charts-[^/]+\.js$/.test(o.fileName));
    const uplot = await bundleLikeWidgets(fileURLToPath(new URL('./bundle/uplot-charts.js', import.meta.url)));
    const chartjs = await bundleLikeWidgets(fileURLToPath(new URL('./bundle/chartjs-charts.js', import.meta.url)));

    const loaderBytes = total(loader);
    const diaryBytes = diaryChunks ? total(diaryChunks) : null;
    const shoelaceBytes = total(shoelace);
    const rows: (string | number)[][] = [
      ['loader (embed.js + config chunk)', loader.length, loaderBytes, kib(loaderBytes), `≤ ${kib(LOADER_TARGET)}`, loaderBytes <= LOADER_TARGET ? 'met' : 'MISSED'],
      diaryBytes === null
        ? ['<sifa-diary> first load', '-', '-', 'not built yet', `≤ ${kib(DIARY_TARGET)}`, '-']
        : ['<sifa-diary> first load (loader + its chunks)', diaryChunks!.length, diaryBytes, kib(diaryBytes), `≤ ${kib(DIARY_TARGET)}`, diaryBytes <= DIARY_TARGET ? 'met' : 'MISSED'],
      ['Shoelace 2.20.1 <sl-button> (peer)', shoelace.length, shoelaceBytes, kib(shoelaceBytes), '', ''],
    ];
    if (dashboardChunks) rows.push(['<sifa-dashboard> first load (loader + its chunks)', dashboardChunks.length, total(dashboardChunks), kib(total(dashboardChunks)), '', '']);
    const chartsBytes = chartsChunk ? gz(chartsChunk.code) : null;
    if (chartsChunk) rows.push(['dashboard charts chunk (lazy: line, bar, pie, map)', 1, chartsBytes!, kib(chartsBytes!), `≤ ${kib(CHARTS_TARGET)}`, chartsBytes! <= CHARTS_TARGET ? 'met' : 'MISSED']);
    rows.push(
      ['uPlot 1.6.32 (peer: lines and bars, no pie)', uplot.length, total(uplot), kib(total(uplot)), '', ''],
      ['Chart.js 4.6.1 line + bar + pie, tree-shaken (peer)', chartjs.length, total(chartjs), kib(total(chartjs)), '', ''],
    );
    const apply = findElements().find((e) => e.tag === 'sifa-apply');
    const applyChunks = apply ? firstLoadChunks(output, apply.define) : null;
    const applyBytes = applyChunks ? total(applyChunks) : null;
    if (applyChunks) rows.push(['<sifa-apply> first load (loader + its chunks)', applyChunks.length, applyBytes!, kib(applyBytes!), `≤ ${kib(APPLY_TARGET)}`, applyBytes! <= APPLY_TARGET ? 'met' : 'MISSED']);
    // Every element of the bundle (the SDK's and the workspace plugins'): what a page with only that tag fetches.
    for (const element of findElements()) {
      if (element.tag === 'sifa-diary' || element.tag === 'sifa-dashboard' || element.tag === 'sifa-apply') continue;
      const chunks = firstLoadChunks(output, element.define);
      rows.push([`<${element.tag}> first load (loader + its chunks)${element.plugin ? `, plugin ${element.plugin}` : ''}`, chunks.length, total(chunks), kib(total(chunks)), '', '']);
    }
    const notes = [
      'Each file gzipped alone (level 9), as a browser fetches them; every bundle minified by the same terser setup.',
      `Loader files: ${loader.map((c) => `${c.fileName} ${gz(c.code)} B`).join(', ')}.`,
    ];
    if (diaryChunks) {
      const schema = total(await bundleLikeWidgets(fileURLToPath(new URL('./bundle/diary-schema.ts', import.meta.url))));
      notes.push(
        `Diary first load: ${diaryChunks.map((c) => `${c.fileName.replace(/^chunks\//, '')} ${gz(c.code)} B`).join(', ')}.`,
        `  zod + the shared schema (diaryFieldsSchema, fieldIssuesOf from @sifa/core) bundled alone: ${kib(schema)} gz.`,
        '  what takes the space:',
        ...breakdown(diaryChunks),
      );
    } else {
      notes.push('No src/diary/define.ts yet: the diary row is empty until <sifa-diary> lands.');
    }
    if (applyChunks) {
      notes.push(`<sifa-apply> first load: ${applyChunks.map((c) => `${c.fileName.replace(/^chunks\//, '')} ${gz(c.code)} B`).join(', ')} (the proof-of-work solver is a lazy chunk, fetched only when the server asks).`, '  what takes the space:', ...breakdown(applyChunks));
    }
    const targetMet = loaderBytes <= LOADER_TARGET && (diaryBytes === null || diaryBytes <= DIARY_TARGET) && (applyBytes === null || applyBytes <= APPLY_TARGET) && (chartsBytes === null || chartsBytes <= CHARTS_TARGET);
    return { columns: ['bundle', 'files', 'bytes gz', 'KiB gz', 'target', ''], rows, notes, targetMet };
  },
});

