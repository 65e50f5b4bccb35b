/**
 * <sifa-diary>: the work diary, "one minute a day". A month calendar shows which days have
 * entries, which working days have none and which are still to come; picking a day lists its
 * entries with their state and offers quick entry (recent and starred items first); each item's
 * form is generated from its field specs and validated by `diaryFieldsSchema(item)`, the schema
 * the server validates with. Every change goes to the offline outbox first (outbox.ts) and
 * syncs from there.
 *
 * First load: the calendar, the day lists and the outbox, with the zh-CN messages. The entry
 * form (and zod, which it validates with), quick entry (which only opens the form) and their
 * styles are a chunk loaded when the user first reaches for it or the browser is idle (form.ts);
 * the en and mn-Mong messages are chunks loaded when shown (messages.ts).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
// No diary values from @sifa/core: they live beside zod (diary-fields.ts), which only the form chunk loads.
import { pickText, type DiaryFieldSpec, type FieldIssue, type Locale, type LocalizedText } from '@sifa/core';
import type { DiaryCatalog, DiaryEntry, DiaryMonth } from '@sifa/plugin-diary';
import { SifaElement } from '../base/sifa-element.js';
import { getSifaConfig } from '../config/config.js';
import { formatDate, formatNumber } from '../i18n/i18n.js';
import { SifaClientError, type SifaClient } from '../client/client.js';
import { Outbox, type DiaryCalls, type EntryRef, type OutboxOp, type OutboxRecord } from './outbox.js';
import { diaryMessages, type DiaryMessageKey } from './messages.js';
import { diaryStyles } from './sifa-diary.styles.js';
import type { AttachmentMeta, CatalogItem, FormHost, FormKit, FormMode, FormState } from './form.js';

type FormModule = typeof import('./form.js');

/** The platform procedure that says who the caller is (any signed-in user or embed token may ask). */
export type DiaryPlatformCalls = {
  'platform.auth.me': { type: 'query'; input: undefined; output: { userId: string; permissions: string[] } };
};

/** Who uses the widget, as the server says: whose entries are theirs, and whether they may write. */
interface Caller {
  userId: string;
  canWrite: boolean;
}

/** `sifa-diary-saved`: a change was stored on this device (it syncs next). */
export interface DiarySavedDetail {
  idempotencyKey: string;
  op: OutboxOp;
  day: string;
  itemCode: string;
}
/** `sifa-diary-synced`: the server accepted a change; `entry` is null for a removal. */
export interface DiarySyncedDetail extends DiarySavedDetail {
  entry: DiaryEntry | null;
}
/** `sifa-diary-rejected`: the server refused a change; `reason` and `issues` are in the user's language. */
export interface DiaryRejectedDetail extends DiarySavedDetail {
  code: string;
  reason: string;
  issues: FieldIssue[];
}

/** How an entry shows in the day list: the server's copy merged with this device's pending changes. */
interface EntryView {
  /** The idempotency key of the save that made it (the server keeps it as `idempotencyKey`). */
  key: string;
  id: string | null;
  day: string;
  itemCode: string;
  fields: Record<string, unknown>;
  state: 'synced' | 'local' | 'syncing' | 'rejected';
  entry: DiaryEntry | null;
  /** A change of it not yet on the server. */
  pending: 'update' | 'remove' | null;
  /** Why the server refused the save or a later change (and that record's key, to dismiss it). */
  rejection: { reason: string; issues: FieldIssue[]; recordKey: string; code: string } | null;
}

type DayKind = 'filled' | 'missing' | 'future' | 'rest';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const parseDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const addDays = (day: string, n: number) => {
  const d = parseDay(day);
  d.setDate(d.getDate() + n);
  return isoOf(d);
};
const addMonths = (day: string, n: number) => {
  const d = parseDay(day);
  const target = new Date(d.getFullYear(), d.getMonth() + n, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d.getDate(), last));
  return isoOf(target);
};
/** Monday = 0 … Sunday = 6 (weeks start on Monday in China). */
const weekdayOf = (day: string) => (parseDay(day).getDay() + 6) % 7;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Monday to Friday. Hosts that know the official calendar (调休) pass their own `workingDay`. */
export const mondayToFriday = (day: string) => weekdayOf(day) < 5;

/** The form chunk, loaded once per page. */
let formModule: FormModule | null = null;
let formLoading: Promise<FormModule> | null = null;
function loadForm(): Promise<FormModule> {
  formLoading ??= import('./form.js').then(
    (m) => (formModule = m),
    (error: unknown) => {
      formLoading = null;
      throw error;
    },
  );
  return formLoading;
}
/**
 * Lit's `ifDefined` (lit/directives/if-defined.js is exactly this line): written here, it costs the
 * first load neither the directive's own chunk nor a request for it.
 */
const ifDefined = <T,>(value: T) => value ?? nothing;
/** What the form chunk uses of this chunk (form.ts, IMPORTS). */
const formKit: FormKit = { html, nothing, ifDefined, pickText, formatNumber };
/** Starts fetching the form chunk (a failure is tried again when the form is opened). */
const preloadForm = () => void loadForm().catch(() => undefined);

/** Runs `work` when the browser is idle (at the latest after 3 s). */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 1500);
}

/** Stars are the user's own: one list per user on a shared device. */
const favouritesKey = (userId: string) => `sifa-diary:favourites:${userId}`;
/** The last caller the server confirmed for a storage name: who the widget is for when it starts offline. */
const lastCallerKey = (base: string) => `sifa-diary:caller:${base}`;

function rememberCaller(base: string, caller: Caller): void {
  try {
    localStorage.setItem(lastCallerKey(base), JSON.stringify(caller));
  } catch {
    // Storage may be off (private mode): an offline start then shows nothing until the server answers.
  }
}

function rememberedCaller(base: string): Caller | null {
  try {
    const value = JSON.parse(localStorage.getItem(lastCallerKey(base)) ?? 'null') as Partial<Caller> | null;
    return value && typeof value.userId === 'string' ? { userId: value.userId, canWrite: value.canWrite === true } : null;
  } catch {
    return null;
  }
}

/** One outbox per storage name on a page, shared by the diaries using it. */
const outboxes = new Map<string, { outbox: Promise<Outbox>; users: number; locale: Locale }>();

function acquireOutbox(name: string, owner: string, client: SifaClient, locale: Locale) {
  let shared = outboxes.get(name);
  if (!shared) {
    const entry: { outbox: Promise<Outbox>; users: number; locale: Locale } = { outbox: null as never, users: 0, locale };
    entry.outbox = Outbox.open({ name, owner, client, locale: () => entry.locale });
    entry.outbox.catch(() => outboxes.delete(name));
    outboxes.set(name, entry);
    shared = entry;
  }
  shared.users++;
  void shared.outbox.then((o) => o.start(), () => undefined);
  return shared;
}

function releaseOutbox(name: string) {
  const shared = outboxes.get(name);
  if (!shared) return;
  shared.users--;
  if (shared.users <= 0) void shared.outbox.then((o) => o.stop(), () => undefined);
}

/**
 * @summary The work diary: a month calendar of filled, missing and future days, quick entry, forms
 * generated from each diary item's schema, offline-first saving with a visible sync state.
 *
 * @fires sifa-diary-saved - A change (save, update, remove) is stored on this device. Detail: `DiarySavedDetail`.
 * @fires sifa-diary-synced - The server accepted a change. Detail: `DiarySyncedDetail`.
 * @fires sifa-diary-rejected - The server refused a change, with its reason in the user's language. Detail: `DiaryRejectedDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart calendar - The month grid.
 * @csspart day - Each day button (with `day-filled`, `day-missing`, `day-future` or `day-rest`, and `day-selected`).
 * @csspart entry - One entry in the selected day's list.
 * @csspart form - The entry form.
 * @csspart status - Connection and sync state.
 *
 * @cssprop --sifa-diary-vertical-size - Height of the widget when it is laid out vertically (Mongolian); default 34em.
 * @cssprop --sifa-color-primary - Buttons and the selected day (see the theme tokens for the rest).
 */
export class SifaDiary extends SifaElement {
  static override styles = [...SifaElement.styles, diaryStyles];

  /** The office whose diary is shown and written (default: the signed-in user's own). */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The month shown first, YYYY-MM (default: the current month). */
  @property({ reflect: true }) month: string | undefined;

  /**
   * Name of this device's storage for pending entries (IndexedDB). Defaults to one per server;
   * each user gets their own partition of it (`<name>:<user id>`, the user as the server says),
   * so on a computer shared by several users nobody sees or sends another's entries.
   */
  @property({ attribute: 'storage-key' }) storageKey: string | undefined;

  /** Which days count as working days (missing entries are flagged on those); Monday–Friday by default. */
  @property({ attribute: false }) workingDay: (day: string) => boolean = mondayToFriday;

  @state() private shownMonth = isoOf(new Date()).slice(0, 7);
  @state() private selectedDay: string | null = null;
  @state() private focusDay: string | null = null;
  @state() private catalog: DiaryCatalog | null = null;
  @state() private monthData: DiaryMonth | null = null;
  @state() private records: OutboxRecord[] = [];
  /** Who is using the widget (the server's answer, or the last one it gave when offline); null until known. */
  @state() private caller: Caller | null = null;
  /** True until the first answer (or failure) from the server, and while asking again. */
  @state() private loading = true;
  /** Why the last load failed (shown in the user's language), or null. */
  @state() private loadError: string | null = null;
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  @state() private form: FormState | null = null;
  /** Why the form could not be opened (its chunk did not load), or null. */
  @state() private formError: string | null = null;
  @state() private confirming: string | null = null;
  @state() private favourites: string[] = [];
  @state() private announcement = '';
  /** The save the announcement is about, until it syncs. */
  private announced: { key: string; itemCode: string } | null = null;

  private outbox: Outbox | null = null;
  private outboxName: string | null = null;
  /** The storage name the outbox was chosen for (its user's partition is `<base>:<user id>`). */
  private outboxBase: string | null = null;
  private attachSeq = 0;
  private loadSeq = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** The form asked for while its chunk loads (picking another day or item replaces it). */
  private opening: object | null = null;

  private t(key: DiaryMessageKey, params?: Record<string, string | number>): string {
    return diaryMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onConnectivity);
    addEventListener('offline', this.onConnectivity);
    // The form's chunk is not part of the first load: it is fetched when the user first reaches
    // into the widget, or when the browser is idle after the calendar shows — offline first:
    // a connection lost later must not keep the form from opening.
    this.addEventListener('focusin', preloadForm);
    this.addEventListener('pointerdown', preloadForm);
    void this.updateComplete.then(() => whenIdle(preloadForm));
    void this.attachOutbox();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onConnectivity);
    removeEventListener('offline', this.onConnectivity);
    this.removeEventListener('focusin', preloadForm);
    this.removeEventListener('pointerdown', preloadForm);
    this.detachOutbox();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }


  protected override configChanged(): void {
    // A new token source may be another user: ask again who is calling.
    void this.attachOutbox(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('month') && this.month && monthPattern.test(this.month)) this.shownMonth = this.month;
    if (changed.has('locale')) {
      const shared = this.outboxName ? outboxes.get(this.outboxName) : undefined;
      if (shared) shared.locale = this.locale;
    }
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(diaryMessages, this.locale);
    if (!this.isConnected) return;
    if (changed.has('storageKey') && this.storageName() !== this.outboxBase) void this.attachOutbox();
    else if ((changed.has('shownMonth') || changed.has('orgCode')) && this.outbox) void this.load();
  }

  private readonly onConnectivity = () => {
    this.online = navigator.onLine;
    if (this.online) this.scheduleRefresh(0);
    if (this.online && this.shown !== this.locale) {
      this.speaking = null;
      this.requestUpdate();
    }
  };

  // ---- data -----------------------------------------------------------------------------------

  private storageName(): string {
    return this.storageKey ?? `sifa-diary:${getSifaConfig()?.endpoint ?? ''}`;
  }

  /**
   * Who is calling, from the server (`platform.auth.me`): the user whose store (outbox, cached
   * months, stars) the widget opens, and whether they may write. Unreachable: the last caller the
   * server confirmed here. Refused (nobody signed in): null.
   */
  private async askCaller(base: string): Promise<Caller | null> {
    try {
      const me = await this.client.query<DiaryPlatformCalls, 'platform.auth.me'>('platform.auth.me', undefined, this.locale);
      const caller = { userId: me.userId, canWrite: me.permissions.includes('diary.write') };
      rememberCaller(base, caller);
      return caller;
    } catch (error) {
      if (error instanceof SifaClientError && !error.retryable) {
        this.loadError = this.plainReason(error);
        return null;
      }
      return rememberedCaller(base);
    }
  }

  /**
   * Opens the caller's own partition of this device's storage (`<storage name>:<user id>`), so
   * the next user of a shared computer never sees, edits or sends the last one's entries.
   */
  private async attachOutbox(askAgain = false): Promise<void> {
    const base = this.storageName();
    if (base === this.outboxBase && !askAgain) return;
    const seq = ++this.attachSeq;
    this.outboxBase = base;
    this.loading = true;
    const caller = await this.askCaller(base);
    if (seq !== this.attachSeq || !this.isConnected) return;
    const name = caller ? `${base}:${caller.userId}` : null;
    if (caller?.userId !== this.caller?.userId) this.forgetUser();
    this.caller = caller;
    if (name === this.outboxName && this.outbox) {
      await this.load();
      return;
    }
    this.detachOutbox();
    this.outboxBase = base;
    if (!caller || !name) {
      this.loading = false;
      this.loadError ??= this.t('signedOut');
      return;
    }
    this.favourites = readFavourites(caller.userId);
    this.outboxName = name;
    const shared = acquireOutbox(name, caller.userId, this.client, this.locale);
    try {
      const outbox = await shared.outbox;
      if (this.outboxName !== name) return;
      this.outbox = outbox;
      outbox.addEventListener('change', this.onOutboxChange);
      outbox.addEventListener('synced', this.onSynced);
      outbox.addEventListener('rejected', this.onRejected);
      await this.load();
    } catch (error) {
      this.loading = false;
      this.loadError = this.plainReason(error);
    }
  }

  /** Why a call failed, in plain words: never a permission's or an error's code. */
  private plainReason(error: unknown): string {
    if (error instanceof SifaClientError) {
      if (error.retryable) return this.t('unreachable');
      if (error.sifaCode === 'UNAUTHENTICATED' || error.sifaCode === 'TOKEN_EXPIRED') return this.t('signedOut');
      if (error.sifaCode === 'FORBIDDEN' && typeof error.details['permission'] === 'string') {
        return this.t(error.details['permission'] === 'diary.write' ? 'noWritePermission' : 'noReadPermission');
      }
    }
    return error instanceof Error ? error.message : String(error);
  }

  /** Why the server refused a change, in plain words. */
  private rejectionReason(record: OutboxRecord): string {
    if (record.code === 'DEPENDENCY_REJECTED') return this.t('dependencyRejected');
    if (record.code === 'FORBIDDEN' && record.permission) return this.t(record.permission === 'diary.write' ? 'noWritePermission' : 'noReadPermission');
    return record.reason ?? '';
  }

  /** Drops what was shown for the previous user (their month, records, open form, stars). */
  private forgetUser(): void {
    this.catalog = null;
    this.monthData = null;
    this.records = [];
    this.favourites = [];
    this.closeForm();
    this.confirming = null;
    this.announcement = '';
    this.announced = null;
    this.loadError = null;
  }

  private detachOutbox(): void {
    if (this.outbox) {
      this.outbox.removeEventListener('change', this.onOutboxChange);
      this.outbox.removeEventListener('synced', this.onSynced);
      this.outbox.removeEventListener('rejected', this.onRejected);
    }
    if (this.outboxName) releaseOutbox(this.outboxName);
    this.outbox = null;
    this.outboxName = null;
    this.outboxBase = null;
  }

  private monthCacheKey(): string {
    return `month:${this.orgCode ?? ''}:${this.shownMonth}`;
  }

  /** Shows what this device has first (cache, outbox), then asks the server. */
  private async load(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    const seq = ++this.loadSeq;
    const month = this.shownMonth;
    const cacheKey = this.monthCacheKey();
    this.loading = true;
    const [catalog, cachedMonth, records] = await Promise.all([
      this.catalog ? Promise.resolve(this.catalog) : outbox.cached<DiaryCatalog>('catalog'),
      outbox.cached<DiaryMonth>(cacheKey),
      outbox.list(),
    ]);
    if (seq !== this.loadSeq) return;
    this.catalog = catalog ?? null;
    this.monthData = cachedMonth ?? null;
    this.records = records;
    try {
      const input = this.orgCode ? { month, orgCode: this.orgCode } : { month };
      const [freshCatalog, freshMonth] = await Promise.all([
        this.client.query<DiaryCalls, 'diary.catalog'>('diary.catalog', undefined, this.locale),
        this.client.query<DiaryCalls, 'diary.month'>('diary.month', input, this.locale),
      ]);
      await Promise.all([outbox.cache('catalog', freshCatalog), outbox.cache(cacheKey, freshMonth)]);
      if (seq !== this.loadSeq) return;
      this.catalog = freshCatalog;
      this.monthData = freshMonth;
      this.loadError = null;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.loadError = this.plainReason(error);
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  /** Asks the server again for the catalog and the month shown (after changes made elsewhere). */
  async refresh(): Promise<void> {
    await this.load();
  }

  private scheduleRefresh(delayMs = 300): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.load();
    }, delayMs);
  }

  private readonly onOutboxChange = async () => {
    // The element may be disconnected (its outbox closed) while the list is read.
    const outbox = this.outbox;
    if (!outbox) return;
    try {
      const records = await outbox.list();
      if (this.outbox === outbox) this.records = records;
    } catch (error) {
      if (this.outbox === outbox) throw error; // a closed outbox of a removed element says nothing
    }
  };

  private readonly onSynced = (event: CustomEvent<OutboxRecord>) => {
    // The entry just saved is on the server now: its "saved" stays, "saved on this device" goes
    // (the status says everything is synced). Any other sync ends the announcement.
    const saved = this.announced;
    this.announced = null;
    this.announcement = saved?.key === event.detail.idempotencyKey ? this.t('saved', { item: this.itemTitle(saved.itemCode) }) : '';
    this.emit<DiarySyncedDetail>('sifa-diary-synced', { ...detailOf(event.detail), entry: event.detail.entry });
    this.scheduleRefresh();
  };

  private readonly onRejected = (event: CustomEvent<OutboxRecord>) => {
    const r = event.detail;
    const reason = this.rejectionReason(r);
    this.emit<DiaryRejectedDetail>('sifa-diary-rejected', { ...detailOf(r), code: r.code ?? '', reason, issues: r.issues });
  };

  // ---- derived ----------------------------------------------------------------------------------

  private get today(): string {
    return isoOf(new Date());
  }

  private item(code: string): CatalogItem | undefined {
    return this.catalog?.items.find((i) => i.code === code);
  }

  /** Text in the user's language; Mongolian falls back to Chinese, marked as such. */
  private text(value: LocalizedText | undefined): { text: string; lang: string | undefined } {
    if (!value) return { text: '', lang: undefined };
    if (this.ui === 'en') return { text: value.en, lang: undefined };
    if (this.ui === 'mn-Mong' && !value.mn) return { text: value.zh, lang: 'zh-CN' };
    return { text: this.ui === 'mn-Mong' ? value.mn! : value.zh, lang: undefined };
  }

  private renderText(value: LocalizedText | undefined): TemplateResult {
    const { text, lang } = this.text(value);
    return lang ? html`<span lang=${lang}>${text}</span>` : html`${text}`;
  }

  private itemTitle(code: string): string {
    const item = this.item(code);
    return item ? this.text(item.title).text : code;
  }

  /** Entries of the month: the server's, merged with this device's records (in the order made). */
  private entryViews(): EntryView[] {
    const views: EntryView[] = [];
    const byKey = new Map<string, EntryView>();
    const byId = new Map<string, EntryView>();
    const add = (view: EntryView) => {
      views.push(view);
      byKey.set(view.key, view);
      if (view.id) byId.set(view.id, view);
    };
    for (const entry of this.monthData?.entries ?? []) {
      add({ key: entry.idempotencyKey, id: entry.id, day: entry.day, itemCode: entry.itemCode, fields: entry.fields, state: 'synced', entry, pending: null, rejection: null });
    }
    const month = this.shownMonth;
    for (const r of this.records) {
      if (r.op === 'save') {
        if (byKey.has(r.idempotencyKey)) continue;
        if (r.state === 'synced') {
          if (r.entry && r.entry.day.startsWith(month) && (!this.monthData?.orgCode || this.belongsHere(r.entry.orgCode))) {
            add({ key: r.idempotencyKey, id: r.entry.id, day: r.entry.day, itemCode: r.entry.itemCode, fields: r.entry.fields, state: 'synced', entry: r.entry, pending: null, rejection: null });
          }
          continue;
        }
        if (!r.payload.day.startsWith(month) || (r.payload.orgCode ?? undefined) !== (this.orgCode ?? undefined)) continue;
        add({
          key: r.idempotencyKey,
          id: null,
          day: r.payload.day,
          itemCode: r.payload.itemCode,
          fields: r.payload.fields,
          state: r.state === 'queued' ? 'local' : r.state,
          entry: null,
          pending: null,
          rejection: r.state === 'rejected' ? { reason: this.rejectionReason(r), issues: r.issues, recordKey: r.idempotencyKey, code: r.code ?? '' } : null,
        });
        continue;
      }
      const target = 'id' in r.payload.target ? byId.get(r.payload.target.id) : byKey.get(r.payload.target.key);
      if (!target) continue;
      if (r.state === 'synced') {
        if (r.op === 'remove') views.splice(views.indexOf(target), 1);
        else if (r.entry && (!target.entry || r.entry.updatedAt >= target.entry.updatedAt)) {
          target.fields = r.entry.fields;
          target.entry = r.entry;
        }
      } else if (r.state === 'rejected') {
        target.rejection = { reason: this.rejectionReason(r), issues: r.issues, recordKey: r.idempotencyKey, code: r.code ?? '' };
      } else {
        target.pending = r.op;
        if (r.op === 'update') target.fields = r.payload.fields;
      }
    }
    return views;
  }

  /** A synced entry belongs to this view when it is in the org shown (or below it). */
  private belongsHere(orgCode: string): boolean {
    const shown = this.monthData?.orgCode;
    return !shown || orgCode.startsWith(shown);
  }

  /**
   * Whether the caller wrote the entry: the server's author against the server's caller (never
   * this device's memory). A change still only here is in the caller's own partition: theirs.
   */
  private isOwn(view: EntryView): boolean {
    if (!view.entry) return true;
    return this.caller !== null && view.entry.authorId === this.caller.userId;
  }

  /** Whether the caller may write the diary at all (`diary.write`, as the server says). */
  private get canWrite(): boolean {
    return this.caller?.canWrite === true;
  }

  private isEditable(view: EntryView): boolean {
    if (!this.canWrite) return false;
    if (view.pending || view.state === 'syncing') return false;
    if (!this.isOwn(view)) return false;
    return !view.entry || Date.parse(view.entry.editableUntil) > Date.now();
  }

  private dayKind(day: string, count: number): DayKind {
    if (day > this.today) return 'future';
    if (count > 0) return 'filled';
    return this.workingDay(day) ? 'missing' : 'rest';
  }

  // ---- formatting ---------------------------------------------------------------------------------

  private dayDate(day: string): string {
    const [, m, d] = day.split('-').map(Number) as [number, number, number];
    const monthName = this.ui === 'en' ? formatDate('en', day, { month: 'long' }) : '';
    return this.t('dayDate', { month: m, day: d, monthName });
  }

  private weekdayName(day: string, long = true): string {
    return this.t(long ? 'weekdaysLong' : 'weekdays').split(',')[weekdayOf(day)] ?? '';
  }

  private monthTitle(month: string): string {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const monthName = this.ui === 'en' ? formatDate('en', `${month}-01`, { month: 'long' }) : '';
    return this.t('monthTitle', { year: y, month: m, monthName });
  }

  private time(iso: string): string {
    if (this.ui === 'mn-Mong') {
      const d = new Date(iso);
      return `${isoOf(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
    return formatDate(this.ui, iso, { dateStyle: 'medium', timeStyle: 'short' });
  }

  private fieldValue(spec: DiaryFieldSpec, value: unknown): TemplateResult | string {
    if (value === undefined || value === null || value === '') return '—';
    switch (spec.kind) {
      case 'count':
        return `${formatNumber(this.ui, Number(value))}${spec.unit ? ` ${this.text(spec.unit).text}` : ''}`;
      case 'minutes':
        return `${formatNumber(this.ui, Number(value))} ${this.t('minutes')}`;
      case 'choice': {
        const option = spec.options.find((o) => o.value === value);
        return option ? this.renderText(option.title) : String(value);
      }
      case 'attachments':
        return Array.isArray(value) ? (value as AttachmentMeta[]).map((f) => f.name).join('、') || '—' : '—';
      default:
        return String(value);
    }
  }

  // ---- calendar -----------------------------------------------------------------------------------

  private get vertical(): boolean {
    return this.ui === 'mn-Mong';
  }

  private moveFocus(day: string): void {
    this.focusDay = day;
    if (day.slice(0, 7) !== this.shownMonth) this.shownMonth = day.slice(0, 7);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[data-day="${day}"]`)?.focus());
  }

  private onCalendarKey(event: KeyboardEvent): void {
    const from = (event.target as HTMLElement).dataset['day'];
    if (!from) return;
    // Vertical (Mongolian): weekdays run down a column and weeks across, so the axes swap.
    const [prevDay, nextDay, prevWeek, nextWeek] = this.vertical ? ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] : ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    const moves: Record<string, () => string> = {
      [prevDay]: () => addDays(from, -1),
      [nextDay]: () => addDays(from, 1),
      [prevWeek]: () => addDays(from, -7),
      [nextWeek]: () => addDays(from, 7),
      Home: () => addDays(from, -weekdayOf(from)),
      End: () => addDays(from, 6 - weekdayOf(from)),
      PageUp: () => addMonths(from, -1),
      PageDown: () => addMonths(from, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.moveFocus(move());
  }

  /** Future days can be selected too (the panel then says no entries can be made for them). */
  private selectDay(day: string): void {
    this.focusDay = day;
    this.selectedDay = day;
    this.closeForm();
    this.confirming = null;
    // Quick entry comes with the form chunk (it only opens the form): show it when the chunk is
    // here, or say why it did not come (picking a day again tries again).
    if (!formModule) {
      this.track(
        loadForm().then(
          () => this.requestUpdate(),
          (error: unknown) => {
            if (this.selectedDay === day) this.formError = error instanceof Error ? error.message : String(error);
          },
        ),
      );
    }
  }

  private changeMonth(delta: number): void {
    const day = addMonths(`${this.shownMonth}-01`, delta);
    this.shownMonth = day.slice(0, 7);
    this.focusDay = null;
    this.closeForm();
  }

  // ---- favourites -----------------------------------------------------------------------------

  private toggleFavourite(code: string): void {
    if (!this.caller) return;
    this.favourites = this.favourites.includes(code) ? this.favourites.filter((c) => c !== code) : [...this.favourites, code];
    try {
      localStorage.setItem(favouritesKey(this.caller.userId), JSON.stringify(this.favourites));
    } catch {
      // Storage may be off (private mode): the stars then last for this page only.
    }
  }

  // ---- form (rendered and checked by the form chunk, form.ts) -----------------------------------

  private openForm(item: CatalogItem, mode: FormMode = { kind: 'new' }, fields: Record<string, unknown> = {}): void {
    const request = {};
    this.opening = request;
    this.confirming = null;
    this.formError = null;
    this.track(
      loadForm().then(
        (m) => {
          if (this.opening !== request) return;
          this.opening = null;
          this.form = m.newForm(item, mode, fields);
          void this.focusAfterUpdate('form input, form select, form textarea');
        },
        (error: unknown) => {
          if (this.opening !== request) return;
          this.opening = null;
          this.formError = error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }

  private closeForm(): void {
    this.form = null;
    this.opening = null;
    this.formError = null;
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** What the form chunk may do with this element. */
  private readonly formHost: FormHost = {
    kit: formKit,
    lang: () => this.ui,
    getForm: () => this.form,
    setForm: (form) => (this.form = form),
    t: (key, params) => this.t(key, params),
    text: (value) => this.text(value),
    renderText: (value) => this.renderText(value),
    focusAfterUpdate: (selector) => this.focusAfterUpdate(selector),
    save: (form, data) => this.saveForm(form, data),
    root: () => this.renderRoot as ShadowRoot,
    quick: () => ({
      items: this.catalog?.items ?? [],
      loading: this.loading,
      favourites: this.favourites,
      records: this.records,
      entries: this.monthData?.entries ?? [],
      userId: this.caller?.userId,
    }),
    item: (code) => this.item(code),
    open: (item) => this.openForm(item),
    star: (code) => this.toggleFavourite(code),
  };

  /** Stores a valid form's data in the outbox (it syncs from there), closes the form, tells the page. */
  private async saveForm(form: FormState, data: Record<string, unknown>): Promise<void> {
    const day = this.selectedDay;
    if (!day || !this.outbox) return;
    const itemCode = form.item.code;
    const outbox = this.outbox;
    let record: OutboxRecord;
    if (form.mode.kind === 'new') {
      record = await outbox.save({ day, itemCode, fields: data, ...(this.orgCode ? { orgCode: this.orgCode } : {}) });
    } else {
      record = await outbox.update(form.mode.target, data, { day, itemCode });
    }
    // The saved entry is in the list before the form goes, so focus can move to it (not to <body>).
    this.records = await outbox.list();
    this.form = null;
    const key = form.mode.kind === 'new' ? record.idempotencyKey : form.mode.key;
    this.announce(`${this.t('saved', { item: this.itemTitle(itemCode) })} ${this.t('savedLocally')}`);
    this.announced = { key: record.idempotencyKey, itemCode };
    this.emit<DiarySavedDetail>('sifa-diary-saved', detailOf(record));
    await this.updateComplete;
    const saved = this.renderRoot.querySelector<HTMLElement>(`[part~="entry"][data-key="${key}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#day-title');
    saved?.focus();
  }

  private async removeEntry(view: EntryView): Promise<void> {
    if (!this.outbox) return;
    const target: EntryRef = view.id ? { id: view.id } : { key: view.key };
    const record = await this.outbox.remove(target, { day: view.day, itemCode: view.itemCode });
    this.confirming = null;
    this.emit<DiarySavedDetail>('sifa-diary-saved', { idempotencyKey: record?.idempotencyKey ?? view.key, op: 'remove', day: view.day, itemCode: view.itemCode });
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render() {
    // The first messages (en, mn-Mong) are still on their way: the empty frame, busy.
    if (!this.shown) return html`<section part="base" class="diary" lang=${this.locale} aria-busy="true"></section>`;
    const views = this.entryViews();
    const drafts = this.ui === 'mn-Mong' && diaryMessages.mnDrafts.size > 0;
    return html`
      <section part="base" class="diary ${this.vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <div class="head">
          <h2 id="title">${this.t('title')}</h2>
          ${this.renderStatus()}
        </div>
        ${this.loadError ? html`<p class="reason" role="alert">${this.t('loadFailed', { reason: this.loadError })}${this.monthData ? html` ${this.t('showingCached')}` : nothing}</p>` : nothing}
        ${this.renderCalendar(views)} ${this.renderLegend()} ${this.selectedDay?.startsWith(this.shownMonth) ? this.renderDay(this.selectedDay, views) : nothing}
      </section>
    `;
  }

  private renderStatus(): TemplateResult {
    const pending = this.records.filter((r) => r.state === 'queued' || r.state === 'syncing').length;
    const rejected = this.records.filter((r) => r.state === 'rejected').length;
    const syncing = this.records.some((r) => r.state === 'syncing');
    const state = syncing ? this.t('stateSyncing') : pending > 0 ? this.t('pending', { count: pending }) : rejected > 0 ? this.t('rejectedCount', { count: rejected }) : this.t('allSynced');
    return html`
      <div class="status-bar">
        <p part="status" class="status ${this.online ? 'online' : 'offline'}" role="status" data-pending=${pending} data-rejected=${rejected}>
          ${this.online ? this.t('online') : this.t('offline')} · ${state}${this.announcement ? html` · ${this.announcement}` : nothing}
        </p>
        ${pending > 0 ? html`<button type="button" class="sync-now" @click=${() => void this.outbox?.sync({ force: true })}>${this.t('syncNow')}</button>` : nothing}
      </div>
    `;
  }

  private renderCalendar(views: EntryView[]): TemplateResult {
    const month = this.shownMonth;
    const first = `${month}-01`;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const days = new Date(y, m, 0).getDate();
    const counts = new Map<string, number>();
    for (const v of views) counts.set(v.day, (counts.get(v.day) ?? 0) + (v.pending === 'remove' ? 0 : 1));
    const today = this.today;
    const focusDay = this.focusDay && this.focusDay.startsWith(month) ? this.focusDay : this.selectedDay?.startsWith(month) ? this.selectedDay : today.startsWith(month) ? today : first;
    const cells: TemplateResult[] = [];
    for (let i = 0; i < 7; i++) cells.push(html`<span class="weekday" aria-hidden="true">${this.t('weekdays').split(',')[i]}</span>`);
    for (let i = 0; i < weekdayOf(first); i++) cells.push(html`<span class="blank" aria-hidden="true"></span>`);
    for (let d = 1; d <= days; d++) {
      const day = `${month}-${pad(d)}`;
      const count = counts.get(day) ?? 0;
      const kind = this.dayKind(day, count);
      const stateText = kind === 'filled' ? this.t('dayFilled', { count }) : kind === 'missing' ? this.t('dayMissing') : kind === 'future' ? this.t('dayFuture') : this.t('dayRest');
      const mark = kind === 'filled' ? `✓${count}` : kind === 'missing' ? '!' : '';
      // The name starts with what the cell shows (its number and mark), so speech input matches it.
      const label = `${d}${mark ? ` ${mark}` : ''}, ${this.dayDate(day)} ${this.weekdayName(day)}, ${stateText}${day === today ? `, ${this.t('today')}` : ''}`;
      const selected = day === this.selectedDay;
      cells.push(html`<button
        type="button"
        part="day day-${kind}${selected ? ' day-selected' : ''}"
        class="day ${kind} ${day === today ? 'today' : ''}"
        data-day=${day}
        data-kind=${kind}
        tabindex=${day === focusDay ? 0 : -1}
        aria-label=${label}
        aria-pressed=${selected ? 'true' : 'false'}
        aria-current=${ifDefined(day === today ? 'date' : undefined)}
        aria-disabled=${ifDefined(kind === 'future' ? 'true' : undefined)}
        @click=${() => this.selectDay(day)}
      >
        <span class="num" aria-hidden="true">${d}</span>
        <span class="mark" aria-hidden="true">${mark}</span>
      </button>`);
    }
    return html`
      <div class="month-nav">
        <button type="button" class="prev" @click=${() => this.changeMonth(-1)}>${this.t('prevMonth')}</button>
        <h3 id="month-title">${this.monthTitle(month)}</h3>
        <button type="button" class="next" @click=${() => this.changeMonth(1)}>${this.t('nextMonth')}</button>
      </div>
      <div part="calendar" class="calendar" role="group" aria-label=${this.t('calendar', { month: this.monthTitle(month) })} aria-busy=${this.loading ? 'true' : 'false'} @keydown=${this.onCalendarKey}>
        ${cells}
      </div>
    `;
  }

  private renderLegend(): TemplateResult {
    const entries: [DayKind, string, string][] = [
      ['filled', '✓', this.t('legendFilled')],
      ['missing', '!', this.t('dayMissing')],
      ['future', '', this.t('dayFuture')],
      ['rest', '', this.t('dayRest')],
    ];
    return html`<ul class="legend" aria-label=${this.t('legend')}>
      ${entries.map(([kind, glyph, text]) => html`<li><span class="swatch ${kind}" aria-hidden="true">${glyph}</span>${text}</li>`)}
    </ul>`;
  }

  private renderDay(day: string, views: EntryView[]): TemplateResult {
    const ofDay = views.filter((v) => v.day === day);
    const future = day > this.today;
    return html`
      <section class="day-panel" aria-labelledby="day-title">
        <h3 id="day-title">${this.t('dayTitle', { date: `${this.dayDate(day)} ${this.weekdayName(day)}` })}</h3>
        ${ofDay.length === 0 ? html`<p class="empty">${future ? this.t('futureDay') : this.t('noEntries')}</p>` : html`<ul class="entries">${ofDay.map((v) => this.renderEntry(v))}</ul>`}
        ${this.formError ? html`<p class="reason" role="alert">${this.t('loadFailed', { reason: this.formError })}</p>` : nothing}
        ${future ? nothing : !this.canWrite ? (this.caller ? html`<p class="read-only">${this.t('readOnly')}</p>` : nothing) : !formModule ? (this.formError ? nothing : html`<p class="empty">${this.t('loading')}</p>`) : this.form ? formModule.renderForm(this.formHost, this.form) : formModule.renderQuickEntry(this.formHost)}
      </section>
    `;
  }

  private renderEntry(view: EntryView): TemplateResult {
    const item = this.item(view.itemCode);
    const editable = this.isEditable(view);
    const badge =
      view.rejection && view.state !== 'rejected'
        ? { cls: 'rejected', text: this.t('stateRejected') }
        : view.pending
          ? { cls: 'local', text: this.t(view.pending === 'remove' ? 'pendingRemove' : 'pendingUpdate') }
          : { cls: view.state, text: this.t(view.state === 'synced' ? 'stateSynced' : view.state === 'local' ? 'stateLocal' : view.state === 'syncing' ? 'stateSyncing' : 'stateRejected') };
    const confirming = this.confirming === view.key;
    return html`<li part="entry" class="entry ${badge.cls}" data-key=${view.key} data-state=${badge.cls} tabindex="-1">
      <div class="entry-head">
        <span>${item ? this.renderText(item.title) : view.itemCode}</span>
        <span class="badge ${badge.cls}">${badge.text}</span>
      </div>
      ${item
        ? html`<dl class="fields">
            ${Object.entries(item.fields).map(([name, spec]) => html`<div class="pair"><dt>${this.renderText(spec.title)}</dt><dd>${this.fieldValue(spec, view.fields[name])}</dd></div>`)}
          </dl>`
        : nothing}
      ${view.rejection
        ? html`<div class="reason">
            <p>${this.t('stateRejected')}: ${view.rejection.reason}</p>
            ${view.rejection.issues.length > 0
              ? html`<ul>
                  ${view.rejection.issues.map((i) => html`<li>${i.path && item?.fields[i.path] ? html`${this.renderText(item.fields[i.path]!.title)}: ` : nothing}${i.message}</li>`)}
                </ul>`
              : nothing}
          </div>`
        : nothing}
      ${view.entry
        ? html`<p class="meta">
            ${this.t('by', { name: view.entry.authorName })}${editable ? html` · ${this.t('editableUntil', { time: this.time(view.entry.editableUntil) })}` : nothing}
          </p>`
        : nothing}
      <div class="actions">
        ${view.state === 'rejected' && item && this.canWrite
          ? html`<button type="button" class="resubmit" @click=${() => this.openForm(item, { kind: 'edit', target: { key: view.key }, key: view.key }, view.fields)}>${this.t('resubmit')}</button>`
          : nothing}
        ${view.rejection ? html`<button type="button" class="dismiss" @click=${() => void this.outbox?.discard(view.rejection!.recordKey)}>${this.t('dismiss')}</button>` : nothing}
        ${editable && view.state !== 'rejected' && item
          ? html`${item.derived ? nothing : html`<button type="button" class="edit" @click=${() => this.openForm(item, { kind: 'edit', target: view.id ? { id: view.id } : { key: view.key }, key: view.key }, view.fields)}>${this.t('edit')}</button>`}
              ${confirming
                ? html`<button type="button" class="danger confirm-remove" @click=${() => void this.removeEntry(view)}>${this.t('confirmRemove')}</button>
                    <button type="button" class="cancel-remove" @click=${() => (this.confirming = null)}>${this.t('cancel')}</button>`
                : html`<button type="button" class="danger remove" @click=${() => (this.confirming = view.key)}>${this.t('remove')}</button>`}`
          : nothing}
      </div>
    </li>`;
  }
}

function detailOf(record: OutboxRecord): DiarySavedDetail {
  const about = record.op === 'save' ? record.payload : record.payload;
  return { idempotencyKey: record.idempotencyKey, op: record.op, day: about.day, itemCode: about.itemCode };
}

function readFavourites(userId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(favouritesKey(userId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
