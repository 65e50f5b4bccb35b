/**
 * Deterministic numbers for demo seeds: the same seed string gives the same sequence on every
 * machine and run (mulberry32 seeded from the string's SHA-256), so a demo is reproducible and a
 * re-run of `sifa seed` writes nothing new.
 */
import { createHash } from 'node:crypto';

export interface DemoRandom {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** One value, chosen with the given weights. */
  weighted<T>(list: readonly (readonly [T, number])[]): T;
}

export function demoRandom(seed: string): DemoRandom {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    weighted: (list) => {
      const total = list.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, weight] of list) {
        r -= weight;
        if (r < 0) return value;
      }
      return list[list.length - 1]![0];
    },
  };
}
