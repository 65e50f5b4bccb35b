/**
 * The clock every test runs against, never the machine's date.
 *
 * `SIFA_TEST_NOW` (an ISO instant with an offset) pins it: `npm test` runs the suite at the real
 * date, and `scripts/pinned-clocks.mjs` runs it again at awkward instants (New Year's Eve in China
 * time, the first working day of a year, inside the Spring Festival, 29 February). Unset, the
 * clock starts at the instant this module is first loaded.
 *
 * It creeps: one millisecond per real second (and per reading). Timestamps still increase, but a
 * run that starts at 23:59 never crosses midnight halfway through (a test that computed "this year" at its start
 * would otherwise disagree with the server a minute later). Tests that need time to pass move it
 * themselves (a server's `now` option, a job's `at`, fake timers).
 */
const pinned = process.env.SIFA_TEST_NOW;
if (pinned !== undefined && Number.isNaN(Date.parse(pinned))) {
  throw new Error(`SIFA_TEST_NOW must be an ISO instant such as 2026-12-31T23:59:00+08:00, not "${pinned}".`);
}

/** The instant the test clock started at. */
export const testClockStart: Date = pinned ? new Date(pinned) : new Date();
const realStart = Date.now();

let last = 0;

/**
 * Now, by the test clock. Never the same instant twice (one millisecond on at least): a real
 * server's operations are milliseconds apart, and cursors ordered by time rely on it.
 */
export function testNow(): Date {
  last = Math.max(last + 1, testClockStart.getTime() + Math.floor((Date.now() - realStart) / 1000));
  return new Date(last);
}

const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) in China time of `at` (default: now by the test clock). */
export function testToday(at: Date = testNow()): string {
  return chinaDay.format(at);
}

/** The year in China time by the test clock. */
export function testYear(): number {
  return Number(testToday().slice(0, 4));
}

/** A clock that starts at `start` and then follows the test clock (for a server of its own). */
export function testClockFrom(start: Date | string): () => Date {
  const offset = new Date(start).getTime() - testNow().getTime();
  return () => new Date(testNow().getTime() + offset);
}

/** The month (YYYY-MM, China time) `delta` months from the test clock's month. */
export function testMonth(delta = 0): string {
  const [y, m] = testToday().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}
