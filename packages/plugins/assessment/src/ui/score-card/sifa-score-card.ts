/**
 * <sifa-score-card>: an office's, a county's or the city's 1000-point assessment score (千分制考核)
 * for a period: the total against full marks, the rank among its siblings, a trend sparkline
 * (hand-drawn SVG), the six parts as bars, and a drill-down part → items → the records (diary
 * entries, business records) behind each item's figure. Every level of the drill-down is a real
 * table with headers; everything is reachable by keyboard (Escape goes back up a level).
 *
 * Data: `assessment.score`, `assessment.trend` and `assessment.breakdown` (typed with the
 * plugin's `AssessmentApi`, inferred from its router), with the page's embed token: a private widget. Without
 * `org-code` it shows the signed-in user's own org. Scores are computed by the server from
 * facts; the widget only shows them.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizedText } from '@sifa/core';
import { failureReason, formatNumber, linkHref, SifaClientError, SifaElement } from '@sifa/components';
import type { AssessmentApi, AssessmentBreakdown, AssessmentItemScore, AssessmentOrgName, AssessmentPartScore, AssessmentScore, AssessmentTrend } from '../../index.js';
import { scoreCardMessages, type ScoreCardMessageKey } from './messages.js';
import { isPeriod, kindOf, monthsIn, trendEnd, type PeriodKind } from './periods.js';
import { scoreCardStyles } from './sifa-score-card.styles.js';

/** `sifa-score-drill`: the user opened a part's items or an item's records (null: closed). */
export interface ScoreDrillDetail {
  orgCode: string;
  period: string;
  part: string | null;
  item: string | null;
}

/** `sifa-score-source`: the user followed a record's link (cancelable: cancel to open it yourself). */
export interface ScoreSourceDetail {
  kind: string;
  id: string;
  orgCode: string;
  day: string;
  href: string;
}

/** The procedures the card calls, as a type alias (an interface has no index signature for the client's ApiMap). */
export type ScoreCardCalls = Pick<AssessmentApi, 'assessment.score' | 'assessment.trend' | 'assessment.breakdown'> & {
  'platform.auth.me': { type: 'query'; input: undefined; output: { orgCode: string } };
};

const trendKinds: readonly PeriodKind[] = ['month', 'quarter', 'year'];
const trendKey: Record<PeriodKind, ScoreCardMessageKey> = { month: 'trendMonth', quarter: 'trendQuarter', year: 'trendYear' };
const perKey: Record<PeriodKind, ScoreCardMessageKey> = { month: 'perMonth', quarter: 'perQuarter', year: 'perYear' };
const statusKey: Record<AssessmentItemScore['status'], ScoreCardMessageKey> = {
  met: 'statusMet',
  partial: 'statusPartial',
  missed: 'statusMissed',
  pending: 'statusPending',
  clear: 'statusClear',
  deducted: 'statusDeducted',
  vetoed: 'statusVetoed',
};
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Text = { text: string; lang?: string | undefined };

/**
 * @summary An org's assessment score for a period: total, rank, trend, parts, and a drill-down
 * to the items and to the records behind every point.
 *
 * @fires sifa-score-drill - The user opened (or closed) a part's items or an item's records. Detail: `ScoreDrillDetail`.
 * @fires sifa-score-source - The user followed a record's link (`source-href`); cancelable. Detail: `ScoreSourceDetail`.
 *
 * @csspart base - The card.
 * @csspart summary - Total, rank and trend.
 * @csspart trend - The sparkline.
 * @csspart parts - The list of parts.
 * @csspart items - The items table of the open part.
 * @csspart sources - The records table of the open item.
 *
 * @cssprop --sifa-score-card-bar - Fill of the part bars; default the primary colour.
 * @cssprop --sifa-score-card-track - Track of the part bars.
 * @cssprop --sifa-score-card-vertical-size - Height of the card in Mongolian (vertical) layout; default 36em.
 */
export class SifaScoreCard extends SifaElement {
  static override styles = [...SifaElement.styles, scoreCardStyles];

  /** The org scored (an office, a county, the city); the signed-in user's own org by default. */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** 2026, 2026-Q3 or 2026-07; the current year by default. */
  @property() period: string | undefined;

  /** The kind of periods the trend shows: month (default), quarter or year. */
  @property() trend: PeriodKind = 'month';

  /** How many periods the trend shows (default 12; the server caps it). */
  @property({ attribute: 'trend-count', type: Number }) trendCount = 12;

  /**
   * Link template for a record, `{kind}`, `{id}`, `{orgCode}` and `{day}` filled in, e.g.
   * `/diary?entry={id}`; without it records are listed without links.
   */
  @property({ attribute: 'source-href' }) sourceHref: string | undefined;

  /** How many records an item's drill-down lists (newest first; default 50). */
  @property({ attribute: 'records-limit', type: Number }) recordsLimit = 50;

  @state() private score: AssessmentScore | null = null;
  @state() private trendData: AssessmentTrend | null = null;
  @state() private loading = true;
  @state() private loadError: unknown = null;
  @state() private openPart: string | null = null;
  @state() private openItem: string | null = null;
  @state() private breakdown: AssessmentBreakdown | null = null;
  @state() private breakdownLoading = false;
  @state() private breakdownError: unknown = null;
  @state() private announcement = '';

  private loadSeq = 0;
  private breakdownSeq = 0;
  /** The org and period the shown score was asked for. */
  private asked: { orgCode: string; period: string } | null = null;

  private t(key: ScoreCardMessageKey, params?: Record<string, string | number>): string {
    return scoreCardMessages.t(this.ui, key, params);
  }

  /** Reloads the score (after the host knows facts changed). */
  refresh(): Promise<void> {
    return this.load();
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
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(scoreCardMessages, this.locale);
    if (changed.has('trend') && !trendKinds.includes(this.trend)) this.trend = 'month';
    const inputs = ['orgCode', 'period', 'trend', 'trendCount'];
    if (this.isConnected && this.hasUpdated && inputs.some((k) => changed.has(k))) void this.load();
    // The server wrote its error message in the language asked for: ask again in the new one.
    if (changed.has('locale') && this.hasUpdated && this.loadError && !this.loading) void this.load();
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
    const work = (async () => {
      const orgCode = this.orgCode || (await client.query<ScoreCardCalls, 'platform.auth.me'>('platform.auth.me', undefined, locale)).orgCode;
      const period = isPeriod(this.period) ? this.period : String(new Date().getFullYear());
      const trendPeriod = trendEnd(period, this.trend, new Date());
      const [score, trend] = await Promise.all([
        client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode, period }, locale),
        // The trend is a picture beside the score: the card works without it.
        client.query<ScoreCardCalls, 'assessment.trend'>('assessment.trend', { orgCode, period: trendPeriod, count: this.trendCount }, locale).catch(() => null),
      ]);
      return { orgCode, period, score, trend };
    })();
    try {
      const { orgCode, period, score, trend } = await this.track(work);
      if (seq !== this.loadSeq) return;
      const same = this.asked?.orgCode === orgCode && this.asked.period === period;
      this.asked = { orgCode, period };
      this.score = score;
      this.trendData = trend;
      if (!same || !score.parts.some((p) => p.code === this.openPart)) this.openPart = null;
      if (!same) this.closeRecords();
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private async loadRecords(item: AssessmentItemScore): Promise<void> {
    const asked = this.asked;
    if (!asked) return;
    const seq = ++this.breakdownSeq;
    this.breakdownLoading = true;
    this.breakdownError = null;
    this.breakdown = null;
    try {
      const breakdown = await this.track(
        this.client.query<ScoreCardCalls, 'assessment.breakdown'>(
          'assessment.breakdown',
          { orgCode: asked.orgCode, period: asked.period, itemCode: item.code, limit: this.recordsLimit, standard: this.score ? { id: this.score.standard.id, version: this.score.standard.version } : undefined },
          this.locale,
        ),
      );
      if (seq !== this.breakdownSeq) return;
      this.breakdown = breakdown;
      this.announcement = this.t('announceSources', { item: this.plain(item.title), count: breakdown.sources.length });
    } catch (error) {
      if (seq === this.breakdownSeq) this.breakdownError = error ?? new Error('unknown');
    } finally {
      if (seq === this.breakdownSeq) this.breakdownLoading = false;
    }
  }

  // ---- drill-down ---------------------------------------------------------------------------------

  private togglePart(part: AssessmentPartScore): void {
    const open = this.openPart !== part.code;
    this.openPart = open ? part.code : null;
    this.closeRecords();
    const count = this.score?.items.filter((i) => i.part === part.code).length ?? 0;
    this.announcement = open ? this.t('announceItems', { part: this.plain(part.title), count }) : '';
    this.emitDrill(this.openPart, null);
  }

  private openRecords(item: AssessmentItemScore): void {
    this.openItem = item.code;
    this.emitDrill(item.part, item.code);
    void this.loadRecords(item);
    // The records take the reader's attention: their heading takes the focus.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#sources-title')?.focus());
  }

  private closeRecords(): void {
    this.openItem = null;
    this.breakdown = null;
    this.breakdownError = null;
    this.breakdownLoading = false;
    this.breakdownSeq++;
  }

  private backToItems(): void {
    const item = this.openItem;
    this.closeRecords();
    this.emitDrill(this.openPart, null);
    void this.updateComplete.then(() => (item ? this.renderRoot.querySelector<HTMLElement>(`button.records[data-item="${CSS.escape(item)}"]`)?.focus() : undefined));
  }

  private emitDrill(part: string | null, item: string | null): void {
    if (this.asked) this.emit<ScoreDrillDetail>('sifa-score-drill', { ...this.asked, part, item });
  }

  private readonly onHostKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (this.openItem) {
      e.stopPropagation();
      this.backToItems();
    } else if (this.openPart) {
      e.stopPropagation();
      const part = this.openPart;
      this.openPart = null;
      this.announcement = '';
      this.emitDrill(null, null);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`button.part[data-part="${CSS.escape(part)}"]`)?.focus());
    }
  };

  // ---- text -------------------------------------------------------------------------------------

  /** A server text in the UI language; Chinese (marked as such) where it has no form in it. */
  private textOf(value: LocalizedText | AssessmentOrgName): Text {
    if (this.ui === 'en' && value.en) return { text: value.en };
    if (this.ui === 'mn-Mong' && value.mn) return { text: value.mn };
    return this.ui === 'zh-CN' ? { text: value.zh } : { text: value.zh, lang: 'zh-CN' };
  }

  private plain(value: LocalizedText | AssessmentOrgName): string {
    return this.textOf(value).text;
  }

  private show(value: LocalizedText | AssessmentOrgName): TemplateResult {
    const t = this.textOf(value);
    return t.lang ? html`<span lang=${t.lang}>${t.text}</span>` : html`${t.text}`;
  }

  /** Points and counts as written in scoring documents: no digit grouping (1000 分, not 1,000). */
  private num(value: number, digits = 2): string {
    return formatNumber(this.ui, value, { maximumFractionDigits: digits, useGrouping: false });
  }

  private periodText(period: string): string {
    const year = period.slice(0, 4);
    const kind = kindOf(period);
    if (kind === 'year') return this.t('periodYear', { year });
    if (kind === 'quarter') return this.t('periodQuarter', { year, quarter: period.slice(6) });
    const month = Number(period.slice(5));
    return this.t('periodMonth', { year, month, monthName: monthNames[month - 1]! });
  }

  private unitOf(item: AssessmentItemScore): string {
    return this.plain(item.unit);
  }

  /** What an item's figures say, in the UI language, from the rule and the recorded values. */
  private figures(item: AssessmentItemScore, score: AssessmentScore): string {
    const unit = this.unitOf(item);
    const value = this.num(item.value);
    const rule = item.rule;
    let text: string;
    switch (rule.kind) {
      case 'per-occurrence': {
        const months = monthsIn(score.period);
        text = this.t('figPerOccurrence', { value, unit, each: this.num(rule.pointsEach) });
        if (rule.scale === 'period' && months < 12) text += this.t('figScaled', { factor: this.num(12 / months) });
        text += this.t('figCap', { max: this.num(item.max) });
        break;
      }
      case 'target': {
        const windows = item.windows;
        const scaled = windows.length === 1 && windows[0]!.target !== rule.target;
        text = this.t('figTarget', { value, unit, per: scaled ? '' : this.t(perKey[rule.per]), target: this.num(scaled ? windows[0]!.target : rule.target, 1) });
        if (windows.length > 1) text += this.t('figWindows', { met: windows.filter((w) => w.achieved >= 1).length, count: windows.length });
        break;
      }
      case 'deadline':
        text = this.t('figDeadline', { month: rule.dueMonth, target: this.num(rule.target), value, unit });
        break;
      case 'evidence':
        text = rule.per === 'month' ? this.t('figEvidenceMonths', { met: item.windows.filter((w) => w.achieved > 0).length, count: item.windows.length }) : this.t('figEvidence', { value, unit });
        break;
      case 'deduction':
        text = this.t('figDeduction', { value, unit, each: this.num(rule.pointsEach), max: this.num(item.max) });
        break;
      case 'veto': {
        const target = rule.zeroes === 'total' ? this.t('vetoTotal') : this.plain(score.parts.find((p) => p.code === rule.zeroes)?.title ?? { zh: rule.zeroes, en: rule.zeroes });
        text = this.t('figVeto', { threshold: this.num(rule.threshold), unit, target, value });
        break;
      }
    }
    if (item.offices && item.offices.total > 1) {
      const offices =
        item.part === 'negative'
          ? this.t('figOfficesDeducted', { count: item.offices.deducted + item.offices.vetoed, total: item.offices.total })
          : this.t('figOffices', { met: item.offices.met, total: item.offices.total });
      text += `${this.ui === 'en' ? '; ' : '；'}${offices}`;
    }
    return text;
  }

  private pointsOf(part: AssessmentPartScore): string {
    if (part.kind === 'bonus') return this.t('bonusPoints', { points: this.num(part.points), max: this.num(part.max) });
    if (part.kind === 'negative') return this.t('negativePoints', { points: this.num(part.points), max: this.num(part.max) });
    return this.t('partPoints', { points: this.num(part.points), max: this.num(part.max) });
  }

  private sourceLabel(kind: string): string {
    if (kind === 'diary.entry') return this.t('sourceDiary');
    if (kind === 'platform.integration') return this.t('sourceIntegration');
    // A case file of any case type (the casework engine records facts as `<plugin>.case`).
    if (kind.endsWith('.case')) return this.t('sourceCase');
    return kind;
  }

  // ---- rendering --------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<section part="base" class="card" lang=${this.locale} aria-busy="true"></section>`;
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && scoreCardMessages.mnDrafts.size > 0;
    const s = this.score;
    return html`
      <section part="base" class="card ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <header class="head">
          <h2 id="title">${s ? html`${this.show(s.orgName)} · ${this.t('title')}` : this.t('title')}</h2>
          ${s
            ? html`<p class="meta">
                ${this.periodText(s.period)} · ${this.standardText(s.standard)}
                ${s.standard.demo ? html`<span class="badge" title=${this.t('demoNote')}>${this.t('demo')}</span>` : nothing}
              </p>`
            : nothing}
        </header>
        ${this.loading && !s ? html`<p class="loading">${this.t('loading')}</p>` : nothing}
        ${this.loadError
          ? html`<p class="error" role="alert">${this.t('loadFailed', { reason: this.reason(this.loadError) })} <button type="button" class="retry" @click=${() => void this.load()}>${this.t('retry')}</button></p>`
          : nothing}
        ${s ? this.renderScore(s) : nothing}
        <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      </section>
    `;
  }

  /** The standard's title and version; a title with no form in the UI language marked as Chinese. */
  private standardText(standard: AssessmentScore['standard']): TemplateResult {
    const mark = '\u0000';
    const [before = '', after = ''] = this.t('standard', { title: mark, version: standard.version }).split(mark);
    return html`<span class="standard">${before}${this.show(standard.title)}${after}</span>`;
  }

  private renderScore(s: AssessmentScore): TemplateResult {
    return html`
      <div class="summary" part="summary">
        <div class="total-block">
          <p class="total">
            <span class="sr-only">${this.t('totalLabel', { total: this.num(s.total), max: this.num(s.fullMarks) })}</span>
            <span aria-hidden="true"><span class="value">${this.num(s.total)}</span><span class="of"> / ${this.num(s.fullMarks)}</span></span>
          </p>
          ${s.offices > 1 ? html`<p class="note">${this.t('averageOf', { count: s.offices })}</p>` : nothing}
          ${s.vetoed && s.offices === 1 ? html`<p class="note vetoed">${this.t('vetoedTotal')}</p>` : nothing}
          <p class="rank">${s.rank ? this.t('rank', { parent: this.plain(s.rank.parentName), of: s.rank.of, position: s.rank.position }) : this.t('rankHidden')}</p>
          ${s.standard.demo ? html`<p class="note demo">${this.t('demoNote')}</p>` : nothing}
        </div>
        ${this.renderTrend()}
      </div>
      <h3 id="parts-title">${this.t('parts')}</h3>
      <ul class="parts" part="parts" aria-labelledby="parts-title">
        ${s.parts.map((p) => this.renderPart(p))}
      </ul>
      ${this.renderItems(s)}
    `;
  }

  private renderPart(part: AssessmentPartScore): TemplateResult {
    const open = this.openPart === part.code;
    const share = part.max > 0 ? Math.min(100, (Math.abs(part.points) / part.max) * 100) : 0;
    return html`<li>
      <button type="button" class="part kind-${part.kind}" data-part=${part.code} aria-expanded=${open ? 'true' : 'false'} aria-controls="items" @click=${() => this.togglePart(part)}>
        <span class="part-name">${this.show(part.title)}${part.vetoed ? html` <span class="tag">${this.t('vetoed')}</span>` : nothing}</span>
        ${this.ui === 'mn-Mong'
          ? // Mongolian: the bar runs along the (vertical) line, from its start at the top.
            html`<svg class="bar" viewBox="0 0 8 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="track" x="0" y="0" width="8" height="100"></rect>
              <rect class="fill" x="0" y="0" width="8" height=${share.toFixed(2)}></rect>
            </svg>`
          : html`<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="track" x="0" y="0" width="100" height="8"></rect>
              <rect class="fill" x="0" y="0" width=${share.toFixed(2)} height="8"></rect>
            </svg>`}
        <span class="part-points">${this.pointsOf(part)}</span>
      </button>
    </li>`;
  }

  private renderTrend(): TemplateResult {
    const trend = this.trendData;
    const points = trend?.points ?? [];
    const scored = points.filter((p) => p.total !== null);
    const title = this.t(trendKey[trend?.kind ?? this.trend], { count: points.length || this.trendCount });
    if (!trend || scored.length === 0) return html`<figure class="trend" part="trend"><figcaption>${this.t('trendNone')}</figcaption></figure>`;
    const width = 160;
    const height = 40;
    const pad = 3;
    const top = Math.max(...scored.map((p) => Math.max(p.fullMarks ?? 0, p.total!)), 1);
    const x = (i: number) => pad + (points.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (points.length - 1));
    const y = (v: number) => height - pad - (v / top) * (height - 2 * pad);
    const runs: string[] = [];
    let run: string[] = [];
    points.forEach((p, i) => {
      if (p.total === null) {
        if (run.length) runs.push(run.join(' '));
        run = [];
      } else run.push(`${x(i).toFixed(1)},${y(p.total).toFixed(1)}`);
    });
    if (run.length) runs.push(run.join(' '));
    const lastIndex = points.map((p) => p.total !== null).lastIndexOf(true);
    const totals = scored.map((p) => p.total!);
    const summary = this.t('trendSummary', {
      title,
      min: this.num(Math.min(...totals)),
      max: this.num(Math.max(...totals)),
      last: this.num(points[lastIndex]!.total!),
    });
    return html`<figure class="trend" part="trend">
      <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${summary} focusable="false">
        <line class="base" x1=${pad} y1=${height - pad} x2=${width - pad} y2=${height - pad}></line>
        ${runs.map((r) => (r.includes(' ') ? svg`<polyline class="line" points=${r}></polyline>` : svg`<circle class="dot" cx=${r.split(',')[0]!} cy=${r.split(',')[1]!} r="1.6"></circle>`))}
        <circle class="last" cx=${x(lastIndex).toFixed(1)} cy=${y(points[lastIndex]!.total!).toFixed(1)} r="2.5"></circle>
      </svg>
      <figcaption aria-hidden="true">${title}</figcaption>
      <ul class="sr-only">
        ${points.map((p) => html`<li>${this.periodText(p.period)}${this.ui === 'en' ? ': ' : '：'}${p.total === null ? this.t('noScore') : this.num(p.total)}</li>`)}
      </ul>
    </figure>`;
  }

  private renderItems(s: AssessmentScore): TemplateResult | typeof nothing {
    const part = s.parts.find((p) => p.code === this.openPart);
    if (!part) return nothing;
    const items = s.items.filter((i) => i.part === part.code);
    return html`<section id="items" class="items" part="items" aria-labelledby="items-title">
      <h3 id="items-title">${this.t('items', { part: this.plain(part.title) })}</h3>
      <div class="scroll">
        <table aria-labelledby="items-title">
          <thead>
            <tr>
              <th scope="col">${this.t('colItem')}</th>
              <th scope="col">${this.t('colCriterion')}</th>
              <th scope="col">${this.t('colFigures')}</th>
              <th scope="col" class="num">${this.t('colPoints')}</th>
              <th scope="col">${this.t('colStatus')}</th>
              <th scope="col">${this.t('colRecords')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (i) => html`<tr data-item=${i.code} class=${this.openItem === i.code ? 'current' : ''}>
                <th scope="row">${this.show(i.title)}</th>
                <td class="criterion">${this.show(i.criterion)}</td>
                <td>${this.figures(i, s)}</td>
                <td class="num">${this.num(i.points)}${i.rule.kind === 'veto' ? nothing : html`<span class="of"> / ${i.part === 'negative' ? '−' : ''}${this.num(i.max)}</span>`}</td>
                <td><span class="status status-${i.status}">${this.t(statusKey[i.status])}</span></td>
                <td>
                  <button type="button" class="records" data-item=${i.code} aria-label=${this.t('recordsFor', { item: this.plain(i.title) })} aria-expanded=${this.openItem === i.code ? 'true' : 'false'} aria-controls="sources" @click=${() => this.openRecords(i)}>
                    ${this.t('records')}
                  </button>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.renderSources(s)}
    </section>`;
  }

  /** The record's link, or null (no template, or not an http(s) or relative address: the day as text then). */
  private href(row: AssessmentBreakdown['sources'][number]): string | null {
    return linkHref(this.sourceHref, { kind: row.kind, id: row.id, orgCode: row.orgCode, day: row.day });
  }

  private renderSources(s: AssessmentScore): TemplateResult | typeof nothing {
    const item = s.items.find((i) => i.code === this.openItem);
    if (!item) return nothing;
    const b = this.breakdown;
    const several = s.offices > 1;
    const unit = this.unitOf(item);
    return html`<section id="sources" class="sources" part="sources" aria-labelledby="sources-title" aria-busy=${this.breakdownLoading ? 'true' : 'false'}>
      <div class="sources-head">
        <h4 id="sources-title" tabindex="-1">${this.t('sources', { item: this.plain(item.title) })}</h4>
        <button type="button" class="back" @click=${() => this.backToItems()}>${this.t('back')}</button>
      </div>
      ${this.breakdownLoading ? html`<p class="loading">${this.t('loadingSources')}</p>` : nothing}
      ${this.breakdownError
        ? html`<p class="error" role="alert">${this.t('sourcesFailed', { reason: this.reason(this.breakdownError) })} <button type="button" class="retry" @click=${() => void this.loadRecords(item)}>${this.t('retry')}</button></p>`
        : nothing}
      ${b && b.sources.length === 0 ? html`<p class="empty">${this.t('noSources')}</p>` : nothing}
      ${b && b.sources.length > 0
        ? html`<p class="count">${b.total > b.sources.length ? this.t('sourcesCount', { total: b.total, shown: b.sources.length }) : this.t('sourcesAll', { total: b.total })}</p>
            <div class="scroll">
              <table aria-labelledby="sources-title">
                <thead>
                  <tr>
                    <th scope="col">${this.t('colDay')}</th>
                    ${several ? html`<th scope="col">${this.t('colOrg')}</th>` : nothing}
                    <th scope="col">${this.t('colSource')}</th>
                    <th scope="col" class="num">${this.t('colValue')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${b.sources.map((row) => {
                    const href = this.href(row);
                    const follow = (e: Event) => {
                      if (href && !this.emit<ScoreSourceDetail>('sifa-score-source', { kind: row.kind, id: row.id, orgCode: row.orgCode, day: row.day, href })) e.preventDefault();
                    };
                    return html`<tr data-source=${row.id}>
                      <th scope="row">${href ? html`<a href=${href} @click=${follow}>${row.day}</a>` : row.day}</th>
                      ${several ? html`<td>${this.show(row.orgName)}</td>` : nothing}
                      <td>${this.sourceLabel(row.kind)}</td>
                      <td class="num">${this.num(row.value)}${unit ? html` <span class="unit">${unit}</span>` : nothing}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
        : nothing}
    </section>`;
  }
}
