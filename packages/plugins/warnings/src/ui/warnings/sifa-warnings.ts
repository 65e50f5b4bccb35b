/**
 * <sifa-warnings>: early warnings (智慧预警). `mode="list"` (default): open (or closed, or all)
 * warnings of the caller's subtree (or `org-code`'s) by severity and age, with a filter; picking
 * one shows its finding, its particulars, its step timeline with the documents each step issued
 * (download links), and the actions the caller may take now — issue a notice (预警单, with an
 * optional 整改通知书), assign (交办单), respond (反馈单), close (optional 工作建议书) — each a
 * form validated on the server, its field issues shown beside the fields. Managers also get
 * "evaluate now". `mode="compact"`: the open warnings alone, for a dashboard; an item opens
 * `detail-href` when given, and always fires `sifa-warning-select`.
 *
 * Data: the warnings plugin's procedures, typed with its `WarningsApi`, with the
 * page's embed token (a private widget). First load: this chunk with the zh-CN messages; en and
 * mn-Mong are chunks loaded when shown.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { LocalizedText } from '@sifa/core';
import { formatDate, failureReason, getSifaConfig, linkHref, listKeyMove, saveFile, SifaClientError, SifaElement } from '@sifa/components';
import type {
  WarningAction,
  WarningDetail,
  WarningDocumentRef,
  WarningEvaluationResult,
  WarningList,
  WarningListInput,
  WarningOrgName,
  WarningSeverity,
  WarningState,
  WarningStep,
  WarningSummary,
  WarningsApi,
} from '@sifa/plugin-warnings';
import '@sifa/components/org-picker';
import type { OrgChangeDetail } from '@sifa/components/org-picker';
import { warningsMessages, type WarningsMessageKey } from './messages.js';
import { warningsStyles } from './sifa-warnings.styles.js';
import { documentFileName } from './download.js';

/** `sifa-warning-select`: a warning was picked (list or compact mode). Cancelable in compact mode: cancel to keep `detail-href` from opening. */
export interface WarningSelectDetail {
  id: string;
}
/** `sifa-warning-changed`: a step the user took was stored (the warning's new state). */
export interface WarningChangedDetail {
  id: string;
  action: WarningAction;
  state: WarningState;
}
/** `sifa-warnings-evaluated`: "evaluate now" finished. */
export interface WarningsEvaluatedDetail {
  result: WarningEvaluationResult;
}

/** The warnings' procedures the widget calls (the plugin's `WarningsApi`, inferred from its router). */
export type WarningsCalls = WarningsApi;

type Mode = 'list' | 'compact';
type Status = NonNullable<WarningListInput['status']>;

interface FormState {
  action: WarningAction;
  values: Record<string, string>;
  rectify: boolean;
  /** Field issues by field name; '' for the form as a whole. */
  issues: Record<string, string>;
  error: string | null;
  busy: boolean;
}

const stateKeys: Record<WarningState, WarningsMessageKey> = {
  raised: 'stateRaised',
  'notice-issued': 'stateNoticeIssued',
  assigned: 'stateAssigned',
  'feedback-received': 'stateFeedbackReceived',
  escalated: 'stateEscalated',
  closed: 'stateClosed',
};
const severityKeys: Record<WarningSeverity, WarningsMessageKey> = { info: 'severityInfo', warning: 'severityWarning', urgent: 'severityUrgent' };
const actionKeys: Record<WarningAction, WarningsMessageKey> = { notice: 'actionNotice', assign: 'actionAssign', respond: 'actionRespond', close: 'actionClose' };
const doneKeys: Record<WarningAction, WarningsMessageKey> = { notice: 'doneNotice', assign: 'doneAssign', respond: 'doneRespond', close: 'doneClose' };
const stepKeys: Record<WarningStep['kind'], WarningsMessageKey> = {
  raise: 'stepRaise',
  notice: 'stepNotice',
  assign: 'stepAssign',
  respond: 'stepRespond',
  close: 'stepClose',
  escalate: 'stepEscalate',
  'auto-close': 'stepAutoClose',
  reopen: 'stepReopen',
};

/** Each action's fields, in form order; `required` ones are checked before sending too. */
const formFields: Record<WarningAction, { name: string; label: WarningsMessageKey; kind: 'text' | 'textarea' | 'date' | 'org'; required?: boolean; hint?: WarningsMessageKey; when?: 'rectify' }[]> = {
  notice: [
    { name: 'requirement', label: 'fieldRequirement', kind: 'textarea', required: true },
    { name: 'respondBy', label: 'fieldRespondBy', kind: 'date', hint: 'fieldRespondByHint' },
    { name: 'requirements', label: 'fieldRequirements', kind: 'textarea', required: true, when: 'rectify' },
    { name: 'basis', label: 'fieldBasis', kind: 'text', when: 'rectify' },
    { name: 'note', label: 'fieldNote', kind: 'text' },
  ],
  assign: [
    // An org of the warned org's subtree, chosen by name (<sifa-org-picker>); the server checks it again.
    { name: 'orgCode', label: 'fieldOrgCode', kind: 'org', required: true, hint: 'fieldOrgCodeHint' },
    { name: 'person', label: 'fieldPerson', kind: 'text' },
    { name: 'task', label: 'fieldTask', kind: 'textarea', required: true },
    { name: 'respondBy', label: 'fieldRespondBy', kind: 'date', hint: 'fieldRespondByHint' },
    { name: 'note', label: 'fieldNote', kind: 'text' },
  ],
  respond: [
    { name: 'text', label: 'fieldText', kind: 'textarea', required: true },
    { name: 'measures', label: 'fieldMeasures', kind: 'textarea' },
  ],
  close: [
    { name: 'note', label: 'fieldNote', kind: 'text' },
    { name: 'advice', label: 'fieldAdvice', kind: 'textarea' },
  ],
};

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const orNothing = (text: string | undefined) => (text && text.trim() ? text.trim() : undefined);

/** The form field a server issue belongs to (`rectification.requirements.0` → requirements). */
function fieldOfIssue(path: string): string {
  const [first, second] = path.split('.');
  if (first === 'rectification') return second ?? 'requirements';
  return first ?? '';
}

/**
 * @summary Early warnings: the open warnings of an area by severity and age, each with its
 * finding, step timeline and documents, and the steps the signed-in user may take (notice,
 * assign, respond, close); a compact list for dashboards.
 *
 * @fires sifa-warning-select - A warning was picked. Detail: `WarningSelectDetail` (`{ id }`); cancelable in compact mode.
 * @fires sifa-warning-changed - A step the user took was stored. Detail: `WarningChangedDetail`.
 * @fires sifa-warnings-evaluated - "Evaluate now" finished. Detail: `WarningsEvaluatedDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart toolbar - The filters and "evaluate now".
 * @csspart list - The warnings list.
 * @csspart item - One warning in the list (with `item-selected`).
 * @csspart more - "Show more": the next page of the list.
 * @csspart detail - The selected warning.
 * @csspart form - A step's form.
 *
 * @cssprop --sifa-warnings-height - Height of the list and detail in list mode; default 520px.
 * @cssprop --sifa-warnings-vertical-size - Height of the widget laid out vertically (Mongolian); default 36em.
 * @cssprop --sifa-color-primary - Buttons and the selection (see the theme tokens for the rest).
 */
export class SifaWarnings extends SifaElement {
  static override styles = [...SifaElement.styles, warningsStyles];

  /** Only warnings of this org's subtree (default: everything the signed-in user may see). */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** `list` (default): filters, list and detail with actions; `compact`: the open warnings only. */
  @property({ reflect: true }) mode: Mode = 'list';

  /** How many warnings to show at first (default 5 in compact mode, 50 in list mode; at most 200); list mode pages on with "show more". */
  @property({ type: Number }) limit: number | undefined;

  /** Compact mode: a link per warning, `{id}` filled in, e.g. `/warnings?id={id}`. */
  @property({ attribute: 'detail-href' }) detailHref: string | undefined;

  /** The selected warning's id (reflects the selection; set it to open one). */
  @property({ reflect: true }) selected: string | null = null;

  @state() private list: WarningList | null = null;
  @state() private loading = true;
  @state() private loadError: unknown = null;
  @state() private status: Status = 'open';
  @state() private severity: WarningSeverity | '' = '';
  @state() private active: string | null = null;
  @state() private detail: WarningDetail | null = null;
  @state() private detailError: unknown = null;
  @state() private form: FormState | null = null;
  @state() private evaluating = false;
  /** A next page is being read ("show more"). */
  @state() private loadingMore = false;
  @state() private evaluation: WarningEvaluationResult | null = null;
  @state() private downloadError: string | null = null;
  @state() private announcement = '';

  private loadSeq = 0;
  private detailSeq = 0;

  private t(key: WarningsMessageKey, params?: Record<string, string | number>): string {
    return warningsMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onHostKey);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKey);
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(warningsMessages, this.locale);
    if (changed.has('mode') && this.mode !== 'list' && this.mode !== 'compact') this.mode = 'list';
    if ((changed.has('orgCode') || changed.has('mode') || changed.has('limit')) && this.isConnected && this.hasUpdated) void this.load();
    if (changed.has('selected') && this.mode === 'list' && this.selected !== (this.detail?.id ?? null)) void this.loadDetail(this.selected);
  }

  // ---- data -------------------------------------------------------------------------------------

  private reason(error: unknown): string {
    return failureReason(error, this.t('unreachable'));
  }

  private get pageSize(): number {
    const fallback = this.mode === 'compact' ? 5 : 50;
    const n = Number(this.limit ?? fallback);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, 200) : fallback;
  }

  /** Reads the list again (after a change, a filter, a new configuration). */
  async refresh(): Promise<void> {
    await this.load();
  }

  private listInput(): WarningListInput {
    return {
      status: this.mode === 'compact' ? 'open' : this.status,
      limit: this.pageSize,
      ...(this.orgCode ? { orgCode: this.orgCode } : {}),
      ...(this.mode === 'list' && this.severity ? { severity: this.severity } : {}),
    };
  }

  /**
   * Reads the first page. `keepShown`: after a step, as many as were shown (up to 200), so the
   * warning just handled and the pages read with "show more" stay in the list.
   */
  private async load(keepShown = false): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.loadError = null;
    this.loadingMore = false;
    const input = this.listInput();
    if (keepShown && this.list) input.limit = Math.min(200, Math.max(this.pageSize, this.list.warnings.length));
    try {
      const list = await this.track(this.client.query<WarningsCalls, 'warnings.list'>('warnings.list', input, this.locale));
      if (seq !== this.loadSeq) return;
      this.list = list;
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  /** "Show more": the next page after the last one shown, appended; focus moves to its first warning. */
  private async loadMore(): Promise<void> {
    const list = this.list;
    if (!list?.nextCursor || this.loadingMore) return;
    const seq = this.loadSeq;
    this.loadingMore = true;
    this.loadError = null;
    try {
      const next = await this.track(this.client.query<WarningsCalls, 'warnings.list'>('warnings.list', { ...this.listInput(), cursor: list.nextCursor }, this.locale));
      if (seq !== this.loadSeq) return;
      const known = new Set(list.warnings.map((w) => w.id));
      const added = next.warnings.filter((w) => !known.has(w.id));
      this.list = { ...next, warnings: [...list.warnings, ...added] };
      this.announcement = this.t('countMore', { count: next.total, shown: this.list.warnings.length });
      const first = added[0];
      if (first && this.mode === 'list') {
        this.active = first.id;
        void this.updateComplete.then(() => this.optionEl(first.id)?.focus());
      }
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loadingMore = false;
    }
  }

  private async loadDetail(id: string | null): Promise<void> {
    const seq = ++this.detailSeq;
    this.form = null;
    this.downloadError = null;
    this.detailError = null;
    if (!id) {
      this.detail = null;
      return;
    }
    try {
      const detail = await this.track(this.client.query<WarningsCalls, 'warnings.get'>('warnings.get', { id }, this.locale));
      if (seq === this.detailSeq) this.detail = detail;
    } catch (error) {
      if (seq === this.detailSeq) {
        this.detail = null;
        this.detailError = error ?? new Error('unknown');
      }
    }
  }

  private async evaluate(): Promise<void> {
    this.evaluating = true;
    this.evaluation = null;
    try {
      const result = await this.client.mutate<WarningsCalls, 'warnings.evaluate'>('warnings.evaluate', this.orgCode ? { orgCode: this.orgCode } : {}, this.locale);
      this.evaluation = result;
      this.announcement = this.t('evaluated', { raised: result.raised, open: result.stillOpen, resolved: result.resolved, escalated: result.escalated });
      this.emit<WarningsEvaluatedDetail>('sifa-warnings-evaluated', { result });
      await this.load();
      if (this.detail) await this.loadDetail(this.detail.id);
    } catch (error) {
      this.announcement = this.t('failed', { reason: this.reason(error) });
    } finally {
      this.evaluating = false;
    }
  }

  // ---- selection --------------------------------------------------------------------------------

  private visible(): WarningSummary[] {
    return this.list?.warnings ?? [];
  }

  /** List mode: selects a warning and opens its detail (the event tells the host). */
  private choose(id: string): void {
    this.emit<WarningSelectDetail>('sifa-warning-select', { id });
    this.active = id;
    if (this.selected !== id) this.selected = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus());
  }

  private optionEl(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(id)}"]`);
  }

  private onListKey(e: KeyboardEvent): void {
    const list = this.visible();
    if (list.length === 0) return;
    const at = Math.max(0, list.findIndex((w) => w.id === (this.active ?? this.selected)));
    const move = listKeyMove(e.key, at, list.length, this.ui === 'mn-Mong');
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
    if (e.key !== 'Escape') return;
    if (this.form) {
      e.stopPropagation();
      const action = this.form.action;
      this.form = null;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus());
    } else if (this.detail) {
      e.stopPropagation();
      this.closeDetail();
    }
  };

  private closeDetail(): void {
    const id = this.selected;
    this.selected = null;
    this.detail = null;
    this.form = null;
    void this.updateComplete.then(() => (id ? this.optionEl(id)?.focus() : undefined));
  }

  // ---- steps --------------------------------------------------------------------------------------

  private openForm(action: WarningAction): void {
    const values: Record<string, string> = action === 'assign' && this.detail ? { orgCode: this.detail.assignee?.orgCode ?? this.detail.orgCode } : {};
    this.form = { action, values, rectify: false, issues: {}, error: null, busy: false };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.form sifa-org-picker, .form input, .form textarea')?.focus());
  }

  private setValue(name: string, value: string): void {
    if (!this.form) return;
    const issues = { ...this.form.issues };
    delete issues[name];
    this.form = { ...this.form, values: { ...this.form.values, [name]: value }, issues };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = this.form;
    const warning = this.detail;
    if (!form || !warning || form.busy) return;
    const v = form.values;
    const issues: Record<string, string> = {};
    for (const field of formFields[form.action]) {
      if (field.when === 'rectify' && !form.rectify) continue;
      if (field.required && !(v[field.name] ?? '').trim()) issues[field.name] = this.t(field.kind === 'org' ? 'fieldOrgPick' : 'required');
    }
    if (Object.keys(issues).length > 0) {
      this.form = { ...form, issues, error: this.t('fixFields') };
      void this.focusFirstIssue();
      return;
    }
    this.form = { ...form, busy: true, error: null, issues: {} };
    const id = warning.id;
    try {
      let result: WarningDetail;
      switch (form.action) {
        case 'notice':
          result = await this.client.mutate<WarningsCalls, 'warnings.issueNotice'>(
            'warnings.issueNotice',
            {
              id,
              requirement: v['requirement']!.trim(),
              respondBy: orNothing(v['respondBy']),
              note: orNothing(v['note']),
              rectification: form.rectify ? { requirements: lines(v['requirements']), basis: orNothing(v['basis']) } : undefined,
            },
            this.locale,
          );
          break;
        case 'assign':
          result = await this.client.mutate<WarningsCalls, 'warnings.assign'>(
            'warnings.assign',
            { id, orgCode: v['orgCode']!.trim(), person: orNothing(v['person']), task: v['task']!.trim(), respondBy: orNothing(v['respondBy']), note: orNothing(v['note']) },
            this.locale,
          );
          break;
        case 'respond':
          result = await this.client.mutate<WarningsCalls, 'warnings.respond'>('warnings.respond', { id, text: v['text']!.trim(), measures: lines(v['measures']) }, this.locale);
          break;
        case 'close':
          result = await this.client.mutate<WarningsCalls, 'warnings.close'>('warnings.close', { id, note: orNothing(v['note']), advice: orNothing(v['advice']) }, this.locale);
          break;
      }
      this.detail = result;
      this.form = null;
      this.announcement = this.t(doneKeys[form.action]);
      this.emit<WarningChangedDetail>('sifa-warning-changed', { id, action: form.action, state: result.state });
      void this.load(true);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus());
    } catch (error) {
      const fieldIssues: Record<string, string> = {};
      const names = new Set(formFields[form.action].map((f) => f.name));
      const rest: string[] = [];
      if (error instanceof SifaClientError) {
        for (const issue of error.issues) {
          const field = fieldOfIssue(issue.path);
          if (names.has(field)) fieldIssues[field] = issue.message;
          else rest.push(issue.message);
        }
      }
      const reason = rest.length ? rest.join(' ') : this.reason(error);
      this.form = { ...form, busy: false, issues: fieldIssues, error: Object.keys(fieldIssues).length ? this.t('fixFields') : this.t('failed', { reason }) };
      if (Object.keys(fieldIssues).length) void this.focusFirstIssue();
    }
  }

  private async focusFirstIssue(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.form [aria-invalid="true"], .form [data-invalid]')?.focus();
  }

  private async download(e: Event, doc: WarningDocumentRef): Promise<void> {
    const config = getSifaConfig();
    // Without a token source the link itself is all there is (a signed-in Sifa page, say).
    if (!config?.getToken && !config?.tokenUrl) return;
    e.preventDefault();
    this.downloadError = null;
    try {
      const { blob, filename } = await this.track(this.client.download(doc.downloadPath as `/${string}`));
      saveFile(blob, filename ?? documentFileName(doc.number, doc.title));
    } catch (error) {
      this.downloadError = this.t('downloadFailed', { reason: this.reason(error) });
    }
  }

  // ---- words ------------------------------------------------------------------------------------

  /** Server text in the UI language; Chinese (marked) where it has no Mongolian. */
  private text(value: LocalizedText | WarningOrgName): TemplateResult {
    if (this.ui === 'en' && value.en) return html`${value.en}`;
    if (this.ui === 'mn-Mong' && value.mn) return html`${value.mn}`;
    return this.ui === 'zh-CN' ? html`${value.zh}` : html`<span lang="zh-CN">${value.zh}</span>`;
  }

  private when(iso: string, withTime = true): string {
    return formatDate(this.ui, iso, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  }

  private age(w: WarningSummary): string {
    const days = Math.floor((Date.now() - Date.parse(w.raisedAt)) / 86_400_000);
    return days <= 0 ? this.t('ageToday') : this.t('ageDays', { days });
  }

  private badge(severity: WarningSeverity): TemplateResult {
    return html`<span class="badge ${severity}">${this.t(severityKeys[severity])}</span>`;
  }

  // ---- rendering --------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<section part="base" class="frame" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && warningsMessages.mnDrafts.size > 0;
    const frame = (content: TemplateResult) =>
      html`<section part="base" class="frame mode-${this.mode} ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        ${content}
        <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      </section>`;
    return frame(this.mode === 'compact' ? this.renderCompact() : this.renderList());
  }

  private renderCount(): TemplateResult | typeof nothing {
    if (this.loading && !this.list) return html`<p class="count" id="count">${this.t('loading')}</p>`;
    if (!this.list) return nothing;
    const { total, warnings } = this.list;
    return html`<p class="count" id="count">${total > warnings.length ? this.t('countShown', { count: total, shown: warnings.length }) : this.t('count', { count: total })}</p>`;
  }

  /** The button under the list reading the next page, while the server has one. */
  private renderMore(): TemplateResult | typeof nothing {
    const list = this.list;
    if (!list?.nextCursor) return nothing;
    const rest = Math.max(0, list.total - list.warnings.length);
    return html`<button type="button" class="more" part="more" ?disabled=${this.loadingMore} aria-describedby="count" @click=${() => void this.loadMore()}>
      ${this.loadingMore ? this.t('loadingMore') : this.t('loadMore', { rest })}
    </button>`;
  }

  private renderLoadError(): TemplateResult | typeof nothing {
    if (!this.loadError) return nothing;
    return html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.loadError) })} <button type="button" @click=${() => void this.load()}>${this.t('retry')}</button></p>`;
  }

  private renderEmpty(): TemplateResult | typeof nothing {
    if (this.loading || this.loadError || this.visible().length > 0) return nothing;
    return html`<p class="empty">${this.mode === 'compact' || this.status === 'open' ? this.t('emptyOpen') : this.t('empty')}</p>`;
  }

  private meta(w: WarningSummary): TemplateResult {
    return html`${this.t(stateKeys[w.state])} · ${this.age(w)}${w.overdue ? html` · <span class="overdue">${this.t('overdue')}</span>` : nothing}`;
  }

  private renderCompact(): TemplateResult {
    const list = this.visible();
    return html`
      <h2 id="title">${this.t('titleCompact')}</h2>
      ${this.renderCount()} ${this.renderLoadError()} ${this.renderEmpty()}
      ${list.length
        ? html`<ul class="compact-list" part="list" aria-labelledby="title" aria-describedby="count">
            ${list.map((w) => {
              // Only an http(s) or relative address becomes a link; else the item is a button.
              const href = linkHref(this.detailHref, { id: w.id });
              const body = html`${this.badge(w.severity)}<span class="title">${this.text(w.title)} — ${this.text(w.orgName)}</span><span class="meta">${this.meta(w)}</span>`;
              const pick = (e: Event) => {
                if (!this.emit<WarningSelectDetail>('sifa-warning-select', { id: w.id })) e.preventDefault();
              };
              return html`<li>
                ${href
                  ? html`<a class="compact-item" part="item" href=${href} data-id=${w.id} @click=${pick}>${body}</a>`
                  : html`<button type="button" class="compact-item" part="item" data-id=${w.id} @click=${pick}>${body}</button>`}
              </li>`;
            })}
          </ul>`
        : nothing}
    `;
  }

  private renderList(): TemplateResult {
    const list = this.visible();
    const showDetail = Boolean(this.selected && (this.detail || this.detailError));
    return html`
      <div class="head">
        <h2 id="title">${this.t('title')}</h2>
        <div class="toolbar" part="toolbar">
          <label class="field">
            <span>${this.t('status')}</span>
            <select
              @change=${(e: Event) => {
                this.status = (e.target as HTMLSelectElement).value as Status;
                void this.load();
              }}
            >
              ${(['open', 'closed', 'all'] as const).map(
                (s) => html`<option value=${s} ?selected=${this.status === s}>${this.t(s === 'open' ? 'statusOpen' : s === 'closed' ? 'statusClosed' : 'statusAll')}</option>`,
              )}
            </select>
          </label>
          <label class="field">
            <span>${this.t('severity')}</span>
            <select
              @change=${(e: Event) => {
                this.severity = (e.target as HTMLSelectElement).value as WarningSeverity | '';
                void this.load();
              }}
            >
              <option value="" ?selected=${this.severity === ''}>${this.t('severityAll')}</option>
              ${(['urgent', 'warning', 'info'] as const).map((s) => html`<option value=${s} ?selected=${this.severity === s}>${this.t(severityKeys[s])}</option>`)}
            </select>
          </label>
          ${this.list?.viewer.canManage
            ? html`<button type="button" class="primary evaluate" ?disabled=${this.evaluating} @click=${() => void this.evaluate()}>${this.evaluating ? this.t('evaluating') : this.t('evaluate')}</button>`
            : nothing}
        </div>
      </div>
      ${this.renderEvaluation()}
      <div class="body ${showDetail ? '' : 'single'}">
        <div class="side">
          ${this.renderCount()} ${this.renderLoadError()} ${this.renderEmpty()}
          ${list.length ? this.renderItems(list) : nothing} ${this.renderMore()}
        </div>
        ${showDetail ? this.renderDetail() : nothing}
      </div>
    `;
  }

  private renderEvaluation(): TemplateResult | typeof nothing {
    const r = this.evaluation;
    if (!r) return nothing;
    return html`<div class="evaluation">
      <p>${this.t('evaluated', { raised: r.raised, open: r.stillOpen, resolved: r.resolved, escalated: r.escalated })}</p>
      ${r.notEvaluable.length
        ? html`<p>${this.t('notEvaluable')}</p>
            <ul>
              ${r.notEvaluable.map((n) => html`<li>${this.text(n.title)}：${this.text(n.reason)}</li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  private renderItems(list: WarningSummary[]): TemplateResult {
    const active = list.some((w) => w.id === this.active) ? this.active : (list.find((w) => w.id === this.selected)?.id ?? list[0]?.id);
    return html`<ul class="list" part="list" role="listbox" aria-label=${this.t('list')} aria-describedby="count" aria-busy=${this.loading ? 'true' : 'false'} @keydown=${(e: KeyboardEvent) => this.onListKey(e)}>
      ${list.map((w) => {
        const selected = w.id === this.selected;
        return html`<li
          role="option"
          part="item ${selected ? 'item-selected' : ''}"
          class="option ${selected ? 'selected' : ''}"
          data-id=${w.id}
          aria-selected=${selected ? 'true' : 'false'}
          tabindex=${w.id === active ? '0' : '-1'}
          @click=${() => this.choose(w.id)}
          @focus=${() => (this.active = w.id)}
        >
          ${this.badge(w.severity)}
          <span class="title">${this.text(w.title)}</span>
          <span class="org">${this.text(w.orgName)}</span>
          <span class="meta">${this.meta(w)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderDetail(): TemplateResult {
    const w = this.detail;
    if (!w) {
      return html`<section class="detail" part="detail" aria-labelledby="detail-title">
        <div class="detail-head">
          <h3 id="detail-title" tabindex="-1">${this.t('details')}</h3>
          <button type="button" class="close" aria-label=${this.t('closeDetails')} @click=${() => this.closeDetail()}>×</button>
        </div>
        <p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.detailError) })}</p>
      </section>`;
    }
    return html`<section class="detail" part="detail" aria-labelledby="detail-title">
      <div class="detail-head">
        <h3 id="detail-title" tabindex="-1">${this.text(w.title)}</h3>
        <button type="button" class="close" aria-label=${this.t('closeDetails')} @click=${() => this.closeDetail()}>×</button>
      </div>
      <p class="summary">${this.text(w.summary)}</p>
      <dl>
        <dt>${this.t('org')}</dt>
        <dd>${this.text(w.orgName)}</dd>
        <dt>${this.t('severityLabel')}</dt>
        <dd>${this.badge(w.severity)}</dd>
        <dt>${this.t('stateLabel')}</dt>
        <dd>${this.t(stateKeys[w.state])}${w.closeReason === 'cleared' ? html` (${this.t('clearedClosed')})` : nothing}</dd>
        <dt>${this.t('raisedAt')}</dt>
        <dd><time datetime=${w.raisedAt}>${this.when(w.raisedAt)}</time></dd>
        ${w.respondBy && w.state !== 'closed'
          ? html`<dt>${this.t('respondByLabel')}</dt>
              <dd>${this.when(w.respondBy, false)}${w.overdue ? html` <span class="overdue">${this.t('overdue')}</span>` : nothing}</dd>`
          : nothing}
        ${w.assignee
          ? html`<dt>${this.t('assignee')}</dt>
              <dd>${this.text(w.assignee.orgName)}${w.assignee.person ? ` · ${w.assignee.person}` : ''}</dd>`
          : nothing}
        ${w.escalatedTo
          ? html`<dt>${this.t('escalatedTo')}</dt>
              <dd>${this.text(w.escalatedTo.orgName)}</dd>`
          : nothing}
      </dl>
      ${!w.conditionActive && w.state !== 'closed' ? html`<p class="cleared">${this.t('conditionCleared')}</p>` : nothing}
      ${w.evidence.items.length
        ? html`<h4>${this.t('evidence')}</h4>
            <ul class="evidence">
              ${w.evidence.items.map((i) => html`<li>${this.text(i.label)}</li>`)}
            </ul>`
        : nothing}
      <h4>${this.t('timeline')}</h4>
      <ol class="timeline">
        ${w.steps.map((s) => this.renderStep(s))}
      </ol>
      ${this.downloadError ? html`<p class="error" role="alert">${this.downloadError}</p>` : nothing}
      <h4>${this.t('actions')}</h4>
      ${w.actions.length
        ? html`<div class="actions">
            ${w.actions.map(
              (a) =>
                html`<button type="button" data-action=${a} aria-expanded=${this.form?.action === a ? 'true' : 'false'} class=${this.form?.action === a ? 'primary' : ''} @click=${() => this.openForm(a)}>
                  ${this.t(actionKeys[a])}
                </button>`,
            )}
          </div>`
        : html`<p class="hint">${this.t('noActions')}</p>`}
      ${this.renderForm()}
    </section>`;
  }

  private renderStep(s: WarningStep): TemplateResult {
    const whom = s.assignee ? html` ${this.text(s.assignee.orgName)}${s.assignee.person ? ` · ${s.assignee.person}` : ''}` : nothing;
    return html`<li>
      <p class="step-head"><strong>${this.t(stepKeys[s.kind])}${whom}</strong></p>
      <p class="step-by"><time datetime=${s.at}>${this.when(s.at)}</time> · ${s.by.kind === 'system' ? this.t('bySystem') : s.by.name}</p>
      ${s.text ? html`<p class="step-text">${s.text}</p>` : nothing}
      ${s.items.length ? html`<ul>${s.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      ${s.respondBy ? html`<p>${this.t('respondBy', { date: this.when(s.respondBy, false) })}</p>` : nothing}
      ${s.note ? html`<p>${this.t('noteLabel', { note: s.note })}</p>` : nothing}
      ${s.documents.length
        ? html`<ul class="docs" aria-label=${this.t('documents')}>
            ${s.documents.map(
              (d) => html`<li><a href=${`${getSifaConfig()?.endpoint ?? ''}${d.downloadPath}`} download=${documentFileName(d.number, d.title)} @click=${(e: Event) => void this.download(e, d)} lang=${ifDefined(this.ui === 'zh-CN' ? undefined : 'zh-CN')}>${d.title}</a> <span class="hint">${d.number}</span></li>`,
            )}
          </ul>`
        : nothing}
    </li>`;
  }

  private renderForm(): TemplateResult | typeof nothing {
    const form = this.form;
    if (!form) return nothing;
    const field = (f: (typeof formFields)[WarningAction][number]) => {
      if (f.when === 'rectify' && !form.rectify) return nothing;
      const id = `f-${f.name}`;
      const issue = form.issues[f.name];
      const describedBy = [issue ? `${id}-issue` : '', f.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
      const value = form.values[f.name] ?? '';
      const onInput = (e: Event) => this.setValue(f.name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
      if (f.kind === 'org') {
        // The picker carries its own label, hint and message (they cannot cross into its shadow root).
        return html`<div class="field">
          <sifa-org-picker
            id=${id}
            root=${ifDefined(this.detail?.orgCode)}
            .value=${value}
            label=${this.t(f.label)}
            hint=${ifDefined(f.hint ? this.t(f.hint) : undefined)}
            .error=${issue}
            ?required=${f.required}
            data-invalid=${ifDefined(issue ? 'true' : undefined)}
            @sifa-org-change=${(e: CustomEvent<OrgChangeDetail>) => this.setValue(f.name, e.detail.code ?? '')}
          ></sifa-org-picker>
        </div>`;
      }
      const control =
        f.kind === 'textarea'
          ? html`<textarea id=${id} name=${f.name} .value=${live(value)} ?required=${f.required} aria-invalid=${issue ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy || undefined)} @input=${onInput}></textarea>`
          : html`<input id=${id} name=${f.name} type=${f.kind === 'date' ? 'date' : 'text'} .value=${live(value)} ?required=${f.required} aria-invalid=${issue ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy || undefined)} @input=${onInput} />`;
      return html`<div class="field">
        <label for=${id}>${this.t(f.label)}</label>
        ${control}
        ${f.hint ? html`<span class="hint" id=${`${id}-hint`}>${this.t(f.hint)}</span>` : nothing}
        ${issue ? html`<span class="issue" id=${`${id}-issue`}>${issue}</span>` : nothing}
      </div>`;
    };
    const fields = formFields[form.action];
    return html`<form class="form" part="form" novalidate aria-labelledby="form-title" @submit=${(e: Event) => void this.submit(e)}>
      <h4 id="form-title">${this.t(actionKeys[form.action])}</h4>
      ${fields.filter((f) => f.name === 'requirement' || f.name === 'respondBy' || form.action !== 'notice').map(field)}
      ${form.action === 'notice'
        ? html`<label class="check"
              ><input
                type="checkbox"
                .checked=${form.rectify}
                @change=${(e: Event) => {
                  if (this.form) this.form = { ...this.form, rectify: (e.target as HTMLInputElement).checked };
                }}
              />${this.t('fieldRectify')}</label
            >
            ${fields.filter((f) => f.name !== 'requirement' && f.name !== 'respondBy').map(field)}`
        : nothing}
      ${form.error ? html`<p class="error" role="alert">${form.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${form.busy}>${form.busy ? this.t('submitting') : this.t('submit')}</button>
        <button
          type="button"
          ?disabled=${form.busy}
          @click=${() => {
            const action = form.action;
            this.form = null;
            void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus());
          }}
        >
          ${this.t('cancel')}
        </button>
      </div>
    </form>`;
  }
}
