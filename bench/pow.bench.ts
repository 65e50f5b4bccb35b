/**
 * The proof of work <sifa-apply> solves when the server asks a busy client for one
 * (`CHALLENGE_REQUIRED`): hashes per second of the widget's own synchronous SHA-256
 * (packages/components/src/apply/pow.ts, the code the browser runs) beside the platform's
 * `crypto.subtle.digest` awaited once per hash (what a solver built on it would do), in the same
 * run, and the time to solve challenges at the server's default difficulty (18 bits: about
 * 2^18 hashes on average, a geometric spread). Node runs the same JavaScript engine as Chromium.
 */
import { sha256Words, solveChallenge } from '../packages/components/src/apply/pow.js';
import { defineBenchmark } from './lib/types.js';

const sample = (i: number) => `1767225600000.${'a'.repeat(16)}.${'s'.repeat(43)}:${i.toString(16)}`;

export default defineBenchmark({
  name: 'pow',
  title: 'proof of work in the page: the widget’s SHA-256 beside crypto.subtle, and solving at 18 bits',
  async run(ctx) {
    const rate = async (hash: (i: number) => unknown) => {
      const until = performance.now() + (ctx.seconds * 1000) / 4;
      let n = 0;
      const start = performance.now();
      while (performance.now() < until) for (let k = 0; k < 256; k++) await hash(n++);
      return n / ((performance.now() - start) / 1000);
    };
    ctx.progress('hashing with the widget’s SHA-256');
    const js = await rate((i) => sha256Words(sample(i)));
    ctx.progress('hashing with crypto.subtle.digest, one await per hash');
    const encoder = new TextEncoder();
    const subtle = await rate((i) => crypto.subtle.digest('SHA-256', encoder.encode(sample(i))));
    ctx.progress('solving challenges at 18 bits');
    const times: number[] = [];
    const until = performance.now() + ctx.seconds * 1000;
    for (let k = 0; performance.now() < until || times.length < 5; k++) {
      const start = performance.now();
      await solveChallenge(`bench-${k}`, 18);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
    const mean = Math.round(times.reduce((a, b) => a + b, 0) / times.length);
    return {
      columns: ['subject', 'figure'],
      rows: [
        ['widget SHA-256 (sync, pow.ts)', `${Math.round(js).toLocaleString('en')} hashes/s`],
        ['crypto.subtle.digest, awaited per hash (peer)', `${Math.round(subtle).toLocaleString('en')} hashes/s`],
        [`solve at 18 bits (${times.length} challenges)`, `mean ${mean} ms · median ${at(0.5)} ms · p90 ${at(0.9)} ms · max ${at(1)} ms`],
      ],
      notes: ['The solver yields to the page every ~15 ms (typing and screen readers never freeze); slower phones take a few times longer.'],
    };
  },
});
