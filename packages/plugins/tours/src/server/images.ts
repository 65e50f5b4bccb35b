/**
 * Panorama images: validation of an upload (type sniffed from the bytes, never the header; the
 * pixel budget read from the image header before anything is decoded; 2:1; size and width limits;
 * decodable), the preview (≤ 2048 px wide JPEG, made with sharp), storage
 * by SHA-256 in `tours_images`, and the two HTTP routes that upload and serve them.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { eq, inArray } from 'drizzle-orm';
import { pluginError, SifaError, type PluginRoute, type SifaDb } from '@sifa/core';
import { toursManifest } from '../index.js';
import type { PanoramaImage } from '../types.js';
import { declaredImageSize } from './image-header.js';
import { tourImages, type ImageRef } from './schema.js';

export interface ImageLimits {
  /** Largest upload in bytes (enforced while the body streams in). */
  maxBytes: number;
  minWidth: number;
  maxWidth: number;
  /**
   * Most pixels (width × height) a panorama may have, checked on the header before decoding:
   * decoding costs 4 bytes a pixel here (sharp, for the preview) and in every viewer's browser.
   */
  maxPixels: number;
  /** Width of previews (smaller images keep their own width). */
  previewWidth: number;
}

/**
 * The pixel budget: 8192×4096 (33.6 MP, 128 MiB decoded as RGBA). The viewer shows a panorama as
 * one WebGL texture and downscales anything above the GPU's MAX_TEXTURE_SIZE (8192 on most
 * phones, 16384 on desktops), but only after decoding it whole with createImageBitmap: a
 * 16384×8192 image is 512 MiB in a phone's browser for no visible gain there. 8192×4096 is also
 * the "8K" of 360° cameras, so nothing real is refused. A deployment may raise it (options).
 */
export const defaultImageLimits: ImageLimits = { maxBytes: 25 * 1024 * 1024, minWidth: 1024, maxWidth: 8192, maxPixels: 8192 * 4096, previewWidth: 2048 };

type Mime = 'image/jpeg' | 'image/png' | 'image/webp';
const extOf: Record<Mime, ImageRef['ext']> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const mimeOf: Record<ImageRef['ext'], Mime> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The type from the first bytes (magic numbers); the Content-Type header and file name are ignored. */
export function sniffImageType(bytes: Uint8Array): Mime | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** A name for what the bytes are, for the error message (GIF, PDF, text …). */
function describeUnsupported(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'GIF';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  if (head[0] === 0x42 && head[1] === 0x4d) return 'BMP';
  if (head.subarray(4, 12).toString('latin1').startsWith('ftyp')) return 'HEIC/MP4';
  if ([...head].every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) || b >= 0x80)) return 'text';
  return 'unknown';
}

function invalid(zh: string, en: string, details: Record<string, string | number>): SifaError {
  return new SifaError('VALIDATION_FAILED', { message: { zh, en }, issues: [{ path: 'image', message: en }], details });
}

/** `tours.panoramaTooManyPixels`, naming the budget in pixels and the 2:1 size that fills it. */
function tooManyPixels(width: number, height: number, maxPixels: number): SifaError {
  const maxHeight = Math.floor(Math.sqrt(maxPixels / 2));
  const maxWidth = 2 * maxHeight;
  const mp = (maxPixels / 1e6).toFixed(1);
  return pluginError(
    toursManifest,
    'panoramaTooManyPixels',
    { width, height, maxPixels, maxWidth, maxHeight },
    {
      message: {
        zh: `全景图最多 ${maxPixels} 像素（${mp} 百万像素，即 ${maxWidth}×${maxHeight}），这张是 ${width}×${height}。请缩小后再上传。`,
        en: `A panorama may have at most ${maxPixels} pixels (${mp} megapixels, i.e. ${maxWidth}×${maxHeight}); this one is ${width}×${height}. Scale it down and upload it again.`,
      },
      issues: [{ path: 'image', message: `At most ${maxPixels} pixels (${maxWidth}×${maxHeight})` }],
    },
  );
}

export interface ProcessedImage extends ImageRef {
  mimeType: Mime;
  data: Buffer;
  preview: Buffer;
}

/** Validates an uploaded panorama and makes its preview; throws a SifaError saying what is wrong. */
export async function processPanorama(data: Buffer, limits: ImageLimits = defaultImageLimits): Promise<ProcessedImage> {
  if (data.length === 0) throw invalid('没有收到图片内容，请选择全景图文件后再上传。', 'No image was received: choose a panorama file and upload it again.', { bytes: 0 });
  if (data.length > limits.maxBytes) {
    throw new SifaError('PAYLOAD_TOO_LARGE', {
      message: {
        zh: `全景图不能超过 ${Math.round(limits.maxBytes / 1048576)} MB，这张有 ${(data.length / 1048576).toFixed(1)} MB。`,
        en: `A panorama may be at most ${Math.round(limits.maxBytes / 1048576)} MB; this one is ${(data.length / 1048576).toFixed(1)} MB.`,
      },
      details: { maxBytes: limits.maxBytes, bytes: data.length },
    });
  }
  const mimeType = sniffImageType(data);
  if (!mimeType) {
    const found = describeUnsupported(data);
    throw new SifaError('UNSUPPORTED_MEDIA_TYPE', {
      message: {
        zh: `全景图须为 JPEG、PNG 或 WebP 格式，此文件${found === 'unknown' ? '不是可识别的图片' : `是 ${found === 'text' ? '文本' : found} 格式`}（按文件内容判断，与文件名无关）。`,
        en: `A panorama must be a JPEG, PNG or WebP image; this file is ${found === 'unknown' ? 'not a recognised image' : found === 'text' ? 'text' : `a ${found} file`} (judged by its content, not its name).`,
      },
      issues: [{ path: 'image', message: 'JPEG, PNG or WebP only' }],
      details: { detected: found },
    });
  }
  const corrupt = () =>
    invalid(
      '图片文件已损坏或不完整，无法读取，请重新导出后上传。',
      'The image file is damaged or incomplete and cannot be read. Export it again and upload the new file.',
      { type: mimeType },
    );
  // The pixel budget from the header, before sharp opens the image (a few bytes can declare
  // gigabytes of pixels); sharp is held to the same budget should its reading ever differ.
  const declared = declaredImageSize(data, mimeType);
  if (!declared) throw corrupt();
  if (declared.width * declared.height > limits.maxPixels) throw tooManyPixels(declared.width, declared.height, limits.maxPixels);
  const sharpOptions = { limitInputPixels: limits.maxPixels };
  let width: number;
  let height: number;
  try {
    const meta = await sharp(data, sharpOptions).metadata();
    width = meta.width;
    height = meta.height;
    if (`image/${meta.format === 'jpeg' ? 'jpeg' : meta.format}` !== mimeType) throw new Error('format mismatch');
  } catch {
    throw corrupt();
  }
  if (Math.abs(width - 2 * height) > 1) {
    throw invalid(
      `全景图须为 2:1 的等距柱状投影（宽是高的两倍），这张是 ${width}×${height}。`,
      `The panorama must be 2:1 (an equirectangular image twice as wide as it is high); this one is ${width}×${height}.`,
      { width, height },
    );
  }
  if (width < limits.minWidth || width > limits.maxWidth) {
    throw invalid(
      `全景图宽度须在 ${limits.minWidth} 至 ${limits.maxWidth} 像素之间，这张是 ${width}×${height}。`,
      `The panorama must be ${limits.minWidth} to ${limits.maxWidth} pixels wide; this one is ${width}×${height}.`,
      { width, height, minWidth: limits.minWidth, maxWidth: limits.maxWidth },
    );
  }
  let preview: { data: Buffer; info: { width: number; height: number } };
  try {
    // Decoding the whole image here also proves it is not truncated (sharp fails on warnings).
    preview = await sharp(data, { ...sharpOptions, failOn: 'warning' })
      .resize({ width: Math.min(width, limits.previewWidth), height: Math.round(Math.min(width, limits.previewWidth) / 2), fit: 'fill' })
      .flatten({ background: '#000000' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw corrupt();
  }
  return {
    sha256: createHash('sha256').update(data).digest('hex'),
    ext: extOf[mimeType],
    mimeType,
    width,
    height,
    bytes: data.length,
    data,
    preview: preview.data,
    previewWidth: preview.info.width,
    previewHeight: preview.info.height,
  };
}

/** Stores the image for `org` (once per org and hash); returns its reference. */
export async function storeImage(db: SifaDb, org: { code: string; path: string }, image: ProcessedImage, uploadedBy: string, at: Date): Promise<{ ref: ImageRef; created: boolean }> {
  const inserted = await db
    .insert(tourImages)
    .values({
      orgCode: org.code,
      orgPath: org.path,
      sha256: image.sha256,
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
      bytes: image.bytes,
      data: image.data,
      preview: image.preview,
      previewWidth: image.previewWidth,
      previewHeight: image.previewHeight,
      uploadedBy,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ sha256: tourImages.sha256 });
  const { data: _d, preview: _p, mimeType: _m, ...ref } = image;
  return { ref, created: inserted.length > 0 };
}

/** References of the images with these hashes visible in the current scope (one per hash). */
export async function imageRefs(db: SifaDb, hashes: readonly string[]): Promise<Map<string, ImageRef>> {
  const refs = new Map<string, ImageRef>();
  const wanted = [...new Set(hashes)];
  if (!wanted.length) return refs;
  // One query for all; an image stored by several orgs in scope has the same bytes: any row serves.
  const rows = await db
    .select({
      sha256: tourImages.sha256,
      mimeType: tourImages.mimeType,
      width: tourImages.width,
      height: tourImages.height,
      previewWidth: tourImages.previewWidth,
      previewHeight: tourImages.previewHeight,
      bytes: tourImages.bytes,
    })
    .from(tourImages)
    .where(inArray(tourImages.sha256, wanted));
  for (const row of rows) {
    if (!refs.has(row.sha256)) refs.set(row.sha256, { sha256: row.sha256, ext: extOf[row.mimeType], width: row.width, height: row.height, previewWidth: row.previewWidth, previewHeight: row.previewHeight, bytes: row.bytes });
  }
  return refs;
}

/** The public shape; URLs are server-relative unless a base URL is configured. */
export function panoramaOf(ref: ImageRef, baseUrl: string): PanoramaImage {
  return {
    url: `${baseUrl}/plugins/tours/images/${ref.sha256}.${ref.ext}`,
    width: ref.width,
    height: ref.height,
    previewUrl: `${baseUrl}/plugins/tours/preview/${ref.sha256}.jpg`,
    previewWidth: ref.previewWidth,
    previewHeight: ref.previewHeight,
    bytes: ref.bytes,
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * `POST /plugins/tours/images` (raw image bytes, bearer credentials; `?orgCode=` defaults to the
 * caller's own org) → the PanoramaImage JSON (201, or 200 when the org already had it).
 * `GET /plugins/tours/images/<sha256>.<jpg|png|webp>` and `GET /plugins/tours/preview/<sha256>.jpg`.
 */
export function imageRoutes(limits: ImageLimits, baseUrl: string): PluginRoute[] {
  // Served bytes never change for a hash, so a small in-process cache is always right; it spares
  // the database (PGlite reads a 12 MB bytea in about a second) when many viewers open one tour.
  const cache = new ByteCache(64 * 1024 * 1024);
  const upload: PluginRoute = {
    method: 'POST',
    path: '/images',
    maxBodyBytes: limits.maxBytes,
    // Checked by the platform before the image is read.
    permission: 'tours.write',
    async handler(request, ctx) {
      const actor = ctx.actor;
      const orgCode = new URL(request.url).searchParams.get('orgCode') ?? actor.scope.orgCode;
      // Decoding and the preview run before the transaction: no connection is held meanwhile.
      const image = await processPanorama(Buffer.from(await request.arrayBuffer()), limits);
      const stored = await ctx.platform.runScoped(actor, async (scoped) => {
        const org = await scoped.orgs.get(orgCode);
        const result = await storeImage(scoped.db, org, image, actor.userId, ctx.platform.now());
        await scoped.audit.record({ action: 'tours.image.upload', orgCode: org.code, entity: 'tours_images', entityId: image.sha256, after: { ...result.ref, created: result.created } });
        return result;
      });
      return json(stored.created ? 201 : 200, { sha256: image.sha256, ...panoramaOf(stored.ref, baseUrl) });
    },
  };

  const serve = (which: 'data' | 'preview'): PluginRoute => ({
    method: 'GET',
    path: which === 'data' ? '/images/:file' : '/preview/:file',
    // Content-addressed URLs are capabilities: whoever knows a SHA-256 may fetch those bytes, from
    // any origin (viewers load them into WebGL), without credentials. Nothing else is reachable
    // this way, a hash cannot be guessed, and published tours hand their URLs out anyway.
    anonymous: true,
    async handler(request, ctx) {
      const match = /^([0-9a-f]{64})\.(jpg|png|webp)$/.exec(ctx.params.file ?? '');
      const notFound = () => new SifaError('NOT_FOUND', { message: { zh: '没有这张全景图。', en: 'There is no such panorama image.' } });
      if (!match || (which === 'preview' && match[2] !== 'jpg')) throw notFound();
      const sha = match[1]!;
      const etag = `"${sha}${which === 'preview' ? '-preview' : ''}"`;
      const headers: Record<string, string> = {
        'cache-control': 'public, max-age=31536000, immutable',
        etag,
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'x-content-type-options': 'nosniff',
      };
      const ifNoneMatch = request.headers.get('if-none-match');
      const cacheKey = `${which}:${match[1]}.${match[2]}`;
      const cached = cache.get(cacheKey);
      if (cached) {
        if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
        return new Response(bodyOf(cached.body), { status: 200, headers: { ...headers, 'content-type': cached.type } });
      }
      const column = which === 'data' ? tourImages.data : tourImages.preview;
      // Root scope: the capability (the hash) is the access check, see above.
      const row = await ctx.platform.runPublicRead({ orgCode: '', orgPath: '/' }, async ({ db }) => {
        const [found] = await db
          .select(ifNoneMatch === etag ? { mimeType: tourImages.mimeType } : { mimeType: tourImages.mimeType, body: column })
          .from(tourImages)
          .where(eq(tourImages.sha256, sha))
          .limit(1);
        return found as { mimeType: Mime; body?: Buffer } | undefined;
      });
      if (!row || (which === 'data' && mimeOf[match[2] as ImageRef['ext']] !== row.mimeType)) throw notFound();
      const type = which === 'data' ? row.mimeType : 'image/jpeg';
      if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
      cache.set(cacheKey, { body: row.body!, type });
      return new Response(bodyOf(row.body!), { status: 200, headers: { ...headers, 'content-type': type } });
    },
  });

  return [upload, serve('data'), serve('preview')];
}

/** A Response body typed for both Node's and the DOM's lib (TypeScript 5.9 wants an ArrayBuffer-backed view). */
const bodyOf = (bytes: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

/** Least recently used entries go first once the byte budget is spent. */
class ByteCache {
  private readonly entries = new Map<string, { body: Buffer; type: string }>();
  private size = 0;
  constructor(private readonly budget: number) {}

  get(key: string) {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: { body: Buffer; type: string }) {
    if (entry.body.length > this.budget / 4 || this.entries.has(key)) return;
    this.entries.set(key, entry);
    this.size += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= old.body.length;
    }
  }
}
