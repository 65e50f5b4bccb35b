/**
 * The dashboard's URL state and period lists, and the charts' tick scale: plain functions,
 * checked without a server.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, paramName, recentPeriods, urlWithState } from './state.js';
import { niceTicks, projector } from './charts.js';

describe('dashboard state in the URL', () => {
  it('round-trips entry, org, period, comparison and item, short and readable', () => {
    const state = { entry: 'mediation-cases', org: '150402001', period: '2026-Q3', compare: 'year-ago' as const, item: 'diary.mediation-cases' };
    expect(encodeState(state)).toBe('mediation-cases~150402001~2026-Q3~year-ago~diary.mediation-cases');
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(encodeState({ ...state, org: null, item: null })).toBe('mediation-cases~~2026-Q3~year-ago');
    expect(decodeState('mediation-cases~~2026-Q3~year-ago')).toEqual({ ...state, org: null, item: null });
  });

  it('refuses hand-edited nonsense rather than asking the server for it', () => {
    expect(decodeState(null)).toBeNull();
    expect(decodeState('Bad~1504~2026')).toBeNull();
    expect(decodeState('ok~1504~2026-13')).toBeNull();
    expect(decodeState('ok~15x~2026')).toBeNull();
    expect(decodeState('ok~1504~2026~sideways')).toMatchObject({ compare: 'previous' });
  });

  it('namespaces the parameter per element and keeps the rest of the URL', () => {
    expect(paramName(null)).toBe('sifa-dash');
    expect(paramName('wall')).toBe('sifa-dash-wall');
    const url = urlWithState('https://host.example/page?a=1#top', 'sifa-dash', { entry: 'e', org: null, period: '2026', compare: 'none', item: null });
    expect(url).toBe('/page?a=1&sifa-dash=e%7E%7E2026%7Enone#top');
    expect(urlWithState(`https://host.example${url}`, 'sifa-dash', null)).toBe('/page?a=1#top');
  });

  it('lists the pickable periods, newest first, none in the future', () => {
    const now = new Date(2026, 7, 15);
    expect(recentPeriods('year', now, 3)).toEqual(['2026', '2025', '2024']);
    expect(recentPeriods('quarter', now, 2)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    expect(recentPeriods('month', now, 1)[0]).toBe('2026-08');
  });
});

describe('chart scales', () => {
  it('makes round ticks covering the data, whole numbers for counts', () => {
    expect(niceTicks(0, 87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0, 5, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(0, 66.67)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(-12, 30)).toEqual([-20, -10, 0, 10, 20, 30]);
  });

  it('projects lon/lat into the box, north up, with the latitude correction', () => {
    const { project, height } = projector([[[118, 42], [120, 42], [120, 44], [118, 44]]], 200, 0);
    expect(project([118, 44])).toEqual([0, 0]);
    expect(project([120, 42])[0]).toBeCloseTo(200);
    // 2° of latitude are taller than 2° of longitude at 43° N.
    expect(height).toBeCloseTo(200 / Math.cos((43 * Math.PI) / 180), 0);
  });
});
