/**
 * "Which office serves my township?" for <sifa-legal-map>: townships and villages matching the
 * search (`platform.org.findDivisions`), each naming the judicial office serving it, which the
 * visitor selects on the map. A chunk of its own, loaded with the first search, so the map's
 * first load does not carry it; its three languages are small enough to travel together.
 *
 * MONGOLIAN: the mn-Mong strings are DRAFTS by a non-speaker (transliterated in the comments),
 * like the rest of the widget's (messages.mn-Mong.ts), until a native speaker has checked them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DivisionMatch, DivisionSearchInput, Locale } from '@sifa/core';
import type { SifaClient } from '../client/client.js';

type Text = { text: string; lang?: string | undefined };
type Name = { zh: string; en?: string | undefined; mn?: string | undefined };

const messages: Record<Locale, { heading: string; servedBy: string; notOnMap: string }> = {
  'zh-CN': { heading: '乡镇（街道）、村（社区）', servedBy: '服务的司法所：', notOnMap: '（尚未在地图上标注）' },
  en: { heading: 'Townships and villages', servedBy: 'Served by ', notOnMap: ' (not on the map yet)' },
  'mn-Mong': {
    // sumu, jegeli, g_acag_a
    heading: 'ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ᠂ ᠭᠠᠴᠠᠭ᠎ᠠ',
    // Uilecilekü sigUkUi-yin tasag:
    servedBy: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠰᠢᠭᠦᠬᠦᠢ ᠶᠢᠨ ᠲᠠᠰᠠᠭ᠄ ',
    // (gajar-un jirug deger_e temdeglegdegUi)
    notOnMap: ' (ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠳᠡᠭᠡᠷ᠎ᠡ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ)',
  },
};

const placesStyles = css`
  /* Above the institutions, the list's height shared with them. */
  .places {
    flex: none;
    max-block-size: 45%;
    overflow: auto;
    margin-block-end: var(--sifa-space);
  }
  .places ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .places li {
    display: grid;
    padding: 2px 0;
  }
  .places button {
    display: grid;
    text-align: start;
    inline-size: 100%;
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
  }
  /* Mongolian: the side scrolls sideways along its block axis; the matches take their own width and the institutions keep half of it. */
  .vertical .places {
    max-block-size: none;
  }
  .vertical .places + .list {
    flex: 1 0 50%;
  }
  .places h3 {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
`;

type FindDivisions = { 'platform.org.findDivisions': { type: 'query'; input: DivisionSearchInput; output: DivisionMatch[] } };

/** The townships and villages `q` names within an area (a city or county code), and this chunk's styles added to the widget. */
export function findPlaces(client: SifaClient, root: ShadowRoot, q: string, within: string, locale: Locale): Promise<DivisionMatch[]> {
  const sheet = placesStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return client.query<FindDivisions, 'platform.org.findDivisions'>('platform.org.findDivisions', { q, within, limit: 5 }, locale);
}

export interface PlacesView {
  ui: Locale;
  nameOf(name: Name): Text;
  text(value: Text): TemplateResult;
  /** The map's institution of a judicial office, by the office's org code (null: not on the map). */
  institutionOf(officeCode: string): { id: string; name: Name } | null;
  choose(institutionId: string): void;
}

/** The matches as a list of buttons above the institutions: each selects the serving office. */
export function renderPlaces(matches: readonly DivisionMatch[], view: PlacesView): TemplateResult | typeof nothing {
  if (matches.length === 0) return nothing;
  const m = messages[view.ui];
  return html`
    <section class="places" aria-labelledby="places-title">
      <h3 id="places-title">${m.heading}</h3>
      <ul>
        ${matches.map((match) => {
          const place = html`${view.text(view.nameOf(match.division.name))}${match.division.level === 'village' ? html` · ${view.text(view.nameOf(match.township.name))}` : nothing} · ${view.text(view.nameOf(match.county.name))}`;
          // The office as the map lists it (its institution's name) where it is on the map.
          const shown = view.institutionOf(match.office.code);
          const office = html`${m.servedBy}${view.text(view.nameOf(shown?.name ?? match.office.name))}`;
          return html`<li data-division=${match.division.code} data-office=${match.office.code}>
            ${shown
              ? html`<button type="button" @click=${() => view.choose(shown.id)}><span class="name">${place}</span><span class="meta">${office}</span></button>`
              : html`<span class="name">${place}</span><span class="meta">${office}${m.notOnMap}</span>`}
          </li>`;
        })}
      </ul>
    </section>
  `;
}
