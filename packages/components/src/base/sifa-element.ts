/**
 * The base of every `sifa-*` element: resolves the locale (element `lang`, else the nearest
 * ancestor's, else the page configuration), applies the theme (own attribute, else the nearest
 * ancestor's `theme`, else configuration), gives the shared client, and fires typed `sifa-*`
 * events. Ancestors are looked up across shadow roots, so a widget nested in another widget's
 * shadow tree (the dashboard's warnings panel) speaks and looks like its host, and follows it
 * when it switches.
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
  private ancestorObserver: MutationObserver | null = null;
  /** True when the page set `theme` on this element; else the base writes the inherited one there. */
  private ownTheme = false;
  /** Set while the base itself writes `theme` (so the write is not taken for the page's). */
  private writingTheme = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveLocale();
    this.resolveTheme();
    this.unsubscribe = onSifaConfig(() => {
      this.resolveLocale();
      this.resolveTheme();
      this.configChanged();
    });
    // A page switching language or theme, or any ancestor's lang/theme changing (in the document
    // or in the shadow tree of a host widget, whose own render sets `lang` and whose `theme` the
    // base writes) re-resolves both: one observer on each tree between the element and the page.
    this.ancestorObserver = new MutationObserver(() => {
      this.resolveLocale();
      this.resolveTheme();
    });
    const watch = { attributes: true, attributeFilter: ['lang', 'theme'], subtree: true };
    for (let root = this.getRootNode(); ; ) {
      if (root instanceof ShadowRoot) {
        this.ancestorObserver.observe(root, watch);
        root = root.host.getRootNode();
      } else {
        this.ancestorObserver.observe(root instanceof Document ? root.documentElement : root, watch);
        break;
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.ancestorObserver?.disconnect();
    this.ancestorObserver = null;
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
    // The nearest `lang` up the tree, across shadow roots (the html element's included).
    const inherited = own ? null : localeOfTag(composedAncestor(this, (el) => el.hasAttribute('lang'))?.getAttribute('lang'));
    const next = own ?? inherited ?? getSifaConfig()?.locale ?? defaultLocale;
    if (next !== this.locale) this.locale = next;
    if (this.dataset['sifaLocale'] !== next) this.dataset['sifaLocale'] = next;
  }

  /**
   * Without a theme of its own, the element shows its nearest themed ancestor's (a host widget's,
   * across shadow roots), else the configuration's, written to its `theme` attribute (so the
   * tokens and any widget style keyed on `[theme]` follow) and kept up to date.
   */
  private resolveTheme(): void {
    if (this.ownTheme) return;
    const ancestor = composedAncestor(this, (el) => isTheme(el.getAttribute('theme')))?.getAttribute('theme');
    const configured = getSifaConfig()?.theme;
    const next = ancestor ?? (isTheme(configured) ? configured : null);
    if (next === this.getAttribute('theme')) return;
    this.writingTheme = true;
    try {
      if (next) this.setAttribute('theme', next);
      else this.removeAttribute('theme');
    } finally {
      this.writingTheme = false;
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.resolveLocale();
    if (name === 'theme' && !this.writingTheme) {
      // The page set (or cleared) the theme: its own from now on, or back to following.
      this.ownTheme = value !== null;
      // After the current update (a cleared `theme` property is being reflected right now).
      if (!this.ownTheme && this.isConnected) queueMicrotask(() => this.resolveTheme());
    }
  }
}

const isTheme = (value: string | null | undefined): value is SifaTheme => value != null && (themes as readonly string[]).includes(value);

/** The nearest ancestor matching `test`, crossing shadow roots to their hosts. */
function composedAncestor(from: Element, test: (el: Element) => boolean): Element | null {
  let node: Node | null = from;
  for (;;) {
    const next: Element | null = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
    if (!next) return null;
    if (test(next)) return next;
    node = next;
  }
}
