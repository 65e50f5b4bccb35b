/**
 * Packaging test (issue 21): the public packages work when installed from their packed tarballs
 * outside the workspace, as an integrator installs them: no workspace links, no `sifa-source`
 * condition, no hoisted devDependencies of the repository, only what the tarballs hold and what
 * their dependencies bring from the npm registry.
 *
 *  1. `pnpm pack` every public package (packages/core, components, server, plugins/*; never a
 *     `"private": true` one) into a temporary folder; the build (`pnpm run build`) must have run.
 *     Every export target and bin of every package must be inside its tarball.
 *  2. `npm install` all tarballs in one call into a project under os.tmpdir() (plain npm).
 *  3. Every export loads in Node from that project; every bare import in the installed packages'
 *     JavaScript and declarations is a declared dependency or peer (so nothing works only because
 *     another package's dependency happens to be hoisted); every plugin's server half composes
 *     and applies all of its migrations (`sifa migrate`, all plugins, in memory).
 *  4. `tsc --noEmit` (the repository's TypeScript) on a file importing every public entry point
 *     with types, a file using the main APIs, and the project's own sifa.config.mjs and host
 *     backend (checkJs): a missing or broken .d.ts of ours fails it.
 *  5. The installed `sifa` bin: `seed` (migrate + seed, embedded PGlite in the project), `keys
 *     create` (publishable and secret, for the host site's origin), `start` on a port of the OS's
 *     choosing; /healthz (ok, the two plugins) and /embed.js.
 *  6. Chromium opens a page of ANOTHER origin (the host backend, a Node script in the project
 *     using the installed @sifa/server's mintEmbedToken) with one script tag for
 *     <sifa-legal-map> (publishable key) and <sifa-diary> (embed token from the host backend),
 *     under a strict CSP: institutions listed and the map drawn, the diary's catalogue loaded,
 *     zero CSP violations, failed responses or console errors.
 *
 * Everything started is stopped and the temporary folder removed, pass or fail.
 * Step timings are printed (console.info).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Known packaging defects that package.json alone cannot fix (the file generating the field has
 * to change): reported by every run, and the run fails once one no longer shows (remove it here).
 */
/**
 * Subpaths for this repository only, declared with the `sifa-source` condition alone (so nothing
 * outside the workspace resolves them) and not shipped.
 */
const workspaceOnly: Record<string, string> = {
  '@sifa/components/testing': 'the widgets’ test kit: TypeScript run by vitest inside this repository, with its global setup',
};

// ---------------------------------------------------------------------------------------------
// The packages

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  exports?: unknown;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface PublicPackage {
  dir: string;
  pkg: PackageJson;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** packages/* and packages/plugins/* with a package.json and no `"private": true` (examples/* are private and not looked at). */
function publicPackages(): PublicPackage[] {
  const dirs = ['packages', join('packages', 'plugins')].flatMap((base) =>
    readdirSync(join(repo, base), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(repo, base, e.name)),
  );
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: readJson<PackageJson>(join(dir, 'package.json')) }))
    .filter(({ pkg }) => pkg.private !== true);
}

interface ExportTarget {
  /** `@sifa/server/testing` */
  specifier: string;
  subpath: string;
  conditions: string[];
  /** Relative to the package, without ./ */
  path: string;
}

/** Every target of the package's `exports` under any condition but `sifa-source` (the workspace's own). */
function exportTargets(pkg: PackageJson): ExportTarget[] {
  const out: ExportTarget[] = [];
  const visit = (specifier: string, subpath: string, value: unknown, conditions: string[]) => {
    if (typeof value === 'string') out.push({ specifier, subpath, conditions, path: value.replace(/^\.\//, '') });
    else if (Array.isArray(value)) for (const v of value) visit(specifier, subpath, v, conditions);
    else if (value && typeof value === 'object') {
      for (const [condition, v] of Object.entries(value)) if (condition !== 'sifa-source') visit(specifier, subpath, v, [...conditions, condition]);
    }
  };
  const exportsField = pkg.exports;
  if (typeof exportsField === 'string') visit(pkg.name, '.', exportsField, []);
  else if (exportsField && typeof exportsField === 'object') {
    const entries = Object.entries(exportsField);
    if (entries.every(([k]) => !k.startsWith('.'))) visit(pkg.name, '.', exportsField, []);
    else for (const [subpath, value] of entries) visit(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, subpath, value, []);
  }
  return out;
}

/** Each subpath of `exports` with its targets (none: only a `sifa-source` one, which nothing outside the workspace resolves). */
function subpathsOf(pkg: PackageJson): { specifier: string; subpath: string; targets: ExportTarget[] }[] {
  const exportsField = pkg.exports;
  const subpaths =
    exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.')) ? Object.keys(exportsField) : exportsField === undefined ? [] : ['.'];
  const targets = exportTargets(pkg);
  return subpaths
    .map((subpath) => {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      return { specifier, subpath, targets: targets.filter((t) => t.specifier === specifier) };
    })
    .filter((s) => !(workspaceOnly[s.specifier] && s.targets.length === 0));
}

const binTargets = (pkg: PackageJson): { name: string; path: string }[] =>
  typeof pkg.bin === 'string'
    ? [{ name: pkg.name.split('/').pop()!, path: pkg.bin.replace(/^\.\//, '') }]
    : Object.entries(pkg.bin ?? {}).map(([name, path]) => ({ name, path: path.replace(/^\.\//, '') }));

/** The script-tag loader: a browser bundle (the browser step loads it), not a module for Node or tsc. */
const isBrowserBundle = (t: { subpath: string }) => t.subpath === './embed.js';
const isJson = (t: { subpath: string }) => t.subpath.endsWith('.json');

// ---------------------------------------------------------------------------------------------
// Processes

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Node's environment without the workspace's: no pnpm/npm script variables, NODE_OPTIONS, vitest's, a database or Sifa settings of the caller, no repository bin folders on PATH. */
function integratorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keepNpm = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|no_proxy|cafile|ca|strict_ssl)$/i;
  const drop = /^(npm_|pnpm_|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|VITEST|TEST$|TINYPOOL|DATABASE_URL$|SIFA_|PORT$|HOST$|TSX_)/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || (drop.test(key) && !keepNpm.test(key))) continue;
    env[key] = value;
  }
  const path = env.PATH ?? '';
  env.PATH = path
    .split(delimiter)
    .filter((p) => p && !resolve(p).startsWith(repo + sep))
    .join(delimiter);
  return { ...env, ...extra };
}

const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** Runs a command to its end; rejects with its output when it exits non-zero (unless `allowFailure`). */
function run(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; allowFailure?: boolean }): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? integratorEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs ?? 240_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(new Error(`${cmd} ${args.join(' ')} could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const ran = { code, signal, stdout, stderr };
      if (code === 0 || options.allowFailure) done(ran);
      else fail(new Error(`${cmd} ${args.join(' ')} (in ${options.cwd}) ${timedOut ? `took longer than ${(options.timeoutMs ?? 240_000) / 1000} s` : code === null ? `was killed (${signal})` : `exited ${code}`}:\n${tail(stdout)}\n${tail(stderr)}`));
    });
  });
}

interface Service {
  name: string;
  child: ChildProcess;
  output: string[];
  /** The URL the service printed when ready. */
  url: string;
}

const services = new Set<Service>();
const killAll = () => {
  for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
};

/** Starts a long-running process and waits for the line saying where it listens. */
function startService(name: string, cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number }): Promise<Service> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const service: Service = { name, child, output, url: '' };
    services.add(service);
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`${name} did not say it was ready within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${tail(output.join(''))}`)), options.timeoutMs ?? 120_000);
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) fail(error);
      else done(service);
    };
    const onData = (d: string) => {
      output.push(d);
      const match = options.ready.exec(output.join(''));
      if (match?.[1]) {
        service.url = match[1];
        finish(null);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (d: string) => output.push(d));
    child.once('error', (error) => finish(new Error(`${name} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => finish(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${tail(output.join(''))}`)));
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
async function stopService(service: Service, graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) {
    services.delete(service);
    return { code: child.exitCode, signal: child.signalCode };
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const result = await exited;
  clearTimeout(timer);
  services.delete(service);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Steps: each names the steps it needs; when one of those failed it fails too, saying so (never skipped).

const completed = new Set<string>();
const timings: Record<string, number> = {};

async function step(name: string, needs: string[], body: () => Promise<string | void>): Promise<void> {
  const missing = needs.filter((n) => !completed.has(n));
  if (missing.length) throw new Error(`Not run: the step(s) ${missing.map((n) => `"${n}"`).join(', ')} before it did not complete (see the first failure).`);
  const started = performance.now();
  const summary = await body();
  const seconds = (performance.now() - started) / 1000;
  timings[name] = seconds;
  completed.add(name);
  console.info(`[packaging] ${name}: ${seconds.toFixed(1)} s${summary ? ` — ${summary}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Files written into the integrator's project

/** The Sifa server's config in the project: the diary and the legal-services map, and the script-tag distribution at /embed.js (as the repository's sifa.config.mjs serves it). */
const sifaConfig = `// @ts-check
// The Sifa server's plugins and static folders, in an integrator's project (see the repository's
// sifa.config.mjs and README "Configuration"). \`sifa\` reads ./sifa.config.mjs by default.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';

// The script-tag distribution of the installed @sifa/components: the loader and its hashed chunks.
const embed = dirname(fileURLToPath(import.meta.resolve('@sifa/components/embed.js')));

/** @type {{ plugins: import('@sifa/core').ServerPlugin[]; staticRoots: import('@sifa/server').StaticRoot[] }} */
const config = {
  plugins: [createDiaryPlugin(), createInstitutionsPlugin()],
  staticRoots: [
    { prefix: '/chunks/', dir: join(embed, 'chunks'), immutable: true },
    { prefix: '/', dir: embed },
  ],
};
export default config;
`;

/**
 * The host site's backend (a portal's, in miniature; cf. examples/gov-portal/host/server.mjs): a
 * page embedding two widgets from the Sifa origin under a strict CSP, its own script, and embed
 * tokens for its (always signed-in) user minted with the secret key through the installed
 * @sifa/server. It listens first (on a port of the OS's choosing: the keys name its origin);
 * the test writes host-settings.json once the Sifa server is up, and it is read per request.
 */
const hostBackend = `// @ts-check
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mintEmbedToken } from '@sifa/server';

/** @returns {Promise<{ sifaUrl: string; publishableKey: string; secretKey: string }>} */
const settings = async () => JSON.parse(await readFile(new URL('./host-settings.json', import.meta.url), 'utf8'));

// The page's own script (a file: the CSP allows no inline script) records the widgets' events.
const hostJs = \`window.__sifaEvents = [];
document.addEventListener('sifa-map-ready', () => window.__sifaEvents.push('sifa-map-ready'));
\`;

/** @param {{ sifaUrl: string; publishableKey: string }} s */
const page = (s) => \`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Sifa Kit from packed tarballs</title>
<link rel="icon" href="data:,">
<script type="module" src="\${s.sifaUrl}/embed.js" data-sifa-key="\${s.publishableKey}" data-sifa-token-url="/token"></script>
<script type="module" src="/host.js"></script>
</head>
<body>
<main>
<sifa-legal-map></sifa-legal-map>
<sifa-diary org-code="150402001"></sifa-diary>
</main>
</body>
</html>
\`;

/**
 * The directives the widgets' READMEs ask a host for (the map's worker: worker-src).
 * @param {string} sifa
 */
const csp = (sifa) =>
  [\`default-src 'self'\`, \`script-src 'self' \${sifa}\`, \`style-src 'self'\`, \`connect-src 'self' \${sifa}\`, \`worker-src blob: \${sifa}\`, \`img-src 'self' data: blob:\`, \`object-src 'none'\`, \`base-uri 'none'\`].join('; ');

const server = createServer((req, res) => {
  void (async () => {
    const s = await settings();
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(new URL(s.sifaUrl).origin) });
      res.end(page(s));
    } else if (req.method === 'GET' && req.url === '/host.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(hostJs);
    } else if (req.method === 'POST' && req.url === '/token') {
      const token = await mintEmbedToken({ endpoint: s.sifaUrl, secretKey: s.secretKey, user: { id: 'packaging-test', displayName: '打包测试（演示）' }, role: 'office_staff', orgCode: '150402001' });
      console.log('minted an embed token');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(token));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  })().catch((/** @type {unknown} */ error) => {
    console.error('host request failed:', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(\`host serving http://127.0.0.1:\${address && typeof address === 'object' ? address.port : '?'}\`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** What an integrator's TypeScript does with the main APIs (type-checked only). */
const usageTs = `import type { ServerPlugin } from '@sifa/core';
import { createSifaServer, mintEmbedToken, strictCsp, type SifaServerOptions } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';
import { configureSifa } from '@sifa/components';
import '@sifa/components/legal-map';
import '@sifa/components/diary';

const plugins: ServerPlugin[] = [createDiaryPlugin(), createInstitutionsPlugin()];
export const options: SifaServerOptions = { plugins, database: { engine: 'pglite', dataDir: 'memory' }, port: 0 };
export const open = () => createSifaServer(options);
export const mint = (secretKey: string): Promise<{ token: string; expiresAt: string }> =>
  mintEmbedToken({ endpoint: 'https://sifa.example.gov.cn', secretKey, user: { id: 'u-1', displayName: '王芳' }, role: 'office_staff', orgCode: '150402001' });
export const csp: string = strictCsp;

export function embed(): void {
  configureSifa({ endpoint: 'https://sifa.example.gov.cn', publishableKey: 'pk_example', tokenUrl: '/portal-api/embed-token' });
  const map: HTMLElementTagNameMap['sifa-legal-map'] = document.createElement('sifa-legal-map');
  const diary: HTMLElementTagNameMap['sifa-diary'] = document.createElement('sifa-diary');
  diary.setAttribute('org-code', '150402001');
  document.body.append(map, diary);
}
`;

/** Loads each specifier given (JSON array in argv) and prints one JSON line per result. */
const importsScript = `for (const specifier of JSON.parse(process.argv[2])) {
  try {
    const mod = specifier.endsWith('.json') ? await import(specifier, { with: { type: 'json' } }) : await import(specifier);
    console.log(JSON.stringify({ specifier, ok: true, exports: Object.keys(mod).length }));
  } catch (error) {
    console.log(JSON.stringify({ specifier, ok: false, error: \`\${error?.code ?? error?.name ?? 'Error'}: \${String(error?.message ?? error).split('\\n')[0]}\` }));
  }
}
process.exit(0);
`;

/** Every installed plugin package's server half, each with its default options; composition orders them by their dependencies. */
const allPluginsConfig = (names: string[]) => `// Every @sifa plugin package installed, each with its default options.
const names = ${JSON.stringify(names)};
const plugins = [];
for (const name of names) {
  const mod = await import(\`\${name}/server\`);
  const factories = Object.entries(mod).filter(([key, value]) => /^create[A-Z]\\w*Plugin$/.test(key) && typeof value === 'function');
  if (factories.length !== 1) throw new Error(\`\${name}/server: expected one create…Plugin export, found \${factories.map(([key]) => key).join(', ') || 'none'}\`);
  plugins.push(factories[0][1]());
}
export default { plugins };
`;

/**
 * What the page functions touch, typed here: this file is checked without the DOM library (the
 * root tsconfig's), and the functions run in the page, where these exist.
 */
interface PageGlobals {
  __sifaEvents?: string[];
  __cspViolations?: { directive: string; blockedURI: string; source: string }[];
  document: {
    querySelector(selector: string): { shadowRoot: { textContent: string | null } | null } | null;
    addEventListener(type: 'securitypolicyviolation', listener: (e: { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => void): void;
  };
}

// ---------------------------------------------------------------------------------------------

let root = '';
let packsDir = '';
let project = '';
const packages = publicPackages();
/** name → tarball path and the files in it */
const tarballs = new Map<string, { file: string; files: Set<string>; manifest: PackageJson }>();
let sifa: Service | null = null;
let host: Service | null = null;
let browser: Browser | null = null;
let context: BrowserContext | null = null;
const keys = { publishable: '', secret: '' };

const installed = (name: string) => join(project, 'node_modules', ...name.split('/'));
const installedPkg = (name: string) => readJson<PackageJson>(join(installed(name), 'package.json'));
/** The `sifa` command as npm linked it from @sifa/server's "bin". */
function sifaBin(): string {
  const bin = join(project, 'node_modules', '.bin', 'sifa');
  if (!existsSync(bin)) throw new Error(`npm linked no node_modules/.bin/sifa: the installed @sifa/server has no "bin": { "sifa": … } (it has ${JSON.stringify(installedPkg('@sifa/server').bin ?? null)})`);
  return bin;
}
const sifaEnv = (extra: Record<string, string> = {}) => integratorEnv({ SIFA_DATA_DIR: join(project, 'sifa-data'), SIFA_LOG_LEVEL: 'warn', ...extra });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sifa-packaging-'));
  if (!relative(repo, root).startsWith('..')) throw new Error(`The temporary folder ${root} is inside the repository: set TMPDIR elsewhere.`);
  packsDir = join(root, 'packs');
  project = join(root, 'project');
  await mkdir(packsDir);
  await mkdir(project);
  process.once('exit', killAll);
});

afterAll(async () => {
  const errors: unknown[] = [];
  const attempt = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (error) {
      errors.push(error);
    }
  };
  await attempt(async () => context?.close());
  await attempt(async () => browser?.close());
  for (const service of [...services]) await attempt(() => stopService(service, 5_000));
  killAll();
  process.removeListener('exit', killAll);
  if (root) await attempt(() => rm(root, { recursive: true, force: true, maxRetries: 3 }));
  console.info(`[packaging] timings: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
  if (errors.length) throw new AggregateError(errors, 'Cleaning up after the packaging test failed');
});

describe('the public packages, packed and installed outside the workspace', () => {
  it('finds the public packages and their built files', async () => {
    await step('build present', [], async () => {
      const names = packages.map((p) => p.pkg.name);
      expect(names).toEqual(expect.arrayContaining(['@sifa/core', '@sifa/components', '@sifa/server']));
      expect(names.filter((n) => n.startsWith('@sifa/plugin-')).length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const { dir, pkg } of packages) {
        for (const t of exportTargets(pkg)) {
          if (t.path.includes('*')) continue;
          if (!existsSync(join(dir, t.path))) missing.push(`${relative(repo, join(dir, t.path))} (${t.specifier}, ${t.conditions.join('+') || 'default'})`);
        }
        for (const b of binTargets(pkg)) if (!existsSync(join(dir, b.path))) missing.push(`${relative(repo, join(dir, b.path))} (bin ${b.name} of ${pkg.name})`);
      }
      if (missing.length) throw new Error(`The packages are not built: run \`pnpm run build\` at the repository root first. Missing:\n  ${[...new Set(missing)].join('\n  ')}`);
      return `${packages.length} public packages: ${names.join(', ')}`;
    });
  });

  it('packs every public package; every export target and bin is in its tarball', async () => {
    await step('pack', ['build present'], async () => {
      // pnpm as the test was started with (pnpm exec / pnpm run), else the one on PATH.
      const execpath = process.env.npm_execpath ?? '';
      const pnpmJs = /pnpm/.test(execpath) && /\.c?js$/.test(execpath) ? execpath : null;
      const [pnpmCmd, pnpmPre] = pnpmJs ? [process.execPath, [pnpmJs]] : ['pnpm', []];
      for (const { dir, pkg } of packages) {
        const { stdout } = await run(pnpmCmd, [...pnpmPre, 'pack', '--pack-destination', packsDir, '--json'], { cwd: dir });
        const packed = JSON.parse(stdout) as { name: string; filename: string };
        expect(packed.name).toBe(pkg.name);
        expect(existsSync(packed.filename), packed.filename).toBe(true);
        // What is really in the tarball (pnpm's --json list names files it leaves out, e.g. dist/.tsbuildinfo),
        // and the manifest as published (pnpm rewrites workspace: ranges and applies publishConfig).
        const listing = (await run('tar', ['-tzf', packed.filename], { cwd: packsDir })).stdout.split('\n').filter(Boolean);
        const files = new Set(listing.map((f) => f.replace(/^package\//, '')));
        const manifest = JSON.parse((await run('tar', ['-xOzf', packed.filename, 'package/package.json'], { cwd: packsDir })).stdout) as PackageJson;
        tarballs.set(pkg.name, { file: packed.filename, files, manifest });
      }
      const problems: string[] = [];
      for (const { pkg } of packages) {
        const { files, manifest } = tarballs.get(pkg.name)!;
        const ranges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies });
        for (const [dep, range] of ranges) if (range.startsWith('workspace:')) problems.push(`${pkg.name}: ${dep}@${range} left in the packed package.json`);
        for (const { specifier, targets } of subpathsOf(manifest)) {
          const found: string[] = [];
          for (const t of targets) {
            const where = `${t.path} (${t.conditions.join('+') || 'default'})`;
            const pattern = t.path.includes('*') ? new RegExp(`^${t.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+')}$`) : null;
            const inside = pattern ? [...files].some((f) => pattern.test(f)) : files.has(t.path);
            if (!inside) found.push(`${where} is not in the tarball: add it to "files"`);
            if (/\.(ts|tsx|mts|cts)$/.test(t.path) && !/\.d\.(ts|mts|cts)$/.test(t.path)) found.push(`${where} is TypeScript source`);
            else if (t.path.startsWith('src/')) found.push(`${where} points into src/`);
          }
          if (targets.length === 0) found.push('has only a "sifa-source" target: nothing outside the workspace resolves it');
          const code = targets.filter((t) => !isJson(t) && !isBrowserBundle(t));
          if (code.length && !code.some((t) => t.conditions.includes('types'))) found.push('has no "types" condition');
          if (code.length && !code.some((t) => /\.(m?js|cjs)$/.test(t.path))) found.push('has no JavaScript target');
          if (workspaceOnly[specifier]) found.push(`is for this repository only (${workspaceOnly[specifier]}): give it the "sifa-source" condition alone`);
          problems.push(...found.map((f) => `${specifier}: ${f}`));
        }
        for (const b of binTargets(manifest)) if (!files.has(b.path)) problems.push(`${pkg.name}: bin ${b.name} → ${b.path} is not in the tarball`);
      }
      expect(problems).toEqual([]);
      const bytes = [...tarballs.values()].reduce((sum, t) => sum + statSync(t.file).size, 0);
      return `${tarballs.size} tarballs, ${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    });
  });

  it('installs all tarballs with plain npm in a project outside the repository', async () => {
    await step('install', ['pack'], async () => {
      await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'sifa-integrator', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
      const files = [...tarballs.values()].map((t) => t.file);
      // With the optional peers of @sifa/components/react and /vue (the host frameworks' element
      // types), as a React or Vue app has them: the type-check below then covers those entries too.
      const frameworkTypes = ['@types/react@19.3.3', 'vue@3.5.47'];
      const { stdout } = await run('npm', ['install', '--no-audit', '--no-fund', ...files, ...frameworkTypes], { cwd: project, timeoutMs: 280_000 });
      const lock = readJson<{ packages: Record<string, { version?: string; resolved?: string }> }>(join(project, 'node_modules', '.package-lock.json'));
      const entries = Object.entries(lock.packages).filter(([k]) => k.startsWith('node_modules/'));
      // Every @sifa package, wherever it sits, is one of the tarballs (never a registry copy, never nested twice).
      const sifaEntries = entries.filter(([k]) => /(^|\/)node_modules\/@sifa\/[^/]+$/.test(k));
      expect(sifaEntries.filter(([, v]) => !v.resolved?.startsWith('file:')).map(([k, v]) => `${k} from ${v.resolved}`)).toEqual([]);
      expect(sifaEntries.map(([k]) => k).sort()).toEqual(packages.map((p) => `node_modules/${p.pkg.name}`).sort());
      // The project's own files: the server config and the host site's backend.
      await writeFile(join(project, 'sifa.config.mjs'), sifaConfig);
      await writeFile(join(project, 'host.mjs'), hostBackend);
      return `${entries.length} packages installed (npm: ${stdout.match(/added \d+ packages?/)?.[0] ?? '?'})`;
    });
  });

  it('loads every export in Node, and imports nothing it does not declare', async () => {
    await step('exports load', ['install'], async () => {
      const specifiers: string[] = [];
      for (const { pkg } of packages) for (const s of subpathsOf(installedPkg(pkg.name))) if (!isBrowserBundle(s)) specifiers.push(s.specifier);
      await writeFile(join(project, 'imports.mjs'), importsScript);
      const { stdout } = await run(process.execPath, ['imports.mjs', JSON.stringify(specifiers)], { cwd: project });
      const results = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { specifier: string; ok: boolean; exports?: number; error?: string });
      expect(results.map((r) => r.specifier)).toEqual(specifiers);
      const failed = results.filter((r) => !r.ok).map((r) => `${r.specifier}: ${r.error}`);

      // Every bare import of the installed files (JavaScript and declarations; dynamic imports and
      // triple-slash types too) names the package itself, a Node built-in or a declared dependency:
      // npm's flat node_modules would hide one that another package happens to bring.
      const builtins = new Set(builtinModules);
      const undeclared: string[] = [];
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.name === 'node_modules' ? [] : e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      let scanned = 0;
      for (const { pkg } of packages) {
        const got = installedPkg(pkg.name);
        const declared = new Set([got.name, ...Object.keys(got.dependencies ?? {}), ...Object.keys(got.peerDependencies ?? {}), ...Object.keys(got.optionalDependencies ?? {})]);
        const seen = new Set<string>();
        for (const file of walk(installed(pkg.name))) {
          if (!/\.(m?js|cjs|d\.m?ts)$/.test(file)) continue;
          scanned++;
          const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
          const bare = (s: string) => !(s.startsWith('.') || s.startsWith('/') || s.startsWith('node:') || s.startsWith('data:') || builtins.has(s) || builtins.has(s.split('/')[0]!));
          const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
          const needed = [
            ...info.importedFiles.filter((f) => bare(f.fileName)).map((f) => [packageOf(f.fileName)]),
            // `/// <reference types="x" />`: the package x or @types/x
            ...info.typeReferenceDirectives.map((f) => [packageOf(f.fileName), `@types/${f.fileName}`]),
          ];
          for (const names of needed) {
            if (names.some((n) => declared.has(n)) || seen.has(names[0]!)) continue;
            seen.add(names[0]!);
            undeclared.push(`${pkg.name} imports "${names.join('" or "')}" (${relative(installed(pkg.name), file)}) without declaring it in dependencies or peerDependencies`);
          }
        }
      }
      expect([...failed, ...undeclared]).toEqual([]);
      return `${results.length} exports loaded; ${scanned} installed files scanned, no undeclared import`;
    });
  });

  it('composes every plugin and applies all of their migrations with the installed CLI', async () => {
    await step('migrate all plugins', ['install'], async () => {
      const pluginNames = packages.map((p) => p.pkg.name).filter((n) => n.startsWith('@sifa/plugin-'));
      await writeFile(join(project, 'all-plugins.config.mjs'), allPluginsConfig(pluginNames));
      // What the repository ships: the platform's migrations and every public plugin's.
      const journals = [join(repo, 'packages', 'server'), ...packages.filter((p) => p.pkg.name.startsWith('@sifa/plugin-')).map((p) => p.dir)]
        .map((dir) => join(dir, 'migrations', 'meta', '_journal.json'))
        .filter((f) => existsSync(f));
      const expected = journals.reduce((sum, f) => sum + readJson<{ entries: unknown[] }>(f).entries.length, 0);
      const { stdout } = await run(sifaBin(), ['migrate', '--config', 'all-plugins.config.mjs'], { cwd: project, env: sifaEnv({ SIFA_DATA_DIR: 'memory' }) });
      const applied = Number(/Applied (\d+) migration/.exec(stdout)?.[1]);
      expect(applied, stdout).toBe(expected);
      return `${pluginNames.length} plugins, ${applied} migrations applied`;
    });
  });

  it('type-checks every public entry point, the main APIs and the project’s own files with tsc', async () => {
    await step('tsc', ['install'], async () => {
      const entries: string[] = [];
      for (const { pkg } of packages) for (const s of subpathsOf(installedPkg(pkg.name))) if (s.targets.some((t) => t.conditions.includes('types'))) entries.push(s.specifier);
      await writeFile(join(project, 'entry-points.ts'), `${entries.map((e, i) => `import * as e${i} from '${e}';`).join('\n')}\nexport const entryPoints = [${entries.map((_, i) => `e${i}`).join(', ')}];\n`);
      await writeFile(join(project, 'usage.ts'), usageTs);
      const tsconfig = {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          // Our declaration files are checked too (reported errors in third-party ones are ignored below).
          skipLibCheck: false,
          allowJs: true,
          checkJs: true,
          // The project's Node types: the repository's @types/node, as an integrator has their own.
          typeRoots: [join(repo, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['entry-points.ts', 'usage.ts', 'sifa.config.mjs', 'host.mjs'],
      };
      await writeFile(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: project, allowFailure: true });
      // One diagnostic per line starting at column 0, continuation lines indented.
      const diagnostics: string[] = [];
      for (const line of result.stdout.split('\n')) {
        if (!line.trim()) continue;
        if (/^\s/.test(line) && diagnostics.length) diagnostics[diagnostics.length - 1] += `\n${line}`;
        else diagnostics.push(line);
      }
      const thirdParty = (d: string) => /^node_modules\//.test(d) && !/^node_modules\/@sifa\//.test(d);
      const ours = diagnostics.filter((d) => !thirdParty(d));
      const ignored = diagnostics.filter(thirdParty);
      expect(ours).toEqual([]);
      if (result.code !== 0 && diagnostics.length === 0) throw new Error(`tsc exited ${result.code} without diagnostics:\n${tail(result.stderr)}`);
      const ignoredPackages = [...new Set(ignored.map((d) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(d)?.[1]))].join(', ');
      return `${entries.length} entry points and 3 files clean${ignored.length ? `; ${ignored.length} errors inside third-party declarations ignored (skipLibCheck territory: ${ignoredPackages})` : ''}`;
    });
  });

  it('migrates and seeds with the installed `sifa` bin (embedded PGlite in the project)', async () => {
    await step('seed', ['install'], async () => {
      const { stdout } = await run(sifaBin(), ['seed'], { cwd: project, env: sifaEnv() });
      expect(stdout).toMatch(/Seeded \d+ new organisation/);
      expect(existsSync(join(project, 'sifa-data', 'PG_VERSION'))).toBe(true);
      return /Seeded \d+ new organisation\(s\)/.exec(stdout)?.[0];
    });
  });

  it('creates a publishable and a secret key for the host site’s origin', async () => {
    await step('keys', ['seed'], async () => {
      // The host site listens first: the keys name its origin.
      host = await startService('host backend', process.execPath, ['host.mjs'], { cwd: project, env: integratorEnv(), ready: /host serving (http:\/\/127\.0\.0\.1:\d+)/ });
      const create = async (kind: 'publishable' | 'secret') => {
        const { stdout } = await run(sifaBin(), ['keys', 'create', '--kind', kind, '--org', '1504', '--origin', host!.url, '--label', 'packaging test'], { cwd: project, env: sifaEnv() });
        const key = stdout
          .split('\n')
          .map((l) => l.trim())
          .find((l) => /^(pk|sk)_/.test(l));
        if (!key) throw new Error(`sifa keys create printed no key:\n${stdout}`);
        return key;
      };
      keys.publishable = await create('publishable');
      keys.secret = await create('secret');
      expect(keys.publishable).toMatch(/^pk_/);
      expect(keys.secret).toMatch(/^sk_/);
      return `for ${host.url}`;
    });
  });

  it('starts the server; /healthz reports ok with the two plugins, /embed.js is served', async () => {
    await step('start', ['keys'], async () => {
      sifa = await startService('sifa start', sifaBin(), ['start'], { cwd: project, env: sifaEnv({ PORT: '0', HOST: '127.0.0.1' }), ready: /Sifa Kit serving (http:\/\/127\.0\.0\.1:\d+)/ });
      await writeFile(join(project, 'host-settings.json'), JSON.stringify({ sifaUrl: sifa.url, publishableKey: keys.publishable, secretKey: keys.secret }));
      const health = await fetch(`${sifa.url}/healthz`);
      const body = (await health.json()) as { status: string; engine: string; plugins: string[] };
      expect(health.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.engine).toBe('pglite');
      expect(body.plugins.filter((p) => p !== 'platform').sort()).toEqual(['diary', 'institutions']);
      const embed = await fetch(`${sifa.url}/embed.js`);
      const text = await embed.text();
      expect(embed.status).toBe(200);
      expect(embed.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(text).toMatch(/\/chunks\//);
      return `${sifa.url}, plugins ${body.plugins.join(', ')}, embed.js ${text.length} bytes`;
    });
  });

  it('a host page of another origin, under a strict CSP, shows the legal map and the diary with real data', async () => {
    await step('browser', ['start'], async () => {
      const sifaUrl = sifa!.url;
      const hostUrl = host!.url;
      expect(new URL(hostUrl).origin).not.toBe(new URL(sifaUrl).origin);
      browser = await chromium.launch({
        executablePath: process.env.SIFA_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      // Judicial offices work in China time (the server's calendar too).
      context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
      const page: Page = await context.newPage();
      // Injected by the DevTools protocol before any page script: the page's CSP does not apply to it.
      // (Functions, not strings: Playwright evaluates a string with eval, which the CSP refuses.)
      await page.addInitScript(() => {
        const page = globalThis as unknown as PageGlobals;
        page.__cspViolations = [];
        page.document.addEventListener('securitypolicyviolation', (e) => {
          page.__cspViolations!.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` });
        });
      });
      const consoleErrors: string[] = [];
      const failedResponses: string[] = [];
      const requests: { method: string; url: string }[] = [];
      page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
      page.on('response', (r) => void (r.status() >= 400 && failedResponses.push(`${r.status()} ${r.url()}`)));

      const response = await page.goto(`${hostUrl}/`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain(`script-src 'self' ${sifaUrl};`);
      const diagnose = () => `\nCSP/console/failed: ${JSON.stringify({ consoleErrors, failedResponses })}\nsifa: ${tail(sifa!.output.join(''), 15)}\nhost: ${tail(host!.output.join(''), 15)}`;

      // The legal map: the institutions the server seeded, listed, and the map drawn.
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__sifaEvents?.includes('sifa-map-ready') ?? false, null, { timeout: 60_000 }).catch((error: unknown) => {
        throw new Error(`<sifa-legal-map> never became ready: ${String(error)}${diagnose()}`);
      });
      const options = page.locator('sifa-legal-map [role="option"]');
      await expect.poll(() => options.count(), { timeout: 30_000 }).toBeGreaterThan(20);
      const listed = await options.allTextContents();
      expect(listed.some((t) => t.includes('司法所'))).toBe(true);

      // The diary: signed in through the host's token endpoint; today's panel offers the catalogue's items (from the server).
      const diaryText = () => page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('sifa-diary')?.shadowRoot?.textContent ?? '');
      await expect.poll(diaryText, { timeout: 30_000, message: `the diary never said it was online${diagnose()}` }).toContain('已联网');
      await page.locator('sifa-diary [part~="calendar"][aria-busy="false"]').waitFor({ timeout: 30_000 });
      await page.locator('sifa-diary button.day.today').click();
      const items = page.locator('sifa-diary button.pick[data-item]');
      await expect.poll(() => items.count(), { timeout: 30_000, message: `no diary items offered: ${await diaryText()}${diagnose()}` }).toBeGreaterThan(0);
      const itemCount = await items.count();
      expect(await diaryText()).not.toContain('无法从服务器加载');

      await page.waitForLoadState('networkidle');
      const hostOrigin = new URL(hostUrl).origin;
      const sifaOrigin = new URL(sifaUrl).origin;
      const at = (origin: string) => requests.filter((r) => r.url.startsWith('http') && new URL(r.url).origin === origin).map((r) => `${r.method} ${new URL(r.url).pathname}`);
      expect(at(hostOrigin)).toContain('POST /token');
      expect(at(sifaOrigin)).toContain('GET /embed.js');
      expect(at(sifaOrigin).some((r) => r.startsWith('GET /chunks/'))).toBe(true);
      expect(at(sifaOrigin).some((r) => r.includes(' /trpc/'))).toBe(true);
      // Nothing from anywhere else (the offline map needs no tiles, glyphs or sprites).
      expect(requests.filter((r) => !/^(data|blob):/.test(r.url) && ![hostOrigin, sifaOrigin].includes(new URL(r.url).origin)).map((r) => r.url)).toEqual([]);
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations)).toEqual([]);
      expect(failedResponses).toEqual([]);
      expect(consoleErrors).toEqual([]);
      return `${listed.length} institutions listed and the map drawn, the diary online with ${itemCount} items offered, ${requests.length} requests, 0 CSP violations`;
    });
  });

  it('stops on SIGTERM', async () => {
    await step('stop', ['start'], async () => {
      await context?.close();
      context = null;
      const ended = await stopService(sifa!);
      expect(ended).toEqual({ code: 0, signal: null });
      const hostEnded = await stopService(host!);
      expect(hostEnded.code).toBe(0);
    });
  });
});
