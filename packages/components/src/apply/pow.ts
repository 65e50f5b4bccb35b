/**
 * The proof of work the server may ask a busy client for (`CHALLENGE_REQUIRED`, server
 * `apply/challenge.ts`): a hex nonce such that SHA-256(`<challenge>:<nonce>`) starts with
 * `difficulty` zero bits. Loaded only when asked (its own chunk).
 *
 * A synchronous SHA-256 of its own: `crypto.subtle.digest` costs a promise and a thread hop per
 * hash (tens of microseconds; 2^18 of them is many seconds), this one about a microsecond. It runs
 * in slices that yield to the page, so typing and screen readers never freeze; no Worker (a blob:
 * worker needs `worker-src blob:`, which a strict Content-Security-Policy refuses).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Uint32Array(64);
const H = new Uint32Array(8);

/** SHA-256 of an ASCII string (the challenge and a hex nonce are ASCII), as 8 big-endian words. */
export function sha256Words(text: string): Uint32Array {
  const length = text.length;
  const blocks = ((length + 8) >> 6) + 1;
  const words = new Uint32Array(blocks * 16);
  for (let i = 0; i < length; i++) words[i >> 2]! |= (text.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8);
  words[length >> 2]! |= 0x80 << (24 - (length & 3) * 8);
  words[blocks * 16 - 1] = length * 8;
  H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) W[t] = words[block * 16 + t]!;
    for (let t = 16; t < 64; t++) {
      const a = W[t - 15]!;
      const b = W[t - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = H as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    H[0] = H[0]! + a;
    H[1] = H[1]! + b;
    H[2] = H[2]! + c;
    H[3] = H[3]! + d;
    H[4] = H[4]! + e;
    H[5] = H[5]! + f;
    H[6] = H[6]! + g;
    H[7] = H[7]! + h;
  }
  return H.slice();
}

/** Leading zero bits of a digest given as big-endian words. */
export function leadingZeroBits(digest: Uint32Array): number {
  let bits = 0;
  for (const word of digest) {
    if (word === 0) {
      bits += 32;
      continue;
    }
    return bits + Math.clz32(word);
  }
  return bits;
}

/**
 * Finds the nonce, yielding to the page every ~15 ms; `onProgress` gets the hashes tried so far
 * (about 2^difficulty are needed). Rejects with the signal's reason when aborted.
 */
export async function solveChallenge(challenge: string, difficulty: number, options: { signal?: AbortSignal; onProgress?: (tried: number) => void } = {}): Promise<string> {
  const prefix = `${challenge}:`;
  let n = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const until = performance.now() + 15;
    do {
      for (let i = 0; i < 256; i++, n++) {
        const nonce = n.toString(16);
        if (leadingZeroBits(sha256Words(prefix + nonce)) >= difficulty) return nonce;
      }
    } while (performance.now() < until);
    options.onProgress?.(n);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
