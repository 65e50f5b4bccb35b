/**
 * A generated equirectangular test panorama whose colour at any direction is known
 * (`patternColor`): eight 45° sectors of yaw, each in a bright upper and a darker lower band,
 * a white cap above +60° and a dark cap below −60°. The renderer tests check drawn pixels
 * against it, the benchmark and the stories show it. Not used by the element itself.
 * This module needs no DOM (PNG bytes through CompressionStream), so Node code (the test
 * servers, the benchmark) uses it too; drawing it on a canvas is test-pattern.ts.
 */

const sectorColours: [number, number, number][] = [
  [0, 0, 255], // −180…−135 (behind, left of the seam)
  [255, 0, 255],
  [255, 255, 0], // −90…−45
  [255, 128, 0],
  [255, 0, 0], // 0…45 (ahead, right)
  [0, 255, 0], // 45…90
  [0, 255, 255],
  [128, 0, 255], // 135…180 (behind, right of the seam)
];

/** The pattern's colour at yaw/pitch (degrees). */
export function patternColor(yaw: number, pitch: number): [number, number, number] {
  if (pitch > 60) return [255, 255, 255];
  if (pitch < -60) return [32, 32, 32];
  const y = ((((yaw + 180) % 360) + 360) % 360);
  const [r, g, b] = sectorColours[Math.min(7, Math.floor(y / 45))]!;
  return pitch >= 0 ? [r, g, b] : [r >> 1, g >> 1, b >> 1];
}

/** Degrees from (yaw, pitch) to the nearest colour boundary of the pattern. */
export function distanceToEdge(yaw: number, pitch: number): number {
  const y = ((((yaw + 180) % 360) + 360) % 360);
  const toSector = Math.min(y % 45, 45 - (y % 45));
  const toBand = Math.min(Math.abs(pitch - 60), Math.abs(pitch), Math.abs(pitch + 60));
  return Math.abs(pitch) > 60 ? Math.abs(Math.abs(pitch) - 60) : Math.min(toSector, toBand);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The pattern (or one colour, `solid`) as PNG bytes, without a DOM: CompressionStream exists in
 * browsers and in Node, so the test servers can upload it (test/global-setup.ts) and the e2e and
 * benchmark pages can serve it.
 */
export async function patternPng(width = 2048, solid?: [number, number, number]): Promise<Uint8Array<ArrayBuffer>> {
  const height = width / 2;
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const pitch = 90 - ((y + 0.5) / height) * 180;
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = solid ?? patternColor(((x + 0.5) / width) * 360 - 180, pitch);
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const idat = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}
