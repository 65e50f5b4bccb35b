/**
 * Deterministic pseudo-random profiles of a catalogue (seeded, mulberry32): the same seed gives
 * the same profiles on every machine, so tests and the benchmark compare engines on identical
 * input. Numbers are whole and spread over the condition's bounds, so rule thresholds and their
 * boundaries are hit.
 */
import type { Catalogue, ConditionValue } from './catalogue.js';
import type { Profile } from './profile.js';

/** A seeded PRNG in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleProfiles(catalogue: Catalogue, count: number, seed = 2026): Profile[] {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const p: Record<string, ConditionValue> = {};
    for (const c of catalogue.conditions) {
      if (c.kind === 'boolean') p[c.id] = random() < 0.3;
      else if (c.kind === 'enum') p[c.id] = c.options[pick(c.options.length)]!.value;
      else {
        const lo = c.min ?? 0;
        // Long tails (incomes up to 100,000) are rare in life and uninteresting to rules: most values fall low.
        const hi = Math.min(c.max ?? 100, lo + 100);
        p[c.id] = lo + pick(hi - lo + 1) * (c.id === 'monthly-income' ? 50 : 1);
      }
    }
    profiles.push(p);
  }
  return profiles;
}
