/**
 * The configurable rules of correction casework (src/rules.ts), as pure functions: calendar
 * months (month ends), leave approval levels, the longest monitoring period, the class suggestion
 * (first rule that holds; `all` rules) and the stages. A deployment's rules replace the defaults.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, correctionRulesSchema, daysInclusive, defaultCorrectionRules as rules, leaveApprover, monitoringLastDay, monthsBetween, stageOn, suggestClass } from '../../src/index.js';

describe('the rules', () => {
  it('count calendar months, clamping to the month’s last day', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(monthsBetween('2026-01-15', '2026-03-14')).toBe(1);
    expect(monthsBetween('2026-01-15', '2026-03-15')).toBe(2);
    expect(daysInclusive('2026-03-01', '2026-03-07')).toBe(7);
  });

  it('say who approves a leave by its length, and none beyond the last level', () => {
    expect(leaveApprover(rules, 7)).toBe('office');
    expect(leaveApprover(rules, 8)).toBe('county');
    expect(leaveApprover(rules, 30)).toBe('county');
    expect(leaveApprover(rules, 31)).toBeNull();
    const local = correctionRulesSchema.parse({ ...rules, leave: [{ approver: 'office', maxDays: 3 }, { approver: 'county', maxDays: 15 }] });
    expect(leaveApprover(local, 4)).toBe('county');
    expect(() => correctionRulesSchema.parse({ ...rules, leave: [{ approver: 'county', maxDays: 30 }, { approver: 'office', maxDays: 7 }] })).toThrow();
  });

  it('end a monitoring period at most 3 months on (art. 29)', () => {
    expect(monitoringLastDay(rules, '2026-09-10')).toBe('2026-12-09');
    expect(monitoringLastDay(rules, '2026-11-30')).toBe('2027-02-27');
  });

  it('suggest the class by the first rule that holds', () => {
    const base = { monthsIn: 4, risk: 'medium' as const, reprimands: 0, warnings: 0 };
    expect(suggestClass(rules, base)).toEqual({ class: 'normal', rule: null });
    expect(suggestClass(rules, { ...base, monthsIn: 1 }).class).toBe('strict');
    expect(suggestClass(rules, { ...base, risk: 'high' }).class).toBe('strict');
    expect(suggestClass(rules, { ...base, reprimands: 2 }).class).toBe('strict');
    expect(suggestClass(rules, { ...base, reprimands: 1 }).class).toBe('normal');
    expect(suggestClass(rules, { ...base, warnings: 1 }).class).toBe('strict');
    expect(suggestClass(rules, { ...base, monthsIn: 6, risk: 'low' }).class).toBe('lenient');
    // `all`: 6 months in alone is not enough.
    expect(suggestClass(rules, { ...base, monthsIn: 6 }).class).toBe('normal');
    // Strict comes first: a warning outweighs 6 months and low risk.
    expect(suggestClass(rules, { ...base, monthsIn: 6, risk: 'low', warnings: 1 }).class).toBe('strict');
  });

  it('give the stage: 入矫 the first month, 解矫 the last, 常规 between', () => {
    expect(stageOn('2026-01-15', '2027-01-14', '2026-02-14')).toBe('intake');
    expect(stageOn('2026-01-15', '2027-01-14', '2026-02-15')).toBe('regular');
    expect(stageOn('2026-01-15', '2027-01-14', '2026-12-14')).toBe('regular');
    expect(stageOn('2026-01-15', '2027-01-14', '2026-12-15')).toBe('release');
  });
});

describe('the articles the checks cite', () => {
  it('read in each language: Chinese numerals, Art. n, and the Mongolian ordinal by vowel harmony', async () => {
    const { art } = await import('../../src/server/checks.js');
    expect(art(21)).toEqual({ zh: '第二十一条', en: 'Art. 21', mn: '21 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ' });
    expect(art(10).zh).toBe('第十条');
    expect(art(30)).toEqual({ zh: '第三十条', en: 'Art. 30', mn: '30 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ' });
    expect(art(46).zh).toBe('第四十六条');
    // 40 (döchi) and 9 (yisü) are front-vowel words; 5 (tabu) and 7 (doloγa) back.
    expect([art(40).mn, art(49).mn, art(25).mn, art(27).mn]).toEqual(['40 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ', '49 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ', '25 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ', '27 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ']);
  });
});
