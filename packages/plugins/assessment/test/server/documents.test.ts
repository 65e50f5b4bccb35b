/**
 * The assessment's document templates, rendered directly (the platform's document service lays
 * them out, numbers and stores them): the data each validates, the content each produces in
 * Chinese and English, and that the analysis says only what the figures show.
 */
import { describe, expect, it } from 'vitest';
import { composePlugins } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import {
  analysisReportTemplate,
  createAssessmentPlugin,
  periodLabel,
  resultNoticeTemplate,
  statisticsTableTemplate,
  type AnalysisReportData,
  type ResultNoticeData,
  type StatisticsTableData,
} from '../../src/server/index.js';

const t = (zh: string, en: string) => ({ zh, en });
const ctx = (locale: 'zh-CN' | 'en' | 'mn-Mong') => ({ locale, issuerName: '红山区司法局', issuedOn: '2026-12-01', orgName: async (code: string) => code, authorityName: async (code: string) => code });
const standard = { id: '2b1f8f6e-6a51-4a49-9d3f-5d2b1c1f0a11', version: 2, title: t('赤峰市司法所千分制考核标准（2026年度·示范）', 'Chifeng 1000-point standard 2026 (DEMO)'), demo: true };
const parts = [
  { code: 'basic', title: t('基础工作', 'Basic work'), kind: 'regular' as const, max: 150 },
  { code: 'key', title: t('重点工作', 'Key work'), kind: 'regular' as const, max: 850 },
  { code: 'outstanding', title: t('突出表现（加分）', 'Bonus'), kind: 'bonus' as const, max: 50 },
  { code: 'negative', title: t('负面清单', 'Negative list'), kind: 'negative' as const, max: 100 },
];

const notice: ResultNoticeData = {
  period: '2026',
  org: { code: '150402002', name: { zh: '三中街街道司法所', en: 'Sanzhongjie office' } },
  parent: { code: '150402', name: { zh: '红山区', en: 'Hongshan' } },
  standard,
  total: 612.5,
  fullMarks: 1000,
  vetoed: false,
  parts: [
    { ...parts[0]!, points: 120, vetoed: false },
    { ...parts[1]!, points: 0, vetoed: true },
    { ...parts[2]!, points: 25, vetoed: false },
    { ...parts[3]!, points: -60, vetoed: false },
  ],
  rank: { position: 3, of: 15 },
  deductions: [
    { title: t('负面清单事项', 'Negative-list incidents'), criterion: t('每发生 1 起扣 30 分', '30 per incident'), value: 2, points: -60, vetoed: false },
    { title: t('重点工作否决', 'Veto of key work'), criterion: t('2 起及以上重点工作不得分', 'Two or more: key work scores nothing'), value: 2, points: 0, vetoed: true },
  ],
  shortfalls: [{ title: t('人民调解', "People's mediation"), criterion: t('每件 3 分，最高 90 分', '3 each, at most 90'), points: 30, max: 90 }],
};

const rows = [
  { orgCode: '150402001', name: { zh: '西屯街道司法所' }, position: 1, total: 910, vetoed: false, parts: [150, 760, 0, 0] },
  { orgCode: '150402003', name: { zh: '永巨街道司法所' }, position: 2, total: 700, vetoed: false, parts: [100, 600, 0, 0] },
  { orgCode: '150402002', name: { zh: '三中街街道司法所' }, position: 3, total: 612.5, vetoed: false, parts: [120, 527.5, 25, -60] },
  { orgCode: '150402004', name: { zh: '站前街道司法所' }, position: 4, total: 400, vetoed: false, parts: [50, 350, 0, 0] },
  { orgCode: '150402005', name: { zh: '铁南街道司法所' }, position: 5, total: 0, vetoed: true, parts: [80, 300, 0, -30] },
];
const table: StatisticsTableData = { period: '2026', parent: { code: '150402', name: { zh: '红山区', en: 'Hongshan' } }, standard, fullMarks: 1000, parts, rows };
const analysis: AnalysisReportData = { ...table, previousPeriod: '2025', previous: { '150402001': 850, '150402003': 760, '150402002': 500 } };

const blocksText = (content: { title: string; blocks: { kind: string }[] }) => JSON.stringify(content);

describe('assessment.result-notice', () => {
  it('validates its data and renders the total, parts, rank, deductions with criteria and the items that lost most', async () => {
    expect(resultNoticeTemplate).toMatchObject({ code: 'assessment.result-notice', slot: 'assessment-notice' });
    const data = resultNoticeTemplate.dataSchema.parse(notice);
    const content = await resultNoticeTemplate.render(data, ctx('zh-CN'));
    expect(content.title.replaceAll('\u200B', '')).toBe('关于三中街街道司法所2026年度考核结果的通知');
    expect(content.recipients).toEqual(['三中街街道司法所']);
    expect(content.blocks[0]).toEqual({ kind: 'paragraph', text: '根据《赤峰市司法所千分制考核标准（2026年度·示范）》（第 2 版），经系统依据工作日志和业务记录计算，你单位2026年度考核结果通知如下。' });
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '考核总分 612.5 分（满分 1000 分），在红山区所属 15 个单位中排名第 3 位。' });
    expect(content.blocks).toContainEqual({
      kind: 'table',
      caption: '各部分得分',
      columns: ['考核部分', '得分', '分值'],
      rows: [
        ['基础工作', '120', '150'],
        ['重点工作（否决）', '0', '850'],
        ['突出表现（加分）', '25', '50'],
        ['负面清单', '-60', '-100'],
      ],
    });
    expect(content.blocks).toContainEqual({
      kind: 'list',
      items: ['负面清单事项：记录 2，扣 60 分（每发生 1 起扣 30 分）', '重点工作否决：记录 2，触发否决（2 起及以上重点工作不得分）'],
    });
    expect(content.blocks).toContainEqual({ kind: 'list', items: ['人民调解：得 30 分，满分 90 分（每件 3 分，最高 90 分）'] });
    expect(content.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '（本文书依据示范考核标准生成，仅供演示，不作为正式考核结果。）' });
  });

  it('says so when the total was vetoed, and renders in English', async () => {
    const vetoed = await resultNoticeTemplate.render({ ...notice, vetoed: true, total: 0, rank: null }, ctx('zh-CN'));
    expect(blocksText(vetoed)).toContain('考核总分 0 分（满分 1000 分）。因触发负面清单一票否决，考核总分计为零分。');
    const en = await resultNoticeTemplate.render(notice, ctx('en'));
    expect(en.title).toBe('Notice of the assessment result of Sanzhongjie office for Year 2026');
    expect(en.blocks).toContainEqual({ kind: 'paragraph', text: 'Total: 612.5 points (full marks 1000), ranked 3 of 15 units under Hongshan.' });
  });

  it('refuses data that is not a result (a period that is not one, no parts)', () => {
    expect(resultNoticeTemplate.dataSchema.safeParse({ ...notice, period: '2026-13' }).success).toBe(false);
    expect(resultNoticeTemplate.dataSchema.safeParse({ ...notice, parts: undefined }).success).toBe(false);
  });
});

describe('assessment.statistics-table', () => {
  it('lists every child with its rank, parts and total', async () => {
    const content = await statisticsTableTemplate.render(statisticsTableTemplate.dataSchema.parse(table), ctx('zh-CN'));
    expect(content.title).toBe('红山区2026年度考核得分统计表');
    const tableBlock = content.blocks.find((b) => b.kind === 'table');
    expect(tableBlock).toEqual({
      kind: 'table',
      caption: '红山区所属单位2026年度考核得分',
      columns: ['名次', '单位', '基础工作（150）', '重点工作（850）', '突出表现（加分）（50）', '负面清单（-100）', '总分（1000）'],
      rows: [
        [1, '西屯街道司法所', '150', '760', '0', '0', '910'],
        [2, '永巨街道司法所', '100', '600', '0', '0', '700'],
        [3, '三中街街道司法所', '120', '527.5', '25', '-60', '612.5'],
        [4, '站前街道司法所', '50', '350', '0', '0', '400'],
        [5, '铁南街道司法所（否决）', '80', '300', '0', '-30', '0'],
      ],
    });
  });
});

describe('assessment.analysis-report', () => {
  it('states only what the figures show: spread, bands, top and bottom, changes, weakest part, deductions', async () => {
    const content = await analysisReportTemplate.render(analysisReportTemplate.dataSchema.parse(analysis), ctx('zh-CN'));
    expect(content.title).toBe('红山区2026年度考核情况分析报告');
    const paragraphs = content.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    const lists = content.blocks.filter((b) => b.kind === 'list').map((b) => (b as { items: string[] }).items);
    // (910 + 700 + 612.5 + 400 + 0) / 5 = 524.5
    expect(paragraphs).toContain('2026年度红山区所属 5 个单位参加考核，平均得分 524.5 分（满分 1000 分）；最高 910 分（西屯街道司法所），最低 0 分（铁南街道司法所），相差 910 分。');
    expect(paragraphs).toContain('得分率 90% 及以上的 1 个，80%—90% 的 0 个，60%—80% 的 2 个，60% 以下的 2 个。');
    expect(lists).toContainEqual(['第 1 名：西屯街道司法所，910 分', '第 2 名：永巨街道司法所，700 分']);
    expect(lists).toContainEqual(['第 4 名：站前街道司法所，400 分', '第 5 名：铁南街道司法所，0 分']);
    // Changes: 西屯 +60, 永巨 −60, 三中街 +112.5 → average +37.5.
    expect(paragraphs).toContain('3 个单位两期均有得分，平均变化 +37.5 分。');
    expect(lists).toContainEqual(['提升最多：三中街街道司法所，+112.5 分', '提升最多：西屯街道司法所，+60 分']);
    expect(lists).toContainEqual(['下降最多：永巨街道司法所，-60 分']);
    // Basic: (150 + 100 + 120 + 50 + 80) / 5 = 100 of 150 → 66.7 %; key: 507.5 of 850 → 59.7 %.
    expect(lists).toContainEqual(['基础工作：平均 100 分，满分 150 分，得分率 66.7%', '重点工作：平均 507.5 分，满分 850 分，得分率 59.7%']);
    expect(paragraphs).toContain('得分率最低的是重点工作（59.7%）。');
    expect(paragraphs).toContain('获得加分的单位 1 个；因负面清单被扣分的 2 个；被一票否决的 1 个。');
    expect(content.attachments).toEqual(['考核得分统计表']);
  });

  it('says when there is nothing to compare with', async () => {
    const content = await analysisReportTemplate.render({ ...analysis, previous: {} }, ctx('en'));
    expect(JSON.stringify(content)).toContain('No unit has a score for the previous period to compare with.');
  });

  it('labels periods of every kind', () => {
    expect([periodLabel('2026', 'zh'), periodLabel('2026-Q3', 'zh'), periodLabel('2026-07', 'zh')]).toEqual(['2026年度', '2026年第三季度', '2026年7月']);
    expect([periodLabel('2026', 'en'), periodLabel('2026-Q3', 'en'), periodLabel('2026-07', 'en')]).toEqual(['Year 2026', 'Q3 2026', 'July 2026']);
  });
});

describe('the plugin contract', () => {
  it('composes with the diary: templates listed in the manifest, the indicator declared', () => {
    const composition = composePlugins([createDiaryPlugin(), createAssessmentPlugin()]);
    expect([...composition.documentTemplates.keys()].filter((c) => c.startsWith('assessment.'))).toEqual([
      'assessment.result-notice',
      'assessment.statistics-table',
      'assessment.analysis-report',
    ]);
    expect([...composition.indicators.keys()]).toEqual(['assessment.total-score']);
    expect(composition.permissionsByRole.get('office_staff')?.has('assessment.manage')).toBe(false);
    expect(composition.permissionsByRole.get('county_admin')?.has('assessment.manage')).toBe(true);
  });
});
