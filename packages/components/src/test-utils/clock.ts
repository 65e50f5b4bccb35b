/**
 * "Today" for browser tests, by the page's clock (test/browser-clock.ts starts it where the
 * servers' test clock is): tests derive dates from here, never from the machine's date.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Now by the page's clock (the test clock: see test/browser-clock.ts), as the widgets read it. */
export function testNow(): Date {
  return new Date();
}

/** The page's local day (YYYY-MM-DD); the test browser runs in China time. */
export function testToday(at: Date = testNow()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The page's local year, as the widgets default to it. */
export function testYear(): string {
  return testToday().slice(0, 4);
}

/** The month (YYYY-MM) `delta` months from the page's current month. */
export function testMonth(delta = 0): string {
  const now = testNow();
  const d = new Date(now.getFullYear(), now.getMonth() + delta, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}
