/**
 * <sifa-dashboard>: the statistics dashboard (数据统计). For one entry point (数据入口), one org
 * and one period: KPI tiles against a comparison period, the trend (lines or columns), the
 * child orgs (bars or a pie), a choropleth of the counties, the ranking of the judicial offices,
 * the open warnings, and the items of the entry point, each down to the records behind its
 * number. Clicking (or Enter on) a county, a bar, a slice or a ranking row drills down city →
 * county → office; an item opens its records. The breadcrumb climbs back, and so does the
 * browser's back button: each step is a history entry (`?sifa-dash=…`, see state.ts) unless
 * `history="off"`.
 *
 * First load (this chunk): pickers, tiles, tables and the zh-CN messages. The charts are a
 * chunk of their own (charts.ts) imported after the element starts; en and mn-Mong messages
 * are chunks loaded when needed. The warnings panel shows the warnings plugin's <sifa-warnings>
 * when the page has it (imported by the host, or offered by the script-tag loader).
 *
 * Data: `statistics.entryPoints`, `statistics.view`, `statistics.entries` and the live
 * `statistics.watch` (typed with `StatisticsApi` from @sifa/plugin-statistics, types only) with the page's embed token,
 * plus the public `platform.org.boundaries` for the map. Exports come from the statistics
 * plugin's export route through `client.download`.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CaseSummary, EntryPointDefinition, EntryPointGroup, LocalizedText, OrgBoundariesApi, RegionCollection } from '@sifa/core';
import { competitionRanking } from '@sifa/core';
import { formatDateTime } from '../i18n/dates.js';
import type {
  Comparison,
  EntryPointList,
  ExportFormat,
  OrgRef,
  StatisticsApi,
  StatisticsEntries,
  StatisticsEntry,
  StatisticsView,
  PeriodSpan,
} from '@sifa/plugin-statistics';
import type { WarningsApi } from '@sifa/plugin-warnings';
import type { DiaryApi } from '@sifa/plugin-diary';
import { SifaElement } from '../base/sifa-element.js';
import { elementAvailable } from '../base/element-available.js';
import { failureReason } from '../client/client.js';
import { saveFile } from '../base/save-file.js';
import { linkHref } from '../base/safe-href.js';
import { formatDate, formatNumber } from '../i18n/i18n.js';
import { dashboardMessages, type DashboardMessageKey } from './messages.js';
import { dashboardStyles } from './sifa-dashboard.styles.js';
import { comparisons, decodeState, isComparison, isPeriod, kindOf, paramName, recentPeriods, sameState, urlWithState, type DashboardState, type PeriodKind } from './state.js';
import type { ChartBase } from './charts.js';

/** `sifa-dashboard-navigate`: the user moved the dashboard (picker, drill-down, breadcrumb, back button). */
export interface DashboardNavigateDetail extends DashboardState {
  /** What moved it. */
  cause: 'picker' | 'drill' | 'breadcrumb' | 'history';
}

/** `sifa-dashboard-export`: an export was downloaded. */
export interface DashboardExportDetail {
  format: ExportFormat;
  filename: string;
}

/**
 * `sifa-dashboard-open-record`: the user asked to open a record behind a number (cancelable: a
 * host that opens it itself, e.g. in its diary or case page, calls `preventDefault()`; otherwise
 * the dashboard shows what the record's plugin tells about it in place).
 */
export interface DashboardOpenRecordDetail {
  /** The source kind: `diary.entry`, `<plugin>.case`, `platform.integration`… */
  kind: string;
  id: string;
  orgCode: string;
  day: string;
  /** The metric whose records are listed. */
  metric: string;
  /** The `source-href` link of the record, when the host gave a template. */
  href: string | null;
}

/** The procedures the dashboard calls, as a type alias (an interface has no index signature for the client's ApiMap). */
export type DashboardCalls = Pick<StatisticsApi, keyof StatisticsApi> &
  Pick<WarningsApi, 'warnings.list'> &
  Pick<OrgBoundariesApi, 'platform.org.boundaries'> &
  Pick<DiaryApi, 'diary.month' | 'diary.catalog'>;

/** `<plugin>.cases.get` of any case type's plugin (the casework engine records facts as `<plugin>.case`). */
type CaseCalls = Record<`${string}.cases.get`, { type: 'query'; input: { id: string }; output: CaseSummary }>;

/**
 * What the record's plugin tells about a record behind a number: a diary entry's item, author,
 * when saved and figures; a case file's number (案号).
 */
interface RecordDetail {
  number?: string | null;
  item: LocalizedText | null;
  author: string | null;
  savedAt: string | null;
  fields: { label: LocalizedText; value: string }[];
}

type Charts = typeof import('./charts.js');
type EntryPoints = EntryPointList;
type Text = { text: string; lang?: string | undefined };
type MarkState = { active: number; tip: number | null };
type DiaryCatalogItems = DashboardCalls['diary.catalog']['output']['items'];

/** Competition ranking (1, 2, 2, 4) by `value`, highest first; rows without a value last (as the server ranks). */
export const rankByValue = <T extends { org: { code: string }; value: number | null }>(rows: readonly T[]) => competitionRanking(rows, (r) => r.org.code);

/** The charts chunk, loaded once per page. */
let chartsModule: Promise<Charts> | null = null;
export const loadCharts = (): Promise<Charts> => {
  chartsModule ??= import('./charts.js').catch((error: unknown) => {
    chartsModule = null;
    throw error;
  });
  return chartsModule;
};

const periodKinds: readonly PeriodKind[] = ['year', 'quarter', 'month'];
const kindKey: Record<PeriodKind, DashboardMessageKey> = { year: 'kindYear', quarter: 'kindQuarter', month: 'kindMonth' };
const compareKey: Record<Comparison, DashboardMessageKey> = { none: 'compareNone', previous: 'comparePrevious', 'year-ago': 'compareYearAgo' };
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Levels whose children a click drills into (an office's villages are shown, not entered). */
const drillable = new Set(['region', 'city', 'county']);
/** How many ranking rows show before "show all". */
const rankingTop = 10;
/** At most one "updated" announcement per this many ms (live views may tick often). */
const announceEveryMs = 30_000;
const exportLocale = { 'zh-CN': 'zh', en: 'en', 'mn-Mong': 'mn' } as const;

/** The numbers of a view (what a live update may change), to tell a real change from a repeat. */
const numbersOf = (v: StatisticsView) => JSON.stringify([v.kpis, v.series, v.breakdown.map((b) => [b.values, b.previous]), v.ranking.map((r) => [r.org.code, r.value]), v.items.map((i) => [i.value, i.previous])]);

/**
 * @summary The statistics dashboard: KPI tiles, trend, breakdown, county map, ranking and open
 * warnings of an entry point, drilled down city → county → office → item → the records behind a
 * number, with exports, live updates and a big-screen mode.
 *
 * @fires sifa-dashboard-navigate - The user moved the dashboard (picker, drill-down, breadcrumb, back button). Detail: `DashboardNavigateDetail`.
 * @fires sifa-dashboard-export - An export (xlsx or CSV) was downloaded. Detail: `DashboardExportDetail`.
 * @fires sifa-dashboard-open-record - The user asked to open a record behind a number (cancelable: `preventDefault()` when the host opens it). Detail: `DashboardOpenRecordDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart toolbar - The pickers, export and big-screen buttons.
 * @csspart breadcrumb - The drill-down trail.
 * @csspart kpis - The KPI tiles.
 * @csspart kpi - One KPI tile.
 * @csspart panel - Every chart panel (with `trend`, `breakdown`, `map`, `ranking`, `warnings`).
 * @csspart items - The items table.
 * @csspart entries - The records behind an item.
 *
 * @cssprop --sifa-dashboard-series-0 - Colour of the first series, bars and slices (…-1 to …-11 for the next ones: twelve distinct colours; a pie of more shows the smallest together as "others").
 * @cssprop --sifa-dashboard-scale-0 - Lightest class of the map (…-1 to …-4, darker).
 * @cssprop --sifa-dashboard-up - Colour of a rise (the arrow and text say it too).
 * @cssprop --sifa-dashboard-down - Colour of a fall.
 * @cssprop --sifa-dashboard-vertical-size - Height of the dashboard laid out vertically (Mongolian); default 40em.
 */
export class SifaDashboard extends SifaElement {
  static override styles = [...SifaElement.styles, dashboardStyles];

  /** The entry point shown first (its id); the first one the server lists by default. */
  @property() entry: string | undefined;

  /** The org shown first; the signed-in user's own by default. */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The period shown first: 2026, 2026-Q3 or 2026-07; the current year by default. */
  @property() period: string | undefined;

  /** The comparison shown first: `none`, `previous` (default) or `year-ago`. */
  @property() compare: Comparison | undefined;

  /** `on` (default): every step is a browser history entry (`?sifa-dash=…`); `off` for hosts that own their URL. */
  @property() history: 'on' | 'off' = 'on';

  /** Big-screen mode (大屏): dark, large type, rotating through the entry points. The toolbar button sets it and asks for full screen. */
  @property({ type: Boolean, reflect: true, attribute: 'big-screen' }) bigScreen = false;

  /** Seconds per entry point in big-screen mode (default 15; never under reduced motion). */
  @property({ type: Number, attribute: 'rotate-seconds' }) rotateSeconds = 15;

  /** Link template for a record, `{kind}`, `{id}`, `{orgCode}` and `{day}` filled in; records are listed without links when absent. */
  @property({ attribute: 'source-href' }) sourceHref: string | undefined;

  /** Records per page behind an item (default 20, at most 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private points: EntryPoints | null = null;
  @state() private nav: DashboardState | null = null;
  @state() private view: StatisticsView | null = null;
  @state() private loading = true;
  @state() private loadError: unknown = null;
  @state() private charts: Charts | null = null;
  @state() private chartsError: unknown = null;
  @state() private entries: StatisticsEntries | null = null;
  @state() private entriesOffset = 0;
  @state() private entriesLoading = false;
  @state() private entriesError: unknown = null;
  @state() private figure = 0;
  @state() private marks: Record<string, MarkState> = {};
  @state() private tables: Record<string, boolean> = {};
  @state() private rankingAll = false;
  @state() private regions: RegionCollection | null = null;
  @state() private warningsShown = false;
  @state() private exporting: ExportFormat | null = null;
  @state() private exportError: unknown = null;
  @state() private rotationStopped = false;
  /** The live subscription is open. */
  @state() private live = false;
  /** The live stream dropped (server or database outage, network) and is reconnecting: the figures shown are from before. */
  @state() private reconnecting = false;
  @state() private announcement = '';
  /** What the records' plugins tell about the records listed (by source id); absent while unknown. */
  @state() private recordDetails: Record<string, RecordDetail> = {};
  /** The records shown opened in place (by source id). */
  @state() private openRecords: Record<string, boolean> = {};

  private loadSeq = 0;
  private entriesSeq = 0;
  private unwatch: (() => void) | null = null;
  private lastAnnounced = 0;
  private boundaries = new Map<string, Promise<RegionCollection | null>>();
  private diaryItems: Promise<DiaryCatalogItems | null> | null = null;
  /** `bigScreen` before the button turned it on (restored on exit), or null when the button did not. */
  private savedBigScreen: boolean | null = null;
  private rotationTimer: ReturnType<typeof setTimeout> | null = null;
  private pausedUntil = 0;
  private started = false;

  private t(key: DashboardMessageKey, params?: Record<string, string | number>): string {
    return dashboardMessages.t(this.ui, key, params);
  }

  /** The state shown (entry, org, period, comparison, item); null before the entry points are here. */
  get dashboardState(): DashboardState | null {
    return this.nav;
  }

  /** The view shown (for hosts and tests); null while loading. */
  get statisticsView(): StatisticsView | null {
    return this.view;
  }

  /** Reads the view again. */
  refresh(): Promise<void> {
    return this.loadView(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    for (const type of ['pointerdown', 'keydown', 'wheel', 'focusin'] as const) this.addEventListener(type, this.onInteraction, { passive: true });
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    for (const type of ['pointerdown', 'keydown', 'wheel', 'focusin'] as const) this.removeEventListener(type, this.onInteraction);
    this.unwatch?.();
    this.unwatch = null;
    this.live = false;
    this.reconnecting = false;
    this.stopRotation();
    this.started = false;
  }

  protected override configChanged(): void {
    this.started = false;
    void this.start();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(dashboardMessages, this.locale);
    if (this.hasUpdated && this.points && ['entry', 'orgCode', 'period', 'compare'].some((k) => changed.has(k))) {
      const next = this.fromAttributes();
      if (!sameState(next, this.nav)) this.go(next, 'none');
    }
    // Names come in every language; only an error is written in the language asked for: ask again.
    if (changed.has('locale') && this.hasUpdated && this.loadError && !this.loading) void (this.points ? this.loadView(false) : this.start());
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('bigScreen') || changed.has('rotateSeconds') || changed.has('rotationStopped') || changed.has('points')) this.scheduleRotation();
  }

  // ---- state ------------------------------------------------------------------------------------

  private get historyOn(): boolean {
    return this.history !== 'off';
  }

  private get param(): string {
    return paramName(this.id);
  }

  /** The state the attributes ask for (defaults filled in). */
  private fromAttributes(): DashboardState {
    const entries = this.points?.entries ?? [];
    const entry = entries.find((e) => e.id === this.entry)?.id ?? entries[0]?.id ?? this.entry ?? '';
    return {
      entry,
      org: this.orgCode || null,
      period: isPeriod(this.period) ? this.period : String(new Date().getFullYear()),
      compare: isComparison(this.compare) ? this.compare : 'previous',
      item: null,
    };
  }

  /** The state in the URL (history on), else the attributes'. */
  private initialState(): DashboardState {
    const fromUrl = this.historyOn ? decodeState(new URL(location.href).searchParams.get(this.param)) : null;
    if (fromUrl && this.points?.entries.some((e) => e.id === fromUrl.entry)) return fromUrl;
    return this.fromAttributes();
  }

  /**
   * Shows `next`: a new history entry (`push`, user steps), the current one replaced
   * (`replace`), or the URL left alone (`none`: attributes, rotation, the back button itself).
   */
  private go(next: DashboardState, how: 'push' | 'replace' | 'none', cause?: DashboardNavigateDetail['cause']): void {
    const before = this.nav;
    if (sameState(before, next)) return;
    this.nav = next;
    if (this.historyOn && how !== 'none') {
      const url = urlWithState(location.href, this.param, next);
      if (how === 'push') history.pushState({ ...(history.state as object | null), [this.param]: next }, '', url);
      else history.replaceState(history.state, '', url);
    }
    if (cause) this.emit<DashboardNavigateDetail>('sifa-dashboard-navigate', { ...next, cause });
    const viewChanged = !before || before.entry !== next.entry || before.org !== next.org || before.period !== next.period || before.compare !== next.compare;
    if (viewChanged) void this.loadView(Boolean(cause));
    else if (before.item !== next.item) this.itemChanged(Boolean(cause));
  }

  private readonly onPopState = () => {
    if (!this.historyOn || !this.points) return;
    const next = decodeState(new URL(location.href).searchParams.get(this.param)) ?? this.fromAttributes();
    if (!this.points.entries.some((e) => e.id === next.entry)) return;
    this.go(next, 'none', 'history');
  };

  // ---- data -------------------------------------------------------------------------------------

  private reason(error: unknown): string {
    return failureReason(error, this.t('unreachable'));
  }

  private async start(): Promise<void> {
    if (this.started || !this.isConnected) return;
    this.started = true;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.loadError = null;
    void this.track(
      loadCharts().then(
        (m) => ((this.charts = m), (this.chartsError = null)),
        (error: unknown) => (this.chartsError = error),
      ),
    );
    void this.probeWarnings();
    try {
      const points = await this.track(this.client.query<DashboardCalls, 'statistics.entryPoints'>('statistics.entryPoints', undefined, this.locale));
      if (seq !== this.loadSeq) return;
      this.points = points;
      if (points.entries.length === 0) {
        this.loading = false;
        return;
      }
      const first = this.initialState();
      this.nav = null;
      this.go(first, this.historyOn && new URL(location.href).searchParams.has(this.param) ? 'replace' : 'none');
    } catch (error) {
      if (seq === this.loadSeq) {
        this.loadError = error ?? new Error('unknown');
        this.loading = false;
        this.started = false;
      }
    }
  }

  private viewInput(nav: DashboardState) {
    return { entry: nav.entry, period: nav.period, compare: nav.compare, ...(nav.org ? { orgCode: nav.org } : {}) };
  }

  private async loadView(announce: boolean): Promise<void> {
    const nav = this.nav;
    if (!nav) return;
    const seq = ++this.loadSeq;
    this.unwatch?.();
    this.unwatch = null;
    this.live = false;
    this.reconnecting = false;
    this.loading = true;
    this.loadError = null;
    const input = this.viewInput(nav);
    const locale = this.locale;
    try {
      const view = await this.track(this.client.query<DashboardCalls, 'statistics.view'>('statistics.view', input, locale));
      if (seq !== this.loadSeq) return;
      const orgChanged = this.view?.org.code !== view.org.code;
      this.view = view;
      if (this.figure >= view.figures.length) this.figure = 0;
      if (orgChanged) {
        this.marks = {};
        this.rankingAll = false;
      }
      void this.loadRegions(view.org);
      this.itemChanged(false);
      if (announce) {
        this.announcement = this.t('announceView', { org: this.plain(view.org.name), period: this.periodText(view.period.period) });
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
      }
      this.watch(seq, input);
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  /** Live figures: the server pushes the recomputed view when facts of the subtree change. */
  private watch(seq: number, input: ReturnType<SifaDashboard['viewInput']>): void {
    this.unwatch = this.client.subscribe<DashboardCalls, 'statistics.watch'>(
      'statistics.watch',
      input,
      {
        onData: (view) => {
          if (seq !== this.loadSeq || !this.view) return;
          const changed = numbersOf(view) !== numbersOf(this.view);
          this.view = view;
          if (!changed) return;
          if (this.nav?.item) void this.loadEntries(this.entriesOffset, false);
          const now = Date.now();
          if (now - this.lastAnnounced >= announceEveryMs) {
            this.lastAnnounced = now;
            this.announcement = this.t('announceUpdated');
          }
        },
        onStarted: () => {
          if (seq !== this.loadSeq) return;
          this.live = true;
          this.reconnecting = false;
        },
        onInterrupted: () => {
          if (seq === this.loadSeq && this.live) this.reconnecting = true;
        },
        // The figures shown stay; a refused subscription only means no live updates.
        onError: () => {
          if (seq !== this.loadSeq) return;
          this.live = false;
    this.reconnecting = false;
          this.reconnecting = false;
        },
      },
      this.locale,
    );
  }

  private itemChanged(announce: boolean): void {
    const item = this.nav?.item;
    this.entriesSeq++;
    this.entries = null;
    this.entriesError = null;
    this.entriesLoading = false;
    if (item && this.view?.items.some((i) => i.metric === item)) {
      void this.loadEntries(0, announce);
      if (announce) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#entries-title')?.focus());
    }
  }

  private async loadEntries(offset: number, announce: boolean): Promise<void> {
    const view = this.view;
    const metric = this.nav?.item;
    if (!view || !metric) return;
    const seq = ++this.entriesSeq;
    this.entriesLoading = true;
    this.entriesError = null;
    this.entriesOffset = offset;
    const limit = Math.min(200, Math.max(1, Math.floor(this.pageSize) || 20));
    try {
      const entries = await this.track(
        this.client.query<DashboardCalls, 'statistics.entries'>('statistics.entries', { orgCode: view.org.code, period: view.period.period, metric, limit, offset }, this.locale),
      );
      if (seq !== this.entriesSeq) return;
      this.entries = entries;
      void this.describeRecords(entries, seq);
      const item = view.items.find((i) => i.metric === metric);
      if (announce && item) this.announcement = this.t('announceEntries', { item: this.plain(item.title), total: entries.total });
    } catch (error) {
      if (seq === this.entriesSeq) this.entriesError = error ?? new Error('unknown');
    } finally {
      if (seq === this.entriesSeq) this.entriesLoading = false;
    }
  }

  /**
   * What the diary tells about the diary entries listed (item, author, when saved, fields): one
   * `diary.month` per office and month on the page. Without the diary (or its permission) the
   * list keeps its plain references.
   */
  private async describeRecords(entries: StatisticsEntries, seq: number): Promise<void> {
    void this.describeCases(entries, seq);
    const diaryRows = entries.rows.filter((r) => r.source.kind === 'diary.entry' && !this.recordDetails[r.source.id]);
    if (diaryRows.length === 0) return;
    this.diaryItems ??= this.client.query<DashboardCalls, 'diary.catalog'>('diary.catalog', undefined, this.locale).then(
      (c) => c.items,
      () => ((this.diaryItems = null), null),
    );
    const months = new Map<string, { orgCode: string; month: string }>();
    for (const r of diaryRows) months.set(`${r.org.code}|${r.day.slice(0, 7)}`, { orgCode: r.org.code, month: r.day.slice(0, 7) });
    try {
      const [items, ...found] = await this.track(
        Promise.all([this.diaryItems, ...[...months.values()].map((input) => this.client.query<DashboardCalls, 'diary.month'>('diary.month', input, this.locale).catch(() => null))]),
      );
      if (seq !== this.entriesSeq) return;
      const byCode = new Map((items ?? []).map((i) => [i.code, i]));
      const next = { ...this.recordDetails };
      for (const month of found)
        for (const e of month?.entries ?? []) {
          const item = byCode.get(e.itemCode);
          // The figures of the entry (counts, minutes, choices), not its free text.
          const fields: RecordDetail['fields'] = [];
          for (const [key, spec] of Object.entries(item?.fields ?? {})) {
            const value = (e.fields as Record<string, unknown>)[key];
            if (value === undefined || value === null || value === '') continue;
            if (spec.kind === 'count' || spec.kind === 'minutes') fields.push({ label: spec.title, value: this.num(Number(value)) });
            else if (spec.kind === 'choice') {
              const option = spec.options.find((o) => o.value === value);
              fields.push({ label: spec.title, value: option ? this.plain(option.title) : String(value) });
            }
          }
          next[e.id] = { item: item?.title ?? null, author: e.authorName ?? null, savedAt: e.createdAt, fields };
        }
      this.recordDetails = next;
    } catch {
      // The plain references stay.
    }
  }

  /** Case files: their number (案号) from their plugin's `cases.get` (none where it is not answered). */
  private async describeCases(entries: StatisticsEntries, seq: number): Promise<void> {
    const cases = entries.rows.filter((r) => r.source.kind.endsWith('.case') && !this.recordDetails[r.source.id]);
    if (cases.length === 0) return;
    const found = await this.track(
      Promise.all(
        cases.map((r) =>
          this.client
            .query<CaseCalls, `${string}.cases.get`>(`${r.source.kind.slice(0, -'.case'.length)}.cases.get`, { id: r.source.id }, this.locale)
            .then((c) => [r.source.id, c] as const, () => null),
        ),
      ),
    );
    if (seq !== this.entriesSeq) return;
    const next = { ...this.recordDetails };
    for (const pair of found) if (pair) next[pair[0]] = { number: pair[1].number, item: null, author: null, savedAt: null, fields: [] };
    this.recordDetails = next;
  }

  /** County outlines when the org shown has them (the city's counties); none otherwise. */
  private async loadRegions(org: OrgRef): Promise<void> {
    if (!drillable.has(org.level)) {
      this.regions = null;
      return;
    }
    let pending = this.boundaries.get(org.code);
    if (!pending) {
      pending = this.client.query<DashboardCalls, 'platform.org.boundaries'>('platform.org.boundaries', { parentCode: org.code }, this.locale).catch(() => {
        this.boundaries.delete(org.code);
        return null;
      });
      this.boundaries.set(org.code, pending);
    }
    const regions = await this.track(pending);
    if (this.view?.org.code === org.code) this.regions = regions && regions.features.length > 0 ? regions : null;
  }

  /**
   * The warnings panel shows only where the warnings plugin answers (installed, and the user may
   * read warnings) and its <sifa-warnings> is on the page: defined by the host, or loaded through
   * the script-tag loader. Otherwise there is no panel (and no error).
   */
  private async probeWarnings(): Promise<void> {
    try {
      await this.track(this.client.query<DashboardCalls, 'warnings.list'>('warnings.list', { status: 'open', limit: 1 }, this.locale));
      this.warningsShown = await this.track(elementAvailable('sifa-warnings'));
    } catch {
      this.warningsShown = false;
    }
  }

  private async export(format: ExportFormat): Promise<void> {
    const view = this.view;
    const nav = this.nav;
    if (!view || !nav || this.exporting) return;
    this.exporting = format;
    this.exportError = null;
    // What the screen shows: the figure charted (the ranking follows it) and, when an item's records are open, those records.
    const query = new URLSearchParams({ entry: view.entry.id, orgCode: view.org.code, period: view.period.period, compare: nav.compare, format, locale: exportLocale[this.ui] });
    const figure = view.figures[this.figure];
    if (figure && this.figure > 0) query.set('figure', figure.key);
    if (nav.item && view.items.some((i) => i.metric === nav.item)) query.set('item', nav.item);
    try {
      const { blob, filename } = await this.track(this.client.download(`/plugins/statistics/export?${query.toString()}`));
      const name = filename ?? `${view.entry.id}-${view.org.code}-${view.period.period}${query.has('item') ? `-${nav.item}` : ''}.${format}`;
      saveFile(blob, name);
      this.emit<DashboardExportDetail>('sifa-dashboard-export', { format, filename: name });
    } catch (error) {
      this.exportError = error ?? new Error('unknown');
    } finally {
      this.exporting = null;
    }
  }

  // ---- navigation ---------------------------------------------------------------------------------

  private drillTo(code: string, cause: DashboardNavigateDetail['cause'] = 'drill'): void {
    if (!this.nav) return;
    this.go({ ...this.nav, org: code, item: null }, 'push', cause);
  }

  private openItem(metric: string | null): void {
    if (!this.nav) return;
    this.go({ ...this.nav, item: metric }, 'push', metric ? 'drill' : 'breadcrumb');
    if (!metric) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#items-title')?.focus());
  }

  private pick(change: Partial<DashboardState>): void {
    if (!this.nav) return;
    const next = { ...this.nav, ...change };
    if (change.entry && change.entry !== this.nav.entry) next.item = null;
    this.go(next, 'push', 'picker');
  }

  private setPeriodKind(kind: PeriodKind): void {
    if (!this.nav || kindOf(this.nav.period) === kind) return;
    this.pick({ period: recentPeriods(kind, new Date())[0]! });
  }

  // ---- big screen ---------------------------------------------------------------------------------

  private toggleBigScreen(): void {
    if (this.bigScreen) {
      if (document.fullscreenElement === this) void document.exitFullscreen().catch(() => undefined);
      this.bigScreen = this.savedBigScreen ?? false;
      this.savedBigScreen = null;
      return;
    }
    this.savedBigScreen = this.bigScreen;
    this.bigScreen = true;
    // Full screen is a wish: a browser may refuse it (no user gesture, an iframe without allow="fullscreen").
    void this.requestFullscreen?.().catch(() => undefined);
  }

  private readonly onFullscreenChange = () => {
    // Leaving full screen (Esc, the browser's own control) leaves the mode the button entered.
    if (document.fullscreenElement !== this && this.savedBigScreen !== null) {
      this.bigScreen = this.savedBigScreen;
      this.savedBigScreen = null;
    }
  };

  private readonly onInteraction = () => {
    this.pausedUntil = Date.now() + Math.max(3, this.rotateSeconds) * 2000;
  };

  private get rotates(): boolean {
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    return this.bigScreen && !this.rotationStopped && !reduced && (this.points?.entries.length ?? 0) > 1;
  }

  private stopRotation(): void {
    if (this.rotationTimer) clearTimeout(this.rotationTimer);
    this.rotationTimer = null;
  }

  private scheduleRotation(): void {
    this.stopRotation();
    if (!this.rotates || !this.isConnected) return;
    const every = Math.max(3, Number(this.rotateSeconds) || 15) * 1000;
    this.rotationTimer = setTimeout(() => this.rotate(), Math.max(every, this.pausedUntil - Date.now()));
  }

  private rotate(): void {
    this.rotationTimer = null;
    if (!this.rotates || !this.nav || !this.points) return;
    if (Date.now() < this.pausedUntil) {
      this.scheduleRotation();
      return;
    }
    const list = this.points.entries;
    const at = list.findIndex((e) => e.id === this.nav!.entry);
    this.go({ ...this.nav, entry: list[(at + 1) % list.length]!.id, item: null }, 'none');
    this.scheduleRotation();
  }

  // ---- charts' marks ------------------------------------------------------------------------------

  private markState(id: string): MarkState {
    return this.marks[id] ?? { active: 0, tip: null };
  }

  private chartBase(id: string, title: string, format: (v: number | null) => string, onChoose?: (i: number) => void, chooseHint?: string): ChartBase {
    const m = this.markState(id);
    return {
      id,
      title,
      format,
      tick: (v) => this.num(v),
      active: m.active,
      tip: m.tip,
      vertical: this.ui === 'mn-Mong',
      empty: this.t('empty'),
      onChoose,
      chooseHint,
      onMark: (index, how) => {
        const now = this.markState(id);
        if (how === 'hover') this.marks = { ...this.marks, [id]: { ...now, tip: index } };
        else if (index !== null) this.marks = { ...this.marks, [id]: { active: index, tip: index } };
        if (how === 'move' && index !== null) void this.updateComplete.then(() => this.renderRoot.querySelector<SVGElement>(`[data-chart="${id}"] [data-i="${index}"]`)?.focus());
      },
    };
  }

  // ---- text ---------------------------------------------------------------------------------------

  /** A server text in the UI language; Chinese (marked as such) where it has no form in it. */
  private textOf(value: LocalizedText): Text {
    if (this.ui === 'en' && value.en) return { text: value.en };
    if (this.ui === 'mn-Mong' && value.mn) return { text: value.mn };
    return this.ui === 'zh-CN' ? { text: value.zh } : { text: value.zh, lang: 'zh-CN' };
  }

  private plain(value: LocalizedText): string {
    return this.textOf(value).text;
  }

  private show(value: LocalizedText): TemplateResult {
    const t = this.textOf(value);
    return t.lang ? html`<span lang=${t.lang}>${t.text}</span>` : html`${t.text}`;
  }

  private num(value: number): string {
    return formatNumber(this.ui, value, { maximumFractionDigits: 2 });
  }

  /**
   * A unit in the UI language. A unit with no form in it is left out rather than shown in Chinese
   * inside Mongolian text (the figure's title says what is counted).
   */
  private unitText(unit: LocalizedText): string {
    if (this.ui === 'mn-Mong' && !unit.mn) return unit.zh === '%' ? '%' : '';
    if (this.ui === 'en' && !unit.en) return unit.zh === '%' ? '%' : '';
    return this.plain(unit);
  }

  /** A day (YYYY-MM-DD) in the UI language (Mongolian from its own words: ICU has no traditional-script dates). */
  private dayText(day: string): string {
    if (this.ui !== 'mn-Mong') return formatDate(this.ui, day);
    return this.t('dayDate', { year: day.slice(0, 4), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
  }

  /** An instant, as the page's clock shows it (date and time). */
  private timeText(iso: string): string {
    return formatDateTime(this.ui, iso, this.t('dayDate'), { seconds: true });
  }

  /** The comparison period; while the shown period runs, the same days of it ("1–5 November"). */
  private comparedText(p: PeriodSpan): string {
    if (p.complete) return this.t('comparedWith', { period: this.periodText(p.period) });
    return this.t('comparedWithDays', { period: this.periodText(p.period), from: this.dayText(p.from), through: this.dayText(p.through) });
  }

  private withUnit(value: number | null, unit: LocalizedText): string {
    if (value === null) return this.t('noValue');
    const u = this.unitText(unit);
    return !u ? this.num(value) : u === '%' ? `${this.num(value)}%` : `${this.num(value)} ${u}`;
  }

  private periodText(period: string): string {
    const year = period.slice(0, 4);
    const kind = kindOf(period);
    if (kind === 'year') return this.t('periodYear', { year });
    if (kind === 'quarter') return this.t('periodQuarter', { year, quarter: period.slice(6) });
    const month = Number(period.slice(5, 7));
    return this.t('periodMonth', { year, month, monthName: monthNames[month - 1]! });
  }

  /** A series bucket (YYYY-MM or YYYY-MM-DD): short under the axis, long in tooltips and tables. */
  private bucketText(bucket: string): { short: string; long: string } {
    if (bucket.length === 7) {
      const month = Number(bucket.slice(5, 7));
      return { short: this.t('monthShort', { month, monthName: monthNames[month - 1]!.slice(0, 3) }), long: this.periodText(bucket) };
    }
    if (bucket.length === 10) return { short: String(Number(bucket.slice(8))), long: this.dayText(bucket) };
    return { short: bucket, long: bucket };
  }

  /** Change against the comparison, in per cent of it; null where there is nothing to compare. */
  private change(value: number | null, previous: number | null): number | null {
    if (value === null || previous === null || previous === 0) return null;
    return Math.round(((value - previous) / Math.abs(previous)) * 10_000) / 100;
  }

  private changeText(value: number | null, previous: number | null): { text: string; dir: 'up' | 'down' | 'flat' | 'none'; arrow: string } {
    const c = this.change(value, previous);
    if (c === null) return { text: this.t('changeNone'), dir: 'none', arrow: '–' };
    const pct = formatNumber(this.ui, Math.abs(c) / 100, { style: 'percent', maximumFractionDigits: 1 });
    if (c > 0) return { text: this.t('changeUp', { change: pct }), dir: 'up', arrow: '▲' };
    if (c < 0) return { text: this.t('changeDown', { change: pct }), dir: 'down', arrow: '▼' };
    return { text: this.t('changeFlat'), dir: 'flat', arrow: '＝' };
  }

  /** A record's short reference: its kind and the start of its id (the whole id is in the record's details). */
  private recordRef(row: StatisticsEntry): string {
    return this.t('recordRef', { kind: this.sourceLabel(row.source.kind), ref: row.source.id.replace(/-/g, '').slice(0, 8).toUpperCase() });
  }

  /** Opens a record: the host may (`sifa-dashboard-open-record`, cancelled); else its details show in place. */
  private openRecord(row: StatisticsEntry, metric: string): void {
    const handled = !this.emit<DashboardOpenRecordDetail>('sifa-dashboard-open-record', {
      kind: row.source.kind,
      id: row.source.id,
      orgCode: row.org.code,
      day: row.day,
      metric,
      href: this.href(row),
    });
    if (!handled) this.openRecords = { ...this.openRecords, [row.source.id]: !this.openRecords[row.source.id] };
  }

  private sourceLabel(kind: string): string {
    if (kind === 'diary.entry') return this.t('sourceDiary');
    if (kind === 'platform.integration') return this.t('sourceIntegration');
    // A case file of any case type (the casework engine records facts as `<plugin>.case`).
    if (kind.endsWith('.case')) return this.t('sourceCase');
    return kind;
  }

  /** The record's link, or null (no template, or not an http(s) or relative address: a button then). */
  private href(row: StatisticsEntry): string | null {
    return linkHref(this.sourceHref, { kind: row.source.kind, id: row.source.id, orgCode: row.org.code, day: row.day });
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<section part="base" class="frame" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && dashboardMessages.mnDrafts.size > 0;
    const v = this.view;
    return html`<section
      part="base"
      class="frame ${vertical ? 'vertical' : ''} ${this.bigScreen ? 'big' : ''}"
      lang=${this.ui}
      aria-labelledby="title"
      aria-busy=${this.loading ? 'true' : 'false'}
      data-draft=${ifDefined(drafts ? 'mn' : undefined)}
    >
      <header class="head">
        <h2 id="title" tabindex="-1">${v ? html`${this.show(v.org.name)} · ${this.show(v.entry.title)}` : this.t('title')}</h2>
        ${v
          ? html`<p class="meta">
              <span>${this.periodText(v.period.period)}</span>
              ${v.period.complete ? nothing : html`<span class="running">${this.t('periodRunning', { day: this.dayText(v.period.through) })}</span>`}
              ${v.comparePeriod ? html`<span class="compared">${this.comparedText(v.comparePeriod)}</span>` : nothing}
              <span>${this.t('computedAt', { time: this.timeText(v.computedAt) })}</span>
              ${this.reconnecting
                ? html`<span class="live reconnecting" role="status"><span class="dot" aria-hidden="true"></span>${this.t('reconnecting')}</span>`
                : this.live
                  ? html`<span class="live"><span class="dot" aria-hidden="true"></span>${this.t('live')}</span>`
                  : nothing}
            </p>`
          : nothing}
      </header>
      ${this.renderToolbar()} ${this.renderTrail()}
      ${this.loadError
        ? html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.loadError) })} <button type="button" class="retry" @click=${() => (this.points ? void this.loadView(false) : void this.start())}>${this.t('retry')}</button></p>`
        : nothing}
      ${this.loading && !v ? html`<p class="loading">${this.t('loading')}</p>` : nothing}
      ${this.points && this.points.entries.length === 0 ? html`<p class="empty">${this.t('noEntryPoints')}</p>` : nothing}
      ${v ? this.renderView(v) : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderToolbar(): TemplateResult | typeof nothing {
    const nav = this.nav;
    const points = this.points;
    if (!nav || !points || points.entries.length === 0) return nothing;
    const kind = kindOf(nav.period);
    const periods = recentPeriods(kind, new Date());
    if (!periods.includes(nav.period)) periods.unshift(nav.period);
    const groups = points.groups.filter((g) => points.entries.some((e) => e.group === g.id));
    const ungrouped = points.entries.filter((e) => !points.groups.some((g) => g.id === e.group));
    // An option holds text only: a name with no form in the UI language is marked on the option
    // itself (and every option says its language: a group's Chinese name must not pass to it).
    const option = (e: EntryPointDefinition) => html`<option value=${e.id} ?selected=${e.id === nav.entry} lang=${this.textOf(e.title).lang ?? this.ui}>${this.plain(e.title)}</option>`;
    const onSelect = (f: (value: string) => void) => (e: Event) => f((e.target as HTMLSelectElement).value);
    return html`<div class="toolbar" part="toolbar">
        <label class="field entry">
          <span>${this.t('entry')}</span>
          <select name="entry" @change=${onSelect((entry) => this.pick({ entry }))}>
            ${groups.map((g) => html`<optgroup label=${this.plain(g.title)} lang=${ifDefined(this.textOf(g.title).lang)}>${points.entries.filter((e) => e.group === (g.id as EntryPointGroup)).map(option)}</optgroup>`)}
            ${ungrouped.map(option)}
          </select>
        </label>
        <label class="field">
          <span>${this.t('periodKind')}</span>
          <select name="period-kind" @change=${onSelect((k) => this.setPeriodKind(k as PeriodKind))}>
            ${periodKinds.map((k) => html`<option value=${k} ?selected=${k === kind}>${this.t(kindKey[k])}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${this.t('period')}</span>
          <select name="period" @change=${onSelect((period) => this.pick({ period }))}>
            ${periods.map((p) => html`<option value=${p} ?selected=${p === nav.period}>${this.periodText(p)}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${this.t('compare')}</span>
          <select name="compare" @change=${onSelect((c) => this.pick({ compare: c as Comparison }))}>
            ${comparisons.map((c) => html`<option value=${c} ?selected=${c === nav.compare}>${this.t(compareKey[c])}</option>`)}
          </select>
        </label>
        <div class="actions">
          ${(['xlsx', 'csv'] as const).map(
            (f) =>
              html`<button type="button" class="export" data-format=${f} ?disabled=${!this.view || this.exporting !== null} @click=${() => void this.export(f)}>
                ${this.exporting === f ? this.t('exporting') : this.t(f === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
              </button>`,
          )}
          <button type="button" class="big-screen" @click=${() => this.toggleBigScreen()}>${this.bigScreen ? this.t('exitBigScreen') : this.t('bigScreen')}</button>
          ${this.bigScreen && (points.entries.length > 1)
            ? html`<button type="button" class="rotation" aria-describedby="rotation-note" @click=${() => (this.rotationStopped = !this.rotationStopped)}>
                  ${this.rotationStopped ? this.t('resumeRotation') : this.t('pauseRotation')}
                </button>
                <span class="note" id="rotation-note">${this.t('rotationNote', { seconds: Math.max(3, Number(this.rotateSeconds) || 15) })}</span>`
            : nothing}
        </div>
      </div>
      ${this.exportError ? html`<p class="error" role="alert">${this.t('exportFailed', { reason: this.reason(this.exportError) })}</p>` : nothing}`;
  }

  private renderTrail(): TemplateResult | typeof nothing {
    const v = this.view;
    const nav = this.nav;
    if (!v || !nav) return nothing;
    const item = nav.item ? v.items.find((i) => i.metric === nav.item) : undefined;
    const crumbs: { label: TemplateResult; go: (() => void) | null; state: DashboardState | null }[] = v.trail.map((o, i) => {
      const last = i === v.trail.length - 1 && !item;
      const state = { ...nav, org: o.code, item: null };
      return { label: this.show(o.name), go: last ? null : () => (o.code === v.org.code ? this.openItem(null) : this.drillTo(o.code, 'breadcrumb')), state: last ? null : state };
    });
    if (item) crumbs.push({ label: this.show(item.title), go: null, state: null });
    return html`<nav class="trail" part="breadcrumb" aria-label=${this.t('breadcrumb')}>
      <ol>
        ${crumbs.map((c) => {
          if (!c.go) return html`<li><span aria-current="page">${c.label}</span></li>`;
          const go = c.go;
          const click = (e: Event) => {
            e.preventDefault();
            go();
          };
          return html`<li>${this.historyOn && c.state ? html`<a href=${urlWithState(location.href, this.param, c.state)} @click=${click}>${c.label}</a>` : html`<button type="button" class="link" @click=${click}>${c.label}</button>`}</li>`;
        })}
      </ol>
    </nav>`;
  }

  private renderView(v: StatisticsView): TemplateResult {
    return html`
      ${this.renderKpis(v)}
      ${v.figures.length > 1
        ? html`<label class="field figure-picker">
            <span>${this.t('figure')}</span>
            <select name="figure" @change=${(e: Event) => (this.figure = Number((e.target as HTMLSelectElement).value))}>
              ${v.figures.map((f, i) => html`<option value=${i} ?selected=${i === this.figure} lang=${ifDefined(this.textOf(f.title).lang)}>${this.plain(f.title)}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.chartsError ? html`<p class="error" role="alert">${this.t('chartsFailed', { reason: this.reason(this.chartsError) })}</p>` : nothing}
      <div class="grid">
        ${this.renderTrend(v)} ${this.renderBreakdown(v)} ${this.renderMap(v)} ${this.renderRanking(v)}
        ${this.warningsShown ? html`<div class="panel warnings" part="panel warnings"><sifa-warnings mode="compact" limit="5" org-code=${v.org.code}></sifa-warnings></div>` : nothing}
      </div>
      ${this.renderItems(v)} ${this.renderEntries(v)}
    `;
  }

  private renderKpis(v: StatisticsView): TemplateResult {
    return html`<h3 class="sr-only" id="kpis-title">${this.t('kpis')}</h3>
      <ul class="kpis" part="kpis" aria-labelledby="kpis-title">
        ${v.figures.map((f, i) => {
          const k = v.kpis[i] ?? { value: null, previous: null };
          const c = this.changeText(k.value, k.previous);
          return html`<li class="kpi" part="kpi" data-key=${f.key} data-value=${k.value ?? ''} data-previous=${k.previous ?? ''}>
            <h4 class="kpi-title">${this.show(f.title)}</h4>
            <p class="kpi-value">${this.withUnit(k.value, f.unit)}</p>
            ${v.comparePeriod
              ? html`<p class="kpi-previous">${this.t('previousValue', { value: this.withUnit(k.previous, f.unit) })}</p>
                  <p class="kpi-change ${c.dir}"><span class="arrow" aria-hidden="true">${c.arrow}</span> ${c.text}</p>`
              : nothing}
          </li>`;
        })}
      </ul>`;
  }

  /** A chart panel: heading, the chart (once its chunk is here), a legend, and a data table behind a toggle. */
  private panel(id: string, title: string, chart: TemplateResult | typeof nothing, table: () => TemplateResult, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const open = this.tables[id] === true;
    return html`<section class="panel ${id}" part="panel ${id}" aria-labelledby=${`${id}-title`}>
      <h3 id=${`${id}-title`}>${title}</h3>
      ${this.charts ? html`<div class="chart-box">${chart}</div>` : this.chartsError ? nothing : html`<p class="loading">${this.t('loadingCharts')}</p>`} ${extra}
      <button type="button" class="table-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`${id}-table`} @click=${() => (this.tables = { ...this.tables, [id]: !open })}>
        ${open ? this.t('hideTable') : this.t('showTable')}
      </button>
      <div class="scroll" id=${`${id}-table`} ?hidden=${!open} tabindex=${open ? '0' : '-1'} role="region" aria-label=${this.t('tableCaption', { title })}>${open ? table() : nothing}</div>
    </section>`;
  }

  private legend(names: string[], kind: 'line' | 'bar'): TemplateResult | typeof nothing {
    if (!this.charts || names.length < 2) return nothing;
    const charts = this.charts;
    return html`<ul class="legend" aria-label=${this.t('legend')}>
      ${names.map((n, i) => html`<li>${charts.legendSwatch(i, kind)}${n}</li>`)}
    </ul>`;
  }

  private renderTrend(v: StatisticsView): TemplateResult {
    const single = v.figures.length === 1;
    const title = single ? this.t('trend', { figure: this.plain(v.figures[0]!.title) }) : this.t('trendMany');
    const kind = v.entry.chart === 'bar' ? 'bar' : 'line';
    const ratio = v.figures.some((f) => f.key === 'ratio');
    const names = v.figures.map((f) => this.plain(f.title));
    const chart = this.charts
      ? this.charts.seriesChart({
          ...this.chartBase('trend', title, (x) => (x === null ? this.t('noValue') : this.num(x))),
          kind,
          buckets: v.series.map((s) => this.bucketText(s.bucket)),
          series: v.figures.map((f, i) => ({ name: this.plain(f.title), values: v.series.map((s) => s.values[i] ?? null) })),
          integer: !ratio && v.series.every((s) => s.values.every((x) => x === null || Number.isInteger(x))),
        })
      : nothing;
    return this.panel(
      'trend',
      title,
      chart,
      () => html`<table>
        <caption>${this.t('tableCaption', { title })}</caption>
        <thead><tr><th scope="col">${this.t('colBucket')}</th>${v.figures.map((f) => html`<th scope="col" class="num">${this.show(f.title)}</th>`)}</tr></thead>
        <tbody>
          ${v.series.map((s) => html`<tr data-bucket=${s.bucket}><th scope="row">${this.bucketText(s.bucket).long}</th>${v.figures.map((f, i) => html`<td class="num" data-value=${s.values[i] ?? ''}>${this.withUnit(s.values[i] ?? null, f.unit)}</td>`)}</tr>`)}
        </tbody>
      </table>`,
      this.legend(names, kind),
    );
  }

  private renderBreakdown(v: StatisticsView): TemplateResult | typeof nothing {
    if (v.breakdown.length === 0) return nothing;
    const f = v.figures[this.figure] ?? v.figures[0]!;
    const fi = v.figures.indexOf(f);
    const title = this.t('breakdown', { figure: this.plain(f.title) });
    const canDrill = drillable.has(v.org.level);
    const hint = v.org.level === 'county' ? this.t('officeHint') : this.t('drillHint');
    const pie = v.entry.chart === 'pie' && f.key !== 'ratio';
    // The shown org's own row (figures at its own level, such as sealed files) is no drill-down target.
    const all = v.breakdown.map((b) => ({ name: this.plain(b.org.name) + (b.own ? this.t('ownLevel') : ''), value: b.values[fi] ?? null, code: b.own ? null : (b.org.code as string | null) }));
    // A pie has one distinct colour per slice: past the palette the smallest go together as "others".
    const slices = pie && this.charts ? this.charts.pieSlices(all, (count) => this.t('others', { count })) : all;
    const categories = slices.map((c) => ({ name: c.name, value: c.value, choosable: c.code !== null }));
    const choose = canDrill ? (i: number) => (slices[i]?.code ? this.drillTo(slices[i].code) : undefined) : undefined;
    const base = this.chartBase('breakdown', title, (x) => this.withUnit(x, f.unit), choose, hint);
    const integer = f.key !== 'ratio' && categories.every((c) => c.value === null || Number.isInteger(c.value));
    const total = categories.reduce((s, c) => s + Math.max(0, c.value ?? 0), 0);
    const share = (part: number) => formatNumber(this.ui, part, { style: 'percent', maximumFractionDigits: 1 });
    const chart = this.charts ? (pie ? this.charts.pieChart({ ...base, categories, integer }, share) : this.charts.barChart({ ...base, categories, integer })) : nothing;
    const legend = pie && this.charts ? this.legend(categories.map((c) => c.name), 'bar') : nothing;
    return this.panel(
      'breakdown',
      title,
      chart,
      () => html`<table>
        <caption>${this.t('tableCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('colOrg')}</th>
            <th scope="col" class="num">${this.t('colValue')}</th>
            ${v.comparePeriod ? html`<th scope="col" class="num">${this.t('colPrevious')}</th><th scope="col">${this.t('colChange')}</th>` : nothing}
            ${pie ? html`<th scope="col" class="num">%</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${v.breakdown.map((b) => {
            const value = b.values[fi] ?? null;
            const previous = b.previous[fi] ?? null;
            return html`<tr data-code=${b.org.code} data-own=${b.own ? 'true' : nothing}>
              <th scope="row">${b.own ? html`${this.show(b.org.name)}${this.t('ownLevel')}` : canDrill ? html`<button type="button" class="link" @click=${() => this.drillTo(b.org.code)}>${this.show(b.org.name)}</button>` : this.show(b.org.name)}</th>
              <td class="num" data-value=${value ?? ''}>${this.withUnit(value, f.unit)}</td>
              ${v.comparePeriod ? html`<td class="num" data-value=${previous ?? ''}>${this.withUnit(previous, f.unit)}</td><td>${this.changeText(value, previous).text}</td>` : nothing}
              ${pie ? html`<td class="num">${total > 0 ? share(Math.max(0, value ?? 0) / total) : '–'}</td>` : nothing}
            </tr>`;
          })}
        </tbody>
      </table>${v.breakdown.some((b) => b.own) ? html`<p class="note own-note">${this.t('ownNote')}</p>` : nothing}`,
      legend,
    );
  }

  private renderMap(v: StatisticsView): TemplateResult | typeof nothing {
    const regions = this.regions;
    if (!regions) return nothing;
    const f = v.figures[this.figure] ?? v.figures[0]!;
    const fi = v.figures.indexOf(f);
    const title = this.t('map', { figure: this.plain(f.title) });
    const byCode = new Map(v.breakdown.map((b) => [b.org.code, b]));
    const shown = regions.features.filter((r) => byCode.has(r.properties.code));
    if (shown.length === 0) return nothing;
    const charts = this.charts;
    const chart = charts
      ? charts.choropleth({
          ...this.chartBase('map', title, (x) => this.withUnit(x, f.unit), (i) => this.drillTo(shown[i]!.properties.code), v.org.level === 'county' ? this.t('officeHint') : this.t('drillHint')),
          regions: shown.map((r) => ({
            code: r.properties.code,
            name: this.plain(byCode.get(r.properties.code)!.org.name),
            value: byCode.get(r.properties.code)!.values[fi] ?? null,
            rings: charts.ringsOf(r.geometry),
            label: r.properties.label,
          })),
          current: null,
          legend: this.t('mapLegend', { figure: this.plain(f.title) }),
          noValue: this.t('noValue'),
        })
      : nothing;
    return this.panel(
      'map',
      title,
      chart,
      () => html`<table>
        <caption>${this.t('tableCaption', { title })}</caption>
        <thead><tr><th scope="col">${this.t('colOrg')}</th><th scope="col" class="num">${this.t('colValue')}</th></tr></thead>
        <tbody>
          ${shown.map((r) => {
            const b = byCode.get(r.properties.code)!;
            return html`<tr data-code=${b.org.code}><th scope="row">${this.show(b.org.name)}</th><td class="num" data-value=${b.values[fi] ?? ''}>${this.withUnit(b.values[fi] ?? null, f.unit)}</td></tr>`;
          })}
        </tbody>
      </table>`,
    );
  }

  private renderRanking(v: StatisticsView): TemplateResult | typeof nothing {
    if (v.ranking.length === 0) return nothing;
    // The ranking follows the figure charted (the picker), as the breakdown and the map do.
    const f = v.figures[this.figure] ?? v.figures[0]!;
    const fi = v.figures.indexOf(f);
    const ranking = fi === 0 ? v.ranking : rankByValue(v.ranking.map((r) => ({ ...r, value: r.values?.[fi] ?? null })));
    // A wall screen shows the top five, large, none cut off by the panel.
    const rows = this.bigScreen ? ranking.slice(0, 5) : this.rankingAll ? ranking : ranking.slice(0, rankingTop);
    return html`<section class="panel ranking" part="panel ranking" aria-labelledby="ranking-title">
      <h3 id="ranking-title">${this.t('ranking', { figure: this.plain(f.title) })}</h3>
      <ol class="ranking-list">
        ${rows.map(
          (r) => html`<li data-code=${r.org.code} data-rank=${r.rank} data-value=${r.value ?? ''}>
            <button type="button" class="rank-row" aria-label=${`${this.t('rankOf', { rank: r.rank })} ${this.plain(r.org.name)}: ${this.withUnit(r.value, f.unit)}, ${this.t('officeHint')}`} @click=${() => this.drillTo(r.org.code)}>
              <span class="rank">${this.t('rankOf', { rank: r.rank })}</span>
              <span class="name">${this.show(r.org.name)}</span>
              <span class="value">${this.withUnit(r.value, f.unit)}</span>
            </button>
          </li>`,
        )}
      </ol>
      ${ranking.length > rankingTop
        ? html`<button type="button" class="more" aria-expanded=${this.rankingAll ? 'true' : 'false'} @click=${() => (this.rankingAll = !this.rankingAll)}>
            ${this.rankingAll ? this.t('rankingTop', { count: rankingTop }) : this.t('rankingAll', { count: ranking.length })}
          </button>`
        : nothing}
    </section>`;
  }

  private renderItems(v: StatisticsView): TemplateResult | typeof nothing {
    if (v.items.length === 0) return nothing;
    const current = this.nav?.item;
    return html`<section class="panel items" part="items" aria-labelledby="items-title">
      <h3 id="items-title" tabindex="-1">${this.t('items')}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${this.t('tableCaption', { title: this.t('items') })}>
        <table aria-labelledby="items-title">
          <thead>
            <tr>
              <th scope="col">${this.t('colItem')}</th>
              <th scope="col" class="num">${this.t('colValue')}</th>
              ${v.comparePeriod ? html`<th scope="col" class="num">${this.t('colPrevious')}</th><th scope="col">${this.t('colChange')}</th>` : nothing}
              <th scope="col">${this.t('colRecords')}</th>
            </tr>
          </thead>
          <tbody>
            ${v.items.map(
              (i) => html`<tr data-metric=${i.metric} class=${current === i.metric ? 'current' : ''}>
                <th scope="row">${this.show(i.title)}</th>
                <td class="num" data-value=${i.value}>${this.withUnit(i.value, i.unit)}</td>
                ${v.comparePeriod ? html`<td class="num" data-value=${i.previous ?? ''}>${this.withUnit(i.previous, i.unit)}</td><td>${this.changeText(i.value, i.previous).text}</td>` : nothing}
                <td>
                  <button type="button" class="open-item" data-metric=${i.metric} aria-expanded=${current === i.metric ? 'true' : 'false'} aria-controls="entries" @click=${() => this.openItem(i.metric)}>
                    ${this.t('records')}<span class="sr-only">${this.t('recordsOf', { item: this.plain(i.title) })}</span>
                  </button>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderEntries(v: StatisticsView): TemplateResult | typeof nothing {
    const item = v.items.find((i) => i.metric === this.nav?.item);
    if (!item) return nothing;
    const e = this.entries;
    const limit = Math.min(200, Math.max(1, Math.floor(this.pageSize) || 20));
    const from = this.entriesOffset + 1;
    const several = v.org.level !== 'office';
    return html`<section id="entries" class="panel entries" part="entries" aria-labelledby="entries-title" aria-busy=${this.entriesLoading ? 'true' : 'false'}>
      <div class="entries-head">
        <h3 id="entries-title" tabindex="-1">${this.t('entries', { item: this.plain(item.title) })}</h3>
        <button type="button" class="back" @click=${() => this.openItem(null)}>${this.t('backToItems')}</button>
      </div>
      ${this.entriesLoading && !e ? html`<p class="loading">${this.t('loading')}</p>` : nothing}
      ${this.entriesError
        ? html`<p class="error" role="alert">${this.t('entriesFailed', { reason: this.reason(this.entriesError) })} <button type="button" class="retry" @click=${() => void this.loadEntries(this.entriesOffset, false)}>${this.t('retry')}</button></p>`
        : nothing}
      ${e && e.total === 0 ? html`<p class="empty">${this.t('noEntries')}</p>` : nothing}
      ${e && e.rows.length > 0
        ? html`<p class="count" id="entries-count">${this.t('entriesRange', { from, to: this.entriesOffset + e.rows.length, total: e.total })}</p>
            <div class="scroll" tabindex="0" role="region" aria-label=${this.t('tableCaption', { title: this.t('entries', { item: this.plain(item.title) }) })}>
              <table aria-labelledby="entries-title" aria-describedby="entries-count">
                <thead>
                  <tr>
                    <th scope="col">${this.t('colDay')}</th>
                    ${several ? html`<th scope="col">${this.t('colOrg')}</th>` : nothing}
                    <th scope="col" class="num">${this.t('colValue')}</th>
                    <th scope="col">${this.t('colSource')}</th>
                    <th scope="col">${this.t('colRecord')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${e.rows.map((row) => {
                    const href = this.href(row);
                    const detail = this.recordDetails[row.source.id];
                    const open = this.openRecords[row.source.id] === true;
                    const ref = this.recordRef(row);
                    const about = detail ? [detail.number, detail.item ? this.plain(detail.item) : null, detail.author].filter(Boolean).join(' · ') : '';
                    const detailId = `record-${row.source.id}`;
                    return html`<tr data-source=${row.source.id} data-kind=${row.source.kind} data-value=${row.value}>
                        <th scope="row"><time datetime=${row.day}>${this.dayText(row.day)}</time></th>
                        ${several ? html`<td>${this.show(row.org.name)}</td>` : nothing}
                        <td class="num">${this.withUnit(row.value, item.unit)}</td>
                        <td>${this.sourceLabel(row.source.kind)}</td>
                        <td class="record">
                          <span class="ref">${ref}</span>${about ? html`<span class="about">${about}</span>` : nothing}
                          ${href
                            ? html`<a class="open" href=${href} @click=${(ev: Event) => {
                                if (!this.emit<DashboardOpenRecordDetail>('sifa-dashboard-open-record', { kind: row.source.kind, id: row.source.id, orgCode: row.org.code, day: row.day, metric: item.metric, href })) ev.preventDefault();
                              }}>${this.t('openRecord')}<span class="sr-only">${this.t('recordOf', { ref })}</span></a>`
                            : html`<button type="button" class="open link" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailId} @click=${() => this.openRecord(row, item.metric)}>
                                ${this.t('openRecord')}<span class="sr-only">${this.t('recordOf', { ref })}</span>
                              </button>`}
                        </td>
                      </tr>
                      ${open
                        ? html`<tr class="record-detail" id=${detailId}>
                            <td colspan=${several ? 5 : 4}>
                              <dl>
                                <div><dt>${this.t('colRecord')}</dt><dd class="id">${row.source.id}</dd></div>
                                <div><dt>${this.t('colSource')}</dt><dd>${this.sourceLabel(row.source.kind)}</dd></div>
                                <div><dt>${this.t('colDay')}</dt><dd>${this.dayText(row.day)}</dd></div>
                                <div><dt>${this.t('colOrg')}</dt><dd>${this.show(row.org.name)}</dd></div>
                                ${detail?.number ? html`<div><dt>${this.t('recordNumber')}</dt><dd>${detail.number}</dd></div>` : nothing}
                                ${detail?.item ? html`<div><dt>${this.t('recordItem')}</dt><dd>${this.show(detail.item)}</dd></div>` : nothing}
                                ${detail?.author ? html`<div><dt>${this.t('recordAuthor')}</dt><dd>${detail.author}</dd></div>` : nothing}
                                ${detail?.savedAt ? html`<div><dt>${this.t('recordSaved')}</dt><dd>${this.timeText(detail.savedAt)}</dd></div>` : nothing}
                                ${(detail?.fields ?? []).map((f) => html`<div><dt>${this.show(f.label)}</dt><dd>${f.value}</dd></div>`)}
                              </dl>
                            </td>
                          </tr>`
                        : nothing}`;
                  })}
                </tbody>
              </table>
            </div>
            ${e.total > limit
              ? html`<div class="pager">
                  <button type="button" class="prev" ?disabled=${this.entriesOffset === 0} @click=${() => void this.loadEntries(Math.max(0, this.entriesOffset - limit), false)}>${this.t('previousPage')}</button>
                  <button type="button" class="next" ?disabled=${this.entriesOffset + e.rows.length >= e.total} @click=${() => void this.loadEntries(this.entriesOffset + limit, false)}>${this.t('nextPage')}</button>
                </div>`
              : nothing}`
        : nothing}
    </section>`;
  }
}
