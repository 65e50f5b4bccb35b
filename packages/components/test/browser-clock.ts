/**
 * Browser tests' clock (a setup file, run in the page before each test file): the page's `Date`
 * starts where the servers' test clock started (`SIFA_TEST_NOW`, or the run's start; see
 * `@sifa/server/testing`) and runs at real speed from there, so widgets that read
 * "today" agree with the server at any pinned instant. Timers and `performance.now()` are
 * untouched; `vi.useFakeTimers()` still works on top of it.
 */
import { inject } from 'vitest';

const RealDate = globalThis.Date;
const offset = Date.parse(inject('testClockStart')) - RealDate.now();

if (offset !== 0) {
  class TestClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = TestClockDate as DateConstructor;
}
