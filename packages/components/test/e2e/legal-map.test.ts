/**
 * <sifa-legal-map> from the script-tag bundle on pages with a strict CSP, served by a real Sifa
 * server (the institutions plugin, seeded): the shell and list first, the renderer chunk and
 * maplibre's worker (a file of the bundle, same origin) after, the maplibre CSS adopted, zero
 * CSP violations; the map drawn (pixels); geolocation granted and denied through Playwright's
 * permissions; and a host page on another origin with the directives the README lists.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { strictCsp } from '@sifa/server';
import { launchChromium, removeDir, startTestServer, testBundle, watchedPage, type TestServer, type WatchedPage } from './harness.js';

const bundle = testBundle();
let pageDir: string;
let server: TestServer;
let url: string;
let browser: Browser;
const publishableKey = async (origin: string) => (await server.keysFor(origin)).publishable;

/** A page's map state, read in the page: counts of institutions listed and canvas colours near the given ones. */
async function mapState(w: WatchedPage, colours: string[]) {
  return w.page.evaluate((hexes) => {
    const el = document.querySelector('sifa-legal-map') as HTMLElement & { mapRenderer: { map: { getCanvas(): HTMLCanvasElement } } | null };
    const canvas = el.mapRenderer!.map.getCanvas();
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    const near = hexes.map((hex) => {
      const n = Number.parseInt(hex.slice(1), 16);
      const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i]! - rgb[0]!) <= 8 && Math.abs(pixels[i + 1]! - rgb[1]!) <= 8 && Math.abs(pixels[i + 2]! - rgb[2]!) <= 8) count++;
      return count;
    });
    return { listed: el.shadowRoot!.querySelectorAll('[role="option"]').length, near, pixels: pixels.length / 4 };
  }, colours);
}

const page = (key: string, extra = '') => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>legal map, strict CSP</title>
<link rel="icon" href="data:,">
<script type="module" src="/embed.js" data-sifa-key="${key}"></script>
<script type="module" src="/host.js"></script>
</head>
<body>
<main><sifa-legal-map${extra}></sifa-legal-map></main>
</body>
</html>
`;

// The host's own script (a file: no inline script under the CSP) records the element's events.
const hostJs = `window.__mapEvents = [];
for (const name of ['sifa-map-ready', 'sifa-map-select']) document.addEventListener(name, (e) => window.__mapEvents.push({ name, detail: e.detail }));
`;

beforeAll(async () => {
  [pageDir, browser] = await Promise.all([mkdtemp(join(tmpdir(), 'sifa-legal-map-page-')), launchChromium()]);
  server = await startTestServer([
      { prefix: '/', dir: pageDir },
      { prefix: '/chunks/', dir: join(bundle.dir, 'chunks'), immutable: true },
      { prefix: '/', dir: bundle.dir },
    ]);
  url = server.url;
  const key = await publishableKey(url);
  await writeFile(join(pageDir, 'index.html'), page(key));
  await writeFile(join(pageDir, 'gcj.html'), page(key, ' basemap-crs="gcj02"'));
  await writeFile(join(pageDir, 'host.js'), hostJs);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (pageDir) await removeDir(pageDir);
});

const waitReady = (w: WatchedPage) =>
  w.page.waitForFunction(() => (window as unknown as { __mapEvents: { name: string }[] }).__mapEvents.some((e) => e.name === 'sifa-map-ready'), null, { timeout: 45_000 });

describe('<sifa-legal-map> under a strict CSP on the Sifa origin', () => {
  let w: WatchedPage;
  afterAll(async () => w?.close());

  it('renders the list, then the map with maplibre’s worker from the bundle: zero violations, nothing failed', async () => {
    w = await watchedPage(browser);
    const response = await w.page.goto(`${url}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(strictCsp);
    await waitReady(w);
    await w.page.waitForLoadState('networkidle');
    expect(await w.violations()).toEqual([]);
    expect(w.failedResponses).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    // The renderer is not part of the element's first load; it and the worker were fetched from the bundle.
    const first = bundle.firstLoad('sifa-legal-map');
    expect(first.some((f) => f.includes('renderer'))).toBe(false);
    const fetched = w.requests.filter((r) => r.startsWith(url)).map((r) => new URL(r).pathname);
    expect(fetched.some((p) => /^\/chunks\/renderer-[\w-]+\.js$/.test(p))).toBe(true);
    expect(fetched.some((p) => /^\/chunks\/maplibre-gl-worker-[\w-]+\.mjs$/.test(p))).toBe(true);
    // Nothing from outside the page's origin: the offline map needs no tiles, glyphs or sprites.
    expect(w.requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  });

  it('draws background, counties and borders (canvas pixels), and the list is complete', async () => {
    const state = await mapState(w, ['#dce8ee', '#f5f3ef', '#8a1c1c']);
    expect(state.listed).toBeGreaterThan(20);
    const [background, fill, border] = state.near as [number, number, number];
    expect(background).toBeGreaterThan(state.pixels * 0.02);
    expect(fill).toBeGreaterThan(state.pixels * 0.1);
    expect(border).toBeGreaterThan(100);
  });

  it('keyboard: Tab into the list, arrows, Enter opens the popup, Escape closes it', async () => {
    const list = w.page.locator('sifa-legal-map [role="option"]');
    await list.first().focus();
    await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Enter');
    const second = await list.nth(1).getAttribute('data-id');
    await w.page.locator('sifa-legal-map [part="popup"]').waitFor();
    const events = await w.page.evaluate(() => (window as unknown as { __mapEvents: { name: string; detail: unknown }[] }).__mapEvents.filter((e) => e.name === 'sifa-map-select'));
    // With the institution's type and owning org (what a <sifa-apply> of the page takes an office from).
    expect(events).toEqual([{ name: 'sifa-map-select', detail: { id: second, type: expect.stringMatching(/^[a-z][a-z-]*$/), orgCode: expect.stringMatching(/^\d{2,9}$/) } }]);
    await w.page.keyboard.press('Escape');
    await w.page.locator('sifa-legal-map [part="popup"]').waitFor({ state: 'detached' });
    expect(await w.violations()).toEqual([]);
  });
});

describe('the list before the map', () => {
  it('works while the renderer chunk is still on its way (held back by the test)', async () => {
    const w = await watchedPage(browser);
    try {
      let release!: () => void;
      const held = new Promise<void>((done) => (release = done));
      let asked = false;
      await w.page.route(/\/chunks\/renderer-[\w-]+\.js$/, async (route) => {
        asked = true;
        await held;
        await route.continue();
      });
      await w.page.goto(`${url}/index.html`);
      await w.page.locator('sifa-legal-map [role="option"]').first().waitFor();
      await expect.poll(() => asked).toBe(true);
      expect(await w.page.locator('sifa-legal-map .map-status').textContent()).toBe('正在加载地图…');
      // Search and selection already work.
      await w.page.locator('sifa-legal-map input[type="search"]').fill('法律援助中心');
      await expect.poll(() => w.page.locator('sifa-legal-map [role="option"]').count()).toBe(12);
      await w.page.locator('sifa-legal-map [role="option"]').first().click();
      await w.page.locator('sifa-legal-map [part="popup"]').waitFor();
      release();
      await waitReady(w);
      expect(await w.page.locator('sifa-legal-map .map-status').count()).toBe(0);
      expect(await w.violations()).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('nearest to me with the browser’s real permission prompt', () => {
  it('denied: the county chooser appears with the reason in Chinese, and sorts by the chosen county', async () => {
    const w = await watchedPage(browser);
    try {
      await w.context.clearPermissions();
      await w.page.goto(`${url}/index.html`);
      await w.page.locator('sifa-legal-map [role="option"]').first().waitFor();
      await w.page.locator('sifa-legal-map .nearest').click();
      await expect.poll(() => w.page.locator('sifa-legal-map #geo-message').textContent(), { timeout: 15_000 }).toBe('未获准使用您的位置。请选择您所在的旗县区，将按与该地的距离排序。');
      await w.page.locator('sifa-legal-map #county').selectOption('150429');
      await expect.poll(() => w.page.locator('sifa-legal-map [role="option"] .meta').first().textContent()).toContain('公里');
      expect(await w.violations()).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('granted: sorted by distance from the browser’s position, shown in km', async () => {
    const w = await watchedPage(browser);
    try {
      await w.context.grantPermissions(['geolocation']);
      await w.context.setGeolocation({ latitude: 41.6, longitude: 119.32 });
      await w.page.goto(`${url}/index.html`);
      await w.page.locator('sifa-legal-map [role="option"]').first().waitFor();
      await w.page.locator('sifa-legal-map .nearest').click();
      await expect.poll(() => w.page.locator('sifa-legal-map [role="option"] .meta').first().textContent(), { timeout: 15_000 }).toContain('公里');
      const km = (await w.page.locator('sifa-legal-map [role="option"] .meta').allTextContents()).map((t) => Number(t.match(/约 ([\d.,]+) 公里/)?.[1]?.replace(',', '')));
      expect(km.every(Number.isFinite)).toBe(true);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      expect(km[0]).toBeLessThan(30);
    } finally {
      await w.close();
    }
  });
});

describe('base map in GCJ-02', () => {
  it('draws the selected institution at its GCJ-02 position, and the Amap link carries GCJ-02', async () => {
    const w = await watchedPage(browser);
    try {
      await w.page.goto(`${url}/gcj.html`);
      await waitReady(w);
      const first = w.page.locator('sifa-legal-map [role="option"]').first();
      await first.click();
      const result = await w.page.evaluate(async () => {
        const el = document.querySelector('sifa-legal-map') as HTMLElement & { selected: string; mapRenderer: { map: { project(p: [number, number]): { x: number; y: number }; unproject(p: [number, number]): { lng: number; lat: number }; once(e: string, f: () => void): void; isMoving(): boolean }; markers(): HTMLElement[] } };
        const r = el.mapRenderer;
        await new Promise<void>((done) => (r.map.isMoving() ? r.map.once('moveend', () => done()) : done()));
        const marker = r.markers().find((m) => m.classList.contains('selected'))!;
        const m = marker.style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/)!;
        const at = r.map.unproject([Number(m[1]), Number(m[2])]);
        const amap = new URL(el.shadowRoot!.querySelector<HTMLAnchorElement>('[data-nav="amap"]')!.href).searchParams.get('position');
        return { drawn: [at.lng, at.lat], amap, id: el.selected };
      });
      // The Amap link and the marker agree: both GCJ-02, ~600 m east of the WGS-84 position.
      const [lng, lat] = result.amap!.split(',').map(Number) as [number, number];
      expect(Math.abs(result.drawn[0]! - lng)).toBeLessThan(2e-4);
      expect(Math.abs(result.drawn[1]! - lat)).toBeLessThan(2e-4);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('on a host site of another origin', () => {
  let host: Server;
  let hostUrl: string;

  beforeAll(async () => {
    host = createServer((req, res) => {
      void (async () => {
        if (req.url === '/host.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(hostJs);
        if (req.url !== '/') return void res.writeHead(404).end();
        const key = await publishableKey(hostUrl);
        // The directives src/legal-map/README.md asks hosts for.
        const csp = `default-src 'self'; script-src 'self' ${url}; style-src 'self'; connect-src 'self' ${url}; worker-src blob: ${url}; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
        res.end(page(key).replace('src="/embed.js"', `src="${url}/embed.js"`));
      })().catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  afterAll(async () => new Promise((done) => host?.close(done)));

  it('loads the map cross-origin with the documented directives: zero violations', async () => {
    const w = await watchedPage(browser);
    try {
      await w.page.goto(`${hostUrl}/`);
      await waitReady(w);
      await w.page.waitForLoadState('networkidle');
      expect(await w.violations()).toEqual([]);
      expect(w.failedResponses).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      const state = await mapState(w, ['#f5f3ef']);
      expect(state.near[0]).toBeGreaterThan(state.pixels * 0.1);
    } finally {
      await w.close();
    }
  });
});
