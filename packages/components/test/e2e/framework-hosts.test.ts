/**
 * The widgets in the host frameworks' own pages, no wrappers: examples/react-host (React 19) and
 * examples/vue-host (Vue 3), each built by its own Vite config against the built package (what an
 * app installing @sifa/components from npm gets), served from a host origin of their own under a
 * strict CSP, with the Sifa server on another origin. In each page: a property the framework binds
 * reaches the element as a property (the picker shows the office the framework's state names, a
 * number arrives as a number), the widget's event reaches the framework's state (choosing another
 * office by keyboard; a notification sent on the server while the page is open), signed in
 * through the host backend's token URL; no CSP violation, no console error.
 * (Their props and events are type-checked by `pnpm typecheck`: src/typed.tsx, src/typed.vue.)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { chifengOrgTree } from '@sifa/server';
import { wholeRegionReader } from '@sifa/server/testing';
import { launchChromium, removeDir, startTestServer, watchedPage, type TestServer } from './harness.js';

const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const visualDir = fileURLToPath(new URL('../../../../.sifa/visual/hosts/', import.meta.url));
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

let sifa: TestServer;
let browser: Browser;
const outDirs: string[] = [];

beforeAll(async () => {
  [sifa, browser] = await Promise.all([startTestServer([]), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await sifa?.close();
  for (const dir of outDirs) await removeDir(dir);
});

/** A host site: its built page, `/host-config.json`, and its backend's embed-token URL (for a signed-in user when `signedIn`). */
async function startHost(dir: string, signedIn: boolean): Promise<{ url: string; tokenCalls: () => number; close: () => Promise<void> }> {
  let url = '';
  let tokenCalls = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      if (req.method === 'POST' && path === '/host-api/embed-token') {
        tokenCalls++;
        if (!signedIn) return void res.writeHead(401).end();
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await sifa.mint(url)));
      }
      if (path === '/host-config.json') {
        const { publishable } = await sifa.keysFor(url);
        const config = { endpoint: sifa.url, publishableKey: publishable, ...(signedIn ? { tokenUrl: '/host-api/embed-token' } : {}) };
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      }
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dir)) return void res.writeHead(404).end();
      const body = await readFile(file).catch(() => null);
      if (!body) return void res.writeHead(404).end();
      const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${sifa.url}; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp }).end(body);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, tokenCalls: () => tokenCalls, close: () => new Promise((done) => server.close(() => done())) };
}

describe.each([
  { name: 'React 19', example: 'react-host' },
  { name: 'Vue 3', example: 'vue-host' },
])('a $name page ($example)', ({ example }) => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `sifa-${example}-`));
    outDirs.push(dir);
    const root = join(examples, example);
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  }, 120_000);

  it('binds properties and hears events: the picker shows the office of the framework state, a chosen office comes back to it', async () => {
    const host = await startHost(dir, false);
    const w = await watchedPage(browser);
    try {
      const offices = (await chifengOrgTree()).filter((o) => o.parentCode === '150402');
      const [first, second] = [offices.find((o) => o.code === '150402001')!, offices.find((o) => o.code === '150402002')!];
      await w.page.goto(`${host.url}/`);
      const input = w.page.locator('sifa-org-picker input[role="combobox"]');
      // The framework's state ('150402001') reached the element as its `value` property (the page is zh-CN).
      await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toBe(first.nameZh);
      expect(await w.page.locator('#office').textContent()).toBe('150402001');
      // Keyboard only: type the other office's code, take the first match.
      await input.fill('');
      await input.pressSequentially('150402002');
      await w.page.locator('sifa-org-picker [role="option"]').first().waitFor();
      await input.press('ArrowDown');
      await input.press('Enter');
      await expect.poll(() => w.page.locator('#office').textContent()).toBe('150402002');
      expect(await w.page.locator('#office-name').textContent()).toBe(second.nameZh);
      expect(await w.violations()).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      // Signed out: the page never asked for a token it had no URL for.
      expect(host.tokenCalls()).toBe(0);
    } finally {
      await w.close();
      await host.close();
    }
  });

  it('signed in through the host backend: a number property arrives as a number, a notification sent on the server reaches the framework state', async () => {
    const host = await startHost(dir, true);
    const w = await watchedPage(browser);
    try {
      await w.page.goto(`${host.url}/`);
      const list = w.page.locator('sifa-notifications');
      await list.waitFor();
      expect(await list.evaluate((el) => [typeof (el as HTMLElement & { limit: unknown }).limit, (el as HTMLElement & { limit: unknown }).limit])).toEqual(['number', 5]);
      expect(await list.evaluate((el) => (el as HTMLElement & { inline: unknown }).inline)).toBe(true);
      expect(await w.page.locator('#arrived').textContent()).toBe('0');
      // Its feed is open once the token came from the host's backend and the list has loaded.
      await expect.poll(() => host.tokenCalls(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      const title = `${example} ${randomUUID()}`;
      // Sent until it arrives: the first may come before the feed has started listening ("from now").
      await expect
        .poll(
          async () => {
            await sifa.server.runScoped(wholeRegionReader, (scoped) =>
              scoped.notifications.send({ to: { orgCode: '150402001' }, kind: 'platform.test', severity: 'info', title: { zh: title, en: title }, body: { zh: title, en: title } }),
            );
            return Number(await w.page.locator('#arrived').textContent());
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBeGreaterThanOrEqual(1);
      // For a person to look at (.sifa/visual/hosts/): the page as a desktop and a phone show it.
      for (const width of [1400, 390]) {
        await w.page.setViewportSize({ width, height: 900 });
        await w.page.screenshot({ path: join(visualDir, `${example}-${width}.png`), fullPage: true });
      }
      expect(await w.violations()).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    } finally {
      await w.close();
      await host.close();
    }
  });
});
