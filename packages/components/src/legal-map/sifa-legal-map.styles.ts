/**
 * Styles of <sifa-legal-map>: toolbar over a list beside the map (stacked on narrow hosts, by a
 * container query); the map's HTML overlays (markers, clusters, county labels); Mongolian lays
 * the list and popup out in `writing-mode: vertical-lr`. Type colours come from the catalog and
 * are set through the CSSOM (`--dot`, `--marker-color`), never a style attribute (strict CSP).
 */
import { css } from 'lit';

export const legalMapStyles = css`
  :host {
    --sifa-legal-map-height: 480px;
    --sifa-legal-map-background: #dce8ee;
    --sifa-legal-map-region: var(--sifa-color-surface-alt);
    --sifa-legal-map-region-selected: #f1dede;
    --sifa-legal-map-border: var(--sifa-color-primary);
    container-type: inline-size;
    background: var(--sifa-color-surface);
  }
  :host([theme='dark']) {
    --sifa-legal-map-background: #14232b;
    --sifa-legal-map-region-selected: #4a2a29;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    margin: 0 0 var(--sifa-space);
  }
  h3 {
    font-size: var(--sifa-font-size);
    margin: 0;
  }
  button,
  input,
  select {
    font: inherit;
    min-block-size: var(--sifa-target-size);
    color: inherit;
  }
  button {
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 calc(var(--sifa-space) * 1.5);
    cursor: pointer;
  }
  input,
  select {
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 var(--sifa-space);
  }
  a {
    color: var(--sifa-color-focus);
  }
  .frame {
    padding: var(--sifa-space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--sifa-space);
    margin-block-end: var(--sifa-space);
  }
  /*
   * Fields share the row and wrap onto their own line rather than run past the widget: a select
   * is as wide as its longest option ("Administrative reconsideration forwarding point"), a
   * search box must show its whole placeholder ("Name, address or service", large type too).
   */
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    flex: 1 1 12em;
    min-inline-size: 0;
    max-inline-size: 100%;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
    overflow-wrap: anywhere;
  }
  .field.search {
    flex: 2 1 16em;
  }
  .field input,
  .field select {
    font-size: var(--sifa-font-size);
    color: var(--sifa-color-text);
    inline-size: 100%;
    min-inline-size: 0;
    max-inline-size: 100%;
    box-sizing: border-box;
    text-overflow: ellipsis;
  }
  .field input[type='search'] {
    /* The placeholder's length in its own characters, so it is never cut (see the D25 test). */
    min-inline-size: min(100%, calc(var(--search-hint-length, 24) * 1ch + 2 * var(--sifa-space) + 2em));
  }
  .nearest {
    background: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
    border-color: var(--sifa-color-primary);
  }
  .nearest {
    max-inline-size: 100%;
    white-space: normal;
  }
  .geo-fallback {
    flex-basis: 100%;
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--sifa-space);
    padding: var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-warning);
    background: var(--sifa-color-surface-alt);
  }
  .geo-fallback p {
    margin: 0;
    flex-basis: 100%;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(14em, 1fr) 2fr;
    gap: var(--sifa-space);
    block-size: var(--sifa-legal-map-height);
  }
  @container (max-width: 40em) {
    .body {
      grid-template-columns: 1fr;
      grid-template-rows: 1fr 1fr;
      block-size: calc(var(--sifa-legal-map-height) * 1.6);
    }
  }
  .side {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  .count,
  .empty,
  .error {
    margin: 0 0 var(--sifa-space);
  }
  .error {
    color: var(--sifa-color-danger);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    overflow: auto;
    flex: 1;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--sifa-space);
    padding: var(--sifa-space);
    border-block-end: 1px solid var(--sifa-color-border);
    cursor: pointer;
  }
  .option > :not(.dot) {
    grid-column: 2;
  }
  .option.selected {
    background: var(--sifa-color-surface-alt);
    box-shadow: inset 4px 0 0 var(--sifa-color-primary);
  }
  .option:focus-visible {
    outline-offset: -3px;
  }
  .dot {
    grid-row: 1 / span 3;
    inline-size: 12px;
    block-size: 12px;
    margin-block-start: 0.4em;
    border-radius: 50%;
    background: var(--dot);
    border: 1px solid var(--sifa-color-text);
  }
  .name {
    font-weight: 600;
  }
  .meta,
  .address {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .approx {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-warning);
  }
  .map-area {
    position: relative;
    min-block-size: 0;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    overflow: hidden;
    background: var(--sifa-legal-map-background);
  }
  /* More specific than maplibre's own .maplibregl-map (position: relative), adopted after this sheet. */
  .map-area > .map-canvas {
    position: absolute;
    inset: 0;
  }
  .map-status {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 40%;
    margin: 0 auto;
    max-inline-size: 28em;
    padding: var(--sifa-space);
    text-align: center;
    background: var(--sifa-color-surface);
    border-radius: var(--sifa-radius);
  }
  .map-status.missing {
    border: 1px solid var(--sifa-color-warning);
  }
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
    z-index: 1;
  }
  .overlay > * {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    writing-mode: horizontal-tb;
  }
  .marker {
    inline-size: 16px;
    block-size: 16px;
    margin: -8px 0 0 -8px;
    border-radius: 50%;
    background: var(--marker-color, var(--sifa-color-primary));
    border: 2px solid #fff;
    box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.5);
    pointer-events: auto;
    cursor: pointer;
  }
  .marker.selected {
    inline-size: 24px;
    block-size: 24px;
    margin: -12px 0 0 -12px;
    border-width: 3px;
    box-shadow: 0 0 0 3px var(--sifa-color-focus);
    z-index: 2;
  }
  .cluster {
    min-inline-size: 32px;
    block-size: 32px;
    margin: -16px 0 0 -16px;
    padding: 0 6px;
    border-radius: 16px;
    display: grid;
    place-items: center;
    background: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
    font-weight: 700;
    font-family: var(--sifa-font-family);
    border: 2px solid var(--sifa-color-on-primary);
    pointer-events: auto;
    cursor: zoom-in;
  }
  /* Placed by the renderer beside its point where it collides with nothing (renderer.ts). */
  .region-label {
    white-space: nowrap;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text);
    text-shadow:
      0 0 2px var(--sifa-color-surface),
      0 0 2px var(--sifa-color-surface);
  }
  .region-label:lang(mn) {
    writing-mode: vertical-lr;
  }
  .region-label[hidden] {
    display: none;
  }
  /* "You are here": the position the user shared, unlike any institution's marker. */
  .here {
    inline-size: 18px;
    block-size: 18px;
    margin: -9px 0 0 -9px;
    border-radius: 50%;
    background: #1a73e8;
    border: 3px solid #fff;
    box-shadow:
      0 0 0 2px #1a73e8,
      0 0 0 8px rgba(26, 115, 232, 0.25);
    z-index: 2;
  }
  .popup {
    position: absolute;
    inset-block-start: var(--sifa-space);
    inset-inline-end: var(--sifa-space);
    z-index: 3;
    inline-size: min(22em, calc(100% - 2 * var(--sifa-space)));
    max-block-size: calc(100% - 2 * var(--sifa-space));
    overflow: auto;
    padding: var(--sifa-space);
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    box-shadow: var(--sifa-shadow);
  }
  /* A narrow map (a phone): the popup takes the map's width, so it keeps to its upper part and the marker shows below it. */
  @container (max-width: 40em) {
    .popup {
      max-block-size: 58%;
    }
  }
  .popup-head {
    display: flex;
    justify-content: space-between;
    gap: var(--sifa-space);
    align-items: start;
  }
  .close {
    inline-size: var(--sifa-target-size);
    padding: 0;
  }
  dl {
    margin: var(--sifa-space) 0;
  }
  dt {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  dd {
    margin: 0 0 var(--sifa-space);
  }
  dd p,
  .hours,
  .services {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .open.is-open {
    color: var(--sifa-color-success);
    font-weight: 600;
  }
  .open.is-closed {
    color: var(--sifa-color-danger);
    font-weight: 600;
  }
  .popup-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--sifa-space);
    margin-block: calc(var(--sifa-space) / 2);
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--sifa-space);
    margin: 0;
  }
  .nav a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--sifa-target-size);
  }
  .nav-label {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .here-legend {
    position: absolute;
    inset-block-end: var(--sifa-space);
    inset-inline-start: var(--sifa-space);
    z-index: 2;
    margin: 0;
    padding: 2px var(--sifa-space);
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-size: var(--sifa-font-size-small);
    background: var(--sifa-color-surface);
    border-radius: var(--sifa-radius);
  }
  .here-dot {
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    background: #1a73e8;
    box-shadow: 0 0 0 2px #fff, 0 0 0 3px #1a73e8;
  }
  .tour {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--sifa-target-size);
  }
  /* Mongolian: the list and the popup flow vertically, lines left to right; the map stays as it is. */
  .vertical .side,
  .vertical .popup,
  .vertical .geo-fallback p {
    writing-mode: vertical-lr;
  }
  /* The toolbar stays a row; its labels stand vertically beside their controls. */
  .vertical .field {
    flex-direction: row;
    align-items: stretch;
  }
  .vertical .field > span {
    writing-mode: vertical-lr;
    max-block-size: 8em;
  }
  .vertical .geo-fallback p {
    flex-basis: auto;
    max-block-size: 12em;
  }
  .vertical .side {
    overflow-x: auto;
  }
  .vertical .option.selected {
    box-shadow: inset 0 4px 0 var(--sifa-color-primary);
  }
`;
