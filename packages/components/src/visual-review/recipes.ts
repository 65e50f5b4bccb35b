/**
 * How the visual review (visual-review.test.ts) shows each custom element the repository ships
 * with demo data: who is signed in (the servers of test/global-setup.ts seed every plugin's demo
 * content), its attributes, and when it has rendered. One row per element tag; the suite fails
 * for an element the build finds (build/elements.mjs) that has no row here, so a new widget is
 * reviewed from its first day.
 */
import type { Locale, Role } from '@sifa/core';
import type { SifaTheme } from '../config/config.js';
import type { ToursApi } from '@sifa/plugin-tours';
import { SifaClient } from '../client/client.js';
import { commands } from 'vitest/browser';
import { connectTestServer, uniqueId, type TestConnection } from '../test-utils/test-server.js';
import { testMonth } from '../test-utils/clock.js';

export interface Recipe {
  /**
   * The element rendered when it is not the recipe's key: a further recipe of one element (its
   * key is the tag and a name, `'sifa-cases correction.case'`), for what the first one does not
   * show (another plugin's case type).
   */
  element?: string;
  /** Who the page is signed in as; 'public': a public page (endpoint and publishable key, no token). */
  identity: { orgCode: string; role: Role } | 'public';
  /** A named test server (default: the shared 'main'). */
  server?: string;
  /** The element's attributes (a function: from the server's demo data). */
  attributes: Record<string, string> | ((connection: TestConnection) => Promise<Record<string, string>>);
  /** Truthy once the element shows its data (polled). */
  ready(root: ShadowRoot, el: HTMLElement): unknown;
  /**
   * Brings the element, once ready, to the state under review when its first one hides most of
   * it (a form opened beside a calendar): what a person meets after a click or two. Resolves when
   * that state shows.
   */
  open?(root: ShadowRoot): Promise<void>;
  /**
   * Where the element shows server data and names beyond what it marks lang="zh-CN" (a selector;
   * each needs its reason): Chinese there is data, not untranslated UI.
   */
  data?: string;
  /**
   * Clickable parts that a key reaches another way (a selector; each needs its reason), left out
   * of the check for elements that look clickable but are no Tab stop.
   */
  keyboardElsewhere?: string;
  /**
   * Demo content the seed does not write (raised warnings, notifications), made once before the
   * element's first render; only on a server of the review's own (`server`), never the shared one.
   */
  prepare?: (server: string) => Promise<void>;
  /**
   * Defects found and not fixed yet, each with where it shows and why (the issue row). Such a case
   * is expected to fail (vitest `it.fails`): once the defect is fixed the case passes, the suite
   * fails, and the row must go. The list only shrinks.
   */
  known?: KnownDefect[];
}

export interface KnownDefect {
  /** Where it shows: every field left out matches all. */
  lang?: Locale;
  width?: number;
  theme?: SifaTheme;
  /** What a person sees, and where it is tracked. */
  why: string;
}

/** The element `recipe` (under `key`) renders. */
export function recipeElement(key: string, recipe: Recipe): string {
  return recipe.element ?? key;
}

/** The known defect of `recipe` in this case, if any. */
export function knownDefect(recipe: Recipe, lang: Locale, width: number, theme: SifaTheme): KnownDefect | undefined {
  return recipe.known?.find((k) => (k.lang ?? lang) === lang && (k.width ?? width) === width && (k.theme ?? theme) === theme);
}

/** `find()` once it is there (polled each frame, up to 10 s). */
/** 天山镇司法所 serves three townships (罕乌拉街道 and 欧沐沦街道 moved to it), as some offices do. */
async function mergeTianshan(server: string): Promise<void> {
  const admin = new SifaClient((await connectTestServer({ server, orgCode: '150421', role: 'county_admin', userId: uniqueId('admin') })).config);
  type SetArea = { 'platform.org.setServiceArea': { type: 'mutation'; input: { office: string; divisions: string[]; move: boolean }; output: unknown } };
  await admin.mutate<SetArea, 'platform.org.setServiceArea'>('platform.org.setServiceArea', { office: '150421100', divisions: ['150421100', '150421403', '150421404'], move: true });
}

async function until<T>(find: () => T | null | undefined): Promise<T> {
  const end = performance.now() + 10_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`not shown within 10 s: ${find.toString()}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The demo office's first correction file, with a profile and a plan (made once on the review's server). */
async function correctionPlanOf(client: SifaClient): Promise<Record<string, string>> {
  type Correction = {
    'correction.caseload.list': { type: 'query'; input: Record<string, never>; output: { rows: { caseId: string; hasPlan: boolean }[] } };
    'correction.profile.get': { type: 'query'; input: { caseId: string }; output: { revision: number } };
    'correction.profile.set': { type: 'mutation'; input: { caseId: string; revision: number; conditions: Record<string, unknown> }; output: unknown };
    'correction.plan.generate': { type: 'mutation'; input: { caseId: string }; output: unknown };
  };
  const { rows } = await client.query<Correction, 'correction.caseload.list'>('correction.caseload.list', {});
  const row = rows.find((r) => r.hasPlan) ?? rows[0];
  if (!row) throw new Error('no demo correction file in 150402001');
  if (!row.hasPlan) {
    const profile = await client.query<Correction, 'correction.profile.get'>('correction.profile.get', { caseId: row.caseId });
    if (profile.revision === 0) await client.mutate<Correction, 'correction.profile.set'>('correction.profile.set', { caseId: row.caseId, revision: 0, conditions: correctionSampleProfile });
    await client.mutate<Correction, 'correction.plan.generate'>('correction.plan.generate', { caseId: row.caseId });
  }
  return { 'case-id': row.caseId };
}

/** A profile of the demo catalogue (strict class, high risk: a plan with many measures). */
const correctionSampleProfile = {
  sex: 'male', age: 34, juvenile: false, 'subject-kind': 'probation', 'management-class': 'strict', stage: 'intake', 'months-in-correction': 0, 'months-remaining': 12,
  'risk-level': 'high', 'offence-type': 'property', 'offence-cause': 'other', 'serious-circumstances': false, remorse: 'sincere', 'psych-state': 'stable', 'psych-score': 40,
  health: 'good', 'pregnant-or-nursing': false, family: 'harmonious', dependants: 1, employment: 'unemployed', 'monthly-income': 0, residence: 'rented',
  'household-elsewhere': false, addiction: 'none', 'prior-convictions': 0, reprimands: 0, 'education-level': 'secondary',
};

const busyDone = (root: ShadowRoot) => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';
/** The year of last month: the demo history has entries in it at any date. */
const demoYear = () => testMonth(-1).slice(0, 4);

export const recipes: Record<string, Recipe> = {
  'sifa-apply': {
    // A citizen's public form; the 'apply' servers run the applications plugin's public forms.
    identity: 'public',
    // Its own server: a merged office is made there (apply… servers run the public forms).
    server: 'apply-review',
    attributes: { type: 'applications.reconsideration' },
    prepare: mergeTianshan,
    // The counties and townships to choose from are the org tree's names; so is the office
    // receiving the application, and the townships it serves.
    data: '#f-county option, #f-township option, .office-fixed, .receiving',
    ready: (root) => root.querySelector('#f-county option[value]:not([value=""])'),
    // A township of the merged office chosen: the office that receives it and what it serves.
    async open(root) {
      // (A draft of an earlier render may be restoring its own choice meanwhile: wait for each select.)
      const choose = async (id: string, value: string) => {
        const select = await until(() => root.querySelector<HTMLSelectElement>(`${id}:has(option[value="${value}"])`));
        select.value = value;
        select.dispatchEvent(new Event('change'));
      };
      await choose('#f-county', '150421');
      await choose('#f-township', '150421404');
      await until(() => root.querySelector<HTMLSelectElement>('#f-township')?.value === '150421404' && root.querySelector('.receiving .serves'));
    },
  },
  'sifa-cases': {
    // 西屯司法所 (a demo account's office): the demo mediation cases.
    identity: { orgCode: '150402001', role: 'office_staff' },
    attributes: { type: 'mediation.case', 'org-code': '150402001' },
    // Case numbers (案号, the engine's), field values as typed (a committee's name, the facts) and
    // the office line of a row are the case file's data.
    data: '.number, dd, .meta',
    ready: (root) => root.querySelector('#list-status')?.textContent?.trim() && busyDone(root),
  },
  'sifa-cases correction.case': {
    // The correction plugin's case type (its steps, fields, options, deadlines and checks carry
    // Mongolian): 西屯司法所's first demo correction file, opened.
    element: 'sifa-cases',
    identity: { orgCode: '150402001', role: 'office_staff' },
    attributes: { type: 'correction.case', 'org-code': '150402001' },
    // Case numbers, field values as typed (the person, the court, the offence), who took a step
    // and the office line are the file's data (the articles its checks cite are in each language).
    data: '.number, #case-title, dd, .meta, .by',
    ready: (root) => root.querySelector('#list-status')?.textContent?.trim() && busyDone(root),
    async open(root) {
      (await until(() => root.querySelector<HTMLButtonElement>('.row .number'))).click();
      await until(() => root.querySelector('.file .timeline li') && busyDone(root));
      // The checks recorded with the steps, opened: their titles and the articles they cite are reviewed too.
      root.querySelectorAll<HTMLDetailsElement>('details.event-checks').forEach((d) => (d.open = true));
    },
  },
  'sifa-correction-caseload': {
    identity: { orgCode: '150402001', role: 'office_staff' },
    attributes: {},
    // Person names (masked as the server lists them), case numbers and office names are the files' data.
    data: '.who, .person-head .muted',
    ready: (root) => busyDone(root) && root.querySelector('.rates'),
  },
  'sifa-correction-plan': {
    identity: { orgCode: '150402001', role: 'office_staff' },
    // Its own server: the demo file gets a profile and a plan there (the seed writes neither).
    server: 'visual',
    attributes: async (connection) => correctionPlanOf(new SifaClient(connection.config)),
    // The case number, and reasons staff typed (Chinese as entered).
    data: '.head .muted, .staff',
    ready: (root) => busyDone(root) && (root.querySelector('.measure') || root.querySelector('[data-action="generate"]')),
  },
  'sifa-dashboard': {
    identity: { orgCode: '1504', role: 'city_admin' },
    attributes: () => Promise.resolve({ period: demoYear(), history: 'off' }),
    // The names of the bars and map regions are the org tree's names (SVG text cannot carry a
    // visible marker; the bars' aria-labels quote them).
    data: '.chart .name, .chart .region-name',
    ready: (root) => busyDone(root) && (root.querySelector('.kpis') || root.querySelector('.error')) && !root.querySelector('.panel .loading'),
  },
  'sifa-dashboard county': {
    // A county's breakdown with its own row (本级: the sealed juvenile under correction counts at
    // 红山区, never at 西屯), its data table open: the row's name and the note under it.
    element: 'sifa-dashboard',
    identity: { orgCode: '150402', role: 'county_admin' },
    attributes: () => Promise.resolve({ entry: 'correction-out-of-supervision-rate', period: testMonth(-1), history: 'off' }),
    // The bars' and the table's org names are the org tree's names (the own row's suffix is a
    // message of the widget's, in every language: the messages' key test).
    data: '.chart .name, .chart .region-name, #breakdown-table tbody th',
    ready: (root) => busyDone(root) && (root.querySelector('.kpis') || root.querySelector('.error')) && !root.querySelector('.panel .loading'),
    async open(root) {
      (await until(() => root.querySelector<HTMLButtonElement>('.panel.breakdown .table-toggle'))).click();
      await until(() => root.querySelector('#breakdown-table tbody tr[data-own="true"]') && root.querySelector('.panel.breakdown .own-note'));
    },
  },
  'sifa-diary': {
    identity: { orgCode: '150402001', role: 'office_staff' },
    // Its own offline store: nothing left from another test.
    attributes: () => Promise.resolve({ 'storage-key': `visual-review-${crypto.randomUUID().slice(0, 8)}`, month: testMonth(-1) }),
    ready: (root) => root.querySelector('[part="calendar"]')?.getAttribute('aria-busy') === 'false',
    // A day chosen and an item's form open beside the calendar (D6: in Mongolian the form
    // pushed the calendar out of the widget's box).
    async open(root) {
      root.querySelector<HTMLButtonElement>('button.day[data-kind="missing"], button.day[data-kind="filled"]')!.click();
      const pick = await until(() => root.querySelector<HTMLButtonElement>('button.pick[data-item="diary.law-education"]'));
      pick.click();
      await until(() => root.querySelector('form'));
    },
  },
  'sifa-legal-map': {
    // The public legal-services map.
    identity: 'public',
    attributes: {},
    // Markers and clusters on the map: every institution they show is an option of the list
    // (role=listbox, arrow keys), which selects it on the map.
    keyboardElsewhere: '.marker',
    // The <sifa-apply> review's server (one server less to start): 天山镇司法所 serves three
    // townships there. Setting the same area again changes nothing, whichever review runs first.
    server: 'apply-review',
    prepare: mergeTianshan,
    ready: (root, el) => root.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false' && (el as HTMLElement & { mapRenderer?: unknown }).mapRenderer,
    // "Which office serves my township?": a township searched for, its office chosen from the
    // match; the popup names the three townships it serves.
    async open(root) {
      const input = await until(() => root.querySelector<HTMLInputElement>('input[type="search"]'));
      input.value = '罕乌拉';
      input.dispatchEvent(new Event('input'));
      (await until(() => root.querySelector<HTMLButtonElement>('.places li[data-division="150421403"] button'))).click();
      await until(() => root.querySelectorAll('[part="popup"] .townships li').length === 3);
    },
  },
  'sifa-notifications': {
    identity: { orgCode: '150402001', role: 'office_staff' },
    server: 'visual',
    // Inline: the list itself, not only the bell.
    attributes: { inline: '' },
    // A notification's title and body are its sender's text in the reader's language where the
    // sender gave one (the test command sends one text as every language).
    data: '.item .head strong, .item .body',
    prepare: async (server) => {
      await commands.notify({ server, orgCode: '150402001', title: '请于本周五前报送月度工作总结', severity: 'warning' });
      await commands.notify({ server, orgCode: '150402001', title: '法治宣传月活动安排', severity: 'info' });
    },
    ready: (root) => root.querySelector('.panel') && !root.querySelector('[aria-busy="true"]'),
  },
  'sifa-vr-viewer': {
    identity: 'public',
    // The first demo tour (an office of 红山区).
    attributes: async (connection) => {
      const client = new SifaClient({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey });
      const tours = await client.query<{ [K in keyof ToursApi]: ToursApi[K] }, 'tours.list'>('tours.list', {});
      if (!tours[0]) throw new Error('no demo tour on the test server');
      return { tour: tours[0].id };
    },
    ready: (root) => busyDone(root) && root.querySelector('h2')?.textContent?.trim(),
  },
  'sifa-score-card': {
    identity: { orgCode: '150402', role: 'county_admin' },
    attributes: () => Promise.resolve({ 'org-code': '150402001', period: demoYear() }),
    ready: (root) => busyDone(root) && (root.querySelector('.parts') || root.querySelector('.error')),
  },
  'sifa-org-picker': {
    identity: { orgCode: '150402', role: 'county_admin' },
    // A chosen org: the field shows its name.
    attributes: { root: '150402', value: '150402001' },
    ready: (root) => root.querySelector('input') && !root.querySelector('#state'),
  },
  'sifa-plan-board': {
    identity: { orgCode: '150402', role: 'county_admin' },
    attributes: () => Promise.resolve({ period: demoYear() }),
    ready: (root) => busyDone(root) && root.querySelector('.plans'),
  },
  'sifa-warnings': {
    identity: { orgCode: '150402', role: 'county_admin' },
    server: 'visual',
    attributes: {},
    // The demo rules evaluated (as the scheduled job does): the list has raised warnings.
    prepare: async (server) => {
      await commands.runJob({ server, name: 'warnings.evaluate', at: new Date().toISOString() });
    },
    ready: (root) => root.querySelector('.error[role="alert"]') || (root.querySelector('.count') && !root.querySelector('.count')!.textContent!.includes('…')),
  },
  'sifa-village-advisers-list': {
    identity: { orgCode: '150402', role: 'county_admin' },
    attributes: {},
    ready: (root) => busyDone(root),
  },
};
