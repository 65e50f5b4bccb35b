/**
 * The working-day split of plan targets and the two letters' text, without a server: National
 * Day 2026 (1–7 October off, Sunday 27 September and Saturday 10 October worked), weighted
 * splits, due dates on holidays, years the calendar does not cover yet, and the batching of
 * facts reads (one query per parent of the assignees, never one per assignee).
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type DocumentRenderContext, type FactsQuery, type FactsResult, type FactsService } from '@sifa/core';
import { apportion, isoWeekKey, splitTarget, SplitError, subPeriodsOf } from '../../src/index.js';
import { measure } from '../../src/server/progress.js';
import { reminderLetterTemplate, supervisionLetterTemplate, type ReminderLetterData, type SupervisionLetterData } from '../../src/server/templates.js';
import type { PlanInstanceRow } from '../../src/server/schema.js';

/** The package's data (2026 is covered, 2027 is not). */
const calendar = WorkingCalendar.fromPackage();

const problemsOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof SplitError) return error.problems;
    throw error;
  }
  throw new Error('expected a SplitError');
};

describe('the calendar around National Day 2026', () => {
  it('knows the holidays and the adjusted working days it splits by', () => {
    expect(calendar.describeDay('2026-10-05')).toMatchObject({ working: false, kind: 'holiday', festival: { zh: '国庆节', en: 'National Day' } });
    expect(calendar.describeDay('2026-10-10')).toMatchObject({ working: true, kind: 'adjusted-workday', festival: { zh: '国庆节' } });
    expect(calendar.describeDay('2026-10-11')).toMatchObject({ working: false, kind: 'weekend', festival: null });
    expect(calendar.describeDay('2026-10-09')).toMatchObject({ working: true, kind: 'workday', festival: null });
  });
});

describe('sub-periods', () => {
  it('are the months of a quarter and the ISO weeks of a month, cut at the month and the due date', () => {
    expect(subPeriodsOf('2026-Q4').map((s) => [s.key, s.from, s.to])).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-31'],
    ]);
    expect(subPeriodsOf('2026-10').map((s) => [s.key, s.from, s.to])).toEqual([
      ['2026-W40', '2026-10-01', '2026-10-04'],
      ['2026-W41', '2026-10-05', '2026-10-11'],
      ['2026-W42', '2026-10-12', '2026-10-18'],
      ['2026-W43', '2026-10-19', '2026-10-25'],
      ['2026-W44', '2026-10-26', '2026-10-31'],
    ]);
    expect(subPeriodsOf('2026-10', '2026-10-16').map((s) => s.key)).toEqual(['2026-W40', '2026-W41', '2026-W42']);
    expect(subPeriodsOf('2026-10', '2026-10-16').at(-1)!.to).toBe('2026-10-16');
    expect(subPeriodsOf('2026').map((s) => s.key)).toHaveLength(12);
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
  });
});

describe('even split', () => {
  it('shares a Q4 target by the working days of each month, National Day skipped and 10 October counted', () => {
    const split = splitTarget(calendar, { period: '2026-Q4', target: 100, mode: 'even' });
    // October: 8, 9, 10 (the adjusted Saturday) and three full weeks = 18; November 21; December 23.
    expect(split.subPeriods.map((s) => [s.key, s.workingDays, s.target, s.due])).toEqual([
      ['2026-10', 18, 29, '2026-10-30'],
      ['2026-11', 21, 34, '2026-11-30'],
      ['2026-12', 23, 37, '2026-12-31'],
    ]);
    expect(split.due).toBe('2026-12-31');
    expect(split.warnings).toEqual([]);
  });

  it('shares an October target by ISO week: the holiday week gets nothing, its milestone is the worked Saturday', () => {
    const split = splitTarget(calendar, { period: '2026-10', target: 36, mode: 'even' });
    expect(split.subPeriods.map((s) => [s.key, s.workingDays, s.target, s.due])).toEqual([
      ['2026-W40', 0, 0, null],
      ['2026-W41', 3, 6, '2026-10-10'],
      ['2026-W42', 5, 10, '2026-10-16'],
      ['2026-W43', 5, 10, '2026-10-23'],
      ['2026-W44', 5, 10, '2026-10-30'],
    ]);
  });

  it('gives whole numbers that always sum to the target (largest remainder, earlier first on ties)', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1, [18, 21, 23])).toEqual([0, 0, 1]);
    expect(apportion(7, [0, 5, 0])).toEqual([0, 7, 0]);
    for (const target of [1, 2, 3, 7, 13, 99, 100, 101, 1234567]) {
      const shares = splitTarget(calendar, { period: '2026', target, mode: 'even' }).subPeriods.map((s) => s.target);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(target);
      expect(shares.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    }
  });

  it('splits up to the due date only, the last milestone being the due date', () => {
    const split = splitTarget(calendar, { period: '2026-10', target: 16, mode: 'even', due: '2026-10-16' });
    expect(split.subPeriods.map((s) => [s.key, s.workingDays, s.target, s.due])).toEqual([
      ['2026-W40', 0, 0, null],
      ['2026-W41', 3, 6, '2026-10-10'],
      ['2026-W42', 5, 10, '2026-10-16'],
    ]);
  });
});

describe('weighted split', () => {
  it('shares by the given weights', () => {
    const split = splitTarget(calendar, { period: '2026-Q4', target: 10, mode: 'weighted', weights: { '2026-10': 1, '2026-11': 2, '2026-12': 1 } });
    expect(split.subPeriods.map((s) => s.target)).toEqual([3, 5, 2]);
    expect(split.mode).toBe('weighted');
  });

  it('names the sub-periods when weights do not match them', () => {
    const [problem] = problemsOf(() => splitTarget(calendar, { period: '2026-Q4', target: 10, mode: 'weighted', weights: { '2026-10': 1, '2026-11': 1, '2027-01': 1 } }));
    expect(problem!.field).toBe('weights');
    expect(problem!.message.en).toBe('A weighted split needs one weight per sub-period: 2026-10, 2026-11, 2026-12. Missing: 2026-12. Not a sub-period: 2027-01.');
  });

  it('refuses a weight on the week of National Day, which has no working day', () => {
    const [problem] = problemsOf(() =>
      splitTarget(calendar, { period: '2026-10', target: 10, mode: 'weighted', weights: { '2026-W40': 1, '2026-W41': 1, '2026-W42': 1, '2026-W43': 1, '2026-W44': 1 } }),
    );
    expect(problem!.message.zh).toBe('子期间 2026-W40 没有工作日，其权重须为 0。');
  });

  it('refuses all-zero weights', () => {
    const [problem] = problemsOf(() => splitTarget(calendar, { period: '2026-Q4', target: 10, mode: 'weighted', weights: { '2026-10': 0, '2026-11': 0, '2026-12': 0 } }));
    expect(problem!.message.en).toBe('At least one weight must be above 0.');
  });
});

describe('due dates', () => {
  it('refuses a public holiday and names the working days to pick', () => {
    const [problem] = problemsOf(() => splitTarget(calendar, { period: '2026-Q4', target: 10, mode: 'even', due: '2026-10-05' }));
    expect(problem!.field).toBe('due');
    // 30 September, the working day before, lies outside Q4: only the one after is offered.
    expect(problem!.message.zh).toBe('截止日期须为工作日，2026年10月5日是法定节假日（国庆节）。请改为 2026-10-08（最近的工作日）。');
    expect(problem!.details).toMatchObject({ due: '2026-10-05', kind: 'holiday', before: null, after: '2026-10-08' });
  });

  it('offers both neighbours when they lie in the period, and tells a weekend from a holiday', () => {
    const [problem] = problemsOf(() => splitTarget(calendar, { period: '2026-10', target: 10, mode: 'even', due: '2026-10-11' }));
    expect(problem!.message.en).toBe('The due date must be a working day; 2026-10-11 is a weekend day off. Pick 2026-10-10 or 2026-10-12 (the nearest working days before and after).');
  });

  it('accepts the adjusted Saturday and refuses a date outside the period', () => {
    expect(splitTarget(calendar, { period: '2026-10', target: 3, mode: 'even', due: '2026-10-10' }).due).toBe('2026-10-10');
    const [problem] = problemsOf(() => splitTarget(calendar, { period: '2026-10', target: 3, mode: 'even', due: '2026-11-02' }));
    expect(problem!.message.en).toBe("The due date 2026-11-02 is outside the plan's period (2026-10-01 to 2026-10-31). Pick a working day inside the period.");
  });
});

describe('years the calendar does not cover', () => {
  it('warns that only weekends are skipped there', () => {
    const split = splitTarget(calendar, { period: '2027-Q1', target: 60, mode: 'even' });
    expect(split.warnings).toHaveLength(1);
    expect(split.warnings[0]).toMatchObject({ code: 'calendar-uncovered', years: [2027] });
    expect(split.warnings[0]!.message.zh).toContain('2027 年的法定节假日和调休安排');
    // 1 January 2027 is New Year's Day, but without the published arrangement it counts as a Friday.
    expect(split.subPeriods[0]).toMatchObject({ key: '2027-01', workingDays: 21 });
  });
});

// ---- facts batching ----------------------------------------------------------------------------

function fakeFacts(values: Record<string, number>) {
  const calls: FactsQuery[] = [];
  const facts: FactsService = {
    async query(q): Promise<FactsResult> {
      calls.push(q);
      const rows = Object.entries(values)
        .filter(([key]) => q.groupBy === 'total' ? key.startsWith(`${q.orgCode}|`) : key.startsWith(`${q.orgCode}>`))
        .map(([key, value]) => ({ key: q.groupBy === 'total' ? '' : key.split('>')[1]!.split('|')[0]!, metric: key.split('|')[1]!, value }));
      return { orgCode: q.orgCode!, groupBy: q.groupBy ?? 'total', rows };
    },
    recordForSource: async () => {},
    recordMany: async () => {},
    sources: async () => ({ rows: [], total: 0 }),
  };
  return { facts, calls };
}

function instance(orgPath: string, metric: string, target: number, extra: Partial<PlanInstanceRow> = {}): PlanInstanceRow {
  const code = orgPath.split('/').filter(Boolean).at(-1)!;
  return {
    id: `${code}-${metric}`,
    planId: 'p',
    itemId: `i-${metric}`,
    orgCode: code,
    orgPath,
    orgName: { zh: code },
    targetOverride: null,
    ownerOrgCode: '1504',
    ownerOrgPath: '/15/1504/',
    ownerName: { zh: '赤峰市' },
    planTitle: 'plan',
    period: '2026-Q4',
    periodFrom: '2026-10-01',
    periodTo: '2026-12-31',
    planDemo: false,
    planRevision: 0,
    planUpdatedAt: new Date(0),
    itemPosition: 0,
    itemTitle: metric,
    kind: 'metric',
    metric,
    metricTitle: { zh: metric, en: metric },
    metricUnit: { zh: '件', en: 'cases' },
    itemTarget: target,
    splitMode: 'even',
    weights: null,
    due: '2026-12-31',
    checkedAt: null,
    checkedBy: null,
    checkedByName: null,
    evidence: null,
    escalationLevel: 0,
    lastEscalatedOn: null,
    escalationClosed: false,
    calendarVersions: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...extra,
  };
}

describe('progress from facts', () => {
  it('reads one query per parent of the assignees, whatever the number of assignees and items', async () => {
    const counties = Array.from({ length: 12 }, (_, i) => `1504${String(i + 2).padStart(2, '0')}`);
    const offices = ['150402001', '150402002', '150404001'];
    const rows = [
      ...counties.flatMap((c) => [instance(`/15/1504/${c}/`, 'diary.a', 10), instance(`/15/1504/${c}/`, 'diary.b', 4)]),
      ...offices.map((o) => instance(`/15/1504/${o.slice(0, 6)}/${o}/`, 'diary.a', 5)),
    ];
    const { facts, calls } = fakeFacts({ '1504>150402|diary.a': 12, '1504>150403|diary.b': 2, '150402>150402001|diary.a': 5, '150404>150404001|diary.a': 1 });
    const measured = await measure({ facts, calendar, scopePath: '/15/1504/', today: '2026-11-26' }, rows);
    // Counties under the city: one query for both metrics; offices under two counties: one query each.
    expect(calls.map((c) => [c.orgCode, c.groupBy, c.metrics, c.from, c.to])).toEqual([
      ['1504', 'child', ['diary.a', 'diary.b'], '2026-10-01', '2026-11-26'],
      ['150402', 'child', ['diary.a'], '2026-10-01', '2026-11-26'],
      ['150404', 'child', ['diary.a'], '2026-10-01', '2026-11-26'],
    ]);
    expect(measured.get('150402-diary.a')!.progress).toMatchObject({ value: 12, target: 10, complete: true, status: 'done', percent: 100 });
    expect(measured.get('150403-diary.b')!.progress).toMatchObject({ value: 2, target: 4, complete: false, percent: 50 });
    expect(measured.get('150404-diary.a')!.progress).toMatchObject({ value: 0, complete: false });
    expect(measured.get('150402001-diary.a')!.progress).toMatchObject({ value: 5, complete: true });
    expect(measured.get('150404001-diary.a')!.progress).toMatchObject({ value: 1, percent: 20 });
  });

  it('reads the caller’s own org with one total query (its parent is out of sight)', async () => {
    const { facts, calls } = fakeFacts({ '150402001|diary.a': 3 });
    const measured = await measure({ facts, calendar, scopePath: '/15/1504/150402/150402001/', today: '2026-11-26' }, [instance('/15/1504/150402/150402001/', 'diary.a', 10)]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ orgCode: '150402001', groupBy: 'total' });
    // 10 split over Q4 is 3 + 3 + 4; by 26 November only October's milestone (30 October) has passed.
    expect(measured.get('150402001-diary.a')!.progress).toMatchObject({ value: 3, expectedToDate: 3, status: 'on-track' });
  });

  it('says behind, overdue and not started, and leaves metrics that are not installed unknown without a query', async () => {
    const { facts, calls } = fakeFacts({ '1504>150402|diary.a': 1 });
    const rows = [
      instance('/15/1504/150402/', 'diary.a', 100),
      instance('/15/1504/150403/', 'diary.a', 100, { id: 'late', due: '2026-10-30', periodTo: '2026-10-31', period: '2026-10' }),
      instance('/15/1504/150404/', 'diary.gone', 5),
      instance('/15/1504/150405/', 'diary.a', 5, { id: 'future', period: '2027-Q1', periodFrom: '2027-01-01', periodTo: '2027-03-31', due: '2027-03-31' }),
    ];
    const measured = await measure({ facts, calendar, scopePath: '/15/1504/', today: '2026-11-26', knownMetric: (m) => m !== 'diary.gone' }, rows);
    expect(measured.get('150402-diary.a')!.progress).toMatchObject({ value: 1, expectedToDate: 29, status: 'behind' });
    expect(measured.get('late')!.progress).toMatchObject({ status: 'overdue', daysOverdue: 27 });
    expect(measured.get('150404-diary.gone')!.progress).toMatchObject({ value: null, complete: false });
    expect(measured.get('future')!.progress).toMatchObject({ value: 0, status: 'not-started' });
    expect(calls.every((c) => !c.metrics.includes('diary.gone'))).toBe(true);
  });
});

// ---- letters --------------------------------------------------------------------------------------

const names: Record<string, string> = { '150402001': '西屯司法所', '150402': '红山区司法局', '1504': '赤峰市司法局' };
const renderContext = (locale: 'zh-CN' | 'en', issuerName: string): DocumentRenderContext => ({
  locale,
  issuerName,
  issuedOn: '2026-10-22',
  orgName: async (code) => names[code] ?? code,
  authorityName: async (code) => names[code] ?? code,
});
/** A title as printed: without its break marks (`titleBreak`). */
const plainTitle = (title: string) => title.replaceAll('\u200B', '');

const base = {
  planTitle: '2026年10月普法工作计划',
  period: '2026-10',
  itemTitle: '开展普法宣传活动',
  kind: 'metric' as const,
  metricTitle: { zh: '普法宣传活动', en: 'Law education events' },
  unit: { zh: '场', en: 'events' },
  target: 12,
  progress: 5,
  due: '2026-10-16',
  assigneeOrgCode: '150402001',
};

describe('the supervision letter (督办函)', () => {
  const data: SupervisionLetterData = {
    ...base,
    asOf: '2026-10-22',
    daysOverdue: 6,
    level: 2,
    reportBy: '2026-10-27',
    previous: [{ level: 1, issuerOrgCode: '150402', number: '红司督〔2026〕1号', issuedOn: '2026-10-19' }],
  };

  it('names the item, target, progress, due date, days overdue, the earlier letters and the report-back deadline', async () => {
    const content = await supervisionLetterTemplate.render(supervisionLetterTemplate.dataSchema.parse(data), renderContext('zh-CN', '赤峰市司法局'));
    expect(plainTitle(content.title)).toBe('关于督办“开展普法宣传活动”逾期未完成事项的函');
    expect(content.recipients).toEqual(['西屯司法所']);
    expect(content.copyTo).toEqual(['红山区司法局']);
    const text = content.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(text).toEqual([
      '根据《2026年10月普法工作计划》（2026年10月）安排，你单位承担的“开展普法宣传活动”事项应于2026年10月16日前完成。该事项目标为12场（统计指标：普法宣传活动），截至2026年10月22日已完成5场，完成率41%，尚差7场。该事项已逾期6天。',
      '此前，红山区司法局于2026年10月19日（红司督〔2026〕1号）已就该事项发出督办函，该事项至今仍未完成。',
      '请你单位高度重视，认真分析逾期原因，采取有效措施抓紧办理，并于2026年10月27日前将办理情况及整改措施书面报送赤峰市司法局。',
      '特此督办。',
    ]);
    expect(content.blocks.find((b) => b.kind === 'table')).toEqual({
      kind: 'table',
      caption: '事项情况',
      columns: ['事项', '目标', '已完成', '截止日期', '逾期天数'],
      rows: [['开展普法宣传活动', '12场', '5场', '2026年10月16日', 6]],
    });
  });

  it('renders in English, and for a manual item says nothing was reported', async () => {
    const manual = { ...data, kind: 'manual' as const, metricTitle: null, unit: null, target: null, progress: null, level: 1, previous: [] };
    const content = await supervisionLetterTemplate.render(supervisionLetterTemplate.dataSchema.parse(manual), renderContext('en', 'Hongshan justice bureau'));
    expect(content.copyTo).toBeUndefined();
    const first = content.blocks[0]!;
    expect(first.kind === 'paragraph' && first.text).toBe(
      'Under the plan "2026年10月普法工作计划" (October 2026), the item "开展普法宣传活动" assigned to your organisation was due by 16 October 2026. By 22 October 2026, your organisation had not reported it done. It is 6 days overdue.',
    );
  });

  it('refuses data a letter cannot be made from', () => {
    const result = supervisionLetterTemplate.dataSchema.safeParse({ ...data, daysOverdue: 0, due: '2026-13-01' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['daysOverdue', 'due']);
  });
});

describe('the reminder letter (提醒函)', () => {
  it('says how many working days are left and how far the item is', async () => {
    const data: ReminderLetterData = { ...base, asOf: '2026-10-14', workingDaysLeft: 2 };
    const content = await reminderLetterTemplate.render(reminderLetterTemplate.dataSchema.parse(data), renderContext('zh-CN', '赤峰市司法局'));
    expect(plainTitle(content.title)).toBe('关于按期完成“开展普法宣传活动”的提醒函');
    expect(content.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '根据《2026年10月普法工作计划》（2026年10月）安排，你单位承担的“开展普法宣传活动”事项将于2026年10月16日到期，距截止还有2个工作日。' },
      { kind: 'paragraph', text: '该事项目标为12场（统计指标：普法宣传活动），截至2026年10月14日已完成5场，完成率41%，尚差7场。' },
    ]);
    const due = await reminderLetterTemplate.render(reminderLetterTemplate.dataSchema.parse({ ...data, asOf: '2026-10-16', workingDaysLeft: 0 }), renderContext('en', 'Chifeng'));
    expect(due.blocks[0]).toEqual({ kind: 'paragraph', text: 'Under the plan "2026年10月普法工作计划" (October 2026), the item "开展普法宣传活动" assigned to your organisation is due today (16 October 2026).' });
  });
});
