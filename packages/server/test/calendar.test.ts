/**
 * The working-day calendar as platform data, on both engines: which year lacks data (status,
 * a year, /healthz; from 1 November the next year), who may import (an administrator of the ROOT
 * org only), bad files refused whole with the line named in the caller's language, a dry run,
 * an import from the .ics files `chinese-days` publishes as version 1, the same data again (no
 * version), a correction as version 2 with version 1 kept, the database's own rules (versions
 * immutable, written only in the root's scope), another instance following an import
 * (PostgreSQL), and `sifa calendar status | show | import`.
 *
 * 2027 here is the invented test arrangement `testHolidays2027` (@sifa/server/testing), not the State Council's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { createLogger, createSifaServer, schema, seedOrgTree, type AppRouterOf } from '@sifa/server';
import { createCliDatabase, engine, rawFetch, runCli, sifaErrorOf, startTestServer, testPassword, type CliDatabase, type TestServer, testHolidays2027, testHolidays2027Corrected } from '@sifa/server/testing';

const clock = { now: new Date('2026-11-15T09:00:00+08:00') };
let t: TestServer<AppRouterOf>;

/** An administrator of the root of the tree (内蒙古自治区, 15): the only org whose admins may import. */
async function rootClient(locale = 'en') {
  const anon = await t.client();
  const { token } = await anon.platform.auth.login.mutate({ username: 't.root', password: testPassword });
  return t.clientWithToken(token, { locale });
}

beforeAll(async () => {
  t = await startTestServer({ now: () => clock.now });
  await t.server.auth.createUser({ username: 't.root', displayName: 't.root', password: testPassword, role: 'city_admin', orgCode: '15' });
});
afterAll(() => t?.close());

const versionRows = async () =>
  rowsOf<{ year: number; version: number; days: number }>(
    await t.server.database.db.execute(sql`SELECT y.year, y.version, (SELECT count(*)::int FROM calendar_days d WHERE d.year = y.year AND d.version = y.version) AS days FROM calendar_years y ORDER BY 1, 2`),
  );

describe('before 2027 is loaded', () => {
  it('status, the year and /healthz say 2027 lacks data, from 1 November on', async () => {
    const anon = await t.client();
    const status = await anon.platform.calendar.status.query();
    expect(status).toMatchObject({ today: '2026-11-15', missingYears: [2027], upcoming: [{ year: 2026, version: 0, source: 'package' }] });
    expect(status.coveredYears.at(0)).toBe(2004);
    expect(status.coveredYears.at(-1)).toBe(2026);
    expect(await anon.platform.calendar.year.query({ year: 2027 })).toEqual({ year: 2027, covered: false, version: null, source: null, importedAt: null, days: [], versions: [] });
    const y2026 = await anon.platform.calendar.year.query({ year: 2026 });
    expect(y2026).toMatchObject({ covered: true, version: 0, source: 'package', versions: [{ version: 0, source: 'package', importedAt: null, holidays: 33, workdays: 6 }] });
    expect(y2026.days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: { zh: '国庆节', en: 'National Day' } });

    const health = await rawFetch(`${t.url}/healthz`);
    expect(health.json.calendar).toEqual({ today: '2026-11-15', coveredThrough: 2026, missingYears: [2027] });

    clock.now = new Date('2026-10-31T09:00:00+08:00');
    try {
      expect((await anon.platform.calendar.status.query()).missingYears).toEqual([]);
    } finally {
      clock.now = new Date('2026-11-15T09:00:00+08:00');
    }
  });

  it('is imported only by an administrator of the root org', async () => {
    const input = { format: 'ics' as const, content: testHolidays2027.ics };
    const office = await sifaErrorOf((await t.client('xitun')).platform.calendar.import.mutate(input));
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'platform.calendar.manage' } });
    const county = await sifaErrorOf((await t.client('hongshan')).platform.calendar.import.mutate(input));
    expect(county.data.details).toEqual({ permission: 'platform.calendar.manage' });
    // The city's administrators hold the permission, but the city is not the root of this tree.
    const city = await sifaErrorOf((await t.client('city', { locale: 'zh-CN' })).platform.calendar.import.mutate(input));
    expect(city.data).toMatchObject({ sifaCode: 'FORBIDDEN', httpStatus: 403, details: { rootOrgCode: '15' } });
    expect(city.message).toBe('节假日和调休数据是全平台共用的数据，只有组织机构树根节点单位（内蒙古自治区）的管理员可以导入或更正。');
    expect(await versionRows()).toEqual([]);
  });

  it('refuses a bad file whole, naming the line, in the caller’s language', async () => {
    const zh = await rootClient('zh-CN');
    const en = await rootClient('en');
    const overlap = await sifaErrorOf(zh.platform.calendar.import.mutate({ format: 'json', content: '{\n "year": 2027,\n "days": [\n  { "date": "2027-01-09", "kind": "workday" },\n  { "date": "2027-01-09", "kind": "holiday" }\n ]\n}' }));
    expect(overlap.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', httpStatus: 400, details: { line: 5, problem: 'overlap', problems: 1 } });
    expect(overlap.message).toBe('节假日数据未导入（文件有 1 处问题）。第 5 行：日期 2027-01-09 既是调休上班日（workday）（第 4 行）又是休息日（holiday）：同一天只能有一种安排。');
    expect(overlap.data.issues).toEqual([{ path: 'content', message: '第 5 行：日期 2027-01-09 既是调休上班日（workday）（第 4 行）又是休息日（holiday）：同一天只能有一种安排。' }]);

    const cases: [string, Parameters<typeof en.platform.calendar.import.mutate>[0], string, number | null, string][] = [
      ['duplicate', { format: 'csv', content: 'date,kind\n2027-01-01,holiday\n2027-01-01,holiday' }, 'duplicate', 3, 'Line 3: The date 2027-01-01 is listed twice (already on line 2).'],
      ['outside the year', { format: 'csv', content: 'date,kind\n2027-12-31,holiday\n2028-01-01,holiday', year: 2027 }, 'outside-year', 3, 'Line 3: The date 2028-01-01 is outside 2027: import one year at a time.'],
      ['unknown kind', { format: 'csv', content: 'date,kind\n2027-01-01,vacation' }, 'unknown-kind', 2, 'Line 2: Unknown kind "vacation": use holiday (a day off) or workday (a weekend worked).'],
      ['wrong format', { format: 'ics', content: testHolidays2027.csv }, 'format', 1, 'Line 1: Not an iCalendar (.ics) file: the first line must be BEGIN:VCALENDAR.'],
      ['overlapping ranges', { format: 'ics', content: testHolidays2027.ics.replace('DTEND;VALUE=DATE:20270102', 'DTEND;VALUE=DATE:20270110') }, 'overlap', 11, 'Line 11: The event overlaps the one on line 5 on 2027-01-09.'],
    ];
    for (const [what, input, problem, line, message] of cases) {
      const error = await sifaErrorOf(en.platform.calendar.import.mutate(input));
      expect(error.data.details, what).toMatchObject({ line, problem });
      expect(error.data.issues[0]!.message, what).toBe(message);
      expect(error.message, what).toContain(message);
    }
    expect(await versionRows()).toEqual([]);
    expect((await en.platform.calendar.status.query()).missingYears).toEqual([2027]);
  });

  it('a dry run checks the file and reports what would change, importing nothing', async () => {
    const root = await rootClient();
    const result = await root.platform.calendar.import.mutate({ format: 'ics', content: testHolidays2027.ics, dryRun: true });
    expect(result).toMatchObject({ year: 2027, dryRun: true, changed: true, version: 1, previousVersion: null, holidays: 9, workdays: 2, effects: [] });
    expect(result.differences).toHaveLength(11);
    expect(result.differences[0]).toEqual({ date: '2027-01-01', before: null, after: { date: '2027-01-01', kind: 'holiday', name: { zh: '元旦（测试数据）', en: "New Year's Day (test data)" } } });
    expect(await versionRows()).toEqual([]);
    expect(t.server.calendar.current().isCovered(2027)).toBe(false);
    const audit = await root.platform.audit.list.query({ limit: 5 });
    expect(audit.map((a) => [a.action, a.entity, a.entityId])).toContainEqual(['platform.calendar.check', 'calendar_years', '2027/v1']);
  });
});

describe('importing 2027', () => {
  it('makes version 1 from the .ics files (zh and en together); every computation uses it; audited', async () => {
    const root = await rootClient();
    const result = await root.platform.calendar.import.mutate({ format: 'ics', content: testHolidays2027.ics });
    expect(result).toMatchObject({ year: 2027, dryRun: false, changed: true, version: 1, previousVersion: null, holidays: 9, workdays: 2 });
    expect(await versionRows()).toEqual([{ year: 2027, version: 1, days: 11 }]);

    const anon = await t.client();
    const year = await anon.platform.calendar.year.query({ year: 2027 });
    expect(year).toMatchObject({ covered: true, version: 1, source: 'imported', importedAt: clock.now.toISOString() });
    expect(year.days).toEqual((JSON.parse(testHolidays2027.json) as { days: unknown[] }).days);
    expect((await anon.platform.calendar.status.query()).missingYears).toEqual([]);
    expect((await rawFetch(`${t.url}/healthz`)).json.calendar).toEqual({ today: '2026-11-15', coveredThrough: 2027, missingYears: [] });
    expect(t.server.calendar.current().describeDay('2027-01-09')).toMatchObject({ working: true, kind: 'adjusted-workday', festival: { en: "New Year's Day (test data)" } });

    const audit = await root.platform.audit.list.query({ limit: 5 });
    expect(audit.find((a) => a.action === 'platform.calendar.import')).toMatchObject({ actorId: expect.any(String), scopePath: '/15/', entity: 'calendar_years', entityId: '2027/v1' });
  });

  it('the same data again (as JSON) makes no version; a correction is version 2 and version 1 stays', async () => {
    const root = await rootClient();
    const same = await root.platform.calendar.import.mutate({ format: 'json', content: testHolidays2027.json });
    expect(same).toMatchObject({ changed: false, version: 1, previousVersion: 1, differences: [] });
    const corrected = await root.platform.calendar.import.mutate({ format: 'json', content: testHolidays2027Corrected, year: 2027 });
    expect(corrected).toMatchObject({ changed: true, version: 2, previousVersion: 1 });
    expect(corrected.differences).toEqual([{ date: '2027-02-15', before: null, after: { date: '2027-02-15', kind: 'holiday', name: { zh: '春节（测试数据）', en: 'Spring Festival (test data)' } } }]);
    expect(await versionRows()).toEqual([
      { year: 2027, version: 1, days: 11 },
      { year: 2027, version: 2, days: 12 },
    ]);
    const year = await (await t.client()).platform.calendar.year.query({ year: 2027 });
    expect(year.versions.map((v) => [v.version, v.source, v.holidays, v.workdays])).toEqual([
      [1, 'imported', 9, 2],
      [2, 'imported', 10, 2],
    ]);
    const live = t.server.calendar.current();
    expect(live.isWorkingDay('2027-02-15')).toBe(false);
    expect(live.asOf({ '2027': 1 }).isWorkingDay('2027-02-15')).toBe(true);
  });

  it('keeps versions immutable, written only in a transaction scoped to the root (database rules)', async () => {
    const db = t.server.database.db;
    await expect(db.execute(sql`UPDATE calendar_days SET kind = 'workday' WHERE year = 2027`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM calendar_years WHERE year = 2027`)).rejects.toThrow();
    expect(await versionRows()).toHaveLength(2);
    const actor = (orgCode: string, orgPath: string) => ({ userId: 'test', username: 'test', displayName: 'test', role: 'city_admin' as const, scope: { orgCode, orgPath }, permissions: new Set<string>(), via: 'session' as const });
    const row = { year: 2030, version: 1, format: 'json' as const, sha256: 'x', holidays: 0, workdays: 0, importedBy: 'test', importedAt: clock.now };
    // The city's scope reads the data but cannot add to it.
    const seen = await t.server.runScoped(actor('1504', '/15/1504/'), async (s) => rowsOf<{ n: number }>(await s.db.execute(sql`SELECT count(*)::int AS n FROM calendar_days`))[0]!.n);
    expect(seen).toBe(23);
    await expect(t.server.runScoped(actor('1504', '/15/1504/'), (s) => s.db.insert(schema.calendarYears).values(row))).rejects.toThrow();
    expect(await versionRows()).toHaveLength(2);
  });

  it.runIf(engine === 'postgres')('another instance on the same database follows an import (change feed)', async () => {
    const other = await createSifaServer({ database: { engine: 'postgres', url: t.db.url!, maxConnections: 2 }, logger: createLogger({ level: 'silent' }), now: () => clock.now, jobs: { schedule: false }, port: 0 });
    try {
      await other.listen();
      expect(other.calendar.current().year(2027)?.version).toBe(2);
      const root = await rootClient();
      await root.platform.calendar.import.mutate({ format: 'json', content: testHolidays2027.json });
      const deadline = Date.now() + 10_000;
      while (other.calendar.current().year(2027)?.version !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(other.calendar.current().year(2027)?.version).toBe(3);
      expect(other.calendar.current().isWorkingDay('2027-02-15')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('sifa calendar (CLI)', () => {
  let cliDb: CliDatabase;
  const config = ['--config', 'packages/server/test/fixtures/calendar/sifa.config.ts'];
  const at = { SIFA_NOW: '2026-11-15T09:00:00+08:00' };

  beforeAll(async () => {
    cliDb = await createCliDatabase();
    // The org tree only (no demo accounts): migrate and seed it in this process, then close.
    const server = await createSifaServer({ database: cliDb.config, logger: createLogger({ level: 'silent' }), now: () => clock.now, jobs: { schedule: false } });
    await seedOrgTree(server.database.db);
    await server.close();
  }, 120_000);
  afterAll(async () => {
    await cliDb?.drop();
  });

  it('says 2027 lacks data, refuses a bad file, dry-runs, imports and shows the year', async () => {
    const env = { ...cliDb.env, ...at };
    const status = await runCli(['calendar', 'status', ...config], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Holiday data (today 2026-11-15): 2004–2026 (23 years).');
    expect(status.stdout).toContain('MISSING: 2027');

    const dir = mkdtempSync(join(tmpdir(), 'sifa-calendar-'));
    const bad = join(dir, 'bad-2027.csv');
    writeFileSync(bad, 'date,kind\n2027-01-01,holiday\n2027-01-04,workday\n');
    const refused = await runCli(['calendar', 'import', bad, ...config], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Line 3: 2027-01-04 is a Monday to Friday, a working day anyway');

    const csv = join(dir, 'test-2027.csv');
    const ics = join(dir, 'test-2027.ics');
    writeFileSync(csv, testHolidays2027.csv);
    writeFileSync(ics, testHolidays2027.ics);
    const dry = await runCli(['calendar', 'import', csv, '--dry-run', ...config], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run, nothing imported: 2027 version 1 (the year had no data); 9 holidays, 2 adjusted working days; 11 date(s) differ.');

    const imported = await runCli(['calendar', 'import', ics, ...config], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported: 2027 version 1 (the year had no data)');

    const show = await runCli(['calendar', 'show', '2027', ...config], env);
    expect(show.code, show.stderr).toBe(0);
    // SIFA_NOW starts the CLI's clock at 09:00 China time; it runs on from there.
    expect(show.stdout).toMatch(/^2027: version 1 \(imported 2026-11-15T01:0\d:\d\d\.\d{3}Z\), 9 holidays, 2 adjusted working days$/m);
    expect(show.stdout).toContain("2027-01-09  班 workday   元旦（测试数据） / New Year's Day (test data)");
  }, 300_000);
});
