/**
 * <sifa-cases type="mediation.case">: the case lists and case files of any case type a plugin
 * declares (people's mediation, consultation records, legality reviews …). It reads the type from
 * `<plugin>.cases.type` (plugin = the part of `type` before the dot; `api` names another place for
 * a plugin's further case types, e.g. `applications.legalAid` → `applications.legalAid.cases.*`) and shows:
 * - the list, filtered by state, progress (in progress, closed, due soon, overdue) and a word,
 *   paged, each row with its number, state, the type's list fields (masked as served) and the
 *   next deadline ("还剩 3 个工作日");
 * - a case file: its fields, the timeline (who did what when, each step's fields, the documents
 *   issued), attachments (upload with progress, download), deadlines with their legal basis, and
 *   the steps the caller may take now, each a form generated from the step's field specs,
 *   checked before sending and sent with the revision the user saw (a CONFLICT reloads the file
 *   and says what changed; nothing typed is ever dropped);
 * - the opening form (the type's opening transition), for those who may open cases.
 *
 * Calls are typed by `ApiOf<CaseworkRouter, '<plugin>.cases'>` (@sifa/core); attachments go through
 * the plugin's routes (`/plugins/<plugin>/cases/<id>/attachments`), documents through the
 * platform's (`platform.documents.get`, their `downloadPath`).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type {
  ApiOf,
  CaseAttachmentView,
  CaseCheck,
  CaseDeadlineView,
  CaseEventView,
  CaseFieldSpec,
  CaseFieldValue,
  CaseFile,
  CaseListQueryInput,
  CaseNextStep,
  CaseParty,
  CaseSignature,
  CaseSummary,
  CaseTypeView,
  CaseworkRouter,
  IssuedDocument,
  LocalizedText,
  Role,
} from '@sifa/core';
import { SifaElement } from '../base/sifa-element.js';
import { SifaClientError, failureReason } from '../client/client.js';
import { getSifaConfig } from '../config/config.js';
import { saveFile } from '../base/save-file.js';
import { formatDate, formatNumber } from '../i18n/i18n.js';
import { casesMessages, type CasesMessageKey } from './messages.js';
import { casesStyles } from './sifa-cases.styles.js';
import { filePickStyles } from '../base/file-pick.styles.js';
import {
  attachmentsBySha,
  changesSince,
  basicChecks,
  deadlineStateKeys,
  deadlineText,
  extraChecks,
  isRequired,
  issueKey,
  newStepForm,
  openingStep,
  overridesOf,
  blocked,
  partiesOf,
  payloadOf,
  signersOf,
  sizeText,
  visibleErrors,
  withProposals,
  type FormValue,
  type PartyRow,
  type SignatureRow,
  type StepForm,
} from './model.js';

/** The procedures of any case type, `<plugin>.cases.*` (inferred from core's `caseworkRouter`). */
export type CaseCalls = ApiOf<CaseworkRouter, `${string}.cases`>;

/** The platform's procedures the element calls besides (types only). */
export type CasesPlatformCalls = {
  'platform.auth.me': { type: 'query'; input: undefined; output: { userId: string; role: Role; orgCode: string; permissions: string[] } };
  'platform.documents.get': { type: 'query'; input: { id: string }; output: IssuedDocument };
};

/** `sifa-case-select`: a case file was opened from the list. */
export interface CaseSelectDetail {
  id: string;
}
/** `sifa-case-opened`: the user opened (registered) a new case. */
export interface CaseOpenedDetail {
  id: string;
  number: string;
}
/** `sifa-case-changed`: a step the user took was stored. */
export interface CaseChangedDetail {
  id: string;
  transition: string;
  state: string;
  revision: number;
}

type Status = 'all' | 'open' | 'closed' | 'due-soon' | 'overdue';
type View = 'list' | 'file' | 'open';

interface Upload {
  id: number;
  name: string;
  sent: number;
  total: number;
  error: string | null;
  controller: AbortController;
}

interface DocumentRef {
  title: string;
  number: string | null;
  downloadPath: `/${string}`;
}

const statusKeys: Record<Status, CasesMessageKey> = {
  all: 'statusAll',
  open: 'statusOpen',
  closed: 'statusClosed',
  'due-soon': 'statusDueSoon',
  overdue: 'statusOverdue',
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const chinaDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day (YYYY-MM-DD) in China of an instant: the calendar a step's day (`on`) is in. */
const chinaDayOf = (iso: string) => chinaDays.format(new Date(iso));
const safeId = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, '_');
/** The file name a downloaded document gets when the server names none. */
const docFileName = (ref: DocumentRef) => `${ref.number ? `${ref.number} ` : ''}${ref.title}`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120) + '.docx';

let uploadSeq = 0;

/** The largest attachment the engine takes (20 MiB); bigger files are refused before sending. */
const maxUploadBytes = 20 * 1024 * 1024;
/** What the engine accepts (it sniffs the bytes; this only narrows the file picker). */
const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,application/pdf,image/png,image/jpeg,text/plain';

type ValidatorModule = typeof import('./validate.js');
/** The shared schema's chunk (validate.ts), loaded once per page when a form first opens. */
let validator: ValidatorModule | null = null;
let validatorLoading: Promise<ValidatorModule> | null = null;
function loadValidator(): Promise<ValidatorModule> {
  validatorLoading ??= import('./validate.js').then(
    (m) => (validator = m),
    (error: unknown) => {
      validatorLoading = null;
      throw error;
    },
  );
  return validatorLoading;
}
/** Starts loading the checks (a failure is tried again at the next form; meanwhile the basic checks apply). */
const preloadValidator = () => void loadValidator().catch(() => undefined);

/**
 * @summary Case lists and case files of any case type (`type="mediation.case"`): filters, paging
 * and deadlines in the list; fields, timeline with documents, attachments, deadlines with their
 * legal basis and the next allowed steps as generated forms in the file; the opening form.
 *
 * @fires sifa-case-select - A case file was opened from the list. Detail: `CaseSelectDetail` (`{ id }`).
 * @fires sifa-case-opened - The user opened a new case. Detail: `CaseOpenedDetail` (`{ id, number }`).
 * @fires sifa-case-changed - A step the user took was stored. Detail: `CaseChangedDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart toolbar - The list's filters.
 * @csspart list - The list of cases.
 * @csspart row - One case in the list.
 * @csspart file - The open case file.
 * @csspart timeline - The case's steps taken.
 * @csspart form - A step's form (and the opening form).
 *
 * @cssprop --sifa-cases-vertical-size - Height of the widget laid out vertically (Mongolian); default 40em.
 * @cssprop --sifa-color-primary - Buttons and the state badges (see the theme tokens for the rest).
 */
export class SifaCases extends SifaElement {
  static override styles = [...SifaElement.styles, filePickStyles, casesStyles];

  /** The case type, `<plugin>.<name>`, e.g. `mediation.case`. */
  @property({ reflect: true }) type: string | undefined;

  /**
   * Where the type's procedures are, `<api>.cases.*`: by default the plugin (the part of `type`
   * before the dot). A plugin with several case types mounts the others deeper, e.g.
   * `<sifa-cases type="applications.legal-aid" api="applications.legalAid">`.
   */
  @property({ reflect: true }) api: string | undefined;

  /** Only cases of this org's subtree (default: everything the signed-in user may see). */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The open case file's id (reflects the one shown; set it to open one). */
  @property({ attribute: 'case', reflect: true }) caseId: string | null = null;

  /** Cases per page of the list (1–200; default 20). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  @state() private caseType: CaseTypeView | null = null;
  @state() private me: CasesPlatformCalls['platform.auth.me']['output'] | null = null;
  @state() private typeError: unknown = null;
  @state() private list: { rows: CaseSummary[]; total: number } | null = null;
  @state() private listLoading = false;
  @state() private listError: unknown = null;
  @state() private filterState = '';
  @state() private filterStatus: Status = 'all';
  @state() private query = '';
  @state() private typedQuery = '';
  @state() private offset = 0;
  @state() private view: View = 'list';
  @state() private file: CaseFile | null = null;
  @state() private fileError: unknown = null;
  @state() private fileLoading = false;
  @state() private documents = new Map<string, DocumentRef>();
  @state() private form: StepForm | null = null;
  @state() private uploads: Upload[] = [];
  @state() private downloadError: string | null = null;
  @state() private notice: string | TemplateResult = '';
  /** The checks of the open form are being (re)loaded; why they could not be. */
  @state() private checksLoading = false;
  @state() private checksError: unknown = null;

  /** Forms left without submitting, by `<case>/<step>`: reopened as they were. */
  private readonly drafts = new Map<string, StepForm>();
  private typeSeq = 0;
  private listSeq = 0;
  private fileSeq = 0;
  private checksSeq = 0;
  private checksTimer: ReturnType<typeof setTimeout> | undefined;

  private t(key: CasesMessageKey, params?: Record<string, string | number>): string {
    return casesMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onHostKey);
    if (this.hasUpdated) void this.loadType();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKey);
    for (const u of this.uploads) u.controller.abort();
    clearTimeout(this.checksTimer);
  }

  protected override configChanged(): void {
    void this.loadType();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(casesMessages, this.locale);
    if (!this.isConnected) return;
    if (changed.has('type') || (changed.has('api') && this.hasUpdated)) {
      void this.loadType();
      return;
    }
    if (changed.has('orgCode') && this.hasUpdated) {
      this.offset = 0;
      void this.loadList();
    }
    if (changed.has('pageSize') && this.hasUpdated) void this.loadList();
    if (changed.has('caseId') && this.caseType && this.caseId !== (this.file?.id ?? null)) {
      if (this.caseId) void this.showFile(this.caseId, false);
      else this.view = 'list';
    }
  }

  // ---- data -------------------------------------------------------------------------------------

  /** The plugin serving the type: the part of `type` before the dot. */
  private get plugin(): string | null {
    const match = /^([a-z][a-z0-9-]*)\.[a-z0-9][a-z0-9.-]*$/.exec(this.type ?? '');
    return match ? match[1]! : null;
  }

  private path<K extends 'type' | 'list' | 'get' | 'open' | 'transition' | 'checks'>(name: K): `${string}.cases.${K}` {
    return `${this.api && /^[a-z][a-z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)*$/.test(this.api) ? this.api : this.plugin}.cases.${name}`;
  }

  private get size(): number {
    const n = Number(this.pageSize);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, 200) : 20;
  }

  /** Why a call failed, in the user's language (the server has no Mongolian: the widget words the common refusals). */
  private reason(error: unknown): string {
    if (this.ui === 'mn-Mong' && error instanceof SifaClientError) {
      const byCode: Partial<Record<string, CasesMessageKey>> = {
        FORBIDDEN: 'errForbidden',
        NOT_FOUND: 'errNotFound',
        OUT_OF_SCOPE: 'errNotFound',
        UNAUTHENTICATED: 'errUnauthenticated',
        TOKEN_EXPIRED: 'errUnauthenticated',
        PAYLOAD_TOO_LARGE: 'errTooLarge',
        UNSUPPORTED_MEDIA_TYPE: 'errUnsupportedType',
        UNAVAILABLE: 'errUnavailable',
        RETRY_LATER: 'errUnavailable',
        INTERNAL: 'errUnavailable',
        BAD_REQUEST: 'errRefused',
      };
      const key = byCode[error.sifaCode];
      if (key) return this.t(key, { max: maxUploadBytes / 1024 / 1024 });
    }
    return failureReason(error, this.t('unreachable'));
  }

  /** A catalog key of the shared schema's messages in the user's language (zh and en are the server's own words). */
  private issueText(key: string | null): string {
    return this.t(key && key in casesMessages.catalogs['zh-CN'] ? (key as CasesMessageKey) : 'invalidValue');
  }

  /** A field issue the server sent: its words, or the widget's Mongolian for them. */
  private serverIssueText(message: string): string {
    if (this.ui !== 'mn-Mong' || !validator) return message;
    const key = validator.keyOfServerText(message);
    return key ? this.issueText(key) : message;
  }

  /** How many parties the case has, for the signers a signatures field expects. */
  private partyCount(): number {
    return partiesOf(this.caseType, this.file?.fields).length;
  }

  /** The form's issues: the shared schema's (the server's own checks), else the basic checks, and what only the widget knows. */
  private check(form: StepForm): Record<string, string> {
    const t = (k: CasesMessageKey, p?: Record<string, string | number>) => this.t(k, p);
    if (!validator) return basicChecks(form, t, this.today);
    const errors = extraChecks(form, t, this.today);
    const { fields, rows } = payloadOf(form);
    for (const issue of validator.schemaIssues(form.step.fields, fields, this.partyCount(), form.context)) {
      errors[issueKey(issue.path, form, rows) ?? ''] ??= this.issueText(issue.key);
    }
    // Too few parties is said where a name is missing: not once more for the whole list.
    for (const [name, spec] of Object.entries(form.step.fields)) {
      if (spec.kind === 'parties' && Object.keys(errors).some((k) => k.startsWith(`${name}.`))) delete errors[name];
    }
    return errors;
  }

  private get today(): string {
    return isoDay(new Date());
  }

  /** Reads the case type, the caller, then the list (and the file asked for by `case`). */
  private async loadType(): Promise<void> {
    const seq = ++this.typeSeq;
    this.typeError = null;
    if (!this.plugin) {
      this.caseType = null;
      return;
    }
    try {
      const [type, me] = await this.track(
        Promise.all([
          this.client.query<CaseCalls, `${string}.cases.type`>(this.path('type'), undefined, this.locale),
          this.client.query<CasesPlatformCalls, 'platform.auth.me'>('platform.auth.me', undefined, this.locale).catch(() => null),
        ]),
      );
      if (seq !== this.typeSeq) return;
      this.caseType = type;
      this.me = me;
      if (this.caseId) void this.showFile(this.caseId, false);
      await this.loadList();
    } catch (error) {
      if (seq === this.typeSeq) this.typeError = error ?? new Error('unknown');
    }
  }

  /** Reads the list page for the filters in effect. */
  async refresh(): Promise<void> {
    await this.loadList();
    if (this.file && this.view === 'file') await this.reloadFile();
  }

  private async loadList(): Promise<void> {
    if (!this.plugin || !this.caseType) return;
    const seq = ++this.listSeq;
    this.listLoading = true;
    this.listError = null;
    const input: CaseListQueryInput = {
      status: this.filterStatus,
      limit: this.size,
      offset: this.offset,
      ...(this.filterState ? { state: [this.filterState] } : {}),
      ...(this.query ? { q: this.query } : {}),
      ...(this.orgCode ? { orgCode: this.orgCode } : {}),
    };
    try {
      const list = await this.track(this.client.query<CaseCalls, `${string}.cases.list`>(this.path('list'), input, this.locale));
      if (seq !== this.listSeq) return;
      this.list = list;
      // A page past the end (cases closed meanwhile): back to the last page there is.
      if (list.rows.length === 0 && list.total > 0 && this.offset > 0) {
        this.offset = Math.max(0, Math.floor((list.total - 1) / this.size) * this.size);
        void this.loadList();
      }
    } catch (error) {
      if (seq === this.listSeq) this.listError = error ?? new Error('unknown');
    } finally {
      if (seq === this.listSeq) this.listLoading = false;
    }
  }

  private async fetchFile(id: string): Promise<CaseFile> {
    return this.track(this.client.query<CaseCalls, `${string}.cases.get`>(this.path('get'), { id }, this.locale));
  }

  /** Opens a case file (from the list, or `case` set by the host). */
  private async showFile(id: string, focus: boolean): Promise<void> {
    const seq = ++this.fileSeq;
    this.view = 'file';
    if (this.caseId !== id) this.caseId = id;
    if (this.file?.id !== id) {
      this.file = null;
      this.form = null;
      this.uploads = [];
    }
    this.fileError = null;
    this.downloadError = null;
    this.fileLoading = true;
    if (focus) void this.focusAfterUpdate('#case-title');
    try {
      const file = await this.fetchFile(id);
      if (seq !== this.fileSeq) return;
      this.file = file;
      void this.loadDocuments(file);
      if (focus) void this.focusAfterUpdate('#case-title');
    } catch (error) {
      if (seq === this.fileSeq) this.fileError = error ?? new Error('unknown');
    } finally {
      if (seq === this.fileSeq) this.fileLoading = false;
    }
  }

  private async reloadFile(): Promise<CaseFile | null> {
    const id = this.file?.id ?? this.caseId;
    if (!id) return null;
    const seq = ++this.fileSeq;
    try {
      const file = await this.fetchFile(id);
      if (seq !== this.fileSeq) return null;
      this.file = file;
      void this.loadDocuments(file);
      return file;
    } catch (error) {
      if (seq === this.fileSeq) this.fileError = error ?? new Error('unknown');
      return null;
    }
  }

  /** Titles, numbers and download paths of the documents the file's steps issued. */
  private async loadDocuments(file: CaseFile): Promise<void> {
    const missing = [...new Set(file.events.map((e) => e.documentId).filter((d): d is string => Boolean(d) && !this.documents.has(d!)))];
    if (missing.length === 0) return;
    const found = await Promise.all(
      missing.map((id) =>
        this.client.query<CasesPlatformCalls, 'platform.documents.get'>('platform.documents.get', { id }, this.locale).then(
          (d): [string, DocumentRef] => [id, { title: d.title, number: d.number, downloadPath: d.downloadPath as `/${string}` }],
          (): [string, DocumentRef] => [id, { title: this.t('downloadDocument'), number: null, downloadPath: `/plugins/platform/documents/${encodeURIComponent(id)}` }],
        ),
      ),
    );
    this.documents = new Map([...this.documents, ...found]);
  }

  // ---- navigation ---------------------------------------------------------------------------------

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private choose(id: string): void {
    this.emit<CaseSelectDetail>('sifa-case-select', { id });
    void this.showFile(id, true);
  }

  private backToList(): void {
    const id = this.file?.id ?? this.caseId;
    this.keepDraft();
    this.view = 'list';
    this.caseId = null;
    this.file = null;
    this.form = null;
    this.fileError = null;
    this.notice = '';
    void this.loadList().then(() => this.focusAfterUpdate(id ? `.row [data-id="${CSS.escape(id)}"]` : '#title'));
    void this.focusAfterUpdate(id ? `.row [data-id="${CSS.escape(id)}"]` : '#title');
  }

  private readonly onHostKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (this.form) {
      e.stopPropagation();
      e.preventDefault();
      this.closeForm(true);
    } else if (this.view !== 'list') {
      e.stopPropagation();
      e.preventDefault();
      this.backToList();
    }
  };

  private setFilter(change: Partial<{ state: string; status: Status; query: string }>): void {
    if (change.state !== undefined) this.filterState = change.state;
    if (change.status !== undefined) this.filterStatus = change.status;
    if (change.query !== undefined) this.query = change.query.trim();
    this.offset = 0;
    void this.loadList();
  }

  private page(delta: number): void {
    this.offset = Math.max(0, this.offset + delta * this.size);
    void this.loadList().then(() => this.focusAfterUpdate('#list-status'));
  }

  // ---- forms --------------------------------------------------------------------------------------

  private keepDraft(): void {
    if (this.form && !this.form.busy) this.drafts.set(this.form.key, this.form);
  }

  private openStep(step: CaseNextStep): void {
    this.keepDraft();
    const key = `${this.file?.id ?? 'new'}/${step.code}`;
    const draft = this.drafts.get(key);
    this.form = draft ? { ...draft, step, notice: this.t('draftKept'), stale: false } : newStepForm(step, this.file, this.caseType);
    preloadValidator();
    void this.loadChecks();
    void this.focusAfterUpdate('#step-form input:not([type="hidden"]), #step-form select, #step-form textarea');
  }

  private openNew(): void {
    const step = this.caseType ? openingStep(this.caseType) : null;
    if (!step) return;
    this.keepDraft();
    this.view = 'open';
    this.caseId = null;
    this.file = null;
    this.notice = '';
    const draft = this.drafts.get(`new/${step.code}`);
    this.form = draft ? { ...draft, step, notice: this.t('draftKept') } : newStepForm(step, null, this.caseType);
    preloadValidator();
    void this.focusAfterUpdate('#step-form input, #step-form select, #step-form textarea');
  }

  /** Closes the form; `keep`: what was typed stays for the next opening (Escape, leaving), else it is dropped (Cancel). */
  private closeForm(keep: boolean): void {
    const form = this.form;
    if (!form) return;
    if (keep) this.drafts.set(form.key, form);
    else this.drafts.delete(form.key);
    this.form = null;
    if (this.view === 'open') {
      this.view = 'list';
      void this.focusAfterUpdate('.open-new');
    } else void this.focusAfterUpdate(`[data-step="${CSS.escape(form.step.code)}"]`);
  }

  private update_(change: (form: StepForm) => StepForm): void {
    if (!this.form) return;
    const next = change(this.form);
    const errors = visibleErrors(next, this.check(next));
    // Server issues stay on fields the user has not changed since.
    this.form = { ...next, errors: { ...this.keepServerIssues(this.form, next), ...errors } };
    this.drafts.set(this.form.key, this.form);
    // The checks may compare with what the form holds (the body entered): asked again once typing pauses.
    if (next.step.checks && next.values !== this.checkedValues) {
      clearTimeout(this.checksTimer);
      this.checksTimer = setTimeout(() => void this.loadChecks(), 400);
    }
  }

  /** The form values the shown checks were computed with. */
  private checkedValues: StepForm['values'] | null = null;

  /** The checks before the open step (`<api>.cases.checks`), with what its form holds; proposals fill empty fields. */
  private async loadChecks(): Promise<void> {
    const form = this.form;
    if (!form || !form.step.checks || !form.caseId) return;
    clearTimeout(this.checksTimer);
    const seq = ++this.checksSeq;
    this.checksLoading = true;
    this.checksError = null;
    this.checkedValues = form.values;
    try {
      const checks = await this.client.query<CaseCalls, `${string}.cases.checks`>(this.path('checks'), { id: form.caseId, transition: form.step.code, fields: payloadOf(form).fields }, this.locale);
      const now = this.form;
      if (seq !== this.checksSeq || !now || now.key !== form.key) return;
      const values = withProposals(now, checks);
      const next: StepForm = { ...now, values, checks };
      // A check that no longer needs attention takes its issue with it.
      const errors = Object.fromEntries(Object.entries(next.errors).filter(([k]) => !k.startsWith('overrides.') || checks.some((c) => `overrides.${c.code}` === k && c.state === 'attention')));
      this.form = { ...next, errors };
      this.checkedValues = values;
      this.drafts.set(this.form.key, this.form);
    } catch (error) {
      if (seq === this.checksSeq) this.checksError = error ?? new Error('unknown');
    } finally {
      if (seq === this.checksSeq) this.checksLoading = false;
    }
  }

  private setReason(code: string, reason: string): void {
    this.update_((f) => ({ ...f, reasons: { ...f.reasons, [code]: reason } }));
  }

  /** Issues the server gave, kept for the fields whose values did not change. */
  private keepServerIssues(before: StepForm, after: StepForm): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [key, message] of Object.entries(before.errors)) {
      const field = key.split('.')[0]!;
      if (field === 'overrides') {
        const code = key.slice('overrides.'.length);
        if ((before.reasons[code] ?? '') === (after.reasons[code] ?? '')) kept[key] = message;
        continue;
      }
      if (field === 'on' ? before.on === after.on : before.values[field] === after.values[field]) kept[key] = message;
    }
    return kept;
  }

  private setValue(name: string, value: FormValue): void {
    this.update_((f) => ({ ...f, values: { ...f.values, [name]: value } }));
  }

  /** Changes a list value from what the form holds now (several changes before a render all count). */
  private changeList<T>(name: string, change: (current: T[]) => T[]): void {
    this.update_((f) => ({ ...f, values: { ...f.values, [name]: change(Array.isArray(f.values[name]) ? (f.values[name] as T[]) : []) as FormValue } }));
  }

  private touch(name: string): void {
    if (this.form?.touched.has(name)) return;
    this.update_((f) => ({ ...f, touched: new Set(f.touched).add(name) }));
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = this.form;
    // A blocked check refuses the step whatever the form holds: nothing to send until it is fixed.
    if (!form || form.busy || form.stale || blocked(form)) return;
    // The shared schema's checks, once their chunk is here (it was asked for when the form opened).
    if (!validator) {
      this.form = { ...form, busy: true };
      await loadValidator().catch(() => undefined);
    }
    const errors = this.check(form);
    if (Object.keys(errors).length > 0) {
      this.form = { ...form, submitted: true, errors, formError: this.fixErrors(Object.keys(errors).length), notice: null };
      void this.focusFirstIssue();
      return;
    }
    this.form = { ...form, submitted: true, busy: true, errors: {}, formError: null, notice: null };
    const { fields, rows } = payloadOf(form);
    const on = form.on || undefined;
    try {
      if (form.caseId === null) {
        const opened = await this.client.mutate<CaseCalls, `${string}.cases.open`>(this.path('open'), { fields, ...(on ? { on } : {}) }, this.locale);
        this.drafts.delete(form.key);
        this.form = null;
        this.file = opened;
        this.view = 'file';
        this.caseId = opened.id;
        this.notice = this.t('opened', { number: opened.number });
        this.emit<CaseOpenedDetail>('sifa-case-opened', { id: opened.id, number: opened.number });
        void this.loadDocuments(opened);
        void this.loadList();
      } else {
        const file = this.file;
        if (!file) return;
        const result = await this.client.mutate<CaseCalls, `${string}.cases.transition`>(
          this.path('transition'),
          { id: file.id, revision: file.revision, transition: form.step.code, fields, ...(on ? { on } : {}), ...(form.step.checks ? { overrides: overridesOf(form) } : {}) },
          this.locale,
        );
        this.drafts.delete(form.key);
        this.form = null;
        this.file = result;
        this.notice = this.tt('done', { step: this.text(form.step.title), state: this.stateText(result.state) });
        this.emit<CaseChangedDetail>('sifa-case-changed', { id: result.id, transition: form.step.code, state: result.state, revision: result.revision });
        void this.loadDocuments(result);
      }
      void this.focusAfterUpdate('#case-title');
    } catch (error) {
      await this.failed(form, error, rows);
    }
  }

  /** A refused or failed submission: the form stays as typed, with the reason where it belongs. */
  private async failed(form: StepForm, error: unknown, rows: Record<string, number[]>): Promise<void> {
    const base: StepForm = { ...form, busy: false, submitted: true };
    if (error instanceof SifaClientError && error.sifaCode === 'CONFLICT' && form.caseId && this.file) {
      const before = this.file;
      const after = await this.reloadFile();
      if (after) {
        const step = after.next.find((s) => s.code === form.step.code);
        const changes = this.describeChanges(before, after);
        const next: StepForm = step
          ? { ...base, step, notice: null, formError: this.tt('conflict', { changes }), stale: false }
          : { ...base, notice: null, formError: html`${this.tt('conflict', { changes })} ${this.tt('conflictGone', { step: this.text(form.step.title) })}`, stale: true };
        this.form = next;
        this.drafts.set(next.key, next);
        if (step) void this.loadChecks();
        void this.focusAfterUpdate('#form-error');
        return;
      }
    }
    const errors: Record<string, string> = {};
    const rest: string[] = [];
    if (error instanceof SifaClientError) {
      for (const issue of error.issues) {
        const key = issueKey(issue.path, form, rows);
        const text = this.serverIssueText(issue.message);
        if (key) errors[key] ??= text;
        else rest.push(text);
      }
    }
    if (Object.keys(errors).some((k) => k.startsWith('overrides.'))) void this.loadChecks();
    const count = Object.keys(errors).length;
    const formError = count > 0 ? [this.fixErrors(count), ...rest].join(' ') : this.t('failed', { reason: rest.length ? rest.join(' ') : this.reason(error) });
    this.form = { ...base, errors, formError, notice: null };
    this.drafts.set(form.key, this.form);
    if (count > 0) void this.focusFirstIssue();
    else void this.focusAfterUpdate('#form-error');
  }

  private fixErrors(count: number): string {
    return count === 1 ? this.t('fixErrorsOne') : this.t('fixErrors', { count });
  }

  private describeChanges(before: CaseFile, after: CaseFile): TemplateResult {
    const { events, stateChanged } = changesSince(before, after);
    const parts = events.map((e) => this.tt('conflictStep', { name: e.by.name, time: this.time(e.at), step: this.text(this.transitionTitle(e.transition)) }));
    if (stateChanged) parts.push(this.tt('conflictState', { state: this.stateText(after.state) }));
    if (parts.length === 0) return html`${this.t('conflictNone')}`;
    const sep = this.ui === 'en' ? '; ' : '；';
    return html`${parts.map((p, i) => html`${i ? sep : ''}${p}`)}`;
  }

  private async focusFirstIssue(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('#step-form [aria-invalid="true"]');
    (first ?? this.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }

  // ---- attachments and documents ------------------------------------------------------------------

  private onFiles(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = '';
    for (const file of files) void this.upload(file);
  }

  private async upload(file: File): Promise<void> {
    const caseFile = this.file;
    if (!caseFile || !this.plugin) return;
    const entry: Upload = { id: ++uploadSeq, name: file.name, sent: 0, total: file.size, error: null, controller: new AbortController() };
    if (file.size > maxUploadBytes) {
      this.uploads = [...this.uploads, { ...entry, error: this.t('uploadFailed', { name: file.name, reason: this.t('errTooLarge', { max: maxUploadBytes / 1024 / 1024 }) }) }];
      return;
    }
    this.uploads = [...this.uploads, entry];
    const patch = (change: Partial<Upload>) => (this.uploads = this.uploads.map((u) => (u.id === entry.id ? { ...u, ...change } : u)));
    try {
      // A chunk of its own: a page that shows cases but never attaches a file does not load it.
      const { upload } = await import('../client/upload.js');
      await upload(this.client, `/plugins/${this.plugin}/cases/${encodeURIComponent(caseFile.id)}/attachments?name=${encodeURIComponent(file.name)}`, file, {
        signal: entry.controller.signal,
        locale: this.locale,
        onProgress: (sent, total) => patch({ sent, total }),
      });
      this.uploads = this.uploads.filter((u) => u.id !== entry.id);
      this.notice = this.t('uploaded', { name: file.name });
      if (this.file?.id === caseFile.id) await this.reloadFile();
    } catch (error) {
      const aborted = error instanceof SifaClientError && error.sifaCode === 'ABORTED';
      if (aborted) {
        this.uploads = this.uploads.filter((u) => u.id !== entry.id);
        this.notice = this.t('uploadCancelled', { name: file.name });
      } else patch({ error: this.t('uploadFailed', { name: file.name, reason: this.reason(error) }) });
    }
  }

  private dismissUpload(id: number): void {
    this.uploads = this.uploads.filter((u) => u.id !== id);
    void this.focusAfterUpdate('#upload');
  }

  /** Downloads with the page's token (a link alone cannot carry it); without a token source the link does the work. */
  private async download(e: Event, path: `/${string}`, filename: string): Promise<void> {
    const config = getSifaConfig();
    if (!config?.getToken && !config?.tokenUrl) return;
    e.preventDefault();
    this.downloadError = null;
    try {
      const { blob, filename: served } = await this.track(this.client.download(path));
      saveFile(blob, served ?? filename);
    } catch (error) {
      this.downloadError = this.t('downloadFailed', { reason: this.reason(error) });
    }
  }

  // ---- words --------------------------------------------------------------------------------------

  /** Server text in the UI language; Chinese (marked) where it has no Mongolian. */
  private text(value: LocalizedText | undefined): TemplateResult | string {
    if (!value) return '';
    if (this.ui === 'en' && value.en) return value.en;
    if (this.ui === 'mn-Mong' && value.mn) return value.mn;
    return this.ui === 'zh-CN' ? value.zh : html`<span lang="zh-CN">${value.zh}</span>`;
  }

  /** 'zh-CN' when `value` shows in Chinese in a widget speaking another language (for a lang attribute). */
  private fallbackLang(value: LocalizedText): string | undefined {
    return this.ui === 'mn-Mong' && !value.mn ? 'zh-CN' : this.ui === 'en' && !value.en ? 'zh-CN' : undefined;
  }

  /** A check's provision: cited in each language, or as one string (Chinese). */
  private article = (a: string | LocalizedText): LocalizedText => (typeof a == 'string' ? ({ zh: a } as LocalizedText) : a);

  /** The same as plain text (for attributes and sentences). */
  private plain(value: LocalizedText | undefined): string {
    if (!value) return '';
    if (this.ui === 'en' && value.en) return value.en;
    if (this.ui === 'mn-Mong' && value.mn) return value.mn;
    return value.zh;
  }

  /**
   * A message whose parameters may be server text marked with its language (Chinese shown in a
   * Mongolian widget): the catalog sentence split at its placeholders, the parts rendered in place.
   */
  private tt(key: CasesMessageKey, params: Record<string, string | number | TemplateResult>): TemplateResult {
    const pattern = this.t(key);
    const parts: (string | number | TemplateResult)[] = [];
    let last = 0;
    for (const m of pattern.matchAll(/\{(\w+)\}/g)) {
      parts.push(pattern.slice(last, m.index));
      const value = params[m[1]!];
      parts.push(value === undefined ? m[0] : value);
      last = m.index + m[0].length;
    }
    parts.push(pattern.slice(last));
    return html`${parts}`;
  }

  /** A state's title, marked when it falls back to Chinese. */
  private stateText(code: string): TemplateResult | string {
    const s = this.caseType?.states.find((x) => x.code === code);
    return s ? this.text(s.title) : code;
  }

  private transitionTitle(code: string): LocalizedText | undefined {
    return this.caseType?.transitions.find((x) => x.code === code)?.title;
  }

  /** A day (YYYY-MM-DD); numeric in Mongolian (ICU may lack it and would answer in Chinese). */
  private day(day: string): string {
    if (this.ui === 'mn-Mong') return day.slice(0, 10);
    return formatDate(this.ui, day.slice(0, 10), { dateStyle: 'medium' });
  }

  private time(iso: string): string {
    if (this.ui === 'mn-Mong') {
      const d = new Date(iso);
      return `${isoDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
    return formatDate(this.ui, iso, { dateStyle: 'medium', timeStyle: 'short' });
  }

  private number(n: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.ui, n, options);
  }

  private deadline(d: CaseDeadlineView): string {
    return deadlineText(d, (k, p) => this.t(k, p), (day) => this.day(day));
  }

  private signerName(signer: string, spec: Extract<CaseFieldSpec, { kind: 'signatures' }>, parties: readonly CaseParty[]): string {
    const m = /^party-(\d+)$/.exec(signer);
    if (m) {
      const i = Number(m[1]);
      const party = parties[i];
      if (!party) return this.t('signerPartyN', { n: i + 1 });
      const role = this.partyRoleTitle(party.role);
      return this.t('signerParty', { role, name: party.name ?? this.t('anonymous') }).trim();
    }
    const extra = spec.extraSigners.find((s) => s.value === signer);
    return extra ? this.plain(extra.title) : signer;
  }

  private partyRoleTitle(role: string): string {
    for (const spec of Object.values(this.caseType?.fields ?? {})) {
      if (spec.kind !== 'parties') continue;
      const found = spec.roles.find((r) => r.value === role);
      if (found) return this.plain(found.title);
    }
    return role;
  }

  /** A stored value as read in lists, the file and the timeline. */
  private value(spec: CaseFieldSpec | undefined, value: CaseFieldValue | undefined): TemplateResult | string {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    if (!spec) return Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : String(value);
    const sep = this.ui === 'en' ? ', ' : '、';
    switch (spec.kind) {
      case 'text':
        return html`<span class="text">${String(value)}</span>`;
      case 'number':
        return typeof value === 'number' ? html`${this.number(value)}${spec.unit ? html` ${this.text(spec.unit)}` : nothing}` : String(value);
      case 'date':
        return typeof value === 'string' ? this.day(value) : String(value);
      case 'boolean':
        return value === true ? this.t('yes') : this.t('no');
      case 'choice': {
        const o = spec.options.find((x) => x.value === value);
        return o ? this.text(o.title) : String(value);
      }
      case 'choices': {
        const list = Array.isArray(value) ? (value as string[]) : [];
        return html`${list.map((v, i) => {
          const o = spec.options.find((x) => x.value === v);
          return html`${i ? sep : ''}${o ? this.text(o.title) : v}`;
        })}`;
      }
      case 'parties': {
        const list = Array.isArray(value) ? (value as CaseParty[]) : [];
        return html`<ul class="parties-view">
          ${list.map(
            (p) => html`<li>
              <span class="role">${this.partyRoleTitle(p.role)}</span> ${p.name ?? this.t('anonymous')}${[p.idNumber, p.phone, p.address].filter(Boolean).length
                ? html`<span class="party-more">${[p.idNumber, p.phone, p.address].filter(Boolean).join(' · ')}</span>`
                : nothing}
            </li>`,
          )}
        </ul>`;
      }
      case 'signatures': {
        const list = Array.isArray(value) ? (value as CaseSignature[]) : [];
        const parties = partiesOf(this.caseType, this.file?.fields);
        return html`<ul class="plain">
          ${list.map((s) => html`<li>${this.signerName(s.signer, spec, parties)} · ${this.day(s.signedOn)}</li>`)}
        </ul>`;
      }
      case 'attachments': {
        const list = Array.isArray(value) ? (value as string[]) : [];
        const known = attachmentsBySha(this.file?.attachments ?? []);
        return html`${list.map((sha, i) => html`${i ? sep : ''}${known.get(sha)?.name ?? `${sha.slice(0, 8)}…`}`)}`;
      }
    }
  }

  /** A summary value in the list: parties by name only, signatures and files counted. */
  private listValue(spec: CaseFieldSpec | undefined, value: CaseFieldValue | undefined): TemplateResult | string {
    if (spec?.kind === 'parties' && Array.isArray(value)) {
      const sep = this.ui === 'en' ? ', ' : '、';
      return (value as CaseParty[]).map((p) => p.name ?? this.t('anonymous')).join(sep) || '—';
    }
    if (spec?.kind === 'signatures' && Array.isArray(value)) return this.t('signaturesCount', { n: value.length });
    if (spec?.kind === 'attachments' && Array.isArray(value)) return this.t('filesCount', { n: value.length });
    return this.value(spec, value);
  }

  private canOpen(): boolean {
    const type = this.caseType;
    const me = this.me;
    if (!type || !me) return false;
    const opening = type.transitions.find((t) => t.from.length === 0);
    if (!opening) return false;
    return me.permissions.includes(opening.permission) && (!opening.roles || opening.roles.includes(me.role));
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<section part="base" class="frame" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && casesMessages.mnDrafts.size > 0;
    return html`<section
      part="base"
      class="frame view-${this.view} ${vertical ? 'vertical' : ''}"
      lang=${this.ui}
      aria-labelledby="title"
      aria-busy=${this.listLoading || this.fileLoading ? 'true' : 'false'}
      data-draft=${ifDefined(drafts ? 'mn' : undefined)}
    >
      <div class="head">
        <h2 id="title" tabindex="-1">${this.caseType ? this.text(this.caseType.title) : this.t('titleFallback')}</h2>
        ${this.view === 'list' && this.canOpen()
          ? html`<button type="button" class="primary open-new" @click=${() => this.openNew()}>${this.text(this.caseType!.transitions.find((t) => t.from.length === 0)!.title)}</button>`
          : nothing}
      </div>
      <p class="notice" role="status">${this.notice}</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    if (!this.plugin) return html`<p class="error" role="alert">${this.t('noType')}</p>`;
    if (this.typeError) {
      return html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.typeError) })} <button type="button" @click=${() => void this.loadType()}>${this.t('retry')}</button></p>`;
    }
    if (!this.caseType) return html`<p class="loading">${this.t('loading')}</p>`;
    if (this.view === 'open') return this.renderOpen();
    if (this.view === 'file') return this.renderFile();
    return this.renderList();
  }

  // ---- list ---------------------------------------------------------------------------------------

  private renderList(): TemplateResult {
    const type = this.caseType!;
    const list = this.list;
    const rows = list?.rows ?? [];
    const filtered = Boolean(this.filterState || this.filterStatus !== 'all' || this.query);
    return html`
      <form class="toolbar" part="toolbar" role="search" aria-label=${this.t('filters')} @submit=${(e: Event) => (e.preventDefault(), this.setFilter({ query: this.typedQuery }))}>
        <div class="field">
          <label for="filter-state">${this.t('filterState')}</label>
          <select id="filter-state" @change=${(e: Event) => this.setFilter({ state: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filterState}>${this.t('allStates')}</option>
            ${type.states.map((s) => html`<option value=${s.code} lang=${ifDefined(this.fallbackLang(s.title))} ?selected=${this.filterState === s.code}>${this.plain(s.title)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">${this.t('filterStatus')}</label>
          <select id="filter-status" @change=${(e: Event) => this.setFilter({ status: (e.target as HTMLSelectElement).value as Status })}>
            ${(Object.keys(statusKeys) as Status[]).map((s) => html`<option value=${s} ?selected=${this.filterStatus === s}>${this.t(statusKeys[s])}</option>`)}
          </select>
        </div>
        <div class="field grow">
          <label for="filter-q">${this.t('search')}</label>
          <div class="search">
            <input id="filter-q" type="search" maxlength="50" .value=${live(this.typedQuery)} aria-describedby="filter-q-hint" @input=${(e: Event) => (this.typedQuery = (e.target as HTMLInputElement).value)} />
            <button type="submit">${this.t('find')}</button>
          </div>
          <span class="hint" id="filter-q-hint">${this.t('searchHint')}</span>
        </div>
        ${filtered
          ? html`<button
              type="button"
              class="clear"
              @click=${() => {
                this.typedQuery = '';
                this.setFilter({ state: '', status: 'all', query: '' });
              }}
            >
              ${this.t('clearFilters')}
            </button>`
          : nothing}
      </form>
      <p class="count" id="list-status" tabindex="-1" role="status">${this.renderCount()}</p>
      ${this.listError
        ? html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.listError) })} <button type="button" @click=${() => void this.loadList()}>${this.t('retry')}</button></p>`
        : nothing}
      ${list && rows.length === 0 && !this.listError ? html`<p class="empty">${filtered ? this.t('empty') : this.t('emptyAll')}</p>` : nothing}
      ${rows.length ? html`<ol class="rows" part="list" aria-label=${this.t('listLabel')} aria-describedby="list-status">${rows.map((r) => this.renderRow(r))}</ol>` : nothing}
      ${this.renderPager()}
    `;
  }

  private renderCount(): string {
    const list = this.list;
    if (!list) return this.listLoading ? this.t('loading') : '';
    if (list.total === 0) return this.t('count', { total: 0 });
    const from = this.offset + 1;
    const to = this.offset + list.rows.length;
    return list.total > list.rows.length ? this.t('range', { from, to, total: list.total }) : this.t('count', { total: list.total });
  }

  private renderPager(): TemplateResult | typeof nothing {
    const list = this.list;
    if (!list || list.total <= this.size) return nothing;
    const pages = Math.ceil(list.total / this.size);
    const page = Math.floor(this.offset / this.size) + 1;
    return html`<nav class="pager" aria-label=${this.t('pages')}>
      <button type="button" class="prev" ?disabled=${page <= 1 || this.listLoading} @click=${() => this.page(-1)}>${this.t('prevPage')}</button>
      <span class="page">${this.t('page', { page, pages })}</span>
      <button type="button" class="next" ?disabled=${page >= pages || this.listLoading} @click=${() => this.page(1)}>${this.t('nextPage')}</button>
    </nav>`;
  }

  private renderRow(r: CaseSummary): TemplateResult {
    const type = this.caseType!;
    const d = r.nextDeadline;
    return html`<li class="row ${r.closed ? 'closed' : ''}" part="row">
      <div class="row-head">
        <button type="button" class="number" data-id=${r.id} @click=${() => this.choose(r.id)}>${r.number}</button>
        <span class="badge state ${r.closed ? 'closed' : ''}">${this.stateText(r.state)}</span>
      </div>
      ${type.listFields.length
        ? html`<dl class="summary">
            ${type.listFields.map(
              (name) => html`<div class="pair">
                <dt>${this.text(type.fields[name]?.title)}</dt>
                <dd>${this.listValue(type.fields[name], r.summary[name])}</dd>
              </div>`,
            )}
          </dl>`
        : nothing}
      <p class="deadline ${d ? d.state : 'none'}">
        ${d
          ? html`<span class="deadline-title">${this.text(d.title)}</span> <strong class="remaining">${this.deadline(d)}</strong>`
          : html`<span class="muted">${this.t('noRunningDeadline')}</span>`}
      </p>
      <p class="meta">${this.tt('caseMeta', { org: this.text(r.orgName), date: this.day(r.openedOn) })}</p>
    </li>`;
  }

  // ---- case file ----------------------------------------------------------------------------------

  private renderFile(): TemplateResult {
    const file = this.file;
    const back = html`<button type="button" class="back" @click=${() => this.backToList()}><span aria-hidden="true">‹ </span>${this.t('back')}</button>`;
    if (!file) {
      return html`<section class="file" part="file" aria-labelledby="case-title">
        ${back}
        <h3 id="case-title" tabindex="-1">${this.fileError ? this.t('loadFailed', { reason: this.reason(this.fileError) }) : this.t('loading')}</h3>
        ${this.fileError ? html`<button type="button" @click=${() => this.caseId && void this.showFile(this.caseId, true)}>${this.t('retry')}</button>` : nothing}
      </section>`;
    }
    return html`<section class="file" part="file" aria-labelledby="case-title">
      ${back}
      <div class="file-head">
        <h3 id="case-title" tabindex="-1">${file.number}</h3>
        <span class="badge state ${file.closed ? 'closed' : ''}">${this.stateText(file.state)}</span>
        <p class="meta">${this.tt('caseMeta', { org: this.text(file.orgName), date: this.day(file.openedOn) })}</p>
      </div>
      ${this.fileError ? html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.fileError) })}</p>` : nothing}
      ${this.downloadError ? html`<p class="error" role="alert">${this.downloadError}</p>` : nothing}
      <div class="file-body">
        ${this.renderNext(file)}
        <div class="side">${this.renderDeadlines(file)} ${this.renderAttachments(file)}</div>
        ${this.renderFields(file)} ${this.renderTimeline(file)}
      </div>
    </section>`;
  }

  private renderNext(file: CaseFile): TemplateResult {
    return html`<section class="next card" aria-labelledby="next-title">
      <h4 id="next-title">${this.t('nextTitle')}</h4>
      ${file.next.length
        ? html`<div class="steps">
            ${file.next.map((s) => {
              const open = this.form?.step.code === s.code;
              return html`<button type="button" class=${open ? 'primary' : ''} data-step=${s.code} aria-expanded=${open ? 'true' : 'false'} aria-controls=${ifDefined(open ? 'step-form' : undefined)} @click=${() => this.openStep(s)}>
                ${this.text(s.title)}
              </button>`;
            })}
          </div>`
        : html`<p class="muted">${file.closed ? this.t('noNextClosed') : this.t('noNext')}</p>`}
      ${this.form && this.form.caseId === file.id ? this.renderForm(this.form) : nothing}
    </section>`;
  }

  private renderFields(file: CaseFile): TemplateResult {
    const type = this.caseType!;
    return html`<section class="fields card" aria-labelledby="fields-title">
      <h4 id="fields-title">${this.t('fieldsTitle')}</h4>
      ${file.masked ? html`<p class="masked">${this.t('masked')}</p>` : nothing}
      <dl class="pairs">
        ${Object.entries(type.fields).map(
          ([name, spec]) => html`<div class="pair" data-field=${name}>
            <dt>${this.text(spec.title)}</dt>
            <dd>${this.value(spec, file.fields[name])}</dd>
          </div>`,
        )}
      </dl>
    </section>`;
  }

  private renderDeadlines(file: CaseFile): TemplateResult {
    return html`<section class="deadlines card" aria-labelledby="deadlines-title">
      <h4 id="deadlines-title">${this.t('deadlinesTitle')}</h4>
      ${file.deadlines.length
        ? html`<ul class="plain deadline-list">
            ${file.deadlines.map((d) => {
              const declared: readonly { code: string; configured?: boolean }[] = this.caseType?.deadlines ?? [];
              const configured = declared.find((x) => x.code === d.code)?.configured === true;
              return html`<li class="deadline-item ${d.state}" data-deadline=${d.code}>
                <p class="deadline-head"><strong>${this.text(d.title)}</strong> <span class="badge ${d.state}">${this.t(deadlineStateKeys[d.state])}</span></p>
                <p class="remaining">${this.deadline(d)}${d.state !== 'met' ? html` · ${this.t('dueOn', { date: this.day(d.due) })}` : nothing}</p>
                <p class="muted">
                  ${this.t(d.unit === 'working' ? 'periodWorking' : 'periodDays', { days: d.days })}${configured ? this.t('configured') : nothing} · ${this.t('startedOn', { date: this.day(d.startedOn) })}
                </p>
                <p class="basis">${this.t('basis', { basis: '' })}${this.text(d.basis)}</p>
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${this.t('noDeadlines')}</p>`}
    </section>`;
  }

  private renderAttachments(file: CaseFile): TemplateResult {
    const endpoint = getSifaConfig()?.endpoint ?? '';
    const canUpload = file.next.length > 0;
    return html`<section class="attachments card" aria-labelledby="attachments-title">
      <h4 id="attachments-title">${this.t('attachmentsTitle')}</h4>
      ${file.attachments.length
        ? html`<ul class="plain files">
            ${file.attachments.map(
              (a) => html`<li data-sha=${a.sha256}>
                <a href=${`${endpoint}${a.downloadPath}`} download=${a.name} aria-label=${this.t('downloadAttachment', { name: a.name })} @click=${(e: Event) => void this.download(e, a.downloadPath as `/${string}`, a.name)}>${a.name}</a>
                <span class="muted">${sizeText(a.bytes, (k, p) => this.t(k, p), (n, o) => this.number(n, o))} · ${this.t('uploadedBy', { name: a.uploadedBy, time: this.time(a.uploadedAt) })}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${this.t('noAttachments')}</p>`}
      ${this.uploads.length
        ? html`<ul class="plain uploads">
            ${this.uploads.map((u) => {
              const percent = u.total > 0 ? Math.min(100, Math.round((u.sent / u.total) * 100)) : 0;
              return html`<li class="upload ${u.error ? 'failed' : ''}" data-upload=${u.id}>
                ${u.error
                  ? html`<p class="error" role="alert">${u.error}</p>
                      <button type="button" @click=${() => this.dismissUpload(u.id)}>${this.t('dismiss')}</button>`
                  : html`<label class="progress-label" for=${`upload-${u.id}`}>${this.t('uploading', { name: u.name, percent })}</label>
                      <progress id=${`upload-${u.id}`} max="100" .value=${percent}></progress>
                      <button type="button" @click=${() => u.controller.abort()}>${this.t('cancelUpload')}</button>`}
              </li>`;
            })}
          </ul>`
        : nothing}
      ${canUpload
        ? html`<div class="upload-field">
            <span class="file-pick">
              <input id="upload" class="file-input" type="file" multiple accept=${acceptedFiles} aria-describedby="upload-hint" @change=${(e: Event) => this.onFiles(e.target as HTMLInputElement)} />
              <label for="upload" class="button-like">${this.t('uploadLabel')}</label>
            </span>
            <span class="hint" id="upload-hint">${this.t('uploadHint', { max: maxUploadBytes / 1024 / 1024 })}</span>
          </div>`
        : nothing}
    </section>`;
  }

  /** The checks recorded with a step: their states, and the reasons given to go ahead. */
  private eventChecks(e: CaseEventView): TemplateResult {
    const stateKey = { pass: 'checkPass', attention: 'checkAttention', info: 'checkInfo', unknown: 'checkUnknown', blocked: 'checkBlocked' } as const;
    return html`<details class="event-checks" ?open=${e.checks.some((c) => c.reason)}>
      <summary>${this.t('checksRecorded')}</summary>
      <ul>
        ${e.checks.map(
          (c) => html`<li data-check=${c.code}>
            <span class="badge check-state ${c.state}">${this.t(stateKey[c.state])}</span> ${this.text(c.title)}${c.article ? html` <span class="muted">${this.text(this.article(c.article))}</span>` : nothing}
            ${c.reason ? html`<p class="reason">${this.t('checkReasonRecorded', { reason: c.reason })}</p>` : nothing}
          </li>`,
        )}
      </ul>
    </details>`;
  }

  private renderTimeline(file: CaseFile): TemplateResult {
    const endpoint = getSifaConfig()?.endpoint ?? '';
    return html`<section class="timeline-card card" aria-labelledby="timeline-title">
      <h4 id="timeline-title">${this.t('timelineTitle')}</h4>
      <ol class="timeline" part="timeline">
        ${[...file.events].reverse().map((e) => this.renderEvent(e, endpoint))}
      </ol>
    </section>`;
  }

  private renderEvent(e: CaseEventView, endpoint: string): TemplateResult {
    const type = this.caseType!;
    const transition = type.transitions.find((t) => t.code === e.transition);
    const doc = e.documentId ? this.documents.get(e.documentId) : undefined;
    // In the order the step's form has them (its own fields, then the case fields it set); nothing empty.
    const order = [...Object.keys(transition?.fields ?? {}), ...(transition?.sets ?? []), ...Object.keys(type.fields)];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const fields = Object.entries(e.fields)
      .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .sort(([a], [b]) => rank(a) - rank(b));
    return html`<li data-seq=${e.seq}>
      <p class="event-head"><strong>${this.text(transition?.title) || e.transition}</strong>${e.from === null
        ? html` <span class="muted">${this.tt('stateLabel', { state: this.stateText(e.to) })}</span>`
        : e.from !== e.to
          ? html` <span class="muted">${this.tt('stateChange', { from: this.stateText(e.from), to: this.stateText(e.to) })}</span>`
          : nothing}</p>
      <p class="muted"><time datetime=${e.on}>${this.day(e.on)}</time> · <span class="by">${e.by.name}</span>${chinaDayOf(e.at) === e.on
        ? nothing
        : html` · <time datetime=${e.at}>${this.t('recordedAt', { time: this.time(e.at) })}</time>`}</p>
      ${fields.length === 0
        ? nothing
        : fields.length <= 4
          ? this.eventFields(fields, transition)
          : html`<details class="event-fields">
              <summary>${this.t('showFields', { n: fields.length })}</summary>
              ${this.eventFields(fields, transition)}
            </details>`}
      ${e.checks.length ? this.eventChecks(e) : nothing}
      ${e.documentId
        ? html`<p class="doc">
            <a
              href=${`${endpoint}${doc?.downloadPath ?? `/plugins/platform/documents/${encodeURIComponent(e.documentId)}`}`}
              @click=${(ev: Event) => {
                const ref = doc ?? { title: this.t('downloadDocument'), number: null, downloadPath: `/plugins/platform/documents/${encodeURIComponent(e.documentId!)}` as const };
                void this.download(ev, ref.downloadPath, docFileName(ref));
              }}
              >${doc ? (doc.number ? this.t('documentNumbered', { title: doc.title, number: doc.number }) : doc.title) : this.t('downloadDocument')}</a
            >
          </p>`
        : nothing}
    </li>`;
  }

  private eventFields(fields: [string, CaseFieldValue][], transition: CaseTypeView['transitions'][number] | undefined): TemplateResult {
    const type = this.caseType!;
    return html`<dl class="pairs small">
      ${fields.map(([name, v]) => {
        const spec = transition?.fields[name] ?? type.fields[name];
        return html`<div class="pair">
          <dt>${spec ? this.text(spec.title) : name}</dt>
          <dd>${this.value(spec, v)}</dd>
        </div>`;
      })}
    </dl>`;
  }

  // ---- forms --------------------------------------------------------------------------------------

  private renderOpen(): TemplateResult {
    const form = this.form;
    return html`<section class="file open" aria-labelledby="case-title">
      <button type="button" class="back" @click=${() => (this.form ? this.closeForm(true) : (this.view = 'list'))}><span aria-hidden="true">‹ </span>${this.t('back')}</button>
      <h3 id="case-title" tabindex="-1">${form ? this.tt('newCase', { step: this.text(form.step.title) }) : this.t('loading')}</h3>
      ${form ? this.renderForm(form) : nothing}
    </section>`;
  }

  private renderForm(form: StepForm): TemplateResult {
    const opening = form.caseId === null;
    const errorCount = Object.keys(form.errors).length;
    // The opening form is titled by the page's heading ("新案件：受理登记"); a step's by its own.
    return html`<form id="step-form" class="form" part="form" novalidate aria-labelledby=${opening ? 'case-title' : 'form-title'} aria-busy=${form.busy ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
      ${opening ? nothing : html`<h5 id="form-title">${this.text(form.step.title)}</h5>`}
      ${form.step.note ? html`<p class="note">${this.text(form.step.note)}</p>` : nothing}
      ${!opening && form.step.to !== this.file?.state
        ? html`<p class="muted">${this.tt('leadsTo', { state: this.stateText(form.step.to) })}${form.step.document ? html` · ${this.t('issuesDocument')}` : nothing}</p>`
        : form.step.document
          ? html`<p class="muted">${this.t('issuesDocument')}</p>`
          : nothing}
      ${form.notice ? html`<p class="info" role="status">${form.notice}</p>` : nothing}
      ${form.formError ? html`<p class="error form-error" id="form-error" role="alert" tabindex="-1">${form.formError}</p>` : nothing}
      ${form.errors[''] ? html`<p class="error">${form.errors['']}</p>` : nothing}
      ${form.step.checks ? this.renderChecks(form) : nothing}
      ${Object.entries(form.step.fields).map(([name, spec]) => this.renderField(form, name, spec))}
      <div class="field">
        <label for="f-on">${this.t(opening ? 'openDate' : 'stepDate')}</label>
        <input
          id="f-on"
          name="on"
          type="date"
          max=${this.today}
          .value=${live(form.on)}
          aria-invalid=${form.errors['on'] ? 'true' : 'false'}
          aria-describedby=${form.errors['on'] ? 'e-on h-on' : 'h-on'}
          @input=${(e: Event) => this.update_((f) => ({ ...f, on: (e.target as HTMLInputElement).value }))}
          @blur=${() => this.touch('on')}
        />
        <span class="hint" id="h-on">${this.t('dateHint')}</span>
        ${form.errors['on'] ? html`<span class="issue" id="e-on">${form.errors['on']}</span>` : nothing}
      </div>
      <div class="buttons">
        ${form.stale
          ? nothing
          : html`<button type="submit" class="primary submit" ?disabled=${form.busy || blocked(form)} aria-describedby=${blocked(form) ? 'checks-title' : nothing}>${form.busy ? this.t('submitting') : this.t('submit')}</button>`}
        <button type="button" class="cancel" ?disabled=${form.busy} @click=${() => this.closeForm(form.stale)}>${form.stale ? this.t('close') : this.t('cancel')}</button>
      </div>
      ${form.submitted && errorCount > 0 && !form.formError ? html`<p class="error">${this.fixErrors(errorCount)}</p>` : nothing}
    </form>`;
  }

  /**
   * The checks before the step: each with its state in words (never colour alone), the article, what
   * it found, what to do, and for one needing attention the reason to go ahead (`r-<code>`), with
   * the issue (the widget's or the server's refusal) beside it.
   */
  private renderChecks(form: StepForm): TemplateResult {
    const stateKey = { pass: 'checkPass', attention: 'checkAttention', info: 'checkInfo', unknown: 'checkUnknown', blocked: 'checkBlocked' } as const;
    const checks = form.checks;
    return html`<section class="checks" aria-labelledby="checks-title" aria-busy=${this.checksLoading ? 'true' : 'false'}>
      <h6 id="checks-title">${this.t('checksTitle')}</h6>
      <p class="hint">${this.t('checksIntro')}</p>
      ${this.checksError
        ? html`<p class="error" role="alert">${this.t('checksFailed', { reason: this.reason(this.checksError) })} <button type="button" @click=${() => void this.loadChecks()}>${this.t('retry')}</button></p>`
        : nothing}
      ${checks === null
        ? html`<p class="muted" role="status">${this.t('checksLoading')}</p>`
        : html`<ul class="check-list">
            ${checks.map((c: CaseCheck) => {
              const key = `overrides.${c.code}`;
              const error = form.errors[key];
              const id = `r-${safeId(c.code)}`;
              return html`<li class="step-check ${c.state}" data-check=${c.code}>
                <p class="check-head">
                  <span class="badge check-state ${c.state}">${this.t(stateKey[c.state])}</span>
                  <strong id=${`t-${id}`}>${this.text(c.title)}</strong>
                  ${c.article ? html`<span class="muted article">${this.t('checkArticle', { article: this.plain(this.article(c.article)) })}</span>` : nothing}
                </p>
                <p class="explanation">${this.text(c.explanation)}</p>
                ${c.suggestion ? html`<p class="suggestion">${this.tt('checkSuggestion', { text: this.text(c.suggestion) })}</p>` : nothing}
                ${c.state === 'blocked' ? html`<p class="error blocked-hint" role="alert">${this.t('checkBlockedHint')}</p>` : nothing}
                ${c.state === 'attention'
                  ? html`<div class="field reason">
                      <label for=${id}>${this.t('checkReason')} <span class="req">(${this.t('required')})</span></label>
                      <textarea
                        id=${id}
                        name=${key}
                        maxlength="1000"
                        .value=${live(form.reasons[c.code] ?? '')}
                        ?disabled=${form.busy}
                        aria-required="true"
                        aria-invalid=${error ? 'true' : 'false'}
                        aria-describedby=${error ? `t-${id} e-${id}` : `t-${id}`}
                        @input=${(e: Event) => this.setReason(c.code, (e.target as HTMLTextAreaElement).value)}
                        @blur=${() => this.touch('overrides')}
                      ></textarea>
                      ${error ? html`<span class="issue" id=${`e-${id}`}>${error}</span>` : nothing}
                    </div>`
                  : nothing}
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  /** Label, control, help and issue of one field; every control's id is `f-<name>`. */
  private renderField(form: StepForm, name: string, spec: CaseFieldSpec): TemplateResult {
    const id = `f-${safeId(name)}`;
    const error = form.errors[name];
    const helpId = spec.help ? `h-${safeId(name)}` : '';
    const errorId = error ? `e-${safeId(name)}` : '';
    const unitId = spec.kind === 'number' && spec.unit ? `u-${safeId(name)}` : '';
    const describedBy = [helpId, unitId, errorId].filter(Boolean).join(' ') || undefined;
    const required = isRequired(form, name);
    const label = html`${this.text(spec.title)}${required ? html` <span class="req">(${this.t('required')})</span>` : nothing}`;
    const value = form.values[name];
    const str = typeof value === 'string' ? value : '';
    const invalid = error ? 'true' : 'false';
    const onInput = (e: Event) => this.setValue(name, (e.target as HTMLInputElement).value);
    const blur = () => this.touch(name);
    const help = spec.help ? html`<span class="hint" id=${helpId}>${this.text(spec.help)}</span>` : nothing;
    const issue = error ? html`<span class="issue" id=${errorId}>${error}</span>` : nothing;
    const disabled = form.busy;
    switch (spec.kind) {
      case 'text':
        return html`<div class="field" data-field=${name}>
          <label for=${id}>${label}</label>
          ${spec.multiline
            ? html`<textarea id=${id} name=${name} .value=${live(str)} ?disabled=${disabled} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)} @input=${onInput} @blur=${blur}></textarea>`
            : html`<input
                id=${id}
                name=${name}
                type=${spec.personal === 'phone' ? 'tel' : 'text'}
                autocomplete="off"
                .value=${live(str)}
                ?disabled=${disabled}
                aria-required=${required ? 'true' : 'false'}
                aria-invalid=${invalid}
                aria-describedby=${ifDefined(describedBy)}
                @input=${onInput}
                @blur=${blur}
              />`}
          ${help} ${issue}
        </div>`;
      case 'number':
        return html`<div class="field" data-field=${name}>
          <label for=${id}>${label}</label>
          <span class="control">
            <input
              id=${id}
              name=${name}
              type="number"
              inputmode=${spec.integer ? 'numeric' : 'decimal'}
              step=${spec.integer ? '1' : 'any'}
              min=${spec.min}
              max=${spec.max}
              .value=${live(str)}
              ?disabled=${disabled}
              aria-required=${required ? 'true' : 'false'}
              aria-invalid=${invalid}
              aria-describedby=${ifDefined(describedBy)}
              @input=${onInput}
              @blur=${blur}
            />
            ${spec.unit ? html`<span class="unit" id=${unitId}>${this.text(spec.unit)}</span>` : nothing}
          </span>
          ${help} ${issue}
        </div>`;
      case 'date':
        return html`<div class="field" data-field=${name}>
          <label for=${id}>${label}</label>
          <input id=${id} name=${name} type="date" .value=${live(str)} ?disabled=${disabled} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)} @input=${onInput} @blur=${blur} />
          ${help} ${issue}
        </div>`;
      case 'boolean':
        return html`<div class="field check-field" data-field=${name}>
          <label class="check" for=${id}>
            <input id=${id} name=${name} type="checkbox" .checked=${live(value === true)} ?disabled=${disabled} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)} @change=${(e: Event) => this.setValue(name, (e.target as HTMLInputElement).checked)} @blur=${blur} />
            <span>${label}</span>
          </label>
          ${help} ${issue}
        </div>`;
      case 'choice':
        return html`<div class="field" data-field=${name}>
          <label for=${id}>${label}</label>
          <select id=${id} name=${name} ?disabled=${disabled} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)} @change=${onInput} @blur=${blur}>
            <option value="" ?selected=${str === ''}>${this.t('choose')}</option>
            ${spec.options.map((o) => html`<option value=${o.value} lang=${ifDefined(this.fallbackLang(o.title))} ?selected=${str === o.value}>${this.plain(o.title)}</option>`)}
          </select>
          ${help} ${issue}
        </div>`;
      case 'choices': {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        return html`<fieldset class="field group" data-field=${name} aria-describedby=${ifDefined(describedBy)}>
          <legend>${label}</legend>
          <div class="options">${this.checkList(name, id, chosen, disabled, spec.options.map((o) => ({ value: o.value, label: this.text(o.title) })))}</div>
          ${help} ${issue}
        </fieldset>`;
      }
      case 'attachments': {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        const available = this.file?.attachments ?? [];
        return html`<fieldset class="field group" data-field=${name} aria-describedby=${ifDefined(describedBy)}>
          <legend>${label}</legend>
          ${form.caseId === null
            ? html`<p class="hint">${this.t('attachmentsAfterOpen')}</p>`
            : available.length === 0
              ? html`<p class="hint">${this.t('noAttachmentsToPick')}</p>`
              : html`<div class="options">${this.checkList(name, id, chosen, disabled, available.map((a) => ({ value: a.sha256, label: a.name })))}</div>`}
          ${help} ${issue}
        </fieldset>`;
      }
      case 'parties':
        return this.renderParties(form, name, spec, label, help, issue, describedBy);
      case 'signatures':
        return this.renderSignatures(form, name, spec, label, help, issue, describedBy);
    }
  }

  /** Checkboxes choosing values of a list field (choices, the case's attachments). */
  private checkList(name: string, id: string, chosen: readonly string[], disabled: boolean, items: readonly { value: string; label: unknown }[]): TemplateResult[] {
    return items.map(
      ({ value, label }, i) => html`<label class="check" for=${`${id}-${i}`}>
        <input
          id=${`${id}-${i}`}
          type="checkbox"
          name=${name}
          value=${value}
          .checked=${live(chosen.includes(value))}
          ?disabled=${disabled}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            this.changeList<string>(name, (now) => (on ? [...now.filter((v) => v !== value), value] : now.filter((v) => v !== value)));
            this.touch(name);
          }}
        />
        <span>${label}</span>
      </label>`,
    );
  }

  private renderParties(
    form: StepForm,
    name: string,
    spec: Extract<CaseFieldSpec, { kind: 'parties' }>,
    label: TemplateResult,
    help: TemplateResult | typeof nothing,
    issue: TemplateResult | typeof nothing,
    describedBy: string | undefined,
  ): TemplateResult {
    const rows = Array.isArray(form.values[name]) ? (form.values[name] as PartyRow[]) : [];
    const base = `f-${safeId(name)}`;
    const setRow = (i: number, change: Partial<PartyRow>) => this.changeList<PartyRow>(name, (now) => now.map((r, j) => (j === i ? { ...r, ...change } : r)));
    const add = () => {
      this.changeList<PartyRow>(name, (now) => [...now, { role: spec.roles[Math.min(now.length, spec.roles.length - 1)]?.value ?? '', name: '', idNumber: '', phone: '', address: '', anonymous: false }]);
      void this.focusAfterUpdate(`#${base}-${rows.length}-name`);
    };
    const remove = (i: number) => {
      this.changeList<PartyRow>(name, (now) => now.filter((_, j) => j !== i));
      this.touch(name);
      void this.focusAfterUpdate(rows.length - 1 > 0 ? `#${base}-${Math.max(0, i - 1)}-name` : `#${base}-add`);
    };
    const input = (i: number, key: 'name' | 'idNumber' | 'phone' | 'address', title: CasesMessageKey, type = 'text') => {
      const errorKey = `${name}.${i}.${key}`;
      const error = form.errors[errorKey];
      const id = `${base}-${i}-${key}`;
      const row = rows[i]!;
      const off = key === 'name' && row.anonymous && spec.anonymous;
      return html`<div class="field sub">
        <label for=${id}>${this.t(title)}${key === 'name' && !off ? html` <span class="req">(${this.t('required')})</span>` : nothing}</label>
        <input
          id=${id}
          type=${type}
          autocomplete="off"
          .value=${live(row[key])}
          ?disabled=${form.busy || off}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? `${id}-e` : undefined)}
          @input=${(e: Event) => setRow(i, { [key]: (e.target as HTMLInputElement).value })}
          @blur=${() => this.touch(name)}
        />
        ${error ? html`<span class="issue" id=${`${id}-e`}>${error}</span>` : nothing}
      </div>`;
    };
    return html`<fieldset class="field group parties" data-field=${name} aria-describedby=${ifDefined(describedBy)}>
      <legend>${label}</legend>
      ${help} ${issue}
      ${rows.length === 0 ? html`<p class="hint">${this.t('noParties')}</p>` : nothing}
      ${rows.map((row, i) => {
        const roleId = `${base}-${i}-role`;
        const roleError = form.errors[`${name}.${i}.role`];
        return html`<fieldset class="party" data-row=${i}>
          <legend>${this.t('partyN', { n: i + 1 })}</legend>
          <div class="party-grid">
            <div class="field sub">
              <label for=${roleId}>${this.t('partyRole')}</label>
              <select
                id=${roleId}
                ?disabled=${form.busy}
                aria-invalid=${roleError ? 'true' : 'false'}
                aria-describedby=${ifDefined(roleError ? `${roleId}-e` : undefined)}
                @change=${(e: Event) => setRow(i, { role: (e.target as HTMLSelectElement).value })}
              >
                ${row.role ? nothing : html`<option value="" selected>${this.t('choose')}</option>`}
                ${spec.roles.map((r) => html`<option value=${r.value} lang=${ifDefined(this.fallbackLang(r.title))} ?selected=${row.role === r.value}>${this.plain(r.title)}</option>`)}
              </select>
              ${roleError ? html`<span class="issue" id=${`${roleId}-e`}>${roleError}</span>` : nothing}
            </div>
            ${input(i, 'name', 'partyName')} ${input(i, 'idNumber', 'partyIdNumber')} ${input(i, 'phone', 'partyPhone', 'tel')} ${input(i, 'address', 'partyAddress')}
          </div>
          <div class="row-actions">
            ${spec.anonymous
              ? html`<label class="check" for=${`${base}-${i}-anonymous`}>
                  <input id=${`${base}-${i}-anonymous`} type="checkbox" .checked=${live(row.anonymous)} ?disabled=${form.busy} @change=${(e: Event) => setRow(i, { anonymous: (e.target as HTMLInputElement).checked })} />
                  <span>${this.t('partyAnonymous')}</span>
                </label>`
              : nothing}
            <button type="button" class="danger remove-party" ?disabled=${form.busy} @click=${() => remove(i)}>${this.t('partyRemove', { n: i + 1 })}</button>
          </div>
        </fieldset>`;
      })}
      <button type="button" id=${`${base}-add`} class="add-party" ?disabled=${form.busy || rows.length >= spec.maxItems} @click=${add}>+ ${this.t('partiesAdd')}</button>
    </fieldset>`;
  }

  private renderSignatures(
    form: StepForm,
    name: string,
    spec: Extract<CaseFieldSpec, { kind: 'signatures' }>,
    label: TemplateResult,
    help: TemplateResult | typeof nothing,
    issue: TemplateResult | typeof nothing,
    describedBy: string | undefined,
  ): TemplateResult {
    const parties = partiesOf(this.caseType, this.file?.fields);
    const known = Array.isArray(form.values[name]) ? (form.values[name] as SignatureRow[]) : [];
    // Every signer the field wants, in order (the case's parties may have changed since the form opened).
    const signers = (list: readonly SignatureRow[]) => signersOf(spec, parties).map((signer) => list.find((r) => r.signer === signer) ?? { signer, signed: false, signedOn: '' });
    const rows = signers(known);
    const base = `f-${safeId(name)}`;
    // Every row is written back (the list the form holds may lack signers added to the case since).
    const setRow = (i: number, change: (row: SignatureRow) => Partial<SignatureRow>) =>
      this.changeList<SignatureRow>(name, (now) => signers(now).map((r, j) => (j === i ? { ...r, ...change(r) } : r)));
    return html`<fieldset class="field group signatures" data-field=${name} aria-describedby=${ifDefined(describedBy)}>
      <legend>${label}</legend>
      ${help} ${issue}
      <ul class="plain signers">
        ${rows.map((row, i) => {
          const who = this.signerName(row.signer, spec, parties);
          const dateId = `${base}-${i}-signedOn`;
          const error = form.errors[`${name}.${i}.signedOn`];
          return html`<li class="signer" data-signer=${row.signer}>
            <label class="check" for=${`${base}-${i}-signed`}>
              <input
                id=${`${base}-${i}-signed`}
                type="checkbox"
                .checked=${live(row.signed)}
                ?disabled=${form.busy}
                @change=${(e: Event) => {
                  const signed = (e.target as HTMLInputElement).checked;
                  setRow(i, (now) => ({ signed, signedOn: signed && !now.signedOn ? this.today : now.signedOn }));
                  this.touch(name);
                }}
              />
              <span>${who} · ${this.t('signed')}</span>
            </label>
            <span class="field sub">
              <label for=${dateId}>${this.t('signedOn')}</label>
              <input
                id=${dateId}
                type="date"
                max=${this.today}
                .value=${live(row.signedOn)}
                ?disabled=${form.busy}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${ifDefined(error ? `${dateId}-e` : undefined)}
                @input=${(e: Event) => {
                  const signedOn = (e.target as HTMLInputElement).value;
                  setRow(i, (now) => ({ signedOn, signed: now.signed || Boolean(signedOn) }));
                }}
                @blur=${() => this.touch(name)}
              />
              ${error ? html`<span class="issue" id=${`${dateId}-e`}>${error}</span>` : nothing}
            </span>
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }
}
