/**
 * What the e2e tests share: the script-tag bundle (built once by ./global-setup.ts, with the
 * fixture elements of ./fixtures beside the real ones, so the loader has a light and a heavy
 * element to tell apart), a real Sifa server serving it (PGlite in memory, the diary, tours and
 * institutions plugins with their demo content, as `npm start` seeds it),
 * and Debian's Chromium driven by Playwright, recording every CSP violation, console error and
 * request.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { chifengOrgTree, createLogger, createSifaServer, mintEmbedToken, seedOrgTree, seedPlugins, type SifaServer, type StaticRoot } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { createAssessmentPlugin } from '@sifa/plugin-assessment/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { createMediationPlugin } from '@sifa/plugin-mediation/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { createVillageAdvisersPlugin } from '@chifeng-justice/plugin-village-advisers/server';
import { createConsultationPlugin } from '@sifa/plugin-consultation/server';
import { createLegalityReviewPlugin } from '@sifa/plugin-legality-review/server';
import { createApplicationsPlugin } from '@sifa/plugin-applications/server';
import { createCorrectionPlugin } from '@sifa/plugin-correction/server';
import type { ServerPlugin } from '@sifa/core';
import { srcDir } from '../../build/elements.mjs';
/** G's <sifa-diary> is part of the page once its folder has a define.ts. */
export const hasDiary = existsSync(join(srcDir, 'diary', 'define.ts'));

/** The bundle test/e2e/global-setup.ts built, and which of its files a page needs on first load. */
export function testBundle() {
  const summary = inject('embedBundle');
  const byName = new Map(summary.chunks.map((c) => [c.fileName, c]));
  const visit = (file: string, into: Set<string>, lazy = false) => {
    if (into.has(file)) return;
    into.add(file);
    const chunk = byName.get(file);
    for (const dep of [...(chunk?.imports ?? []), ...(lazy ? (chunk?.dynamicImports ?? []) : [])]) visit(dep, into, lazy);
  };
  const tagChunk = (tag: string) => {
    const define = summary.elements.find((e) => e.tag === tag)?.define;
    const own = summary.chunks.find((c) => c.facadeModuleId === define);
    if (!own) throw new Error(`no chunk for <${tag}>`);
    return own.fileName;
  };
  return {
    dir: summary.dir,
    /** Every element of the bundle, with the plugin it needs on the server. */
    elements: summary.elements,
    /** The files a page with these tags fetches: loader + each tag's chunks (static imports). */
    firstLoad(...tags: string[]): string[] {
      const files = new Set<string>();
      for (const c of summary.chunks) if (c.isEntry) visit(c.fileName, files);
      for (const tag of tags) visit(tagChunk(tag), files);
      return [...files].sort();
    },
    /**
     * Everything these tags may ever fetch: their first load plus the chunks they import lazily
     * (a form, another locale's messages), and nothing of any other element.
     */
    reachable(...tags: string[]): string[] {
      const files = new Set<string>();
      for (const c of summary.chunks) if (c.isEntry) visit(c.fileName, files);
      for (const tag of tags) visit(tagChunk(tag), files, true);
      return [...files].sort();
    },
  };
}

export interface TestServer {
  server: SifaServer;
  url: string;
  /** Keys for the city (1504) whose allowed origins list `origin`. */
  keysFor(origin: string): Promise<{ secret: string; publishable: string }>;
  /** An embed token minted as a host backend does (mint API, secret key). */
  mint(origin: string, orgCode?: string, userId?: string): Promise<{ token: string; expiresAt: string }>;
  close(): Promise<void>;
}

/** As sifa.config.mjs (the demo portal's server): tours seed before institutions (the offices' map entries link to their tours). */
export const allPlugins = () => [
  createDiaryPlugin({ editWindowDays: 7 }),
  // The demo accounts' offices only (the portal seeds every office): five suites start this server.
  createMediationPlugin({ demo: { offices: 'demo-accounts' } }),
  createToursPlugin({ demo: { panoramaWidth: 1024 } }),
  createInstitutionsPlugin(),
  createPlansPlugin(),
  createAssessmentPlugin(),
  createWarningsPlugin(),
  createStatisticsPlugin(),
  createVillageAdvisersPlugin(),
  // A few demo records of 西屯 only, to keep the set-up quick.
  createConsultationPlugin({ demo: { offices: ['150402001'], perOffice: 4 } }),
  createLegalityReviewPlugin({ demo: { offices: ['150402001'], perOffice: 2 } }),
  createApplicationsPlugin({ demo: { offices: ['150402001'] } }),
  // The portal's 社区矫正 section (demo files of 西屯, as sifa.config.mjs seeds them).
  createCorrectionPlugin(),
];

export async function startTestServer(staticRoots: StaticRoot[], plugins: ServerPlugin[] = allPlugins()): Promise<TestServer> {
  const server = await createSifaServer({
    database: { engine: 'pglite', dataDir: 'memory' },
    plugins,
    port: 0,
    staticRoots,
    logger: createLogger({ level: 'silent' }),
  });
  await seedOrgTree(server.database.db);
  await seedPlugins(server, (await chifengOrgTree()).map((o) => o.code));
  const url = await server.listen();
  const owner = { actorId: 'e2e', actorRole: 'owner', withinPath: null };
  const keys = new Map<string, Promise<{ secret: string; publishable: string }>>();
  const keysFor = (origin: string) => {
    let found = keys.get(origin);
    if (!found) {
      found = (async () => {
        const secret = await server.keys.create(owner, { kind: 'secret', label: 'e2e', orgCode: '1504', allowedOrigins: [origin] });
        const publishable = await server.keys.create(owner, { kind: 'publishable', label: 'e2e', orgCode: '1504', allowedOrigins: [origin] });
        return { secret: secret.key, publishable: publishable.key };
      })();
      keys.set(origin, found);
    }
    return found;
  };
  return {
    server,
    url,
    keysFor,
    async mint(origin, orgCode = '150402001', userId = 'u-e2e') {
      const { secret } = await keysFor(origin);
      return mintEmbedToken({ endpoint: url, secretKey: secret, user: { id: userId, displayName: '测试用户（演示）' }, role: 'office_staff', orgCode });
    },
    close: () => server.close(),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SIFA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  violations(): Promise<Violation[]>;
  consoleErrors: string[];
  consoleWarnings: string[];
  requests: string[];
  /** `<status> <url>` of every answer ≥ 400. */
  failedResponses: string[];
  close(): Promise<void>;
}

/** A fresh page recording CSP violations (from the first script on), console errors and requests. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Injected by the DevTools protocol before any page script: the page's CSP does not apply to it.
  await page.addInitScript(() => {
    const store: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (e) => {
      store.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    // With the resource's address: Chromium's "Failed to load resource" names only the status.
    if (message.type() === 'error') consoleErrors.push(message.location().url ? `${message.text()} (${message.location().url})` : message.text());
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  const failedResponses: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
  });
  return {
    page,
    context,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations),
    consoleErrors,
    consoleWarnings,
    requests,
    failedResponses,
    close: () => context.close(),
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
