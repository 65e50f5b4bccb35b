/**
 * <sifa-org-picker>: picks one org of a subtree by its name (or code), for every form field that
 * names an org (an assignee, a target, a filter). A combobox with a list popup (WAI-ARIA APG
 * "combobox with listbox popup", list autocomplete without automatic selection): typing filters
 * the subtree by name in any language the tree has, and by code; ArrowDown/ArrowUp open the list
 * and move through it (aria-activedescendant, focus stays in the text box), Enter or a click
 * chooses, Escape closes the list (and is left to the host when it is closed), leaving with text that names
 * exactly one org chooses it. `value` is the chosen org's code ('' while none is).
 *
 * Data: the platform's org tree (`platform.org.get` for `root`, `platform.org.children` level by
 * level below it: the subtree the server will accept; the server still checks every choice).
 * Messages: zh-CN bundled, en and mn-Mong loaded when shown.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { OrgNode } from '@sifa/core';
import { SifaElement } from '../base/sifa-element.js';
import { failureReason } from '../client/client.js';
import { orgPickerMessages, type OrgPickerMessageKey } from './messages.js';
import { orgPickerStyles } from './sifa-org-picker.styles.js';

/** `sifa-org-change`: the user chose an org (or cleared the choice: `code` null). */
export interface OrgChangeDetail {
  code: string | null;
  name: OrgNode['name'] | null;
}

/** The platform's org procedures the picker reads (public reference data). */
export type OrgPickerCalls = {
  'platform.org.get': { type: 'query'; input: { code: string }; output: OrgNode };
  'platform.org.children': { type: 'query'; input: { code?: string }; output: OrgNode[] };
};

/** At most this many orgs of a subtree are read (a city with its counties and offices is ≈ 200). */
const maxOrgs = 2000;
/** At most this many matches are listed at once (type more to narrow). */
const maxShown = 50;

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * @summary Picks an organisation of a subtree by name or code: a keyboard-operable combobox
 * (WAI-ARIA APG) over the platform's org tree.
 *
 * @fires sifa-org-change - The user chose an org or cleared the choice. Detail: `OrgChangeDetail`.
 *
 * @csspart base - The field (label, text box, hint, message).
 * @csspart input - The text box.
 * @csspart listbox - The list of matching orgs.
 * @csspart option - One org in the list.
 *
 * @cssprop --sifa-org-picker-list-size - Maximum height of the list; default 16em.
 */
export class SifaOrgPicker extends SifaElement {
  static override styles = [...SifaElement.styles, orgPickerStyles];
  static override shadowRootOptions: ShadowRootInit = { ...SifaElement.shadowRootOptions, delegatesFocus: true };

  /** The org whose subtree is offered (itself included); the whole tree when absent. */
  @property({ reflect: true }) root: string | undefined;

  /** The chosen org's code ('' when none). */
  @property({ reflect: true }) value = '';

  /** The visible label (the host's words; "Organisation" in the UI language when absent). */
  @property() label: string | undefined;

  /** A hint under the text box. */
  @property() hint: string | undefined;

  /** A message about the field from the host (shown under it, the field marked invalid). */
  @property() error: string | undefined;

  @property({ type: Boolean, reflect: true }) required = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private orgs: OrgNode[] = [];
  @state() private loading = false;
  @state() private loadError: unknown = null;
  /** What the text box shows (the chosen org's name, or what the user typed). */
  @state() private text = '';
  @state() private open = false;
  /** Index of the active option in the matches, -1 for none. */
  @state() private active = -1;
  /** The user typed since the last choice (the text is a query, not the chosen name). */
  @state() private typed = false;
  /** The picker's own message: text left that names no org. */
  @state() private ownError: string | null = null;
  @state() private announcement = '';

  private loadSeq = 0;

  private t(key: OrgPickerMessageKey, params?: Record<string, string | number>): string {
    return orgPickerMessages.t(this.ui, key, params);
  }

  /** What the user typed that names no org yet (empty when the text is a choice or empty). */
  get pendingText(): string {
    return this.typed && !this.value ? this.text.trim() : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(orgPickerMessages, this.locale);
    if (changed.has('root') && this.hasUpdated) void this.load();
    // A value set by the host (or the first load, or a language switch) shows that org's name.
    if ((changed.has('value') || changed.has('orgs') || changed.has('shown')) && !this.typed) this.text = this.nameOfCode(this.value);
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.loadError = null;
    try {
      const found: OrgNode[] = [];
      let level: OrgNode[] = this.root ? [await this.track(this.client.query<OrgPickerCalls, 'platform.org.get'>('platform.org.get', { code: this.root }, this.locale))] : [];
      if (!this.root) level = await this.track(this.client.query<OrgPickerCalls, 'platform.org.children'>('platform.org.children', {}, this.locale));
      // Level by level: one request per org with children (offices have none).
      while (level.length && found.length < maxOrgs) {
        found.push(...level);
        const parents = level.filter((o) => o.level !== 'office');
        const children = await this.track(Promise.all(parents.map((o) => this.client.query<OrgPickerCalls, 'platform.org.children'>('platform.org.children', { code: o.code }, this.locale))));
        level = children.flat();
      }
      if (seq !== this.loadSeq) return;
      this.orgs = found.slice(0, maxOrgs);
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = error ?? new Error('unknown');
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  // ---- words ------------------------------------------------------------------------------------

  private nameIn(o: OrgNode): string {
    if (this.ui === 'en' && o.name.en) return o.name.en;
    if (this.ui === 'mn-Mong' && o.name.mn) return o.name.mn;
    return o.name.zh;
  }

  /** True when the name shown is the Chinese one in another UI language (marked lang="zh-CN"). */
  private chineseIn(o: OrgNode): boolean {
    return this.ui !== 'zh-CN' && this.nameIn(o) === o.name.zh;
  }

  private nameOfCode(code: string): string {
    const org = code ? this.orgs.find((o) => o.code === code) : undefined;
    return org ? this.nameIn(org) : code;
  }

  private candidates(): OrgNode[] {
    const q = norm(this.typed ? this.text : '');
    if (!q) return this.orgs;
    return this.orgs.filter((o) => o.code.startsWith(q) || [o.name.zh, o.name.en, o.name.mn].some((n) => n && norm(n).includes(q)));
  }

  /** The one org `text` names exactly (a name in any language, or a code), if any. */
  private exact(text: string): OrgNode | undefined {
    const q = norm(text);
    if (!q) return undefined;
    const hits = this.orgs.filter((o) => o.code === q || [o.name.zh, o.name.en, o.name.mn].some((n) => n && norm(n) === q));
    return hits.length === 1 ? hits[0] : undefined;
  }

  // ---- choosing ---------------------------------------------------------------------------------

  private choose(org: OrgNode | null): void {
    const code = org?.code ?? '';
    this.typed = false;
    this.ownError = null;
    this.open = false;
    this.active = -1;
    this.text = org ? this.nameIn(org) : '';
    if (org) this.announcement = this.t('selected', { name: this.nameIn(org) });
    if (code !== this.value) {
      this.value = code;
      this.emit<OrgChangeDetail>('sifa-org-change', { code: org?.code ?? null, name: org?.name ?? null });
    }
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.typed = true;
    this.ownError = null;
    this.open = true;
    this.active = -1;
    // Typing replaces the choice: until an org is chosen again the field has none.
    if (this.value) {
      this.value = '';
      this.emit<OrgChangeDetail>('sifa-org-change', { code: null, name: null });
    }
    const n = this.candidates().length;
    this.announcement = n ? this.t('matches', { count: n }) : this.t('noMatch', { text: this.text.trim() });
  }

  private onKey(e: KeyboardEvent): void {
    const list = this.candidates().slice(0, maxShown);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!list.length) {
          this.open = true;
          return;
        }
        const down = e.key === 'ArrowDown';
        if (!this.open || e.altKey) {
          this.open = true;
          if (e.altKey) return;
          this.active = down ? 0 : list.length - 1;
        } else {
          this.active = down ? (this.active + 1) % list.length : (this.active <= 0 ? list.length : this.active) - 1;
        }
        void this.updateComplete.then(() => this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
        return;
      }
      case 'Enter': {
        if (this.open && this.active >= 0 && list[this.active]) {
          e.preventDefault();
          this.choose(list[this.active]!);
        } else if (this.typed) {
          // Enter on a full name or code chooses it; the form is not sent with an unresolved text.
          const org = this.exact(this.text);
          if (org) this.choose(org);
          else {
            e.preventDefault();
            this.open = true;
          }
        }
        return;
      }
      case 'Escape': {
        // Closes the list only; with the list closed, Escape is the host's (a form closing, say).
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.open = false;
          this.active = -1;
        }
        return;
      }
      case 'Tab':
        this.settle();
        return;
    }
  }

  /** Leaving the field: a text naming exactly one org chooses it; other text stays, with a message. */
  private settle(): void {
    this.open = false;
    this.active = -1;
    if (!this.typed) return;
    if (!this.text.trim()) {
      this.choose(null);
      return;
    }
    const org = this.exact(this.text);
    if (org) this.choose(org);
    else this.ownError = this.t('pickFromList');
  }

  private onBlur(e: FocusEvent): void {
    // A click into the list keeps focus (mousedown is prevented there); anything else leaves.
    if (e.relatedTarget && this.renderRoot.contains(e.relatedTarget as Node)) return;
    this.settle();
  }

  // ---- rendering --------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<div part="base" class="field" lang=${this.locale} aria-busy="true"></div>`;
    const list = this.candidates();
    const shown = list.slice(0, maxShown);
    const message = this.error || this.ownError;
    const describedBy = [this.hint ? 'hint' : '', message ? 'message' : '', this.loading || this.loadError ? 'state' : ''].filter(Boolean).join(' ');
    const activeId = this.open && this.active >= 0 && shown[this.active] ? `o-${shown[this.active]!.code}` : undefined;
    return html`<div part="base" class="field ${this.ui === 'mn-Mong' ? 'vertical' : ''}" lang=${this.ui}>
      <label for="input">${this.label ?? this.t('label')}</label>
      <div class="box">
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${ifDefined(activeId)}
          aria-invalid=${message ? 'true' : 'false'}
          aria-required=${this.required ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          placeholder=${this.t('placeholder')}
          ?disabled=${this.disabled}
          .value=${live(this.text)}
          @input=${(e: Event) => this.onInput(e)}
          @keydown=${(e: KeyboardEvent) => this.onKey(e)}
          @blur=${(e: FocusEvent) => this.onBlur(e)}
          @click=${() => {
            if (!this.disabled) this.open = !this.open;
          }}
        />
        <ul id="listbox" part="listbox" role="listbox" aria-label=${this.label ?? this.t('options')} ?hidden=${!this.open} @mousedown=${(e: Event) => e.preventDefault()}>
          ${shown.map(
            (o, i) =>
              html`<li
                id=${`o-${o.code}`}
                part="option"
                role="option"
                class="option ${i === this.active ? 'active' : ''}"
                aria-selected=${i === this.active ? 'true' : 'false'}
                data-code=${o.code}
                @click=${() => this.choose(o)}
              >
                <span class="name" lang=${ifDefined(this.chineseIn(o) ? 'zh-CN' : undefined)}>${this.nameIn(o)}</span>
                <span class="code">${o.code}</span>
              </li>`,
          )}
          ${this.open && !this.loading && list.length === 0 ? html`<li class="note" role="presentation">${this.t('noMatch', { text: this.text.trim() })}</li>` : nothing}
          ${this.open && list.length > shown.length ? html`<li class="note" role="presentation">${this.t('more', { count: list.length - shown.length })}</li>` : nothing}
        </ul>
      </div>
      ${this.hint ? html`<span class="hint" id="hint">${this.hint}</span>` : nothing}
      ${this.renderState()}
      ${message ? html`<span class="message" id="message">${message}</span>` : nothing}
      <span class="sr-only" role="status" aria-live="polite">${this.announcement}</span>
    </div>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    if (this.loadError) return html`<span class="message" id="state" role="alert">${this.t('loadFailed', { reason: failureReason(this.loadError, this.t('unreachable')) })}</span>`;
    if (this.loading) return html`<span class="hint" id="state">${this.t('loading')}</span>`;
    return nothing;
  }
}
