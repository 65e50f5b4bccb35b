/**
 * The calendar's imported versions in the database (`calendar_years`, `calendar_days`), read into
 * a `WorkingCalendar` over the package's data (version 0 of its years) and written as a new
 * version. Rows are only ever added (migration 0007 refuses changes).
 */
import { asc, eq, max, sql } from 'drizzle-orm';
import { packageCalendarYears, WorkingCalendar, type CalendarFileFormat, type CalendarYearData, type SifaDb } from '@sifa/core';
import { calendarDays, calendarYears } from '../db/schema.js';

/** Every imported version, with its days. */
export async function importedYears(db: SifaDb): Promise<CalendarYearData[]> {
  const [years, days] = [
    await db.select().from(calendarYears).orderBy(asc(calendarYears.year), asc(calendarYears.version)),
    await db.select().from(calendarDays).orderBy(asc(calendarDays.year), asc(calendarDays.version), asc(calendarDays.day)),
  ];
  const byVersion = new Map<string, CalendarYearData['days'][number][]>();
  for (const d of days) {
    const key = `${d.year}/${d.version}`;
    let list = byVersion.get(key);
    if (!list) byVersion.set(key, (list = []));
    list.push({ date: d.day, kind: d.kind, name: d.nameZh !== null || d.nameEn !== null ? { zh: d.nameZh ?? d.nameEn!, en: d.nameEn ?? d.nameZh! } : null });
  }
  return years.map((y) => ({
    year: y.year,
    version: y.version,
    source: 'imported',
    days: byVersion.get(`${y.year}/${y.version}`) ?? [],
    importedAt: y.importedAt.toISOString(),
    importedBy: y.importedBy,
  }));
}

/** The calendar as the database has it: the package's years, then every imported version. */
export async function loadCalendar(db: SifaDb): Promise<WorkingCalendar> {
  return WorkingCalendar.from([...packageCalendarYears(), ...(await importedYears(db))]);
}

/** The next version number of `year` (1 for the first import). Call under the import lock. */
export async function nextVersion(db: SifaDb, year: number): Promise<number> {
  const [row] = await db.select({ version: max(calendarYears.version) }).from(calendarYears).where(eq(calendarYears.year, year));
  return (row?.version ?? 0) + 1;
}

/** Serialises imports (and their version numbers) across server instances until the transaction ends. */
export async function lockImports(db: SifaDb): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(727302)`);
}

export async function insertVersion(db: SifaDb, data: CalendarYearData, file: { format: CalendarFileFormat; sha256: string }): Promise<void> {
  await db.insert(calendarYears).values({
    year: data.year,
    version: data.version,
    format: file.format,
    sha256: file.sha256,
    holidays: data.days.filter((d) => d.kind === 'holiday').length,
    workdays: data.days.filter((d) => d.kind === 'workday').length,
    importedBy: data.importedBy ?? 'unknown',
    importedAt: new Date(data.importedAt!),
  });
  for (let i = 0; i < data.days.length; i += 500) {
    await db.insert(calendarDays).values(
      data.days.slice(i, i + 500).map((d) => ({ year: data.year, version: data.version, day: d.date, kind: d.kind, nameZh: d.name?.zh ?? null, nameEn: d.name?.en ?? null })),
    );
  }
}
