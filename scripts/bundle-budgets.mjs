#!/usr/bin/env node
/**
 * Every widget's first-load budget, checked on the built script-tag bundle
 * (packages/components/dist/embed, written by `pnpm run build`): what a page fetches before
 * `<tag>` first renders is the loader (embed.js), its static imports (the page config), the
 * tag's own chunk and that chunk's static imports, transitively; lazy chunks (`import()`) are
 * fetched later and not counted. Bytes as `pnpm bench bundle` counts them: each file gzipped
 * alone at level 9 (as a browser fetches them), summed.
 *
 * The budgets live in bundle-budgets.json at the repository root (tag → bytes; `loader` for the
 * loader alone). A widget over its budget, or a built widget without one, fails the check with a
 * table (widget, size, budget, over by); `npm test` runs it right after the build.
 *
 *   node scripts/bundle-budgets.mjs [--dir <embed dir>] [--budgets <file>] [--json]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultEmbedDir = join(root, 'packages', 'components', 'dist', 'embed');
export const defaultBudgetsFile = join(root, 'bundle-budgets.json');
/** The row of the loader alone (embed.js and what it imports statically). */
export const loaderRow = 'loader';

/** Bytes of `code` gzipped at level 9, as the bundle benchmark counts them. */
export const gzipSize = (/** @type {string | Buffer} */ code) => gzipSync(code, { level: 9 }).length;

// Rollup writes a chunk's static imports first, one statement each: `import{a as b}from"./x.js";`,
// `import"./x.js";`, `import*as x from"./x.js";`, `import x,{y}from"./x.js";` (spaces optional).
const staticImport = /^\s*import\s*(?:(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*from\s*)?(["'])([^"']+)\1\s*;?/;

/**
 * The specifiers a built ES module imports statically (the leading import statements rollup
 * writes); dynamic `import()` is not among them.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImportsOf(code) {
  const found = [];
  let rest = code.replace(/^#![^\n]*\n/, '');
  for (;;) {
    // Comments rollup may keep before the imports (a banner, `/*! … */`).
    rest = rest.replace(/^\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)/, '');
    const match = staticImport.exec(rest);
    if (!match) return found;
    found.push(match[2]);
    rest = rest.slice(match[0].length);
  }
}

/**
 * Files (relative to `dir`) fetched before first render, starting from `start`: each file and its
 * static imports, transitively, each once.
 * @param {string} dir
 * @param {string[]} start
 * @returns {string[]}
 */
export function staticClosure(dir, start) {
  const seen = new Set();
  const visit = (/** @type {string} */ file) => {
    if (seen.has(file)) return;
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${file} is imported but not in ${dir}: build again (pnpm run build).`);
    seen.add(file);
    for (const specifier of staticImportsOf(readFileSync(path, 'utf8'))) {
      if (!specifier.startsWith('.')) throw new Error(`${file} imports "${specifier}", which a page cannot fetch.`);
      visit(posix.normalize(posix.join(posix.dirname(file), specifier)));
    }
  };
  for (const file of start) visit(file);
  return [...seen];
}

/**
 * The chunk of `tag`'s define module: rollup names it `chunks/<tag>-<hash>.js` (embed-config.mjs
 * `chunkFileNames`), the hash being 8 characters, so `sifa-cases` never matches `sifa-cases-x`.
 * @param {string} dir
 * @param {string} tag
 */
export function elementChunk(dir, tag) {
  const own = new RegExp(`^${tag.replace(/[-]/g, '\\-')}-[A-Za-z0-9_-]{8}\\.js$`);
  const matches = readdirSync(join(dir, 'chunks')).filter((f) => own.test(f));
  if (matches.length !== 1) throw new Error(`Expected one chunk of <${tag}> in ${join(dir, 'chunks')}, found ${matches.length}${matches.length ? `: ${matches.join(', ')}` : ''}.`);
  return `chunks/${matches[0]}`;
}

/**
 * First-load bytes of the loader and of every element the bundle's elements.json lists.
 * @param {string} [dir] the built embed folder
 * @returns {{ name: string; files: string[]; bytes: number }[]}
 */
export function measureFirstLoads(dir = defaultEmbedDir) {
  if (!existsSync(join(dir, 'embed.js')) || !existsSync(join(dir, 'elements.json'))) {
    throw new Error(`No built bundle in ${dir} (embed.js, elements.json): run \`pnpm run build\` first.`);
  }
  const sizes = new Map();
  const size = (/** @type {string} */ file) => {
    if (!sizes.has(file)) sizes.set(file, gzipSize(readFileSync(join(dir, file))));
    return sizes.get(file);
  };
  const measure = (/** @type {string} */ name, /** @type {string[]} */ start) => {
    const files = staticClosure(dir, start);
    return { name, files, bytes: files.reduce((sum, f) => sum + size(f), 0) };
  };
  const tags = Object.keys(JSON.parse(readFileSync(join(dir, 'elements.json'), 'utf8'))).sort();
  return [measure(loaderRow, ['embed.js']), ...tags.map((tag) => measure(tag, ['embed.js', elementChunk(dir, tag)]))];
}

/**
 * Compares measured first loads with their budgets.
 * @param {{ name: string; bytes: number }[]} measured
 * @param {Record<string, number>} budgets
 * @returns {{ rows: { name: string; bytes: number; budget: number | null; over: number | null }[]; failures: string[]; stale: string[] }}
 */
export function checkBudgets(measured, budgets) {
  const failures = [];
  const rows = measured.map(({ name, bytes }) => {
    const budget = Object.hasOwn(budgets, name) ? budgets[name] : null;
    if (budget === null) failures.push(`${name}: no budget in bundle-budgets.json (add one: its size now is ${bytes} B)`);
    else if (!Number.isInteger(budget) || budget <= 0) failures.push(`${name}: the budget must be a positive whole number of bytes`);
    const over = budget === null ? null : bytes - budget;
    if (over !== null && over > 0) failures.push(`${name}: ${bytes} B, ${over} B over its budget of ${budget} B`);
    return { name, bytes, budget, over };
  });
  // A budget naming nothing built is a leftover (a renamed or removed widget): said, not failed.
  const stale = Object.keys(budgets).filter((name) => !measured.some((m) => m.name === name));
  return { rows, failures, stale };
}

/**
 * The table printed by the check.
 * @param {ReturnType<typeof checkBudgets>['rows']} rows
 */
export function formatTable(rows) {
  const header = ['widget', 'first load (B gz)', 'budget (B)', 'over by (B)', ''];
  const body = rows.map((r) => [
    r.name,
    String(r.bytes),
    r.budget === null ? '—' : String(r.budget),
    r.over === null ? '—' : r.over > 0 ? String(r.over) : '',
    r.budget === null ? 'NO BUDGET' : r.over !== null && r.over > 0 ? 'OVER' : `${r.budget - r.bytes} B left`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** @param {string} file */
export function readBudgets(file = defaultBudgetsFile) {
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed.budgets !== 'object') throw new Error(`${file}: expected { "budgets": { "<tag>": <bytes>, … } }`);
  return /** @type {Record<string, number>} */ (parsed.budgets);
}

function main(argv) {
  const option = (/** @type {string} */ name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = resolve(option('--dir') ?? defaultEmbedDir);
  const budgetsFile = resolve(option('--budgets') ?? defaultBudgetsFile);
  const measured = measureFirstLoads(dir);
  const result = checkBudgets(measured, readBudgets(budgetsFile));
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result.rows, null, 2));
  } else {
    console.log(`[sifa] first-load bytes per widget (gzip -9 per file, summed; budgets: ${posix.relative(root, budgetsFile) || budgetsFile})`);
    console.log(formatTable(result.rows));
  }
  for (const name of result.stale) console.warn(`[sifa] bundle-budgets.json has a budget for "${name}", which the bundle does not build.`);
  if (result.failures.length > 0) {
    console.error(`\n[sifa] bundle budgets exceeded:\n${result.failures.map((f) => `  ${f}`).join('\n')}\nMake the first load smaller (a lazy chunk fetched after first render, less code), or raise the budget in bundle-budgets.json with a reason in the commit.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`[sifa] bundle budgets: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
