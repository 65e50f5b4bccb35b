/**
 * The assessment's official documents, rendered by the platform's document service from these
 * templates (GB/T 9704 layout, numbering and storage are the platform's):
 * - `assessment.result-notice` (slot assessment-notice, 考核结果通知书): one org's result for a
 *   period: total, parts, rank, deductions and vetoes with their criteria, the items that lost most;
 * - `assessment.statistics-table` (slot statistics-table, 统计表): the scores of all children;
 * - `assessment.analysis-report` (slot analysis-report, 分析报告): a factual analysis generated
 *   from the figures only: spread, top and bottom, biggest changes against the previous period,
 *   the weakest parts, deductions and vetoes.
 *
 * Each template's data is a snapshot of computed figures (validated by its schema and stored
 * with the document), so an issued document never changes when facts change later. Text is
 * Chinese (English for the en locale); a Mongolian half falls back to Chinese until reviewed
 * translations of these official texts exist.
 */
import { z } from 'zod';
import {
  defineDocumentTemplate,
  localizedTextSchema,
  pickText,
  titleBreak,
  type DocumentBlock,
  type DocumentContent,
  type DocumentRenderContext,
  type LocalizedText,
  type Locale,
} from '@sifa/core';

const nameSchema = z.object({ zh: z.string().min(1), en: z.string().optional(), mn: z.string().optional() });
const orgSchema = z.object({ code: z.string(), name: nameSchema });
const standardSchema = z.object({ id: z.string(), version: z.number().int(), title: localizedTextSchema, demo: z.boolean() });
const partSchema = z.object({
  code: z.string(),
  title: localizedTextSchema,
  kind: z.enum(['regular', 'bonus', 'negative']),
  points: z.number(),
  max: z.number(),
  vetoed: z.boolean(),
});
const periodSchemaLoose = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/);

export const resultNoticeDataSchema = z.object({
  period: periodSchemaLoose,
  org: orgSchema,
  parent: orgSchema.nullable(),
  standard: standardSchema,
  total: z.number(),
  fullMarks: z.number(),
  vetoed: z.boolean(),
  parts: z.array(partSchema),
  rank: z.object({ position: z.number().int(), of: z.number().int() }).nullable(),
  /** Deductions and vetoes that apply, with the criterion behind each. */
  deductions: z.array(z.object({ title: localizedTextSchema, criterion: localizedTextSchema, value: z.number(), points: z.number(), vetoed: z.boolean() })),
  /** The items that lost the most points (at most five). */
  shortfalls: z.array(z.object({ title: localizedTextSchema, criterion: localizedTextSchema, points: z.number(), max: z.number() })),
});
export type ResultNoticeData = z.infer<typeof resultNoticeDataSchema>;

const partHeadSchema = z.object({ code: z.string(), title: localizedTextSchema, kind: z.enum(['regular', 'bonus', 'negative']), max: z.number() });
const rowSchema = z.object({
  orgCode: z.string(),
  name: nameSchema,
  position: z.number().int(),
  total: z.number(),
  vetoed: z.boolean(),
  /** Points per part, in the order of `parts`. */
  parts: z.array(z.number()),
});

export const statisticsTableDataSchema = z.object({
  period: periodSchemaLoose,
  parent: orgSchema,
  standard: standardSchema,
  fullMarks: z.number(),
  parts: z.array(partHeadSchema),
  rows: z.array(rowSchema),
});
export type StatisticsTableData = z.infer<typeof statisticsTableDataSchema>;

export const analysisReportDataSchema = statisticsTableDataSchema.extend({
  previousPeriod: periodSchemaLoose,
  /** Totals of the previous period by org code (orgs without one are left out). */
  previous: z.record(z.string(), z.number()),
});
export type AnalysisReportData = z.infer<typeof analysisReportDataSchema>;

type Lang = 'zh' | 'en';
const langOf = (locale: Locale): Lang => (locale === 'en' ? 'en' : 'zh');
const text = (t: LocalizedText, lang: Lang) => pickText(t, lang === 'en' ? 'en' : 'zh-CN');
const nameIn = (name: { zh: string; en?: string | undefined }, lang: Lang) => (lang === 'en' ? (name.en ?? name.zh) : name.zh);
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));
const quarterZh = ['一', '二', '三', '四'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026年度 / 2026年第三季度 / 2026年7月 (Year 2026 / Q3 2026 / July 2026). */
export function periodLabel(period: string, lang: Lang): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return lang === 'en' ? `Year ${year}` : `${year}年度`;
  if (period.includes('Q')) {
    const q = Number(period.slice(6));
    return lang === 'en' ? `Q${q} ${year}` : `${year}年第${quarterZh[q - 1]}季度`;
  }
  const m = Number(period.slice(5));
  return lang === 'en' ? `${monthsEn[m - 1]} ${year}` : `${year}年${m}月`;
}

const demoNote = (lang: Lang): DocumentBlock => ({
  kind: 'paragraph',
  text: lang === 'en' ? '(Generated under a DEMO standard, for demonstration only; not an official result.)' : '（本文书依据示范考核标准生成，仅供演示，不作为正式考核结果。）',
});

function standardLine(standard: ResultNoticeData['standard'], lang: Lang): string {
  return lang === 'en' ? `“${text(standard.title, lang)}” (version ${standard.version})` : `《${text(standard.title, lang)}》（第 ${standard.version} 版）`;
}

function partLabel(p: { title: LocalizedText; kind: string }, lang: Lang) {
  return text(p.title, lang);
}

export function renderResultNotice(data: ResultNoticeData, ctx: Pick<DocumentRenderContext, 'locale' | 'issuerName'>): DocumentContent {
  const lang = langOf(ctx.locale);
  const org = nameIn(data.org.name, lang);
  const when = periodLabel(data.period, lang);
  const blocks: DocumentBlock[] = [];
  if (lang === 'en') {
    blocks.push({ kind: 'paragraph', text: `Under ${standardLine(data.standard, lang)}, computed from the work diary and business records, your assessment result for ${when} is as follows.` });
    const rank = data.rank && data.parent ? `, ranked ${data.rank.position} of ${data.rank.of} units under ${nameIn(data.parent.name, lang)}` : '';
    blocks.push({ kind: 'heading', level: 1, text: '1. Total' });
    blocks.push({ kind: 'paragraph', text: `Total: ${num(data.total)} points (full marks ${num(data.fullMarks)})${rank}.${data.vetoed ? ' The total is zero by a veto of the negative list.' : ''}` });
  } else {
    blocks.push({ kind: 'paragraph', text: `根据${standardLine(data.standard, lang)}，经系统依据工作日志和业务记录计算，你单位${when}考核结果通知如下。` });
    const rank = data.rank && data.parent ? `，在${nameIn(data.parent.name, lang)}所属 ${data.rank.of} 个单位中排名第 ${data.rank.position} 位` : '';
    blocks.push({ kind: 'heading', level: 1, text: '一、考核总分' });
    blocks.push({ kind: 'paragraph', text: `考核总分 ${num(data.total)} 分（满分 ${num(data.fullMarks)} 分）${rank}。${data.vetoed ? '因触发负面清单一票否决，考核总分计为零分。' : ''}` });
  }
  blocks.push({
    kind: 'table',
    caption: lang === 'en' ? 'Points by part' : '各部分得分',
    columns: lang === 'en' ? ['Part', 'Points', 'Of'] : ['考核部分', '得分', '分值'],
    rows: data.parts.map((p) => [partLabel(p, lang) + (p.vetoed ? (lang === 'en' ? ' (vetoed)' : '（否决）') : ''), num(p.points), p.kind === 'negative' ? `-${num(p.max)}` : num(p.max)]),
  });
  blocks.push({ kind: 'heading', level: 1, text: lang === 'en' ? '2. Deductions and vetoes' : '二、扣分及否决事项' });
  if (data.deductions.length === 0) blocks.push({ kind: 'paragraph', text: lang === 'en' ? 'None.' : '无。' });
  else
    blocks.push({
      kind: 'list',
      items: data.deductions.map((d) =>
        lang === 'en'
          ? `${text(d.title, lang)}: recorded ${num(d.value)}; ${d.vetoed ? 'veto applies' : `${num(-d.points)} points deducted`} (${text(d.criterion, lang)})`
          : `${text(d.title, lang)}：记录 ${num(d.value)}，${d.vetoed ? '触发否决' : `扣 ${num(-d.points)} 分`}（${text(d.criterion, lang)}）`,
      ),
    });
  blocks.push({ kind: 'heading', level: 1, text: lang === 'en' ? '3. Items that lost most points' : '三、主要失分项目' });
  if (data.shortfalls.length === 0) blocks.push({ kind: 'paragraph', text: lang === 'en' ? 'None: every item earned its full points.' : '无，各考核项均得满分。' });
  else
    blocks.push({
      kind: 'list',
      items: data.shortfalls.map((s) =>
        lang === 'en'
          ? `${text(s.title, lang)}: ${num(s.points)} of ${num(s.max)} (${text(s.criterion, lang)})`
          : `${text(s.title, lang)}：得 ${num(s.points)} 分，满分 ${num(s.max)} 分（${text(s.criterion, lang)}）`,
      ),
    });
  blocks.push({
    kind: 'paragraph',
    text:
      lang === 'en'
        ? 'Please look into the causes of the points lost and follow up. Every figure can be traced in the system to the diary entries and records behind it.'
        : '请对照失分项目查找原因，抓好整改落实。各项得分所依据的工作日志和业务记录可在系统中逐项查看。',
  });
  if (data.standard.demo) blocks.push(demoNote(lang));
  return {
    title: lang === 'en' ? `Notice of the assessment result of ${org} for ${when}` : `关于${org}${titleBreak}${when}${titleBreak}考核结果的通知`,
    recipients: [org],
    blocks,
  };
}

function statisticsTable(data: StatisticsTableData, lang: Lang): DocumentBlock {
  return {
    kind: 'table',
    caption: lang === 'en' ? `Scores of the units under ${nameIn(data.parent.name, lang)}, ${periodLabel(data.period, lang)}` : `${nameIn(data.parent.name, lang)}所属单位${periodLabel(data.period, lang)}考核得分`,
    columns: [lang === 'en' ? 'Rank' : '名次', lang === 'en' ? 'Unit' : '单位', ...data.parts.map((p) => `${text(p.title, lang)}（${p.kind === 'negative' ? '-' : ''}${num(p.max)}）`), lang === 'en' ? `Total (${num(data.fullMarks)})` : `总分（${num(data.fullMarks)}）`],
    rows: data.rows.map((r) => [r.position, nameIn(r.name, lang) + (r.vetoed ? (lang === 'en' ? ' (vetoed)' : '（否决）') : ''), ...r.parts.map(num), num(r.total)]),
  };
}

export function renderStatisticsTable(data: StatisticsTableData, ctx: Pick<DocumentRenderContext, 'locale'>): DocumentContent {
  const lang = langOf(ctx.locale);
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text:
        lang === 'en'
          ? `Computed under ${standardLine(data.standard, lang)} from the work diary and business records; units with equal totals share a rank.`
          : `依据${standardLine(data.standard, lang)}，由工作日志和业务记录计算；总分相同的单位名次并列。`,
    },
    statisticsTable(data, lang),
  ];
  if (data.standard.demo) blocks.push(demoNote(lang));
  return {
    title: lang === 'en' ? `Assessment statistics, ${nameIn(data.parent.name, lang)}, ${periodLabel(data.period, lang)}` : `${nameIn(data.parent.name, lang)}${periodLabel(data.period, lang)}考核得分统计表`,
    blocks,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The analysis, every sentence from the figures in `data`. */
export function renderAnalysisReport(data: AnalysisReportData, ctx: Pick<DocumentRenderContext, 'locale'>): DocumentContent {
  const lang = langOf(ctx.locale);
  const en = lang === 'en';
  const parent = nameIn(data.parent.name, lang);
  const when = periodLabel(data.period, lang);
  const rows = data.rows;
  const blocks: DocumentBlock[] = [];
  const n = rows.length;
  const list = (items: string[]) => blocks.push({ kind: 'list', items });
  const para = (t: string) => blocks.push({ kind: 'paragraph', text: t });
  const head = (t: string) => blocks.push({ kind: 'heading', level: 1, text: t });
  const unit = (r: (typeof rows)[number]) => nameIn(r.name, lang);

  head(en ? '1. Overview' : '一、总体情况');
  if (n === 0) {
    para(en ? `No unit under ${parent} could be scored for ${when}.` : `${when}${parent}所属单位均无考核得分。`);
  } else {
    const totals = rows.map((r) => r.total);
    const avg = round1(totals.reduce((s, v) => s + v, 0) / n);
    const best = rows[0]!;
    const worst = rows[n - 1]!;
    const bands = [0.9, 0.8, 0.6].map((f) => f * data.fullMarks);
    const inBand = (lo: number, hi: number) => totals.filter((t) => t >= lo && t < hi).length;
    para(
      en
        ? `${n} units under ${parent} were assessed for ${when}. Average ${num(avg)} points (full marks ${num(data.fullMarks)}); highest ${num(best.total)} (${unit(best)}), lowest ${num(worst.total)} (${unit(worst)}), a spread of ${num(round1(best.total - worst.total))} points.`
        : `${when}${parent}所属 ${n} 个单位参加考核，平均得分 ${num(avg)} 分（满分 ${num(data.fullMarks)} 分）；最高 ${num(best.total)} 分（${unit(best)}），最低 ${num(worst.total)} 分（${unit(worst)}），相差 ${num(round1(best.total - worst.total))} 分。`,
    );
    const counts = [inBand(bands[0]!, Infinity), inBand(bands[1]!, bands[0]!), inBand(bands[2]!, bands[1]!), inBand(-Infinity, bands[2]!)];
    para(
      en
        ? `${counts[0]} units scored 90% of full marks or more, ${counts[1]} from 80% to 90%, ${counts[2]} from 60% to 80%, and ${counts[3]} below 60%.`
        : `得分率 90% 及以上的 ${counts[0]} 个，80%—90% 的 ${counts[1]} 个，60%—80% 的 ${counts[2]} 个，60% 以下的 ${counts[3]} 个。`,
    );

    head(en ? '2. Top and bottom' : '二、排名靠前和靠后的单位');
    const k = Math.min(3, Math.floor(n / 2) || 1);
    list(rows.slice(0, k).map((r) => (en ? `Rank ${r.position}: ${unit(r)}, ${num(r.total)} points` : `第 ${r.position} 名：${unit(r)}，${num(r.total)} 分`)));
    if (n > k) list(rows.slice(-k).map((r) => (en ? `Rank ${r.position}: ${unit(r)}, ${num(r.total)} points` : `第 ${r.position} 名：${unit(r)}，${num(r.total)} 分`)));

    head(en ? `3. Compared with ${periodLabel(data.previousPeriod, lang)}` : `三、与${periodLabel(data.previousPeriod, lang)}相比`);
    const changes = rows.filter((r) => data.previous[r.orgCode] !== undefined).map((r) => ({ r, delta: round1(r.total - data.previous[r.orgCode]!) }));
    if (changes.length === 0) para(en ? 'No unit has a score for the previous period to compare with.' : '上期无可比得分。');
    else {
      const avgChange = round1(changes.reduce((s, c) => s + c.delta, 0) / changes.length);
      para(
        en
          ? `${changes.length} units have scores for both periods; the average changed by ${avgChange >= 0 ? '+' : ''}${num(avgChange)} points.`
          : `${changes.length} 个单位两期均有得分，平均变化 ${avgChange >= 0 ? '+' : ''}${num(avgChange)} 分。`,
      );
      const up = changes.filter((c) => c.delta > 0).sort((a, b) => b.delta - a.delta).slice(0, 3);
      const down = changes.filter((c) => c.delta < 0).sort((a, b) => a.delta - b.delta).slice(0, 3);
      if (up.length) list(up.map((c) => (en ? `Up most: ${unit(c.r)}, +${num(c.delta)} points` : `提升最多：${unit(c.r)}，+${num(c.delta)} 分`)));
      if (down.length) list(down.map((c) => (en ? `Down most: ${unit(c.r)}, ${num(c.delta)} points` : `下降最多：${unit(c.r)}，${num(c.delta)} 分`)));
      if (!up.length && !down.length) para(en ? 'No unit changed.' : '各单位得分均无变化。');
    }

    head(en ? '4. Parts' : '四、分项得分情况');
    const shares = data.parts
      .map((p, i) => ({ p, avg: rows.reduce((s, r) => s + (r.parts[i] ?? 0), 0) / n }))
      .filter((x) => x.p.kind === 'regular' && x.p.max > 0)
      .map((x) => ({ ...x, rate: round1((x.avg / x.p.max) * 100) }));
    list(shares.map((x) => (en ? `${text(x.p.title, lang)}: average ${num(round1(x.avg))} of ${num(x.p.max)} (${num(x.rate)}%)` : `${text(x.p.title, lang)}：平均 ${num(round1(x.avg))} 分，满分 ${num(x.p.max)} 分，得分率 ${num(x.rate)}%`)));
    const weakest = [...shares].sort((a, b) => a.rate - b.rate)[0];
    if (weakest) para(en ? `The lowest rate is in ${text(weakest.p.title, lang)} (${num(weakest.rate)}%).` : `得分率最低的是${text(weakest.p.title, lang)}（${num(weakest.rate)}%）。`);
    const bonusAt = data.parts.findIndex((p) => p.kind === 'bonus');
    const negativeAt = data.parts.findIndex((p) => p.kind === 'negative');
    const bonus = bonusAt < 0 ? 0 : rows.filter((r) => (r.parts[bonusAt] ?? 0) > 0).length;
    const deducted = negativeAt < 0 ? 0 : rows.filter((r) => (r.parts[negativeAt] ?? 0) < 0).length;
    const vetoed = rows.filter((r) => r.vetoed).length;
    para(
      en
        ? `${bonus} units earned bonus points; ${deducted} had points deducted under the negative list; ${vetoed} had the total vetoed.`
        : `获得加分的单位 ${bonus} 个；因负面清单被扣分的 ${deducted} 个；被一票否决的 ${vetoed} 个。`,
    );
  }
  head(en ? '5. Basis' : '五、说明');
  para(en ? `Figures computed under ${standardLine(data.standard, lang)} from the work diary and business records.` : `以上数据依据${standardLine(data.standard, lang)}，由工作日志和业务记录自动计算。`);
  if (data.standard.demo) blocks.push(demoNote(lang));
  return {
    title: en ? `Analysis of the assessment of ${parent}, ${when}` : `${parent}${when}考核情况分析报告`,
    blocks,
    attachments: [en ? 'Assessment statistics table' : '考核得分统计表'],
  };
}

export const resultNoticeTemplate = defineDocumentTemplate<ResultNoticeData>({
  code: 'assessment.result-notice',
  slot: 'assessment-notice',
  title: { zh: '考核结果通知书', en: 'Assessment result notice' },
  dataSchema: resultNoticeDataSchema,
  render: (data, ctx) => renderResultNotice(data, ctx),
});

export const statisticsTableTemplate = defineDocumentTemplate<StatisticsTableData>({
  code: 'assessment.statistics-table',
  slot: 'statistics-table',
  title: { zh: '考核得分统计表', en: 'Assessment statistics table' },
  dataSchema: statisticsTableDataSchema,
  render: (data, ctx) => renderStatisticsTable(data, ctx),
});

export const analysisReportTemplate = defineDocumentTemplate<AnalysisReportData>({
  code: 'assessment.analysis-report',
  slot: 'analysis-report',
  title: { zh: '考核分析报告', en: 'Assessment analysis report' },
  dataSchema: analysisReportDataSchema,
  render: (data, ctx) => renderAnalysisReport(data, ctx),
});

export const assessmentDocumentTemplates = [resultNoticeTemplate, statisticsTableTemplate, analysisReportTemplate];
