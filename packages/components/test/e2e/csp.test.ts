/**
 * The script-tag distribution on pages with a strict Content Security Policy: one script tag,
 * no inline script or style anywhere, zero `securitypolicyviolation` events, only the chunks of
 * the elements on the page fetched, elements added later defined on the fly. Once on the Sifa
 * server's own origin (its static hosting sends the strict CSP), once on a host site of another
 * origin (publishable key, embed tokens from the host's backend through data-sifa-token-url).
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { strictCsp } from '@sifa/server';
import { hasDiary, launchChromium, removeDir, startTestServer, testBundle, watchedPage, type TestServer, type WatchedPage } from './harness.js';

const diaryTag = hasDiary ? '<sifa-diary org-code="150402001"></sifa-diary>' : '';
const pageTags = hasDiary ? ['sifa-e2e-light', 'sifa-diary'] : ['sifa-e2e-light'];

const bundle = testBundle();
let pageDir: string;
let sifa: TestServer;
let browser: Browser;

beforeAll(async () => {
  [pageDir, browser] = await Promise.all([mkdtemp(join(tmpdir(), 'sifa-csp-page-')), launchChromium()]);
  // As sifa.config.mjs serves it: hashed chunks immutable, the loader revalidated.
  sifa = await startTestServer([
    { prefix: '/', dir: pageDir },
    { prefix: '/chunks/', dir: join(bundle.dir, 'chunks'), immutable: true },
    { prefix: '/', dir: bundle.dir },
  ]);
  const token = await sifa.mint(sifa.url);
  await writeFile(
    join(pageDir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>strict CSP</title>
<link rel="icon" href="data:,">
<script type="module" src="/embed.js" data-sifa-locale="zh-CN"></script>
<script type="module" src="/host.js"></script>
</head>
<body>
<main><sifa-e2e-light></sifa-e2e-light>${diaryTag}</main>
</body>
</html>
`,
  );
  // The host page's own script (a file: the CSP allows no inline script) hands over a token.
  await writeFile(join(pageDir, 'host.js'), `const token = ${JSON.stringify(token)};\nwindow.SifaKit.configure({ getToken: async () => token });\n`);
});

afterAll(async () => {
  await browser?.close();
  await sifa?.close();
  if (pageDir) await removeDir(pageDir);
});

/**
 * A page fetched all of its tags' first load, and beyond it only chunks those tags import
 * lazily (the diary's form, preloaded when idle; another locale's messages): no other element.
 */
function expectOnlyTheirChunks(w: WatchedPage, origin: string, tags: string[]) {
  const fetched = fetchedBundleFiles(w, origin);
  expect(fetched).toEqual(expect.arrayContaining(bundle.firstLoad(...tags)));
  const reachable = new Set(bundle.reachable(...tags));
  expect(fetched.filter((f) => !reachable.has(f))).toEqual([]);
}

/** The bundle files (path under the origin, no leading /) a page fetched from `origin`. */
const fetchedBundleFiles = (w: WatchedPage, origin: string) =>
  [...new Set(w.requests.filter((u) => u.startsWith(origin) && u.endsWith('.js')).map((u) => new URL(u).pathname.slice(1)))]
    .filter((p) => p === 'embed.js' || p.startsWith('chunks/'))
    .sort();

async function expectRendered(w: WatchedPage, tag: string) {
  await w.page.waitForFunction((t) => customElements.get(t) !== undefined, tag, { timeout: 20_000 });
  await w.page.waitForFunction(
    (t) => {
      const el = document.querySelector(t);
      return Boolean(el?.shadowRoot && el.shadowRoot.childElementCount > 0);
    },
    tag,
    { timeout: 20_000 },
  );
}

/**
 * The page's elements rendered, the light one reached the API (it lists the 12 counties), and
 * nothing went wrong on the way: no CSP violation, no failed response, no console error.
 */
async function expectPageWorked(w: WatchedPage) {
  for (const tag of pageTags) await expectRendered(w, tag);
  await w.page.waitForFunction(() => document.querySelector('sifa-e2e-light')?.shadowRoot?.textContent?.includes('counties: 12'), null, { timeout: 20_000 });
  await w.page.waitForLoadState('networkidle');
  expect(await w.violations()).toEqual([]);
  expect(w.failedResponses).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
}

describe('script-tag embedding under a strict CSP', () => {
  let w: WatchedPage;
  afterAll(async () => w?.close());

  it('on the Sifa origin: elements defined and rendered, zero violations, only their chunks fetched', async () => {
    w = await watchedPage(browser);
    const response = await w.page.goto(`${sifa.url}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(strictCsp);
    expect(strictCsp).toContain("script-src 'self';");
    expect(strictCsp).toContain("style-src 'self';");
    await expectPageWorked(w);
    expectOnlyTheirChunks(w, sifa.url, pageTags);
    expect(fetchedBundleFiles(w, sifa.url).some((f) => f.includes('sifa-e2e-heavy'))).toBe(false);
    const chunk = bundle.firstLoad().find((f) => f.startsWith('chunks/'))!;
    expect((await fetch(`${sifa.url}/${chunk}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${sifa.url}/embed.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('an element added to the page later is loaded and defined then', async () => {
    expect(await w.page.evaluate(() => customElements.get('sifa-e2e-heavy'))).toBeUndefined();
    await w.page.evaluate(() => {
      const section = document.createElement('section');
      section.innerHTML = '<div><sifa-e2e-heavy></sifa-e2e-heavy></div>';
      document.body.append(section);
    });
    await expectRendered(w, 'sifa-e2e-heavy');
    expect(await w.page.evaluate(() => document.querySelector('sifa-e2e-heavy')!.shadowRoot!.textContent)).toContain('tile-0');
    expectOnlyTheirChunks(w, sifa.url, [...pageTags, 'sifa-e2e-heavy']);
    expect(await w.violations()).toEqual([]);
    expect(w.failedResponses).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });

  it('(control) the recorder does see a violation: an inline style attribute', async () => {
    await w.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>'));
    await w.page.waitForFunction(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length > 0, null, { timeout: 5_000 });
    expect((await w.violations())[0]?.directive).toMatch(/^style-src/);
  });
});

describe('on a host site of another origin', () => {
  let host: Server;
  let hostUrl: string;
  let tokenCalls = 0;
  let w: WatchedPage;

  beforeAll(async () => {
    host = createServer((req, res) => {
      void (async () => {
        if (req.method === 'POST' && req.url === '/token') {
          tokenCalls++;
          const token = await sifa.mint(hostUrl);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(token));
          return;
        }
        if (req.url !== '/') return void res.writeHead(404).end();
        const { publishable } = await sifa.keysFor(hostUrl);
        const csp = `default-src 'self'; script-src 'self' ${sifa.url}; style-src 'self'; connect-src 'self' ${sifa.url}; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
        res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<script type="module" src="${sifa.url}/embed.js" data-sifa-key="${publishable}" data-sifa-token-url="/token"></script>
</head>
<body><sifa-e2e-light></sifa-e2e-light>${diaryTag}</body>
</html>`);
      })().catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await w?.close();
    await new Promise((done) => host?.close(done));
  });

  it('loads the bundle and calls the API cross-origin, with the host’s token endpoint, zero violations', async () => {
    w = await watchedPage(browser);
    await w.page.goto(`${hostUrl}/`);
    await expectPageWorked(w);
    expect(tokenCalls).toBeGreaterThanOrEqual(1);
    expectOnlyTheirChunks(w, sifa.url, pageTags);
  });
});
