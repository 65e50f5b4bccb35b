/**
 * <sifa-apply type="applications.reconsideration">: a citizen applies online, without an account,
 * on any government page that embeds it with a publishable key (`platform.publicForms.*`):
 * - chooses their county and the township (or street) where they live or the matter arose, and
 *   the form shows and uses the office serving it (`platform.org.divisions`: one office may serve
 *   several townships); or a judicial office selected on a `<sifa-legal-map>` of the same page
 *   (`sifa-map-select`) receives it; or the page fixes one (`office`);
 * - fills in the form the case type offers (`publicForm`: its fields, intro and consent come from
 *   the server, in the reader's language), checked before sending and again by the server, whose
 *   issues appear beside the fields; what is typed is kept on the device until it is sent;
 * - reads and accepts the personal-information notice (its version is sent back and recorded);
 * - sends it, solving the server's proof of work when asked (`CHALLENGE_REQUIRED`, a lazy chunk)
 *   and saying how long to wait when refused for sending too often;
 * - gets a reference number and a secret tracking code (shown once, can be saved as a text file),
 *   and checks progress later with both (`mode="status"`), without an account.
 *
 * Plain words, large targets, every control labelled, errors announced and linked from a summary,
 * keyboard only; the elderly theme enlarges everything; Mongolian is laid out vertically.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  CaseFieldSpec,
  LocalizedText,
  DivisionNode,
  OrgNode,
  PublicApplyChallenge,
  PublicApplyDocument,
  PublicApplyStatus,
  PublicApplyStatusInput,
  PublicApplySubmitInput,
  PublicApplySubmitResult,
  PublicFormView,
  ServiceArea,
  TownshipServed,
} from '@sifa/core';
import { SifaElement } from '../base/sifa-element.js';
import { SifaClientError, failureReason } from '../client/client.js';
import { formatDate } from '../i18n/i18n.js';
import { applyMessages, type ApplyMessageKey } from './messages.js';
import { applyStyles } from './sifa-apply.styles.js';
import { filePickStyles } from '../base/file-pick.styles.js';
import {
  checkValues,
  clearDraft,
  deviceStorage,
  emptyParty,
  initialValues,
  isBlank,
  issueField,
  normalizeCode,
  payloadOf,
  readDraft,
  restoreValues,
  writeDraft,
  type FormValue,
  type PartyRow,
} from './model.js';

/** The procedures the element calls (the platform's public ones; types only). */
export type ApplyCalls = {
  'platform.publicForms.list': { type: 'query'; input: { type?: string }; output: PublicFormView[] };
  'platform.publicForms.challenge': { type: 'mutation'; input: { type: string }; output: PublicApplyChallenge };
  'platform.publicForms.submit': { type: 'mutation'; input: PublicApplySubmitInput; output: PublicApplySubmitResult };
  'platform.publicForms.status': { type: 'mutation'; input: PublicApplyStatusInput; output: PublicApplyStatus };
  'platform.org.children': { type: 'query'; input: { code?: string }; output: OrgNode[] };
  'platform.org.get': { type: 'query'; input: { code: string }; output: OrgNode };
  'platform.org.divisions': { type: 'query'; input: { county: string }; output: TownshipServed[] };
  'platform.org.serviceArea': { type: 'query'; input: { office: string }; output: ServiceArea };
};

/** `sifa-apply-submitted`: an application was sent (or found to be a repeat of one sent today). Never carries the secret code. */
export interface ApplySubmittedDetail {
  type: string;
  number: string;
  orgCode: string;
  duplicate: boolean;
}

type Mode = 'apply' | 'status';
type Busy = 'idle' | 'sending' | 'proving';

/** Party row parts, in the order asked. */
const partyParts = ['name', 'idNumber', 'phone', 'address'] as const;
const partyLabel: Record<(typeof partyParts)[number], ApplyMessageKey> = { name: 'partyName', idNumber: 'partyIdNumber', phone: 'partyPhone', address: 'partyAddress' };
/** The widget's own words for the common party roles of the case types (by role value). */
const roleWords: Partial<Record<string, ApplyMessageKey>> = { applicant: 'roleApplicant', representative: 'roleRepresentative', agent: 'roleAgent' };
const partyAutocomplete: Record<(typeof partyParts)[number], string> = { name: 'name', idNumber: 'off', phone: 'tel', address: 'street-address' };

/**
 * A citizen's online application and its progress, without an account.
 *
 * @fires sifa-apply-submitted - An application was sent (or was a repeat of one sent today). Detail: `ApplySubmittedDetail` (never the secret code).
 * @csspart base - The widget's frame.
 */
export class SifaApply extends SifaElement {
  static override styles = [...SifaElement.styles, filePickStyles, applyStyles];

  /** The form: a case type offering one (`applications.reconsideration`) or its name after the plugin (`reconsideration`). */
  @property() type: string | undefined;
  /** A judicial office (9 digits) the page fixes: the applicant does not choose. */
  @property() office: string | undefined;
  /** Where the office choice starts (a city or county code); by default the org tree's top, going down while there is one choice. */
  @property() org: string | undefined;
  /** `apply` (default) or `status`: checking the progress of an application sent before. */
  @property({ reflect: true }) mode: Mode = 'apply';

  @state() private form: PublicFormView | null = null;
  @state() private loadError: unknown = null;
  @state() private counties: OrgNode[] | null = null;
  /** The townships of the chosen county, each with the office serving it. */
  @state() private townships: TownshipServed[] | null = null;
  @state() private fixedOffice: OrgNode | null = null;
  @state() private county = '';
  /** The township chosen ('' when none, or when the office itself was chosen on the map). */
  @state() private township = '';
  /** The receiving office: the chosen township's, the one chosen on the map, or the page's. */
  @state() private orgCode = '';
  /** An office chosen on the map that serves several townships (named instead of a township's office). */
  @state() private mapOffice: OrgNode | null = null;
  @state() private values: Record<string, FormValue> = {};
  @state() private consent = false;
  @state() private errors = new Map<string, string>();
  @state() private formError = '';
  @state() private busy: Busy = 'idle';
  @state() private draftNote: 'restored' | 'saved' | 'cleared' | null = null;
  @state() private result: (PublicApplySubmitResult & { orgCode: string; typeTitle: LocalizedText }) | null = null;
  @state() private statusNumber = '';
  @state() private statusCode = '';
  @state() private status: PublicApplyStatus | null = null;
  @state() private statusError = '';
  @state() private statusBusy = false;
  /** Documents being sent or refused now (the ones added are in `documents`). */
  @state() private sending: { id: number; name: string; percent: number; error: string }[] = [];
  /** The applicant's documents on the application. */
  @state() private documents: PublicApplyDocument[] = [];
  @state() private receiptError = '';
  @state() private receiptBusy = false;
  private uploadSeq = 0;
  /** The follow-up views (receipt, documents), a chunk loaded once there is an application to follow. */
  @state() private followup: typeof import('./followup.js') | null = null;

  private loadSeq = 0;
  private solving: AbortController | null = null;
  private readonly storage = deviceStorage();

  private t(key: ApplyMessageKey, params?: Record<string, string | number>): string {
    return applyMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('sifa-map-select', this.onMapSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('sifa-map-select', this.onMapSelect);
    this.solving?.abort();
  }

  /** A judicial office chosen on a `<sifa-legal-map>` of the page becomes the receiving office (unless the page fixed one). */
  private readonly onMapSelect = (event: Event): void => {
    const { type, orgCode } = (event as CustomEvent<{ type?: string | null; orgCode?: string | null }>).detail ?? {};
    if (this.fixedOffice || this.result || type !== 'judicial-office' || !orgCode || !/^\d{9}$/.test(orgCode)) return;
    void this.chooseMapOffice(orgCode);
  };

  /**
   * The office chosen on the map receives the application. When it serves one township that
   * township is chosen; when it serves several, the office is named with its townships and the
   * applicant may still pick one of them (or another township, and so another office).
   */
  private async chooseMapOffice(orgCode: string): Promise<void> {
    // Its townships' county (an office's code need not start with it once units were moved).
    const served = await this.client.query<ApplyCalls, 'platform.org.serviceArea'>('platform.org.serviceArea', { office: orgCode }, this.locale).catch(() => null);
    const county = served?.divisions[0]?.parentCode ?? '';
    const inCounty = this.counties?.some((c) => c.code === county) || (this.counties?.length === 0 && this.county === county);
    if (!inCounty) return;
    if (this.county !== county || !this.townships) await this.chooseCounty(county);
    const area = this.townships?.filter((d) => d.office.code === orgCode) ?? [];
    if (area.length < 2) return this.chooseTownship(area[0]?.code ?? '');
    this.township = '';
    this.orgCode = orgCode;
    this.mapOffice = area[0]!.office;
    this.clearOfficeError();
    this.saveDraft();
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(applyMessages, this.locale);
    if (!this.isConnected) return;
    if (changed.has('type') || changed.has('office') || changed.has('org')) void this.load();
  }

  // ---- data -------------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loadError = null;
    this.form = null;
    if (!this.type) return;
    try {
      const forms = await this.track(this.client.query<ApplyCalls, 'platform.publicForms.list'>('platform.publicForms.list', {}, this.locale));
      const wanted = this.type;
      const form = forms.find((f) => f.type === wanted) ?? forms.find((f) => f.type.slice(f.type.indexOf('.') + 1) === wanted) ?? null;
      if (seq !== this.loadSeq) return;
      if (!form) {
        this.loadError = new Error(this.t('noForm'));
        return;
      }
      const draft = readDraft(this.storage, form.type);
      this.values = draft ? restoreValues(form, draft.values) : initialValues(form);
      this.draftNote = draft && !isBlank(form, this.values) ? 'restored' : null;
      this.form = form;
      await this.track(this.loadOffices(seq, draft?.county ?? '', draft?.township ?? '', draft?.orgCode ?? ''));
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error;
    }
  }

  private async loadOffices(seq: number, county: string, township: string, orgCode: string): Promise<void> {
    const children = (code?: string) => this.client.query<ApplyCalls, 'platform.org.children'>('platform.org.children', code ? { code } : {}, this.locale);
    if (this.office) {
      const office = await this.client.query<ApplyCalls, 'platform.org.get'>('platform.org.get', { code: this.office }, this.locale);
      if (seq !== this.loadSeq) return;
      this.fixedOffice = office;
      this.orgCode = office.code;
      return;
    }
    this.fixedOffice = null;
    // Down from the start while there is one choice (the region, the city), to the counties.
    let level = await children(this.org);
    while (level.length === 1 && level[0]!.level !== 'county' && level[0]!.level !== 'office') level = await children(level[0]!.code);
    if (seq !== this.loadSeq) return;
    if (level.length > 0 && level.every((o) => o.level === 'office')) {
      // The page starts at a county: its townships straight away.
      this.counties = [];
      await this.chooseCounty(level[0]!.parentCode!, township, orgCode);
      return;
    }
    this.counties = level;
    if (county && level.some((c) => c.code === county)) await this.chooseCounty(county, township, orgCode);
  }

  private async chooseCounty(county: string, township = '', orgCode = ''): Promise<void> {
    this.county = county;
    this.township = '';
    this.orgCode = '';
    this.mapOffice = null;
    this.townships = null;
    if (!county) return this.saveDraft();
    const townships = await this.track(this.client.query<ApplyCalls, 'platform.org.divisions'>('platform.org.divisions', { county }, this.locale));
    if (this.county !== county) return;
    this.townships = townships;
    if (township && townships.some((d) => d.code === township)) this.chooseTownship(township);
    else if (orgCode && townships.some((d) => d.office.code === orgCode)) await this.chooseMapOffice(orgCode);
    else this.saveDraft();
  }

  /** A township chosen: the office serving it receives the application. */
  private chooseTownship(code: string): void {
    const chosen = this.townships?.find((d) => d.code === code);
    this.township = chosen?.code ?? '';
    this.orgCode = chosen?.office.code ?? '';
    this.mapOffice = null;
    if (chosen) this.clearOfficeError();
    this.saveDraft();
  }

  private clearOfficeError(): void {
    if (this.errors.has('orgCode')) this.errors = new Map([...this.errors].filter(([key]) => key !== 'orgCode'));
  }

  private saveDraft(): void {
    if (!this.form || this.result) return;
    if (isBlank(this.form, this.values) && !this.orgCode) return;
    if (writeDraft(this.storage, this.form.type, { orgCode: this.orgCode, county: this.county, township: this.township, values: this.values })) {
      this.draftNote = this.draftNote === 'restored' ? 'restored' : 'saved';
    }
  }

  private clearDraft(): void {
    if (!this.form) return;
    clearDraft(this.storage, this.form.type);
    this.values = initialValues(this.form);
    this.errors = new Map();
    this.formError = '';
    this.draftNote = 'cleared';
  }

  private today(): string {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }

  private setValue(name: string, value: FormValue): void {
    this.values = { ...this.values, [name]: value };
    if (this.errors.has(name)) {
      const errors = new Map(this.errors);
      errors.delete(name);
      this.errors = errors;
    }
    this.saveDraft();
  }

  private setParty(name: string, index: number, part: keyof PartyRow, value: string): void {
    const rows = (this.values[name] as PartyRow[]).map((row, i) => (i === index ? { ...row, [part]: value } : row));
    const key = `${name}.${index}.${part}`;
    if (this.errors.has(key)) {
      const errors = new Map(this.errors);
      errors.delete(key);
      this.errors = errors;
    }
    this.setValue(name, rows);
  }

  private async addParty(name: string, spec: Extract<CaseFieldSpec, { kind: 'parties' }>): Promise<void> {
    const rows = this.values[name] as PartyRow[];
    this.setValue(name, [...rows, emptyParty(spec)]);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#f-${name}-${rows.length}-name`)?.focus();
  }

  private async removeParty(name: string, index: number): Promise<void> {
    const rows = (this.values[name] as PartyRow[]).filter((_, i) => i !== index);
    // Issues of later rows move up with them: re-check on the next send rather than mislabel.
    this.errors = new Map([...this.errors].filter(([key]) => !key.startsWith(`${name}.`)));
    this.setValue(name, rows);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#f-${name}-${Math.min(index, rows.length - 1)}-name`)?.focus();
  }

  // ---- sending ----------------------------------------------------------------------------------

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form;
    if (!form || this.busy !== 'idle') return;
    const errors = new Map<string, string>();
    if (!this.orgCode) errors.set('orgCode', this.t('townshipRequired'));
    for (const [key, check] of checkValues(form, this.values, this.today())) errors.set(key, this.t(check.key, check.params));
    if (!this.consent) errors.set('consent', this.t('consentRequired'));
    this.errors = errors;
    this.formError = '';
    if (errors.size) return this.focusSummary();

    const input: PublicApplySubmitInput = {
      type: form.type,
      // A township chosen: the server sends it to the office serving it (the same as shown, unless the area changed meanwhile).
      ...(this.township && !this.fixedOffice ? { division: this.township } : { orgCode: this.orgCode }),
      fields: payloadOf(form, this.values),
      consent: { accepted: true, version: form.consentVersion },
    };
    this.busy = 'sending';
    try {
      let result: PublicApplySubmitResult;
      try {
        result = await this.send(input);
      } catch (error) {
        if (!(error instanceof SifaClientError) || error.sifaCode !== 'CHALLENGE_REQUIRED') throw error;
        result = await this.send({ ...input, proof: await this.prove(form.type) });
      }
      clearDraft(this.storage, form.type);
      this.draftNote = null;
      this.result = { ...result, typeTitle: form.title };
      this.documents = [];
      this.sending = [];
      this.receiptError = '';
      this.emit<ApplySubmittedDetail>('sifa-apply-submitted', { type: form.type, number: result.number, orgCode: result.orgCode, duplicate: result.duplicate });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.showRefusal(error);
      await this.focusSummary();
    } finally {
      this.busy = 'idle';
    }
  }

  private send(input: PublicApplySubmitInput): Promise<PublicApplySubmitResult> {
    return this.track(this.client.mutate<ApplyCalls, 'platform.publicForms.submit'>('platform.publicForms.submit', input, this.locale));
  }

  /** Asks for a challenge and solves it in this page (a few seconds at most). */
  private async prove(type: string): Promise<{ challenge: string; nonce: string }> {
    this.busy = 'proving';
    const challenge = await this.client.mutate<ApplyCalls, 'platform.publicForms.challenge'>('platform.publicForms.challenge', { type }, this.locale);
    const { solveChallenge } = await import('./pow.js');
    this.solving = new AbortController();
    const nonce = await solveChallenge(challenge.challenge, challenge.difficulty, { signal: this.solving.signal });
    this.busy = 'sending';
    return { challenge: challenge.challenge, nonce };
  }

  private showRefusal(error: unknown): void {
    if (error instanceof SifaClientError && error.sifaCode === 'VALIDATION_FAILED' && error.issues.length) {
      const errors = new Map<string, string>();
      for (const issue of error.issues) {
        const key = issueField(issue.path);
        if (key) errors.set(key, this.ui === 'mn-Mong' ? this.t('invalidValue') : issue.message);
        else this.formError = issue.message;
      }
      this.errors = errors;
      if (!errors.size && !this.formError) this.formError = this.t('refused', { reason: error.message });
      return;
    }
    if (error instanceof SifaClientError && error.sifaCode === 'RATE_LIMITED') {
      const seconds = Number(error.details['retryAfter']);
      this.formError = Number.isFinite(seconds) && seconds > 0 ? this.t('tooMany', { seconds: Math.ceil(seconds) }) : error.message;
      return;
    }
    this.formError = this.ui === 'mn-Mong' && error instanceof SifaClientError && error.sifaCode !== 'NETWORK' ? this.t('refused', { reason: error.sifaCode }) : failureReason(error, this.t('unreachable'));
  }

  private async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  private focusField(key: string): void {
    const id = key === 'orgCode' ? (this.counties?.length && !this.county ? 'f-county' : 'f-township') : key === 'consent' ? 'f-consent' : `f-${key.replaceAll('.', '-')}`;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`) ?? this.renderRoot.querySelector<HTMLElement>(`[data-field="${key}"] input, [data-field="${key}"] textarea, [data-field="${key}"] select`);
    target?.focus();
  }

  private saveCodes(): void {
    const r = this.result;
    if (!r || r.duplicate) return;
    const office = this.plain(r.orgName);
    const lines = [
      this.t('savedFileIntro'),
      '',
      this.plain(r.typeTitle),
      office,
      this.t('doneOn', { date: r.receivedOn }),
      `${this.t('doneNumber')}: ${r.number}`,
      `${this.t('doneCode')}: ${r.code}`,
      '',
      location.href,
    ];
    void import('./followup.js').then((m) => m.saveText(lines, `${r.number}.txt`));
  }

  private async startNew(): Promise<void> {
    this.result = null;
    this.consent = false;
    this.errors = new Map();
    this.formError = '';
    if (this.form) this.values = initialValues(this.form);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#apply-title')?.focus();
  }

  private async showStatusOf(number: string, code: string | null): Promise<void> {
    this.mode = 'status';
    this.statusNumber = number;
    this.statusCode = code ?? '';
    this.status = null;
    this.statusError = '';
    if (code) await this.lookUp();
    else {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#s-code')?.focus();
    }
  }

  private async lookUp(event?: Event): Promise<void> {
    event?.preventDefault();
    const number = this.statusNumber.trim();
    const code = normalizeCode(this.statusCode);
    this.status = null;
    if (!number) this.statusError = this.t('required');
    else if (!code) this.statusError = this.t('statusBadCode');
    else {
      this.statusError = '';
      this.statusBusy = true;
      try {
        this.status = await this.track(this.client.mutate<ApplyCalls, 'platform.publicForms.status'>('platform.publicForms.status', { number, code }, this.locale));
        this.documents = this.status.documents;
        this.sending = [];
        this.receiptError = '';
      } catch (error) {
        this.statusError =
          error instanceof SifaClientError && error.sifaCode === 'NOT_FOUND'
            ? this.t('statusNotFound')
            : error instanceof SifaClientError && error.sifaCode === 'RATE_LIMITED'
              ? this.t('tooMany', { seconds: Math.ceil(Number(error.details['retryAfter']) || 60) })
              : failureReason(error, this.t('unreachable'));
      } finally {
        this.statusBusy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.status ? '#status-title' : '#status-error')?.focus();
  }

  private async switchMode(mode: Mode): Promise<void> {
    this.mode = mode;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(mode === 'status' ? '#s-number' : '#apply-title')?.focus();
  }

  /** The number and code of the application shown (just sent, or found by them). */
  private get credentials(): { number: string; code: string } | null {
    if (this.mode === 'apply' && this.result && !this.result.duplicate) return { number: this.result.number, code: this.result.code };
    const code = normalizeCode(this.statusCode);
    return this.mode === 'status' && this.status && code ? { number: this.status.number, code } : null;
  }

  private async receipt(): Promise<void> {
    const who = this.credentials;
    if (!who || this.receiptBusy) return;
    this.receiptBusy = true;
    this.receiptError = '';
    try {
      const { downloadReceipt, saveFile } = await import('./followup.js');
      const { blob, filename } = await this.track(downloadReceipt(this.client, who, this.locale));
      saveFile(blob, filename);
    } catch (error) {
      this.receiptError = this.t('receiptFailed', { reason: failureReason(error, this.t('unreachable')) });
    } finally {
      this.receiptBusy = false;
    }
  }

  private async addDocuments(input: HTMLInputElement): Promise<void> {
    const who = this.credentials;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!who || !files.length) return;
    const { addDocument } = await import('./followup.js');
    // One after the other: the server counts an application's documents in order.
    for (const file of files) {
      const id = ++this.uploadSeq;
      this.sending = [...this.sending, { id, name: file.name, percent: 0, error: '' }];
      const update = (change: Partial<(typeof this.sending)[number]>) => (this.sending = this.sending.map((u) => (u.id === id ? { ...u, ...change } : u)));
      try {
        const result = await this.track(addDocument(this.client, who, file, this.locale, (sent, total) => update({ percent: total ? Math.round((sent / total) * 100) : 0 })));
        this.documents = result.documents;
        this.sending = this.sending.filter((u) => u.id !== id);
      } catch (error) {
        update({ error: error instanceof SifaClientError && error.sifaCode === 'RATE_LIMITED' ? this.t('tooMany', { seconds: Math.ceil(Number(error.details['retryAfter']) || 60) }) : failureReason(error, this.t('unreachable')) });
      }
    }
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** Server text in the reader's language, marked when it falls back to Chinese. */
  private text(value: LocalizedText | null | undefined): TemplateResult | string {
    if (!value) return '';
    if (this.ui === 'en' && value.en) return value.en;
    if (this.ui === 'mn-Mong' && value.mn) return value.mn;
    return this.ui === 'zh-CN' ? value.zh : html`<span lang="zh-CN">${value.zh}</span>`;
  }

  private plain(value: LocalizedText | null | undefined): string {
    if (!value) return '';
    if (this.ui === 'en' && value.en) return value.en;
    if (this.ui === 'mn-Mong' && value.mn) return value.mn;
    return value.zh;
  }

  /**
   * A party role's name: the server's in the reader's language, else the widget's own word for the
   * common roles (申请人, 法定代表人, 委托代理人), else the Chinese one marked as such.
   */
  private roleLabel(value: string, title: LocalizedText): { text: string; lang?: string } {
    if (this.ui === 'zh-CN') return { text: title.zh };
    if (this.ui === 'en' && title.en) return { text: title.en };
    if (this.ui === 'mn-Mong' && title.mn) return { text: title.mn };
    const own = roleWords[value];
    if (own) return { text: this.t(own) };
    return { text: title.zh, lang: 'zh-CN' };
  }

  private orgName(org: Pick<OrgNode, 'name'>): string {
    return (this.ui === 'en' && org.name.en) || (this.ui === 'mn-Mong' && org.name.mn) || org.name.zh;
  }

  private day(value: string): string {
    return formatDate(this.ui, value, { dateStyle: 'long' });
  }

  override render() {
    if (this.shown === null) return html`<section part="base" class="frame" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && applyMessages.mnDrafts.size > 0;
    return html`<section
      part="base"
      class="frame ${vertical ? 'vertical' : ''}"
      lang=${this.ui}
      aria-labelledby=${this.form ? 'apply-title' : nothing}
      aria-busy=${this.busy !== 'idle' || (!this.form && !this.loadError && !!this.type) ? 'true' : 'false'}
      data-draft=${drafts ? 'mn' : nothing}
    >
      ${this.type ? this.renderBody() : html`<p class="error" role="alert">${this.t('noType')}</p>`}
    </section>`;
  }

  private renderBody() {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.t('loadFailed', { reason: failureReason(this.loadError, this.t('unreachable')) })}</p>
        <button type="button" class="secondary" @click=${() => void this.load()}>${this.t('retry')}</button>`;
    }
    if (!this.form) return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    const form = this.form;
    return html`<header class="head">
        <h2 id="apply-title" tabindex="-1">${this.text(form.title)}</h2>
        <div class="modes" role="group" aria-label=${this.t('modes')}>
          <button type="button" class="mode" aria-pressed=${this.mode === 'apply' ? 'true' : 'false'} @click=${() => void this.switchMode('apply')}>${this.t('modeApply')}</button>
          <button type="button" class="mode" aria-pressed=${this.mode === 'status' ? 'true' : 'false'} @click=${() => void this.switchMode('status')}>${this.t('modeStatus')}</button>
        </div>
      </header>
      ${this.mode === 'status' ? this.renderStatus() : this.result ? this.renderDone(this.result) : this.renderForm(form)}`;
  }

  private renderForm(form: PublicFormView) {
    const sending = this.busy !== 'idle';
    const issues = [...this.errors];
    return html`${form.intro ? html`<p class="intro">${this.text(form.intro)}</p>` : nothing}
      ${this.draftNote
        ? html`<div class="draft" role="status">
            <span>${this.t(this.draftNote === 'restored' ? 'draftRestored' : this.draftNote === 'saved' ? 'draftSaved' : 'draftCleared')}</span>
            ${this.draftNote !== 'cleared' ? html`<button type="button" class="link" @click=${() => this.clearDraft()}>${this.t('clearDraft')}</button>` : nothing}
          </div>`
        : nothing}
      <div id="summary" class="summary" tabindex="-1" role=${issues.length || this.formError ? 'alert' : nothing} ?hidden=${!issues.length && !this.formError}>
        ${this.formError ? html`<p>${this.formError}</p>` : nothing}
        ${issues.length
          ? html`<p>${this.t('errorSummary', { n: issues.length })}</p>
              <ul>
                ${issues.map(([key, message]) => html`<li><button type="button" class="link" @click=${() => this.focusField(key)}>${this.fieldTitle(key)}${this.ui === 'zh-CN' ? '：' : ': '}${message}</button></li>`)}
              </ul>`
          : nothing}
      </div>
      <form novalidate @submit=${(e: Event) => void this.submit(e)} aria-busy=${sending ? 'true' : 'false'}>
        <section aria-labelledby="sec-office">
          <h3 id="sec-office">${this.t('officeSection')}</h3>
          ${this.renderOffice()}
        </section>
        <section aria-labelledby="sec-form">
          <h3 id="sec-form">${this.t('formSection')}</h3>
          ${form.order.map((name) => this.renderField(name, form.fields[name]!))}
        </section>
        <section>
          <h3 id="sec-consent">${this.t('consentSection')}</h3>
          <div class="consent" id="consent-text" tabindex="0" role="region" aria-labelledby="sec-consent">${this.text(form.consent)}</div>
          <div class="check ${this.errors.has('consent') ? 'invalid' : ''}" data-field="consent">
            <input
              id="f-consent"
              type="checkbox"
              .checked=${this.consent}
              aria-invalid=${this.errors.has('consent') ? 'true' : 'false'}
              aria-describedby=${this.errors.has('consent') ? 'e-consent' : nothing}
              @change=${(e: Event) => {
                this.consent = (e.target as HTMLInputElement).checked;
                if (this.consent && this.errors.has('consent')) {
                  const errors = new Map(this.errors);
                  errors.delete('consent');
                  this.errors = errors;
                }
              }}
            />
            <label for="f-consent">${this.t('consentAccept')}</label>
          </div>
          ${this.errorText('consent')}
        </section>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${sending}>${this.t(this.busy === 'idle' ? 'submit' : this.busy === 'proving' ? 'proving' : 'submitting')}</button>
          <span class="sr-only" role="status">${sending ? this.t(this.busy === 'proving' ? 'proving' : 'submitting') : ''}</span>
        </div>
      </form>`;
  }

  /** A field's title for the error summary (a party's part: "申请人 第 1 人 身份证号码"), server words marked when they fall back to Chinese. */
  private fieldTitle(key: string): TemplateResult | string {
    if (key === 'orgCode') return this.t(this.fixedOffice ? 'office' : this.counties?.length && !this.county ? 'county' : 'township');
    if (key === 'consent') return this.t('consentSection');
    const [name, row, part] = key.split('.');
    const spec = this.form?.fields[name!];
    if (!spec) return key;
    if (row === undefined) return this.text(spec.title);
    return html`${this.text(spec.title)} ${this.t('partyN', { n: Number(row) + 1 })} ${part && part in partyLabel ? this.t(partyLabel[part as keyof typeof partyLabel]) : ''}`;
  }

  private errorText(key: string) {
    const message = this.errors.get(key);
    return message ? html`<p class="field-error" id="e-${key.replaceAll('.', '-')}">${message}</p>` : nothing;
  }

  private described(key: string, help: boolean): string | typeof nothing {
    const id = key.replaceAll('.', '-');
    const ids = [help ? `h-${id}` : '', this.errors.has(key) ? `e-${id}` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderOffice() {
    if (this.fixedOffice) return html`<p class="office-fixed">${this.t('officeFixed', { office: this.orgName(this.fixedOffice) })}</p>`;
    const invalid = this.errors.has('orgCode');
    const countyMissing = invalid && !!this.counties?.length && !this.county;
    return html`<p class="help" id="h-orgCode">${this.t('officeHelp')}</p>
      <div class="pair">
        ${this.counties?.length
          ? html`<div class="field ${countyMissing ? 'invalid' : ''}" data-field="orgCode">
              <label for="f-county">${this.t('county')}</label>
              <select
                id="f-county"
                aria-invalid=${countyMissing ? 'true' : 'false'}
                aria-describedby=${countyMissing ? 'h-orgCode e-orgCode' : 'h-orgCode'}
                @change=${(e: Event) => void this.chooseCounty((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!this.county}>${this.t('chooseCounty')}</option>
                ${this.counties.map((c) => html`<option value=${c.code} ?selected=${c.code === this.county}>${this.orgName(c)}</option>`)}
              </select>
            </div>`
          : nothing}
        ${this.townships
          ? html`<div class="field ${invalid && !countyMissing ? 'invalid' : ''}" data-field="orgCode">
              <label for="f-township">${this.t('township')}</label>
              <select
                id="f-township"
                aria-invalid=${invalid && !countyMissing ? 'true' : 'false'}
                aria-describedby=${invalid && !countyMissing ? 'h-orgCode e-orgCode' : 'h-orgCode'}
                @change=${(e: Event) => this.chooseTownship((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!this.township}>${this.t('chooseTownship')}</option>
                ${this.townships.map((d) => html`<option value=${d.code} ?selected=${d.code === this.township}>${this.orgName(d)}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      ${this.renderReceiving()}
      ${this.errorText('orgCode')}`;
  }

  /** Which office receives it: the chosen township's (with the other townships it serves), or the one chosen on the map. */
  private renderReceiving() {
    const chosen = this.township ? this.townships?.find((d) => d.code === this.township) : undefined;
    const office = chosen?.office ?? this.mapOffice;
    if (!office) return nothing;
    const area = this.townships?.filter((d) => d.office.code === office.code) ?? [];
    const names = (list: DivisionNode[]) => list.map((d) => this.orgName(d)).join(this.ui === 'en' ? ', ' : this.ui === 'mn-Mong' ? '᠂ ' : '、');
    return html`<p class="receiving" role="status">
      ${this.t('officeServing', { office: this.orgName(office) })}
      ${area.length > 1 ? html`<span class="serves">${this.t('officeServes', { townships: names(area) })}</span>` : nothing}
    </p>`;
  }

  private mark(required: boolean) {
    return html`<span class="mark ${required ? 'required' : ''}">${this.t(required ? 'requiredMark' : 'optionalMark')}</span>`;
  }

  private renderField(name: string, spec: CaseFieldSpec): TemplateResult {
    if (spec.kind === 'parties') return this.renderParties(name, spec);
    const id = `f-${name}`;
    const invalid = this.errors.has(name);
    const help = spec.help ? html`<p class="help" id="h-${name}">${this.text(spec.help)}</p>` : nothing;
    const value = this.values[name];
    if (spec.kind === 'boolean' || (spec.kind === 'choice' && spec.options.length <= 5)) {
      const options: { value: string; title: TemplateResult | string }[] =
        spec.kind === 'boolean'
          ? [
              { value: 'true', title: this.t('yes') },
              { value: 'false', title: this.t('no') },
            ]
          : spec.options.map((o) => ({ value: o.value, title: this.text(o.title) }));
      const current = value === null || value === undefined ? '' : String(value);
      return html`<fieldset class="field ${invalid ? 'invalid' : ''}" data-field=${name} aria-describedby=${this.described(name, !!spec.help)} aria-invalid=${invalid ? 'true' : 'false'}>
        <legend>${this.text(spec.title)} ${this.mark(spec.required)}</legend>
        ${help}
        <div class="options">
          ${options.map(
            (o, i) => html`<label class="option">
              <input
                type="radio"
                id=${i === 0 ? id : `${id}-${i}`}
                name=${name}
                value=${o.value}
                .checked=${current === o.value}
                @change=${() => this.setValue(name, spec.kind === 'boolean' ? o.value === 'true' : o.value)}
              />
              <span>${o.title}</span>
            </label>`,
          )}
        </div>
        ${this.errorText(name)}
      </fieldset>`;
    }
    const common = {
      invalid: invalid ? 'true' : 'false',
      described: this.described(name, !!spec.help),
    };
    let control: TemplateResult;
    if (spec.kind === 'choice' || spec.kind === 'choices') {
      control = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${common.described} @change=${(e: Event) => this.setValue(name, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${this.t('chooseOption')}</option>
        ${spec.options.map((o) => html`<option value=${o.value} ?selected=${value === o.value}>${this.plain(o.title)}</option>`)}
      </select>`;
    } else if (spec.kind === 'date') {
      control = html`<input
        id=${id}
        type="date"
        max=${this.today()}
        .value=${typeof value === 'string' ? value : ''}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @change=${(e: Event) => this.setValue(name, (e.target as HTMLInputElement).value)}
      />`;
    } else if (spec.kind === 'text' && spec.multiline) {
      control = html`<textarea
        id=${id}
        rows="4"
        .value=${typeof value === 'string' ? value : ''}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @input=${(e: Event) => this.setValue(name, (e.target as HTMLTextAreaElement).value)}
      ></textarea>`;
    } else {
      control = html`<input
        id=${id}
        type=${spec.kind === 'text' && spec.personal === 'phone' ? 'tel' : 'text'}
        inputmode=${spec.kind === 'number' ? 'numeric' : nothing}
        .value=${typeof value === 'string' ? value : ''}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @input=${(e: Event) => this.setValue(name, (e.target as HTMLInputElement).value)}
      />`;
    }
    return html`<div class="field ${invalid ? 'invalid' : ''}" data-field=${name}>
      <label for=${id}>${this.text(spec.title)} ${this.mark(spec.required)}</label>
      ${help} ${control} ${this.errorText(name)}
    </div>`;
  }

  private renderParties(name: string, spec: Extract<CaseFieldSpec, { kind: 'parties' }>): TemplateResult {
    const rows = (this.values[name] as PartyRow[] | undefined) ?? [];
    const min = Math.max(1, spec.minItems);
    return html`<fieldset class="field parties" data-field=${name} aria-describedby=${spec.help ? `h-${name}` : nothing}>
      <legend>${this.text(spec.title)} ${this.mark(spec.required)}</legend>
      ${spec.help ? html`<p class="help" id="h-${name}">${this.text(spec.help)}</p>` : nothing}
      ${rows.map(
        (row, i) => html`<fieldset class="party">
          <legend>${this.t('partyN', { n: i + 1 })}</legend>
          ${spec.roles.length > 1
            ? html`<div class="field">
                <label for="f-${name}-${i}-role">${this.t('partyRole')}</label>
                <select id="f-${name}-${i}-role" @change=${(e: Event) => this.setParty(name, i, 'role', (e.target as HTMLSelectElement).value)}>
                  ${spec.roles.map((r) => {
                    const label = this.roleLabel(r.value, r.title);
                    return html`<option value=${r.value} ?selected=${r.value === row.role} lang=${label.lang ?? nothing}>${label.text}</option>`;
                  })}
                </select>
              </div>`
            : nothing}
          ${partyParts.map((part) => {
            const key = `${name}.${i}.${part}`;
            const invalid = this.errors.has(key);
            const required = part === 'name' && !spec.anonymous;
            return html`<div class="field ${invalid ? 'invalid' : ''}" data-field=${key}>
              <label for="f-${name}-${i}-${part}">${this.t(partyLabel[part])} ${this.mark(required)}</label>
              <input
                id="f-${name}-${i}-${part}"
                type=${part === 'phone' ? 'tel' : 'text'}
                autocomplete=${partyAutocomplete[part]}
                inputmode=${part === 'phone' ? 'tel' : nothing}
                .value=${row[part]}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${invalid ? `e-${name}-${i}-${part}` : nothing}
                @input=${(e: Event) => this.setParty(name, i, part, (e.target as HTMLInputElement).value)}
              />
              ${this.errorText(key)}
            </div>`;
          })}
          ${rows.length > min ? html`<button type="button" class="secondary" @click=${() => void this.removeParty(name, i)}>${this.t('removeParty', { n: i + 1 })}</button>` : nothing}
        </fieldset>`,
      )}
      ${rows.length < spec.maxItems ? html`<button type="button" class="secondary" @click=${() => void this.addParty(name, spec)}>${this.t('addParty')}</button>` : nothing}
      ${this.errorText(name)}
    </fieldset>`;
  }

  private renderDone(r: PublicApplySubmitResult & { orgCode: string; typeTitle: LocalizedText }) {
    const office = this.text(r.orgName);
    return html`<section class="done" aria-labelledby="done-title">
      <h3 id="done-title" tabindex="-1">${this.t(r.duplicate ? 'duplicateTitle' : 'doneTitle')}</h3>
      ${r.duplicate
        ? html`<p>${this.t('duplicateText', { number: r.number })}</p>`
        : html`<p>${this.tt('doneLead', { office })}</p>
            <dl class="codes">
              <div><dt>${this.t('doneNumber')}</dt><dd class="code">${r.number}</dd></div>
              <div><dt>${this.t('doneCode')}</dt><dd class="code">${r.code}</dd></div>
            </dl>
            <p class="muted">${this.t('doneOn', { date: this.day(r.receivedOn) })}</p>
            <p class="keep">${this.t('doneKeep')}</p>
            ${this.followupView(false)}`}
      <div class="actions">
        ${r.duplicate ? nothing : html`<button type="button" class="primary" @click=${() => this.saveCodes()}>${this.t('saveCodes')}</button>`}
        <button type="button" class="secondary" @click=${() => void this.showStatusOf(r.number, r.duplicate ? null : r.code)}>${this.t('checkStatus')}</button>
        <button type="button" class="secondary" @click=${() => void this.startNew()}>${this.t('newApplication')}</button>
      </div>
    </section>`;
  }

  private followupView(closed: boolean) {
    if (!this.form) return nothing;
    if (!this.followup) {
      void this.track(import('./followup.js')).then((m) => (this.followup = m));
      return nothing;
    }
    return this.followup.renderFollowup({
      form: this.form,
      closed,
      status: this.mode === 'status',
      documents: this.documents,
      sending: this.sending,
      receiptError: this.receiptError,
      receiptBusy: this.receiptBusy,
      t: (key, params) => this.t(key, params),
      day: (value) => this.day(value),
      receipt: () => void this.receipt(),
      addDocuments: (input) => void this.addDocuments(input),
    });
  }

  private renderStatus() {
    const s = this.status;
    return html`<section aria-labelledby="status-section">
      <h3 id="status-section">${this.t('statusSection')}</h3>
      <p class="help">${this.t('statusHelp')}</p>
      <form novalidate class="lookup" @submit=${(e: Event) => void this.lookUp(e)}>
        <div class="field">
          <label for="s-number">${this.t('statusNumber')}</label>
          <input id="s-number" type="text" autocomplete="off" .value=${this.statusNumber} @input=${(e: Event) => (this.statusNumber = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="s-code">${this.t('statusCode')}</label>
          <p class="help" id="h-s-code">${this.t('statusCodeHelp')}</p>
          <input id="s-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="h-s-code" .value=${this.statusCode} @input=${(e: Event) => (this.statusCode = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.statusBusy}>${this.t(this.statusBusy ? 'lookingUp' : 'lookUp')}</button>
        </div>
      </form>
      <p id="status-error" class="error" tabindex="-1" role=${this.statusError ? 'alert' : nothing} ?hidden=${!this.statusError}>${this.statusError}</p>
      ${s
        ? html`<article class="status" aria-labelledby="status-title">
            <h4 id="status-title" tabindex="-1">${this.text(s.typeTitle)} · ${s.number}</h4>
            <p>${this.tt('statusReceived', { date: this.day(s.receivedOn), office: this.text(s.orgName) })}</p>
            <p class="state ${s.closed ? 'closed' : 'open'}">
              <span class="muted">${this.t('statusState')}</span>
              <strong>${this.text(s.stateTitle)}</strong>
              <span class="badge">${this.t(s.closed ? 'statusClosed' : 'statusOpen')}</span>
            </p>
            ${s.nextDeadline && !s.closed ? html`<p>${this.tt('statusNext', { title: this.text(s.nextDeadline.title), date: this.day(s.nextDeadline.due) })}</p>` : nothing}
            <h5>${this.t('statusSteps')}</h5>
            <ol class="steps">
              ${s.steps.map((step) => html`<li><span class="when">${this.day(step.on)}</span> <span>${this.text(step.title)}</span></li>`)}
            </ol>
            ${this.followupView(s.closed)}
          </article>`
        : nothing}
    </section>`;
  }

  /** A message whose parameters may be server text marked with its language: the sentence split at its placeholders. */
  private tt(key: ApplyMessageKey, params: Record<string, string | TemplateResult>): TemplateResult {
    const pattern = this.t(key);
    const parts: (string | TemplateResult)[] = [];
    let last = 0;
    for (const m of pattern.matchAll(/\{(\w+)\}/g)) {
      parts.push(pattern.slice(last, m.index));
      parts.push(params[m[1]!] ?? m[0]);
      last = m.index + m[0].length;
    }
    parts.push(pattern.slice(last));
    return html`${parts}`;
  }
}
