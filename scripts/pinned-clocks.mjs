#!/usr/bin/env node
// Runs the suites whose results depend on the date with the test clock pinned at awkward instants
// (SIFA_TEST_NOW, read by the test clock of @sifa/server/testing and, through it, the browser tests'
// clock): the suite must pass at any date, not just today. Alone:
// `node scripts/pinned-clocks.mjs [--part server|widgets] [instant …] [-- vitest args]`.
// `npm test` runs it in two parts: `server` (core and the server suites, Node only) beside the
// main run, `widgets` (Chromium, vitest's browser mode, one at a time) after it.
//
// The date-sensitive suites: the plugins that compute with dates (plans, warnings, assessment,
// statistics, diary), the platform's documents (文号 years), notifications and calendar, their
// widgets in Chromium, and every test file that computes with dates from the test clock; the
// server files that only date what they create with today's date at the instants marked `stamps`. They run on PGlite:
// the engine does not change date arithmetic, which happens in TypeScript with the server's clock.
// The widgets' tests (the slow half) run at the instants pinned-clocks-list.mjs marks `widgets`.
// The rest (and the PostgreSQL half, the end-to-end tests) run at the real date only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { awkwardInstants, notDateSensitive, pinnedInstants, reportFile } from './pinned-clocks-list.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// (The job runner's, the outbox's and the calendar platform's own tests pass their clocks
// explicitly: left out, they would only add minutes.)
const dateSensitive = [
  ...['plans', 'warnings', 'assessment', 'statistics', 'diary'].map((id) => `packages/plugins/${id}/`),
  'packages/server/test/documents',
  'packages/server/test/notifications',
  'packages/core/test/calendar',
  // (Plugins' own widgets, packages/plugins/<id>/src/ui, are in their plugin's folder above.)
  ...['dashboard', 'notifications'].map((w) => `packages/components/src/${w}/`),
  'packages/components/src/diary/sifa-diary',
];

/**
 * How a test file reads dates from the test clock (`@sifa/server/testing`, the widgets'
 * test-utils/clock.ts): `dates` (a year, a month, a clock from a day: it computes with them),
 * `stamps` (only today's date, to date what it creates) or null. Reading only the time
 * (`testNow`, e.g. opening hours) does not count.
 */
function clockUse(source) {
  if (!/from '(?:@sifa\/(?:server|components)\/testing|[./]*(?:[\w/.-]*\/)?test-utils\/clock\.js)'/.test(source)) return null;
  if (/\btest(?:Year|Month|ClockFrom)\b/.test(source)) return 'dates';
  return /\btestToday\b/.test(source) ? 'stamps' : null;
}

/** The test files reading the clock, by their use (see clockUse). */
function filesReadingTheClock() {
  const files = [...filesIn(join(root, 'packages')), ...filesIn(join(root, 'examples'))].filter((f) => !notDateSensitive.some((dir) => f.file.split('\\').join('/').startsWith(dir)));
  return { dates: files.filter((f) => f.use === 'dates').map((f) => f.file), stamps: files.filter((f) => f.use === 'stamps').map((f) => f.file) };
}

function filesIn(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // (packages/server/plugin-template holds templates of tests, not tests.)
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'plugin-template') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesIn(path));
    else if (entry.name.endsWith('.test.ts')) {
      const use = clockUse(readFileSync(path, 'utf8'));
      if (use) found.push({ file: relative(root, path), use });
    }
  }
  return found;
}

const allArgs = process.argv.slice(2);
const partAt = allArgs.indexOf('--part');
const part = partAt === -1 ? 'all' : allArgs[partAt + 1];
if (!['all', 'server', 'widgets'].includes(part)) {
  console.error(`[sifa] --part is server or widgets, not ${part}`);
  process.exit(2);
}
const args = partAt === -1 ? allArgs : allArgs.filter((_, i) => i !== partAt && i !== partAt + 1);
const split = args.indexOf('--');
const instants = (split === -1 ? args : args.slice(0, split)).filter(Boolean);
const vitestArgs = split === -1 ? [] : args.slice(split + 1);
const chosen = instants.length > 0 ? instants : awkwardInstants;
for (const instant of chosen) {
  if (Number.isNaN(Date.parse(instant))) {
    console.error(`[sifa] not an ISO instant: ${instant}`);
    process.exit(2);
  }
}

const reading = filesReadingTheClock();
// Files in the date-sensitive folders above run at every instant, whatever they read.
const inSensitiveFolder = (file) => dateSensitive.some((dir) => file.startsWith(dir));
const everywhere = [...new Set([...dateSensitive, ...reading.dates])];
const stampsOnly = reading.stamps.filter((file) => !inSensitiveFolder(file));
// An instant named on the command line runs everything; the list's own say whether widgets and
// (in the server part) the files that only stamp today's date run.
const marked = (instant, key) => {
  const listed = pinnedInstants.find((p) => p.instant === instant);
  return instants.length > 0 || !listed || listed[key] === true;
};
const withWidgets = (instant) => marked(instant, 'widgets');
mkdirSync(join(root, '.sifa'), { recursive: true });
const results = [];
for (const instant of chosen) {
  const projects = [
    ...(part !== 'widgets' ? ['core', 'server-pglite'] : []),
    ...(part !== 'server' && withWidgets(instant) ? ['components'] : []),
  ];
  if (projects.length === 0) continue;
  const what = part === 'widgets' ? 'the widgets' : projects.includes('components') ? 'server, core and widgets' : 'server and core';
  console.log(`\n[sifa] pinned clock: ${instant} (${what})`);
  const started = Date.now();
  const report = reportFile(instant, part);
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      ...projects.flatMap((p) => ['--project', p]),
      '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`,
      // The server and core files share their workers' modules (they start servers and databases
      // of their own, and mock no module): importing the platform afresh for every file was a third
      // of each instant's time (137 s → 91 s). The widgets keep vitest's isolation.
      // (The server projects have isolate: false in vitest.config.ts already; this takes core in too.)
      ...(part === 'server' ? ['--no-isolate'] : []),
      // (Also when a filter above would take them in.)
      ...notDateSensitive.flatMap((dir) => ['--exclude', `${dir}**`]),
      ...vitestArgs,
      ...everywhere,
      // (The widgets' own run takes them at both its instants: a widget shows deadlines it is given.)
      ...(projects.includes('components') || marked(instant, 'stamps') ? stampsOnly : []),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, SIFA_TEST_NOW: instant } },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ instant, code: run.status ?? 1, seconds });
  console.log(`[sifa] pinned clock ${instant}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
}

console.log(`\n[sifa] pinned clocks${part === 'all' ? '' : ` (${part})`}:`);
for (const r of results) console.log(`  ${r.instant}  ${r.code === 0 ? 'passed' : 'FAILED'}  ${r.seconds} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
