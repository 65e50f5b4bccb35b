/**
 * The Mongolian drafts of the warnings' words (src/server/texts.ts): every summary kind, the
 * period and severity labels have `mn` in traditional script; with inputs that have Mongolian the
 * text has no Chinese in it; numbers and days stay Arabic digits; units follow the documented
 * choice (mn, else a symbol, else none); data with no Mongolian (a plan's Chinese title) shows as
 * it is, never in English.
 */
import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@sifa/core';
import { approachingSummary, dayUnit, diarySummary, dropSummary, overdueSummary, percentUnit, periodLabel, severityLabel, thresholdSummary } from '../../src/server/texts.js';

const mongolian = /[\u1800-\u18af]/;
const han = /\p{Script=Han}/u;
/** Mongolian text as the drafts write it: the script, suffixes joined by U+202F, never by a Han comma or stop. */
const expectMongolian = (text: string | undefined, numbers: readonly (string | number)[]) => {
  expect(text).toBeDefined();
  expect(text).toMatch(mongolian);
  expect(text).not.toMatch(han);
  expect(text).not.toMatch(/[，。（）：]/);
  for (const n of numbers) expect(text).toContain(String(n));
};

// As the diary catalogue writes a metric: a Mongolian title and unit (draft).
const mediations: LocalizedText = { zh: '调解矛盾纠纷', en: 'Disputes mediated', mn: 'ᠮᠠᠷᠭᠭᠠᠨ ᠢ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ' };
const cases: LocalizedText = { zh: '件', en: 'cases', mn: 'ᠬᠡᠷᠡᠭ' };
const planTitle: LocalizedText = { zh: '上报季度总结', en: 'Quarterly report', mn: 'ᠤᠯᠢᠷᠠᠯ ᠤᠨ ᠳᠦᠩᠨᠡᠯᠲᠡ' };
const basis: LocalizedText = { zh: '人民调解法', en: 'People’s Mediation Law', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ ᠦᠨ ᠬᠠᠤᠯᠢ' };

describe('the Mongolian drafts of the warnings texts', () => {
  it('labels every kind of period, with its number', () => {
    const year = periodLabel('2026');
    expectMongolian(year.mn, ['2026']);
    expect(year.mn).toBe('2026 ᠣᠨ');
    for (const q of [1, 2, 3, 4]) expectMongolian(periodLabel(`2026-Q${q}`).mn, ['2026', q]);
    // The ordinal suffix follows the numeral as read: 1 nigedUger, 2 qoyadugar.
    expect(periodLabel('2026-Q1').mn).toBe('2026 ᠣᠨ\u202fᠤ 1\u202fᠳᠦᠭᠡᠷ ᠤᠯᠢᠷᠠᠯ');
    expect(periodLabel('2026-Q2').mn).toBe('2026 ᠣᠨ\u202fᠤ 2\u202fᠳᠤᠭᠠᠷ ᠤᠯᠢᠷᠠᠯ');
    expect(periodLabel('2026-06').mn).toBe('2026 ᠣᠨ\u202fᠤ 6 ᠰᠠᠷ\u180eᠠ');
    expectMongolian(periodLabel('2026-12').mn, ['2026', '12']);
    // zh and en unchanged.
    expect(periodLabel('2026-Q2')).toMatchObject({ zh: '2026年第二季度', en: 'Q2 2026' });
  });

  it('labels every severity, all different', () => {
    const labels = Object.values(severityLabel).map((l) => l.mn);
    for (const label of labels) expectMongolian(label, []);
    expect(new Set(labels).size).toBe(labels.length);
    expect(dayUnit.mn).toMatch(mongolian);
    expect(percentUnit.mn).toBe('%');
  });

  it('threshold: below and above, completed and running period', () => {
    const below = thresholdSummary({ what: mediations, unit: cases, period: '2026-05', asOf: null, value: 0, line: 1.5, comparison: 'below' });
    expectMongolian(below.mn, ['2026', ' 5 ', '0 ᠬᠡᠷᠡᠭ', '1.5 ᠬᠡᠷᠡᠭ']);
    expect(below.mn).toContain(mediations.mn);
    expect(below.mn).toContain('ᠳᠣᠣᠷ\u180eᠠ');
    const above = thresholdSummary({ what: mediations, unit: cases, period: '2026-Q2', asOf: '2026-06-24', value: 12.345, line: 10, comparison: 'above' });
    expectMongolian(above.mn, ['2026-06-24', '12.35 ᠬᠡᠷᠡᠭ', '10 ᠬᠡᠷᠡᠭ']);
    expect(above.mn).toContain('ᠳᠡᠭᠡᠷ\u180eᠡ');
    expect(above.mn).not.toBe(below.mn);
    // The Chinese and English stay as they were.
    expect(below.zh).toBe('2026年5月调解矛盾纠纷为0件，低于预警线1.5件。');
    expect(above.en).toBe('Disputes mediated in Q2 2026 (to 2026-06-24): 12.35 cases, above the line of 10 cases.');
  });

  it('drop against the previous period', () => {
    const s = dropSummary({ what: mediations, unit: cases, period: '2026-05', previousPeriod: '2026-04', current: 5, previous: 10, drop: 50, line: 30 });
    expectMongolian(s.mn, ['5 ᠬᠡᠷᠡᠭ', '10 ᠬᠡᠷᠡᠭ', '50%', '30%']);
    expect(s.mn).toContain(`${periodLabel('2026-05').mn}\u202fᠳᠤᠷ`);
    expect(s.mn).toContain(`${periodLabel('2026-04').mn}\u202fᠳᠤᠷ`);
  });

  it('diary days missing', () => {
    const s = diarySummary({ window: 5, from: '2026-06-16', to: '2026-06-23', missing: 3, tolerated: 2 });
    expectMongolian(s.mn, [' 5 ', '2026-06-16', '2026-06-23', ' 3 ', ' 2 ']);
  });

  it('overdue', () => {
    const s = overdueSummary({ title: planTitle, due: '2026-06-23', days: 7 });
    expectMongolian(s.mn, ['2026-06-23', ' 7 ']);
    expect(s.mn).toContain(`“${planTitle.mn}”`);
  });

  it('deadline approaching: ahead, today, passed; with and without a basis', () => {
    const ahead = approachingSummary({ title: planTitle, due: '2026-06-26', daysLeft: 2, basis });
    expectMongolian(ahead.mn, ['2026-06-26', ' 2 ']);
    expect(ahead.mn).toContain(basis.mn);
    const today = approachingSummary({ title: planTitle, due: '2026-06-24', daysLeft: 0, basis: undefined });
    expectMongolian(today.mn, ['2026-06-24']);
    const passed = approachingSummary({ title: planTitle, due: '2026-06-20', daysLeft: -4, basis });
    expectMongolian(passed.mn, ['2026-06-20', ' 4 ']);
    expect(new Set([ahead.mn, today.mn, passed.mn]).size).toBe(3);
    expect(approachingSummary({ title: planTitle, due: '2026-06-26', daysLeft: 2, basis: undefined }).mn).not.toContain(basis.mn);
  });

  it('shows data that has no Mongolian as it is (Chinese), never the English; leaves out a unit word with no Mongolian', () => {
    const chineseOnly = approachingSummary({ title: { zh: '调查评估意见', en: 'Assessment opinion' }, due: '2026-06-20', daysLeft: -4, basis: { zh: '社区矫正法', en: 'Community Correction Law' } });
    expect(chineseOnly.mn).toContain('“调查评估意见”');
    expect(chineseOnly.mn).toContain('社区矫正法');
    expect(chineseOnly.mn).not.toMatch(/Assessment|Community/);
    expect(chineseOnly.mn).toMatch(mongolian);
    // A metric without Mongolian: its Chinese title; its unit word (件 / cases) left out, the number kept.
    const s = thresholdSummary({ what: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' }, period: '2026-05', asOf: null, value: 2, line: 3, comparison: 'below' });
    expect(s.mn).toBe('2026 ᠣᠨ\u202fᠤ 5 ᠰᠠᠷ\u180eᠠ\u202fᠳᠤᠷ 测试案件 2᠂ 3 ᠬᠡᠮᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ\u202fᠦᠨ ᠪᠣᠰᠤᠭ\u180eᠠ\u202fᠠᠴᠠ ᠳᠣᠣᠷ\u180eᠠ ᠪᠠᠶᠢᠨ\u180eᠠ᠃');
    // A symbol unit (the same in zh and en) is kept.
    const rate = thresholdSummary({ what: mediations, unit: { zh: 'km', en: 'km' }, period: '2026', asOf: null, value: 80, line: 90, comparison: 'below' });
    expectMongolian(rate.mn, ['80 km', '90 km']);
    const percent = thresholdSummary({ what: mediations, unit: percentUnit, period: '2026', asOf: null, value: 80, line: 90, comparison: 'below' });
    expectMongolian(percent.mn, ['80%', '90%']);
  });
});
