/**
 * The test panorama of test-pattern-data.ts drawn on a canvas (browser tests, stories).
 */
import { patternColor } from './test-pattern-data.js';

export { distanceToEdge, patternColor, patternPng } from './test-pattern-data.js';

/** Draws the pattern on a new 2:1 canvas `width` pixels wide. */
export function drawTestPattern(width = 2048): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = width / 2;
  const ctx = canvas.getContext('2d')!;
  const h = width / 2;
  const row = (pitch: number) => ((90 - pitch) / 180) * h;
  for (let s = 0; s < 8; s++) {
    const x0 = (s / 8) * width;
    for (const [top, bottom, lower] of [[60, 0, false], [0, -60, true]] as const) {
      const [r, g, b] = patternColor(-180 + s * 45 + 1, lower ? -1 : 1);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(x0, row(top), width / 8, row(bottom) - row(top));
    }
  }
  ctx.fillStyle = 'rgb(255,255,255)';
  ctx.fillRect(0, 0, width, row(60));
  ctx.fillStyle = 'rgb(32,32,32)';
  ctx.fillRect(0, row(-60), width, h - row(-60));
  return canvas;
}

/** The pattern as a JPEG/PNG blob (what a server would send). */
export function testPatternBlob(width = 2048, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) => drawTestPattern(width).toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), type, 0.92));
}

