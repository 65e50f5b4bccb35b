// The instants `npm test` pins the test clock at (scripts/pinned-clocks.mjs runs the suites there),
// and where each run leaves its report.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Instants the calendar makes awkward, in China time. */
export const awkwardInstants = [
  // New Year's Eve, one minute before the year turns: "this year" must still be 2026 everywhere.
  '2026-12-31T23:59:00+08:00',
  // The first working day of a year whose official holidays the calendar package does not have.
  '2027-01-04T09:00:00+08:00',
  // Inside the 2027 Spring Festival (the lunar new year is 6 February 2027).
  '2027-02-08T10:00:00+08:00',
  // A leap day.
  '2028-02-29T10:00:00+08:00',
  // Inside a public holiday the calendar does know (National Day week 2026).
  '2026-10-05T10:00:00+08:00',
];

/** Where the run at `instant` leaves its JSON report (npm test adds the counts to its closing line). */
export function reportFile(instant) {
  return join(root, '.sifa', `pinned-${instant.replace(/[^0-9T]/g, '')}.json`);
}
