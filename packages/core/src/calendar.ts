/**
 * Working days of the Chinese calendar: public holidays and the adjusted working days (调休, a
 * Saturday or Sunday worked in exchange) as published by the State Council.
 *
 * The data is versioned platform data. Each year has numbered, immutable versions: version 0 is
 * the maintained `chinese-days` package's data (the default), versions 1, 2 … are imports by an
 * administrator of the root of the org tree (`platform.calendar.import`, `sifa calendar import`).
 * A `WorkingCalendar` is an immutable value: the server holds the live one (every year at its
 * newest version) and hands it to procedures, jobs and seeds; `asOf(versions)` gives the calendar
 * a result was computed with, so an old plan split is reproduced after the data changed.
 *
 * A year without data is never guessed: `isCovered` says so, only weekends are skipped there, and
 * callers report it (`calendar-uncovered`).
 *
 * Hot paths (plan splits for every office, warning evaluations) call `isWorkingDay` in loops: each
 * year's exceptions to "Monday to Friday" are one Map lookup, the weekday is integer arithmetic.
 */
import chineseDays from 'chinese-days';
import type { LocalizedText } from './locale.js';

/** holiday: a day off (a weekday, or a weekend inside a festival's days off); workday: a weekend day worked (调休). */
export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  kind: CalendarDayKind;
  /** The festival the day belongs to (国庆节 / National Day), when known. */
  name: LocalizedText | null;
}

/** package: the `chinese-days` data shipped with Sifa Kit (version 0); imported: loaded by an administrator. */
export type CalendarSource = 'package' | 'imported';

/** One version of one year's arrangement: every listed day; days not listed follow Monday to Friday. */
export interface CalendarYearData {
  year: number;
  /** 0 for the package's data; 1, 2 … for imports, in order. */
  version: number;
  source: CalendarSource;
  /** Sorted by date, each date once. */
  days: readonly CalendarDay[];
  /** ISO instant of the import; null for the package's data. */
  importedAt: string | null;
  /** Who imported it (user id, or `cli`); null for the package's data. */
  importedBy: string | null;
}

/**
 * The calendar data a result was computed with: year (as a string key, it is stored as JSON) →
 * version, or null for "no data, weekends only". Years not listed follow the live calendar.
 */
export type CalendarVersions = Readonly<Record<string, number | null>>;

// ---- days ---------------------------------------------------------------------------------------

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD day (Sakamoto's method: no Date, no parsing). */
export function weekdayOf(day: string): number {
  const monthOffsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  let y = digits(day, 0, 4);
  const m = digits(day, 5, 7);
  const d = digits(day, 8, 10);
  if (m < 3) y -= 1;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + monthOffsets[m - 1]! + d) % 7;
}

const isWeekend = (day: string) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

// Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms): integer arithmetic,
// several times faster than a Date round trip in the loops that walk day by day.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The day after (or, with a negative step, before) `day`, as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return civilFromDays(daysFromCivil(digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10)) + days);
}

/** True when `day` is a real YYYY-MM-DD date. */
export function isIsoDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

// ---- one version of one year --------------------------------------------------------------------

class YearTable {
  /** Dates whose working status differs from Monday–Friday: true = worked weekend, false = weekday off. */
  readonly flips = new Map<string, boolean>();
  readonly byDate = new Map<string, CalendarDay>();

  constructor(readonly data: CalendarYearData) {
    for (const day of data.days) {
      this.byDate.set(day.date, day);
      const weekend = isWeekend(day.date);
      if (day.kind === 'workday' && weekend) this.flips.set(day.date, true);
      if (day.kind === 'holiday' && !weekend) this.flips.set(day.date, false);
    }
  }
}

interface Store {
  /** year → version → table. */
  readonly tables: ReadonlyMap<number, ReadonlyMap<number, YearTable>>;
  /** year → its newest version's table. */
  readonly latest: ReadonlyMap<number, YearTable>;
  /** Views by their overrides (`asOf`), so a recorded set of versions is always the same instance. */
  readonly views: Map<string, WorkingCalendar>;
}

export interface DayDescription {
  day: string;
  working: boolean;
  /** adjusted-workday: a Saturday or Sunday worked in exchange for a holiday (调休). */
  kind: 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';
  /** The festival a holiday or adjusted working day belongs to (e.g. 国庆节), when known. */
  festival: LocalizedText | null;
  /** False when the year's official arrangement is not known (only weekends are told apart). */
  covered: boolean;
}

const overridesKey = (overrides: ReadonlyMap<number, number | null>) =>
  [...overrides.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, v]) => `${y}:${v ?? '-'}`)
    .join(',');

/**
 * The Chinese working-day calendar over every year it has data for, at fixed versions. Immutable;
 * `asOf` and `withYear` return other instances.
 */
export class WorkingCalendar {
  readonly #store: Store;
  /** Years whose version differs from the newest one (null: treated as not covered). */
  readonly #overrides: ReadonlyMap<number, number | null>;
  readonly #active: ReadonlyMap<number, YearTable>;

  private constructor(store: Store, overrides: ReadonlyMap<number, number | null>) {
    this.#store = store;
    this.#overrides = overrides;
    if (overrides.size === 0) this.#active = store.latest;
    else {
      const active = new Map(store.latest);
      for (const [year, version] of overrides) {
        if (version === null) active.delete(year);
        else active.set(year, store.tables.get(year)!.get(version)!);
      }
      this.#active = active;
    }
  }

  /** A calendar of the given year versions (every year at its newest version). */
  static from(years: readonly CalendarYearData[]): WorkingCalendar {
    const tables = new Map<number, Map<number, YearTable>>();
    for (const data of years) {
      let versions = tables.get(data.year);
      if (!versions) tables.set(data.year, (versions = new Map()));
      if (versions.has(data.version)) throw new Error(`Calendar data for ${data.year} has version ${data.version} twice.`);
      versions.set(data.version, new YearTable(data));
    }
    const latest = new Map<number, YearTable>();
    for (const [year, versions] of tables) latest.set(year, versions.get(Math.max(...versions.keys()))!);
    const store: Store = { tables, latest, views: new Map() };
    const calendar = new WorkingCalendar(store, new Map());
    store.views.set('', calendar);
    return calendar;
  }

  /** The package's data only (version 0 of 2004 … 2026): the default before any import. */
  static fromPackage(): WorkingCalendar {
    return WorkingCalendar.from(packageCalendarYears());
  }

  /** No data for any year: Monday to Friday (for tests and for what a year without data means). */
  static weekendsOnly(): WorkingCalendar {
    return WorkingCalendar.from([]);
  }

  /** This calendar with `data` as the newest version of its year (the live calendar after an import). */
  withYear(data: CalendarYearData): WorkingCalendar {
    const all = [...this.#store.tables.values()].flatMap((versions) => [...versions.values()].map((t) => t.data));
    return WorkingCalendar.from([...all, data]);
  }

  /**
   * The calendar as it was for a result computed with `versions` (a plan split): the recorded
   * version of each year listed (null: no data, weekends only), the current one of other years.
   * Null or undefined: this calendar. Throws on a version this calendar does not hold.
   */
  asOf(versions: CalendarVersions | null | undefined): WorkingCalendar {
    if (!versions) return this;
    const overrides = new Map(this.#overrides);
    for (const [key, version] of Object.entries(versions)) {
      const year = Number(key);
      if (!Number.isInteger(year)) continue;
      if (version !== null && !this.#store.tables.get(year)?.has(version)) {
        throw new Error(`The calendar has no version ${version} of ${year}: was calendar data removed from the database?`);
      }
      const newest = this.#store.latest.get(year)?.data.version ?? null;
      if (version === newest) overrides.delete(year);
      else overrides.set(year, version);
    }
    const key = overridesKey(overrides);
    let view = this.#store.views.get(key);
    if (!view) this.#store.views.set(key, (view = new WorkingCalendar(this.#store, overrides)));
    return view;
  }

  /** The versions this calendar uses for the years of [from, to] (null: no data): what to record with a result. */
  versionsFor(from: string, to: string): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out[String(y)] = this.#active.get(y)?.data.version ?? null;
    return out;
  }

  /** True when the official holiday arrangement of `year` is known. */
  isCovered(year: number): boolean {
    return this.#active.has(year);
  }

  /** Years in [from, to] without an official arrangement (callers surface them). */
  uncoveredYears(from: string, to: string): number[] {
    const years: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!this.#active.has(y)) years.push(y);
    return years;
  }

  /** Every year with data, ascending. */
  coveredYears(): number[] {
    return [...this.#active.keys()].sort((a, b) => a - b);
  }

  /**
   * Years that need data as of `today` (YYYY-MM-DD): this year when it has none, and next year
   * from 1 November on (the State Council usually publishes the arrangement in late autumn).
   */
  missingYears(today: string): number[] {
    const year = Number(today.slice(0, 4));
    const out: number[] = [];
    if (!this.isCovered(year)) out.push(year);
    if (today.slice(5) >= '11-01' && !this.isCovered(year + 1)) out.push(year + 1);
    return out;
  }

  /** The data of `year` this calendar uses, or null when it has none. */
  year(year: number): CalendarYearData | null {
    return this.#active.get(year)?.data ?? null;
  }

  /** Every version of `year` held, oldest first (the package's, then each import). */
  history(year: number): CalendarYearData[] {
    const versions = this.#store.tables.get(year);
    return versions ? [...versions.values()].map((t) => t.data).sort((a, b) => a.version - b.version) : [];
  }

  /** True on a working day: Monday–Friday unless a public holiday, plus adjusted working weekends. */
  isWorkingDay(day: string): boolean {
    const flip = this.#active.get(digits(day, 0, 4))?.flips.get(day);
    return flip ?? !isWeekend(day);
  }

  /**
   * How many working days lie in [from, to] (0 when `from` is after `to`): the weekdays counted
   * by arithmetic, then the year's exceptions (holidays on weekdays, worked weekends) applied, so
   * a span of months costs no walk ("overdue by N working days" in a list of cases).
   */
  countWorkingDays(from: string, to: string): number {
    if (from > to) return 0;
    const total = daysFromCivil(digits(to, 0, 4), digits(to, 5, 7), digits(to, 8, 10)) - daysFromCivil(digits(from, 0, 4), digits(from, 5, 7), digits(from, 8, 10)) + 1;
    let count = Math.floor(total / 7) * 5;
    const first = weekdayOf(from);
    for (let i = 0; i < total % 7; i++) {
      const w = (first + i) % 7;
      if (w !== 0 && w !== 6) count += 1;
    }
    for (let year = digits(from, 0, 4); year <= digits(to, 0, 4); year++) {
      for (const [date, worked] of this.#active.get(year)?.flips ?? []) if (date >= from && date <= to) count += worked ? 1 : -1;
    }
    return count;
  }

  /** Working days in [from, to], in order. */
  workingDaysBetween(from: string, to: string): string[] {
    const out: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) out.push(day);
    return out;
  }

  /**
   * The `n`-th working day after `day` (n ≥ 1), or before it for negative `n`; `n = 0` is `day`
   * itself when it is a working day, else the next working day. Statutory "within N working days".
   */
  addWorkingDays(day: string, n: number): string {
    if (n === 0) {
      let d = day;
      while (!this.isWorkingDay(d)) d = addDays(d, 1);
      return d;
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = day;
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** The last working day in [from, to], or null when there is none (e.g. the week of National Day). */
  lastWorkingDayIn(from: string, to: string): string | null {
    for (let day = to; day >= from; day = addDays(day, -1)) if (this.isWorkingDay(day)) return day;
    return null;
  }

  /**
   * What kind of day `day` is, with the festival it belongs to, so a message can say *why* a date
   * is not a working day ("2026-10-05 is a public holiday (National Day)").
   */
  describeDay(day: string): DayDescription {
    const table = this.#active.get(digits(day, 0, 4));
    const entry = table?.byDate.get(day) ?? null;
    const weekend = isWeekend(day);
    const working = this.isWorkingDay(day);
    // A weekend inside a festival's days off counts as part of the holiday (Oct 3–4 in National Day week).
    const kind: DayDescription['kind'] = working ? (weekend ? 'adjusted-workday' : 'workday') : entry?.kind === 'holiday' ? 'holiday' : 'weekend';
    return { day, working, kind, festival: kind === 'holiday' || kind === 'adjusted-workday' ? (entry?.name ?? null) : null, covered: table !== undefined };
  }
}

// ---- the package's data -------------------------------------------------------------------------

let packageYears: readonly CalendarYearData[] | null = null;

/**
 * The `chinese-days` package's arrangements as version 0 of each year it covers (2004 up to its
 * last published year). Computed once: the package's data never changes at run time.
 */
export function packageCalendarYears(): readonly CalendarYearData[] {
  if (packageYears) return packageYears;
  const out: CalendarYearData[] = [];
  const nameOf = (date: string): LocalizedText | null => {
    // Festival days are named "National Day,国庆节,3" (English, Chinese, length).
    const [en, zh] = chineseDays.getDayDetail(date).name.split(',');
    return en && zh ? { zh, en } : null;
  };
  for (let year = 2004; ; year++) {
    // Listed holidays (weekends inside a festival's days off included) …
    const holidays = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
    if (holidays.length === 0) break;
    const days: CalendarDay[] = holidays.map((date) => ({ date, kind: 'holiday', name: nameOf(date) }));
    // … and the weekends worked.
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
      if (isWeekend(date) && chineseDays.isWorkday(date)) days.push({ date, kind: 'workday', name: nameOf(date) });
    }
    out.push({ year, version: 0, source: 'package', days: days.sort((a, b) => (a.date < b.date ? -1 : 1)), importedAt: null, importedBy: null });
  }
  packageYears = out;
  return out;
}
