/**
 * Opening hours: "open now" by the browser's clock (the visitor is in the same time zone as the
 * office, China Standard Time; a visitor elsewhere sees the office's hours as written), and the
 * spans grouped by equal times for display ("Mon–Fri 08:30–12:00, 14:30–17:30").
 */
import type { OpeningHours } from '@sifa/plugin-institutions';

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: Date) => ((date.getDay() + 6) % 7) + 1;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + (m || 0);
};

/** True when one of the spans covers `now` (closing time excluded). */
export function isOpenAt(hours: readonly OpeningHours[], now: Date): boolean {
  const day = isoWeekday(now);
  const minute = now.getHours() * 60 + now.getMinutes();
  return hours.some((h) => h.days.includes(day) && minute >= minutesOf(h.opens) && minute < minutesOf(h.closes));
}

export interface HoursLine {
  /** Weekday runs, e.g. [[1, 5], [7, 7]] for Monday to Friday and Sunday. */
  runs: [number, number][];
  /** Time spans on those days, in order. */
  spans: [string, string][];
}

/** Groups the spans by identical day sets, days in order; each group becomes one displayed line. */
export function hoursLines(hours: readonly OpeningHours[]): HoursLine[] {
  const byDay = new Map<number, [string, string][]>();
  for (const h of hours) for (const d of h.days) byDay.set(d, [...(byDay.get(d) ?? []), [h.opens, h.closes]]);
  const lines: { days: number[]; spans: [string, string][] }[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const spans = byDay.get(day)!.sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    const key = JSON.stringify(spans);
    const same = lines.find((l) => JSON.stringify(l.spans) === key);
    if (same) same.days.push(day);
    else lines.push({ days: [day], spans });
  }
  return lines.map(({ days, spans }) => {
    const runs: [number, number][] = [];
    for (const d of days) {
      const last = runs.at(-1);
      if (last && last[1] === d - 1) last[1] = d;
      else runs.push([d, d]);
    }
    return { runs, spans };
  });
}
