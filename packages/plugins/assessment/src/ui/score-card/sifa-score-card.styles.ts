/**
 * Styles of <sifa-score-card>: a summary (total, rank, sparkline) over the parts as bars, the open
 * part's items table and an item's records table below. Bars and sparkline are SVG whose sizes
 * are attributes, never style attributes (strict CSP). Mongolian lays the card out in
 * `writing-mode: vertical-lr`, lines left to right, scrolling sideways.
 */
import { css } from 'lit';

export const scoreCardStyles = css`
  :host {
    --sifa-score-card-bar: var(--sifa-color-primary);
    --sifa-score-card-track: var(--sifa-color-surface-alt);
    --sifa-score-card-vertical-size: 36em;
    container-type: inline-size;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    font-family: var(--sifa-font-family);
    font-size: var(--sifa-font-size);
    line-height: var(--sifa-line-height);
  }
  :host([data-sifa-locale='mn-Mong']) {
    font-family: var(--sifa-font-family-mongolian);
  }
  .card {
    padding: var(--sifa-space);
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    margin: 0;
  }
  h3,
  h4 {
    font-size: var(--sifa-font-size);
    margin: calc(var(--sifa-space) * 1.5) 0 var(--sifa-space);
  }
  h4:focus-visible {
    outline: var(--sifa-focus-ring);
  }
  p {
    margin: 0 0 calc(var(--sifa-space) / 2);
  }
  button {
    font: inherit;
    color: inherit;
    min-block-size: var(--sifa-target-size);
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 var(--sifa-space);
    cursor: pointer;
  }
  a {
    color: var(--sifa-color-focus);
  }
  .meta {
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .badge,
  .tag {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: var(--sifa-radius);
    font-size: var(--sifa-font-size-small);
    border: 1px solid currentColor;
  }
  .badge {
    color: var(--sifa-color-warning);
  }
  .tag {
    color: var(--sifa-color-danger);
  }
  .error {
    color: var(--sifa-color-danger);
  }
  .loading,
  .empty,
  .count {
    color: var(--sifa-color-text-muted);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--sifa-space) * 2);
    margin-block: var(--sifa-space);
  }
  .total {
    margin: 0;
  }
  .total .value {
    font-size: calc(var(--sifa-font-size-large) * 1.8);
    font-weight: 700;
    color: var(--sifa-color-primary);
    font-variant-numeric: tabular-nums;
  }
  .total .of,
  .of {
    color: var(--sifa-color-text-muted);
  }
  .note {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .note.vetoed {
    color: var(--sifa-color-danger);
  }
  .rank {
    font-weight: 600;
  }
  .trend {
    margin: 0;
    inline-size: 12em;
  }
  .trend svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }
  .trend .base {
    stroke: var(--sifa-color-border);
    stroke-width: 0.5;
  }
  .trend .line {
    fill: none;
    stroke: var(--sifa-score-card-bar);
    stroke-width: 1.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .trend .dot,
  .trend .last {
    fill: var(--sifa-score-card-bar);
  }
  .trend figcaption {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .parts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--sifa-space) / 2);
  }
  .part {
    inline-size: 100%;
    display: grid;
    /* Fixed outer columns: the bars of all parts start and end at the same place. */
    grid-template-columns: 10em minmax(4em, 1fr) 11em;
    align-items: center;
    gap: var(--sifa-space);
    text-align: start;
  }
  .part[aria-expanded='true'] {
    border-color: var(--sifa-color-primary);
    box-shadow: inset 4px 0 0 var(--sifa-color-primary);
  }
  .bar {
    inline-size: 100%;
    block-size: 0.6em;
  }
  .bar .track {
    fill: var(--sifa-score-card-track);
    stroke: var(--sifa-color-border);
    stroke-width: 0.5;
    vector-effect: non-scaling-stroke;
  }
  .bar .fill {
    fill: var(--sifa-score-card-bar);
  }
  .kind-bonus .bar .fill {
    fill: var(--sifa-color-success);
  }
  .kind-negative .bar .fill {
    fill: var(--sifa-color-danger);
  }
  .part-points {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  @container (max-width: 28em) {
    .part {
      grid-template-columns: 1fr auto;
    }
    .part-points {
      text-align: end;
    }
    .bar {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: var(--sifa-font-size-small);
  }
  /* A narrow host scrolls the items table sideways rather than squeezing it a character wide. */
  .items table {
    min-inline-size: 42em;
  }
  .status,
  button.records,
  .sources-head button {
    white-space: nowrap;
  }
  th,
  td {
    border-block-end: 1px solid var(--sifa-color-border);
    padding: calc(var(--sifa-space) / 2);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--sifa-color-surface-alt);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tr.current {
    background: var(--sifa-color-surface-alt);
  }
  .criterion {
    color: var(--sifa-color-text-muted);
  }
  .status-met {
    color: var(--sifa-color-success);
  }
  .status-missed,
  .status-deducted,
  .status-vetoed {
    color: var(--sifa-color-danger);
  }
  .status-pending,
  .status-partial {
    color: var(--sifa-color-warning);
  }
  .sources-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  /*
   * Mongolian: the card flows vertically (lines top to bottom, following each other left to
   * right); its height is the line length. It grows to the right as far as its content goes and
   * the host scrolls sideways, never the page (as <sifa-dashboard> does).
   */
  :host([data-sifa-locale='mn-Mong']) {
    /* The containing block of the screen-reader-only text too, which would otherwise widen the page. */
    position: relative;
    max-inline-size: 100%;
    overflow-x: auto;
    overflow-y: hidden;
  }
  .card.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-score-card-vertical-size);
    block-size: max-content;
  }
  .vertical .part[aria-expanded='true'] {
    box-shadow: inset 0 4px 0 var(--sifa-color-primary);
  }
  /* The sparkline stays horizontal, in a box of a definite width (an orthogonal flow has none of
     its own: a percentage would stretch it to the page). */
  .vertical .trend svg {
    writing-mode: horizontal-tb;
    inline-size: 12em;
    max-inline-size: calc(var(--sifa-score-card-vertical-size) - 4em);
  }
  /* The part bars run along the line (top to bottom; drawn so by the element). */
  .vertical .bar {
    inline-size: 100%;
    block-size: 0.6em;
  }
`;
