/**
 * <sifa-vr-viewer> from the script-tag bundle under a strict Content Security Policy, against a
 * real Sifa server with the tours plugin: once on the Sifa origin (its static hosting sends the
 * strict CSP), once on a host site of another origin whose CSP lists exactly the directives
 * src/vr-viewer/README.md documents. Zero violations, no console errors, no failed responses;
 * the renderer arrives as its own chunk; the panorama is drawn (pixels of the known test
 * pattern), turns with the keyboard, and a scene hotspot switches scene.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { strictCsp } from '@sifa/server';
import { patternColor } from '../../src/vr-viewer/test-pattern-data.js';
import { publishTestTour } from '../publish-test-tour.js';
import { launchChromium, removeDir, startTestServer, testBundle, watchedPage, type TestServer, type WatchedPage } from './harness.js';

const bundle = testBundle();
let pageDir: string;
let sifa: TestServer;
let sifaUrl: string;
let browser: Browser;
let tourId: string;
const keysFor = (origin: string) => sifa.keysFor(origin);

const hostScript = `const viewer = document.querySelector('sifa-vr-viewer');
window.__vr = { ready: null, scenes: [] };
viewer.addEventListener('sifa-vr-ready', (e) => (window.__vr.ready = e.detail));
viewer.addEventListener('sifa-vr-scene', (e) => window.__vr.scenes.push(e.detail));
`;

beforeAll(async () => {
  [pageDir, browser] = await Promise.all([mkdtemp(join(tmpdir(), 'sifa-vr-csp-')), launchChromium()]);
  sifa = await startTestServer([
      { prefix: '/', dir: pageDir },
      { prefix: '/chunks/', dir: join(bundle.dir, 'chunks'), immutable: true },
      { prefix: '/', dir: bundle.dir },
    ]);
  sifaUrl = sifa.url;
  const { token } = await sifa.mint(sifaUrl, '150402001', 'tour-editor');
  tourId = (await publishTestTour({ url: sifaUrl, token, orgCode: '150402001' })).tourId;
  const { publishable } = await keysFor(sifaUrl);
  await writeFile(join(pageDir, 'host.js'), hostScript);
  await writeFile(
    join(pageDir, 'vr.html'),
    `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>vr under a strict CSP</title><link rel="icon" href="data:,">
<script type="module" src="/embed.js" data-sifa-key="${publishable}"></script>
<script type="module" src="/host.js"></script>
</head>
<body><main><sifa-vr-viewer tour="${tourId}"></sifa-vr-viewer></main></body>
</html>
`,
  );
});

afterAll(async () => {
  await browser?.close();
  await sifa?.close();
  if (pageDir) await removeDir(pageDir);
});

/** The page's viewer was drawn, turns with the keyboard and changes scene from a hotspot. */
async function expectViewerWorks(w: WatchedPage, origin: string) {
  const page: Page = w.page;
  await page.waitForFunction(() => (window as unknown as { __vr: { ready: unknown } }).__vr?.ready, null, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __vr: { ready: unknown } }).__vr.ready)).toMatchObject({ tourId, sceneId: 'hall', webgl: true });
  // Drawn: the known colours of the test pattern where the view looks.
  const sample = (yaw: number, pitch: number) =>
    page.evaluate(
      ([yaw, pitch]) => {
        const el = document.querySelector('sifa-vr-viewer') as unknown as { view: object; renderer: { canvas: HTMLCanvasElement; sample(v: object, x: number, y: number): number[] } };
        el.view = { yaw, pitch, fov: 60 };
        const r = el.renderer;
        return r.sample(el.view, r.canvas.width / 2, r.canvas.height / 2).slice(0, 3);
      },
      [yaw, pitch] as const,
    );
  await page.waitForFunction(() => !document.querySelector('sifa-vr-viewer')!.shadowRoot!.querySelector('progress'), null, { timeout: 30_000 });
  for (const [yaw, pitch] of [[20, 20], [70, 20], [-120, -30]] as const) expect(await sample(yaw, pitch)).toEqual(patternColor(yaw, pitch));
  // Keyboard: focus the panorama region, turn right.
  await page.evaluate(() => {
    const el = document.querySelector('sifa-vr-viewer') as unknown as HTMLElement & { view: object };
    el.view = { yaw: 0, pitch: 0, fov: 90 };
    el.shadowRoot!.querySelector<HTMLElement>('.view')!.focus();
  });
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => (document.querySelector('sifa-vr-viewer') as unknown as { view: { yaw: number } }).view.yaw)).toBe(5);
  await page.keyboard.press('ArrowLeft');
  // A scene hotspot, by keyboard.
  await page.waitForFunction(() => {
    const b = document.querySelector('sifa-vr-viewer')!.shadowRoot!.querySelector<HTMLButtonElement>('.spot[data-id="to-room"]');
    return b && !b.hidden;
  });
  await page.evaluate(() => document.querySelector('sifa-vr-viewer')!.shadowRoot!.querySelector<HTMLButtonElement>('.spot[data-id="to-room"]')!.focus());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __vr: { scenes: unknown[] } }).__vr.scenes.length === 1);
  await page.waitForFunction(() => {
    const el = document.querySelector('sifa-vr-viewer') as unknown as { view: object; renderer: { canvas: HTMLCanvasElement; sample(v: object, x: number, y: number): number[] } };
    return el.renderer.sample(el.view, el.renderer.canvas.width / 2, el.renderer.canvas.height / 2).slice(0, 3).join() === '255,0,255';
  }, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  expect(await w.violations()).toEqual([]);
  expect(w.failedResponses).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  // The renderer is a chunk of its own, fetched after the element's.
  const fetched = w.requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname);
  const renderer = bundle.reachable('sifa-vr-viewer').find((f) => /chunks\/renderer-[\w-]+\.js$/.test(f) && !bundle.firstLoad('sifa-vr-viewer').includes(f));
  expect(renderer, 'a lazily loaded renderer chunk').toBeDefined();
  expect(fetched).toContain(`/${renderer}`);
}

describe('<sifa-vr-viewer> under a strict CSP', () => {
  it('on the Sifa origin: drawn, keyboard, hotspot, zero violations', async () => {
    const w = await watchedPage(browser);
    try {
      const response = await w.page.goto(`${sifaUrl}/vr.html`);
      expect(response?.headers()['content-security-policy']).toBe(strictCsp);
      await expectViewerWorks(w, sifaUrl);
    } finally {
      await w.close();
    }
  });

  it('on a host site of another origin with the directives README.md lists', async () => {
    let host: Server | null = null;
    const w = await watchedPage(browser);
    try {
      host = createServer((req, res) => {
        void (async () => {
          if (req.url === '/host.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(hostScript);
          if (req.url !== '/') return void res.writeHead(404).end();
          const { publishable } = await keysFor(hostUrl);
          const csp = `default-src 'self'; script-src 'self' ${sifaUrl}; style-src 'self'; connect-src 'self' ${sifaUrl}; img-src 'self' data: ${sifaUrl}; object-src 'none'; base-uri 'none'`;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
          res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<script type="module" src="${sifaUrl}/embed.js" data-sifa-key="${publishable}"></script>
<script type="module" src="/host.js"></script></head>
<body><sifa-vr-viewer tour="${tourId}"></sifa-vr-viewer></body></html>`);
        })().catch((error: unknown) => res.writeHead(500).end(String(error)));
      });
      await new Promise<void>((done) => host!.listen(0, '127.0.0.1', done));
      const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
      await w.page.goto(`${hostUrl}/`);
      await expectViewerWorks(w, sifaUrl);
    } finally {
      await w.close();
      await new Promise((done) => host?.close(done));
    }
  });
});
