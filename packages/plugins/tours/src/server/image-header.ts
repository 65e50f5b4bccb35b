/**
 * The pixel size an image declares in its header (PNG IHDR, JPEG SOFn, WebP VP8 / VP8L / VP8X),
 * read from the bytes without any decoder. The pixel budget is checked against it before sharp
 * sees the image: a 16384×8192 PNG can be 127 KB on the wire and 512 MiB once decoded.
 */

export interface DeclaredSize {
  width: number;
  height: number;
}

type HeaderMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The width and height the header declares, or null when the header is missing, cut short or malformed. */
export function declaredImageSize(bytes: Uint8Array, type: HeaderMime): DeclaredSize | null {
  const size = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** PNG: the signature, then IHDR first of all chunks (length 13): width, height as 32-bit big-endian. */
function pngSize(b: Uint8Array): DeclaredSize | null {
  if (b.length < 24 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/**
 * JPEG: walk the marker segments after SOI up to the first start-of-frame (SOF0–SOF15 except
 * DHT C4, JPG C8, DAC CC): precision, then height and width as 16-bit big-endian. Segments
 * (APPn with an EXIF thumbnail among them) are skipped by their length, so a thumbnail's frame
 * is never taken for the image's. Scan data before a frame, or a height of 0 (DNL), is null.
 */
function jpegSize(b: Uint8Array): DeclaredSize | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // TEM, RSTn: no length
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return null;
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return null;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/**
 * WebP (RIFF … WEBP, then the first chunk): `VP8 ` (lossy: 14-bit width and height after the
 * start code 9D 01 2A), `VP8L` (lossless: signature 2F, then 14 + 14 bits of size − 1) or
 * `VP8X` (extended: 24-bit canvas width − 1 and height − 1).
 */
function webpSize(b: Uint8Array): DeclaredSize | null {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}
