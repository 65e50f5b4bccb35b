/**
 * The script-tag bundle follows the server's plugins: the bundle is built with every plugin's
 * elements, and the Sifa server serving embed.js offers a page only those of the plugins it has
 * installed. A tag whose plugin is missing (or that no plugin provides) gets one console warning
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
<body><main><sifa-e2e-light></sifa-e2e-light><sifa-score-card org-code="150402001"></sifa-score-card><sifa-score-card></sifa-score-card><sifa-nope></sifa-nope></main></body></html>
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
    expect(text).not.toContain('__SIFA_INSTALLED_PLUGINS__');
    expect(text).toContain('"platform,diary,statistics"');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${sifa.url}/embed.js`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('defines the available elements, warns once for a missing plugin and an unknown tag, and fetches neither', async () => {
    const scoreCard = bundle.elements.find((e) => e.tag === 'sifa-score-card');
    expect(scoreCard?.plugin).toBe('assessment');
    const w = await watchedPage(browser);
    try {
      await w.page.goto(`${sifa.url}/index.html`);
      await w.page.waitForFunction(() => customElements.get('sifa-e2e-light') !== undefined, null, { timeout: 20_000 });
      await w.page.waitForTimeout(300);
      expect(await w.page.evaluate(() => customElements.get('sifa-score-card'))).toBeUndefined();
      expect(w.consoleWarnings).toEqual([
        expect.stringContaining('<sifa-score-card> needs the plugin "assessment", which the Sifa server at'),
        expect.stringContaining('<sifa-nope> is not an element of Sifa Kit or of the plugins installed on the Sifa server at'),
      ]);
      expect(w.consoleWarnings[1]).toContain('(installed: diary, platform, statistics)');
      expect(w.requests.filter((u) => /sifa-score-card/.test(u))).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
