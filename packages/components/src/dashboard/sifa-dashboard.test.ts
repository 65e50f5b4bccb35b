/**
 * <sifa-dashboard> in Chromium against the real Sifa server of test/global-setup.ts (the
 * statistics plugin over the facts the diary's demo history wrote for every office, the real
 * Chifeng county borders, the warnings plugin): the tiles and charts show what
 * `statistics.view` computes; clicks and Enter drill city → county → office → item → records,
 * the breadcrumb and the browser's back button climb back; pickers change the view; the CSV
 * export holds what the screen shows; a diary entry saved meanwhile reaches an open dashboard;
 * big-screen mode; three languages (Mongolian vertical, drafts marked), axe, no style attribute.
 * The warnings panel needs the warnings plugin's <sifa-warnings> on the page: first without it
 * (no panel), then loaded through a script-tag loader, then defined as a host would import it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { Locale, Role } from '@sifa/core';
import type { StatisticsView, StatisticsViewInput } from '@sifa/plugin-statistics';
import { configureSifa } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { dashboardMessages } from './messages.js';
import { paramName } from './state.js';
import './define.js';
import type { DashboardCalls, SifaDashboard } from './sifa-dashboard.js';
import type { DashboardNavigateDetail } from './define.js';
import { testMonth, testToday, testYear } from '../test-utils/clock.js';
import { overflowing } from '../test-utils/layout.js';
import type { DashboardOpenRecordDetail } from './sifa-dashboard.js';

// The widget's default period: the year of the page's clock (the test clock).
const year = testYear();
const CITY = '1504';
const HONGSHAN = '150402';

interface Mounted {
  el: SifaDashboard;
  root: ShadowRoot;
  client: SifaClient;
  navigations: DashboardNavigateDetail[];
}

async function mount(options: { orgCode?: string; role?: Role; attrs?: Record<string, string>; lang?: Locale; server?: string } = {}): Promise<Mounted> {
  const connection = await connectTestServer({ orgCode: options.orgCode ?? CITY, userId: uniqueId('u'), role: options.role ?? 'city_admin', ...(options.server ? { server: options.server } : {}) });
  configureSifa({ ...connection.config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-dashboard');
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.lang) el.setAttribute('lang', options.lang);
  const navigations: DashboardNavigateDetail[] = [];
  el.addEventListener('sifa-dashboard-navigate', (e) => navigations.push(e.detail));
  document.body.append(el);
  const root = el.shadowRoot!;
  await settled(el, root);
  return { el, root, client: new SifaClient(connection.config), navigations };
}

/** The view is loaded and drawn (charts chunk included). */
async function settled(el: SifaDashboard, root: ShadowRoot): Promise<void> {
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && (root.querySelector('.kpis') || root.querySelector('.error')) && !root.querySelector('.panel .loading'), {
    what: 'the dashboard to show its view',
    timeoutMs: 25_000,
  });
  await el.updateComplete;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const all = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => [...root.querySelectorAll<T & Element>(selector)] as T[];
const fmt = (n: number, locale = 'zh-CN') => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
const crumbs = (root: ShadowRoot) => all(root, '.trail li').map((li) => li.textContent!.trim());

function viewOf(m: Mounted, input: StatisticsViewInput): Promise<StatisticsView> {
  return m.client.query<DashboardCalls, 'statistics.view'>('statistics.view', input);
}

/** Waits until the dashboard shows `org` (after a drill or a back step). */
async function showing(m: Mounted, org: string, item: string | null = null): Promise<void> {
  await eventually(() => m.el.statisticsView?.org.code === org && (m.el.dashboardState?.item ?? null) === item && !m.el.shadowRoot!.querySelector('[part="base"][aria-busy="true"]'), { what: `the dashboard to show ${org}` });
  await m.el.updateComplete;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines in quotes) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The rows of one CSV section (after its name line and its header line), up to the blank line. */
function section(rows: string[][], name: string): { header: string[]; rows: string[][] } {
  const at = rows.findIndex((r) => r.length === 1 && r[0] === name);
  if (at < 0) throw new Error(`no section ${name}`);
  const body: string[][] = [];
  for (let i = at + 2; i < rows.length && !(rows[i]!.length === 1 && rows[i]![0] === ''); i++) body.push(rows[i]!);
  return { header: rows[at + 1]!, rows: body };
}

beforeEach(() => {
  document.documentElement.lang = '';
});

afterEach(async () => {
  await page.viewport(1400, 900);
  vi.restoreAllMocks();
  delete window.SifaKit;
  document.body.replaceChildren();
  // The dashboard's steps are history entries of this page: leave the URL clean for the next test.
  const url = new URL(location.href);
  url.searchParams.delete(paramName(null));
  history.replaceState(null, '', url);
});

type Kit = NonNullable<typeof window.SifaKit>;
/** A stand-in for the script-tag loader's `window.SifaKit` (embed.js): only `load` is used by the dashboard. */
const fakeKit = (load: Kit['load']): Kit => ({ configure: () => ({}) as ReturnType<Kit['configure']>, load });

// Runs before anything in this file defines <sifa-warnings> (each test file has a page of its own).
describe('<sifa-dashboard> warnings panel, as the page offers <sifa-warnings>', () => {
  it('shows no panel, and no error, when the element cannot be defined: not imported by the host, no loader', async () => {
    expect(customElements.get('sifa-warnings')).toBeUndefined();
    const errors = vi.spyOn(console, 'error');
    const m = await mount({ attrs: { entry: 'diary-entries', period: year } });
    // The plugin answers this user: only the element is missing.
    expect((await m.client.query<DashboardCalls, 'warnings.list'>('warnings.list', { status: 'open', limit: 1 })).total).toBeGreaterThanOrEqual(0);
    await m.el.updateComplete;
    expect(m.root.querySelector('sifa-warnings, .panel.warnings')).toBeNull();
    expect(m.root.querySelector('.error')).toBeNull();
    expect(errors).not.toHaveBeenCalled();
  });

  it('shows no panel when the script-tag loader does not offer the element', async () => {
    const load = vi.fn<Kit['load']>(async (tag) => {
      throw new Error(`<${tag}> is not offered`);
    });
    window.SifaKit = fakeKit(load);
    const m = await mount({ attrs: { entry: 'diary-entries', period: year } });
    await m.el.updateComplete;
    expect(load).toHaveBeenCalledWith('sifa-warnings');
    expect(m.root.querySelector('sifa-warnings, .panel.warnings')).toBeNull();
    expect(m.root.querySelector('.error')).toBeNull();
    expect(customElements.get('sifa-warnings')).toBeUndefined();
  });

  it('asks the script-tag loader for the element and shows the panel once it is loaded', async () => {
    const load = vi.fn<Kit['load']>((tag) => (tag === 'sifa-warnings' ? import('@sifa/plugin-warnings/ui/warnings') : Promise.reject(new Error(tag))));
    window.SifaKit = fakeKit(load);
    const m = await mount({ attrs: { entry: 'diary-entries', period: year } });
    await m.el.updateComplete;
    expect(load).toHaveBeenCalledWith('sifa-warnings');
    const panel = q(m.root, '.panel.warnings sifa-warnings[mode="compact"]');
    expect(panel.getAttribute('org-code')).toBe(CITY);
    await eventually(() => panel.shadowRoot?.querySelector('[part="base"] h2'), { what: 'the warnings panel' });
  });
});

describe('<sifa-dashboard> with the real server and the demo history', () => {
  // The host imported the warnings plugin's element (as `import '@sifa/plugin-warnings/ui'` does).
  beforeAll(async () => {
    await import('@sifa/plugin-warnings/ui/warnings');
  });

  it("shows the city's computed figures: KPI tiles, trend, breakdown bars, the county map, ranking and the open warnings", async () => {
    const m = await mount({ attrs: { entry: 'diary-entries', period: year, compare: 'year-ago' } });
    const view = await viewOf(m, { entry: 'diary-entries', period: year, compare: 'year-ago' });
    expect(view.org.code).toBe(CITY);
    expect(view.kpis[0]!.value).toBeGreaterThan(0);
    expect(q(m.root, 'h2').textContent).toContain('赤峰市');
    // KPI tiles: value, comparison value and change, the change said in words beside the arrow.
    const tiles = all(m.root, '.kpi');
    expect(tiles).toHaveLength(view.figures.length);
    const k = view.kpis[0]!;
    expect(tiles[0]!.dataset['value']).toBe(String(k.value));
    expect(q(tiles[0]!, '.kpi-value').textContent).toContain(fmt(k.value!));
    expect(q(tiles[0]!, '.kpi-previous').textContent).toContain(k.previous === null ? '无数据' : fmt(k.previous));
    const change = q(tiles[0]!, '.kpi-change');
    expect(change.querySelector('.arrow')!.getAttribute('aria-hidden')).toBe('true');
    expect(change.textContent).toMatch(/上升|下降|持平|无可比数据/);
    // Trend: one focusable band per bucket (12 months), each named with its value.
    const bands = all(m.root, '[data-chart="trend"] [data-i]');
    expect(bands).toHaveLength(view.series.length);
    expect(bands.filter((b) => b.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(bands[0]!.getAttribute('aria-label')).toContain(fmt(view.series[0]!.values[0] ?? 0));
    // Breakdown: a bar per county, each a button with the county's value.
    const bars = all(m.root, '[data-chart="breakdown"] [data-i]');
    expect(bars).toHaveLength(view.breakdown.length);
    expect(bars[0]!.getAttribute('role')).toBe('button');
    expect(bars[0]!.getAttribute('aria-label')).toContain(`${view.breakdown[0]!.org.name.zh}: ${fmt(view.breakdown[0]!.values[0]!)}`);
    // The map: the real county borders, one path per county with a value.
    const counties = all<SVGPathElement>(m.root, '[data-chart="map"] path.region');
    expect(counties.length).toBe(12);
    expect(counties.map((c) => c.dataset['code']).sort()).toEqual(view.breakdown.map((b) => b.org.code).sort());
    expect(counties.every((c) => (c.getAttribute('d') ?? '').length > 100)).toBe(true);
    // Ranking of the offices by the first figure, top ten first.
    const ranking = all(m.root, '.ranking-list li');
    expect(ranking).toHaveLength(Math.min(10, view.ranking.length));
    expect(ranking[0]!.dataset['code']).toBe(view.ranking[0]!.org.code);
    // The data tables behind the toggles.
    q<HTMLButtonElement>(m.root, '.panel.breakdown .table-toggle').click();
    await m.el.updateComplete;
    const rows = all(m.root, '#breakdown-table tbody tr');
    expect(rows.map((r) => r.dataset['code'])).toEqual(view.breakdown.map((b) => b.org.code));
    expect(q(m.root, '#breakdown-table caption').textContent).toContain('数据表');
    // The warnings plugin is installed and its element defined: its compact list is a panel.
    expect(m.root.querySelector('sifa-warnings[mode="compact"]')).not.toBeNull();
    // Strict CSP: nothing styled through a style attribute.
    expect(m.root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('drills city → county → office → item → records by clicks; the breadcrumb and the back button climb back', async () => {
    const m = await mount({ attrs: { entry: 'legal-aid', period: year } });
    expect(crumbs(m.root)).toEqual(['赤峰市']);
    // A county on the map.
    q<SVGPathElement>(m.root, `[data-chart="map"] path[data-code="${HONGSHAN}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await showing(m, HONGSHAN);
    expect(crumbs(m.root)).toEqual(['赤峰市', '红山区']);
    expect(new URL(location.href).searchParams.get('sifa-dash')).toBe(`legal-aid~${HONGSHAN}~${year}~previous`);
    expect(m.navigations.at(-1)).toMatchObject({ org: HONGSHAN, cause: 'drill' });
    // An office's bar in the county's breakdown.
    const county = m.el.statisticsView!;
    const office = county.breakdown.reduce((a, b) => ((b.values[0] ?? 0) > (a.values[0] ?? 0) ? b : a));
    const bar = all(m.root, '[data-chart="breakdown"] [data-i]')[county.breakdown.indexOf(office)]!;
    bar.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await showing(m, office.org.code);
    expect(crumbs(m.root)).toEqual(['赤峰市', '红山区', office.org.name.zh]);
    // At the office: the items of the entry point, one opens its records.
    const view = m.el.statisticsView!;
    expect(all(m.root, '.items tbody tr').map((r) => r.dataset['metric'])).toEqual(view.items.map((i) => i.metric));
    const item = view.items.find((i) => i.value > 0) ?? view.items[0]!;
    q<HTMLButtonElement>(m.root, `button.open-item[data-metric="${item.metric}"]`).click();
    await showing(m, office.org.code, item.metric);
    const entries = await m.client.query<DashboardCalls, 'statistics.entries'>('statistics.entries', { orgCode: office.org.code, period: year, metric: item.metric, limit: 20, offset: 0 });
    await eventually(() => !m.root.querySelector('#entries[aria-busy="true"]') && (m.root.querySelector('#entries tbody') || m.root.querySelector('#entries .empty')));
    expect(all(m.root, '#entries tbody tr').map((r) => r.dataset['source'])).toEqual(entries.rows.map((r) => r.source.id));
    if (entries.total > 0) expect(q(m.root, '#entries-count').textContent).toContain(String(entries.total));
    expect(crumbs(m.root)).toEqual(['赤峰市', '红山区', office.org.name.zh, item.title.zh]);
    expect(q(m.root, '.trail [aria-current="page"]').textContent).toBe(item.title.zh);
    // The browser's back button: records → office → county.
    history.back();
    await showing(m, office.org.code, null);
    expect(m.root.querySelector('#entries')).toBeNull();
    history.back();
    await showing(m, HONGSHAN);
    expect(crumbs(m.root)).toEqual(['赤峰市', '红山区']);
    expect(m.navigations.at(-1)).toMatchObject({ org: HONGSHAN, cause: 'history' });
    // The breadcrumb's link back to the city.
    q<HTMLAnchorElement>(m.root, '.trail a').click();
    await showing(m, CITY);
    expect(crumbs(m.root)).toEqual(['赤峰市']);
  });

  it("a county's own figures (the sealed juvenile under correction, never counted at the office) are a row of their own, not a drill-down", async () => {
    // Last month: the demo's correction history runs through all of it (the sealed juvenile of 西屯 counts at 红山区).
    const period = testMonth(-1);
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'correction-out-of-supervision-rate', period, history: 'off' } });
    const view = m.el.statisticsView!;
    const own = view.breakdown.at(-1)!;
    expect(own).toMatchObject({ own: true, org: { code: HONGSHAN } });
    expect(view.breakdown.filter((b) => b.own)).toHaveLength(1);
    // A rate of its own person-days (the juvenile was on the roll every day of the month).
    expect(own.values[0]).not.toBeNull();
    q<HTMLButtonElement>(m.root, '.panel.breakdown .table-toggle').click();
    await m.el.updateComplete;
    const row = q(m.root, '#breakdown-table tbody tr[data-own="true"]');
    expect(row).toBe(all(m.root, '#breakdown-table tbody tr').at(-1));
    expect(row.querySelector('th')!.textContent!.trim()).toBe(`红山区${dashboardMessages.t('zh-CN', 'ownLevel')}`);
    expect(row.querySelector('button')).toBeNull();
    expect(q(m.root, '.panel.breakdown .own-note').textContent).toBe(dashboardMessages.t('zh-CN', 'ownNote'));
    // Its bar names it and goes nowhere.
    const bar = all(m.root, '[data-chart="breakdown"] [data-i]')[view.breakdown.length - 1]!;
    expect(bar.getAttribute('aria-label')).toContain('红山区（本级）');
    bar.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await m.el.updateComplete;
    expect(m.el.statisticsView!.org.code).toBe(HONGSHAN);
    expect(m.navigations).toEqual([]);
  });

  it('drills down with the keyboard: arrows move along the bars, Enter opens the focused one', async () => {
    const m = await mount({ attrs: { entry: 'diary-entries', period: year, history: 'off' } });
    const view = m.el.statisticsView!;
    const first = q<SVGElement>(m.root, '[data-chart="breakdown"] [data-i="0"]');
    first.focus();
    await m.el.updateComplete;
    await userEvent.keyboard('{ArrowDown}');
    await eventually(() => (m.root.activeElement as Element | null)?.getAttribute('data-i') === '1', { what: 'the second bar to take the focus' });
    expect(m.root.activeElement!.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    // A focused point of the trend shows its tooltip (the value, in words, is its name as well).
    q<SVGElement>(m.root, '[data-chart="trend"] [data-i="2"]').focus();
    await m.el.updateComplete;
    expect(q(m.root, '[data-chart="trend"] .tip').textContent).toContain(fmt(view.series[2]!.values[0] ?? 0));
    first.focus();
    await m.el.updateComplete;
    await userEvent.keyboard('{ArrowDown}');
    await eventually(() => (m.root.activeElement as Element | null)?.getAttribute('data-i') === '1', { what: 'the focus back on the second bar' });
    await userEvent.keyboard('{Enter}');
    await showing(m, view.breakdown[1]!.org.code);
    expect(m.root.activeElement?.id).toBe('title');
    expect(q(m.root, '[role="status"]').textContent).toContain(view.breakdown[1]!.org.name.zh);
    // history="off": the URL is the host's.
    expect(new URL(location.href).searchParams.has('sifa-dash')).toBe(false);
  });

  it('changes the view with the pickers: entry point (grouped), period kind, period and comparison', async () => {
    const m = await mount({ attrs: { entry: 'diary-entries', period: year } });
    const entry = q<HTMLSelectElement>(m.root, 'select[name="entry"]');
    expect(entry.querySelectorAll('optgroup').length).toBeGreaterThan(1);
    await userEvent.selectOptions(entry, 'mediation-cases');
    await eventually(() => m.el.statisticsView?.entry.id === 'mediation-cases' && !m.root.querySelector('[aria-busy="true"]'));
    await userEvent.selectOptions(q<HTMLSelectElement>(m.root, 'select[name="period-kind"]'), 'quarter');
    await eventually(() => m.el.statisticsView?.period.period.includes('-Q') && !m.root.querySelector('[aria-busy="true"]'));
    const quarters = all<HTMLOptionElement>(m.root, 'select[name="period"] option').map((o) => o.value);
    const pick = quarters.find((p) => p.startsWith(String(Number(year) - 1)))!;
    await userEvent.selectOptions(q<HTMLSelectElement>(m.root, 'select[name="period"]'), pick);
    await userEvent.selectOptions(q<HTMLSelectElement>(m.root, 'select[name="compare"]'), 'none');
    await eventually(() => m.el.statisticsView?.period.period === pick && m.el.statisticsView.comparePeriod === null && !m.root.querySelector('[aria-busy="true"]'));
    await m.el.updateComplete;
    const view = await viewOf(m, { entry: 'mediation-cases', period: pick, compare: 'none' });
    expect(all(m.root, '.kpi').map((t) => t.dataset['value'])).toEqual(view.kpis.map((k) => String(k.value ?? '')));
    expect(m.root.querySelector('.kpi-change')).toBeNull();
    // A quarter's series is its three months.
    expect(all(m.root, '[data-chart="trend"] [data-i]')).toHaveLength(3);
    expect(m.navigations.map((n) => n.cause)).toEqual(['picker', 'picker', 'picker', 'picker']);
    expect(new URL(location.href).searchParams.get('sifa-dash')).toBe(`mediation-cases~~${pick}~none`);
  });

  it('exports the view: the CSV holds exactly the figures the screen shows', async () => {
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'mediation-cases', period: year, compare: 'previous' } });
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (saved.push(blob as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const exports: string[] = [];
    m.el.addEventListener('sifa-dashboard-export', (e) => exports.push(e.detail.filename));
    // Links are clicked to save: keep the test page where it is.
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    q<HTMLButtonElement>(m.root, 'button.export[data-format="csv"]').click();
    await eventually(() => saved.length === 1, { what: 'the CSV download' });
    expect(exports[0]).toMatch(/\.csv$/);
    const text = (await saved[0]!.text()).replace(/^\uFEFF/, '');
    const rows = parseCsv(text);
    const view = m.el.statisticsView!;
    // Summary: one row per KPI tile, the same title, value and comparison value.
    const summary = section(rows, '概览');
    const tiles = all(m.root, '.kpi');
    expect(summary.rows).toHaveLength(tiles.length);
    summary.rows.forEach((r, i) => {
      expect(r[0]).toBe(q(tiles[i]!, '.kpi-title').textContent!.trim());
      expect(Number(r[2])).toBe(Number(tiles[i]!.dataset['value']));
      expect(r[3] === '' ? '' : Number(r[3])).toBe(tiles[i]!.dataset['previous'] === '' ? '' : Number(tiles[i]!.dataset['previous']));
    });
    // Breakdown: the rows of the breakdown table, in order, with the values shown.
    q<HTMLButtonElement>(m.root, '.panel.breakdown .table-toggle').click();
    await m.el.updateComplete;
    const breakdown = section(rows, '下级');
    const shown = all(m.root, '#breakdown-table tbody tr');
    expect(breakdown.rows.map((r) => r[0])).toEqual(shown.map((r) => r.dataset['code']));
    breakdown.rows.forEach((r, i) => {
      expect(r[1]).toBe(shown[i]!.querySelector('th')!.textContent!.trim());
      expect(Number(r[3])).toBe(Number(shown[i]!.querySelectorAll('td')[0]!.dataset['value']));
    });
    // Series and items: the trend table and the items table.
    q<HTMLButtonElement>(m.root, '.panel.trend .table-toggle').click();
    await m.el.updateComplete;
    const series = section(rows, '趋势');
    expect(series.rows.map((r) => r[0])).toEqual(all(m.root, '#trend-table tbody tr').map((r) => r.dataset['bucket']));
    expect(series.rows.map((r) => Number(r[1]))).toEqual(all(m.root, '#trend-table tbody tr td:first-of-type').map((td) => Number(td.dataset['value'])));
    const items = section(rows, '明细项');
    expect(items.rows.map((r) => r[0])).toEqual(view.items.map((i) => i.metric));
    expect(items.rows.map((r) => Number(r[3]))).toEqual(all(m.root, '.items tbody tr td:first-of-type').map((td) => Number(td.dataset['value'])));
    // The xlsx goes the same way.
    q<HTMLButtonElement>(m.root, 'button.export[data-format="xlsx"]').click();
    await eventually(() => saved.length === 2, { what: 'the xlsx download' });
    expect(saved[1]!.type).toContain('spreadsheetml');
    expect(exports[1]).toMatch(/\.xlsx$/);
  });

  it('updates an open dashboard live when a diary entry records a fact', async () => {
    const probe = new SifaClient((await connectTestServer({ orgCode: HONGSHAN, role: 'county_admin', userId: uniqueId('probe') })).config);
    const county = await probe.query<DashboardCalls, 'statistics.view'>('statistics.view', { entry: 'legal-aid', orgCode: HONGSHAN, period: year });
    const office = county.breakdown.at(-1)!.org.code;
    const m = await mount({ orgCode: office, role: 'office_staff', attrs: { entry: 'legal-aid', period: year, history: 'off' } });
    const before = Number(q(m.root, '.kpi[data-key="diary.legal-aid-applications"]').dataset['value']);
    await eventually(() => m.root.querySelector('.live'), { what: 'the live subscription' });
    const day = testToday();
    await m.client.mutate('diary.save', { idempotencyKey: crypto.randomUUID(), day, itemCode: 'diary.legal-aid', fields: { applications: 3, forwarded: 0 } });
    await eventually(() => Number(m.root.querySelector<HTMLElement>('.kpi[data-key="diary.legal-aid-applications"]')?.dataset['value']) === before + 3, { what: 'the live update', timeoutMs: 20_000 });
    expect(q(m.root, '[role="status"]').textContent).toBe(dashboardMessages.t('zh-CN', 'announceUpdated'));
  });

  it('says it is reconnecting while the server is down (the figures from before stay), and is live again after', async () => {
    const server = 'dashboard-outage';
    const m = await mount({ server, attrs: { entry: 'diary-entries', period: year, history: 'off' } });
    await eventually(() => m.root.querySelector('.live:not(.reconnecting)'), { what: 'the live subscription' });
    const before = q(m.root, '.kpis').textContent;
    await commands.stopServer({ server });
    try {
      const status = await eventually(() => m.root.querySelector<HTMLElement>('.live.reconnecting'), { what: 'the reconnecting state', timeoutMs: 20_000 });
      expect(status.getAttribute('role')).toBe('status');
      expect(status.textContent).toContain(dashboardMessages.t('zh-CN', 'reconnecting'));
      expect(q(m.root, '.kpis').textContent).toBe(before);
    } finally {
      await commands.startServer({ server });
    }
    await eventually(() => m.root.querySelector('.live:not(.reconnecting)'), { what: 'live again', timeoutMs: 40_000 });
  });

  it('toggles big-screen mode: dark, large type, rotating entry points, and back', async () => {
    const m = await mount({ attrs: { entry: 'diary-entries', period: year, 'rotate-seconds': '3', history: 'off' } });
    const button = q<HTMLButtonElement>(m.root, 'button.big-screen');
    expect(button.textContent!.trim()).toBe('大屏展示');
    await userEvent.click(button);
    await m.el.updateComplete;
    expect(m.el.hasAttribute('big-screen')).toBe(true);
    expect(q(m.root, '[part="base"]').classList.contains('big')).toBe(true);
    expect(getComputedStyle(m.el).getPropertyValue('--sifa-color-surface').trim()).toBe('#1c1b1a');
    expect(q(m.root, 'button.rotation').textContent!.trim()).toBe('暂停轮播');
    await userEvent.click(q<HTMLButtonElement>(m.root, 'button.big-screen'));
    await eventually(() => !m.el.hasAttribute('big-screen') && document.fullscreenElement === null, { what: 'big-screen mode and full screen to end' });
    expect(m.root.querySelector('button.rotation')).toBeNull();
  });

  it('rotates through the entry points in big-screen mode while nobody uses it', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: false, media: query }) as MediaQueryList);
    const m = await mount({ attrs: { entry: 'diary-entries', period: year, 'rotate-seconds': '3', history: 'off', 'big-screen': '' } });
    const first = m.el.dashboardState!.entry;
    await eventually(() => m.el.dashboardState!.entry !== first, { what: 'the next entry point', timeoutMs: 12_000 });
    // Never under reduced motion.
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList);
    m.el.rotateSeconds = 4;
    await m.el.updateComplete;
    const now = m.el.dashboardState!.entry;
    await new Promise((r) => setTimeout(r, 5_000));
    expect(m.el.dashboardState!.entry).toBe(now);
  });

  it.each(['zh-CN', 'en', 'mn-Mong'] as const)('passes axe in %s (Mongolian vertical, drafts marked)', async (lang) => {
    const m = await mount({ attrs: { entry: 'correction-contact-mix', period: year }, lang });
    const base = q(m.root, '[part="base"]');
    expect(base.getAttribute('lang')).toBe(lang);
    if (lang === 'mn-Mong') {
      expect(base.classList.contains('vertical')).toBe(true);
      expect(base.dataset['draft']).toBe('mn');
    }
    if (lang === 'en') expect(q(m.root, 'select[name="compare"] option[value="year-ago"]').textContent!.trim()).toBe('With the same period a year ago');
    // A pie for this entry point, and every table open.
    expect(all(m.root, '[data-chart="breakdown"] path.slice').length).toBeGreaterThan(0);
    for (const toggle of all<HTMLButtonElement>(m.root, '.table-toggle')) toggle.click();
    await m.el.updateComplete;
    await eventually(() => m.root.querySelector('sifa-warnings')?.shadowRoot?.querySelector('[part="base"] h2'), { what: 'the warnings panel' });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(m.root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('has the keys of zh-CN in en and mn-Mong, every Mongolian string a draft', async () => {
    const [en, mn] = await Promise.all([dashboardMessages.load('en'), dashboardMessages.load('mn-Mong')]);
    const keys = Object.keys(dashboardMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mn).sort()).toEqual(keys);
    expect([...dashboardMessages.mnDrafts].sort()).toEqual(keys);
  });

  it('D2: the Mongolian dashboard holds: it scrolls sideways itself, never the page; charts keep their shape; the warnings panel is not cut off', async () => {
    for (const width of [1400, 390]) {
      await page.viewport(width, 900);
      const m = await mount({ attrs: { entry: 'work-overview', period: year, history: 'off' }, lang: 'mn-Mong' });
      await eventually(() => m.root.querySelector('sifa-warnings')?.shadowRoot?.querySelector('[part="base"] h2'), { what: 'the warnings panel' });
      await m.el.updateComplete;
      expect(overflowing(m.el), `at ${width} px`).toEqual([]);
      expect(m.el.getBoundingClientRect().right).toBeLessThanOrEqual(width);
      // The trend keeps its proportions (640 × 260), large enough to read.
      const trend = q(m.root, '[data-chart="trend"]').getBoundingClientRect();
      expect(trend.width / trend.height).toBeCloseTo(640 / 260, 1);
      expect(trend.width).toBeGreaterThan(400);
      // Every panel is inside the frame, and the warnings panel shows all of its list.
      const frame = q(m.root, '[part="base"]').getBoundingClientRect();
      for (const panel of all(m.root, '.panel')) {
        const r = panel.getBoundingClientRect();
        expect(r.bottom, panel.className).toBeLessThanOrEqual(frame.bottom + 1);
        expect(r.right, panel.className).toBeLessThanOrEqual(frame.right + 1);
      }
      const warnings = q(m.root, '.panel.warnings');
      expect(warnings.scrollWidth).toBeLessThanOrEqual(warnings.clientWidth + 1);
      expect(warnings.scrollHeight).toBeLessThanOrEqual(warnings.clientHeight + 1);
      document.body.replaceChildren();
    }
  });

  it.each(['mn-Mong', 'en'] as const)('D6: no Chinese units, month labels or dates in the %s dashboard', async (lang) => {
    const m = await mount({ attrs: { entry: 'work-overview', period: year, history: 'off' }, lang });
    const texts = all(m.root, '.meta, .kpi-value, .kpi-previous, [data-chart="trend"] .tick, [data-chart="breakdown"] .value, .ranking .value').map((e) => e.textContent ?? '');
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
    if (lang === 'mn-Mong') expect(all(m.root, '[data-chart="trend"] .tick.x').map((e) => e.textContent)[0]).toBe('1 ᠰᠠᠷ᠎ᠠ');
  });

  it('D12: the running month says it is incomplete and is compared with the same days of the month before (by the server clock)', async () => {
    const month = testMonth(0);
    const m = await mount({ attrs: { entry: 'work-overview', period: month, compare: 'previous', history: 'off' } });
    const view = await viewOf(m, { entry: 'work-overview', period: month, compare: 'previous' });
    expect(view.period.complete).toBe(false);
    const day = Number(view.period.through.slice(8));
    // The same number of days (the 31st compares with a 30-day month's 30th).
    const [py, pm] = testMonth(-1).split('-').map(Number) as [number, number];
    const daysBefore = new Date(py, pm, 0).getDate();
    const sameDay = Math.min(day, daysBefore);
    // (From the 30th of a month after a 30-day one, the same days are the whole month before.)
    const wholeMonthBefore = sameDay === daysBefore;
    expect(view.comparePeriod).toMatchObject({ period: testMonth(-1), through: `${testMonth(-1)}-${String(sameDay).padStart(2, '0')}`, complete: wholeMonthBefore });
    expect(q(m.root, '.meta .running').textContent).toBe(`截至${Number(month.slice(0, 4))}年${Number(month.slice(5))}月${day}日，本期尚未结束`);
    const monthBefore = `${Number(testMonth(-1).slice(0, 4))}年${Number(testMonth(-1).slice(5))}月`;
    if (wholeMonthBefore) expect(q(m.root, '.meta .compared').textContent).toBe(`对比期：${monthBefore}`);
    else expect(q(m.root, '.meta .compared').textContent).toContain(`同期（${monthBefore}1日至`);
    const tiles = all(m.root, '.kpi');
    tiles.forEach((tile, i) => expect(tile.dataset['previous']).toBe(String(view.kpis[i]!.previous ?? '')));
  });

  it('D15: a pie gives each of the 12 counties a colour of its own in the light, dark and elderly themes; past 12 the rest are "others"', async () => {
    for (const theme of ['light', 'dark', 'elderly']) {
      const m = await mount({ attrs: { entry: 'correction-contact-mix', period: year, theme, history: 'off' } });
      const slices = all<SVGPathElement>(m.root, '[data-chart="breakdown"] path.slice');
      expect(slices).toHaveLength(12);
      const fills = new Set(slices.map((p) => getComputedStyle(p).fill));
      expect(fills.size, theme).toBe(12);
      const background = getComputedStyle(m.el).backgroundColor;
      expect(fills.has(background)).toBe(false);
      document.body.replaceChildren();
    }
    // 红山区 has 15 offices: 11 slices and "others", still 12 colours.
    const county = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'correction-contact-mix', period: year, history: 'off' } });
    const view = county.el.statisticsView!;
    expect(view.breakdown.length).toBeGreaterThan(12);
    const slices = all<SVGPathElement>(county.root, '[data-chart="breakdown"] path.slice');
    expect(slices).toHaveLength(12);
    expect(new Set(slices.map((p) => getComputedStyle(p).fill)).size).toBe(12);
    expect(slices.at(-1)!.getAttribute('aria-label')).toContain(`其他 ${view.breakdown.length - 11} 个`);
    expect(slices.at(-1)!.getAttribute('role')).toBe('img');
  });

  it('D16: the ranking follows the figure charted', async () => {
    const m = await mount({ attrs: { entry: 'correction-contact-mix', period: year, history: 'off' } });
    const view = m.el.statisticsView!;
    expect(view.figures.length).toBeGreaterThan(1);
    await userEvent.selectOptions(q<HTMLSelectElement>(m.root, 'select[name="figure"]'), '1');
    await m.el.updateComplete;
    expect(q(m.root, '#ranking-title').textContent).toContain(view.figures[1]!.title.zh);
    const best = Math.max(...view.ranking.map((r) => r.values[1] ?? -1));
    const rows = all(m.root, '.ranking-list li');
    expect(Number(rows[0]!.dataset['value'])).toBe(best);
    expect(rows[0]!.dataset['rank']).toBe('1');
    const values = rows.map((r) => Number(r.dataset['value']));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('D17: big-screen mode fits one 1920 × 1080 screen', async () => {
    await page.viewport(1920, 1080);
    const m = await mount({ attrs: { entry: 'work-overview', period: year, 'big-screen': '', history: 'off' } });
    await eventually(() => m.root.querySelector('sifa-warnings')?.shadowRoot?.querySelector('[part="base"] h2'), { what: 'the warnings panel' });
    await m.el.updateComplete;
    expect(document.documentElement.scrollHeight).toBeLessThanOrEqual(1080);
    const base = q(m.root, '[part="base"]');
    expect(base.scrollHeight).toBeLessThanOrEqual(1080);
    // Every chart is on the screen and of a readable size.
    for (const chart of ['trend', 'breakdown', 'map']) {
      const r = q(m.root, `[data-chart="${chart}"]`).getBoundingClientRect();
      expect(r.bottom, chart).toBeLessThanOrEqual(1080);
      expect(r.height, chart).toBeGreaterThan(150);
    }
    expect(q(m.root, '.ranking-list li').getBoundingClientRect().bottom).toBeLessThanOrEqual(1080);
  });

  it('D18: exports what is on screen: the records of the open item, times in China time with the offset', async () => {
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'mediation-cases', period: year, history: 'off' } });
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (saved.push(blob as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = m.el.statisticsView!;
    const item = view.items.find((i) => i.value > 0)!;
    q<HTMLButtonElement>(m.root, `button.open-item[data-metric="${item.metric}"]`).click();
    await eventually(() => m.root.querySelector('#entries tbody tr'), { what: 'the records' });
    q<HTMLButtonElement>(m.root, 'button.export[data-format="csv"]').click();
    await eventually(() => saved.length === 1, { what: 'the CSV download' });
    const rows = parseCsv((await saved[0]!.text()).replace(/^\uFEFF/, ''));
    const head = Object.fromEntries(rows.slice(1, 8).map((r) => [r[0], r[1]]));
    expect(head['分项指标']).toContain(item.metric);
    expect(head['生成时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+08:00（北京时间）$/);
    // The hour is the one the screen shows (China time), not UTC's.
    const shownHour = new Date(view.computedAt).getHours();
    expect(Number(head['生成时间']!.slice(11, 13))).toBe(shownHour);
    const records = section(rows, '记录');
    const entries = await m.client.query<DashboardCalls, 'statistics.entries'>('statistics.entries', { orgCode: HONGSHAN, period: year, metric: item.metric, limit: 200 });
    expect(records.rows).toHaveLength(entries.total);
    expect(records.rows.slice(0, entries.rows.length).map((r) => r[5])).toEqual(entries.rows.map((r) => r.source.id));
    expect(rows.some((r) => r[0] === '概览')).toBe(false);
  });

  it('D19: a record behind a number shows a readable reference with its item and author, and opens', async () => {
    const county = await viewOf(await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'diary-entries', period: year, history: 'off' } }), { entry: 'diary-entries', orgCode: HONGSHAN, period: year });
    document.body.replaceChildren();
    const office = county.ranking[0]!.org.code;
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'diary-entries', period: year, 'org-code': office, history: 'off' } });
    const opened: DashboardOpenRecordDetail[] = [];
    m.el.addEventListener('sifa-dashboard-open-record', (e) => opened.push(e.detail));
    const item = m.el.statisticsView!.items.find((i) => i.value > 0)!;
    q<HTMLButtonElement>(m.root, `button.open-item[data-metric="${item.metric}"]`).click();
    await eventually(() => m.root.querySelector('#entries tbody tr .about'), { what: 'the records and what the diary tells of them' });
    const row = q(m.root, '#entries tbody tr[data-source]');
    const id = row.dataset['source']!;
    expect(q(row, '.ref').textContent).toBe(`工作日志 ${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`);
    expect(row.textContent).not.toContain(id);
    // The entry's item and author, as the diary tells them.
    const entry = (await m.client.query<DashboardCalls, 'diary.month'>('diary.month', { orgCode: office, month: q(row, 'time').getAttribute('datetime')!.slice(0, 7) })).entries.find((e) => e.id === id)!;
    expect(q(row, '.about').textContent).toContain(entry.authorName);
    // Open: the host hears of it; nobody handles it, so the record's details show in place.
    q<HTMLButtonElement>(row, 'button.open').click();
    await m.el.updateComplete;
    expect(opened.at(-1)).toMatchObject({ kind: 'diary.entry', id, orgCode: office, metric: item.metric, href: null });
    const detail = q(m.root, `#record-${id}`);
    expect(detail.textContent).toContain(id);
    expect(detail.textContent).toContain(entry.authorName);
    expect(q(row, 'button.open').getAttribute('aria-expanded')).toBe('true');
    // A host that opens records itself cancels the event; with a link template the record is a link.
    m.el.addEventListener('sifa-dashboard-open-record', (e) => e.preventDefault());
    q<HTMLButtonElement>(row, 'button.open').click();
    await m.el.updateComplete;
    expect(m.root.querySelector(`#record-${id}`)).not.toBeNull();
    // A case file behind a number shows its number (案号) from its plugin.
    q<HTMLButtonElement>(m.root, 'button.back').click();
    await m.el.updateComplete;
    m.el.setAttribute('entry', 'mediation-cases');
    m.el.setAttribute('org-code', HONGSHAN);
    await showing(m, HONGSHAN);
    q<HTMLButtonElement>(m.root, 'button.open-item[data-metric="diary.mediation-cases"]').click();
    const caseRow = await eventually(() => m.root.querySelector<HTMLElement>('#entries tbody tr[data-kind="mediation.case"] .about'), { what: 'a case file and its number' });
    expect(caseRow.textContent).toMatch(/调字第\d+号/);
    expect(q(caseRow.closest('tr')!, '.ref').textContent).toMatch(/^案卷 [0-9A-F]{8}$/);
    // With a link template the record is a link.
    m.el.sourceHref = '/records/{kind}/{id}?org={orgCode}';
    await m.el.updateComplete;
    const link = q<HTMLAnchorElement>(caseRow.closest('tr')!, 'a.open');
    expect(link.getAttribute('href')).toMatch(new RegExp(`^/records/mediation\\.case/${caseRow.closest('tr')!.dataset['source']}\\?org=${HONGSHAN}\\d{3}$`));
  });

  it('V1: at 390 px the page never scrolls sideways: wide tables scroll in their own box, header, pickers and breadcrumb wrap', async () => {
    await page.viewport(390, 844);
    for (const theme of ['light', 'elderly'] as const) {
      const m = await mount({ attrs: { period: year, history: 'off', theme }, lang: 'en' });
      // Every chart's data table open too.
      for (const toggle of all<HTMLButtonElement>(m.root, '.table-toggle')) toggle.click();
      await m.el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      expect(document.documentElement.scrollWidth, theme).toBeLessThanOrEqual(390);
      expect(m.el.scrollWidth, theme).toBeLessThanOrEqual(m.el.clientWidth + 1);
      const host = m.el.getBoundingClientRect();
      for (const part of all(m.root, '.head, [part="toolbar"], [part="toolbar"] .field, [part="toolbar"] select, [part="breadcrumb"], .panel'))
        expect(part.getBoundingClientRect().right, `${theme}: ${part.localName}.${part.className}`).toBeLessThanOrEqual(host.right + 1);
      // The items table is wider than the screen: its box scrolls.
      const scroll = q(m.root, '.panel.items .scroll');
      expect(scroll.scrollWidth, theme).toBeGreaterThan(scroll.clientWidth);
      expect(scroll.getBoundingClientRect().right, theme).toBeLessThanOrEqual(host.right + 1);
      document.body.replaceChildren();
    }
  });

  it('V2: entry points, groups and figures with no Mongolian title are marked as Chinese in the Mongolian pickers', async () => {
    const m = await mount({ attrs: { period: year, history: 'off' }, lang: 'mn-Mong' });
    const options = all<HTMLOptionElement>(m.root, 'select[name="entry"] option, select[name="entry"] optgroup, select[name="figure"] option');
    expect(options.length).toBeGreaterThan(5);
    const han = /[\u4e00-\u9fff]/;
    const chinese = options.filter((o) => han.test(o.localName === 'optgroup' ? o.getAttribute('label')! : o.textContent!));
    expect(chinese.length).toBeGreaterThan(0);
    for (const o of chinese) expect(o.getAttribute('lang'), o.textContent!).toBe('zh-CN');
    // An option in Mongolian says so (a group's Chinese name does not pass to it).
    for (const o of all<HTMLOptionElement>(m.root, 'select[name="entry"] option').filter((o) => !han.test(o.textContent!))) expect(o.lang).toBe('mn-Mong');
  });

  it("V3: a bar's visible name and value are in its accessible name (no cut name inside the mark); a name that fits shows whole", async () => {
    const m = await mount({ attrs: { entry: 'diary-entries', period: year, history: 'off' }, lang: 'en' });
    const bars = all<SVGGElement>(m.root, '[data-chart="breakdown"] g.bar');
    expect(bars.length).toBeGreaterThan(5);
    const names = all<SVGTextElement>(m.root, '[data-chart="breakdown"] text.name');
    for (const [i, bar] of bars.entries()) {
      // The mark holds no text: what it shows beside it is a picture of its name.
      expect(bar.textContent!.trim()).toBe('');
      expect(names[i]!.closest('[aria-hidden="true"]')).not.toBeNull();
      const name = m.el.statisticsView!.breakdown[i]!.org.name;
      expect(bar.getAttribute('aria-label')).toContain(`${name.en ?? name.zh}: `);
    }
    // 阿鲁科尔沁旗, the longest county name, shows whole.
    expect(names.map((n) => n.textContent)).toContain('阿鲁科尔沁旗');
    expect(describeViolations(await axeViolations(m.el, { rules: ['label-content-name-mismatch'] }))).toEqual([]);
  });

  it('D20: a long office name stays inside the bar-chart panel (cut, the whole name in its title)', async () => {
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'diary-entries', period: year, history: 'off' } });
    const panel = q(m.root, '.panel.breakdown').getBoundingClientRect();
    const names = all<SVGTextElement>(m.root, '[data-chart="breakdown"] text.name');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name.getBoundingClientRect().left, name.textContent!).toBeGreaterThanOrEqual(panel.left);
    const long = m.el.statisticsView!.breakdown.find((b) => b.org.name.zh.length > 20)!;
    const cut = names.find((n) => n.querySelector('title')?.textContent === long.org.name.zh)!;
    expect(cut.textContent).toMatch(/…$/);
  });

  it("shows the server's refusal in the reader's language", async () => {
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'diary-entries', period: year, 'org-code': '150403', history: 'off' }, lang: 'en' });
    const error = q(m.root, '.error[role="alert"]');
    expect(error.textContent).toContain('Could not load the statistics:');
    // The server's message, in English (the org's own name stays as it is).
    expect(error.textContent).toMatch(/Could not load the statistics: [A-Z][a-z]+/);
    expect(error.textContent).not.toContain('无法');
  });
});
