#!/usr/bin/env node
// What `npm test` runs beside its main run (scripts/bootstrap.mjs), one step after the other in
// this process of its own: the other Node.js releases (other-nodes.mjs), then the pinned clocks'
// server part (pinned-clocks.mjs --part server). Both run even when the first fails; the exit code
// is the first non-zero one. (A child process of its own, because the main run blocks the
// parent's event loop: the parent would not see the first step end until the main run did.)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = dirname(fileURLToPath(import.meta.url));
const step = (script, args = []) => spawnSync(process.execPath, [join(scripts, script), ...args], { stdio: 'inherit' }).status ?? 1;
const nodes = step('other-nodes.mjs');
const pinned = step('pinned-clocks.mjs', ['--part', 'server']);
process.exit(nodes || pinned);
