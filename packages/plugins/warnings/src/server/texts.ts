/**
 * The words of warnings: periods, numbers and the one-sentence summaries each rule kind writes
 * (zh and en; Mongolian readers see the Chinese until reviewed translations exist, as `pickText`
 * does). Shared by the evaluation (stored with the warning) and the document templates.
 */
import type { LocalizedText } from '@sifa/core';
import type { WarningSeverity } from '../types.js';

const cnQuarter = ['一', '二', '三', '四'];
const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026 → 2026年 / 2026; 2026-Q2 → 2026年第二季度 / Q2 2026; 2026-06 → 2026年6月 / June 2026. */
export function periodLabel(period: string): LocalizedText {
  const year = period.slice(0, 4);
  if (period.length === 4) return { zh: `${year}年`, en: year };
  if (period.includes('Q')) {
    const q = Number(period.slice(6));
    return { zh: `${year}年第${cnQuarter[q - 1]}季度`, en: `Q${q} ${year}` };
  }
  const m = Number(period.slice(5, 7));
  return { zh: `${year}年${m}月`, en: `${enMonths[m - 1]} ${year}` };
}

/** A number as people write it: integers plain, others with at most two decimals. */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(2).replace(/\.?0+$/, '');
}

export const severityLabel: Record<WarningSeverity, LocalizedText> = {
  info: { zh: '提示', en: 'Notice', mn: undefined },
  warning: { zh: '预警', en: 'Warning', mn: undefined },
  urgent: { zh: '紧急', en: 'Urgent', mn: undefined },
};

const withUnit = (value: string, unit: LocalizedText | null, locale: 'zh' | 'en') => {
  const u = unit ? unit[locale] : '';
  if (!u) return value;
  return locale === 'zh' ? `${value}${u}` : `${value} ${u}`;
};

export function thresholdSummary(input: {
  what: LocalizedText;
  unit: LocalizedText | null;
  period: string;
  /** The evaluation day when the period is still running. */
  asOf: string | null;
  value: number;
  line: number;
  comparison: 'below' | 'above';
}): LocalizedText {
  const p = periodLabel(input.period);
  const zhWhen = input.asOf ? `${p.zh}（截至${input.asOf}）` : p.zh;
  const enWhen = input.asOf ? `${p.en} (to ${input.asOf})` : p.en;
  const below = input.comparison === 'below';
  return {
    zh: `${zhWhen}${input.what.zh}为${withUnit(num(input.value), input.unit, 'zh')}，${below ? '低于' : '高于'}预警线${withUnit(num(input.line), input.unit, 'zh')}。`,
    en: `${input.what.en} in ${enWhen}: ${withUnit(num(input.value), input.unit, 'en')}, ${below ? 'below' : 'above'} the line of ${withUnit(num(input.line), input.unit, 'en')}.`,
  };
}

export function dropSummary(input: { what: LocalizedText; unit: LocalizedText | null; period: string; previousPeriod: string; current: number; previous: number; drop: number; line: number }): LocalizedText {
  const p = periodLabel(input.period);
  const q = periodLabel(input.previousPeriod);
  return {
    zh: `${p.zh}${input.what.zh}为${withUnit(num(input.current), input.unit, 'zh')}，比${q.zh}的${withUnit(num(input.previous), input.unit, 'zh')}下降${num(input.drop)}%，达到预警幅度${num(input.line)}%。`,
    en: `${input.what.en} in ${p.en}: ${withUnit(num(input.current), input.unit, 'en')}, down ${num(input.drop)}% from ${withUnit(num(input.previous), input.unit, 'en')} in ${q.en} (line: ${num(input.line)}%).`,
  };
}

export function diarySummary(input: { window: number; from: string; to: string; missing: number; tolerated: number }): LocalizedText {
  return {
    zh: `最近${input.window}个工作日（${input.from}至${input.to}）中有${input.missing}天没有填写工作日志，超过允许的${input.tolerated}天。`,
    en: `${input.missing} of the last ${input.window} working days (${input.from} to ${input.to}) have no diary entry; ${input.tolerated} tolerated.`,
  };
}

export function overdueSummary(input: { title: LocalizedText; due: string; days: number }): LocalizedText {
  return {
    zh: `“${input.title.zh}”已逾期${input.days}天（期限${input.due}），仍未完成。`,
    en: `"${input.title.en}" is ${input.days} day${input.days === 1 ? '' : 's'} overdue (due ${input.due}) and still open.`,
  };
}

export function approachingSummary(input: { title: LocalizedText; due: string; daysLeft: number; basis: LocalizedText | undefined }): LocalizedText {
  const basisZh = input.basis ? `（依据：${input.basis.zh}）` : '';
  const basisEn = input.basis ? ` (basis: ${input.basis.en})` : '';
  if (input.daysLeft < 0) {
    const late = -input.daysLeft;
    return {
      zh: `“${input.title.zh}”已于${input.due}届满，逾期${late}天仍未办结${basisZh}。`,
      en: `"${input.title.en}" fell due on ${input.due} and is ${late} day${late === 1 ? '' : 's'} overdue, still open${basisEn}.`,
    };
  }
  if (input.daysLeft === 0) return { zh: `“${input.title.zh}”今天（${input.due}）届满${basisZh}。`, en: `"${input.title.en}" falls due today (${input.due})${basisEn}.` };
  return {
    zh: `“${input.title.zh}”将于${input.due}届满，还有${input.daysLeft}天${basisZh}。`,
    en: `"${input.title.en}" falls due on ${input.due}, in ${input.daysLeft} day${input.daysLeft === 1 ? '' : 's'}${basisEn}.`,
  };
}

export const dayUnit: LocalizedText = { zh: '天', en: 'days' };
export const percentUnit: LocalizedText = { zh: '%', en: '%' };
