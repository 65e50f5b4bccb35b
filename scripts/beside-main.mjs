#!/usr/bin/env node
// What `npm test` runs beside its main run (scripts/bootstrap.mjs), one step after the other in
// this process of its own: the other Node.js releases (other-nodes.mjs), then the pinned clocks'
// server part and widgets part (pinned-clocks.mjs --part server|widgets). Each runs even when one
// before it failed; the exit code is the first non-zero one. (A child process of its own, because the main run blocks the
// parent's event loop: the parent would not see the first step end until the main run did.)
// SIGTERM (the parent's checks before the main run failed) or SIGINT stops the running step with
// everything it started (each step is a process group of its own: its vitest and workers too).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = dirname(fileURLToPath(import.meta.url));
let current = null;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    try {
      if (current?.pid && current.exitCode === null) process.kill(-current.pid, signal);
    } catch {
      // Already gone.
    }
    process.exit(1);
  });
}
const step = (script, args = []) =>
  new Promise((done) => {
    current = spawn(process.execPath, [join(scripts, script), ...args], { stdio: 'inherit', detached: true });
    current.on('error', () => done(1));
    current.on('exit', (code) => done(code ?? 1));
  });
const nodes = await step('other-nodes.mjs');
const pinned = await step('pinned-clocks.mjs', ['--part', 'server']);
// The widgets at the pinned instants (browser mode, one file at a time) last: by then the main run
// is in its own one-at-a-time part, which leaves a core to them (each browser run takes a free port).
const widgets = await step('pinned-clocks.mjs', ['--part', 'widgets']);
process.exit(nodes || pinned || widgets);
