#!/usr/bin/env node
// The two README commands, runnable on a machine that has only Node 20 and npm:
//   npm start  → install what is missing, build, migrate + seed the embedded database, serve the portal
//   npm test   → install what is missing, type-check, run every test (server suite on PGlite and PostgreSQL)
// It installs pnpm (pinned) through npx when none is on PATH, and Debian's Chromium for the
// browser tests when it can (root with apt-get); otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = '12.4.2';
const command = process.argv[2];

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args, what) {
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`\n[sifa] ${what} failed (exit ${code}).`);
    process.exit(code);
  }
}

function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  console.log(`[sifa] using pnpm ${pnpmVersion} through npx (install it globally with: npm i -g pnpm@${pnpmVersion})`);
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

function installDependencies() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'install', '--frozen-lockfile'], 'Installing dependencies');
}

function build() {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'run', 'build'], 'Building');
}

function typecheck() {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'run', 'typecheck'], 'Type-checking');
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('[sifa] installing Debian chromium and Noto fonts for the browser tests');
    must('apt-get', ['update', '-qq'], 'apt-get update');
    must('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core', 'fonts-noto-cjk'], 'Installing chromium');
    return;
  }
  console.warn('[sifa] /usr/bin/chromium is missing: install Debian\'s "chromium", "fonts-noto-core" and "fonts-noto-cjk" packages for the browser tests.');
}

function summarize(reportFile) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A plain closing line any CI can read.
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
}

if (command === 'start') {
  installDependencies();
  build();
  const code = run(process.execPath, ['packages/server/dist/cli.js', 'start', '--seed', ...process.argv.slice(3)]);
  process.exit(code);
} else if (command === 'test') {
  installDependencies();
  ensureChromium();
  build();
  typecheck();
  const reportDir = join(root, '.sifa');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, 'test-report.json');
  const [cmd, pre] = pnpm();
  const code = run(cmd, [...pre, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(3)]);
  summarize(reportFile);
  process.exit(code);
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(1);
}
