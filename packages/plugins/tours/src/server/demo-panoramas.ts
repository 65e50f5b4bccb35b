/**
 * SYNTHETIC demo panoramas (no real photos exist for the demo): a room is drawn as six SVG cube
 * faces (walls with signs, posters, doors, windows and furniture blocks; floor; ceiling), each
 * rasterised by sharp (librsvg, system CJK fonts) to raw RGB, then projected per pixel into one
 * 2:1 equirectangular image (cube map → equirect, bilinear) and encoded as JPEG. Every face says
 * it is synthetic. Results are cached on disk keyed by a hash of the inputs, because the
 * projection costs about a second per 4096×2048 image.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** Bumped when the drawing or projection changes, so cached images are regenerated. */
const generatorVersion = 1;

export type WallItem =
  | { kind: 'sign'; text: string; sub?: string; x: number; y: number; w: number; h: number; fill?: string; color?: string }
  | { kind: 'poster'; title: string; lines: string[]; x: number; y: number; w: number; h: number; fill?: string }
  | { kind: 'door'; x: number; w?: number; label?: string }
  | { kind: 'window'; x: number; y: number; w: number; h: number }
  | { kind: 'desk'; x: number; w: number; label?: string; fill?: string }
  | { kind: 'chairs'; x: number; count: number; fill?: string }
  | { kind: 'plant'; x: number }
  | { kind: 'screen'; x: number; y: number; w: number; h: number; text: string };

export interface WallSpec {
  color: string;
  items: WallItem[];
}

export interface RoomSpec {
  /** Yaw 0 looks at `front`; then right, back, left clockwise. */
  front: WallSpec;
  right: WallSpec;
  back: WallSpec;
  left: WallSpec;
  floor: { color: string; pattern: 'tiles' | 'wood' | 'paving'; rug?: string };
  ceiling: { color: string; sky?: boolean };
}

const font = "'Noto Sans CJK SC','Noto Sans SC','Noto Sans',sans-serif";
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function itemSvg(item: WallItem): string {
  switch (item.kind) {
    case 'sign': {
      const fill = item.fill ?? '#b3261e';
      const color = item.color ?? '#ffe9a8';
      const size = Math.min(item.h * (item.sub ? 0.46 : 0.6), (item.w / Math.max(1, [...item.text].length)) * 0.9);
      return `<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" rx="8" fill="${fill}" stroke="#7a1410" stroke-width="6"/>
<text x="${item.x + item.w / 2}" y="${item.y + (item.sub ? item.h * 0.5 : item.h * 0.68)}" font-family="${font}" font-size="${size}" font-weight="700" fill="${color}" text-anchor="middle">${esc(item.text)}</text>
${item.sub ? `<text x="${item.x + item.w / 2}" y="${item.y + item.h * 0.84}" font-family="${font}" font-size="${item.h * 0.2}" fill="${color}" text-anchor="middle">${esc(item.sub)}</text>` : ''}`;
    }
    case 'poster': {
      const lines = item.lines
        .map((l, i) => `<text x="${item.x + 18}" y="${item.y + 110 + i * 38}" font-family="${font}" font-size="26" fill="#333">${esc(l)}</text>`)
        .join('');
      return `<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="${item.fill ?? '#fdf8ec'}" stroke="#8a6d3b" stroke-width="8"/>
<rect x="${item.x}" y="${item.y}" width="${item.w}" height="70" fill="#1f4e8c"/>
<text x="${item.x + item.w / 2}" y="${item.y + 48}" font-family="${font}" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">${esc(item.title)}</text>${lines}`;
    }
    case 'door': {
      const w = item.w ?? 220;
      return `<rect x="${item.x}" y="540" width="${w}" height="460" fill="#8b5a2b" stroke="#4a2f15" stroke-width="8"/>
<rect x="${item.x + 20}" y="570" width="${w - 40}" height="170" fill="#a4774a"/><rect x="${item.x + 20}" y="770" width="${w - 40}" height="200" fill="#a4774a"/>
<circle cx="${item.x + w - 30}" cy="780" r="10" fill="#e0c060"/>
${item.label ? `<rect x="${item.x}" y="480" width="${w}" height="50" fill="#1f4e8c"/><text x="${item.x + w / 2}" y="516" font-family="${font}" font-size="30" fill="#fff" text-anchor="middle">${esc(item.label)}</text>` : ''}`;
    }
    case 'window':
      return `<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="#bfe0f5" stroke="#eeeeee" stroke-width="14"/>
<line x1="${item.x + item.w / 2}" y1="${item.y}" x2="${item.x + item.w / 2}" y2="${item.y + item.h}" stroke="#eeeeee" stroke-width="10"/>
<line x1="${item.x}" y1="${item.y + item.h / 2}" x2="${item.x + item.w}" y2="${item.y + item.h / 2}" stroke="#eeeeee" stroke-width="10"/>
<path d="M${item.x + 10} ${item.y + item.h - 10} L${item.x + item.w * 0.4} ${item.y + 10}" stroke="#ffffff" stroke-opacity="0.5" stroke-width="16"/>`;
    case 'desk':
      return `<rect x="${item.x}" y="700" width="${item.w}" height="40" fill="${item.fill ?? '#6d4c2f'}"/><rect x="${item.x + 10}" y="740" width="${item.w - 20}" height="200" fill="${item.fill ?? '#7d5a3a'}" stroke="#4a2f15" stroke-width="4"/>
${item.label ? `<text x="${item.x + item.w / 2}" y="850" font-family="${font}" font-size="34" fill="#fff3d6" text-anchor="middle">${esc(item.label)}</text>` : ''}`;
    case 'chairs':
      return Array.from({ length: item.count }, (_, i) => {
        const x = item.x + i * 110;
        return `<rect x="${x}" y="760" width="80" height="90" rx="10" fill="${item.fill ?? '#2f5d8a'}"/><rect x="${x}" y="840" width="80" height="24" fill="#23476b"/><rect x="${x + 8}" y="864" width="10" height="90" fill="#333"/><rect x="${x + 62}" y="864" width="10" height="90" fill="#333"/>`;
      }).join('');
    case 'plant':
      return `<rect x="${item.x - 40}" y="880" width="80" height="100" fill="#9c6b3f"/><circle cx="${item.x}" cy="830" r="70" fill="#3f8f3f"/><circle cx="${item.x - 45}" cy="780" r="45" fill="#4fa04f"/><circle cx="${item.x + 40}" cy="770" r="50" fill="#358535"/>`;
    case 'screen':
      return `<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="#10243f" stroke="#222" stroke-width="10"/>
<text x="${item.x + item.w / 2}" y="${item.y + item.h / 2 + 16}" font-family="${font}" font-size="44" fill="#7fd1ff" text-anchor="middle">${esc(item.text)}</text>`;
  }
}

const watermark = `<text x="500" y="60" font-family="${font}" font-size="26" fill="#000" fill-opacity="0.35" text-anchor="middle">合成演示全景 · Synthetic demo panorama</text>`;

function wallSvg(wall: WallSpec): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#000000" stop-opacity="0.12"/></linearGradient></defs>
<rect width="1000" height="1000" fill="${wall.color}"/><rect width="1000" height="1000" fill="url(#g)"/>
<rect y="960" width="1000" height="40" fill="#5b4636"/><rect y="0" width="1000" height="18" fill="#e8e2d6"/>
${wall.items.map(itemSvg).join('\n')}
${watermark}
</svg>`;
}

function floorSvg(floor: RoomSpec['floor']): string {
  let pattern = '';
  if (floor.pattern === 'tiles') {
    for (let i = 0; i <= 1000; i += 125) pattern += `<line x1="${i}" y1="0" x2="${i}" y2="1000" stroke="#00000033" stroke-width="4"/><line x1="0" y1="${i}" x2="1000" y2="${i}" stroke="#00000033" stroke-width="4"/>`;
  } else if (floor.pattern === 'wood') {
    for (let i = 0; i <= 1000; i += 80) pattern += `<line x1="0" y1="${i}" x2="1000" y2="${i}" stroke="#00000040" stroke-width="5"/>`;
    for (let i = 0; i < 13; i++) pattern += `<line x1="${(i * 317) % 1000}" y1="${i * 80}" x2="${(i * 317) % 1000}" y2="${i * 80 + 80}" stroke="#00000040" stroke-width="5"/>`;
  } else {
    for (let y = 0; y < 1000; y += 100) for (let x = (y / 100) % 2 ? 50 : 0; x < 1000; x += 100) pattern += `<rect x="${x + 4}" y="${y + 4}" width="92" height="92" fill="#ffffff18" stroke="#00000030" stroke-width="3"/>`;
  }
  const rug = floor.rug ? `<rect x="300" y="300" width="400" height="400" rx="20" fill="${floor.rug}" stroke="#ffffff88" stroke-width="10"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000"><rect width="1000" height="1000" fill="${floor.color}"/>${pattern}${rug}
<text x="500" y="980" font-family="${font}" font-size="24" fill="#000" fill-opacity="0.3" text-anchor="middle">合成演示 · Synthetic demo</text></svg>`;
}

function ceilingSvg(ceiling: RoomSpec['ceiling']): string {
  if (ceiling.sky) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000"><defs><radialGradient id="s"><stop offset="0" stop-color="#e8f4ff"/><stop offset="1" stop-color="${ceiling.color}"/></radialGradient></defs><rect width="1000" height="1000" fill="url(#s)"/>
<ellipse cx="300" cy="350" rx="140" ry="50" fill="#ffffffcc"/><ellipse cx="680" cy="620" rx="180" ry="60" fill="#ffffffb0"/></svg>`;
  }
  let lights = '';
  for (const x of [250, 750]) for (const y of [250, 750]) lights += `<rect x="${x - 90}" y="${y - 40}" width="180" height="80" fill="#fffbe8" stroke="#d8d2c0" stroke-width="6"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000"><rect width="1000" height="1000" fill="${ceiling.color}"/>${lights}<circle cx="500" cy="500" r="40" fill="#f4f1ea" stroke="#ccc" stroke-width="4"/></svg>`;
}

async function rasterise(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: (72 * size) / 1000 })
    .resize(size, size, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer();
}

/**
 * Projects six square RGB faces (front +z, right +x, back −z, left −x, up +y, down −y) into an
 * equirectangular RGB image of `width`×`width/2`. Yaw 0 (the centre column) looks at the front.
 */
export function cubeToEquirect(faces: readonly Buffer[], size: number, width: number): Buffer {
  const height = width / 2;
  const out = Buffer.alloc(width * height * 3);
  const sinT = new Float64Array(width);
  const cosT = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    const theta = ((i + 0.5) / width) * 2 * Math.PI - Math.PI;
    sinT[i] = Math.sin(theta);
    cosT[i] = Math.cos(theta);
  }
  const half = size / 2;
  const max = size - 1;
  let o = 0;
  for (let j = 0; j < height; j++) {
    const phi = Math.PI / 2 - ((j + 0.5) / height) * Math.PI;
    const y = Math.sin(phi);
    const c = Math.cos(phi);
    const ay = Math.abs(y);
    for (let i = 0; i < width; i++) {
      const x = c * sinT[i]!;
      const z = c * cosT[i]!;
      const ax = Math.abs(x);
      const az = Math.abs(z);
      let face: number;
      let u: number;
      let v: number;
      if (az >= ax && az >= ay) {
        if (z > 0) (face = 0), (u = x / az);
        else (face = 2), (u = -x / az);
        v = y / az;
      } else if (ax >= ay) {
        if (x > 0) (face = 1), (u = -z / ax);
        else (face = 3), (u = z / ax);
        v = y / ax;
      } else if (y > 0) (face = 4), (u = x / ay), (v = -z / ay);
      else (face = 5), (u = x / ay), (v = z / ay);
      // Bilinear sample of the face (pixel centres at .5).
      let fx = (u + 1) * half - 0.5;
      let fy = (1 - v) * half - 0.5;
      if (fx < 0) fx = 0;
      else if (fx > max) fx = max;
      if (fy < 0) fy = 0;
      else if (fy > max) fy = max;
      const x0 = fx | 0;
      const y0 = fy | 0;
      const x1 = x0 < max ? x0 + 1 : x0;
      const y1 = y0 < max ? y0 + 1 : y0;
      const dx = fx - x0;
      const dy = fy - y0;
      const src = faces[face]!;
      const p00 = (y0 * size + x0) * 3;
      const p10 = (y0 * size + x1) * 3;
      const p01 = (y1 * size + x0) * 3;
      const p11 = (y1 * size + x1) * 3;
      const w00 = (1 - dx) * (1 - dy);
      const w10 = dx * (1 - dy);
      const w01 = (1 - dx) * dy;
      const w11 = dx * dy;
      out[o++] = src[p00]! * w00 + src[p10]! * w10 + src[p01]! * w01 + src[p11]! * w11 + 0.5;
      out[o++] = src[p00 + 1]! * w00 + src[p10 + 1]! * w10 + src[p01 + 1]! * w01 + src[p11 + 1]! * w11 + 0.5;
      out[o++] = src[p00 + 2]! * w00 + src[p10 + 2]! * w10 + src[p01 + 2]! * w01 + src[p11 + 2]! * w11 + 0.5;
    }
  }
  return out;
}

export interface RenderOptions {
  /** Equirect width (height is half); a multiple of 4. Default 4096. */
  width?: number;
  /** Folder for cached JPEGs; null disables the cache. Default: <tmp>/sifa-tours-demo-panoramas. */
  cacheDir?: string | null;
}

export const defaultPanoramaCacheDir = () => join(tmpdir(), 'sifa-tours-demo-panoramas');

/** A JPEG equirectangular panorama of `room` (from the cache when the same inputs were rendered before). */
export async function renderRoomPanorama(room: RoomSpec, options: RenderOptions = {}): Promise<{ jpeg: Buffer; cached: boolean; ms: number }> {
  const started = Date.now();
  const width = options.width ?? 4096;
  const cacheDir = options.cacheDir === undefined ? defaultPanoramaCacheDir() : options.cacheDir;
  const key = createHash('sha256').update(JSON.stringify({ generatorVersion, width, room })).digest('hex');
  const file = cacheDir ? join(cacheDir, `${key}.jpg`) : null;
  if (file) {
    const hit = await readFile(file).catch(() => null);
    if (hit) return { jpeg: hit, cached: true, ms: Date.now() - started };
  }
  const size = width / 4;
  const faces = await Promise.all(
    [wallSvg(room.front), wallSvg(room.right), wallSvg(room.back), wallSvg(room.left), ceilingSvg(room.ceiling), floorSvg(room.floor)].map((svg) => rasterise(svg, size)),
  );
  const raw = cubeToEquirect(faces, size, width);
  const jpeg = await sharp(raw, { raw: { width, height: width / 2, channels: 3 } }).jpeg({ quality: 85, mozjpeg: false }).toBuffer();
  if (file && cacheDir) {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, jpeg);
    await rename(tmp, file);
  }
  return { jpeg, cached: false, ms: Date.now() - started };
}
