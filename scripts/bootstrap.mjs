#!/usr/bin/env node
// The two README commands, runnable on a machine that has only Node 20 and npm:
//   npm start  → install what is missing, build, migrate + seed the embedded database, serve the
//                Sifa server and the demo portal (a host site on its own origin, with its backend)
//   npm test   → install what is missing, type-check, run every test (server suite on PGlite and PostgreSQL;
//                again at pinned clocks, and under Node.js 22 and 24)
// It installs pnpm (pinned) through npx when none is on PATH, and Debian's Chromium (browser tests)
// and LibreOffice Writer (generated documents) when it can (root with apt-get); otherwise it says what to install.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = '12.4.2';
const command = process.argv[2];

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The lane started beside the main run (`startBeside`), stopped when a check before the main run fails. */
let besideLane = null;

function must(cmd, args, what) {
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`\n[sifa] ${what} failed (exit ${code}).`);
    besideLane?.kill('SIGTERM');
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

/** Newest modification time of the files below `dir` (node_modules and dist left out). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the built outputs are newer than every source they come from (start skips the build). */
function buildIsFresh() {
  const outputs = [join(root, 'packages', 'server', 'dist', 'cli.js'), join(root, 'packages', 'components', 'dist', 'embed', 'embed.js')];
  if (!outputs.every((f) => existsSync(f))) return false;
  // The embed bundle is the build's last step (after tsc and the exports sync).
  const built = statSync(outputs[1]).mtimeMs;
  const packageDirs = ['packages', join('packages', 'plugins')].flatMap((base) =>
    readdirSync(join(root, base), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'plugins').map((e) => join(root, base, e.name)),
  );
  let sources = statSync(join(root, 'pnpm-lock.yaml')).mtimeMs;
  for (const dir of packageDirs) {
    for (const part of ['src', 'migrations', 'build', 'package.json', 'rollup.config.mjs']) {
      const path = join(dir, part);
      if (existsSync(path)) sources = Math.max(sources, statSync(path).isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
    }
  }
  return built > sources;
}

function build() {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'run', 'build'], 'Building');
}

function typecheck() {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'run', 'typecheck'], 'Type-checking');
}

/** `pnpm publish --dry-run` of every public package: what a release would publish packs cleanly. */
function releaseCheck() {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'run', '--silent', 'release:check'], 'The publish dry run');
}

function buildStorybook() {
  const [cmd, pre] = pnpm();
  const started = Date.now();
  must(cmd, [...pre, '--filter', '@sifa/components', 'run', 'storybook:build'], 'Building Storybook');
  console.log(`[sifa] Storybook static build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const cli = join(root, 'packages', 'server', 'dist', 'cli.js');

/** Runs the `sifa` CLI quietly; its output on failure. */
function sifaCli(args, env) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`\n[sifa] sifa ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

/**
 * The demo portal is a host site on its own origin (as a real government portal is): it needs a
 * secret key (to mint embed tokens on its backend) and a publishable key, both allowing its
 * origin. Created once per database and portal origin, kept beside the demo credentials.
 */
function portalKeys(env, portalOrigin) {
  const file = resolve(root, env.SIFA_DATA_DIR ?? '.sifa/data', 'gov-portal-keys.json');
  const database = env.DATABASE_URL ?? resolve(root, env.SIFA_DATA_DIR ?? '.sifa/data');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    if (saved.portalOrigin === portalOrigin && saved.database === database) return saved;
  }
  const create = (kind) => {
    const out = sifaCli(['keys', 'create', '--kind', kind, '--org', '1504', '--origin', portalOrigin, '--label', 'gov-portal demo (npm start)'], env);
    const key = out.split('\n').map((l) => l.trim()).find((l) => /^(sk|pk)_/.test(l));
    if (!key) throw new Error(`sifa keys create printed no key:\n${out}`);
    return key;
  };
  const keys = { portalOrigin, database, secretKey: create('secret'), publishableKey: create('publishable') };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/**
 * `npm start`: the Sifa server (API, /embed.js and its chunks) on SIFA_PORT (default PORT + 1)
 * and the demo portal — a host site with its own tiny backend — on PORT (default 3000).
 */
function startAll() {
  const host = process.env.HOST ?? '127.0.0.1';
  const browserHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const portalPort = Number(process.env.PORT ?? 3000);
  const sifaPort = Number(process.env.SIFA_PORT ?? portalPort + 1);
  const sifaUrl = process.env.SIFA_PUBLIC_URL ?? `http://${browserHost}:${sifaPort}`;
  const portalUrl = process.env.PORTAL_PUBLIC_URL ?? `http://${browserHost}:${portalPort}`;
  const sifaEnv = { ...process.env, PORT: String(sifaPort), HOST: host };

  console.log('[sifa] migrating and seeding the demo database');
  sifaCli(['seed'], sifaEnv);
  const keys = portalKeys(sifaEnv, new URL(portalUrl).origin);

  const children = [
    spawn(process.execPath, [cli, 'start', ...process.argv.slice(3)], { cwd: root, env: sifaEnv, stdio: 'inherit' }),
    spawn(process.execPath, [join(root, 'examples', 'gov-portal', 'host', 'server.mjs')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORT: String(portalPort), HOST: host, SIFA_URL: sifaUrl, PORTAL_URL: portalUrl, SIFA_SECRET_KEY: keys.secretKey, SIFA_PUBLISHABLE_KEY: keys.publishableKey },
    }),
  ];
  let exiting = false;
  const stopAll = (signal) => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (!exiting) {
        exiting = true;
        stopAll('SIGTERM');
      }
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? (signal ? 0 : 1));
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => ((exiting = true), stopAll(signal)));
  console.log(`[sifa] open the demo portal at ${portalUrl} (Sifa Kit server: ${sifaUrl})`);
}

/** Debian packages the tests use: Chromium + fonts (browser tests), LibreOffice Writer (opens generated .docx), poppler-utils (reads its PDFs back), python3 (the integrators' example). */
const testPackages = [
  { check: () => existsSync('/usr/bin/chromium'), packages: ['chromium', 'fonts-noto-core', 'fonts-noto-cjk'], why: 'the browser tests' },
  { check: () => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0, packages: ['libreoffice-writer-nogui'], why: 'opening generated .docx documents' },
  { check: () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0, packages: ['poppler-utils'], why: 'reading printed documents back (pdftotext, pdffonts)' },
  { check: () => spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0, packages: ['python3'], why: "running the integrators' Python example (examples/integrators)" },
];

function ensureTestPackages() {
  const missing = testPackages.filter((p) => !p.check());
  if (missing.length === 0) return;
  const names = missing.flatMap((p) => p.packages);
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`[sifa] installing Debian packages for ${missing.map((p) => p.why).join(' and ')}: ${names.join(' ')}`);
    must('apt-get', ['update', '-qq'], 'apt-get update');
    must('apt-get', ['install', '-y', '-qq', ...names], 'Installing test packages');
    return;
  }
  console.warn(`[sifa] missing for ${missing.map((p) => p.why).join(' and ')}: install Debian's ${names.map((n) => `"${n}"`).join(', ')}.`);
}

/**
 * Starts, beside the main run, the other Node.js releases' run and then the pinned clocks' server
 * and widgets parts (scripts/beside-main.mjs), their output into `logFile`; resolves to the first
 * non-zero exit code (0 when all pass) once all are done, after printing the log.
 */
function startBeside(logFile) {
  const log = openSync(logFile, 'w');
  // Two workers each: the main run keeps most of the machine.
  const env = { ...process.env, SIFA_SERVER_WORKERS: process.env.SIFA_BESIDE_WORKERS ?? '2' };
  console.log(`[sifa] beside the main run: Node.js 22 and 24, then the pinned clocks' server and widgets parts (log: ${relative(root, logFile)})`);
  // One child runs both steps (scripts/beside-main.mjs): this process is blocked in the main run
  // and would not see a first step end before it does.
  const child = spawn(process.execPath, [join(root, 'scripts', 'beside-main.mjs')], { cwd: root, env, stdio: ['ignore', log, log] });
  besideLane = child;
  return new Promise((done) => {
    const finish = (code) => {
      closeSync(log);
      console.log(`\n[sifa] beside the main run (${relative(root, logFile)}):\n`);
      console.log(readFileSync(logFile, 'utf8'));
      done(code);
    };
    child.on('error', () => finish(1));
    child.on('exit', (status) => finish(status ?? 1));
  });
}

/**
 * A failure's reason for the closing summary: its message without colours, stack frames or blank
 * lines (a hook's error may begin with one), since a CI log's tail is often all there is.
 */
function reasonLines(message, max = 6) {
  return String(message ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s+at /.test(l))
    // vitest reports a time-out with the stack of where the test or hook was declared, whose
    // message is its placeholder: say what happened instead.
    .map((l) => l.replace(/^(\w*Error): STACK_TRACE_ERROR$/, '$1: timed out (the time limit of the test or of a hook around it)'))
    .slice(0, max)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join('\n');
}

/** Adds up vitest JSON reports (the main run and the pinned-clock runs) into one closing line. */
function summarize(reportFiles) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const file of reportFiles) {
    const run = relative(root, file);
    if (!existsSync(file)) {
      failed += 1; // a run that left no report did not finish
      failures.push(`${run}: the run left no report`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const result of report.testResults ?? []) {
      const testFile = relative(root, result.name ?? '');
      const failedTests = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const test of failedTests) {
        const reason = reasonLines(test.failureMessages?.[0]);
        const took = typeof test.duration === 'number' ? ` (${(test.duration / 1000).toFixed(1)} s)` : '';
        failures.push(`${run}: ${testFile} > ${test.fullName ?? test.title}${took}${reason ? `\n${reason}` : ''}`);
      }
      // A file that failed without a failing test (an import error, a hook) counts as one failure.
      if (result.status === 'failed' && failedTests.length === 0) {
        failed += 1;
        const reason = reasonLines(result.message, 12);
        failures.push(`${run}: ${testFile}: the file failed outside its tests${reason ? `\n${reason}` : ' (no message)'}`);
      }
    }
  }
  // The failures again at the very end, where a CI log's tail shows them.
  if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  // A plain closing line any CI can read.
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

if (command === 'start') {
  installDependencies();
  if (buildIsFresh()) console.log('[sifa] build is up to date');
  else build();
  startAll();
} else if (command === 'test') {
  installDependencies();
  ensureTestPackages();
  build();
  const reportDir = join(root, '.sifa');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, 'test-report.json');
  const [cmd, pre] = pnpm();
  const extra = process.argv.slice(3);
  // Beside the main run (they share nothing with it but the PostgreSQL server, where every file
  // creates its own database, and Chromium runs, each with its own browser and free port): the
  // server and the portal tests under the other supported Node.js releases (22, 24), then the
  // date-sensitive suites with the test clock pinned at awkward instants (New Year's Eve, a first
  // working day, the Spring Festival, a leap day, a holiday; the widgets at two of them): the
  // suite must pass at any date. Their output goes to .sifa/beside-main.log, printed after the
  // main run. Left out when vitest gets arguments (a chosen file or project is a developer's
  // quick run).
  const full = extra.length === 0;
  // Started as soon as the build is there (its tests read sources and the built bundle only): the
  // checks below run mostly on one core, which leaves the other to it.
  const beside = full ? startBeside(join(reportDir, 'beside-main.log')) : null;
  must(process.execPath, [join(root, 'scripts', 'bundle-budgets.mjs')], 'The bundle budgets check (bundle-budgets.json)');
  buildStorybook();
  typecheck();
  releaseCheck();
  const code = run(cmd, [...pre, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extra]);
  let besideCode = 0;
  const moreReports = [];
  if (full) {
    besideCode = await beside;
    const { expectedReports } = await import('./pinned-clocks-list.mjs');
    const { otherNodes, reportFile: nodeReport } = await import('./other-nodes-list.mjs');
    moreReports.push(...otherNodes.map(({ version }) => nodeReport(version)), ...expectedReports());
  }
  summarize([reportFile, ...moreReports]);
  process.exit(code || besideCode);
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(1);
}
