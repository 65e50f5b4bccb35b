/**
 * Child-process entry: `serve.ts <variant>` starts one server and prints `{"url":…}` on stdout.
 * Each `cpu` line on stdin is answered with `{"cpu":<µs of CPU used so far>}`; when stdin closes
 * the server closes and the process exits (so --cpu-prof gets written). The server runs in its
 * own process so autocannon (in the parent) never shares its event loop.
 */
import { createInterface } from 'node:readline';
import { start, variants, type Variant } from './variants.js';

const variant = process.argv[2] as Variant;
if (!variants.includes(variant)) {
  console.error(`usage: serve.ts <${variants.join('|')}>`);
  process.exit(2);
}
const running = await start(variant);
const reply = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
reply({ url: running.url });
createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line.trim() === 'cpu') {
      const { user, system } = process.cpuUsage();
      reply({ cpu: user + system });
    }
  })
  .on('close', () => {
    void running.close().finally(() => process.exit(0));
  });
