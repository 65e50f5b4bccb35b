/**
 * The base of every `sifa-*` element: resolves the locale (element `lang`, else the page's,
 * else the page configuration), applies the theme (attribute, else configuration), gives the
 * shared client, and fires typed `sifa-*` events.
 */
import { LitElement, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defaultLocale, type Locale } from '@sifa/core';
import { getSifaConfig, onSifaConfig, themes, type SifaTheme } from '../config/config.js';
import { sharedClient } from '../client/shared.js';
import type { SifaClient } from '../client/client.js';
import { localeOfTag } from '../i18n/i18n.js';
import { themeStyles } from '../theme/tokens.js';

export class SifaElement extends LitElement {
  // `.sr-only`: read out, not shown (labels and live announcements for screen readers).
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
      }
      :host([hidden]) {
        display: none;
      }
      *,
      *::before,
      *::after {
        box-sizing: inherit;
      }
      :focus-visible {
        outline: var(--sifa-focus-ring);
        outline-offset: 2px;
      }
      .sr-only {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  /** light | dark | high-contrast | elderly; the page configuration's theme when absent. */
  @property({ reflect: true }) theme: SifaTheme | undefined;

  /** The locale in effect (zh-CN, en, mn-Mong). */
  @state() protected locale: Locale = defaultLocale;

  private unsubscribe: (() => void) | null = null;
  private langObserver: MutationObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveLocale();
    this.applyConfigTheme();
    this.unsubscribe = onSifaConfig(() => {
      this.resolveLocale();
      this.applyConfigTheme();
      this.configChanged();
    });
    // A page switching language (or an ancestor's lang changing) re-renders the widget.
    this.langObserver = new MutationObserver(() => this.resolveLocale());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.langObserver?.disconnect();
  }

  /** Called when the page configuration changes (endpoint, token source …). */
  protected configChanged(): void {}

  protected get client(): SifaClient {
    return sharedClient();
  }

  /**
   * The locale the widget speaks: `locale` once its messages are here; until then the one shown
   * before (a language switch never flashes a half-translated widget), or null at first (the
   * widget shows its empty, busy frame).
   */
  @state() protected shown: Locale | null = null;
  /** The locale whose messages were asked for last (null: ask again). */
  protected speaking: Locale | null = null;

  /** The language shown (zh-CN until the first messages are here). */
  protected get ui(): Locale {
    return this.shown ?? 'zh-CN';
  }

  /**
   * Speaks `locale` now when `messages` has it, else once its chunk is here (tracked by
   * `updateComplete`); Chinese, always bundled, when it cannot load (offline before the catalog
   * was fetched).
   */
  protected speak(messages: { has(locale: Locale): boolean; load(locale: Locale): Promise<unknown> }, locale: Locale): void {
    this.speaking = locale;
    if (messages.has(locale)) {
      this.shown = locale;
      return;
    }
    void this.track(
      messages.load(locale).then(
        () => {
          if (this.speaking === locale) this.shown = locale;
        },
        () => {
          this.shown ??= 'zh-CN';
        },
      ),
    );
  }

  /** Work the widget's visible state waits for (a locale's messages, a lazy chunk, a first load). */
  private readonly loads = new Set<Promise<unknown>>();

  /**
   * Counts `work` into `updateComplete` until it settles (its failure is the caller's to handle;
   * here it only ends the wait). Returns `work`.
   */
  protected track<T>(work: Promise<T>): Promise<T> {
    const tracked: Promise<unknown> = work.finally(() => this.loads.delete(tracked));
    this.loads.add(tracked);
    tracked.catch(() => undefined);
    return work;
  }

  /**
   * Resolves once the widget shows its current state, including what waits for tracked work
   * (the messages of a locale just switched to, a chunk just loaded), not only the pending render.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.loads.size > 0) {
      await Promise.allSettled([...this.loads]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Fires `sifa-<name>`: bubbles and crosses shadow roots, as host pages expect. */
  protected emit<T>(name: `sifa-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  private resolveLocale(): void {
    const own = localeOfTag(this.getAttribute('lang'));
    const page = localeOfTag(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
    const next = own ?? page ?? getSifaConfig()?.locale ?? defaultLocale;
    if (next !== this.locale) this.locale = next;
    if (this.dataset['sifaLocale'] !== next) this.dataset['sifaLocale'] = next;
  }

  private applyConfigTheme(): void {
    const configured = getSifaConfig()?.theme;
    if (!this.hasAttribute('theme') && configured && (themes as readonly string[]).includes(configured)) {
      this.setAttribute('theme', configured);
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.resolveLocale();
  }
}
