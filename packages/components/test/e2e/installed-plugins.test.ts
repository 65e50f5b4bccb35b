/**
 * The script-tag bundle follows the server's plugins: the bundle is built with every plugin's
 * elements (elements.json says which plugin each needs), and the Sifa server serving embed.js
 * offers a page only those of the plugins it has installed. A tag whose plugin is missing (or that no plugin provides) gets one console warning
 * naming what to install, and its code is never fetched.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { launchChromium, removeDir, startTestServer, testBundle, watchedPage, type TestServer } from './harness.js';

const bundle = testBundle();
let pageDir: string;
let sifa: TestServer;
let browser: Browser;

beforeAll(async () => {
  [pageDir, browser] = await Promise.all([mkdtemp(join(tmpdir(), 'sifa-installed-')), launchChromium()]);
  // A server with the diary and statistics plugins only: no assessment, no plans.
  sifa = await startTestServer(
    [
      { prefix: '/', dir: pageDir },
      { prefix: '/chunks/', dir: join(bundle.dir, 'chunks'), immutable: true },
      { prefix: '/', dir: bundle.dir },
    ],
    [createDiaryPlugin(), createStatisticsPlugin()],
  );
  await writeFile(
    join(pageDir, 'index.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>installed plugins</title><link rel="icon" href="data:,">
<script type="module" src="/embed.js" data-sifa-locale="en"></script></head>
<body><main><sifa-e2e-light></sifa-e2e-light><sifa-score-card org-code="150402001"></sifa-score-card><sifa-score-card></sifa-score-card></main></body></html>
`,
  );
});

afterAll(async () => {
  await browser?.close();
  await sifa?.close();
  if (pageDir) await removeDir(pageDir);
});

describe('embed.js on a server with some plugins', () => {
  it('is served with the installed plugins written in, revalidated by a content validator', async () => {
    const response = await fetch(`${sifa.url}/embed.js`);
    const text = await response.text();
    expect(text).not.toContain('__SIFA_UNAVAILABLE_ELEMENTS__');
    // Every element of a plugin this server lacks, with that plugin (the bundle's elements.json says which).
    const unavailable = bundle.elements.filter((e) => e.plugin && !['diary', 'statistics'].includes(e.plugin)).map((e) => `${e.tag}:${e.plugin}`);
    expect(unavailable).toContain('sifa-score-card:assessment');
    expect(text).toContain(`"${unavailable.join(',')}"`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${sifa.url}/embed.js`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('defines the available elements, and warns once for an element whose plugin is missing instead of fetching it', async () => {
    const scoreCard = bundle.elements.find((e) => e.tag === 'sifa-score-card');
    expect(scoreCard?.plugin).toBe('assessment');
    const w = await watchedPage(browser);
    try {
      await w.page.goto(`${sifa.url}/index.html`);
      await w.page.waitForFunction(() => customElements.get('sifa-e2e-light') !== undefined, null, { timeout: 20_000 });
      await w.page.waitForTimeout(300);
      expect(await w.page.evaluate(() => customElements.get('sifa-score-card'))).toBeUndefined();
      expect(w.consoleWarnings).toEqual([`[sifa] <sifa-score-card> needs the plugin "assessment", which the Sifa server at ${sifa.url} does not have installed: add it to the server's configuration (plugins), or remove the element from the page.`]);
      expect(w.requests.filter((u) => /sifa-score-card/.test(u))).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
