/**
 * TEST DATA: an invented holiday arrangement for 2027, for tests only. It is NOT the State
 * Council's arrangement and must never be loaded into a real installation; every name says
 * "测试数据 / test data". For tests of what happens when a year's holidays are imported
 * (`platform.calendar.import`): plans re-split, warnings about a missing year stop.
 *
 * 2027-01-01 (Fri) off, 2027-01-09 (Sat) worked, 2027-01-27 (Wed) off, 2027-02-06 … 02-12 off,
 * 2027-02-20 (Sat) worked: 9 holidays, 2 adjusted working days. The same days in the three
 * import formats.
 */

interface TestRange {
  from: string;
  /** Inclusive. */
  to: string;
  kind: 'holiday' | 'workday';
  name: { zh: string; en: string };
}

const newYear = { zh: '元旦（测试数据）', en: "New Year's Day (test data)" };
const testHoliday = { zh: '测试假日（测试数据）', en: 'Test holiday (test data)' };
const springFestival = { zh: '春节（测试数据）', en: 'Spring Festival (test data)' };

const ranges: TestRange[] = [
  { from: '2027-01-01', to: '2027-01-01', kind: 'holiday', name: newYear },
  { from: '2027-01-09', to: '2027-01-09', kind: 'workday', name: newYear },
  { from: '2027-01-27', to: '2027-01-27', kind: 'holiday', name: testHoliday },
  { from: '2027-02-06', to: '2027-02-12', kind: 'holiday', name: springFestival },
  { from: '2027-02-20', to: '2027-02-20', kind: 'workday', name: springFestival },
];

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const days = ranges.flatMap((r) => {
  const list: { date: string; kind: TestRange['kind']; name: TestRange['name'] }[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) list.push({ date: d, kind: r.kind, name: r.name });
  return list;
});

const q = JSON.stringify;
const json = `{\n  "year": 2027,\n  "days": [\n${days
  .map((d) => `    { "date": ${q(d.date)}, "kind": ${q(d.kind)}, "name": { "zh": ${q(d.name.zh)}, "en": ${q(d.name.en)} } }`)
  .join(',\n')}\n  ]\n}\n`;

const csv = [
  "# TEST FIXTURE: an invented 2027 arrangement for the test suite, NOT the State Council's.",
  'date,kind,name_zh,name_en',
  ...days.map((d) => `${d.date},${d.kind},${d.name.zh},${d.name.en}`),
  '',
].join('\n');

const compact = (day: string) => day.replaceAll('-', '');
const ics = (['zh', 'en'] as const)
  .map((locale) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:-//sifa-kit//TEST FIXTURE 2027 (invented, not official)//${locale.toUpperCase()}`,
      'X-WR-CALNAME:TEST FIXTURE 2027',
      ...ranges.flatMap((r, i) => [
        'BEGIN:VEVENT',
        `UID:test-fixture-2027-${locale}-${i}`,
        `DTSTART;VALUE=DATE:${compact(r.from)}`,
        `DTEND;VALUE=DATE:${compact(addDays(r.to, 1))}`,
        `SUMMARY:${r.name[locale]}${locale === 'zh' ? (r.kind === 'holiday' ? '(休)' : '(班)') : r.kind === 'holiday' ? '(Holiday)' : '(Workday)'}`,
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ]
      .map((line) => `${line}\r\n`)
      .join(''),
  )
  .join('');

/** The invented 2027 arrangement as the files an administrator would import (`format: 'json' | 'csv' | 'ics'`). */
export const testHolidays2027: { readonly json: string; readonly csv: string; readonly ics: string } = { json, csv, ics };

/** A correction of it (still invented): 2027-02-15 (Mon) off as well. */
export const testHolidays2027Corrected: string = JSON.stringify({
  year: 2027,
  days: [...days, { date: '2027-02-15', kind: 'holiday', name: { zh: '春节（测试数据）', en: 'Spring Festival (test data)' } }],
});
