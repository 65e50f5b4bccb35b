/**
 * <sifa-plan-board>: the work plans of an org (工作规划、提醒督办) for a period. Overdue items come
 * first, with how far supervision (督办) has gone up; then each plan, its items and every
 * assignee's progress (from facts for metric items), the split of its target over the sub-periods,
 * and the timeline of reminders and supervision letters (who, when, which document, downloadable).
 * The caller's own manual items can be checked off with evidence here.
 *
 * Live: it listens to the platform's notification feed and reloads when a plans notification
 * arrives (a reminder, a supervision), and reloads when the page regains focus.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizedText, NotificationView } from '@sifa/core';
import type {
  PlanDetail,
  PlanEscalationEntry,
  PlanInstance,
  PlanItem,
  PlanOrgName,
  PlanOverdueItem,
  PlanReminderEntry,
  PlansApi,
  PlanSubPeriod,
  PlanSummary,
  PlanTimelineEntry,
} from '../../index.js';
import { formatDate, formatNumber, saveFile, SifaClientError, SifaElement } from '@sifa/components';
import { planBoardMessages, type PlanBoardMessageKey } from './messages.js';
import { planBoardStyles } from './sifa-plan-board.styles.js';

/** `sifa-plan-checked`: the user checked off (or withdrew the check of) one of their manual items. */
export interface PlanCheckedDetail {
  planId: string;
  instanceId: string;
  checked: boolean;
}

/** The procedures the board calls, and the feed it listens to. */
type BoardApi = { [K in keyof PlansApi]: PlansApi[K] } & {
  'platform.notifications.feed': { type: 'subscription'; input: Record<string, never>; output: NotificationView };
};

const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type FieldName = 'text' | 'attachmentName' | 'attachmentUrl';
const fieldOfIssue: Record<string, FieldName> = { 'evidence.text': 'text', 'evidence.attachment.name': 'attachmentName', 'evidence.attachment.url': 'attachmentUrl' };

/**
 * An item with more assignees than this shows a summary of their progress and lists them on
 * demand (a county has 10–20 offices, the city 197: fully expanded, the board ran to 13,000 px).
 */
const assigneesShownAtOnce = 3;
/** More overdue items than this are grouped by plan item, each group collapsed to a summary line. */
const overdueShownAtOnce = 3;

/**
 * The same rules as the plugin's `evidenceSchema` (schemas.ts), checked before anything is sent:
 * the widget does not load zod for three fields, so they are repeated here (the server checks again).
 */
function evidenceErrors(text: string, name: string, url: string): FieldName[] {
  const wrong: FieldName[] = [];
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > 2000) wrong.push('text');
  if (name || url) {
    if (name.length < 1 || name.length > 200) wrong.push('attachmentName');
    if (url.length > 1000 || !(/^https:\/\/[^\s/?#]+[^\s]*$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url))) wrong.push('attachmentUrl');
  }
  return wrong;
}
const messageOfField: Record<FieldName, PlanBoardMessageKey> = { text: 'evidenceInvalid', attachmentName: 'attachmentNameInvalid', attachmentUrl: 'attachmentUrlInvalid' };

interface OverdueGroup {
  key: string;
  planId: string;
  itemTitle: string;
  planTitle: string;
  items: PlanOverdueItem[];
}

/**
 * @summary Work plans of an org for a period: overdue items and their supervision, each plan's
 * items with every assignee's progress, target split and reminder/supervision timeline; the
 * caller's own manual items checked off with evidence.
 *
 * @fires sifa-plan-checked - The user checked off, or withdrew the check of, one of their own manual items. Detail: `PlanCheckedDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart overdue - The list of overdue items.
 * @csspart plan - Each plan.
 * @csspart instance - One assignee's share of an item (with `instance-done`, `instance-behind`, `instance-overdue` …).
 * @csspart timeline - The reminders and supervision of one share.
 * @csspart check-form - The form to check off a manual item.
 *
 * @cssprop --sifa-plan-board-vertical-size - Height of the widget when it is laid out vertically (Mongolian); default 40em.
 * @cssprop --sifa-color-danger - Overdue items (see the theme tokens for the rest).
 */
export class SifaPlanBoard extends SifaElement {
  static override styles = [...SifaElement.styles, planBoardStyles];

  /** The org whose plans are shown (its own, those below it, and its share of plans from above); default: the signed-in user's. */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The period: a year (2026), a quarter (2026-Q4) or a month (2026-10); default: the current year. */
  @property({ reflect: true }) period: string | undefined;

  @state() private plans: PlanSummary[] | null = null;
  @state() private overdue: PlanOverdueItem[] = [];
  @state() private details: ReadonlyMap<string, PlanDetail> = new Map();
  @state() private expanded: ReadonlySet<string> = new Set();
  /** Plan items whose assignees are listed one by one, and overdue groups that are open. */
  @state() private openGroups: ReadonlySet<string> = new Set();
  @state() private loading = true;
  @state() private loadError: string | null = null;
  /** The instance whose check form is open. */
  @state() private checking: string | null = null;
  @state() private fieldErrors: Partial<Record<FieldName, string>> = {};
  @state() private formError: string | null = null;
  @state() private submitting = false;
  @state() private announcement = '';

  /** What takes focus once it is rendered (a control replaced by another, a form opened). */
  private focusNext: string | null = null;
  private loadSeq = 0;
  private firstLoad = true;
  private stopFeed: (() => void) | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  private t(key: PlanBoardMessageKey, params?: Record<string, string | number>): string {
    return planBoardMessages.t(this.ui, key, params);
  }

  /** A message whose parameters may be markup (server texts marked lang="zh-CN"). */
  private tx(key: PlanBoardMessageKey, params: Record<string, string | number | TemplateResult>): TemplateResult {
    const marks: TemplateResult[] = [];
    const plain: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
      else plain[name] = `\u0000${marks.push(value) - 1}\u0000`;
    }
    const parts = this.t(key, plain).split('\u0000');
    return html`${parts.map((part, i) => (i % 2 === 1 ? marks[Number(part)] : part))}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('focus', this.onFocus);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.listen();
    void this.track(this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('focus', this.onFocus);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopFeed?.();
    this.stopFeed = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  protected override configChanged(): void {
    this.listen();
    void this.track(this.load());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(planBoardMessages, this.locale);
    if (this.hasUpdated && this.isConnected && (changed.has('orgCode') || changed.has('period'))) {
      this.firstLoad = true;
      this.expanded = new Set();
      this.openGroups = new Set();
      this.details = new Map();
      void this.track(this.load());
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!target) return;
    this.focusNext = null;
    target.scrollIntoView?.({ block: 'nearest' });
    target.focus();
  }

  /** Moves focus to `selector` once it is on screen (now, or after the render that shows it). */
  private focusWhenShown(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
  }

  /** Reloads plans, overdue items and the open plans (after changes made elsewhere). */
  async refresh(): Promise<void> {
    await this.track(this.load());
  }

  // ---- data -----------------------------------------------------------------------------------

  private get effectivePeriod(): string {
    return this.period ?? String(new Date().getFullYear());
  }

  private scope() {
    return { ...(this.orgCode ? { orgCode: this.orgCode } : {}), period: this.effectivePeriod };
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    if (!periodPattern.test(this.effectivePeriod)) {
      this.loading = false;
      this.loadError = this.t('badPeriod', { period: this.effectivePeriod });
      return;
    }
    this.loading = true;
    try {
      const scope = this.scope();
      const [plans, overdue] = await Promise.all([
        this.client.query<BoardApi, 'plans.list'>('plans.list', scope, this.locale),
        this.client.query<BoardApi, 'plans.overdue'>('plans.overdue', scope, this.locale),
      ]);
      let expanded = new Set([...this.expanded].filter((id) => plans.some((p) => p.id === id)));
      if (this.firstLoad && plans[0]) expanded = new Set([plans[0].id]);
      const loaded = await Promise.all([...expanded].map((id) => this.fetchDetail(id)));
      if (seq !== this.loadSeq) return;
      this.firstLoad = false;
      this.plans = plans;
      this.overdue = overdue;
      this.expanded = expanded;
      this.details = new Map(loaded.map((d) => [d.id, d]));
      this.loadError = null;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.loadError = this.t('loadFailed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private fetchDetail(planId: string): Promise<PlanDetail> {
    return this.client.query<BoardApi, 'plans.get'>('plans.get', { planId, ...(this.orgCode ? { orgCode: this.orgCode } : {}) }, this.locale);
  }

  private scheduleRefresh(delayMs = 300): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.track(this.load());
    }, delayMs);
  }

  /** Listens to the notification feed (signed-in pages): a plans notification means something changed. */
  private listen(): void {
    this.stopFeed?.();
    this.stopFeed = null;
    if (!this.client.canAuthenticate) return;
    this.stopFeed = this.client.subscribe<BoardApi, 'platform.notifications.feed'>(
      'platform.notifications.feed',
      {},
      {
        onData: (notification) => {
          if (notification.kind.startsWith('plans.')) this.scheduleRefresh();
        },
        // Refused (no permission for the feed): the board still reloads when the page regains focus.
        onError: () => {
          this.stopFeed = null;
        },
      },
    );
  }

  private readonly onFocus = () => this.scheduleRefresh(0);
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.scheduleRefresh(0);
  };

  private async toggle(planId: string): Promise<void> {
    const expanded = new Set(this.expanded);
    if (expanded.delete(planId)) {
      this.expanded = expanded;
      return;
    }
    expanded.add(planId);
    this.expanded = expanded;
    if (this.details.has(planId)) return;
    try {
      const detail = await this.track(this.fetchDetail(planId));
      this.details = new Map(this.details).set(planId, detail);
    } catch (error) {
      this.loadError = this.t('loadFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Opens the plan of an overdue item and moves focus to the item. */
  private async showOverdue(item: PlanOverdueItem): Promise<void> {
    this.focusWhenShown(`[data-instance="${item.instanceId}"]`);
    this.openGroups = new Set(this.openGroups).add(`item:${item.itemId}`);
    if (!this.expanded.has(item.planId)) await this.toggle(item.planId);
  }

  private replaceInstance(instance: PlanInstance): void {
    // A load that started before this change would bring back the state before it: drop it.
    this.loadSeq += 1;
    this.loading = false;
    const detail = this.details.get(instance.planId);
    if (!detail) return;
    const items = detail.items.map((item) => (item.id === instance.itemId ? { ...item, instances: item.instances.map((i) => (i.id === instance.id ? instance : i)) } : item));
    this.details = new Map(this.details).set(detail.id, { ...detail, items });
  }

  private openCheck(instance: PlanInstance): void {
    this.checking = instance.id;
    this.fieldErrors = {};
    this.formError = null;
    this.focusWhenShown(`#text-${instance.id}`);
  }

  private closeCheck(instance: PlanInstance): void {
    this.checking = null;
    this.fieldErrors = {};
    this.formError = null;
    this.focusWhenShown(`[data-check="${instance.id}"]`);
  }

  private async submitCheck(event: SubmitEvent, instance: PlanInstance, item: PlanItem): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = String(data.get('text') ?? '');
    const name = String(data.get('attachmentName') ?? '').trim();
    const url = String(data.get('attachmentUrl') ?? '').trim();
    // Checked here first: a form the server would refuse sends nothing.
    const wrong = evidenceErrors(text, name, url);
    if (wrong.length > 0) {
      this.fieldErrors = Object.fromEntries(wrong.map((field) => [field, this.t(messageOfField[field])]));
      this.formError = this.t('fixErrors');
      this.focusWhenShown('[aria-invalid="true"]');
      return;
    }
    this.submitting = true;
    this.fieldErrors = {};
    this.formError = null;
    try {
      const updated = await this.client.mutate<BoardApi, 'plans.check'>(
        'plans.check',
        { instanceId: instance.id, evidence: { text, ...(name || url ? { attachment: { name, url } } : {}) } },
        this.locale,
      );
      this.replaceInstance(updated);
      this.checking = null;
      this.submitting = false;
      this.announcement = this.t('checked', { item: item.title });
      this.emit<PlanCheckedDetail>('sifa-plan-checked', { planId: instance.planId, instanceId: instance.id, checked: true });
      this.scheduleRefresh();
      // The withdraw button takes the focus the form had (enabled again first: a disabled button cannot take focus).
      this.focusWhenShown(`[data-uncheck="${instance.id}"]`);
    } catch (error) {
      this.submitting = false;
      this.showFormError(error);
    }
  }

  private showFormError(error: unknown): void {
    if (error instanceof SifaClientError && error.issues.length) {
      const fields: Partial<Record<FieldName, string>> = {};
      const other: string[] = [];
      for (const issue of error.issues) {
        const field = fieldOfIssue[issue.path];
        if (field) fields[field] ??= issue.message;
        else other.push(issue.message);
      }
      this.fieldErrors = fields;
      this.formError = other.length ? other.join(' ') : this.t('fixErrors');
      this.focusWhenShown('[aria-invalid="true"]');
      return;
    }
    this.formError = error instanceof Error ? error.message : String(error);
  }

  private async uncheck(instance: PlanInstance, item: PlanItem): Promise<void> {
    if (this.submitting) return;
    this.submitting = true;
    try {
      const updated = await this.client.mutate<BoardApi, 'plans.uncheck'>('plans.uncheck', { instanceId: instance.id }, this.locale);
      this.replaceInstance(updated);
      this.submitting = false;
      this.announcement = this.t('unchecked', { item: item.title });
      this.emit<PlanCheckedDetail>('sifa-plan-checked', { planId: instance.planId, instanceId: instance.id, checked: false });
      this.scheduleRefresh();
      this.focusWhenShown(`[data-check="${instance.id}"]`);
    } catch (error) {
      this.submitting = false;
      this.announcement = error instanceof Error ? error.message : String(error);
    }
  }

  private async download(doc: { downloadPath: string; number: string }): Promise<void> {
    try {
      const { blob, filename } = await this.client.download(doc.downloadPath as `/${string}`);
      saveFile(blob, filename ?? `${doc.number}.docx`);
    } catch (error) {
      this.announcement = this.t('downloadFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  // ---- text -------------------------------------------------------------------------------------

  /** An org name in the user's language; Chinese where the tree has no other form, marked as such. */
  private name(value: PlanOrgName): TemplateResult {
    const other = this.ui === 'en' ? value.en : this.ui === 'mn-Mong' ? value.mn : value.zh;
    return other ? html`${other}` : html`<span lang="zh-CN">${value.zh}</span>`;
  }

  private nameText(value: PlanOrgName): string {
    return (this.ui === 'en' ? value.en : this.ui === 'mn-Mong' ? value.mn : value.zh) ?? value.zh;
  }

  private localized(value: LocalizedText | null | undefined): string {
    if (!value) return '';
    return this.ui === 'en' ? value.en : this.ui === 'mn-Mong' ? (value.mn ?? value.zh) : value.zh;
  }

  /** A server text (unit, metric title, warning) in the UI language; Chinese, marked as such, where it has no form in it. */
  private serverText(value: LocalizedText | null | undefined): string | TemplateResult {
    if (!value) return '';
    if (this.ui === 'mn-Mong' && !value.mn) return html`<span lang="zh-CN">${value.zh}</span>`;
    return this.localized(value);
  }

  /** User-entered text (plan and item titles): shown as entered, marked Chinese outside the Chinese UI. */
  private entered(text: string): TemplateResult {
    return this.ui === 'zh-CN' || !/[\u3400-\u9fff]/.test(text) ? html`${text}` : html`<span lang="zh-CN">${text}</span>`;
  }

  private periodLabel(period: string): string {
    const year = period.slice(0, 4);
    if (period.length === 4) return this.t('periodYear', { year });
    if (period.includes('Q')) {
      const q = Number(period.slice(6));
      return this.t('periodQuarter', { year, quarter: this.t('quarterNames').split(',')[q - 1] ?? String(q) });
    }
    const month = Number(period.slice(5));
    return this.t('periodMonth', { year, month, monthName: monthNamesEn[month - 1]! });
  }

  /** A day (YYYY-MM-DD) in the UI language (Mongolian from its own words: ICU has no traditional-script dates). */
  private day(day: string): string {
    if (this.ui !== 'mn-Mong') return formatDate(this.ui, day, { dateStyle: 'medium' });
    return this.t('dayDate', { year: day.slice(0, 4), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
  }

  private instant(at: string): string {
    if (this.ui !== 'mn-Mong') return formatDate(this.ui, at, { dateStyle: 'medium', timeStyle: 'short' });
    const d = new Date(at);
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return `${this.day(local)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }

  private num(value: number): string {
    return formatNumber(this.ui, value);
  }

  private subPeriodLabel(s: PlanSubPeriod): string {
    if (s.key.includes('W')) return this.t('splitWeek', { week: Number(s.key.slice(6)), from: s.from.slice(5).replace('-', '/'), to: s.to.slice(5).replace('-', '/') });
    const month = Number(s.key.slice(5));
    return this.t('splitMonth', { month, monthName: monthNamesEn[month - 1]! });
  }

  private statusText(instance: PlanInstance): string {
    const p = instance.progress;
    switch (p.status) {
      case 'done':
        return this.t('statusDone');
      case 'overdue':
        return this.t('statusOverdue', { days: p.daysOverdue });
      case 'behind':
        return this.t('statusBehind');
      case 'not-started':
        return this.t('statusNotStarted');
      default:
        return p.target === null ? this.t('statusOpen') : this.t('statusOnTrack');
    }
  }

  // ---- render -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const vertical = this.ui === 'mn-Mong';
    // Mongolian strings not yet checked by a native speaker are marked (messages.mn-Mong.ts).
    const drafts = vertical && planBoardMessages.mnDrafts.size > 0;
    return html`
      <section part="base" class="board ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="board-title" aria-busy=${this.loading ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <header class="head">
          <h2 id="board-title">${this.t('title')}</h2>
          <span class="period">${periodPattern.test(this.effectivePeriod) ? this.periodLabel(this.effectivePeriod) : this.effectivePeriod}</span>
          <button type="button" class="refresh" @click=${() => (this.loading ? undefined : void this.refresh())} aria-disabled=${this.loading ? 'true' : 'false'}>${this.t('refresh')}</button>
        </header>
        <p class="announce" role="status">${this.announcement}</p>
        ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
        ${this.plans === null ? (this.loading ? html`<p class="muted">${this.t('loading')}</p>` : nothing) : html`${this.renderOverdue()} ${this.renderPlans(this.plans)}`}
      </section>
    `;
  }

  private toggleGroup(key: string): void {
    const open = new Set(this.openGroups);
    if (!open.delete(key)) open.add(key);
    this.openGroups = open;
  }

  /** Overdue items grouped by plan item (in the order the server gave them: most overdue first). */
  private overdueGroups(): OverdueGroup[] {
    const groups = new Map<string, OverdueGroup>();
    for (const o of this.overdue) {
      const key = `overdue:${o.planId}:${o.itemId}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, planId: o.planId, itemTitle: o.itemTitle, planTitle: o.planTitle, items: [] }));
      group.items.push(o);
    }
    return [...groups.values()];
  }

  private renderOverdueItem(o: PlanOverdueItem): TemplateResult {
    return html`<li class="overdue-item">
      <span class="glyph" aria-hidden="true">!</span>
      <div class="overdue-text">
        <strong>${this.entered(o.itemTitle)}</strong> · ${this.name(o.orgName)}
        <div class="meta">${this.t('overdueLine', { due: this.day(o.due), days: o.progress.daysOverdue })} ·
          ${o.lastEscalation ? this.tx('escalatedTo', { org: this.name(o.lastEscalation.issuerName), level: o.lastEscalation.level }) : this.t('notEscalated')}</div>
        <div class="meta">${this.entered(o.planTitle)}</div>
      </div>
      <button type="button" class="link" @click=${() => void this.showOverdue(o)}>${this.t('showInPlan')}</button>
    </li>`;
  }

  private renderOverdue(): TemplateResult {
    const grouped = this.overdue.length > overdueShownAtOnce;
    return html`
      <section class="overdue-panel" aria-labelledby="overdue-title">
        <h3 id="overdue-title">${this.t('overdueTitle')} <span class="count">${this.t('overdueCount', { count: this.overdue.length })}</span></h3>
        ${this.overdue.length === 0
          ? html`<p class="muted">${this.t('noOverdue')}</p>`
          : !grouped
            ? html`<ul part="overdue" class="overdue-list">${this.overdue.map((o) => this.renderOverdueItem(o))}</ul>`
            : html`<ul part="overdue" class="overdue-groups">
                ${this.overdueGroups().map((g, index) => {
                  const open = this.openGroups.has(g.key);
                  const days = Math.max(...g.items.map((o) => o.progress.daysOverdue));
                  return html`<li class="overdue-group" data-group=${g.key}>
                    <button type="button" class="group-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="overdue-group-${index}" @click=${() => this.toggleGroup(g.key)}>
                      <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
                      <span class="group-summary"><strong>${this.entered(g.itemTitle)}</strong> · ${this.t('overdueGroup', { count: g.items.length, days })}
                        <span class="meta">${this.entered(g.planTitle)}</span></span>
                    </button>
                    <ul id="overdue-group-${index}" class="overdue-list" ?hidden=${!open}>${open ? g.items.map((o) => this.renderOverdueItem(o)) : nothing}</ul>
                  </li>`;
                })}
              </ul>`}
      </section>
    `;
  }

  private renderPlans(plans: PlanSummary[]): TemplateResult {
    return html`
      <section class="plans" aria-labelledby="plans-title">
        <h3 id="plans-title">${this.t('plansTitle')}</h3>
        ${plans.length === 0 ? html`<p class="muted">${this.t('noPlans')}</p>` : html`<ul class="plan-list">${plans.map((p) => this.renderPlan(p))}</ul>`}
      </section>
    `;
  }

  private renderPlan(plan: PlanSummary): TemplateResult {
    const open = this.expanded.has(plan.id);
    const detail = this.details.get(plan.id);
    return html`
      <li part="plan" class="plan" data-plan=${plan.id}>
        <h4 class="plan-title">
          <button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="plan-${plan.id}" @click=${() => void this.toggle(plan.id)}>
            <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span> ${this.entered(plan.title)}
          </button>
          ${plan.demo ? html`<span class="badge demo">${this.t('demo')}</span>` : nothing}
          ${plan.relation === 'assigned' ? html`<span class="badge">${this.t('assigned')}</span>` : nothing}
        </h4>
        <p class="meta">
          ${this.periodLabel(plan.period)} · ${this.tx('owner', { org: this.name(plan.ownerName) })} ·
          ${this.t('planSummary', { done: plan.doneCount, total: plan.instanceCount, overdue: plan.overdueCount })}
        </p>
        <div class="bar">
          <progress max="100" .value=${plan.percent} aria-label=${this.t('planProgress', { plan: plan.title })}></progress>
          <span>${this.num(plan.percent)}%</span>
        </div>
        <div id="plan-${plan.id}" class="plan-body" ?hidden=${!open}>
          ${open && !detail ? html`<p class="muted">${this.t('detailLoading')}</p>` : nothing}
          ${detail ? this.renderDetail(detail) : nothing}
        </div>
      </li>
    `;
  }

  private renderDetail(detail: PlanDetail): TemplateResult {
    return html`
      ${detail.warnings.map((w) => html`<p class="warning" role="note">${this.serverText(w.message)}</p>`)}
      <p class="meta">${this.t('asOf', { date: this.day(detail.asOf) })}</p>
      ${detail.items.map((item) => this.renderItem(item))}
    `;
  }

  private renderItem(item: PlanItem): TemplateResult {
    const unit = this.serverText(item.metric?.unit);
    return html`
      <div class="item" role="group" aria-labelledby="item-${item.id}">
        <h5 id="item-${item.id}">${this.entered(item.title)} <span class="badge">${item.kind === 'metric' ? this.t('kindMetric') : this.t('kindManual')}</span></h5>
        <p class="meta">
          ${item.target !== null ? html`${this.tx('itemTarget', { value: this.num(item.target), unit })} · ` : nothing}${this.t('itemDue', { date: this.day(item.due) })}
          ${item.metric ? html` · ${this.tx('itemMetric', { metric: this.serverText(item.metric.title) })} · ${item.splitMode === 'weighted' ? this.t('itemWeighted') : this.t('itemSplit')}` : nothing}
        </p>
        ${item.instances.length === 0
          ? html`<p class="muted">${this.t('noAssignees')}</p>`
          : item.instances.length <= assigneesShownAtOnce
            ? html`<ul class="instances">${item.instances.map((i) => this.renderInstance(i, item, unit))}</ul>`
            : this.renderAssigneeGroup(item, unit)}
      </div>
    `;
  }

  /** Many assignees: how they stand in one line, each of them on demand. */
  private renderAssigneeGroup(item: PlanItem, unit: string | TemplateResult): TemplateResult {
    const key = `item:${item.id}`;
    const open = this.openGroups.has(key);
    const count = (status: string) => item.instances.filter((i) => i.progress.status === status).length;
    return html`
      <p class="assignee-summary">${this.t('assigneeSummary', { count: item.instances.length, done: count('done'), behind: count('behind'), overdue: count('overdue') })}</p>
      <button type="button" class="group-toggle assignees-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="assignees-${item.id}" @click=${() => this.toggleGroup(key)}>
        <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span> ${open ? this.t('hideAssignees') : this.t('showAssignees', { count: item.instances.length })}
      </button>
      <ul id="assignees-${item.id}" class="instances" ?hidden=${!open}>${open ? item.instances.map((i) => this.renderInstance(i, item, unit)) : nothing}</ul>
    `;
  }

  private renderInstance(instance: PlanInstance, item: PlanItem, unit: string | TemplateResult): TemplateResult {
    const p = instance.progress;
    const status = p.status;
    return html`
      <li part="instance instance-${status}" class="instance status-${status}" data-instance=${instance.id} tabindex="-1">
        <div class="who">${this.name(instance.orgName)}</div>
        ${item.kind === 'metric'
          ? p.value === null
            ? html`<p class="muted">${this.t('progressUnknown')}</p>`
            : html`<div class="bar">
                <progress max=${instance.target ?? 1} .value=${Math.min(p.value, instance.target ?? p.value)} aria-label=${this.t('progressOf', { org: this.nameText(instance.orgName) })}></progress>
                <span>${this.tx('progressValue', { value: this.num(p.value), target: this.num(instance.target ?? 0), unit, percent: p.percent })}</span>
              </div>`
          : nothing}
        <p class="status"><span class="glyph" aria-hidden="true">${{ done: '✓', 'on-track': '○', behind: '▲', overdue: '!', 'not-started': '–' }[status]}</span> ${this.statusText(instance)}
          ${p.expectedToDate !== null && status !== 'done' && status !== 'not-started' ? html`<span class="muted"> · ${this.tx('progressExpected', { value: this.num(p.expectedToDate), unit })}</span>` : nothing}
        </p>
        ${instance.split ? this.renderSplit(instance.split, unit) : nothing} ${this.renderCheck(instance, item)} ${this.renderTimeline(instance)}
      </li>
    `;
  }

  private renderSplit(split: PlanSubPeriod[], unit: string | TemplateResult): TemplateResult {
    return html`
      <details class="split">
        <summary>${this.t('splitTitle')}</summary>
        <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('splitPeriod')}</th>
              <th scope="col">${this.t('splitWorkingDays')}</th>
              <th scope="col">${this.t('splitTarget')}</th>
              <th scope="col">${this.t('splitMilestone')}</th>
            </tr>
          </thead>
          <tbody>
            ${split.map(
              (s) => html`<tr>
                <th scope="row">${this.subPeriodLabel(s)}</th>
                <td>${this.num(s.workingDays)}</td>
                <td>${this.num(s.target)}${unit ? html` ${unit}` : nothing}</td>
                <td>${s.due ? this.day(s.due) : this.t('noWorkingDays')}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        </div>
      </details>
    `;
  }

  private renderCheck(instance: PlanInstance, item: PlanItem): TemplateResult | typeof nothing {
    if (item.kind !== 'manual') return nothing;
    const check = instance.check;
    return html`
      ${check
        ? html`<div class="checked">
            <p>${this.t('checkedBy', { name: check.checkedBy.displayName, date: this.instant(check.checkedAt) })}</p>
            <p>${this.t('evidenceText', { text: check.evidence.text })}</p>
            ${check.evidence.attachment
              ? html`<p>${this.t('attachment')}${/^https:\/\//i.test(check.evidence.attachment.url)
                  ? html`<a href=${check.evidence.attachment.url} target="_blank" rel="noopener noreferrer">${check.evidence.attachment.name}</a>`
                  : html`${check.evidence.attachment.name} (${check.evidence.attachment.url})`}</p>`
              : nothing}
            ${instance.canCheck ? html`<button type="button" data-uncheck=${instance.id} ?disabled=${this.submitting} @click=${() => void this.uncheck(instance, item)}>${this.t('uncheck')}</button>` : nothing}
          </div>`
        : instance.canCheck
          ? this.checking === instance.id
            ? this.renderCheckForm(instance, item)
            : html`<button type="button" class="primary" data-check=${instance.id} @click=${() => this.openCheck(instance)}>${this.t('checkAction')}</button>`
          : nothing}
    `;
  }

  private renderCheckForm(instance: PlanInstance, item: PlanItem): TemplateResult {
    const id = instance.id;
    const field = (name: FieldName, label: string, control: TemplateResult) => html`
      <div class="field">
        <label for="${name}-${id}">${label}</label>
        ${control}
        ${this.fieldErrors[name] ? html`<p id="${name}-${id}-error" class="field-error">${this.fieldErrors[name]}</p>` : nothing}
      </div>
    `;
    const invalid = (name: FieldName) => (this.fieldErrors[name] ? 'true' : 'false');
    const described = (name: FieldName) => (this.fieldErrors[name] ? `${name}-${id}-error` : undefined);
    return html`
      <form part="check-form" class="check-form" novalidate aria-labelledby="check-title-${id}" @submit=${(e: SubmitEvent) => void this.submitCheck(e, instance, item)}>
        <p id="check-title-${id}" class="form-title">${this.t('checkTitle', { item: item.title })}</p>
        ${field(
          'text',
          `${this.t('evidence')} (${this.t('required')})`,
          html`<textarea id="text-${id}" name="text" rows="3" maxlength="2000" aria-required="true" aria-invalid=${invalid('text')} aria-describedby=${ifDefined(described('text'))}></textarea>`,
        )}
        ${field('attachmentName', this.t('attachmentName'), html`<input id="attachmentName-${id}" name="attachmentName" maxlength="200" aria-invalid=${invalid('attachmentName')} aria-describedby=${ifDefined(described('attachmentName'))} />`)}
        ${field('attachmentUrl', this.t('attachmentUrl'), html`<input id="attachmentUrl-${id}" name="attachmentUrl" type="url" inputmode="url" maxlength="1000" aria-invalid=${invalid('attachmentUrl')} aria-describedby=${ifDefined(described('attachmentUrl'))} />`)}
        ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.submitting}>${this.t('submitCheck')}</button>
          <button type="button" @click=${() => this.closeCheck(instance)}>${this.t('cancel')}</button>
        </div>
      </form>
    `;
  }

  private renderTimeline(instance: PlanInstance): TemplateResult {
    const entries = instance.timeline;
    return html`
      <details part="timeline" class="timeline">
        <summary>${this.t('timelineTitle', { count: entries.length })}</summary>
        ${entries.length === 0 ? html`<p class="muted">${this.t('timelineEmpty')}</p>` : html`<ol>${entries.map((e) => this.renderEntry(e))}</ol>`}
      </details>
    `;
  }

  private renderEntry(entry: PlanTimelineEntry): TemplateResult {
    const doc = entry.document;
    const documentPart = doc
      ? html` · ${this.t('document', { number: doc.number })}
          <button type="button" class="link" @click=${() => void this.download(doc)}>${this.t('download', { number: doc.number })}</button>`
      : nothing;
    if (entry.kind === 'reminder') return this.renderReminder(entry, documentPart);
    return this.renderEscalation(entry, documentPart);
  }

  private renderReminder(entry: PlanReminderEntry, documentPart: TemplateResult | typeof nothing): TemplateResult {
    const when = entry.offset === 0 ? this.t('reminderDueDay') : this.t('reminderBefore', { days: entry.offset });
    const labels: Record<string, PlanBoardMessageKey> = { letter: 'channelLetter', 'in-app': 'channelInApp', sms: 'channelSms', webhook: 'channelWebhook' };
    const channels = entry.channels.map((c) => (labels[c] ? this.t(labels[c]) : c)).join(this.ui === 'zh-CN' ? '、' : ', ');
    return html`<li class="entry reminder" data-kind="reminder">
      <time datetime=${entry.at}>${this.instant(entry.at)}</time>
      <span>${this.tx('reminderEntry', { org: this.name(entry.orgName), when })} · ${this.t('channels', { list: channels })}</span>${documentPart}
    </li>`;
  }

  private renderEscalation(entry: PlanEscalationEntry, documentPart: TemplateResult | typeof nothing): TemplateResult {
    return html`<li class="entry escalation" data-kind="escalation">
      <time datetime=${entry.at}>${this.instant(entry.at)}</time>
      <span>${this.tx('escalationEntry', { issuer: this.name(entry.issuerName), level: entry.level, days: entry.daysOverdue, reportBy: this.day(entry.reportBy) })}</span>${documentPart}
    </li>`;
  }
}
