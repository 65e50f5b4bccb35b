/**
 * The working-day calendar as platform data. The server loads it at start (the package's years
 * plus every imported version) and keeps the live `WorkingCalendar` here, one per server (never a
 * module singleton: several servers share a test process). Procedures, jobs and seeds get it as
 * `ctx.platform.calendar` / `scoped.calendar`.
 *
 * An import (an administrator of the root org, or the owner at the console) runs in one
 * transaction scoped to the root of the org tree: the file is read and checked as a whole (any
 * problem refuses it, naming the line), the year's new version is written (a file equal to the
 * version in use makes none), every plugin's `onCalendarChange` follows it in the same
 * transaction (open plans are re-split), and it is audited. After the commit this server reloads
 * and announces `platform.calendar` on the change feed; other instances reload on it.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  SifaError,
  calendarFileSifaError,
  CalendarFileError,
  parseCalendarFile,
  type CalendarChangeEffect,
  type CalendarDay,
  type CalendarImportInput,
  type CalendarImportResult,
  type CalendarStatus,
  type CalendarYearData,
  type CalendarYearView,
  type Locale,
  type PlatformServices,
  type ScopedServices,
  type ServerPlugin,
  type SifaDb,
  type WorkingCalendar,
} from '@sifa/core';
import { rootOrgCode, systemActor } from '../auth/system-actor.js';
import { orgs } from '../db/schema.js';
import type { ServerChangeFeed } from '../events/changes.js';
import type { Logger } from '../logging.js';
import { insertVersion, loadCalendar, lockImports, nextVersion } from './store.js';

/** The change-feed topic of a calendar import. */
export const calendarTopic = 'platform.calendar';

export interface CalendarHook {
  plugin: string;
  run: NonNullable<ServerPlugin['onCalendarChange']>;
}

export interface CalendarPlatformOptions {
  /** The owner's handle (loading reads every version). */
  db: SifaDb;
  /** The data as loaded at start (`loadCalendar`). */
  loaded: WorkingCalendar;
  changes: ServerChangeFeed;
  /** The plugins' `onCalendarChange`, in start order. */
  hooks: readonly CalendarHook[];
  runScoped: PlatformServices['runScoped'];
  /** What the console's actor holds (every permission). */
  permissions: ReadonlySet<string>;
  now(): Date;
  /** Where "today" is counted (status, which plans are open). */
  timeZone: string;
  logger: Logger;
}

export interface CalendarPlatform {
  /** The live calendar: every year at its newest version. */
  current(): WorkingCalendar;
  /** Reads the data again (after an import here or on another instance). */
  reload(): Promise<WorkingCalendar>;
  status(): CalendarStatus;
  year(year: number): CalendarYearView;
  /** Imports in `scoped`'s transaction, which must be scoped to the root of the org tree. */
  importYear(scoped: ScopedServices, input: CalendarImportInput, locale: Locale): Promise<CalendarImportResult>;
  /** The owner at the console (`sifa calendar import`): audited as `cli`, scoped to the root of the tree. */
  importAsOwner(input: CalendarImportInput): Promise<CalendarImportResult>;
  /** Follows imports made by other instances (change feed). */
  start(): void;
  stop(): void;
}

/** YYYY-MM-DD of `at` in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const sameDay = (a: CalendarDay | undefined, b: CalendarDay | undefined) =>
  a?.kind === b?.kind && (a?.name?.zh ?? null) === (b?.name?.zh ?? null) && (a?.name?.en ?? null) === (b?.name?.en ?? null);

function differences(before: readonly CalendarDay[], after: readonly CalendarDay[]): CalendarImportResult['differences'] {
  const b = new Map(before.map((d) => [d.date, d]));
  const a = new Map(after.map((d) => [d.date, d]));
  return [...new Set([...b.keys(), ...a.keys()])]
    .sort()
    .filter((date) => !sameDay(b.get(date), a.get(date)))
    .map((date) => ({ date, before: b.get(date) ?? null, after: a.get(date) ?? null }));
}

const notRoot = (rootName: { zh: string; en: string }, rootCode: string) =>
  new SifaError('FORBIDDEN', {
    message: {
      zh: `节假日和调休数据是全平台共用的数据，只有组织机构树根节点单位（${rootName.zh}）的管理员可以导入或更正。`,
      en: `Holiday and adjusted-working-day data is shared by the whole platform: only administrators of the root of the org tree (${rootName.en}) may import or correct it.`,
    },
    details: { rootOrgCode: rootCode },
  });

export function createCalendarPlatform(options: CalendarPlatformOptions): CalendarPlatform {
  const { logger } = options;
  let live = options.loaded;
  let reloading: Promise<WorkingCalendar> | null = null;
  let again = false;
  let unsubscribe: (() => void) | null = null;

  const reload = (): Promise<WorkingCalendar> => {
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = (async () => {
      try {
        do {
          again = false;
          live = await loadCalendar(options.db);
        } while (again);
        return live;
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };

  const today = () => dayIn(options.now(), options.timeZone);

  const importYear = async (scoped: ScopedServices, input: CalendarImportInput, locale: Locale): Promise<CalendarImportResult> => {
    const rootCode = await rootOrgCode(scoped.db);
    if (scoped.actor.scope.orgCode !== rootCode) {
      // The org tree is reference data: its root is named even where it lies above the caller's scope.
      const [root] = await scoped.db.select({ name: orgs.nameZh, nameEn: orgs.nameEn }).from(orgs).where(eq(orgs.code, rootCode));
      throw notRoot(root ? { zh: root.name, en: root.nameEn ?? root.name } : { zh: rootCode, en: rootCode }, rootCode);
    }
    let parsed;
    try {
      parsed = parseCalendarFile(input.format, input.content, { year: input.year });
    } catch (error) {
      if (error instanceof CalendarFileError) throw calendarFileSifaError(error, locale);
      throw error;
    }
    await lockImports(scoped.db);
    // The data as committed (another instance may have imported since this one loaded).
    const previous = await loadCalendar(scoped.db);
    const inUse = previous.year(parsed.year);
    const diff = differences(inUse?.days ?? [], parsed.days);
    const counts = { holidays: parsed.days.filter((d) => d.kind === 'holiday').length, workdays: parsed.days.filter((d) => d.kind === 'workday').length };
    const dryRun = input.dryRun ?? false;
    const base = { year: parsed.year, dryRun, previousVersion: inUse?.version ?? null, ...counts, differences: diff };
    if (inUse && diff.length === 0) {
      await scoped.audit.record({ action: dryRun ? 'platform.calendar.check' : 'platform.calendar.import', orgCode: rootCode, entity: 'calendar_years', entityId: `${parsed.year}/v${inUse.version}`, after: { unchanged: true } });
      return { ...base, changed: false, version: inUse.version, effects: [] };
    }
    const now = options.now();
    const data: CalendarYearData = {
      year: parsed.year,
      version: await nextVersion(scoped.db, parsed.year),
      source: 'imported',
      days: parsed.days,
      importedAt: now.toISOString(),
      importedBy: scoped.actor.userId,
    };
    if (!dryRun) await insertVersion(scoped.db, data, { format: input.format, sha256: createHash('sha256').update(input.content).digest('hex') });
    const next = previous.withYear(data);
    const effects: CalendarChangeEffect[] = [];
    for (const hook of options.hooks) {
      const effect = await hook.run({
        scoped,
        previous,
        calendar: next,
        years: [parsed.year],
        now,
        dryRun,
        log: (message) => logger.info({ plugin: hook.plugin, year: parsed.year }, message),
      });
      if (effect) effects.push({ plugin: hook.plugin, ...effect });
    }
    await scoped.audit.record({
      action: dryRun ? 'platform.calendar.check' : 'platform.calendar.import',
      orgCode: rootCode,
      entity: 'calendar_years',
      entityId: `${parsed.year}/v${data.version}`,
      before: inUse ? { year: inUse.year, version: inUse.version, days: inUse.days } : null,
      after: { year: data.year, version: data.version, days: data.days, effects },
    });
    if (!dryRun) {
      scoped.afterCommit(async () => {
        await reload();
        options.changes.publish(calendarTopic, scoped.actor.scope.orgPath);
      });
    }
    return { ...base, changed: true, version: data.version, effects };
  };

  const platform: CalendarPlatform = {
    current: () => live,
    reload,
    status() {
      const day = today();
      const year = Number(day.slice(0, 4));
      return {
        today: day,
        coveredYears: live.coveredYears(),
        missingYears: live.missingYears(day),
        upcoming: live
          .coveredYears()
          .filter((y) => y >= year)
          .map((y) => ({ year: y, version: live.year(y)!.version, source: live.year(y)!.source })),
      };
    },
    year(year) {
      const data = live.year(year);
      return {
        year,
        covered: data !== null,
        version: data?.version ?? null,
        source: data?.source ?? null,
        importedAt: data?.importedAt ?? null,
        days: data ? [...data.days] : [],
        versions: live.history(year).map((v) => ({
          version: v.version,
          source: v.source,
          importedAt: v.importedAt,
          holidays: v.days.filter((d) => d.kind === 'holiday').length,
          workdays: v.days.filter((d) => d.kind === 'workday').length,
        })),
      };
    },
    importYear,
    async importAsOwner(input) {
      const actor = await systemActor(options.db, await rootOrgCode(options.db), 'cli', 'Console (sifa calendar import)', options.permissions);
      return options.runScoped(actor, (scoped) => importYear(scoped, input, 'en'));
    },
    start() {
      unsubscribe ??= options.changes.onChange(calendarTopic, (origin) => {
        if (origin === 'remote') reload().catch((error: unknown) => logger.error({ err: error }, 'calendar reload failed'));
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
  return platform;
}
