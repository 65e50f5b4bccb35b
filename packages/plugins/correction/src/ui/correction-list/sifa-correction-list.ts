/**
 * <sifa-correction-list>: the latest records of an org's subtree (by default the signed-in user's),
 * newest day first: day, record, people served. Reloads when the page regains focus; typed by
 * the plugin's API (`CorrectionApi`, inferred from its router), so a changed procedure breaks the
 * build here, not at run time.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { failureReason, formatDate, formatNumber, SifaElement } from '@sifa/components';
import type { CorrectionApi, CorrectionRecord } from '@sifa/plugin-correction';
import { correctionListMessages, type CorrectionListMessageKey } from './messages.js';
import { correctionListStyles } from './sifa-correction-list.styles.js';

type ListApi = { [K in keyof CorrectionApi]: CorrectionApi[K] };

/**
 * @summary The latest Community correction records of an org's subtree: day, record, people served.
 *
 * @csspart base - The widget's frame.
 * @csspart table - The table of records.
 *
 * @cssprop --sifa-correction-list-vertical-size - Height of the widget when it is laid out vertically (Mongolian); default 30em.
 */
export class SifaCorrectionList extends SifaElement {
  static override styles = [...SifaElement.styles, correctionListStyles];

  /** The org whose subtree is listed; default: the signed-in user's. */
  @property({ attribute: 'org-code', reflect: true }) orgCode: string | undefined;

  /** How many records to show, newest first (1–500); default 20. */
  @property({ type: Number }) limit = 20;

  @state() private records: CorrectionRecord[] | null = null;
  @state() private loading = true;
  @state() private loadError: string | null = null;

  private loadSeq = 0;

  private t(key: CorrectionListMessageKey, params?: Record<string, string | number>): string {
    return correctionListMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('focus', this.onFocus);
    void this.track(this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('focus', this.onFocus);
  }

  protected override configChanged(): void {
    void this.track(this.load());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(correctionListMessages, this.locale);
    if (this.hasUpdated && this.isConnected && (changed.has('orgCode') || changed.has('limit'))) void this.track(this.load());
  }

  /** Loads the records again (what the refresh button does). */
  async refresh(): Promise<void> {
    await this.track(this.load());
  }

  private readonly onFocus = (): void => {
    void this.track(this.load());
  };

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    try {
      const limit = Math.min(500, Math.max(1, Math.trunc(this.limit) || 20));
      const records = await this.client.query<ListApi, 'correction.list'>('correction.list', { ...(this.orgCode ? { orgCode: this.orgCode } : {}), limit }, this.locale);
      if (seq !== this.loadSeq) return;
      this.records = records;
      this.loadError = null;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.loadError = this.t('loadFailed', { reason: failureReason(error, this.t('unreachable')) });
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  protected override render(): TemplateResult {
    const vertical = this.ui === 'mn-Mong';
    // Mongolian strings not yet checked by a native speaker are marked (messages.mn-Mong.ts).
    const drafts = vertical && correctionListMessages.mnDrafts.size > 0;
    return html`
      <section part="base" class="list ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <header class="head">
          <h2 id="title">${this.t('title')}</h2>
          <button type="button" class="refresh" @click=${() => void this.refresh()} ?disabled=${this.loading}>${this.t('refresh')}</button>
        </header>
        ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
        ${this.records === null ? (this.loading ? html`<p class="muted">${this.t('loading')}</p>` : nothing) : this.renderRecords(this.records)}
      </section>
    `;
  }

  private renderRecords(records: CorrectionRecord[]): TemplateResult {
    if (records.length === 0) return html`<p class="muted empty">${this.t('empty')}</p>`;
    return html`
      <table part="table">
        <caption>${this.t('caption', { count: records.length })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('day')}</th>
            <th scope="col">${this.t('record')}</th>
            <th scope="col" class="number">${this.t('people')}</th>
          </tr>
        </thead>
        <tbody>
          ${records.map(
            (r) => html`<tr data-id=${r.id}>
              <td><time datetime=${r.day}>${formatDate(this.ui, r.day)}</time></td>
              <td>${r.title}</td>
              <td class="number">${this.t('peopleValue', { count: formatNumber(this.ui, r.people) })}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
