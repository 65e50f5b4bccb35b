/**
 * The working-day calendar as versioned data, without a server: the package's years as version 0
 * (identical to `chinese-days` day by day), a year without data (weekends only, never guessed),
 * imported versions and `asOf` (a result computed with old data is reproduced), which upcoming
 * year needs data, and reading the three file formats — the package's own .ics files give exactly
 * its data; every kind of bad input is refused whole, naming the line, in Chinese and English.
 *
 * 2027 below is a TEST FIXTURE (invented days), not the State Council's arrangement.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import {
  addDays,
  CalendarFileError,
  calendarFileSifaError,
  packageCalendarYears,
  parseCalendarFile,
  weekdayOf,
  WorkingCalendar,
  type CalendarFileProblemCode,
  type CalendarYearData,
} from '../src/index.js';

const packageDir = dirname(createRequire(join(import.meta.dirname, '../package.json')).resolve('chinese-days/package.json'));
const packageIcs = (year: number, en = false) => readFileSync(join(packageDir, 'dist', 'years', `${year}${en ? '.en' : ''}.ics`), 'utf8');

/** TEST FIXTURE: an invented 2027 (New Year's Day off, Saturday 9 January worked, 27 January off). */
const fixture2027: CalendarYearData = {
  year: 2027,
  version: 1,
  source: 'imported',
  importedAt: '2026-11-20T01:00:00.000Z',
  importedBy: 'test',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: { zh: '元旦（测试数据）', en: "New Year's Day (test data)" } },
    { date: '2027-01-09', kind: 'workday', name: { zh: '元旦（测试数据）', en: "New Year's Day (test data)" } },
    { date: '2027-01-27', kind: 'holiday', name: null },
  ],
};

const every = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('the package’s data as version 0', () => {
  const calendar = WorkingCalendar.fromPackage();

  it('covers 2004–2026 and agrees with chinese-days on every day', () => {
    expect(calendar.coveredYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(packageCalendarYears().every((y) => y.version === 0 && y.source === 'package')).toBe(true);
    const differing = every('2004-01-01', '2026-12-31').filter((day) => calendar.isWorkingDay(day) !== chineseDays.isWorkday(day));
    expect(differing).toEqual([]);
  });

  it('knows National Day 2026: holidays, the worked Saturday and the weekend inside the break', () => {
    expect(calendar.describeDay('2026-10-05')).toEqual({ day: '2026-10-05', working: false, kind: 'holiday', festival: { zh: '国庆节', en: 'National Day' }, covered: true });
    expect(calendar.describeDay('2026-10-03')).toMatchObject({ working: false, kind: 'holiday', festival: { zh: '国庆节' } });
    expect(calendar.describeDay('2026-10-10')).toMatchObject({ working: true, kind: 'adjusted-workday', festival: { en: 'National Day' } });
    expect(calendar.describeDay('2026-10-11')).toMatchObject({ working: false, kind: 'weekend', festival: null });
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(calendar.lastWorkingDayIn('2026-10-01', '2026-10-07')).toBeNull();
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-11')).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('does not guess a year without data: weekends only, reported as uncovered', () => {
    expect(calendar.isCovered(2027)).toBe(false);
    expect(calendar.describeDay('2027-01-01')).toEqual({ day: '2027-01-01', working: true, kind: 'workday', festival: null, covered: false });
    expect(calendar.uncoveredYears('2026-12-01', '2028-01-31')).toEqual([2027, 2028]);
    expect(calendar.versionsFor('2026-12-01', '2027-01-31')).toEqual({ '2026': 0, '2027': null });
    expect(WorkingCalendar.weekendsOnly().isWorkingDay('2026-10-05')).toBe(true);
  });
});

describe('versions', () => {
  const live = WorkingCalendar.fromPackage().withYear(fixture2027);

  it('an import is the newest version of its year; older versions stay readable', () => {
    expect(live.isCovered(2027)).toBe(true);
    expect(live.year(2027)).toMatchObject({ version: 1, source: 'imported' });
    expect(live.isWorkingDay('2027-01-01')).toBe(false);
    expect(live.isWorkingDay('2027-01-09')).toBe(true);
    expect(live.describeDay('2027-01-27')).toMatchObject({ working: false, kind: 'holiday', festival: null });
    const corrected = live.withYear({ ...fixture2027, version: 2, days: [...fixture2027.days, { date: '2027-01-28', kind: 'holiday', name: null }] });
    expect(corrected.history(2027).map((v) => v.version)).toEqual([1, 2]);
    expect(corrected.isWorkingDay('2027-01-28')).toBe(false);
    expect(corrected.asOf({ '2027': 1 }).isWorkingDay('2027-01-28')).toBe(true);
    expect(() => WorkingCalendar.from([fixture2027, fixture2027])).toThrow(/version 1 twice/);
  });

  it('asOf reproduces what a result was computed with; the same record is the same instance', () => {
    const before = live.asOf({ '2026': 0, '2027': null });
    expect(before.isCovered(2027)).toBe(false);
    // Without data New Year's Day counts as a Friday; with the fixture it is off and Saturday the 9th is worked.
    expect(before.workingDaysBetween('2027-01-01', '2027-01-10')).toEqual(['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']);
    expect(live.workingDaysBetween('2027-01-01', '2027-01-10')).toEqual(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-09']);
    expect(live.asOf({ '2027': null })).toBe(before);
    expect(live.asOf({ '2027': 1 })).toBe(live);
    expect(live.asOf(null)).toBe(live);
    expect(before.asOf({ '2027': 1 })).toBe(live);
    expect(before.versionsFor('2027-01-01', '2027-12-31')).toEqual({ '2027': null });
    expect(() => live.asOf({ '2027': 7 })).toThrow(/no version 7 of 2027/);
  });

  it('says which year needs data: this year without it, next year from 1 November', () => {
    const calendar = WorkingCalendar.fromPackage();
    expect(calendar.missingYears('2026-10-31')).toEqual([]);
    expect(calendar.missingYears('2026-11-01')).toEqual([2027]);
    expect(calendar.missingYears('2027-03-01')).toEqual([2027]);
    expect(live.missingYears('2026-12-31')).toEqual([]);
    expect(live.missingYears('2027-11-01')).toEqual([2028]);
  });
});

describe('day arithmetic', () => {
  it('addDays and weekdayOf agree with Date for any day and step', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 11, 31) }), fc.integer({ min: -800, max: 800 }), (ms, step) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        const next = new Date(`${day}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + step);
        return addDays(day, step) === next.toISOString().slice(0, 10) && weekdayOf(day) === new Date(`${day}T00:00:00Z`).getUTCDay();
      }),
    );
  });

  it('countWorkingDays counts what workingDaysBetween lists, for any span (holidays and 调休 included)', () => {
    const calendar = WorkingCalendar.fromPackage();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }), fc.integer({ min: -10, max: 800 }), (ms, span) => {
        const from = new Date(ms).toISOString().slice(0, 10);
        const to = addDays(from, span);
        return calendar.countWorkingDays(from, to) === calendar.workingDaysBetween(from, to).length;
      }),
    );
  });
});

describe('reading a year from a file', () => {
  it('reads the package’s own .ics files (zh, en, both together) into exactly its data', () => {
    for (const data of packageCalendarYears()) {
      const expected = data.days.map((d) => [d.date, d.kind]);
      expect(parseCalendarFile('ics', packageIcs(data.year)).days.map((d) => [d.date, d.kind]), `${data.year}.ics`).toEqual(expected);
      expect(parseCalendarFile('ics', packageIcs(data.year, true)).days.map((d) => [d.date, d.kind]), `${data.year}.en.ics`).toEqual(expected);
      const both = parseCalendarFile('ics', packageIcs(data.year) + packageIcs(data.year, true), { year: data.year });
      expect(both, `${data.year}.ics + ${data.year}.en.ics`).toEqual({ year: data.year, days: data.days });
    }
  });

  it('reads JSON and CSV lists; a name in one language gets the other from the festivals known', () => {
    const json = parseCalendarFile('json', JSON.stringify({ year: 2027, days: [{ date: '2027-01-09', kind: 'workday' }, { date: '2027-01-01', kind: 'holiday', name: { zh: '元旦' } }] }));
    expect(json).toEqual({
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: { zh: '元旦', en: "New Year's Day" } },
        { date: '2027-01-09', kind: 'workday', name: null },
      ],
    });
    expect(parseCalendarFile('json', '[{"date":"2027-01-01","kind":"holiday","name":"国庆节"}]').days[0]!.name).toEqual({ zh: '国庆节', en: 'National Day' });
    const csv = parseCalendarFile('csv', '# test fixture\ndate,kind,name_zh,name_en\n2027-01-01,holiday,元旦,"New Year\'s Day"\n\n2027-01-09,workday,,\n');
    expect(csv.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: { zh: '元旦', en: "New Year's Day" } },
      { date: '2027-01-09', kind: 'workday', name: null },
    ]);
    expect(parseCalendarFile('csv', 'kind,date\nholiday,2027-01-01').days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: null }]);
  });

  const refused = (format: 'json' | 'csv' | 'ics', content: string, year?: number) => {
    try {
      parseCalendarFile(format, content, { year });
    } catch (error) {
      if (error instanceof CalendarFileError) return error.problems;
      throw error;
    }
    throw new Error('expected the file to be refused');
  };
  const first = (problems: ReturnType<typeof refused>) => [problems[0]!.code, problems[0]!.line] as [CalendarFileProblemCode, number | null];

  it('refuses duplicate dates and a date given two arrangements, naming both lines', () => {
    const dup = refused('csv', 'date,kind\n2027-01-01,holiday\n2027-01-02,holiday\n2027-01-01,holiday');
    expect(first(dup)).toEqual(['duplicate', 4]);
    expect(dup[0]!.message).toEqual({ zh: '日期 2027-01-01 重复（第 2 行已列出）。', en: 'The date 2027-01-01 is listed twice (already on line 2).' });
    const both = refused('json', '{\n  "year": 2027,\n  "days": [\n    { "date": "2027-01-09", "kind": "workday" },\n    { "date": "2027-01-09", "kind": "holiday" }\n  ]\n}');
    expect(first(both)).toEqual(['overlap', 5]);
    expect(both[0]!.message.en).toContain('both a workday (line 4) and a holiday');
    expect(both[0]!.message.zh).toContain('同一天只能有一种安排');
  });

  it('refuses overlapping ranges in an .ics file', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦(休)', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270103', 'DTEND;VALUE=DATE:20270105', 'SUMMARY:测试(休)', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const problems = refused('ics', ics);
    expect(first(problems)).toEqual(['overlap', 7]);
    expect(problems[0]!.message).toEqual({ zh: '事件与第 2 行的事件在 2027-01-03 重叠。', en: 'The event overlaps the one on line 2 on 2027-01-03.' });
  });

  it('refuses a date outside the year, an unknown kind, a bad date and a workday on a weekday', () => {
    expect(first(refused('csv', 'date,kind\n2027-01-01,holiday\n2028-01-01,holiday'))).toEqual(['outside-year', 3]);
    expect(first(refused('csv', 'date,kind\n2027-12-31,holiday', 2028))).toEqual(['outside-year', 2]);
    expect(first(refused('json', '{"year":2026,"days":[{"date":"2027-01-01","kind":"holiday"}]}', 2027))).toEqual(['outside-year', 1]);
    const kind = refused('csv', 'date,kind\n2027-01-01,day-off');
    expect(first(kind)).toEqual(['unknown-kind', 2]);
    expect(kind[0]!.message).toEqual({ zh: '未知的类型“day-off”：只能是 holiday（休息）或 workday（调休上班）。', en: 'Unknown kind "day-off": use holiday (a day off) or workday (a weekend worked).' });
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦(放假)', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    expect(first(refused('ics', ics))).toEqual(['unknown-kind', 4]);
    expect(first(refused('json', '[{"date":"2027-02-30","kind":"holiday"}]'))).toEqual(['bad-date', 1]);
    expect(first(refused('csv', 'date,kind\n2027-01-04,workday'))).toEqual(['workday-on-weekday', 2]);
  });

  it('refuses a file in the wrong format, and an empty one', () => {
    expect(first(refused('json', 'date,kind\n2027-01-01,holiday'))).toEqual(['format', 1]);
    expect(first(refused('json', '{\n "days": [\n  { "date": "2027-01-01", "kind": "holiday", }\n ]\n}'))).toEqual(['format', 3]);
    expect(first(refused('json', '[{"date":"2027-01-01","kind":"holiday","type":"x"}]'))).toEqual(['format', 1]);
    expect(first(refused('csv', '{"year":2027,"days":[]}'))).toEqual(['format', 1]);
    expect(first(refused('csv', 'date,kind\n2027-01-01,holiday,extra'))).toEqual(['format', 2]);
    expect(first(refused('ics', packageIcs(2026).replace('BEGIN:VCALENDAR', 'date,kind')))).toEqual(['format', 1]);
    expect(first(refused('csv', 'date,kind\n'))).toEqual(['empty', null]);
  });

  it('becomes one VALIDATION_FAILED naming the line, every problem an issue in the reader’s language', () => {
    const error = new CalendarFileError(refused('csv', 'date,kind\n2027-01-01,day-off\n2027-01-04,workday'));
    const zh = calendarFileSifaError(error, 'zh-CN');
    expect(zh.sifaCode).toBe('VALIDATION_FAILED');
    expect(zh.details).toEqual({ line: 2, problem: 'unknown-kind', problems: 2 });
    expect(zh.messageFor('zh-CN')).toBe('节假日数据未导入（文件有 2 处问题）。第 2 行：未知的类型“day-off”：只能是 holiday（休息）或 workday（调休上班）。（另有 1 处，见各项提示）');
    expect(zh.messageFor('en')).toBe('Nothing was imported (2 problems in the file). Line 2: Unknown kind "day-off": use holiday (a day off) or workday (a weekend worked). (and 1 more, see the issues)');
    expect(zh.issues.map((i) => i.message)).toEqual([
      '第 2 行：未知的类型“day-off”：只能是 holiday（休息）或 workday（调休上班）。',
      '第 3 行：2027-01-04 是周一至周五，本来就是工作日：调休上班日（workday）只能是周六或周日。',
    ]);
    expect(calendarFileSifaError(error, 'en').issues[1]!.message).toBe('Line 3: 2027-01-04 is a Monday to Friday, a working day anyway: an adjusted working day (workday) is a Saturday or Sunday.');
  });
});
