/**
 * SIFA_NOW: the server's clock starts at a given instant and runs on (demos, training, rehearsing
 * a year change); a malformed value stops start-up with a message that says what to write.
 */
import { describe, expect, it } from 'vitest';
import { clockOf, readEnv } from '../src/config.js';

describe('SIFA_NOW', () => {
  it('starts the clock at the instant given and lets it run at real speed', () => {
    let real = 1_000_000;
    const now = clockOf(readEnv({ SIFA_NOW: '2027-01-01T00:30:00+08:00' }), () => real);
    expect(now().toISOString()).toBe('2026-12-31T16:30:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2026-12-31T16:31:30.000Z');
  });

  it('is the real time when unset', () => {
    const now = clockOf(readEnv({}), () => Date.UTC(2030, 5, 1));
    expect(now().toISOString()).toBe('2030-06-01T00:00:00.000Z');
  });

  it('refuses an instant without an offset or a date that is not one', () => {
    expect(() => readEnv({ SIFA_NOW: '2027-01-01 09:00' })).toThrow(/SIFA_NOW must be an ISO 8601 instant with an offset, e\.g\. 2027-01-04T09:00:00\+08:00/);
    expect(() => readEnv({ SIFA_NOW: 'tomorrow' })).toThrow(/SIFA_NOW/);
  });
});
