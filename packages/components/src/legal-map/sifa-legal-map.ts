/**
 * <sifa-legal-map>: the legal-services map (数字法务地图). Public institutions (legal-aid
 * centres, judicial offices, notaries, mediation committees …) on a map of Chifeng's counties,
 * with a searchable, filterable list that is the map's keyboard and screen-reader twin.
 *
 * First load (this chunk): the list, search, type filter, "nearest to me", the details popup
 * with navigation links, zh-CN messages. The map renderer (maplibre-gl, its worker and CSS,
 * supercluster) is a chunk loaded after the element renders, only when the browser has WebGL;
 * without it the map area says why and everything else works.
 *
 * Data: `institutions.catalog`, `institutions.list` (typed with `InstitutionsApi` from
 * @sifa/plugin-institutions, types only) and `platform.org.boundaries` (`OrgBoundariesApi`,
 * @sifa/core), public reads with the page's publishable key.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { pickText, type DivisionMatch, type DivisionNode, type LngLat, type Locale, type OrgBoundariesApi, type RegionCollection, type ServiceArea } from '@sifa/core';
import type { Institution, InstitutionCatalog, InstitutionName, InstitutionsApi } from '@sifa/plugin-institutions';
import { SifaElement } from '../base/sifa-element.js';
import { listKeyMove } from '../base/list-keys.js';
import { linkHref } from '../base/safe-href.js';
import { SifaClientError, failureReason } from '../client/client.js';
import { formatNumber } from '../i18n/i18n.js';
import { fromMapCrs, haversineKm, isMapCrs, navigationLinks, toMapCrs, type MapCrs } from './geo.js';
import { hoursLines, isOpenAt } from './hours.js';
import { cssProperty } from './css-property.js';
import { legalMapMessages, type LegalMapMessageKey } from './messages.js';
import type { Basemap, StyleColors } from './style.js';
import { legalMapStyles } from './sifa-legal-map.styles.js';
import type { MapPoint, Renderer } from './renderer.js';

/** `sifa-map-select`: an institution was selected (in the list or on the map); null when the selection was cleared. */
export interface MapSelectDetail {
  id: string | null;
  /** The institution's type (e.g. `judicial-office`) and owning org: a `<sifa-apply>` on the page takes a judicial office chosen here as the receiving office. */
  type: string | null;
  orgCode: string | null;
}
/** `sifa-map-ready`: the map drew its style and data for the first time. */
export interface MapReadyDetail {
  institutions: number;
}
/** `sifa-map-tour`: the user asked for an institution's VR tour (cancelable: cancel to open it yourself). */
export interface MapTourDetail {
  id: string;
  tourId: string;
  /** The link built from `tour-href`, or null when none is configured. */
  href: string | null;
}
/** `sifa-map-click`: a click on the map (not on a marker), in WGS-84. */
export interface MapClickDetail {
  lngLat: LngLat;
}

// Every base map of style.ts's type, checked complete by the compiler (style.ts itself belongs to the renderer chunk).
const basemaps: Record<Basemap, true> = { offline: true, 'tianditu-vec': true, 'tianditu-img': true, raster: true, style: true };
const isBasemap = (value: string): value is Basemap => Object.hasOwn(basemaps, value);

type MapState = 'waiting' | 'loading' | 'ready' | 'no-webgl' | 'failed';
type GeoState = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable';

/** The map's procedures: the institutions plugin's and the platform's outlines (a type alias: an interface has no index signature for the client's ApiMap). */
export type LegalMapCalls = InstitutionsApi &
  Pick<OrgBoundariesApi, keyof OrgBoundariesApi> & {
    'platform.org.serviceArea': { type: 'query'; input: { office: string }; output: ServiceArea };
  };

/** Above this many institutions, a search also asks the server (`q`), which matches in every language. */
const serverSearchFrom = 500;

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // Browsers keep only a few live WebGL contexts per page: give the probe's back at once.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return Boolean(gl);
  } catch {
    return false;
  }
}

/** A chunk loaded once per page when first needed (tried again after a failure). */
const lazy = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let module: Promise<T> | null = null;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = null;
      throw error;
    }));
};
/** The map renderer (maplibre-gl and the rest). */
const loadRenderer = lazy(() => import('./renderer.js'));
/** The township lookup (places.ts), with the first search. */
const loadPlaces = lazy(() => import('./places.js'));

const fold = (text: string) => text.toLocaleLowerCase('zh-CN').normalize('NFKC');

/**
 * @summary The legal-services map: institutions on an offline map of the counties (or a
 * configured base map), clustered, searchable and filterable, with an accessible list twin,
 * "nearest to me", opening hours, navigation links and VR tours.
 *
 * @fires sifa-map-select - An institution was selected in the list or on the map (null: selection cleared). Detail: `MapSelectDetail` (`{ id }`).
 * @fires sifa-map-ready - The map drew its style and the institutions for the first time. Detail: `MapReadyDetail`.
 * @fires sifa-map-tour - The user opened an institution's VR tour; cancelable (cancel to show it yourself). Detail: `MapTourDetail`.
 * @fires sifa-map-click - A click on the map itself, in WGS-84 (shifted back from the base map's CRS). Detail: `MapClickDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart toolbar - Search, type filter and "nearest to me".
 * @csspart list - The institutions list (a listbox).
 * @csspart option - One institution in the list (with `option-selected`).
 * @csspart map - The map area.
 * @csspart popup - The details of the selected institution.
 *
 * @cssprop --sifa-legal-map-height - Height of the list and map; default 480px.
 * @cssprop --sifa-legal-map-background - The map's background (outside the counties).
 * @cssprop --sifa-legal-map-region - Fill of the counties on the offline map.
 * @cssprop --sifa-legal-map-border - County borders.
 * @cssprop --sifa-color-primary - Selection and buttons (see the theme tokens for the rest).
 */
export class SifaLegalMap extends SifaElement {
  static override styles = [...SifaElement.styles, legalMapStyles];

  /** Only institutions of this org's subtree (default: everything the page's key may read). */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The region whose child outlines form the offline base map (default 1504, Chifeng). */
  @property({ attribute: 'region-code' }) regionCode = '1504';

  /** `offline` (default), `tianditu-vec`, `tianditu-img`, `raster` (with `tiles`) or `style` (with `style-url`). */
  @property() basemap: Basemap = 'offline';

  /** The host's Tianditu key (`tk`) for the tianditu base maps. */
  @property({ attribute: 'tianditu-key' }) tiandituKey: string | undefined;

  /** Raster tile URL template(s) for `basemap="raster"`, e.g. `https://tiles.example/{z}/{x}/{y}.png`; several separated by spaces. */
  @property() tiles: string | undefined;

  /** Attribution of the raster tiles. */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution: string | undefined;

  /** A vector style URL for `basemap="style"`. */
  @property({ attribute: 'style-url' }) styleUrl: string | undefined;

  /**
   * The coordinate system the base map is drawn in: `wgs84` (default; Tianditu, OSM), `gcj02`
   * (Amap, Tencent) or `bd09` (Baidu). Data (WGS-84) is shifted for display, clicks back.
   */
  @property({ attribute: 'basemap-crs' }) basemapCrs: MapCrs = 'wgs84';

  /** Link template for VR tours, `{tourId}` and `{id}` filled in, e.g. `/tours/{tourId}`. */
  @property({ attribute: 'tour-href' }) tourHref: string | undefined;

  /** Where maplibre's worker is served (default: beside the map chunk). For hosts that copy it to their own origin. */
  @property({ attribute: 'worker-url' }) workerUrl: string | undefined;

  /** The selected institution's id (reflects the selection; set it to select one). */
  @property({ reflect: true }) selected: string | null = null;

  @state() private catalog: InstitutionCatalog | null = null;
  @state() private institutions: Institution[] = [];
  /** The townships each judicial office shown in a popup serves (by office code; an office may serve several). */
  @state() private areas = new Map<string, DivisionNode[]>();
  private areasAsked = new Set<string>();
  @state() private regions: RegionCollection | null = null;
  @state() private loading = true;
  /** Why the last load failed (shown in the user's language at render time), or null. */
  @state() private loadError: unknown = null;
  @state() private query = '';
  @state() private typeFilter = '';
  /** Ids the server matched for `query` (large lists only), or null. */
  @state() private serverMatches: Set<string> | null = null;
  /** Townships and villages matching the search, each with the office serving it (places.ts). */
  @state() private places: { matches: DivisionMatch[]; view: typeof import('./places.js') } | null = null;
  @state() private popupOpen = false;
  @state() private active: string | null = null;
  @state() private origin: { at: LngLat; place: string | null } | null = null;
  /** The position the user shared (geolocation), shown on the map as "you are here"; null when not shared. */
  @state() private here: LngLat | null = null;
  @state() private geo: GeoState = 'idle';
  @state() private mapState: MapState = 'waiting';
  @state() private mapError: unknown = null;
  /** The live region's text, made at render time so that it follows a change of language. */
  @state() private announcement: (() => string) | null = null;

  private renderer: Renderer | null = null;
  private loadSeq = 0;
  private readyFired = false;
  private resizeObserver: ResizeObserver | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private placesTimer: ReturnType<typeof setTimeout> | null = null;


  private t(key: LegalMapMessageKey, params?: Record<string, string | number>): string {
    return legalMapMessages.t(this.ui, key, params);
  }

  /** The map renderer once loaded (for tests and advanced hosts); null before or without WebGL. */
  get mapRenderer(): Renderer | null {
    return this.renderer;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onHostKey);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKey);
    this.resizeObserver?.disconnect();
    this.renderer?.destroy();
    this.renderer = null;
    this.mapState = 'waiting';
    this.readyFired = false;
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(legalMapMessages, this.locale);
    if (changed.has('basemap') && !isBasemap(this.basemap)) this.basemap = 'offline';
    if (changed.has('basemapCrs') && !isMapCrs(this.basemapCrs)) this.basemapCrs = 'wgs84';
    // The first load starts in connectedCallback; later changes of the area load again.
    if ((changed.has('orgCode') || changed.has('regionCode')) && this.isConnected && this.hasUpdated) void this.load();
    if (changed.has('selected') && this.selected !== (changed.get('selected') as string | null | undefined)) {
      if (this.selected) this.active = this.selected;
      this.popupOpen = this.selected !== null;
    }
    if (changed.has('selected') || changed.has('institutions')) this.askArea();
  }

  /** A judicial office selected: which townships it serves (public reference data, asked once per office). */
  private askArea(): void {
    const office = this.institutions.find((x) => x.id === this.selected);
    const code = office?.type === 'judicial-office' ? office.orgCode : null;
    if (!code || !/^\d{9}$/.test(code) || this.areasAsked.has(code)) return;
    this.areasAsked.add(code);
    this.client.query<LegalMapCalls, 'platform.org.serviceArea'>('platform.org.serviceArea', { office: code }, this.locale).then(
      (area) => (this.areas = new Map(this.areas).set(code, area.divisions)),
      // Not an office of the tree (an institution's own org code): the popup shows no townships.
      () => undefined,
    );
  }

  protected override updated(changed: PropertyValues): void {
    if (this.mapState === 'waiting' && this.shown) this.startMap();
    const mapInputs = ['basemap', 'basemapCrs', 'tiles', 'styleUrl', 'tiandituKey', 'theme'];
    // The renderer exists only after the first render, so these are changes made later: draw a new map.
    if (this.renderer && mapInputs.some((k) => changed.has(k))) this.restartMap();
    if (this.renderer) {
      if (changed.has('institutions') || changed.has('query') || changed.has('typeFilter') || changed.has('serverMatches') || changed.has('catalog') || changed.has('shown')) this.renderer.setPoints(this.points());
      if (changed.has('regions') || changed.has('shown')) this.renderer.setRegions(this.regions, (f) => this.nameOf(f.properties.name));
      if (changed.has('selected')) {
        this.renderer.select(this.selected, false);
        if (this.selected) this.revealSelected();
      }
      if (changed.has('here') || changed.has('shown')) this.renderer.setHere(this.here, this.t('youAreHere'));
    }
  }

  /**
   * Moves the map so the selected marker shows beside the popup, not under it: the popup covers
   * the map's end side (wide) or its top (a narrow map, where it takes the whole width).
   */
  private revealSelected(): void {
    const id = this.selected;
    const area = this.renderRoot.querySelector<HTMLElement>('.map-area');
    if (!id || !area || !this.renderer) return;
    const map = area.getBoundingClientRect();
    const popup = this.renderRoot.querySelector<HTMLElement>('[part="popup"]')?.getBoundingClientRect();
    const padding = { top: 0, right: 0, bottom: 0, left: 0 };
    if (popup && popup.width > 0) {
      if (popup.width > map.width * 0.6) padding.top = popup.bottom - map.top;
      else if (popup.left - map.left > map.right - popup.right) padding.right = map.right - popup.left;
      else padding.left = popup.right - map.left;
    }
    this.renderer.reveal(id, padding);
  }

  /** A popup opened from the list may be out of sight (on a phone the map is below the list): bring it into view. */
  private showPopup(): void {
    void this.updateComplete.then(() => {
      const popup = this.renderRoot.querySelector<HTMLElement>('[part="popup"]');
      if (!popup) return;
      const r = popup.getBoundingClientRect();
      const viewport = window.innerHeight || document.documentElement.clientHeight;
      if (r.top < 0 || r.bottom > viewport) popup.scrollIntoView({ block: r.height > viewport ? 'start' : 'nearest' });
    });
  }


  // ---- data -------------------------------------------------------------------------------------

  private reason(error: unknown): string {
    return failureReason(error, this.t('unreachable'));
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.loadError = null;
    const client = this.client;
    const locale = this.locale;
    const work = Promise.all([
      client.query<LegalMapCalls, 'institutions.catalog'>('institutions.catalog', undefined, locale),
      client.query<LegalMapCalls, 'institutions.list'>('institutions.list', this.orgCode ? { orgCode: this.orgCode } : {}, locale),
    ]);
    // Outlines are the base map's, not the list's: the list works when they fail.
    void client.query<LegalMapCalls, 'platform.org.boundaries'>('platform.org.boundaries', { parentCode: this.regionCode }, locale).then(
      (regions) => {
        if (seq === this.loadSeq) this.regions = regions;
      },
      () => undefined,
    );
    try {
      const [catalog, institutions] = await this.track(work);
      if (seq !== this.loadSeq) return;
      this.catalog = catalog;
      this.institutions = institutions;
      this.announcement = () => this.t('count', { count: this.visible().length });
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  // ---- map --------------------------------------------------------------------------------------

  private colors(): StyleColors {
    const cs = getComputedStyle(this);
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    return {
      background: v('--sifa-legal-map-background', '#dfe9ee'),
      regionFill: v('--sifa-legal-map-region', '#f5f3ef'),
      regionLine: v('--sifa-legal-map-border', '#8a1c1c'),
      selectedFill: v('--sifa-legal-map-region-selected', '#f1dede'),
    };
  }

  private startMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map-canvas');
    if (!container) return;
    if (!hasWebGl()) {
      this.mapState = 'no-webgl';
      return;
    }
    this.mapState = 'loading';
    const colors = this.colors();
    const style =
      this.basemap === 'style' && this.styleUrl
        ? this.styleUrl
        : {
            basemap: this.basemap,
            colors,
            tiandituKey: this.tiandituKey,
            tiles: this.tiles?.split(/\s+/).filter(Boolean),
            attribution: this.tilesAttribution,
            regions: null,
          };
    const crs = this.basemapCrs;
    void this.track(
      loadRenderer()
        .then((m) =>
          m.createRenderer({
            container,
            root: this.renderRoot as ShadowRoot,
            style,
            colors,
            toMap: (p) => toMapCrs(p, crs),
            fromMap: (p) => fromMapCrs(p, crs),
            workerUrl: this.workerUrl,
            clusterLabel: (count) => this.t('cluster', { count }),
            onSelect: (id) => this.choose(id, { fromMap: true }),
            onMapClick: (lngLat) => this.emit<MapClickDetail>('sifa-map-click', { lngLat }),
          }),
        )
        .then(async (renderer) => {
          if (!this.isConnected || this.mapState !== 'loading') return renderer.destroy();
          this.renderer = renderer;
          renderer.setRegions(this.regions, (f) => this.nameOf(f.properties.name));
          renderer.setPoints(this.points());
          renderer.select(this.selected, false);
          this.resizeObserver = new ResizeObserver(() => renderer.resize());
          this.resizeObserver.observe(container);
          this.mapState = 'ready';
          await renderer.idle();
          if (!this.readyFired && this.renderer === renderer) {
            this.readyFired = true;
            this.emit<MapReadyDetail>('sifa-map-ready', { institutions: this.institutions.length });
          }
        })
        .catch((error: unknown) => {
          this.mapState = 'failed';
          this.mapError = error;
        }),
    );
  }

  private restartMap(): void {
    this.resizeObserver?.disconnect();
    this.renderer?.destroy();
    this.renderer = null;
    this.mapState = 'waiting';
  }

  private points(): MapPoint[] {
    return this.visible().map((i) => ({ id: i.id, position: i.position, color: this.typeOf(i)?.color ?? '#555', name: this.nameOf(i.name).text }));
  }

  // ---- list -------------------------------------------------------------------------------------

  private typeOf(i: Institution) {
    return this.catalog?.types.find((t) => t.code === i.type);
  }

  /** A name in the UI language; Chinese (marked as such) where the institution has no form in it. */
  private nameOf(name: InstitutionName): { text: string; lang?: string | undefined } {
    if (this.ui === 'en' && name.en) return { text: name.en };
    if (this.ui === 'mn-Mong' && name.mn) return { text: name.mn };
    return this.ui === 'zh-CN' ? { text: name.zh } : { text: name.zh, lang: 'zh-CN' };
  }

  private matchesQuery(i: Institution, words: string[]): boolean {
    const services = (this.catalog?.services ?? []).filter((s) => i.services.includes(s.code)).flatMap((s) => [s.title.zh, s.title.en, s.title.mn ?? '']);
    const type = this.typeOf(i)?.title;
    const hay = fold([i.name.zh, i.name.en, i.name.mn, i.address.zh, i.address.en, i.address.mn, ...services, type?.zh, type?.en, type?.mn].filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  }

  /** The institutions that pass the search and the type filter, nearest first once a reference point is known. */
  private visible(): Institution[] {
    const words = fold(this.query).split(/\s+/).filter(Boolean);
    // A judicial office also shows when it serves a township or village the search found.
    const serving = new Set(this.places?.matches.map((m) => m.office.code));
    let list = this.institutions.filter(
      (i) =>
        (!this.typeFilter || i.type === this.typeFilter) &&
        (words.length === 0 || (this.serverMatches?.has(i.id) ?? false) || (i.type === 'judicial-office' && serving.has(i.orgCode ?? '')) || this.matchesQuery(i, words)),
    );
    if (this.origin) {
      const at = this.origin.at;
      list = list.map((i) => ({ i, d: haversineKm(at, i.position) })).sort((a, b) => a.d - b.d).map((x) => x.i);
    }
    return list;
  }

  private onSearch(value: string): void {
    this.query = value;
    this.serverMatches = null;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (this.institutions.length >= serverSearchFrom && value.trim()) {
      const q = value.trim();
      this.searchTimer = setTimeout(() => {
        void this.client.query<LegalMapCalls, 'institutions.list'>('institutions.list', { ...(this.orgCode ? { orgCode: this.orgCode } : {}), q }, this.locale).then(
          (found) => {
            if (this.query.trim() === q) this.serverMatches = new Set(found.map((f) => f.id));
          },
          () => undefined,
        );
      }, 250);
    }
    this.findPlaces(value.trim());
    void this.updateComplete.then(() => (this.announcement = () => this.t('count', { count: this.visible().length })));
  }

  /** "Which office serves my township?": the townships and villages the search names, in the map's area. */
  private findPlaces(q: string): void {
    if (this.placesTimer) clearTimeout(this.placesTimer);
    if (!q) {
      this.places = null;
      return;
    }
    const area = this.orgCode && this.orgCode.length <= 6 ? this.orgCode : this.regionCode;
    this.placesTimer = setTimeout(() => {
      void loadPlaces().then(async (view) => [view, await view.findPlaces(this.client, this.shadowRoot!, q, area, this.locale)] as const).then(
        ([view, matches]) => {
          if (this.query.trim() !== q) return;
          this.places = { view, matches };
          this.announcement = () => this.t('count', { count: this.visible().length });
        },
        // The institutions' own search still works without it.
        () => {
          if (this.query.trim() === q) this.places = null;
        },
      );
    }, 250);
  }

  /** Selects an institution (list or map), opens its popup, tells the host. */
  private choose(id: string | null, how: { fromMap?: boolean } = {}): void {
    const changed = id !== this.selected;
    this.selected = id;
    this.popupOpen = id !== null;
    if (id) this.active = id;
    if (changed) {
      const chosen = id ? this.institutions.find((x) => x.id === id) : undefined;
      this.emit<MapSelectDetail>('sifa-map-select', { id, type: chosen?.type ?? null, orgCode: chosen?.orgCode ?? null });
    }
    if (how.fromMap && id) {
      // The list follows the map: the chosen option scrolls into view and takes the focus.
      void this.updateComplete.then(() => this.optionEl(id)?.scrollIntoView({ block: 'nearest' }));
    } else if (id) {
      this.showPopup();
    }
  }

  private optionEl(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(id)}"]`);
  }

  private onListKey(e: KeyboardEvent): void {
    const list = this.visible();
    if (list.length === 0) return;
    const at = Math.max(0, list.findIndex((i) => i.id === (this.active ?? this.selected)));
    const move = listKeyMove(e.key, at, list.length);
    if (move === null) return;
    e.preventDefault();
    if (move === 'choose') {
      this.choose(list[at]!.id);
      return;
    }
    this.active = list[move]!.id;
    void this.updateComplete.then(() => this.optionEl(this.active!)?.focus());
  }

  private readonly onHostKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.popupOpen) {
      e.stopPropagation();
      this.closePopup();
    }
  };

  private closePopup(): void {
    this.popupOpen = false;
    const id = this.selected;
    void this.updateComplete.then(() => (id ? this.optionEl(id)?.focus() : undefined));
  }

  // ---- nearest ----------------------------------------------------------------------------------

  private nearest(): void {
    if (!('geolocation' in navigator)) {
      this.geo = 'unavailable';
      return;
    }
    this.geo = 'locating';
    navigator.geolocation.getCurrentPosition(
      (p) => {
        this.geo = 'located';
        this.here = [p.coords.longitude, p.coords.latitude];
        this.useOrigin(this.here, null);
      },
      (error) => {
        // Refused or unavailable: no marker (a county chosen instead is not where the user is).
        this.here = null;
        this.geo = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLSelectElement>('#county')?.focus());
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  private counties(): { code: string; name: { text: string; lang?: string | undefined }; at: LngLat }[] {
    return (this.regions?.features ?? []).map((f) => ({ code: f.properties.code, name: this.nameOf(f.properties.name), at: f.properties.label }));
  }

  private onCounty(code: string): void {
    const county = this.counties().find((c) => c.code === code);
    if (county) this.useOrigin(county.at, county.name.text);
  }

  private useOrigin(at: LngLat, place: string | null): void {
    this.origin = { at, place };
    this.active = this.visible()[0]?.id ?? null;
    this.renderer?.show(at, 9);
    this.announcement = () => this.t('sortedByDistance', { place: place ?? this.t('yourPosition') });
  }

  // ---- rendering --------------------------------------------------------------------------------

  private text(value: { text: string; lang?: string | undefined }): TemplateResult {
    return value.lang ? html`<span lang=${value.lang}>${value.text}</span>` : html`${value.text}`;
  }

  override render() {
    if (!this.shown) return html`<section part="base" class="frame" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && legalMapMessages.mnDrafts.size > 0;
    const list = this.visible();
    return html`
      <section part="base" class="frame ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <h2 id="title">${this.t('title')}</h2>
        ${this.renderToolbar()}
        <div class="body">
          <div class="side">
            <p class="count" id="count">${this.loading ? this.t('loading') : this.t('count', { count: list.length })}</p>
            ${this.loadError ? html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.loadError) })} <button type="button" @click=${() => void this.load()}>${this.t('retry')}</button></p>` : nothing}
            ${this.places && this.query.trim()
              ? this.places.view.renderPlaces(this.places.matches, {
                  ui: this.ui,
                  nameOf: (name) => this.nameOf(name as InstitutionName),
                  text: (value) => this.text(value),
                  institutionOf: (office) => this.institutions.find((i) => i.type === 'judicial-office' && i.orgCode === office) ?? null,
                  choose: (id) => this.choose(id),
                })
              : nothing}
            ${this.renderList(list)}
          </div>
          <div class="map-area" part="map">
            <div class="map-canvas" role="img" aria-label=${`${this.t('map')}: ${this.t('boundaries')}`}></div>
            ${this.mapState === 'loading' || this.mapState === 'waiting' ? html`<p class="map-status">${this.t('mapLoading')}</p>` : nothing}
            ${this.mapState === 'no-webgl' ? html`<p class="map-status missing" role="status">${this.t('noWebgl')}</p>` : nothing}
            ${this.mapState === 'failed' ? html`<p class="map-status missing" role="status">${this.t('mapFailed', { reason: this.reason(this.mapError) })}</p>` : nothing}
            ${this.here ? html`<p class="here-legend"><span class="here-dot" aria-hidden="true"></span>${this.t('youAreHere')}</p>` : nothing}
            ${this.renderPopup()}
          </div>
        </div>
        <p class="sr-only" role="status" aria-live="polite">${this.announcement?.() ?? ''}</p>
      </section>
    `;
  }

  private renderToolbar(): TemplateResult {
    const types = this.catalog?.types ?? [];
    const hint = this.t('searchHint');
    // In `ch` (the width of "0"): a Chinese character is about two of them.
    const hintLength = [...hint].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1.1), 0);
    const geoMessage = this.geo === 'denied' ? this.t('geoDenied') : this.geo === 'unavailable' ? this.t('geoUnavailable') : '';
    return html`
      <div class="toolbar" part="toolbar" role="search">
        <label class="field search">
          <span>${this.t('search')}</span>
          <input type="search" .value=${live(this.query)} placeholder=${hint} ${cssProperty('--search-hint-length', String(hintLength))} @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${this.t('type')}</span>
          <select @change=${(e: Event) => (this.typeFilter = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.typeFilter === ''}>${this.t('allTypes')}</option>
            ${types.map((t) => html`<option value=${t.code} ?selected=${this.typeFilter === t.code}>${pickText(t.title, this.ui)}</option>`)}
          </select>
        </label>
        <button type="button" class="nearest" @click=${() => this.nearest()} aria-describedby=${ifDefined(geoMessage ? 'geo-message' : undefined)}>
          ${this.geo === 'locating' ? this.t('locating') : this.t('nearest')}
        </button>
        ${geoMessage
          ? html`<div class="geo-fallback">
              <p id="geo-message" role="alert">${geoMessage}</p>
              <label class="field">
                <span>${this.t('county')}</span>
                <select id="county" @change=${(e: Event) => this.onCounty((e.target as HTMLSelectElement).value)}>
                  <option value="">${this.t('chooseCounty')}</option>
                  ${this.counties().map((c) => html`<option value=${c.code} lang=${ifDefined(c.name.lang)}>${c.name.text}</option>`)}
                </select>
              </label>
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderList(list: Institution[]): TemplateResult {
    if (!this.loading && !this.loadError && list.length === 0) return html`<p class="empty">${this.t('noResults')}</p>`;
    const active = list.some((i) => i.id === this.active) ? this.active : (list.find((i) => i.id === this.selected)?.id ?? list[0]?.id);
    return html`
      <ul class="list" part="list" role="listbox" aria-label=${this.t('list')} aria-describedby="count" aria-busy=${this.loading ? 'true' : 'false'} @keydown=${(e: KeyboardEvent) => this.onListKey(e)}>
        ${list.map((i) => {
          const type = this.typeOf(i);
          const selected = i.id === this.selected;
          const distance = this.origin ? haversineKm(this.origin.at, i.position) : null;
          return html`<li
            role="option"
            part="option ${selected ? 'option-selected' : ''}"
            class="option ${selected ? 'selected' : ''}"
            data-id=${i.id}
            aria-selected=${selected ? 'true' : 'false'}
            tabindex=${i.id === active ? '0' : '-1'}
            @click=${() => this.choose(i.id)}
            @focus=${() => (this.active = i.id)}
          >
            <span class="dot" aria-hidden="true" ${cssProperty('--dot', type?.color ?? 'currentColor')}></span>
            <span class="name">${this.text(this.nameOf(i.name))}</span>
            <span class="meta">${type ? pickText(type.title, this.ui) : i.type}${distance === null ? nothing : html` · ${this.t('distance', { km: formatNumber(this.ui, distance, { maximumFractionDigits: 1 }) })}`}</span>
            <span class="address">${this.text(this.nameOf(i.address))}</span>
            ${i.positionApproximate ? html`<span class="approx">${this.t('approximate')}</span>` : nothing}
          </li>`;
        })}
      </ul>
    `;
  }

  private hoursText(i: Institution): TemplateResult {
    if (i.hours.length === 0) return html`<p>${this.t('noHours')}</p>`;
    const days = this.t('weekdays').split(',');
    const open = isOpenAt(i.hours, new Date());
    return html`
      <p class="open ${open ? 'is-open' : 'is-closed'}">${open ? this.t('openNow') : this.t('closedNow')}</p>
      <ul class="hours">
        ${hoursLines(i.hours).map(
          (line) =>
            html`<li>${line.runs.map(([a, b]) => (a === b ? days[a - 1] : this.t('dayRange', { from: days[a - 1]!, to: days[b - 1]! }))).join(this.ui === 'en' ? ', ' : '、')}
              ${line.spans.map(([o, c]) => `${o}–${c}`).join(this.ui === 'en' ? ', ' : '，')}</li>`,
        )}
      </ul>
      ${i.hoursNote ? html`<p class="note">${this.text(this.nameOf(i.hoursNote))}</p>` : nothing}
    `;
  }

  private tourLink(i: Institution): TemplateResult | typeof nothing {
    if (!i.tourId) return nothing;
    const tourId = i.tourId;
    // Only an http(s) or relative address becomes a link (a template set from a VR hotspot is data).
    const href = linkHref(this.tourHref, { tourId, id: i.id });
    const open = (e: Event) => {
      if (!this.emit<MapTourDetail>('sifa-map-tour', { id: i.id, tourId, href })) e.preventDefault();
    };
    return href ? html`<a class="tour" href=${href} @click=${open}>${this.t('tour')}</a>` : html`<button type="button" class="tour" @click=${open}>${this.t('tour')}</button>`;
  }

  private renderPopup(): TemplateResult | typeof nothing {
    const i = this.popupOpen ? this.institutions.find((x) => x.id === this.selected) : undefined;
    if (!i) return nothing;
    const name = this.nameOf(i.name);
    const links = navigationLinks(i.position, i.name.zh);
    const services = (this.catalog?.services ?? []).filter((s) => i.services.includes(s.code));
    const served = i.type === 'judicial-office' && i.orgCode ? this.areas.get(i.orgCode) : undefined;
    return html`
      <section class="popup" part="popup" role="region" aria-labelledby="popup-title">
        <div class="popup-head">
          <h3 id="popup-title">${this.text(name)}</h3>
          <button type="button" class="close" @click=${() => this.closePopup()} aria-label=${this.t('close')}>×</button>
        </div>
        <!-- What a visitor acts on comes first, above the fold of the popup in large type too. -->
        <div class="popup-actions">
          <p class="nav" role="group" aria-labelledby="nav-label">
            <span id="nav-label" class="nav-label">${this.t('navigate')}</span>
            <a href=${links.amap} target="_blank" rel="noopener noreferrer" data-nav="amap">${this.t('amap')}</a>
            <a href=${links.baidu} target="_blank" rel="noopener noreferrer" data-nav="baidu">${this.t('baidu')}</a>
            <a href=${links.tianditu} target="_blank" rel="noopener noreferrer" data-nav="tianditu">${this.t('tianditu')}</a>
          </p>
          ${this.tourLink(i)}
        </div>
        ${i.positionApproximate ? html`<p class="approx">${this.t('approximate')}</p>` : nothing}
        <dl>
          <dt>${this.t('address')}</dt>
          <dd>${this.text(this.nameOf(i.address))}</dd>
          ${i.phone ? html`<dt>${this.t('phone')}</dt><dd><a href=${`tel:${i.phone.replace(/[^\d+]/g, '')}`}>${i.phone}</a></dd>` : nothing}
          <!-- Where it serves, before the hours: a visitor asks whether this office is theirs. -->
          ${served?.length
            ? html`<dt>${this.t('servesTownships')}</dt><dd><ul class="services townships">${served.map((d) => html`<li>${this.text(this.nameOf(d.name as InstitutionName))}</li>`)}</ul></dd>`
            : nothing}
          <dt>${this.t('hours')}</dt>
          <dd>${this.hoursText(i)}</dd>
          ${services.length ? html`<dt>${this.t('services')}</dt><dd><ul class="services">${services.map((s) => html`<li>${pickText(s.title, this.ui)}</li>`)}</ul></dd>` : nothing}
        </dl>
      </section>
    `;
  }
}
