/**
 * <sifa-correction-caseload>: the persons under community correction of an office or a county
 * (the signed-in user's scope, or `org-code` under it): the rates at the top (persons, 脱管 and
 * 漏管, which must be 0, 核查率 and 再犯罪率 this month), filters (class, stage, and office for a
 * county), and each person (name masked as the server lists it) with kind, class, stage, tasks
 * due this week, missed tasks and the latest compliance score. Selecting a person fires
 * `sifa-correction-case-select`; a <sifa-correction-plan> on the page follows it unless the host
 * cancels the event (to navigate instead).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizedText } from '@sifa/core';
import type { CorrectionApi } from '../../index.js';
import { formatDate, formatNumber, SifaElement } from '@sifa/components';
import { caseloadMessages, type CaseloadMessageKey } from './messages.js';
import { caseloadStyles } from './sifa-correction-caseload.styles.js';

type Api = { [K in keyof CorrectionApi]: CorrectionApi[K] };
type Out<K extends keyof Api> = Api[K] extends { output: infer O } ? O : never;
export type CaseloadView = Out<'correction.caseload.list'>;
type Row = CaseloadView['rows'][number];

/** `sifa-correction-case-select`: the user chose a person. Cancel it to handle the selection yourself. */
export interface CorrectionCaseSelectDetail {
  caseId: string;
  number: string;
  orgCode: string;
}

const classes = ['strict', 'normal', 'lenient'] as const;
const stages = ['intake', 'regular', 'release'] as const;
const kindKeys: Record<string, CaseloadMessageKey> = { control: 'kindControl', probation: 'kindProbation', parole: 'kindParole', 'medical-parole': 'kindMedicalParole' };
const classKeys: Record<string, CaseloadMessageKey> = { strict: 'classStrict', normal: 'classNormal', lenient: 'classLenient' };
const stageKeys: Record<string, CaseloadMessageKey> = { intake: 'stageIntake', regular: 'stageRegular', release: 'stageRelease' };

/**
 * @summary The caseload of an office or a county: rates, filters and every person under correction.
 *
 * @fires sifa-correction-case-select - A person was chosen. Detail: `CorrectionCaseSelectDetail`. Cancelable.
 *
 * @csspart base - The widget's frame.
 * @csspart rates - The rates at the top.
 * @csspart person - Each person's row.
 *
 * @cssprop --sifa-correction-caseload-vertical-size - Height of the widget laid out vertically (Mongolian); default 40em.
 */
export class SifaCorrectionCaseload extends SifaElement {
  static override styles = [...SifaElement.styles, ...caseloadStyles];

  /** The office or county shown (under the user's scope); default: the signed-in user's org. */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** The management class filter (strict, normal, lenient). */
  @property({ attribute: 'class-filter', reflect: true }) classFilter: string | undefined;

  /** The stage filter (intake, regular, release). */
  @property({ attribute: 'stage-filter', reflect: true }) stageFilter: string | undefined;

  /** The selected person's case (set when a person is chosen; the page may set it too). */
  @property({ attribute: 'selected', reflect: true }) selected: string | undefined;

  @state() private view: CaseloadView | null = null;
  /** Offices of the scope (kept from the unfiltered first load: the filter's options). */
  @state() private offices: { orgCode: string; orgName: LocalizedText }[] = [];
  @state() private office: string | undefined;
  @state() private loading = true;
  @state() private loadError: string | null = null;

  private loadSeq = 0;

  private t(key: CaseloadMessageKey, params?: Record<string, string | number>): string {
    return caseloadMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.track(this.load());
  }

  protected override configChanged(): void {
    void this.track(this.load());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(caseloadMessages, this.locale);
    if (this.hasUpdated && this.isConnected && (changed.has('orgCode') || changed.has('classFilter') || changed.has('stageFilter'))) {
      if (changed.has('orgCode')) {
        this.offices = [];
        this.office = undefined;
      }
      void this.track(this.load());
    }
  }

  /** Reloads the list and the rates. */
  async refresh(): Promise<void> {
    await this.track(this.load());
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    try {
      const orgCode = this.office ?? this.orgCode;
      const view = await this.client.query<Api, 'correction.caseload.list'>(
        'correction.caseload.list',
        {
          ...(orgCode ? { orgCode } : {}),
          ...(this.classFilter && (classes as readonly string[]).includes(this.classFilter) ? { class: this.classFilter as (typeof classes)[number] } : {}),
          ...(this.stageFilter ? { stage: this.stageFilter } : {}),
        },
        this.locale,
      );
      if (seq !== this.loadSeq) return;
      this.view = view;
      if (!this.office) this.offices = view.offices;
      this.loadError = null;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.loadError = this.t('loadFailed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private select(row: Row): void {
    this.selected = row.caseId;
    this.emit<CorrectionCaseSelectDetail>('sifa-correction-case-select', { caseId: row.caseId, number: row.number, orgCode: row.orgCode });
  }

  private onFilter(event: Event, which: 'class' | 'stage' | 'office'): void {
    const value = (event.target as HTMLSelectElement).value || undefined;
    if (which === 'class') this.classFilter = value;
    else if (which === 'stage') this.stageFilter = value;
    else {
      this.office = value;
      void this.track(this.load());
    }
  }

  // ---- text -------------------------------------------------------------------------------------

  private code(keys: Record<string, CaseloadMessageKey>, value: string | null): string {
    if (!value) return this.t('unknown');
    const key = keys[value];
    return key ? this.t(key) : value;
  }

  private orgName(name: LocalizedText): string | TemplateResult {
    if (this.ui === 'en') return name.en;
    if (this.ui === 'mn-Mong') return name.mn ? name.mn : html`<span lang="zh-CN">${name.zh}</span>`;
    return name.zh;
  }

  private day(day: string): string {
    if (this.ui !== 'mn-Mong') return formatDate(this.ui, day, { dateStyle: 'medium' });
    return this.t('dayDate', { year: day.slice(0, 4), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
  }

  private percent(rate: number | null): string {
    if (rate === null) return this.t('noData');
    return formatNumber(this.ui, rate, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** Server data (names, case numbers) as entered: marked Chinese outside the Chinese UI. */
  private entered(text: string): TemplateResult {
    return this.ui === 'zh-CN' || !/[\u3400-\u9fff]/.test(text) ? html`${text}` : html`<span lang="zh-CN">${text}</span>`;
  }

  /** A person's name as the server lists it (masked above the owning office), else the file number. */
  private who(row: Row): string {
    return row.name ?? row.number;
  }

  // ---- render -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && caseloadMessages.mnDrafts.size > 0;
    const view = this.view;
    return html`
      <section part="base" class="frame ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <header class="head">
          <h2 id="title">${this.t('title')}</h2>
          ${view ? html`<span class="muted">${this.t('asOf', { date: this.day(view.today) })}</span>` : nothing}
          <button type="button" class="refresh" @click=${() => (this.loading ? undefined : void this.refresh())} aria-disabled=${this.loading ? 'true' : 'false'}>${this.t('refresh')}</button>
        </header>
        ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
        ${!view ? (this.loading ? html`<p class="muted">${this.t('loading')}</p>` : nothing) : html`${this.renderRates(view)} ${this.renderFilters()} ${this.renderList(view)}`}
      </section>
    `;
  }

  private renderRates(view: CaseloadView): TemplateResult {
    const r = view.rates;
    const zeroRate = (key: CaseloadMessageKey, value: number, name: string) =>
      html`<div class="rate ${value > 0 ? 'alarm' : 'ok'}" data-rate=${name}>
        <dt>${this.t(key)}</dt>
        <dd><span class="value">${formatNumber(this.ui, value)}</span> <span class="glyph" aria-hidden="true">${value > 0 ? '!' : '✓'}</span> <span class="muted">${this.t('mustBeZero')}</span></dd>
      </div>`;
    return html`<section part="rates" class="rates-panel" aria-labelledby="rates-title">
      <h3 id="rates-title">${this.t('ratesTitle')} <span class="muted">${this.t('ratePeriod', { from: this.day(r.from), to: this.day(r.to) })}</span></h3>
      <dl class="rates">
        <div class="rate" data-rate="persons"><dt>${this.t('persons')}</dt><dd><span class="value">${formatNumber(this.ui, r.persons)}</span></dd></div>
        ${zeroRate('outOfSupervision', r.outOfSupervision, 'out-of-supervision')} ${zeroRate('missedIntake', r.missedIntake, 'missed-intake')}
        <div class="rate" data-rate="verification"><dt>${this.t('verificationRate')}</dt><dd><span class="value">${this.percent(r.verificationRate)}</span></dd></div>
        <div class="rate" data-rate="reoffence"><dt>${this.t('reoffenceRate')}</dt><dd><span class="value">${this.percent(r.reoffenceRate)}</span></dd></div>
      </dl>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const option = (value: string, label: string, current: string | undefined) => html`<option value=${value} ?selected=${value === (current ?? '')}>${label}</option>`;
    return html`<div class="filters" role="group" aria-label=${this.t('filters')}>
      <label class="filter"><span>${this.t('filterClass')}</span>
        <select name="class" @change=${(e: Event) => this.onFilter(e, 'class')}>
          ${option('', this.t('all'), this.classFilter)} ${classes.map((c) => option(c, this.code(classKeys, c), this.classFilter))}
        </select>
      </label>
      <label class="filter"><span>${this.t('filterStage')}</span>
        <select name="stage" @change=${(e: Event) => this.onFilter(e, 'stage')}>
          ${option('', this.t('all'), this.stageFilter)} ${stages.map((s) => option(s, this.code(stageKeys, s), this.stageFilter))}
        </select>
      </label>
      ${this.offices.length > 1
        ? html`<label class="filter"><span>${this.t('filterOffice')}</span>
            <select name="office" @change=${(e: Event) => this.onFilter(e, 'office')}>
              <option value="" ?selected=${!this.office}>${this.t('all')}</option>
              ${this.offices.map((o) => html`<option value=${o.orgCode} ?selected=${o.orgCode === this.office}>${this.ui === 'en' ? o.orgName.en : o.orgName.zh}</option>`)}
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  private renderList(view: CaseloadView): TemplateResult {
    const county = this.offices.length > 1;
    return html`<section class="people" aria-labelledby="people-title">
      <h3 id="people-title">${this.t('personList')} <span class="muted">${this.t('count', { count: view.rows.length })}</span></h3>
      ${view.truncated ? html`<p class="muted">${this.t('truncated')}</p>` : nothing}
      ${view.rows.length === 0
        ? html`<p class="muted">${this.t('empty')}</p>`
        : html`<ul class="person-list">
            ${view.rows.map((row) => {
              const selected = row.caseId === this.selected;
              return html`<li part="person" class="person ${selected ? 'selected' : ''} ${row.tasksMissed > 0 ? 'has-missed' : ''}" data-case=${row.caseId}>
                <div class="person-head">
                  <strong class="who" id="who-${row.caseId}" data-masked=${ifDefined(row.masked ? 'true' : undefined)}>${this.entered(this.who(row))}</strong>
                  ${row.name ? html`<span class="muted">${this.entered(row.number)}</span>` : nothing}
                  ${county ? html`<span class="muted">${this.orgName(row.orgName)}</span>` : nothing}
                  ${row.state === 'lost-contact' ? html`<span class="badge alarm">${this.t('stateLostContact')}</span>` : nothing}
                  ${row.hasPlan ? nothing : html`<span class="badge">${this.t('noPlan')}</span>`}
                </div>
                <dl class="facts">
                  <div><dt>${this.t('kind')}</dt><dd>${this.code(kindKeys, row.kind)}</dd></div>
                  <div><dt>${this.t('class')}</dt><dd>${this.code(classKeys, row.class)}</dd></div>
                  <div><dt>${this.t('stage')}</dt><dd>${this.code(stageKeys, row.stage)}</dd></div>
                  <div><dt>${this.t('dueThisWeek')}</dt><dd>${formatNumber(this.ui, row.tasksDueThisWeek)}</dd></div>
                  <div class=${row.tasksMissed > 0 ? 'alarm' : ''}><dt>${this.t('missed')}</dt><dd>${formatNumber(this.ui, row.tasksMissed)}</dd></div>
                  <div><dt>${this.t('score')}</dt><dd>${row.latestScore ? this.t('scoreValue', { score: row.latestScore.score, month: row.latestScore.month }) : this.t('noScore')}</dd></div>
                </dl>
                <button type="button" class=${selected ? 'primary' : ''} aria-pressed=${selected ? 'true' : 'false'} aria-describedby="who-${row.caseId}" data-open=${row.caseId} @click=${() => this.select(row)}>
                  ${this.t('open')}
                </button>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }
}
