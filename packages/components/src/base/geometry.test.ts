import { describe, expect, it } from 'vitest';
import { boundsOf } from './geometry.js';

describe('boundsOf', () => {
  it('spans every point of every ring', () => {
    expect(boundsOf([[[118.9, 42.2], [119.1, 42.4]], [[118.5, 43.0], [119.0, 41.9]]])).toEqual([118.5, 41.9, 119.1, 43.0]);
  });

  it('is empty (infinite, inverted) without points', () => {
    expect(boundsOf([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
