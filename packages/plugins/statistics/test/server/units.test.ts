/** The pure parts: ranking with ties, per cent, periods compared, CSV quoting, change. */
import { describe, expect, it } from 'vitest';
import { changePercent, comparisonPeriod, csvField, percent, rankOf, yearAgoPeriod } from '../../src/server/index.js';

describe('units', () => {
  it('ranks highest first, ties share a rank (1, 2, 2, 4), no value last', () => {
    const ranked = rankOf([
      { code: 'd', value: 1 },
      { code: 'n', value: null },
      { code: 'b', value: 5 },
      { code: 'a', value: 9 },
      { code: 'c', value: 5 },
      { code: 'm', value: null },
    ]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['m', 5],
      ['n', 5],
    ]);
    expect(rankOf([])).toEqual([]);
  });

  it('per cent with two decimals, null without a denominator', () => {
    expect(percent(7, 18)).toBe(38.89);
    expect(percent(0, 5)).toBe(0);
    expect(percent(3, 0)).toBeNull();
    expect(changePercent(38.89, 75)).toBe(-48.15);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 3)).toBeNull();
  });

  it('compares with the previous period or the same period a year earlier', () => {
    expect(comparisonPeriod('2026-01', 'previous')).toBe('2025-12');
    expect(comparisonPeriod('2026-Q1', 'previous')).toBe('2025-Q4');
    expect(comparisonPeriod('2026', 'none')).toBeNull();
    expect(yearAgoPeriod('2026-07')).toBe('2025-07');
    expect(yearAgoPeriod('2026-Q3')).toBe('2025-Q3');
    expect(yearAgoPeriod('2026')).toBe('2025');
  });

  it('quotes CSV fields per RFC 4180 and defuses formulas in text', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3, 'number')).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
