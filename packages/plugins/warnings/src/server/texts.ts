/**
 * The words of warnings: periods, numbers and the one-sentence summaries each rule kind writes,
 * in zh, en and Mongolian (`mn`, traditional script). Shared by the evaluation (the summary is
 * stored with the warning and shown by <sifa-warnings>, which picks `mn` for mn-Mong) and the
 * document templates (which print the Chinese; a bilingual document's Mongolian half would use `mn`).
 *
 * MONGOLIAN: every `mn` text below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (words reused from the diary catalogue and the widgets' messages where they exist);
 * the comment above each is its Latin transliteration (`mn draft: …`, suffixes joined by "-" =
 * U+202F, "_" = U+180E, U/O = ü/ö, g = γ, c = č, j = ǰ), for the reviewer. All of them are drafts
 * until a native speaker has checked them. Summaries written before these drafts existed have no
 * `mn` (the widget shows their Chinese) until the next evaluation rewrites them.
 *
 * How the Mongolian sentences take their inputs:
 * - Numbers and dates stay Arabic digits / ISO days, exactly as in zh and en; no case suffix is
 *   ever put after a number (its vowel harmony would depend on how the number is read), so the
 *   sentences are built around them ("{line} kemekU …" = "the … called {line}").
 * - Period labels (`{year} on`, `… ulirail`, `… sar_a`) all end in a back-vowel word ending in a
 *   vowel, n or l, so their locative is always `-dur`.
 * - Units: `unit.mn` when there is one; a unit that is the same in zh and en is a symbol (%, km)
 *   and is kept; otherwise the unit is left out and the number stands alone. A Chinese unit word
 *   (件, 人次) inside Mongolian text, or an English one (a Latin word most readers of the script do
 *   not read), says less than the metric's title next to the number already does.
 * - Titles of metrics and deadlines, and a deadline's basis, are data: their `mn` when they have
 *   one, else their Chinese (the name the data has, as `pickText` falls back), never the English.
 */
import type { LocalizedText } from '@sifa/core';
import type { WarningSeverity } from '../types.js';

const cnQuarter = ['一', '二', '三', '四'];
const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The ordinal suffix after a quarter's digit, in the harmony of the numeral as read: 1 nigedUger,
 * 2 qoyaduγar, 3 γurbaduγar, 4 dOrbedUger.
 */
// mn draft: -dUger, -dugar, -dugar, -dUger
const mnQuarterOrdinal = [' ᠳᠦᠭᠡᠷ', ' ᠳᠤᠭᠠᠷ', ' ᠳᠤᠭᠠᠷ', ' ᠳᠦᠭᠡᠷ'];

/** 2026 → 2026年 / 2026; 2026-Q2 → 2026年第二季度 / Q2 2026; 2026-06 → 2026年6月 / June 2026. */
export function periodLabel(period: string): LocalizedText {
  const year = period.slice(0, 4);
  // mn draft: {year} on
  if (period.length === 4) return { zh: `${year}年`, en: year, mn: `${year} ᠣᠨ` };
  if (period.includes('Q')) {
    const q = Number(period.slice(6));
    // mn draft: {year} on-u {q}-dUger/-dugar ulirail
    return { zh: `${year}年第${cnQuarter[q - 1]}季度`, en: `Q${q} ${year}`, mn: `${year} ᠣᠨ ᠤ ${q}${mnQuarterOrdinal[q - 1]} ᠤᠯᠢᠷᠠᠯ` };
  }
  const m = Number(period.slice(5, 7));
  // mn draft: {year} on-u {m} sar_a
  return { zh: `${year}年${m}月`, en: `${enMonths[m - 1]} ${year}`, mn: `${year} ᠣᠨ ᠤ ${m} ᠰᠠᠷ᠎ᠠ` };
}

/** "In" a period, in Mongolian: its label in the locative (always -dur, see the top of this file). */
// mn draft: {period}-dur
const mnIn = (period: string) => `${periodLabel(period).mn} ᠳᠤᠷ`;

/** A number as people write it: integers plain, others with at most two decimals. */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(2).replace(/\.?0+$/, '');
}

export const severityLabel: Record<WarningSeverity, LocalizedText> = {
  // mn draft: medegdel
  info: { zh: '提示', en: 'Notice', mn: 'ᠮᠡᠳᠡᠭᠳᠡᠯ' },
  // mn draft: seremjilel
  warning: { zh: '预警', en: 'Warning', mn: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ' },
  // mn draft: yaraltai
  urgent: { zh: '紧急', en: 'Urgent', mn: 'ᠶᠠᠷᠠᠯᠲᠠᠢ' },
};

const withUnit = (value: string, unit: LocalizedText | null, locale: 'zh' | 'en') => {
  const u = unit ? unit[locale] : '';
  if (!u) return value;
  return locale === 'zh' ? `${value}${u}` : `${value} ${u}`;
};

/** A value with its unit in Mongolian: `unit.mn`, else a symbol unit (the same in zh and en), else none. */
const mnWithUnit = (value: string, unit: LocalizedText | null) => {
  const u = unit ? (unit.mn ?? (unit.zh === unit.en ? unit.zh : '')) : '';
  if (!u) return value;
  return u === '%' ? `${value}%` : `${value} ${u}`;
};

/** A title or other data in Mongolian: its own `mn`, else its Chinese (see the top of this file). */
const mnOf = (text: LocalizedText) => text.mn ?? text.zh;

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
  // mn draft: ({asOf} kUrtel_e)
  const mnWhen = input.asOf ? `${mnIn(input.period)} (${input.asOf} ᠬᠦᠷᠲᠡᠯ᠎ᠡ)` : mnIn(input.period);
  const below = input.comparison === 'below';
  return {
    zh: `${zhWhen}${input.what.zh}为${withUnit(num(input.value), input.unit, 'zh')}，${below ? '低于' : '高于'}预警线${withUnit(num(input.line), input.unit, 'zh')}。`,
    en: `${input.what.en} in ${enWhen}: ${withUnit(num(input.value), input.unit, 'en')}, ${below ? 'below' : 'above'} the line of ${withUnit(num(input.line), input.unit, 'en')}.`,
    // mn draft: {when} {what} {value}, {line} kemekU seremjilel-Un bosug_a-aca doora / degere bayin_a.
    mn: `${mnWhen} ${mnOf(input.what)} ${mnWithUnit(num(input.value), input.unit)}᠂ ${mnWithUnit(num(input.line), input.unit)} ᠬᠡᠮᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠪᠣᠰᠤᠭ᠎ᠠ ᠠᠴᠠ ${below ? 'ᠳᠣᠣᠷ᠎ᠠ' : 'ᠳᠡᠭᠡᠷ᠎ᠡ'} ᠪᠠᠶᠢᠨ᠎ᠠ᠃`,
  };
}

export function dropSummary(input: { what: LocalizedText; unit: LocalizedText | null; period: string; previousPeriod: string; current: number; previous: number; drop: number; line: number }): LocalizedText {
  const p = periodLabel(input.period);
  const q = periodLabel(input.previousPeriod);
  return {
    zh: `${p.zh}${input.what.zh}为${withUnit(num(input.current), input.unit, 'zh')}，比${q.zh}的${withUnit(num(input.previous), input.unit, 'zh')}下降${num(input.drop)}%，达到预警幅度${num(input.line)}%。`,
    en: `${input.what.en} in ${p.en}: ${withUnit(num(input.current), input.unit, 'en')}, down ${num(input.drop)}% from ${withUnit(num(input.previous), input.unit, 'en')} in ${q.en} (line: ${num(input.line)}%).`,
    // mn draft: {period}-dur {what} {current}, {previousPeriod}-dur {previous} bayigsan-aca {drop}% baguraju, {line}% kemekU seremjilel-Un bosug_a-dur kUrbe.
    mn: `${mnIn(input.period)} ${mnOf(input.what)} ${mnWithUnit(num(input.current), input.unit)}᠂ ${mnIn(input.previousPeriod)} ${mnWithUnit(num(input.previous), input.unit)} ᠪᠠᠶᠢᠭᠰᠠᠨ ᠠᠴᠠ ${num(input.drop)}% ᠪᠠᠭᠤᠷᠠᠵᠤ᠂ ${num(input.line)}% ᠬᠡᠮᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠪᠣᠰᠤᠭ᠎ᠠ ᠳᠤᠷ ᠬᠦᠷᠪᠡ᠃`,
  };
}

export function diarySummary(input: { window: number; from: string; to: string; missing: number; tolerated: number }): LocalizedText {
  return {
    zh: `最近${input.window}个工作日（${input.from}至${input.to}）中有${input.missing}天没有填写工作日志，超过允许的${input.tolerated}天。`,
    en: `${input.missing} of the last ${input.window} working days (${input.from} to ${input.to}) have no diary entry; ${input.tolerated} tolerated.`,
    // mn draft: segUl-Un {window} ajil-un edUr ({from}–{to}) dotor_a {missing} edUr ajil-un temdeglel bicigsen Ugei, jObsiyeregdegsen {tolerated} edUr-ece ilegUU bayin_a.
    mn: `ᠰᠡᠭᠦᠯ ᠦᠨ ${input.window} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ (${input.from}–${input.to}) ᠳᠣᠲᠣᠷ᠎ᠠ ${input.missing} ᠡᠳᠦᠷ ᠠᠵᠢᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠳᠡᠭᠰᠡᠨ ${input.tolerated} ᠡᠳᠦᠷ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃`,
  };
}

export function overdueSummary(input: { title: LocalizedText; due: string; days: number }): LocalizedText {
  return {
    zh: `“${input.title.zh}”已逾期${input.days}天（期限${input.due}），仍未完成。`,
    en: `"${input.title.en}" is ${input.days} day${input.days === 1 ? '' : 's'} overdue (due ${input.due}) and still open.`,
    // mn draft: “{title}”: bolja {due}, {days} edUr qojidaju, odo boltal_a qagagdagsan Ugei.
    mn: `“${mnOf(input.title)}”᠄ ᠪᠣᠯᠵᠠ ${input.due}᠂ ${input.days} ᠡᠳᠦᠷ ᠬᠣᠵᠢᠳᠠᠵᠤ᠂ ᠣᠳᠣ ᠪᠣᠯᠲᠠᠯ᠎ᠠ ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃`,
  };
}

export function approachingSummary(input: { title: LocalizedText; due: string; daysLeft: number; basis: LocalizedText | undefined }): LocalizedText {
  const basisZh = input.basis ? `（依据：${input.basis.zh}）` : '';
  const basisEn = input.basis ? ` (basis: ${input.basis.en})` : '';
  // mn draft: (UndUsUlel: {basis})
  const basisMn = input.basis ? ` (ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ ${mnOf(input.basis)})` : '';
  const title = mnOf(input.title);
  if (input.daysLeft < 0) {
    const late = -input.daysLeft;
    return {
      zh: `“${input.title.zh}”已于${input.due}届满，逾期${late}天仍未办结${basisZh}。`,
      en: `"${input.title.en}" fell due on ${input.due} and is ${late} day${late === 1 ? '' : 's'} overdue, still open${basisEn}.`,
      // mn draft: “{title}”: bolja {due}, {late} edUr qojidaju, odo boltal_a qagagdagsan Ugei{basis}.
      mn: `“${title}”᠄ ᠪᠣᠯᠵᠠ ${input.due}᠂ ${late} ᠡᠳᠦᠷ ᠬᠣᠵᠢᠳᠠᠵᠤ᠂ ᠣᠳᠣ ᠪᠣᠯᠲᠠᠯ᠎ᠠ ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ${basisMn}᠃`,
    };
  }
  if (input.daysLeft === 0) {
    return {
      zh: `“${input.title.zh}”今天（${input.due}）届满${basisZh}。`,
      en: `"${input.title.en}" falls due today (${input.due})${basisEn}.`,
      // mn draft: “{title}”: bolja OnOdUr ({due}) dagusun_a{basis}.
      mn: `“${title}”᠄ ᠪᠣᠯᠵᠠ ᠥᠨᠥᠳᠦᠷ (${input.due}) ᠳᠠᠭᠤᠰᠤᠨ᠎ᠠ${basisMn}᠃`,
    };
  }
  return {
    zh: `“${input.title.zh}”将于${input.due}届满，还有${input.daysLeft}天${basisZh}。`,
    en: `"${input.title.en}" falls due on ${input.due}, in ${input.daysLeft} day${input.daysLeft === 1 ? '' : 's'}${basisEn}.`,
    // mn draft: “{title}”: bolja {due} dagusun_a, {daysLeft} edUr Ulegdebe{basis}.
    mn: `“${title}”᠄ ᠪᠣᠯᠵᠠ ${input.due} ᠳᠠᠭᠤᠰᠤᠨ᠎ᠠ᠂ ${input.daysLeft} ᠡᠳᠦᠷ ᠦᠯᠡᠭᠳᠡᠪᠡ${basisMn}᠃`,
  };
}

// mn draft: edUr
export const dayUnit: LocalizedText = { zh: '天', en: 'days', mn: 'ᠡᠳᠦᠷ' };
export const percentUnit: LocalizedText = { zh: '%', en: '%', mn: '%' };
