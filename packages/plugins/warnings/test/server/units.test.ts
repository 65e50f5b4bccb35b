/**
 * The warnings plugin's pure parts, without a server: the document templates' render output and
 * data validation, the lifecycle state machine, the rule schemas, and the diary reader's paging
 * over the facts API (a fake that pages small shows every path: full pages, a day spanning pages,
 * a day larger than a page).
 */
import { describe, expect, it } from 'vitest';
import { titleBreak, type DocumentContent, type DocumentRenderContext } from '@sifa/core';
import { adviceLetter, assignmentSlip, feedbackSlip, rectificationNotice, warningSlip, type WarningRef } from '../../src/server/index.js';
import { diaryDays } from '../../src/server/evaluators.js';
import { allowedActions, nextState, transitions, warningRuleParamsSchema, warningRuleInputSchema, warningStates } from '../../src/index.js';
import { warningsManifest } from '../../src/index.js';

// As the platform answers: `orgName` is the division's name (红山区), `authorityName` its justice authority's.
const names: Record<string, { zh: string; en: string }> = {
  '150402': { zh: '红山区', en: 'Hongshan District' },
  '150402001': { zh: '西屯司法所', en: 'Xitun Judicial Office' },
  '150402002': { zh: '三中街司法所', en: 'Sanzhongjie Judicial Office' },
};
const authorities: Record<string, { zh: string; en: string }> = {
  ...names,
  '150402': { zh: '红山区司法局', en: 'Hongshan District Justice Bureau' },
};
const ctxFor = (locale: 'zh-CN' | 'en' | 'mn-Mong'): DocumentRenderContext => ({
  locale,
  issuerName: locale === 'en' ? authorities['150402']!.en : authorities['150402']!.zh,
  issuedOn: '2026-06-24',
  orgName: async (code) => (locale === 'en' ? names[code]!.en : names[code]!.zh),
  authorityName: async (code) => (locale === 'en' ? authorities[code]!.en : authorities[code]!.zh),
});
/** A title as printed, and the places it may break (its `titleBreak` marks). */
const plain = (title: string) => title.split(titleBreak).join('');
const breaksOf = (title: string) => title.split(titleBreak);

const ref: WarningRef = {
  id: '0b0f7d3e-8f5a-4c62-9d43-0d6e1c2b7a11',
  title: { zh: '工作日志缺报', en: 'Diary days missing' },
  summary: { zh: '最近5个工作日中有3天没有填写工作日志，超过允许的2天。', en: '3 of the last 5 working days have no diary entry; 2 tolerated.' },
  severity: 'warning',
  orgCode: '150402001',
  managerOrgCode: '150402',
  raisedOn: '2026-06-24',
  details: [
    { zh: '2026-06-17', en: '2026-06-17' },
    { zh: '2026-06-18', en: '2026-06-18' },
  ],
};

const tableOf = (content: DocumentContent) => content.blocks.find((b) => b.kind === 'table') as Extract<DocumentContent['blocks'][number], { kind: 'table' }>;
const textOf = (content: DocumentContent) =>
  content.blocks
    .map((b) =>
      b.kind === 'table'
        ? b.rows.flat().join(' ')
        : b.kind === 'list'
          ? b.items.join(' ')
          : b.kind === 'fields'
            ? b.rows.map((r) => `${r.label} ${r.value}`).join(' ')
            : b.kind === 'signatures'
              ? b.lines.map((l) => l.label).join(' ')
              : b.text,
    )
    .join('\n');

/** What the platform's content check enforces (server/src/documents/content.ts). */
function withinPlatformLimits(content: DocumentContent): void {
  expect(content.title.length).toBeLessThanOrEqual(200);
  for (const block of content.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        expect(row).toHaveLength(block.columns.length);
        for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(500);
      }
    }
    if (block.kind === 'list') expect(block.items.length).toBeGreaterThan(0);
    if (block.kind === 'paragraph' || block.kind === 'heading') expect(block.text.trim()).not.toBe('');
  }
}

describe('document templates', () => {
  it('D11: 整改通知书 and 工作建议书 name their addressee once (the 主送机关 line), not again as a greeting', async () => {
    const notice = await rectificationNotice.render(rectificationNotice.dataSchema.parse({ warning: ref, requirements: ['补填日志'], respondBy: '2026-07-08' }), ctxFor('zh-CN'));
    const advice = await adviceLetter.render(adviceLetter.dataSchema.parse({ warning: ref, advice: '建议建立日志每日提醒。' }), ctxFor('zh-CN'));
    for (const content of [notice, advice]) {
      expect(content.recipients).toEqual(['西屯司法所']);
      // The platform prints the recipients as "西屯司法所：" above the body; the body does not repeat it.
      expect(textOf(content)).not.toContain('西屯司法所：');
      expect(content.blocks.filter((b) => b.kind === 'paragraph' && /^西屯司法所[：:]/.test(b.text))).toEqual([]);
    }
  });

  it('D11: the 反馈单 is addressed to the managing bureau (红山区司法局), not to the division (红山区)', async () => {
    const data = feedbackSlip.dataSchema.parse({ warning: ref, text: '已补填。', measures: [], respondedBy: '李四', respondedOn: '2026-06-26' });
    expect((await feedbackSlip.render(data, ctxFor('zh-CN'))).recipients).toEqual(['红山区司法局']);
    const assigned = await assignmentSlip.render(assignmentSlip.dataSchema.parse({ warning: ref, assignee: { orgCode: '150402' }, task: '核实。', respondBy: '2026-07-01' }), ctxFor('zh-CN'));
    expect(assigned.recipients).toEqual(['红山区司法局']);
  });

  it('D11: titles mark where they may break, between words only (关于…司法所 / the matter / the kind)', async () => {
    const notice = await rectificationNotice.render(rectificationNotice.dataSchema.parse({ warning: ref, requirements: ['补填日志'], respondBy: '2026-07-08' }), ctxFor('zh-CN'));
    expect(breaksOf(notice.title)).toEqual(['关于西屯司法所', '工作日志缺报', '的整改通知书']);
    const feedback = await feedbackSlip.render(feedbackSlip.dataSchema.parse({ warning: ref, text: '已补填。', measures: [], respondedBy: '李四', respondedOn: '2026-06-26' }), ctxFor('zh-CN'));
    expect(breaksOf(feedback.title)).toEqual(['关于工作日志缺报', '预警的反馈单']);
    // The English text is not marked.
    expect((await rectificationNotice.render(rectificationNotice.dataSchema.parse({ warning: ref, requirements: ['x'], respondBy: '2026-07-08' }), ctxFor('en'))).title).not.toContain(titleBreak);
  });

  it('预警单: addressed to the warned office, with the finding, the particulars, the requirement and the deadline', async () => {
    const data = warningSlip.dataSchema.parse({ warning: ref, requirement: '立即补填缺报日志并说明原因。', respondBy: '2026-07-08' });
    const content = await warningSlip.render(data, ctxFor('zh-CN'));
    expect(warningSlip).toMatchObject({ code: 'warnings.warning-slip', slot: 'warning-slip' });
    expect(plain(content.title)).toBe('关于西屯司法所工作日志缺报的预警单');
    expect(content.recipients).toEqual(['西屯司法所']);
    const table = tableOf(content);
    expect(table.columns).toEqual(['项目', '内容']);
    expect(table.rows).toEqual([
      ['预警事项', '工作日志缺报'],
      ['预警等级', '预警'],
      ['被预警单位', '西屯司法所'],
      ['预警情况', ref.summary.zh],
      ['发现日期', '2026-06-24'],
      ['反馈期限', '2026-07-08'],
    ]);
    expect(content.blocks).toContainEqual({ kind: 'list', items: ['2026-06-17', '2026-06-18'] });
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '立即补填缺报日志并说明原因。' });
    expect(textOf(content)).toContain('于2026-07-08前将核查整改情况书面反馈红山区司法局');
    withinPlatformLimits(content);

    const en = await warningSlip.render(data, ctxFor('en'));
    expect(en.title).toBe('Warning slip: Diary days missing (Xitun Judicial Office)');
    expect(tableOf(en).rows[1]).toEqual(['Severity', 'Warning']);
    // Mongolian falls back to the Chinese words (no reviewed translation yet), never to English.
    expect((await warningSlip.render(data, ctxFor('mn-Mong'))).title).toBe(content.title);
  });

  it('预警单 data is validated: a missing requirement, a bad date or a bad severity are refused', () => {
    expect(warningSlip.dataSchema.safeParse({ warning: ref, requirement: '  ', respondBy: '2026-07-08' }).success).toBe(false);
    expect(warningSlip.dataSchema.safeParse({ warning: ref, requirement: '补填', respondBy: '2026-7-8' }).success).toBe(false);
    expect(warningSlip.dataSchema.safeParse({ warning: { ...ref, severity: 'fatal' }, requirement: '补填', respondBy: '2026-07-08' }).success).toBe(false);
    expect(warningSlip.dataSchema.safeParse({ warning: { ...ref, details: Array.from({ length: 61 }, () => ({ zh: 'x', en: 'x' })) }, requirement: '补填', respondBy: '2026-07-08' }).success).toBe(false);
  });

  it('整改通知书: numbered requirements and the basis', async () => {
    const data = rectificationNotice.dataSchema.parse({ warning: ref, requirements: ['补填日志', '建立日志检查制度'], basis: '《全国司法所工作规范》', respondBy: '2026-07-08' });
    const content = await rectificationNotice.render(data, ctxFor('zh-CN'));
    expect(plain(content.title)).toBe('关于西屯司法所工作日志缺报的整改通知书');
    expect(content.recipients).toEqual(['西屯司法所']);
    expect(content.blocks).toContainEqual({ kind: 'list', items: ['1. 补填日志', '2. 建立日志检查制度'] });
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '依据：《全国司法所工作规范》' });
    expect(textOf(content)).toContain('于2026-07-08前将整改情况书面报送红山区司法局');
    expect(rectificationNotice.dataSchema.safeParse({ warning: ref, requirements: [], respondBy: '2026-07-08' }).success).toBe(false);
    withinPlatformLimits(content);
  });

  it('交办单: to the assignee, naming the person responsible and the task', async () => {
    const data = assignmentSlip.dataSchema.parse({ warning: ref, assignee: { orgCode: '150402001', person: '张三' }, task: '核实缺报原因并补填。', respondBy: '2026-07-01' });
    const content = await assignmentSlip.render(data, ctxFor('zh-CN'));
    expect(plain(content.title)).toBe('关于西屯司法所工作日志缺报的交办单');
    expect(content.recipients).toEqual(['西屯司法所']);
    expect(tableOf(content).rows).toContainEqual(['承办单位', '西屯司法所']);
    expect(tableOf(content).rows).toContainEqual(['责任人', '张三']);
    expect(tableOf(content).rows).toContainEqual(['反馈期限', '2026-07-01']);
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '核实缺报原因并补填。' });
    // Without a person: no empty row.
    const nobody = await assignmentSlip.render(assignmentSlip.dataSchema.parse({ ...data, assignee: { orgCode: '150402001' } }), ctxFor('zh-CN'));
    expect(tableOf(nobody).rows.map((r) => r[0])).not.toContain('责任人');
    withinPlatformLimits(content);
  });

  it('反馈单: to the manager, the feedback in paragraphs, the measures listed', async () => {
    const data = feedbackSlip.dataSchema.parse({ warning: ref, text: '经核查，系值班人员休假所致。\n已补填全部日志。', measures: ['指定 AB 岗'], respondedBy: '李四', respondedOn: '2026-06-26' });
    const content = await feedbackSlip.render(data, ctxFor('zh-CN'));
    expect(plain(content.title)).toBe('关于工作日志缺报预警的反馈单');
    expect(content.recipients).toEqual(['红山区司法局']);
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '经核查，系值班人员休假所致。' });
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '已补填全部日志。' });
    expect(content.blocks).toContainEqual({ kind: 'list', items: ['指定 AB 岗'] });
    expect(tableOf(content).rows).toContainEqual(['反馈人', '李四']);
    const noMeasures = await feedbackSlip.render(feedbackSlip.dataSchema.parse({ ...data, measures: [] }), ctxFor('zh-CN'));
    expect(noMeasures.blocks.some((b) => b.kind === 'list' && b.items.includes('指定 AB 岗'))).toBe(false);
    withinPlatformLimits(content);
  });

  it('工作建议书: the advice, and the feedback it answers as an annex', async () => {
    const data = adviceLetter.dataSchema.parse({ warning: ref, advice: '建议建立日志每日提醒。', feedback: '已补填全部日志。' });
    const content = await adviceLetter.render(data, ctxFor('zh-CN'));
    expect(plain(content.title)).toBe('关于西屯司法所工作日志缺报的工作建议书');
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '建议建立日志每日提醒。' });
    expect(content.blocks).toContainEqual({ kind: 'heading', level: 1, text: '附：反馈情况' });
    expect(adviceLetter.dataSchema.safeParse({ warning: ref, advice: '' }).success).toBe(false);
    withinPlatformLimits(content);
  });

  it('cuts overlong user text to the platform limits instead of failing the document', async () => {
    const long = { ...ref, title: { zh: '很'.repeat(190), en: 'x'.repeat(190) }, summary: { zh: '长'.repeat(900), en: 'y'.repeat(900) } };
    const content = await warningSlip.render(warningSlip.dataSchema.parse({ warning: long, requirement: '补填', respondBy: '2026-07-08' }), ctxFor('zh-CN'));
    withinPlatformLimits(content);
    expect(content.title.endsWith('…')).toBe(true);
  });

  it('every template the manifest lists exists with its catalogue slot', () => {
    const templates = [warningSlip, assignmentSlip, feedbackSlip, rectificationNotice, adviceLetter];
    expect(warningsManifest.contributes.documentTemplates.map((t) => t.code).sort()).toEqual(templates.map((t) => t.code).sort());
    for (const t of templates) expect(t.slot).toBe(t.code.slice('warnings.'.length));
  });
});

describe('the lifecycle state machine', () => {
  it('allows exactly the documented steps', () => {
    expect(Object.fromEntries(warningStates.map((s) => [s, allowedActions(s)]))).toEqual({
      raised: ['notice', 'close'],
      'notice-issued': ['assign', 'respond', 'close'],
      assigned: ['assign', 'respond', 'close'],
      'feedback-received': ['assign', 'close'],
      escalated: ['notice', 'assign', 'respond', 'close'],
      closed: [],
    });
    expect(nextState('raised', 'notice')).toBe('notice-issued');
    expect(nextState('raised', 'respond')).toBeNull();
    expect(nextState('closed', 'close')).toBeNull();
    // Every target is a state; closed is reachable from every open state.
    for (const s of warningStates) for (const next of Object.values(transitions[s])) expect(warningStates).toContain(next);
    for (const s of warningStates.filter((x) => x !== 'closed')) expect(nextState(s, 'close')).toBe('closed');
  });
});

describe('rule schemas', () => {
  it('accept every kind with its parameters and refuse what does not fit', () => {
    const good = [
      { kind: 'metric-threshold', metric: 'diary.entries', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 3 },
      { kind: 'metric-drop', metric: 'diary.entries', period: 'quarter', dropPercent: 30, minPrevious: 10 },
      { kind: 'diary-missing', windowWorkingDays: 10, toleratedDays: 2 },
      { kind: 'plan-overdue', source: 'plans.items', graceDays: 0, lookbackDays: 90 },
      { kind: 'score-below', indicator: 'assessment.total-score', period: 'year', periodOf: 'current', threshold: 600 },
      { kind: 'deadline-approaching', sources: [], withinWorkingDays: 3, lookbackDays: 30 },
    ];
    for (const p of good) expect(warningRuleParamsSchema.safeParse(p).success, p.kind).toBe(true);
    const bad: [unknown, string][] = [
      [{ kind: 'metric-threshold', metric: 'Diary', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 3 }, 'metric'],
      [{ kind: 'metric-threshold', metric: 'diary.entries', period: 'week', periodOf: 'completed', comparison: 'below', threshold: 3 }, 'period'],
      [{ kind: 'metric-drop', metric: 'diary.entries', period: 'month', dropPercent: 0, minPrevious: 1 }, 'dropPercent'],
      [{ kind: 'diary-missing', windowWorkingDays: 5, toleratedDays: 5 }, 'toleratedDays'],
      [{ kind: 'diary-missing', windowWorkingDays: 61, toleratedDays: 0 }, 'windowWorkingDays'],
      [{ kind: 'plan-overdue', source: 'plans', graceDays: 0, lookbackDays: 90 }, 'source'],
      [{ kind: 'score-below', indicator: 'assessment.total-score', period: 'year', periodOf: 'current', threshold: -1 }, 'threshold'],
      [{ kind: 'deadline-approaching', sources: ['a.b'], withinWorkingDays: 3.5, lookbackDays: 30 }, 'withinWorkingDays'],
      [{ kind: 'nope' }, 'kind'],
    ];
    for (const [p, path] of bad) {
      const result = warningRuleParamsSchema.safeParse(p);
      expect(result.success, path).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
    }
    const rule = warningRuleInputSchema.safeParse({ title: { zh: '标', en: 't' }, targetLevel: 'village', severity: 'loud', params: good[0] });
    expect(rule.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['severity', 'targetLevel']);
  });
});
