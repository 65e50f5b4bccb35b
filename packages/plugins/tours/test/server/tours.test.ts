/**
 * The tours plugin end to end over HTTP, on both engines: the ToursApi contract, uploads (what
 * is refused and why, previews, the image routes' headers), drafts and their validation,
 * publishing that freezes, the archive, public reads through publishable keys, scope, and the
 * synthetic demo seed.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import sharp from 'sharp';
import zlib from 'node:zlib';
import { count, eq, gt, sql } from 'drizzle-orm';
import { seedPlugins, type AppRouterOf } from '@sifa/server';
import { createToursPlugin, tourImages, tours } from '../../src/server/index.js';
import type { EditorTourSummary, TourDraftInput, TourDraftView, ToursApi, TourSummary, TourVersion, TourVersionInfo } from '../../src/index.js';
import { demoTourId } from '../../src/server/demo-seed.js';
import { rawFetch, sifaErrorOf, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';

const plugins = [createToursPlugin({ demo: { panoramaWidth: 2048 } })] as const;
type Plugins = typeof plugins;
let t: TestServer<AppRouterOf<Plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

const tokenOf = (user: keyof typeof testUsers) => t.tokenOf(user);

/** A 2:1 test image with some structure (so it is not blank and each seed gives other bytes). */
async function panorama(width: number, height: number, seed: number, format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="rgb(${seed % 255},120,200)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#fc0"/><rect x="${width / 2}" y="${height / 4}" width="${width / 5}" height="${height / 3}" fill="#063"/></svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

/** A valid PNG of one colour (8-bit greyscale): a few hundred KB however large it says it is. */
async function flatPng(width: number, height: number): Promise<Buffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  // Each row: filter byte 0 and `width` grey pixels, deflated as one stream a row at a time (the
  // whole raw image, 128 MiB, never exists).
  const row = Buffer.alloc(width + 1, 0x80);
  row[0] = 0;
  const deflate = zlib.createDeflate({ level: 9, strategy: zlib.constants.Z_RLE });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let y = 0; y < height; y++) if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))]);
}

async function upload(user: keyof typeof testUsers | null, body: Buffer | string, query = '', headers: Record<string, string> = {}) {
  const token = user ? await tokenOf(user) : null;
  return rawFetch(`${t.url}/plugins/tours/images${query}`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'image/jpeg', 'x-sifa-locale': 'en', ...headers },
    body,
  });
}

const sceneHotspots = (target: string): TourDraftInput['scenes'][number]['hotspots'] => [
  { id: 'go', kind: 'scene', yaw: 180, pitch: -5, targetSceneId: target, title: { zh: '前往', en: 'Go' } },
  { id: 'note', kind: 'info', yaw: 10, pitch: 5, title: { zh: '说明', en: 'Note' }, description: { zh: '说明文字', en: 'Some text' } },
];

describe('contract', () => {
  it('sends the very types the viewer renders (nothing turns into a string on the wire)', () => {
    // ToursApi is inferred from the router with the wire's serialisation: a Date (or any
    // non-JSON value) in a served type would make it differ from the declared domain type.
    expectTypeOf<ToursApi['tours.list']['output']>().toEqualTypeOf<TourSummary[]>();
    expectTypeOf<ToursApi['tours.get']['output']>().toEqualTypeOf<TourVersion>();
    expectTypeOf<ToursApi['tours.editable']['output']>().toEqualTypeOf<EditorTourSummary[]>();
    expectTypeOf<ToursApi['tours.draft']['output']>().toEqualTypeOf<TourDraftView>();
    expectTypeOf<ToursApi['tours.publish']['output']>().toEqualTypeOf<TourVersionInfo>();
  });
});

describe('image upload', () => {
  it('stores a good panorama, makes its preview and serves both with cache and CORS headers', async () => {
    const started = Date.now();
    // Photo-like weight: noise over the drawing (a flat drawing would compress to almost nothing).
    const tile = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 16 } } }).png().toBuffer();
    const big = await sharp(await panorama(8192, 4096, 1))
      .composite([{ input: tile, tile: true, blend: 'overlay' }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const made = Date.now();
    const res = await upload('xitun', big);
    const uploaded = Date.now();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ width: 8192, height: 4096, previewWidth: 2048, previewHeight: 1024, bytes: big.length });
    expect(res.json.url).toMatch(/^\/plugins\/tours\/images\/[0-9a-f]{64}\.jpg$/);
    console.log(`8192×4096 JPEG (${(big.length / 1024).toFixed(0)} KB): made in ${made - started} ms, upload + validation + preview + store ${uploaded - made} ms`);
    // The same bytes again: stored once, 200.
    expect((await upload('xitun', big)).status).toBe(200);

    const full = await fetch(`${t.url}${res.json.url}`);
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(big)).toBe(true);
    for (const [name, value] of Object.entries({
      'content-type': 'image/jpeg',
      'cache-control': 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    })) {
      expect(full.headers.get(name), name).toBe(value);
    }
    const etag = full.headers.get('etag')!;
    expect(etag).toBe(`"${res.json.url.slice(-68, -4)}"`);
    expect((await fetch(`${t.url}${res.json.url}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // A page on another origin loads it without any key (content-addressed URLs are capabilities).
    const preview = await fetch(`${t.url}${res.json.previewUrl}`, { headers: { origin: 'https://portal.example.org' } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('access-control-allow-origin')).toBe('*');
    expect(preview.headers.get('etag')).not.toBe(etag);
    const meta = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2048, height: 1024 });

    const head = await fetch(`${t.url}${res.json.url}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(big.length));
    // Generous: an 8192×4096 JPEG is made and decoded here, which takes long on a busy machine.
  }, 180_000);

  it('keeps PNG and WebP as they are, each under its own type', async () => {
    for (const format of ['png', 'webp'] as const) {
      const bytes = await panorama(2048, 1024, 7, format);
      const res = await upload('xitun', bytes, '', { 'content-type': 'application/octet-stream' });
      expect(res.status).toBe(201);
      const ext = format === 'png' ? 'png' : 'webp';
      expect(res.json.url).toMatch(new RegExp(`\\.${ext}$`));
      const got = await fetch(`${t.url}${res.json.url}`);
      expect(got.headers.get('content-type')).toBe(`image/${format}`);
      // Asked for under another extension: not found.
      expect((await fetch(`${t.url}${res.json.url.replace(/\.\w+$/, '.jpg')}`)).status).toBe(404);
    }
  });

  it('refuses what is not a JPEG, PNG or WebP, judged by the bytes', async () => {
    const gif = await upload('xitun', await panorama(2048, 1024, 2, 'gif'));
    expect(gif.status).toBe(415);
    expect(gif.json.error.data).toMatchObject({ sifaCode: 'UNSUPPORTED_MEDIA_TYPE', details: { detected: 'GIF' } });
    expect(gif.json.error.message).toBe('A panorama must be a JPEG, PNG or WebP image; this file is a GIF file (judged by its content, not its name).');
    // A text file sent as image/jpeg (renamed .jpg): still text.
    const text = await upload('xitun', 'hello, I am not a picture\n'.repeat(50), '', { 'x-sifa-locale': 'zh-CN' });
    expect(text.status).toBe(415);
    expect(text.json.error.message).toBe('全景图须为 JPEG、PNG 或 WebP 格式，此文件是 文本 格式（按文件内容判断，与文件名无关）。');
    expect(text.json.error.data.details.detected).toBe('text');
  });

  it('refuses images that are not 2:1, too narrow, damaged or too large, saying what is wrong', async () => {
    const wide = await upload('xitun', await panorama(4000, 3000, 3));
    expect(wide.status).toBe(400);
    expect(wide.json.error.message).toBe('The panorama must be 2:1 (an equirectangular image twice as wide as it is high); this one is 4000×3000.');
    expect(wide.json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { width: 4000, height: 3000 }, issues: [{ path: 'image' }] });
    // One pixel off is tolerated.
    expect((await upload('xitun', await panorama(2049, 1024, 4))).status).toBe(201);

    const small = await upload('xitun', await panorama(800, 400, 5), '', { 'x-sifa-locale': 'zh-CN' });
    expect(small.status).toBe(400);
    expect(small.json.error.message).toBe('全景图宽度须在 1024 至 8192 像素之间，这张是 800×400。');

    const good = await panorama(2048, 1024, 6);
    const truncated = await upload('xitun', good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.status).toBe(400);
    expect(truncated.json.error.message).toMatch(/damaged or incomplete/);

    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 0xff);
    const tooLarge = await upload('xitun', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.data).toMatchObject({ sifaCode: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 25 * 1024 * 1024 } });
    expect(JSON.stringify(tooLarge.json)).not.toMatch(/stack|at .*\.ts/);
  });

  it('refuses a panorama above the pixel budget from its header, before decoding it (issue 20: a 127 KB 16384×8192 PNG)', async () => {
    // Tiny bytes, huge dimensions: a real PNG (its IDAT one zlib stream of one colour) that
    // would take 512 MiB to decode. Made with zlib, not sharp, so making it costs nothing either.
    const huge = await flatPng(16384, 8192);
    // It is an image every decoder reads as 16384×8192 (sharp only reads its header here).
    expect(await sharp(huge, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 16384, height: 8192 });
    expect(huge.length).toBeLessThan(1024 * 1024);
    for (const locale of ['en', 'zh-CN'] as const) {
      const res = await upload('xitun', huge, '', { 'x-sifa-locale': locale });
      expect(res.status).toBe(413);
      expect(res.json.error.data).toMatchObject({
        sifaCode: 'PAYLOAD_TOO_LARGE',
        pluginError: 'tours.panoramaTooManyPixels',
        details: { width: 16384, height: 8192, maxPixels: 8192 * 4096, maxWidth: 8192, maxHeight: 4096 },
        issues: [{ path: 'image' }],
      });
      expect(res.json.error.message).toBe(
        locale === 'en'
          ? 'A panorama may have at most 33554432 pixels (33.6 megapixels, i.e. 8192×4096); this one is 16384×8192. Scale it down and upload it again.'
          : '全景图最多 33554432 像素（33.6 百万像素，即 8192×4096），这张是 16384×8192。请缩小后再上传。',
      );
    }
    // JPEG and WebP headers are read the same way: only the header is real here, so a decoder
    // would call them damaged; the budget answers first.
    const jpegHeader = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc2, 0x00, 0x11, 8, 0x20, 0x00, 0x40, 0x00, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xda]);
    const webpHeader = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X'), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x3f, 0, 0xff, 0x1f, 0]), Buffer.alloc(16)]);
    for (const [bytes, width, height] of [[jpegHeader, 16384, 8192], [webpHeader, 16384, 8192]] as const) {
      const res = await upload('xitun', bytes);
      expect(res.status).toBe(413);
      expect(res.json.error.data).toMatchObject({ pluginError: 'tours.panoramaTooManyPixels', details: { width, height } });
    }
    // At the budget, fine: 8192×4096 is accepted (the first test of this block). Nothing was stored.
    const stored = await t.db.handle.db.select({ n: count() }).from(tourImages).where(gt(tourImages.width, 8192));
    expect(stored).toEqual([{ n: 0 }]);
  }, 60_000);

  it('needs a signed-in editor, and an org in scope', async () => {
    const bytes = await panorama(2048, 1024, 8);
    const anonymous = await upload(null, bytes);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.data.sifaCode).toBe('UNAUTHENTICATED');
    const forged = await rawFetch(`${t.url}/plugins/tours/images`, { method: 'POST', headers: { authorization: 'Bearer nonsense' }, body: bytes });
    expect(forged.status).toBe(401);
    const elsewhere = await upload('xitun', bytes, '?orgCode=150402002');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json.error.data.sifaCode).toBe('OUT_OF_SCOPE');
  });
});

describe('drafts, publishing and the archive', () => {
  let images: string[] = [];
  let tourId = '';

  beforeAll(async () => {
    images = [];
    for (const seed of [20, 21, 22]) {
      const res = await upload('xitun', await panorama(2048, 1024, seed));
      images.push(res.json.sha256 as string);
    }
  });

  const draftV1 = (): TourDraftInput => ({
    title: { zh: '测试全景', en: 'Test tour' },
    scenes: [
      { id: 'a', title: { zh: '大厅', en: 'Hall' }, image: images[0]!, hotspots: sceneHotspots('b') },
      { id: 'b', title: { zh: '调解室', en: 'Mediation' }, image: images[1]!, initialView: { yaw: 30, pitch: -10, fov: 75 }, northOffset: -45, hotspots: sceneHotspots('a') },
    ],
  });

  it('creates a tour and validates the whole draft', async () => {
    const xitun = await t.client('xitun');
    const created = await xitun.tours.create.mutate({ kind: 'office', title: { zh: '测试全景', en: 'Test tour' } });
    tourId = created.tourId;
    expect(created).toMatchObject({ orgCode: '150402001', version: null, revision: 0, scenes: [], versions: [] });

    const bad = draftV1();
    bad.scenes[0]!.hotspots = [
      { id: 'go', kind: 'scene', yaw: 0, pitch: 0, targetSceneId: 'nowhere', title: { zh: '去', en: 'Go' } },
      { id: 'x', kind: 'link', yaw: 0, pitch: 0, url: 'javascript:alert(1)', title: { zh: '链接', en: 'Link' } },
      { id: 'w', kind: 'widget', yaw: 0, pitch: 0, element: 'script', attributes: {}, title: { zh: '组件', en: 'Widget' } },
      { id: 'v', kind: 'widget', yaw: 0, pitch: 0, element: 'sifa-legal-map', attributes: { onclick: 'x' }, title: { zh: '组件', en: 'Widget' } },
      { id: 'y', kind: 'info', yaw: 200, pitch: 95, title: { zh: '信息', en: 'Info' } },
    ];
    const error = await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId, revision: 0, draft: bad }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    const paths = error.data.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'draft.scenes.0.hotspots.1.url',
        'draft.scenes.0.hotspots.2.element',
        'draft.scenes.0.hotspots.4.yaw',
        'draft.scenes.0.hotspots.4.pitch',
      ]),
    );
    expect(paths).toContain('draft.scenes.0.hotspots.3.attributes.onclick');

    // Once each hotspot is well formed, the draft is checked as a whole: scene targets must exist.
    const dangling = draftV1();
    dangling.scenes[0]!.hotspots = [{ id: 'go', kind: 'scene', yaw: 0, pitch: 0, targetSceneId: 'nowhere', title: { zh: '去', en: 'Go' } }];
    dangling.scenes.push({ ...dangling.scenes[1]!, id: 'b' });
    const whole = await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId, revision: 0, draft: dangling }));
    expect(whole.data.issues).toEqual([
      { path: 'draft.scenes.2.id', message: 'Scene id "b" is used twice' },
      { path: 'draft.scenes.0.hotspots.0.targetSceneId', message: 'There is no scene "nowhere" in this tour' },
    ]);

    const unknownImage = draftV1();
    unknownImage.scenes[1]!.image = 'f'.repeat(64);
    const missing = await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId, revision: 0, draft: unknownImage }));
    expect(missing.data.issues).toEqual([{ path: 'draft.scenes.1.image', message: expect.stringMatching(/upload it first/) }]);

    // Nothing was written by the refused saves.
    expect((await xitun.tours.draft.query({ tourId })).revision).toBe(0);
    // Publishing an empty draft is refused.
    expect((await sifaErrorOf(xitun.tours.publish.mutate({ tourId }))).data.sifaCode).toBe('VALIDATION_FAILED');
  });

  it('publishing freezes a version; later edits and versions leave it exactly as it was', async () => {
    const xitun = await t.client('xitun');
    const saved = await xitun.tours.saveDraft.mutate({ tourId, revision: 0, draft: draftV1() });
    expect(saved.revision).toBe(1);
    expect(saved.scenes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(saved.scenes[1]).toMatchObject({ initialView: { yaw: 30, pitch: -10, fov: 75 }, northOffset: -45 });

    const key = await t.publishableKey('150402');
    const pub = t.publicClient(key);
    // Not published yet: the public sees nothing.
    expect(await pub.tours.list.query({})).toEqual([]);
    expect((await sifaErrorOf(pub.tours.get.query({ tourId }))).data.sifaCode).toBe('NOT_FOUND');

    const v1info = await xitun.tours.publish.mutate({ tourId, revision: 1, note: { zh: '首次发布', en: 'First' } });
    expect(v1info).toMatchObject({ version: 1, note: { en: 'First' } });
    const v1 = await pub.tours.get.query({ tourId });
    expect(v1).toMatchObject({ tourId, orgCode: '150402001', kind: 'office', version: 1, firstSceneId: 'a', title: { en: 'Test tour' } });
    expect(v1.scenes[0]!.image).toMatchObject({ width: 2048, height: 1024, url: `/plugins/tours/images/${images[0]}.jpg`, previewUrl: `/plugins/tours/preview/${images[0]}.jpg` });
    expect(v1.scenes[0]!.hotspots[1]).toEqual({ id: 'note', kind: 'info', yaw: 10, pitch: 5, title: { zh: '说明', en: 'Note' }, description: { zh: '说明文字', en: 'Some text' } });

    // Edit the draft after publishing: a renamed title, one scene removed, another image.
    const edited = draftV1();
    edited.title = { zh: '测试全景（新）', en: 'Test tour (new)' };
    edited.scenes = [{ ...edited.scenes[0]!, image: images[2]!, hotspots: [] }];
    // A stale revision is refused.
    expect((await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId, revision: 0, draft: edited }))).data.sifaCode).toBe('CONFLICT');
    await xitun.tours.saveDraft.mutate({ tourId, revision: 1, draft: edited });
    const stillV1 = await pub.tours.get.query({ tourId });
    expect(stillV1).toEqual(v1);

    const v2info = await xitun.tours.publish.mutate({ tourId });
    expect(v2info.version).toBe(2);
    const v2 = await pub.tours.get.query({ tourId });
    expect(v2).toMatchObject({ version: 2, title: { en: 'Test tour (new)' }, scenes: [{ id: 'a', image: { url: `/plugins/tours/images/${images[2]}.jpg` } }] });
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(v2.versions[1]).toEqual({ version: 1, publishedAt: v1info.publishedAt, note: { zh: '首次发布', en: 'First' } });

    // The archive: version 1 with its own scenes, exactly as published.
    const archived = await pub.tours.get.query({ tourId, version: 1 });
    expect({ ...archived, versions: v1.versions }).toEqual(v1);
    expect((await sifaErrorOf(pub.tours.get.query({ tourId, version: 9 }))).data.sifaCode).toBe('NOT_FOUND');

    const [summary] = await pub.tours.list.query({});
    expect(summary).toEqual({
      id: tourId,
      orgCode: '150402001',
      kind: 'office',
      title: { zh: '测试全景（新）', en: 'Test tour (new)' },
      latestVersion: 2,
      publishedAt: v2info.publishedAt,
      coverUrl: `/plugins/tours/preview/${images[2]}.jpg`,
    });

    // The database itself refuses to change a published version.
    await expect(t.db.handle.db.execute(sql`UPDATE tours_versions SET note = NULL WHERE tour_id = ${tourId}`)).rejects.toThrow();
    await expect(t.db.handle.db.execute(sql`DELETE FROM tours_versions WHERE tour_id = ${tourId}`)).rejects.toThrow();
  });

  it('public reads see published tours of the key\'s subtree only', async () => {
    const songshan = t.publicClient(await t.publishableKey('150404'));
    expect(await songshan.tours.list.query({})).toEqual([]);
    expect((await sifaErrorOf(songshan.tours.get.query({ tourId }))).data.sifaCode).toBe('NOT_FOUND');
    const office = t.publicClient(await t.publishableKey('150402001'));
    expect((await office.tours.list.query({})).map((s) => s.id)).toEqual([tourId]);
    expect((await sifaErrorOf(office.tours.list.query({ orgCode: '150402' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    // Without a key or sign-in: refused.
    expect((await sifaErrorOf((await t.client()).tours.list.query({}))).data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('an office cannot edit or publish another office\'s tour, and nothing is written', async () => {
    const other = await t.client('sanzhongjie');
    const before = await (await t.client('xitun')).tours.draft.query({ tourId });
    expect((await sifaErrorOf(other.tours.saveDraft.mutate({ tourId, draft: draftV1() }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(other.tours.publish.mutate({ tourId }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(other.tours.draft.query({ tourId }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(other.tours.create.mutate({ orgCode: '150402001', kind: 'office', title: { zh: '别人的', en: 'Not mine' } }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect(await other.tours.editable.query({})).toEqual([]);
    const after = await (await t.client('xitun')).tours.draft.query({ tourId });
    expect(after).toEqual(before);
    // The county sees and may edit it.
    expect((await (await t.client('hongshan')).tours.editable.query({})).map((s) => s.id)).toContain(tourId);
    // An office tour belongs to an office.
    const county = await t.client('hongshan');
    expect((await sifaErrorOf(county.tours.create.mutate({ kind: 'office', title: { zh: '区', en: 'County' } }))).data.issues[0]!.path).toBe('orgCode');
    expect((await county.tours.create.mutate({ kind: 'education-site', title: { zh: '基地', en: 'Site' } })).orgCode).toBe('150402');
  });

  // Issue 20 F1: an office published a widget hotspot whose `tour-href` / `detail-href` was
  // `java<TAB>script:…`; only a leading `javascript:` was caught, and the browser's URL parsing
  // (tabs and newlines dropped, leading controls trimmed, scheme case-folded) made it a script link.
  it('refuses hotspot addresses that the browser would parse as script, when saved and again when published', async () => {
    const xitun = await t.client('xitun');
    const created = await xitun.tours.create.mutate({ kind: 'office', title: { zh: '链接检查', en: 'Link check' } });
    const widgetDraft = (attributes: Record<string, string>, url = 'https://www.12348.gov.cn/'): TourDraftInput => ({
      title: { zh: '链接检查', en: 'Link check' },
      scenes: [
        {
          id: 'a',
          title: { zh: '大厅', en: 'Hall' },
          image: images[0]!,
          hotspots: [
            { id: 'map', kind: 'widget', yaw: 0, pitch: 0, element: 'sifa-legal-map', attributes, title: { zh: '地图', en: 'Map' } },
            { id: 'out', kind: 'link', yaw: 90, pitch: 0, url, title: { zh: '链接', en: 'Link' } },
          ],
        },
      ],
    });
    const attacks = ['java\tscript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '\u0001javascript:alert(1)', 'java\nscript:alert(1)', 'javascript&colon;alert(1)'];
    for (const attack of attacks) {
      const error = await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId: created.tourId, draft: widgetDraft({ 'org-code': '150402', 'tour-href': attack, 'detail-href': attack }, attack) }));
      expect(error.data.sifaCode, JSON.stringify(attack)).toBe('VALIDATION_FAILED');
      expect(error.data.issues.map((i) => i.path).sort(), JSON.stringify(attack)).toEqual([
        'draft.scenes.0.hotspots.0.attributes.detail-href',
        'draft.scenes.0.hotspots.0.attributes.tour-href',
        'draft.scenes.0.hotspots.1.url',
      ]);
      // The message says which addresses are accepted.
      expect(error.data.issues[0]!.message).toMatch(/https:\/\/.*http:\/\//);
    }
    // Event handlers and the plain HTML address attributes are refused by name.
    const named = await sifaErrorOf(xitun.tours.saveDraft.mutate({ tourId: created.tourId, draft: widgetDraft({ onmouseover: 'alert(1)', ONCLICK: 'x', href: '/x', formaction: '/x' }) }));
    expect(named.data.issues.map((i) => i.path).sort()).toEqual(
      expect.arrayContaining(['draft.scenes.0.hotspots.0.attributes.onmouseover', 'draft.scenes.0.hotspots.0.attributes.href', 'draft.scenes.0.hotspots.0.attributes.formaction']),
    );
    expect((await xitun.tours.draft.query({ tourId: created.tourId })).revision).toBe(0);

    // A draft saved before the rule (written straight into the table here) is not published as it is.
    const stored = widgetDraft({ 'org-code': '150402', 'tour-href': 'java\tscript:alert(document.domain)', 'detail-href': '\u0001javascript:alert(1)' });
    await t.db.handle.db.update(tours).set({ draft: stored as never, draftRevision: 1 }).where(eq(tours.id, created.tourId));
    const refused = await sifaErrorOf(xitun.tours.publish.mutate({ tourId: created.tourId, revision: 1 }));
    expect(refused.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(refused.data.issues.map((i) => i.path).sort()).toEqual(['draft.scenes.0.hotspots.0.attributes.detail-href', 'draft.scenes.0.hotspots.0.attributes.tour-href']);
    const key = await t.publishableKey('150402001');
    expect((await sifaErrorOf(t.publicClient(key).tours.get.query({ tourId: created.tourId }))).data.sifaCode).toBe('NOT_FOUND');

    // http(s), relative and protocol-relative addresses are kept as written and published.
    const fine = widgetDraft({ 'org-code': '150402', 'tour-href': '/tours/{tourId}', 'detail-href': 'https://sifa.example.gov.cn/warnings?id={id}', 'more-link': '//cdn.example.org/x' });
    await xitun.tours.saveDraft.mutate({ tourId: created.tourId, revision: 1, draft: fine });
    expect((await xitun.tours.publish.mutate({ tourId: created.tourId, revision: 2 })).version).toBe(1);
    const published = await t.publicClient(key).tours.get.query({ tourId: created.tourId });
    expect(published.scenes[0]!.hotspots[0]).toMatchObject({ kind: 'widget', attributes: fine.scenes[0]!.hotspots![0]!.kind === 'widget' ? fine.scenes[0]!.hotspots![0]!.attributes : {} });
  });
});

describe('synthetic demo seed', () => {
  it('publishes demo tours with real 2:1 JPEG panoramas, idempotently', async () => {
    const logs: string[] = [];
    const started = Date.now();
    await seedPlugins(t.server, ['1504', '150402', '150402001', '150402002', '150402003', '150404'], (m) => logs.push(m));
    const firstRun = Date.now() - started;
    await seedPlugins(t.server, ['1504', '150402', '150402001', '150402002', '150402003', '150404'], (m) => logs.push(m));
    console.log(`seed: ${firstRun} ms first run (${logs.filter((l) => l.includes("cached")).length} panoramas from the cache)`);

    const pub = t.publicClient(await t.publishableKey('150402'));
    const demo = (await pub.tours.list.query({})).filter((s) => s.title.en.includes('synthetic demo'));
    expect(demo.map((s) => s.orgCode).sort()).toEqual(['150402', '150402001', '150402002', '150402003']);
    expect(demo.find((s) => s.kind === 'education-site')!.orgCode).toBe('150402');

    const xitun = await pub.tours.get.query({ tourId: demoTourId('xitun') });
    expect(xitun.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(xitun.scenes.map((s) => s.id)).toEqual(['hall', 'mediation', 'legal-aid']);
    expect((await pub.tours.get.query({ tourId: demoTourId('xitun'), version: 1 })).scenes.map((s) => s.id)).toEqual(['hall', 'mediation']);
    for (const scene of xitun.scenes) {
      for (const h of scene.hotspots) if (h.kind === 'scene') expect(xitun.scenes.map((s) => s.id)).toContain(h.targetSceneId);
    }

    const res = await fetch(`${t.url}${xitun.scenes[0]!.image.url}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2048, height: 1024 });
    const stats = await sharp(bytes).stats();
    // Not blank: every channel varies (walls, signs, floor), and the picture is not one colour.
    for (const channel of stats.channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(15);
    expect(stats.entropy).toBeGreaterThan(3);
  });
});
