/**
 * The demo portal (examples/gov-portal) as `npm start` runs it: a host site on its own origin
 * with its own backend, embedding Sifa Kit with one script tag. A portal user signs in, the
 * host backend mints an embed token with its secret key, and <sifa-diary> loads the user's
 * office diary — under the portal's strict CSP, with zero violations. Before sign-in the public
 * sees the legal-services map and the VR tours (publishable key), the office directory finds the
 * office serving a township, and the map opens an office's tour in the viewer.
 */
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { demoAccounts } from '@sifa/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright';
import { launchChromium, startTestServer, testBundle, watchedPage, type TestServer, type WatchedPage } from './harness.js';
// @ts-expect-error -- the example's host is plain JavaScript without declarations
import { createPortalHost } from '../../../../examples/gov-portal/host/server.mjs';

interface PortalHost {
  listen(): Promise<string>;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const bundle = testBundle();

/**
 * Like Playwright's 'networkidle' (no request for 500 ms), except for event streams: a signed-in
 * page keeps its notification feed open for as long as it is shown.
 */
async function settled(page: Page, quietMs = 500): Promise<void> {
  const pending = new Set<Request>();
  const started = (r: Request) => void (r.headers()['accept'] !== 'text/event-stream' && pending.add(r));
  const ended = (r: Request) => void pending.delete(r);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs) {
      if (pending.size > 0) quietSince = Date.now();
      await page.waitForTimeout(50);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
let sifa: TestServer;
let browser: Browser;
let portal: PortalHost;
let portalUrl: string;
const hostLog: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  sifa = await startTestServer([{ prefix: '/', dir: bundle.dir }]);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const keys = await sifa.keysFor(origin);
  portal = (await createPortalHost({ port, sifaUrl: sifa.url, secretKey: keys.secret, publishableKey: keys.publishable, log: (line: string) => hostLog.push(line) })) as PortalHost;
  portalUrl = await portal.listen();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await sifa?.close();
});

describe('the demo gov portal', () => {
  let w: WatchedPage;
  afterAll(async () => w?.close());

  it('shows the office directory from the Sifa server before sign-in, and no diary', async () => {
    w = await watchedPage(browser);
    await w.page.goto(`${portalUrl}/`);
    await w.page.waitForFunction(() => (document.getElementById('office-list')?.children.length ?? 0) > 0, null, { timeout: 20_000 });
    expect(await w.page.locator('#county option').count()).toBe(12);
    // Each office with the townships it serves (the seed: its own one).
    expect(await w.page.locator('#office-list li').first().locator('.serves').textContent()).toMatch(/^服务：\S+(街道|镇|乡|苏木)/);
    // "Which office serves my township?": by name, then shown in the directory (its county's list, the office marked and focused).
    await w.page.fill('#township-q', '天山镇');
    await w.page.press('#township-q', 'Enter');
    const found = w.page.locator('#lookup-results li', { hasText: '天山镇（阿鲁科尔沁旗）' });
    await expect.poll(() => found.textContent(), { timeout: 10_000 }).toContain('由 天山镇司法所 服务');
    await found.locator('button').click();
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('office-150421100');
    expect(await w.page.inputValue('#county')).toBe('150421');
    expect(await w.page.locator('#office-150421100').textContent()).toContain('服务：天山镇');
    await w.page.fill('#township-q', '没有这个乡镇');
    await w.page.click('#township-lookup button');
    await expect.poll(() => w.page.textContent('#lookup-status')).toBe('没有找到“没有这个乡镇”。请检查名称，或在下方按旗县区查看。');
    expect(await w.page.locator('sifa-diary').count()).toBe(0);
    expect(await w.page.locator('form[action="/portal-api/login"]').count()).toBe(1);
  });

  it("shows the public map and VR tours; an office's map entry opens its tour in the viewer", async () => {
    const map = w.page.locator('sifa-legal-map');
    // Playwright locators pierce open shadow roots: the map's list is the accessible twin of the map.
    await expect.poll(() => map.locator('[role="option"]').count(), { timeout: 30_000 }).toBeGreaterThan(200);
    await expect.poll(() => w.page.locator('#tour-picker option').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    await map.locator('[role="option"]', { hasText: '西屯街道司法所' }).click();
    await map.locator('[part="popup"] a.tour').click();
    await expect.poll(() => w.page.getAttribute('sifa-vr-viewer', 'tour')).toBe(await w.page.inputValue('#tour-picker'));
    expect(await w.page.locator('#tour-picker option:checked').textContent()).toContain('西屯街道司法所');
    // The viewer shows the tour's first scene title (synthetic demo content, labelled so).
    await expect.poll(() => w.page.locator('sifa-vr-viewer').evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain('合成演示');
    await w.page.waitForLoadState('networkidle');
    expect(await w.violations()).toEqual([]);
    expect(w.failedResponses).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });

  it('signs a portal user in; the diary and the case files load with an embed token from the host backend, zero CSP violations', async () => {
    await w.page.selectOption('#portal-user', 'demo.xitun');
    await Promise.all([w.page.waitForURL(/#diary$/), w.page.click('form[action="/portal-api/login"] button')]);
    await w.page.waitForFunction(() => customElements.get('sifa-diary') !== undefined, null, { timeout: 20_000 });
    expect(await w.page.getAttribute('sifa-diary', 'org-code')).toBe('150402001');
    // Loaded from the server: the status says online and nothing failed to load.
    await w.page.waitForFunction(
      () => {
        const text = document.querySelector('sifa-diary')?.shadowRoot?.textContent ?? '';
        return text.includes('已联网') && !text.includes('正在加载');
      },
      null,
      { timeout: 20_000 },
    );
    await settled(w.page);
    const shadowText = await w.page.evaluate(() => document.querySelector('sifa-diary')!.shadowRoot!.textContent ?? '');
    expect(shadowText).not.toContain('无法从服务器加载');
    expect(w.requests.filter((u) => u === `${portalUrl}/portal-api/embed-token`).length).toBeGreaterThanOrEqual(1);
    expect(await w.violations()).toEqual([]);
    expect(w.failedResponses).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(hostLog.some((l) => l.includes('minting an embed token failed'))).toBe(false);
    // The office's case files: the mediation cases the demo seeded, and the step to register one.
    const casesText = () => w.page.evaluate(() => document.querySelector('sifa-cases[type="mediation.case"]')?.shadowRoot?.textContent ?? '');
    await expect.poll(casesText, { timeout: 20_000 }).toContain('人民调解案件');
    await expect.poll(casesText, { timeout: 20_000 }).toMatch(/调字第\d+号/);
    expect(await w.page.evaluate(() => document.querySelector('sifa-cases[type="mediation.case"]')?.shadowRoot?.querySelector('.open-new')?.textContent?.trim())).toBe('受理登记');
    // A plugin's further case type, found through its `api`: the legal-aid applications (接收, not 受理).
    const legalAidText = () => w.page.evaluate(() => document.querySelector('sifa-cases[type="applications.legal-aid"]')?.shadowRoot?.textContent ?? '');
    await expect.poll(legalAidText, { timeout: 20_000 }).toMatch(/援转字第\d+号/);
    expect(await w.page.evaluate(() => document.querySelector('sifa-cases[type="applications.legal-aid"]')?.shadowRoot?.querySelector('.open-new')?.textContent?.trim())).toBe('接收申请');
    const bundleFiles = () => [...new Set(w.requests.filter((u) => u.startsWith(sifa.url) && u.endsWith('.js')).map((u) => new URL(u).pathname.slice(1)))].sort();
    // Offline first: the form's chunk arrives when the browser is idle, before anyone touches the
    // diary, so a connection lost later does not keep the form from opening.
    const firstLoad = new Set(bundle.firstLoad('sifa-diary'));
    const diaryLazy = bundle.reachable('sifa-diary').filter((f) => !firstLoad.has(f));
    await expect.poll(() => bundleFiles().some((f) => diaryLazy.includes(f)), { timeout: 10_000 }).toBe(true);
    const fetched = bundleFiles();
    // All of the first load; beyond it only the page's elements' own lazy chunks (the diary's form,
    // preloaded when idle; the map's and the viewer's renderers).
    expect(fetched).toEqual(expect.arrayContaining(bundle.firstLoad('sifa-diary')));
    // (The bureau's own plugin, examples/village-advisers, ships the last one.)
    const onPage = ['sifa-diary', 'sifa-cases', 'sifa-apply', 'sifa-legal-map', 'sifa-vr-viewer', 'sifa-score-card', 'sifa-plan-board', 'sifa-warnings', 'sifa-dashboard', 'sifa-notifications', 'sifa-village-advisers-list', 'sifa-correction-caseload', 'sifa-correction-plan'];
    expect(fetched.some((f) => f.startsWith('chunks/unknown-tag-'))).toBe(false);
    await w.page.waitForFunction(() => customElements.get('sifa-village-advisers-list') !== undefined, null, { timeout: 20_000 });
    const reachable = new Set(onPage.flatMap((tag) => bundle.reachable(tag)));
    expect(fetched.filter((f) => !reachable.has(f))).toEqual([]);
  });

  it('shows a county administrator the scores, plans, warnings, dashboard, notifications and case files of the county, zero CSP violations', async () => {
    await w.page.goto(portalUrl);
    const signOut = w.page.locator('form[action="/portal-api/logout"] button');
    if (await signOut.count()) {
      // `waitForLoadState('load')` alone would resolve at once (the page being left is loaded):
      // wait for the signed-out page itself, the only one with a sign-in form.
      await signOut.click();
      await w.page.locator('form[action="/portal-api/login"] button').waitFor();
      await w.page.waitForLoadState('load');
    }
    // A widget of the signed-in page may ask the host for a token while the sign-out is under way:
    // the host answers 401, rightly, and Chromium logs the failed load. What counts from here is the county's page.
    const token401 = /^401 .*\/portal-api\/embed-token$/;
    expect(w.failedResponses.splice(0).filter((r) => !token401.test(r)), 'responses while signing out').toEqual([]);
    expect(w.consoleErrors.splice(0).filter((e) => !/status of 401 .*\/portal-api\/embed-token/.test(e)), 'console errors while signing out').toEqual([]);
    await w.page.selectOption('#portal-user', 'demo.hongshan');
    await w.page.click('form[action="/portal-api/login"] button');
    await w.page.locator('form[action="/portal-api/logout"] button').waitFor();
    await w.page.waitForLoadState('load');
    for (const tag of ['sifa-score-card', 'sifa-plan-board', 'sifa-warnings', 'sifa-dashboard', 'sifa-notifications', 'sifa-cases']) {
      expect(await w.page.getAttribute(tag, 'org-code').catch(() => null)).toBe(tag === 'sifa-notifications' ? null : '150402');
    }
    const shadowText = (tag: string) => w.page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent ?? '', tag);
    // The score is computed from the seeded demo diaries: a total out of 1000 and a rank among the counties.
    await expect.poll(() => shadowText('sifa-score-card'), { timeout: 30_000 }).toMatch(/\/\s*1000/);
    await expect.poll(() => shadowText('sifa-plan-board'), { timeout: 30_000 }).toContain('【演示】');
    await expect.poll(async () => (await shadowText('sifa-warnings')).length, { timeout: 30_000 }).toBeGreaterThan(20);
    // The dashboard: the county's figures from the demo diaries, its offices in the breakdown, charts drawn (lazy chunk).
    await expect.poll(() => shadowText('sifa-dashboard'), { timeout: 30_000 }).toContain('西屯街道司法所');
    await expect.poll(() => w.page.evaluate(() => document.querySelector('sifa-dashboard')?.shadowRoot?.querySelectorAll('svg').length ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    // Its warnings panel: the warnings plugin's element, which the dashboard asked the loader for.
    const panelText = () => w.page.evaluate(() => document.querySelector('sifa-dashboard')?.shadowRoot?.querySelector('.panel.warnings sifa-warnings[mode="compact"]')?.shadowRoot?.textContent ?? '');
    await expect.poll(async () => (await panelText()).length, { timeout: 30_000 }).toBeGreaterThan(20);
    // The county's case files: read-only (no registering), parties masked.
    await expect.poll(() => shadowText('sifa-cases'), { timeout: 30_000 }).toMatch(/调字第\d+号/);
    expect(await w.page.evaluate(() => document.querySelector('sifa-cases')?.shadowRoot?.querySelector('.open-new') ?? null)).toBeNull();
    await settled(w.page);
    expect(await w.violations(), 'CSP violations on the county page').toEqual([]);
    expect(w.failedResponses, 'failed responses on the county page').toEqual([]);
    expect(w.consoleErrors, 'console errors on the county page').toEqual([]);
  });

  it('refuses tokens without a portal session, and state changes from other origins', async () => {
    expect((await fetch(`${portalUrl}/portal-api/embed-token`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${portalUrl}/portal-api/embed-token`, { method: 'POST', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await fetch(`${portalUrl}/portal-api/login`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=demo.xitun', redirect: 'manual' })).status).toBe(403);
  });
});

describe('a citizen applies online from the portal', () => {
  it('applies without an account, downloads the receipt, and sees the office forward it; zero CSP violations', async () => {
    const c = await watchedPage(browser);
    try {
      await c.page.goto(`${portalUrl}/#apply`);
      const apply = c.page.locator('sifa-apply');
      await apply.locator('#f-county option[value="150402"]').waitFor({ state: 'attached', timeout: 30_000 });
      await apply.locator('#f-county').selectOption('150402');
      await apply.locator('#f-township option[value="150402001"]').waitFor({ state: 'attached', timeout: 20_000 });
      await apply.locator('#f-township').selectOption('150402001');
      await apply.locator('#f-applicants-0-name').fill('门户申请人');
      await apply.locator('#f-applicants-0-phone').fill('13912345678');
      await apply.locator('#f-respondent').fill('西屯街道办事处');
      await apply.locator('#f-act').fill('《责令限期拆除决定书》（西拆字〔2026〕9号）');
      const knewOn = await c.page.evaluate(() => {
        const d = new Date(Date.now() - 5 * 86_400_000);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      await apply.locator('#f-knewOn').fill(knewOn);
      await apply.locator('#f-rightNotified').check();
      await apply.locator('#f-request').fill('撤销该决定。');
      await apply.locator('#f-factsReasons').fill('房屋系合法建造。');
      await apply.locator('#f-consent').check();
      await apply.locator('form button[type="submit"]').click();
      await apply.locator('#done-title').waitFor({ timeout: 30_000 });
      const [number, code] = await apply.locator('.codes .code').allTextContents();
      expect(number).toMatch(/西屯复转字第\d+号/);
      // The receipt the office's receiving step issued.
      const [download] = await Promise.all([c.page.waitForEvent('download'), apply.locator('button', { hasText: '下载回执' }).click()]);
      expect(download.suggestedFilename()).toMatch(/回执.*\.docx$/);

      // The office sees it in its list and forwards it (as its staff would, through the API).
      const origin = new URL(portalUrl).origin;
      const { token } = await sifa.mint(origin, '150402001', 'e2e-office-staff');
      const call = async (path: string, input: unknown, mutation = false) => {
        const headers = { authorization: `Bearer ${token}`, origin, 'content-type': 'application/json' };
        const res = mutation
          ? await fetch(`${sifa.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })
          : await fetch(`${sifa.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
        const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
        if (!res.ok) throw new Error(`${path}: ${body.error?.message}`);
        return body.result!.data as never;
      };
      const list: { rows: { id: string; number: string; state: string }[] } = await call('applications.cases.list', { query: number });
      const row = list.rows.find((r) => r.number === number)!;
      expect(row.state).toBe('received');
      const file: { id: string; revision: number } = await call('applications.cases.get', { id: row.id });
      const forward = { body: '红山区人民政府', method: 'online' };
      const checks: { code: string; state: string }[] = await call('applications.cases.checks', { id: row.id, transition: 'forward', fields: forward });
      const overrides = Object.fromEntries(checks.filter((k) => k.state === 'attention').map((k) => [k.code, '经审查仍予转递（演示）']));
      await call('applications.cases.transition', { id: file.id, revision: file.revision, transition: 'forward', fields: forward, ...(Object.keys(overrides).length ? { overrides } : {}) }, true);

      // The citizen checks progress with the number and code: forwarded.
      await apply.locator('.done button', { hasText: '查询办理进度' }).click();
      await expect.poll(() => apply.locator('.state strong').textContent(), { timeout: 20_000 }).toBe('已转递');
      expect(await apply.locator('#s-code').inputValue()).toBe(code);
      await settled(c.page);
      expect(await c.violations()).toEqual([]);
      expect(c.failedResponses).toEqual([]);
      expect(c.consoleErrors).toEqual([]);
    } finally {
      await c.close();
    }
  });
});

describe('the portal as people saw it (issue 19)', () => {
  it('offers in its identity picker every demo account the README lists (demo.songshan too)', async () => {
    const html = await (await fetch(`${portalUrl}/`)).text();
    const offered = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]).filter((v) => v!.startsWith('demo.'));
    expect([...offered].sort()).toEqual(demoAccounts.map((a) => a.username).sort());
    expect(offered).toContain('demo.songshan');
    // The README's table of demo accounts is the same list.
    const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const account of demoAccounts) expect(readme).toContain(account.username);
    // The second county's administrator signs in with the county's role and org.
    const login = await fetch(`${portalUrl}/portal-api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=demo.songshan', redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(hostLog.at(-1)).toBe('[portal] signed in demo.songshan (county_admin @ 150404)');
  });

  it('D8: at 390 px the header holds together, signed out and signed in: nothing overlaps, links on one line, no sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const check = async (what: string) => {
        const found = await page.evaluate(() => {
          const problems: string[] = [];
          const page = document.documentElement.scrollWidth;
          if (page > window.innerWidth) problems.push(`page ${page} px wide`);
          const header = document.querySelector('.site-header')!;
          if (header.scrollWidth > header.clientWidth) problems.push(`header ${header.scrollWidth} px wide`);
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const title = document.querySelector('.site-header h1')!.getBoundingClientRect();
          for (const e of document.querySelectorAll('.account > *')) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && hit(r, title)) problems.push(`${e.localName}.${e.className} overlaps the bureau name`);
            if (r.right > window.innerWidth) problems.push(`${e.localName}.${e.className} ends at ${Math.round(r.right)}`);
          }
          for (const a of document.querySelectorAll<HTMLElement>('.site-header nav a')) {
            const range = document.createRange();
            range.selectNodeContents(a);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) problems.push(`"${a.textContent}" on ${lines.size} lines`);
          }
          return problems;
        });
        expect(found, what).toEqual([]);
      };
      await page.goto(`${portalUrl}/`);
      await page.waitForLoadState('load');
      await check('signed out');
      await page.click('[data-theme="elderly"]');
      await check('signed out, large type');
      await page.selectOption('#portal-user', 'demo.hongshan');
      await Promise.all([page.waitForLoadState('load'), page.click('form[action="/portal-api/login"] button')]);
      await page.waitForFunction(() => customElements.get('sifa-notifications') !== undefined, null, { timeout: 20_000 });
      await check('signed in');
    } finally {
      await context.close();
    }
  });

  it("D24: in the dark theme the portal's and the widgets' headings reach WCAG AA contrast", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${portalUrl}/`);
      await page.selectOption('#portal-user', 'demo.xitun');
      await Promise.all([page.waitForLoadState('load'), page.click('form[action="/portal-api/login"] button')]);
      await page.click('[data-theme="dark"]');
      const widgets = ['sifa-legal-map', 'sifa-diary', 'sifa-score-card', 'sifa-plan-board', 'sifa-warnings'];
      await page.waitForFunction((tags) => tags.every((t) => document.querySelector(t)?.shadowRoot?.querySelector('h2, h3')), widgets, { timeout: 30_000 });
      const low = await page.evaluate(() => {
        const rgba = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number) as [number, number, number, number?];
        const parent = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null);
        /** The colour behind an element: its own and its ancestors' backgrounds, composed over white. */
        const behind = (e: Element): [number, number, number] => {
          const layers: [number, number, number, number][] = [];
          for (let at: Element | null = e; at; at = parent(at)) {
            const [r, g, b, a = 1] = rgba(getComputedStyle(at).backgroundColor);
            if (a > 0) layers.push([r, g, b, a]);
            if (a >= 1) break;
          }
          let colour: [number, number, number] = [255, 255, 255];
          for (const [r, g, b, a] of layers.reverse()) colour = [r * a + colour[0] * (1 - a), g * a + colour[1] * (1 - a), b * a + colour[2] * (1 - a)];
          return colour;
        };
        const luminance = ([r, g, b]: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const ratio = (a: number[], b: number[]) => {
          const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
          return (x + 0.05) / (y + 0.05);
        };
        const headings = [...document.querySelectorAll('h1, h2, h3')];
        for (const host of document.querySelectorAll('*')) if (host.localName.startsWith('sifa-') && host.shadowRoot) headings.push(...host.shadowRoot.querySelectorAll('h1, h2, h3, h4, h5'));
        const out: string[] = [];
        for (const h of headings) {
          const r = h.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const style = getComputedStyle(h);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          const [cr, cg, cb] = rgba(style.color);
          const value = ratio([cr, cg, cb], behind(h));
          if (value < (large ? 3 : 4.5)) out.push(`${(h.getRootNode() as ShadowRoot).host?.localName ?? 'page'} ${h.localName} "${h.textContent?.trim().slice(0, 20)}" ${value.toFixed(2)}:1`);
        }
        return { out, checked: headings.length };
      });
      expect(low.checked).toBeGreaterThan(10);
      expect(low.out).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
