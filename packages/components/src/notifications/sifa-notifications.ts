/**
 * <sifa-notifications>: the signed-in user's in-app notifications (reminders, 督办, warnings) as
 * a bell with the unread count and a list, kept live through the `platform.notifications.feed`
 * subscription (server-sent events; it resumes after outages without losing any). Items that
 * came with a document (a 督办函) offer it for download. Fires `sifa-notification` for each new
 * one, so a host page can react (a toast, a sound).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { pickText, type NotificationView } from '@sifa/core';
import { SifaElement } from '../base/sifa-element.js';
import { SifaClientError } from '../client/client.js';
import { saveFile } from '../base/save-file.js';
import { formatDateTime } from '../i18n/dates.js';
import { notificationsMessages, type NotificationsMessageKey } from './messages.js';
import { notificationsStyles } from './sifa-notifications.styles.js';

/** The procedures the element calls (types only; the server's router is never imported). */
export type NotificationsCalls = {
  'platform.notifications.list': { type: 'query'; input: { unreadOnly?: boolean; limit?: number }; output: { items: NotificationView[]; unread: number } };
  'platform.notifications.markRead': { type: 'mutation'; input: { ids: string[] }; output: { marked: number } };
  'platform.notifications.feed': { type: 'subscription'; input: Record<string, never>; output: NotificationView };
};

/**
 * @summary The signed-in user's notifications (reminders, 督办, warnings): a bell with the unread
 * count and a list, live over server-sent events, with read marks and document downloads.
 *
 * @fires sifa-notification - A new notification arrived while the element was open. Detail: `NotificationView`.
 *
 * @csspart base - The element's frame.
 * @csspart bell - The button that opens the list.
 * @csspart panel - The list of notifications.
 */
export class SifaNotifications extends SifaElement {
  static override styles = [...SifaElement.styles, notificationsStyles];

  /** How many notifications the list shows (newest first). */
  @property({ type: Number }) limit = 30;
  /** Where the list opens under the bell: `start` (default) or `end` (a bell at the end of a header). */
  @property({ reflect: true }) align: 'start' | 'end' = 'start';
  /** Show the list without the bell (a page section rather than a header control). */
  @property({ type: Boolean, reflect: true }) inline = false;

  @state() private items: NotificationView[] = [];
  @state() private unread = 0;
  @state() private open = false;
  @state() private error: SifaClientError | null = null;
  @state() private loaded = false;
  @state() private announcement = '';
  @state() private downloading: string | null = null;
  /** The list opens towards the other side: where `align` asks, it would leave the screen (a bell moved to the start of a narrow header). */
  @state() private flipped = false;
  private unsubscribeFeed: (() => void) | null = null;

  private t(key: NotificationsMessageKey, params?: Record<string, string | number>): string {
    return notificationsMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeydown);
    this.unsubscribeFeed?.();
    this.unsubscribeFeed = null;
  }

  protected override configChanged(): void {
    this.connect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(notificationsMessages, this.locale);
    if (changed.has('limit') && this.loaded) void this.load();
  }

  /** (Re)loads the list and (re)opens the live feed. */
  private connect(): void {
    this.unsubscribeFeed?.();
    this.unsubscribeFeed = null;
    void this.track(this.load()).then((ok) => {
      if (!ok || !this.isConnected) return;
      this.unsubscribeFeed = this.client.subscribe<NotificationsCalls, 'platform.notifications.feed'>(
        'platform.notifications.feed',
        {},
        {
          onData: (item) => this.arrived(item),
          onError: (error) => (this.error = error),
          // After a reconnect, counts may have moved while the stream was down.
          onStarted: () => void (this.loaded && this.load()),
        },
        this.locale,
      );
    });
  }

  private async load(): Promise<boolean> {
    try {
      const result = await this.client.query<NotificationsCalls, 'platform.notifications.list'>('platform.notifications.list', { limit: this.limit });
      this.items = result.items;
      this.unread = result.unread;
      this.error = null;
      return true;
    } catch (error) {
      this.error = error instanceof SifaClientError ? error : new SifaClientError({ message: String(error) }, 0);
      return false;
    } finally {
      this.loaded = true;
    }
  }

  private arrived(item: NotificationView): void {
    if (this.items.some((i) => i.id === item.id)) return;
    this.items = [item, ...this.items].slice(0, this.limit);
    if (!item.readAt) this.unread += 1;
    this.announcement = this.t('live', { title: pickText(item.title, this.ui) });
    this.emit('sifa-notification', item);
  }

  private async markRead(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.client.mutate<NotificationsCalls, 'platform.notifications.markRead'>('platform.notifications.markRead', { ids }, this.locale);
      const now = new Date().toISOString();
      const marked = new Set(ids);
      let changed = 0;
      this.items = this.items.map((i) => {
        if (!marked.has(i.id) || i.readAt) return i;
        changed++;
        return { ...i, readAt: now };
      });
      this.unread = Math.max(0, this.unread - changed);
      if (ids.length > 1) await this.load();
    } catch (error) {
      this.error = error instanceof SifaClientError ? error : new SifaClientError({ message: String(error) }, 0);
    }
  }

  private async downloadDocument(item: NotificationView): Promise<void> {
    if (!item.documentId) return;
    this.downloading = item.id;
    try {
      const { blob, filename } = await this.client.download(`/plugins/platform/documents/${encodeURIComponent(item.documentId)}`);
      saveFile(blob, filename ?? `${pickText(item.title, this.ui)}.docx`);
    } catch (error) {
      this.error = error instanceof SifaClientError ? error : new SifaClientError({ message: String(error) }, 0);
    } finally {
      this.downloading = null;
    }
  }

  private toggle(): void {
    this.open = !this.open;
    this.flipped = false;
    this.watchEscape();
    if (this.open) {
      this.focusPanel();
      void this.updateComplete.then(() => this.keepOnScreen());
    }
  }

  /** Opens the list towards the side where it fits on the screen. */
  private keepOnScreen(): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    if (!panel || this.inline) return;
    const r = panel.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    if (r.left < 0 || r.right > width) this.flipped = true;
  }

  /**
   * Esc closes the open list wherever focus went meanwhile (a click on the page outside the
   * element takes focus out of it, and its own keydown handler never hears the key).
   */
  private watchEscape(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown);
    if (this.open && !this.inline) document.addEventListener('keydown', this.onDocumentKeydown);
  }

  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open || this.inline || event.defaultPrevented) return;
    this.closePanel();
  };

  private closePanel(): void {
    this.open = false;
    this.watchEscape();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.bell')?.focus());
  }

  /** Keeps keyboard focus in the list (after opening it, or when the focused button goes away). */
  private focusPanel(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel')?.focus());
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open && !this.inline) {
      // Handled here; the document listener sees the key as handled.
      event.preventDefault();
      this.closePanel();
    }
  }

  private errorText(error: SifaClientError): string {
    if (error.sifaCode === 'UNAUTHENTICATED' || error.sifaCode === 'TOKEN_EXPIRED') return this.t('signIn');
    return this.t('loadFailed', { reason: error.message });
  }

  protected override render() {
    if (!this.shown) return html`<div part="base" class="frame" aria-busy="true"></div>`;
    const vertical = this.ui === 'mn-Mong';
    const label = this.unread > 0 ? this.t('open', { count: this.unread }) : this.t('openNone');
    const drafts = this.ui === 'mn-Mong' && notificationsMessages.mnDrafts.size > 0;
    return html`<div part="base" class="frame ${vertical ? 'vertical' : ''} ${this.flipped ? 'flipped' : ''}" lang=${this.ui} data-draft=${ifDefined(drafts ? 'mn' : undefined)} @keydown=${this.onKeydown}>
      ${this.inline
        ? nothing
        : html`<button type="button" class="bell" part="bell" aria-expanded=${String(this.open)} aria-controls="panel" aria-label=${label} @click=${this.toggle}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" fill="currentColor"/></svg>
            ${this.unread > 0 ? html`<span class="badge" aria-hidden="true">${this.unread > 99 ? '99+' : this.unread}</span>` : nothing}
          </button>`}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      ${this.inline || this.open ? this.renderPanel() : nothing}
    </div>`;
  }

  private renderPanel() {
    const unreadIds = this.items.filter((i) => !i.readAt).map((i) => i.id);
    return html`<section id="panel" class="panel" part="panel" tabindex="-1" aria-labelledby="title">
      <header>
        <h2 id="title">${this.t('title')}</h2>
        ${unreadIds.length > 0 ? html`<button type="button" class="link" @click=${() => this.markRead(unreadIds)}>${this.t('markAll')}</button>` : nothing}
        ${this.inline ? nothing : html`<button type="button" class="link" @click=${this.closePanel}>${this.t('close')}</button>`}
      </header>
      ${this.error
        ? html`<p class="error" role="alert">${this.errorText(this.error)} <button type="button" class="link" @click=${() => this.connect()}>${this.t('retry')}</button></p>`
        : nothing}
      ${this.loaded && !this.error && this.items.length === 0 ? html`<p class="empty">${this.t('empty')}</p>` : nothing}
      <ol class="items">
        ${this.items.map(
          (item) => html`<li class="item ${item.readAt ? '' : 'unread'} ${item.severity}">
            <p class="head">
              <span class="severity">${this.t(item.severity)}</span>
              ${item.readAt ? nothing : html`<span class="sr-only">${this.t('unread')}</span>`}
              <strong>${pickText(item.title, this.ui)}</strong>
            </p>
            <p class="body">${pickText(item.body, this.ui)}</p>
            <p class="meta">
              <time datetime=${item.createdAt}>${formatDateTime(this.ui, item.createdAt, this.t('dayDate'))}</time>
              ${item.documentId
                ? html`<button type="button" class="link" ?disabled=${this.downloading === item.id} @click=${() => this.downloadDocument(item)}>
                    ${this.downloading === item.id ? this.t('downloading') : this.t('document')}
                  </button>`
                : nothing}
              ${item.readAt
                ? nothing
                : html`<button type="button" class="link" @click=${() => this.markRead([item.id]).then(() => this.focusPanel())}>${this.t('markRead')}</button>`}
            </p>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
