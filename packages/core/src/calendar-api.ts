/**
 * The working-day calendar as platform data: what `platform.calendar.*` serves and takes, and the
 * hook through which plugins follow a change of the data (`onCalendarChange`). Types only.
 */
import type { LocalizedText } from './locale.js';
import type { CalendarDay, CalendarSource, CalendarVersions, WorkingCalendar } from './calendar.js';
import type { CalendarFileFormat } from './calendar-file.js';
import type { ScopedServices } from './trpc.js';

/** One version of a year, without its days. */
export interface CalendarVersionInfo {
  version: number;
  source: CalendarSource;
  /** ISO instant of the import; null for the package's data. */
  importedAt: string | null;
  holidays: number;
  workdays: number;
}

/** `platform.calendar.year`: a year as the live calendar has it. */
export interface CalendarYearView {
  year: number;
  /** False: no data for the year; working days are Monday to Friday there and results carry `calendar-uncovered`. */
  covered: boolean;
  /** The version in use (the newest), null when not covered. */
  version: number | null;
  source: CalendarSource | null;
  importedAt: string | null;
  /** Holidays and adjusted working days of the version in use, by date. */
  days: CalendarDay[];
  /** Every version held, oldest first. */
  versions: CalendarVersionInfo[];
}

/** `platform.calendar.status`: which years have data and which upcoming year still lacks it. */
export interface CalendarStatus {
  /** The server's today (China time). */
  today: string;
  /** Years with data, ascending. */
  coveredYears: number[];
  /** This year when it has no data, and next year from 1 November on: load it (`sifa calendar import`). */
  missingYears: number[];
  /** The newest version of each covered year from `today`'s year on. */
  upcoming: { year: number; version: number; source: CalendarSource }[];
}

export interface CalendarImportInput {
  format: CalendarFileFormat;
  /** The file's text (JSON, CSV or iCalendar). */
  content: string;
  /** The year the file is for; every date must lie in it (default: the year of the file's dates). */
  year?: number | undefined;
  /** Check and report what would change, import nothing. */
  dryRun?: boolean | undefined;
}

/** What a plugin did (or would do, on a dry run) after the data of some years changed. */
export interface CalendarChangeEffect {
  plugin: string;
  summary: LocalizedText;
  counts: Record<string, number>;
}

export interface CalendarImportResult {
  year: number;
  dryRun: boolean;
  /** False when the file holds exactly the data in use (no new version is made). */
  changed: boolean;
  /** The new version (or, unchanged, the one in use); on a dry run the version it would get. */
  version: number;
  /** The version in use before, null when the year had no data. */
  previousVersion: number | null;
  holidays: number;
  workdays: number;
  /** Dates whose arrangement differs from the version in use before (added, removed or changed kind/name). */
  differences: { date: string; before: CalendarDay | null; after: CalendarDay | null }[];
  /** What the installed plugins did about it (open plans re-split …). */
  effects: CalendarChangeEffect[];
}

/**
 * What a plugin's `onCalendarChange` gets: the import's transaction (scoped to the root of the
 * org tree, audited as the importer), the calendar before and after, the years that changed.
 * On a dry run it must not write: it reports what it would do.
 */
export interface CalendarChangeContext {
  scoped: ScopedServices;
  previous: WorkingCalendar;
  calendar: WorkingCalendar;
  years: readonly number[];
  now: Date;
  dryRun: boolean;
  log(message: string): void;
}

export type { CalendarVersions };
