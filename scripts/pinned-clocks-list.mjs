// The instants `npm test` pins the test clock at (scripts/pinned-clocks.mjs runs the suites there),
// and where each run leaves its report.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Instants the calendar makes awkward, in China time. The date-sensitive suites of the server and
 * core run at every one; the widgets' (Chromium, the slow half) at those marked `widgets`: the
 * turn of the year and a holiday the calendar knows. The other three change the server's date
 * arithmetic (a year without holiday data, the lunar new year, a leap day), and the widgets show
 * what it computes. The server files that read only today's date, to date what they create (a
 * diary entry, a case opened today), at those marked `stamps`: the last minute of a year, where a
 * day taken in the wrong time zone or year shows. (At every instant they were 206 of each
 * instant's 300 s, while the arithmetic under them is the suites' above.) The widgets' run takes
 * them at both its instants.
 */
export const pinnedInstants = [
  // New Year's Eve, one minute before the year turns: "this year" must still be 2026 everywhere.
  { instant: '2026-12-31T23:59:00+08:00', widgets: true, stamps: true },
  // The first working day of a year whose official holidays the calendar package does not have.
  { instant: '2027-01-04T09:00:00+08:00', widgets: false },
  // Inside the 2027 Spring Festival (the lunar new year is 6 February 2027).
  { instant: '2027-02-08T10:00:00+08:00', widgets: false },
  // A leap day.
  { instant: '2028-02-29T10:00:00+08:00', widgets: false },
  // Inside a public holiday the calendar does know (National Day week 2026).
  { instant: '2026-10-05T10:00:00+08:00', widgets: true },
];

export const awkwardInstants = pinnedInstants.map((p) => p.instant);

/**
 * Test folders the pinned-clock reruns leave out although they read the test clock: the visual
 * review renders every widget with demo data to look at its layout, language and keyboard, which
 * no date changes (it reads the clock only to pick a period with demo data), and it is the
 * slowest widget suite.
 */
export const notDateSensitive = ['packages/components/src/visual-review/'];

/**
 * Where the run at `instant` leaves its JSON report (npm test adds the counts to its closing
 * line); `part` is the part run (`all`, `server`, `widgets`), see pinned-clocks.mjs.
 */
export function reportFile(instant, part = 'all') {
  return join(root, '.sifa', `pinned-${instant.replace(/[^0-9T]/g, '')}${part === 'all' ? '' : `-${part}`}.json`);
}

/** The report files `npm test` expects of the pinned-clock runs (server part at every instant, widgets where marked). */
export function expectedReports() {
  return [
    ...pinnedInstants.map((p) => reportFile(p.instant, 'server')),
    ...pinnedInstants.filter((p) => p.widgets).map((p) => reportFile(p.instant, 'widgets')),
  ];
}
