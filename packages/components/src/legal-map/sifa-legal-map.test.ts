/**
 * <sifa-legal-map> in Chromium against the real Sifa server of test/global-setup.ts (the
 * institutions plugin with its demo seed, the platform's county boundaries), read with the
 * page's publishable key as a public page does. WebGL runs through SwiftShader: the map is
 * checked by its pixels, its clusters by the overlay it draws. Geolocation and WebGL are stubbed
 * at the test boundary (navigator.geolocation, canvas.getContext) where a path needs it.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Locale, RegionCollection } from '@sifa/core';
import type { Institution, InstitutionCatalog } from '@sifa/plugin-institutions';
import { configureSifa, type SifaConfig } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { fromMapCrs, haversineKm, navigationLinks, toMapCrs } from './geo.js';
import { hoursLines, isOpenAt } from './hours.js';
import { buildStyle, type Basemap, type StyleColors } from './style.js';
import { legalMapMessages } from './messages.js';
import counties from './fixtures/chifeng-counties.json' with { type: 'json' };
import './define.js';
import type { LegalMapCalls, SifaLegalMap } from './sifa-legal-map.js';
import type { MapSelectDetail, MapTourDetail } from './define.js';
import { testNow } from '../test-utils/clock.js';
import { chineseOutside, overflowing } from '../test-utils/layout.js';

const regions = counties as unknown as RegionCollection;
const colors: StyleColors = { background: '#dce8ee', regionFill: '#f5f3ef', regionLine: '#8a1c1c', selectedFill: '#f1dede' };

describe('the generated map style', () => {
  const cases: [Basemap, Record<string, unknown>][] = [
    ['offline', {}],
    ['tianditu-vec', { tiandituKey: 'k123' }],
    ['tianditu-img', { tiandituKey: 'k123' }],
    ['raster', { tiles: ['https://tiles.example.gov.cn/{z}/{x}/{y}.png'], attribution: '© example' }],
  ];
  it.each(cases)('validates with the style spec (%s)', (basemap, extra) => {
    const style = buildStyle({ basemap, colors, regions, ...extra });
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('needs nothing from the internet offline: no glyphs, no sprite, no tiles, no symbol layers', () => {
    const style = buildStyle({ basemap: 'offline', colors, regions });
    const json = JSON.stringify(style);
    expect(json).not.toMatch(/https?:/);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.layers.map((l) => l['type'])).toEqual(['background', 'fill', 'line']);
  });

  it('draws Tianditu as base + labels with the host key, the counties between them', () => {
    const style = buildStyle({ basemap: 'tianditu-img', colors, regions, tiandituKey: 'abc' });
    expect(style.layers.map((l) => l['id'])).toEqual(['sifa-background', 'tianditu-img', 'sifa-region-fill', 'sifa-region-line', 'tianditu-cia']);
    const tiles = (style.sources['tianditu-img'] as { tiles: string[] }).tiles;
    expect(tiles).toHaveLength(8);
    expect(tiles[0]).toContain('https://t0.tianditu.gov.cn/img_w/wmts?');
    expect(tiles[0]).toContain('tk=abc');
    expect((style.sources['tianditu-cia'] as { tiles: string[] }).tiles[3]).toContain('LAYER=cia');
  });
});

describe('coordinates', () => {
  // Tiananmen (WGS-84 116.391275, 39.906217) is GCJ-02 116.3975, 39.9076 (the ~600 m / ~150 m
  // shift of Chinese base maps) and BD-09 116.4039, 39.9140 (GCJ-02 + the Baidu offset).
  const wgs: [number, number] = [116.391275, 39.906217];
  it('shifts WGS-84 to GCJ-02 and BD-09 by the known offsets, and back', () => {
    const gcj = toMapCrs(wgs, 'gcj02');
    expect(gcj[0]).toBeCloseTo(116.3975, 3);
    expect(gcj[1]).toBeCloseTo(39.9076, 3);
    const bd = toMapCrs(wgs, 'bd09');
    expect(Math.abs(bd[0] - 116.4039)).toBeLessThan(1e-4);
    expect(Math.abs(bd[1] - 39.914)).toBeLessThan(1e-4);
    const back = fromMapCrs(gcj, 'gcj02');
    expect(back[0]).toBeCloseTo(wgs[0], 5);
    expect(back[1]).toBeCloseTo(wgs[1], 5);
    expect(toMapCrs(wgs, 'wgs84')).toEqual(wgs);
  });

  it('builds navigation links in each app’s own system', () => {
    const links = navigationLinks(wgs, '天安门');
    const amap = new URL(links.amap);
    const [lng, lat] = amap.searchParams.get('position')!.split(',').map(Number) as [number, number];
    expect(lng).toBeCloseTo(116.3975, 3);
    expect(lat).toBeCloseTo(39.9076, 3);
    expect(amap.searchParams.get('coordinate')).toBe('gaode');
    const baidu = new URL(links.baidu);
    const [bLat, bLng] = baidu.searchParams.get('location')!.split(',').map(Number) as [number, number];
    expect(Math.abs(bLng - 116.4039)).toBeLessThan(1e-4);
    expect(Math.abs(bLat - 39.914)).toBeLessThan(1e-4);
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
    const tianditu = new URL(links.tianditu);
    expect(Number(tianditu.searchParams.get('lng'))).toBeCloseTo(wgs[0], 6);
    expect(Number(tianditu.searchParams.get('lat'))).toBeCloseTo(wgs[1], 6);
    expect(amap.searchParams.get('name')).toBe('天安门');
  });

  it('measures great-circle distances (one degree of latitude ≈ 111.2 km)', () => {
    expect(haversineKm([118.9, 42], [118.9, 43])).toBeCloseTo(111.19, 1);
    expect(haversineKm([118.9, 42.3], [118.9, 42.3])).toBe(0);
  });
});

describe('opening hours', () => {
  const hours = [
    { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
    { days: [1, 2, 3, 4, 5], opens: '14:30', closes: '17:30' },
    { days: [6], opens: '09:00', closes: '11:00' },
  ];
  it('is open inside a span on its days only, closing time excluded', () => {
    expect(isOpenAt(hours, new Date(2025, 2, 3, 9, 0))).toBe(true); // Monday
    expect(isOpenAt(hours, new Date(2025, 2, 3, 12, 0))).toBe(false);
    expect(isOpenAt(hours, new Date(2025, 2, 3, 13, 0))).toBe(false);
    expect(isOpenAt(hours, new Date(2025, 2, 8, 10, 0))).toBe(true); // Saturday
    expect(isOpenAt(hours, new Date(2025, 2, 9, 10, 0))).toBe(false); // Sunday
  });
  it('groups equal days into runs', () => {
    expect(hoursLines(hours)).toEqual([
      { runs: [[1, 5]], spans: [['08:30', '12:00'], ['14:30', '17:30']] },
      { runs: [[6, 6]], spans: [['09:00', '11:00']] },
    ]);
  });
});

// ---- the element against the real server ---------------------------------------------------------

let config: SifaConfig;
let all: Institution[];
let catalog: InstitutionCatalog;
beforeAll(async () => {
  document.documentElement.lang = '';
  const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
  // A public page: endpoint and publishable key, no token source.
  config = { endpoint: connection.endpoint, publishableKey: connection.config.publishableKey };
  const client = new SifaClient(config);
  [all, catalog] = await Promise.all([client.query<LegalMapCalls, 'institutions.list'>('institutions.list', {}), client.query<LegalMapCalls, 'institutions.catalog'>('institutions.catalog', undefined)]);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

interface Mounted {
  el: SifaLegalMap;
  root: ShadowRoot;
  ready: Promise<void>;
  selects: (string | null)[];
  details: MapSelectDetail[];
}

async function mount(attrs: Record<string, string> = {}, options: { waitForMap?: boolean } = {}): Promise<Mounted> {
  configureSifa({ ...config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-legal-map');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const selects: (string | null)[] = [];
  const details: MapSelectDetail[] = [];
  el.addEventListener('sifa-map-select', (e) => {
    selects.push((e as CustomEvent<MapSelectDetail>).detail.id);
    details.push((e as CustomEvent<MapSelectDetail>).detail);
  });
  const ready = new Promise<void>((resolve) => el.addEventListener('sifa-map-ready', () => resolve(), { once: true }));
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false', { what: 'the institutions to load' });
  if (options.waitForMap) await ready;
  return { el, root, ready, selects, details };
}

const options = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const ids = (root: ShadowRoot) => options(root).map((o) => o.dataset['id']!);

/** What the map overlay shows: single markers and clusters with their counts. */
function overlayCounts(el: SifaLegalMap) {
  const markers = el.mapRenderer!.markers();
  const singles = markers.filter((m) => m.classList.contains('marker')).map((m) => m.dataset['id']!);
  const clusters = markers.filter((m) => m.classList.contains('cluster')).map((m) => Number(m.dataset['count']));
  return { singles, clusters, total: singles.length + clusters.reduce((a, b) => a + b, 0) };
}

/** Pixels of the map's canvas (drawn with preserveDrawingBuffer), as [r,g,b] counts by colour. */
function canvasColours(el: SifaLegalMap): Map<string, number> {
  const canvas = el.mapRenderer!.map.getCanvas();
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
  const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
  const pixels = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
const near = (counts: Map<string, number>, hex: string, tolerance = 6) => {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let total = 0;
  for (const [key, count] of counts) {
    const [R, G, B] = key.split(',').map(Number) as [number, number, number];
    if (Math.abs(R - r) <= tolerance && Math.abs(G - g) <= tolerance && Math.abs(B - b) <= tolerance) total += count;
  }
  return total;
};

describe('<sifa-legal-map> with the real server', () => {
  it('lists every institution the key may read, with types from the catalog', async () => {
    expect(all.length).toBeGreaterThan(20);
    const m = await mount();
    expect(options(m.root)).toHaveLength(all.length);
    expect(m.root.querySelector('#count')!.textContent).toBe(`共 ${all.length} 个机构`);
    const typeOptions = [...m.root.querySelectorAll<HTMLOptionElement>('.toolbar select option')].map((o) => o.value);
    expect(typeOptions).toEqual(['', ...catalog.types.map((t) => t.code)]);
  });

  it('draws the offline map: background, county fills and borders (pixels), county labels as HTML', async () => {
    const m = await mount({}, { waitForMap: true });
    await m.el.mapRenderer!.idle();
    const counts = canvasColours(m.el);
    const pixels = [...counts.values()].reduce((a, b) => a + b, 0);
    // Background outside Chifeng, the counties' fill inside it, their borders: all three drawn.
    expect(near(counts, '#dce8ee'), 'background').toBeGreaterThan(pixels * 0.02);
    expect(near(counts, '#f5f3ef'), 'county fill').toBeGreaterThan(pixels * 0.1);
    expect(near(counts, '#8a1c1c', 40), 'county borders').toBeGreaterThan(200);
    const labels = [...m.root.querySelectorAll('.region-label')].map((l) => l.textContent);
    expect(labels).toHaveLength(12);
    expect(labels).toContain('红山区');
    // The maplibre stylesheet is adopted, not injected as a <style> element.
    expect(m.root.querySelector('style')).toBeNull();
    expect(m.root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('.maplibregl-map')))).toBe(true);
  });

  it('clusters the institutions and splits a cluster when it is clicked (zoom in)', async () => {
    const m = await mount({}, { waitForMap: true });
    const before = overlayCounts(m.el);
    expect(before.total).toBe(all.length);
    expect(before.clusters.length).toBeGreaterThan(0);
    const biggest = Math.max(...before.clusters);
    const cluster = m.el.mapRenderer!.markers().find((c) => c.classList.contains('cluster') && Number(c.dataset['count']) === biggest)!;
    const zoom = m.el.mapRenderer!.map.getZoom();
    cluster.click();
    await eventually(() => m.el.mapRenderer!.map.getZoom() > zoom + 0.5 && !m.el.mapRenderer!.map.isMoving(), { what: 'the map to zoom in' });
    const after = await eventually(() => {
      const now = overlayCounts(m.el);
      return now.singles.length + now.clusters.length > 1 && !now.clusters.includes(biggest) ? now : null;
    }, { what: 'the cluster to split' });
    // Everything of the clicked cluster is in view, now in more than one piece.
    expect(after.total).toBeGreaterThanOrEqual(biggest);
  });

  it('search and the type filter change the list and the map alike', async () => {
    const m = await mount({}, { waitForMap: true });
    const target = all.find((i) => i.type === 'legal-aid-centre')!;
    const input = m.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await userEvent.fill(input, target.name.zh);
    await eventually(() => options(m.root).length === 1, { what: 'the search to narrow the list' });
    expect(ids(m.root)).toEqual([target.id]);
    await eventually(() => overlayCounts(m.el).total === 1);
    expect(overlayCounts(m.el).singles).toEqual([target.id]);

    // By service title: every institution offering legal aid.
    await userEvent.fill(input, '法律援助');
    const withAid = all.filter((i) => i.services.includes('legal-aid') || i.name.zh.includes('法律援助') || i.address.zh.includes('法律援助'));
    await eventually(() => options(m.root).length === withAid.length);
    expect(new Set(ids(m.root))).toEqual(new Set(withAid.map((i) => i.id)));

    await userEvent.fill(input, '');
    const select = m.root.querySelector<HTMLSelectElement>('.toolbar select')!;
    await userEvent.selectOptions(select, 'judicial-office');
    const offices = all.filter((i) => i.type === 'judicial-office');
    await eventually(() => options(m.root).length === offices.length);
    await eventually(() => overlayCounts(m.el).total === offices.length, { what: 'the map to show only judicial offices' });
    expect(m.root.querySelector('#count')!.textContent).toBe(`共 ${offices.length} 个机构`);

    await userEvent.fill(input, 'no-such-institution-xyz');
    await eventually(() => m.root.querySelector('.empty')?.textContent === '没有符合条件的机构。');
    await eventually(() => overlayCounts(m.el).total === 0);
  });

  it('keyboard: arrows move through the list (roving tabindex), Enter selects and opens the popup, Escape closes it', async () => {
    const m = await mount({}, { waitForMap: true });
    const list = options(m.root);
    expect(list.filter((o) => o.tabIndex === 0)).toHaveLength(1);
    list[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await eventually(() => m.root.activeElement === options(m.root)[1]);
    expect(options(m.root)[1]!.tabIndex).toBe(0);
    expect(options(m.root)[0]!.tabIndex).toBe(-1);
    await userEvent.keyboard('{Enter}');
    const chosen = all.find((i) => i.id === ids(m.root)[1])!;
    const popup = await eventually(() => m.root.querySelector('[part="popup"]'), { what: 'the popup' });
    expect(popup.querySelector('h3')!.textContent).toBe(chosen.name.zh);
    expect(m.selects).toEqual([chosen.id]);
    // What a <sifa-apply> of the page needs to take a judicial office as the receiving one.
    expect(m.details).toEqual([{ id: chosen.id, type: chosen.type, orgCode: chosen.orgCode }]);
    expect(m.el.selected).toBe(chosen.id);
    expect(options(m.root)[1]!.getAttribute('aria-selected')).toBe('true');
    // The map selects the same institution (drawn apart from any cluster).
    await eventually(() => m.el.mapRenderer!.markers().some((mk) => mk.classList.contains('selected') && mk.dataset['id'] === chosen.id));
    // Seeded positions are approximate: the popup says so.
    expect(chosen.positionApproximate).toBe(true);
    expect(popup.textContent).toContain('位置为近似位置');
    // Navigation links carry converted coordinates.
    const amap = new URL(popup.querySelector<HTMLAnchorElement>('[data-nav="amap"]')!.href);
    const [gLng, gLat] = toMapCrs(chosen.position, 'gcj02');
    expect(amap.searchParams.get('position')).toBe(`${gLng.toFixed(6)},${gLat.toFixed(6)}`);
    await userEvent.keyboard('{Escape}');
    await eventually(() => m.root.querySelector('[part="popup"]') === null);
    await eventually(() => m.root.activeElement === options(m.root)[1], { what: 'focus back on the option' });
  });

  it('a click on a map marker selects the institution in the list', async () => {
    const m = await mount({}, { waitForMap: true });
    const input = m.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    const target = all.find((i) => i.type === 'legal-service-centre')!;
    await userEvent.fill(input, target.name.zh);
    const marker = await eventually(() => m.el.mapRenderer!.markers().find((mk) => mk.dataset['id'] === target.id));
    marker.click();
    await eventually(() => m.el.selected === target.id);
    expect(m.selects).toEqual([target.id]);
    expect(options(m.root)[0]!.getAttribute('aria-selected')).toBe('true');
    expect(m.root.querySelector('[part="popup"] h3')!.textContent).toBe(target.name.zh);
  });

  it("lists the townships a judicial office serves in its popup (the service area, public reference data)", async () => {
    const office = all.find((i) => i.type === 'judicial-office' && /^\d{9}$/.test(i.orgCode ?? ''))!;
    const area = await new SifaClient(config).query<LegalMapCalls, 'platform.org.serviceArea'>('platform.org.serviceArea', { office: office.orgCode! });
    expect(area.divisions.length).toBeGreaterThan(0);
    const m = await mount({ selected: office.id });
    const served = await eventually(() => m.root.querySelector('[part="popup"] .townships'), { what: 'the townships served' });
    expect([...served.querySelectorAll('li')].map((li) => li.textContent)).toEqual(area.divisions.map((d) => d.name.zh));
    expect(served.closest('dd')!.previousElementSibling!.textContent).toBe('服务的乡镇（街道）');
    // Other institutions have no service area.
    const centre = all.find((i) => i.type === 'legal-service-centre')!;
    m.el.selected = centre.id;
    await eventually(() => m.root.querySelector('[part="popup"] h3')?.textContent === centre.name.zh);
    expect(m.root.querySelector('[part="popup"] .townships')).toBeNull();
  });

  it('"which office serves my township": a township found by code names its office and county; Enter on it selects the office', async () => {
    const office = all.find((i) => i.type === 'judicial-office' && /^\d{9}$/.test(i.orgCode ?? ''))!;
    const client = new SifaClient(config);
    const township = (await client.query<LegalMapCalls, 'platform.org.serviceArea'>('platform.org.serviceArea', { office: office.orgCode! })).divisions[0]!;
    const m = await mount();
    const input = m.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    // A code is in no institution's name, address or services: the office shows because it serves the township.
    await userEvent.fill(input, township.code);
    const place = await eventually(() => m.root.querySelector<HTMLElement>(`.places li[data-division="${township.code}"]`), { what: 'the township found' });
    expect(m.root.querySelector('.places h3')!.textContent).toBe('乡镇（街道）、村（社区）');
    expect(place.dataset['office']).toBe(office.orgCode);
    expect(place.querySelector('.name')!.textContent!.replace(/\s+/g, '')).toMatch(new RegExp(`^${township.name.zh}·.+(旗|区|县|市)$`));
    expect(place.querySelector('.meta')!.textContent!.replace(/\s+/g, '')).toBe(`服务的司法所：${office.name.zh}`);
    await eventually(() => ids(m.root).join() === office.id, { what: 'the list to hold the serving office only' });
    place.querySelector('button')!.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.el.selected === office.id);
    expect(m.selects).toEqual([office.id]);
    expect(m.root.querySelector('[part="popup"] h3')!.textContent).toBe(office.name.zh);
    // Nothing found: no block; the search cleared: no block either.
    await userEvent.fill(input, 'no-such-place-xyz');
    await eventually(() => m.root.querySelector('.places') === null && m.root.querySelector('.empty') !== null);
    await userEvent.fill(input, township.name.zh);
    await eventually(() => m.root.querySelector(`.places li[data-division="${township.code}"]`));
    await userEvent.fill(input, '');
    await eventually(() => m.root.querySelector('.places') === null);
    expect(options(m.root)).toHaveLength(all.length);
  });

  it('shows the opening hours with an "open now" state from the browser clock', async () => {
    const target = all.find((i) => i.hours.length > 0)!;
    const m = await mount({ selected: target.id });
    const popup = await eventually(() => m.root.querySelector('[part="popup"]'));
    const open = isOpenAt(target.hours, testNow());
    expect(popup.querySelector('.open')!.textContent).toBe(open ? '正在办公' : '现在不办公');
    expect(popup.querySelector('.hours')!.textContent).toMatch(/周一至周五/);
  });

  it('nearest to me: sorts by distance from the browser’s position', async () => {
    const here: [number, number] = [119.32, 41.6]; // 宁城县
    vi.spyOn(navigator.geolocation, 'getCurrentPosition').mockImplementation((ok) =>
      ok({ coords: { longitude: here[0], latitude: here[1], accuracy: 20 } as GeolocationCoordinates, timestamp: testNow().getTime() } as GeolocationPosition),
    );
    const m = await mount();
    m.root.querySelector<HTMLButtonElement>('.nearest')!.click();
    await eventually(() => options(m.root)[0]?.textContent?.includes('公里'));
    const distances = ids(m.root).map((id) => haversineKm(here, all.find((i) => i.id === id)!.position));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it.each<[Locale, string]>([
    ['zh-CN', '未获准使用您的位置。请选择您所在的旗县区，将按与该地的距离排序。'],
    ['en', 'You did not allow access to your location. Choose your county to sort by distance from it.'],
  ])('location denied (%s): explains it and offers the counties instead', async (lang, message) => {
    vi.spyOn(navigator.geolocation, 'getCurrentPosition').mockImplementation((_ok, fail) =>
      fail!({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError),
    );
    const m = await mount({ lang });
    m.root.querySelector<HTMLButtonElement>('.nearest')!.click();
    const alert = await eventually(() => m.root.querySelector('#geo-message'));
    expect(alert.textContent).toBe(message);
    const county = m.root.querySelector<HTMLSelectElement>('#county')!;
    await eventually(() => county.options.length === 13, { what: 'the 12 counties' });
    await eventually(() => m.root.activeElement === county);
    await userEvent.selectOptions(county, '150429');
    const label = (await new SifaClient(config).query<LegalMapCalls, 'platform.org.boundaries'>('platform.org.boundaries', { parentCode: '1504' })).features.find((f) => f.properties.code === '150429')!.properties.label;
    await eventually(() => options(m.root)[0]?.querySelector('.meta')?.textContent?.includes(lang === 'en' ? 'km' : '公里'));
    const distances = ids(m.root).map((id) => haversineKm(label, all.find((i) => i.id === id)!.position));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(all.find((i) => i.id === ids(m.root)[0])!.countyCode).toBe('150429');
  });

  it('without WebGL: the list works and the map area says why the map is missing', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return type.startsWith('webgl') ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original);
    const m = await mount();
    const status = await eventually(() => m.root.querySelector('.map-status.missing'));
    expect(status.textContent).toBe('此浏览器无法显示地图（不支持 WebGL）。请在列表中查找机构。');
    expect(m.el.mapRenderer).toBeNull();
    expect(options(m.root)).toHaveLength(all.length);
    options(m.root)[0]!.click();
    await eventually(() => m.root.querySelector('[part="popup"]'));
  });

  it('VR tour: a link from the tour-href template, and a cancelable sifa-map-tour event', async () => {
    // The demo seed links offices that have a demo VR tour (tours plugin) to it.
    const office = all.find((i) => i.tourId !== null)!;
    expect(office, 'a seeded office with a VR tour').toBeDefined();
    const m = await mount({ 'tour-href': '/tours/{tourId}?from={id}' });
    m.el.selected = office.id;
    const link = await eventually(() => m.root.querySelector<HTMLAnchorElement>('[part="popup"] a.tour'));
    expect(new URL(link.href).pathname).toBe(`/tours/${office.tourId}`);
    expect(new URL(link.href).searchParams.get('from')).toBe(office.id);
    const events: MapTourDetail[] = [];
    m.el.addEventListener('sifa-map-tour', (e) => {
      events.push(e.detail);
      e.preventDefault();
    });
    link.click();
    expect(events).toEqual([{ id: office.id, tourId: office.tourId, href: link.getAttribute('href') }]);
  });

  // Issue 20 F1: a VR hotspot set `tour-href` to `java<TAB>script:…`; the browser's URL parsing
  // drops the tab, so the link ran script. Such a template gives no link, only the button.
  it('VR tour: a tour-href the browser would parse as script gives a button, not a link', async () => {
    const office = all.find((i) => i.tourId !== null)!;
    for (const template of ['java\tscript:alert(document.domain)//{tourId}', '\u0001javascript:alert(1)', 'JaVa\nScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const m = await mount({ 'tour-href': template });
      m.el.selected = office.id;
      const button = await eventually(() => m.root.querySelector<HTMLButtonElement>('[part="popup"] button.tour'), { what: JSON.stringify(template) });
      expect(m.root.querySelector('[part="popup"] a.tour'), JSON.stringify(template)).toBeNull();
      const events: MapTourDetail[] = [];
      m.el.addEventListener('sifa-map-tour', (e) => events.push(e.detail));
      button.click();
      expect(events).toEqual([{ id: office.id, tourId: office.tourId, href: null }]);
      m.el.remove();
    }
  });

  it('has no axe violations (list, popup, map) in every theme', async () => {
    for (const theme of ['light', 'dark', 'high-contrast', 'elderly']) {
      const m = await mount({ theme }, { waitForMap: true });
      m.el.selected = ids(m.root)[0]!;
      await eventually(() => m.root.querySelector('[part="popup"]'));
      const violations = await axeViolations(m.el);
      expect(describeViolations(violations), theme).toEqual([]);
      m.el.remove();
    }
    // Four maps drawn by SwiftShader on a shared 2-core machine.
  }, 90_000);

  it('speaks English and Mongolian (vertical, drafts marked)', async () => {
    const en = await mount({ lang: 'en' });
    expect(en.root.querySelector('h2')!.textContent).toBe('Legal services map');
    expect(en.root.querySelector('#count')!.textContent).toBe(`${all.length} institutions`);
    en.el.remove();
    const mn = await mount({ lang: 'mn-Mong' });
    expect(mn.root.querySelector('h2')!.textContent).toBe(legalMapMessages.t('mn-Mong', 'title'));
    const frame = mn.root.querySelector<HTMLElement>('[part="base"]')!;
    expect(frame.classList.contains('vertical')).toBe(true);
    expect(frame.dataset['draft']).toBe('mn');
    expect(getComputedStyle(mn.root.querySelector('.side')!).writingMode).toBe('vertical-lr');
    // Names without a Mongolian form are shown in Chinese, marked as such.
    expect(options(mn.root)[0]!.querySelector('.name [lang="zh-CN"]')).not.toBeNull();
  });

  it('the screen-reader count speaks the language shown, also after a switch (visual review: "共 221 个机构" in en and mn-Mong)', async () => {
    const m = await mount();
    const status = () => m.root.querySelector('[role="status"]')!.textContent!.trim();
    expect(status()).toBe(`共 ${all.length} 个机构`);
    for (const lang of ['en', 'mn-Mong'] as const) {
      m.el.setAttribute('lang', lang);
      await eventually(() => m.root.querySelector('h2')!.textContent === legalMapMessages.t(lang, 'title'), { what: `the ${lang} messages` });
      await eventually(() => m.root.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false', { what: 'the institutions to load' });
      await m.el.updateComplete;
      expect(status()).toBe(legalMapMessages.t(lang, 'count', { count: all.length }));
    }
  });

  it('the messages have the same keys in every language', async () => {
    const [en, mn] = await Promise.all([legalMapMessages.load('en'), legalMapMessages.load('mn-Mong')]);
    const keys = Object.keys(legalMapMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mn).sort()).toEqual(keys);
    expect([...legalMapMessages.mnDrafts].sort()).toEqual(keys);
  });
});

describe('<sifa-legal-map> as people saw it (issue 19)', () => {
  afterEach(async () => {
    await page.viewport(1400, 900);
  });

  type Rect = { left: number; top: number; right: number; bottom: number };
  const hit = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const box = (e: Element) => e.getBoundingClientRect();

  it('D21: county labels collide with no cluster, marker or other label, in large type too', async () => {
    await page.viewport(1400, 900);
    for (const theme of ['light', 'elderly']) {
      const m = await mount({ theme }, { waitForMap: true });
      await m.el.mapRenderer!.idle();
      const labels = m.el.mapRenderer!.visibleLabels();
      // Most counties keep their name on the map at the first view.
      expect(labels.length, theme).toBeGreaterThanOrEqual(6);
      const markers = m.el.mapRenderer!.markers().map(box);
      const clashes: string[] = [];
      labels.forEach((label, i) => {
        const r = box(label);
        if (markers.some((mk) => hit(r, mk))) clashes.push(`${label.textContent} covers a marker`);
        labels.slice(i + 1).forEach((other) => {
          if (hit(r, box(other))) clashes.push(`${label.textContent} / ${other.textContent}`);
        });
      });
      expect(clashes, theme).toEqual([]);
      // Hidden labels are hidden (not drawn over anything), the rest inside the map.
      const area = box(m.root.querySelector('.map-area')!);
      for (const label of labels) {
        const r = box(label);
        expect(r.left >= area.left - 1 && r.right <= area.right + 1 && r.top >= area.top - 1 && r.bottom <= area.bottom + 1, `${label.textContent} inside the map`).toBe(true);
      }
      m.el.remove();
    }
  });

  it('D21: the popup shows its directions and VR tour first, without scrolling, in large type', async () => {
    await page.viewport(1400, 900);
    const office = all.find((i) => i.tourId !== null && i.hours.length > 0)!;
    const m = await mount({ theme: 'elderly', 'tour-href': '#vr' }, { waitForMap: true });
    options(m.root).find((o) => o.dataset['id'] === office.id)!.click();
    const popup = await eventually(() => m.root.querySelector<HTMLElement>('[part="popup"]'), { what: 'the popup' });
    expect(popup.scrollTop).toBe(0);
    const frame = box(popup);
    for (const link of [...popup.querySelectorAll('[data-nav]'), popup.querySelector('.tour')!]) {
      expect(box(link).bottom, link.textContent!).toBeLessThanOrEqual(frame.bottom);
    }
    // The selected marker is moved clear of the popup.
    await eventually(() => !m.el.mapRenderer!.map.isMoving() && m.el.mapRenderer!.markers().some((mk) => mk.classList.contains('selected')), { what: 'the map to settle' });
    const selected = m.el.mapRenderer!.markers().find((mk) => mk.classList.contains('selected'))!;
    expect(hit(box(selected), frame)).toBe(false);
  });

  it('D21: on a phone, tapping an institution in the list shows its popup on screen, the marker clear of it', async () => {
    await page.viewport(390, 844);
    const m = await mount({}, { waitForMap: true });
    const option = options(m.root)[1]!;
    // A page with content above the map (as the portal has its header and introduction).
    const above = document.createElement('div');
    above.className = 'above';
    above.textContent = 'page content';
    above.setAttribute('style', 'height: 900px');
    document.body.prepend(above);
    // The list reaches the bottom of the screen; the map (and its popup) is below it, out of sight.
    m.root.querySelector('.list')!.scrollIntoView({ block: 'end' });
    expect(box(m.root.querySelector('.map-area')!).top).toBeGreaterThan(window.innerHeight - 40);
    await userEvent.click(option);
    const popup = await eventually(() => m.root.querySelector<HTMLElement>('[part="popup"]'), { what: 'the popup' });
    await eventually(() => box(popup).top >= 0 && box(popup).top < window.innerHeight - 100, { what: 'the popup on screen' });
    for (const link of popup.querySelectorAll('[data-nav]')) expect(box(link).bottom, link.textContent!).toBeLessThanOrEqual(window.innerHeight);
    await eventually(() => !m.el.mapRenderer!.map.isMoving() && m.el.mapRenderer!.markers().some((mk) => mk.classList.contains('selected')), { what: 'the map to settle' });
    const selected = box(m.el.mapRenderer!.markers().find((mk) => mk.classList.contains('selected'))!);
    const area = box(m.root.querySelector('.map-area')!);
    expect(hit(selected, box(popup))).toBe(false);
    expect(selected.top >= area.top && selected.bottom <= area.bottom).toBe(true);
  });

  it('D21: a "you are here" marker where the user shared their location; none when refused', async () => {
    const here: [number, number] = [118.95, 42.27]; // 红山区
    const located = vi.spyOn(navigator.geolocation, 'getCurrentPosition').mockImplementation((ok) =>
      ok({ coords: { longitude: here[0], latitude: here[1], accuracy: 20 } as GeolocationCoordinates, timestamp: testNow().getTime() } as GeolocationPosition),
    );
    const m = await mount({ lang: 'en' }, { waitForMap: true });
    expect(m.root.querySelector('.here')).toBeNull();
    m.root.querySelector<HTMLButtonElement>('.nearest')!.click();
    const marker = await eventually(() => m.root.querySelector<HTMLElement>('.overlay .here'), { what: 'the you-are-here marker' });
    expect(marker.title).toBe('You are here');
    expect(m.root.querySelector('.here-legend')!.textContent).toBe('You are here');
    await eventually(() => !m.el.mapRenderer!.map.isMoving(), { what: 'the map to settle' });
    const at = m.el.mapRenderer!.map.project(here);
    const canvas = box(m.el.mapRenderer!.map.getCanvas());
    const r = box(marker);
    expect(Math.abs((r.left + r.right) / 2 - canvas.left - at.x)).toBeLessThan(3);
    expect(Math.abs((r.top + r.bottom) / 2 - canvas.top - at.y)).toBeLessThan(3);
    m.el.remove();

    located.mockImplementation((_ok, fail) =>
      fail!({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError),
    );
    const refused = await mount({ lang: 'en' }, { waitForMap: true });
    refused.root.querySelector<HTMLButtonElement>('.nearest')!.click();
    await eventually(() => refused.root.querySelector('#geo-message'), { what: 'the explanation' });
    expect(refused.root.querySelector('.here')).toBeNull();
    expect(refused.root.querySelector('.here-legend')).toBeNull();
  });

  it('D25: the search box shows its whole placeholder in every language, wide and on a phone', async () => {
    for (const [width, lang, theme] of [[1400, 'en', 'light'], [390, 'en', 'light'], [390, 'en', 'elderly'], [1400, 'zh-CN', 'elderly'], [390, 'zh-CN', 'light']] as const) {
      await page.viewport(width, 900);
      const m = await mount({ lang, theme });
      const input = m.root.querySelector<HTMLInputElement>('input[type="search"]')!;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const needed = context.measureText(input.placeholder).width;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      expect(needed, `${lang} ${theme} at ${width}px: "${input.placeholder}"`).toBeLessThanOrEqual(room);
      m.el.remove();
    }
  });

  it('fits a 390 px page in English with the elderly theme: no field runs past the widget or the page', async () => {
    await page.viewport(390, 844);
    const m = await mount({ lang: 'en', theme: 'elderly' }, { waitForMap: true });
    expect(overflowing(m.el)).toEqual([]);
    // With the county chooser open too (location refused).
    vi.spyOn(navigator.geolocation, 'getCurrentPosition').mockImplementation((_ok, fail) =>
      fail!({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError),
    );
    m.root.querySelector<HTMLButtonElement>('.nearest')!.click();
    await eventually(() => m.root.querySelector('#geo-message'), { what: 'the county chooser' });
    expect(overflowing(m.el)).toEqual([]);
  });

  it('D6: the Mongolian map names its types and services in Mongolian, not Chinese', async () => {
    const mn = await mount({ lang: 'mn-Mong' });
    const typeSelect = mn.root.querySelector<HTMLSelectElement>('.toolbar select')!;
    expect(chineseOutside(typeSelect, '[lang="zh-CN"]')).toEqual([]);
    const withServices = all.find((i) => i.services.length > 0)!;
    mn.el.selected = withServices.id;
    const popup = await eventually(() => mn.root.querySelector('[part="popup"]'), { what: 'the popup' });
    // Names and addresses are data (marked lang="zh-CN" where they have no Mongolian form); the rest is the UI's.
    expect(chineseOutside(popup, '[lang="zh-CN"], [data-nav]')).toEqual([]);
    expect(chineseOutside(mn.root.querySelector('.toolbar')!, '[lang="zh-CN"]')).toEqual([]);
  });
});
