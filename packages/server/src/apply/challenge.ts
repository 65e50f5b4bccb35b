/**
 * A proof of work that needs no third-party service: the server hands out a signed challenge
 * (`<expiry>.<random>.<HMAC>` bound to the client and the form), the browser finds a nonce such
 * that SHA-256(`<challenge>:<nonce>`) starts with `difficulty` zero bits (about 2^difficulty hashes:
 * a second or two at 18 bits), and the server checks the signature, the expiry, the bits and that
 * the challenge was not used before.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ChallengeIssuer {
  issue(bind: string): { challenge: string; difficulty: number; expiresAt: string };
  /** null when the proof holds (and marks the challenge used), else why not. */
  verify(bind: string, proof: { challenge: string; nonce: string }): 'expired' | 'invalid' | 'used' | 'too-weak' | null;
}

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

/** Finds a nonce (hex) for a challenge: what the widget does in the browser, for tests and tools. */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(16);
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty) return nonce;
  }
}

export function createChallengeIssuer(options: { secret: () => Promise<Uint8Array> | Uint8Array; difficulty: number; ttlMs: number; now: () => number }): ChallengeIssuer & { ready(): Promise<void> } {
  let key: Uint8Array | null = null;
  const used = new Map<string, number>();
  const sign = (bind: string, body: string) => createHmac('sha256', key!).update(`${bind}|${body}`).digest('base64url');
  return {
    async ready() {
      key ??= await options.secret();
    },
    issue(bind) {
      const expires = options.now() + options.ttlMs;
      const body = `${expires}.${randomBytes(12).toString('base64url')}`;
      return { challenge: `${body}.${sign(bind, body)}`, difficulty: options.difficulty, expiresAt: new Date(expires).toISOString() };
    },
    verify(bind, proof) {
      const parts = proof.challenge.split('.');
      if (parts.length !== 3) return 'invalid';
      const body = `${parts[0]}.${parts[1]}`;
      const expected = Buffer.from(sign(bind, body));
      const given = Buffer.from(parts[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      const expires = Number(parts[0]);
      const at = options.now();
      if (!Number.isFinite(expires) || expires < at) return 'expired';
      for (const [c, exp] of used) if (exp < at) used.delete(c);
      if (used.has(proof.challenge)) return 'used';
      if (leadingZeroBits(createHash('sha256').update(`${proof.challenge}:${proof.nonce}`).digest()) < options.difficulty) return 'too-weak';
      used.set(proof.challenge, expires);
      return null;
    },
  };
}
