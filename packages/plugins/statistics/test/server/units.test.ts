/** The pure parts: ranking with ties, per cent, periods compared, CSV quoting, change. */
import { describe, expect, it } from 'vitest';
import { changePercent, comparisonPeriod, csvField, ownShare, percent, rankOf, yearAgoPeriod } from '../../src/server/index.js';

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

  it("an org's own share beside its children, aggregated as its metric is (sum, max, min)", () => {
    const catalog = new Map([
      ['s', { code: 's', title: { zh: 's', en: 's' }, unit: { zh: '', en: '' }, aggregation: 'sum' as const }],
      ['x', { code: 'x', title: { zh: 'x', en: 'x' }, unit: { zh: '', en: '' }, aggregation: 'max' as const }],
      ['n', { code: 'n', title: { zh: 'n', en: 'n' }, unit: { zh: '', en: '' }, aggregation: 'min' as const }],
    ]);
    const totals = (values: Record<string, number>) => new Map([['', new Map(Object.entries(values))]]);
    const children = new Map([
      ['a', new Map([['s', 2.1], ['x', 7], ['n', 3]])],
      ['b', new Map([['s', 4.2]])],
    ]);
    // Sum: 7.3 − 2.1 − 4.2 = 1 (no float dust); max 9 above every child's, min 1 below: both the org's own.
    expect(ownShare(['s', 'x', 'n'], catalog, totals({ s: 7.3, x: 9, n: 1 }), children)).toEqual(new Map([['', new Map([['s', 1], ['x', 9], ['n', 1]])]]));
    // Totals a child reaches: nothing of the org's own shows (it could not change them).
    expect(ownShare(['s', 'x', 'n'], catalog, totals({ s: 6.3, x: 7, n: 3 }), children)).toBeNull();
    // A metric without facts anywhere has no share.
    expect(ownShare(['s'], catalog, totals({}), new Map())).toBeNull();
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
