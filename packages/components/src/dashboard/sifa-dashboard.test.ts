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
import { commands, userEvent } from 'vitest/browser';
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
import { testToday, testYear } from '../test-utils/clock.js';

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

afterEach(() => {
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

  it("shows the server's refusal in the reader's language", async () => {
    const m = await mount({ orgCode: HONGSHAN, role: 'county_admin', attrs: { entry: 'diary-entries', period: year, 'org-code': '150403', history: 'off' }, lang: 'en' });
    const error = q(m.root, '.error[role="alert"]');
    expect(error.textContent).toContain('Could not load the statistics:');
    // The server's message, in English (the org's own name stays as it is).
    expect(error.textContent).toMatch(/Could not load the statistics: [A-Z][a-z]+/);
    expect(error.textContent).not.toContain('无法');
  });
});
