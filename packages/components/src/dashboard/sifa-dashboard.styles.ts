/**
 * Styles of <sifa-dashboard>: toolbar and breadcrumb over KPI tiles and a grid of chart panels
 * (one column on narrow hosts, by a container query), then the items and records tables. Chart
 * colours are CSS classes on SVG marks (`c0`…`c5`, `q0`…`q4`), never style attributes (strict
 * CSP). Big-screen mode takes the dark theme's tokens and larger type. Mongolian lays the
 * widget out in `writing-mode: vertical-lr`, the charts staying horizontal.
 */
import { css, unsafeCSS } from 'lit';
import { tokenNames, tokenValue } from '../theme/tokens.js';

/** The dark theme's colours for big-screen mode (from the theme tokens, not a copy of them). */
const darkColours = unsafeCSS(
  tokenNames
    .filter((name) => name.startsWith('--sifa-color-') || name === '--sifa-shadow')
    .map((name) => `${name}: ${tokenValue('dark', name)};`)
    .join('\n'),
);

export const dashboardStyles = css`
  :host {
    --sifa-dashboard-series-0: #1a5fb4;
    --sifa-dashboard-series-1: #c64600;
    --sifa-dashboard-series-2: #26a269;
    --sifa-dashboard-series-3: #8a1c1c;
    --sifa-dashboard-series-4: #613583;
    --sifa-dashboard-series-5: #865e3c;
    --sifa-dashboard-series-6: #0e7c86;
    --sifa-dashboard-series-7: #c0307f;
    --sifa-dashboard-series-8: #7a8a00;
    --sifa-dashboard-series-9: #5c6b7a;
    --sifa-dashboard-series-10: #e5a50a;
    --sifa-dashboard-series-11: #99c1f1;
    --sifa-dashboard-scale-0: #eef3f9;
    --sifa-dashboard-scale-1: #c6d8ee;
    --sifa-dashboard-scale-2: #8db4de;
    --sifa-dashboard-scale-3: #4a87c6;
    --sifa-dashboard-scale-4: #1d4f8c;
    --sifa-dashboard-up: var(--sifa-color-success);
    --sifa-dashboard-down: var(--sifa-color-danger);
    --sifa-dashboard-vertical-size: 40em;
    container-type: inline-size;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
  }
  :host([theme='dark']),
  :host([big-screen]:not([theme='high-contrast'])) {
    --sifa-dashboard-series-0: #99c1f1;
    --sifa-dashboard-series-1: #ffbe6f;
    --sifa-dashboard-series-2: #8ff0a4;
    --sifa-dashboard-series-3: #f2b8b5;
    --sifa-dashboard-series-4: #dc8add;
    --sifa-dashboard-series-5: #cdab8f;
    --sifa-dashboard-series-6: #5fd4d4;
    --sifa-dashboard-series-7: #ff7eb6;
    --sifa-dashboard-series-8: #c8d65b;
    --sifa-dashboard-series-9: #b0bec5;
    --sifa-dashboard-series-10: #f9e154;
    --sifa-dashboard-series-11: #6f8fff;
    --sifa-dashboard-scale-0: #1f2a36;
    --sifa-dashboard-scale-1: #24425f;
    --sifa-dashboard-scale-2: #2f6291;
    --sifa-dashboard-scale-3: #4f8fd0;
    --sifa-dashboard-scale-4: #9cc7f5;
  }
  :host([big-screen]:not([theme='high-contrast'])) {
    ${darkColours}
  }
  :host([big-screen]) {
    --sifa-font-size: 20px;
    --sifa-font-size-small: 16px;
    --sifa-font-size-large: 30px;
    --sifa-target-size: 44px;
    --sifa-space: 12px;
    font-size: var(--sifa-font-size);
  }
  :host(:fullscreen) {
    overflow: auto;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    margin: 0;
  }
  h3 {
    font-size: var(--sifa-font-size);
    margin: 0 0 var(--sifa-space);
  }
  h4 {
    font-size: var(--sifa-font-size-small);
    font-weight: 600;
    margin: 0;
  }
  p {
    margin: 0 0 calc(var(--sifa-space) / 2);
  }
  button,
  select {
    font: inherit;
    color: inherit;
    min-block-size: var(--sifa-target-size);
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 var(--sifa-space);
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-block-size: auto;
    color: var(--sifa-color-focus);
    text-decoration: underline;
  }
  a {
    color: var(--sifa-color-focus);
  }
  .frame {
    padding: var(--sifa-space);
    display: grid;
    gap: var(--sifa-space);
  }
  /* One column as wide as the host: a wide table scrolls in its own box, the header, toolbar and
     breadcrumb wrap (an auto column would grow to the widest content and the page scroll). */
  .frame:not(.vertical) {
    grid-template-columns: minmax(0, 1fr);
  }
  .frame.big {
    padding: calc(var(--sifa-space) * 2);
    min-block-size: 100%;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--sifa-space) * 1.5);
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
    margin-block-start: calc(var(--sifa-space) / 2);
  }
  .live {
    color: var(--sifa-color-success);
  }
  .live.reconnecting {
    color: var(--sifa-color-warning);
  }
  .live.reconnecting .dot {
    background: none;
    border: 2px dashed currentColor;
  }
  .live .dot {
    display: inline-block;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: currentColor;
    margin-inline-end: 0.3em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--sifa-space);
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .field select {
    color: var(--sifa-color-text);
    font-size: var(--sifa-font-size);
  }
  /* A picker is never wider than the widget (a select is as wide as its longest option): on a
     narrow host it shrinks, its chosen option still shown. */
  .frame:not(.vertical) .field {
    min-inline-size: 0;
    max-inline-size: 100%;
    grid-template-columns: minmax(0, auto);
  }
  .frame:not(.vertical) .field select {
    max-inline-size: 100%;
  }
  .figure-picker {
    justify-self: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
    margin-inline-start: auto;
  }
  .note {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .error {
    color: var(--sifa-color-danger);
  }
  .loading,
  .empty,
  .count,
  .chart-empty {
    color: var(--sifa-color-text-muted);
  }
  .trail ol {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    gap: 0.3em;
  }
  .trail li + li::before {
    content: '›';
    margin-inline-end: 0.3em;
    color: var(--sifa-color-text-muted);
  }
  .trail [aria-current] {
    font-weight: 600;
  }
  .kpis {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: var(--sifa-space);
  }
  .kpi {
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: var(--sifa-space);
    background: var(--sifa-color-surface-alt);
  }
  .kpi-value {
    font-size: calc(var(--sifa-font-size-large) * 1.5);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--sifa-color-primary);
    margin: 0;
  }
  .kpi-previous {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
    margin: 0;
  }
  .kpi-change {
    font-size: var(--sifa-font-size-small);
    margin: 0;
  }
  .kpi-change.up {
    color: var(--sifa-dashboard-up);
  }
  .kpi-change.down {
    color: var(--sifa-dashboard-down);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--sifa-space);
  }
  @container (max-width: 46em) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .panel {
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: var(--sifa-space);
    min-inline-size: 0;
  }
  .panel.warnings {
    padding: 0;
    overflow: hidden;
  }
  .table-toggle {
    margin-block-start: calc(var(--sifa-space) / 2);
    font-size: var(--sifa-font-size-small);
  }
  .scroll {
    overflow-x: auto;
    /* The containing block of the screen-reader-only text in its cells: positioned outside it,
       that text would sit at the far end of a wide table, outside the scroll box, and widen the page. */
    position: relative;
  }
  .scroll[hidden] {
    display: none;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: var(--sifa-font-size-small);
    margin-block-start: calc(var(--sifa-space) / 2);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 4px;
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
  .entries-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  .entries-head h3 {
    margin: 0;
  }
  .record .ref {
    font-family: ui-monospace, monospace;
    margin-inline-end: 0.5em;
  }
  .record .about {
    display: block;
    color: var(--sifa-color-text-muted);
  }
  .record .open {
    font-size: var(--sifa-font-size-small);
  }
  .record-detail dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: calc(var(--sifa-space) / 2) var(--sifa-space);
    margin: 0;
  }
  .record-detail dt {
    color: var(--sifa-color-text-muted);
  }
  .record-detail dd {
    margin: 0;
  }
  .record-detail .id {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .meta .running {
    color: var(--sifa-color-warning);
    font-weight: 600;
  }
  .pager {
    display: flex;
    gap: var(--sifa-space);
    margin-block-start: var(--sifa-space);
  }
  .ranking-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .rank-row {
    inline-size: 100%;
    display: grid;
    grid-template-columns: 5em 1fr auto;
    gap: var(--sifa-space);
    align-items: center;
    text-align: start;
    border-color: transparent;
    background: var(--sifa-color-surface-alt);
  }
  .rank-row:hover {
    border-color: var(--sifa-color-border);
  }
  .rank-row .rank {
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .rank-row .value {
    font-variant-numeric: tabular-nums;
  }
  .more {
    margin-block-start: var(--sifa-space);
    font-size: var(--sifa-font-size-small);
  }
  .legend {
    list-style: none;
    margin: calc(var(--sifa-space) / 2) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--sifa-space) / 2) calc(var(--sifa-space) * 1.5);
    font-size: var(--sifa-font-size-small);
  }
  .legend li,
  .map-legend li {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  /* ---- charts (SVG from charts.ts) ---- */
  .chart {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
    font-family: inherit;
  }
  .chart text {
    font-size: 12px;
    fill: var(--sifa-color-text);
  }
  :host([big-screen]) .chart text {
    font-size: 14px;
  }
  .chart .tick {
    fill: var(--sifa-color-text-muted);
  }
  .chart .tick.y {
    text-anchor: end;
  }
  .chart .tick.x {
    text-anchor: middle;
  }
  .chart .grid {
    stroke: var(--sifa-color-border);
    stroke-width: 0.5;
    stroke-dasharray: 2 3;
  }
  .chart .axis {
    stroke: var(--sifa-color-text-muted);
    stroke-width: 1;
  }
  .chart .band {
    fill: var(--sifa-color-surface-alt);
  }
  .chart .hit {
    fill: transparent;
  }
  .chart [tabindex]:focus {
    outline: none;
  }
  .chart rect.hit:focus-visible,
  .chart .bar:focus-visible .hit {
    stroke: var(--sifa-color-focus);
    stroke-width: 3;
  }
  .chart .line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .swatch .line {
    fill: none;
    stroke-width: 2;
  }
  .c0 {
    --c: var(--sifa-dashboard-series-0);
  }
  .c1 {
    --c: var(--sifa-dashboard-series-1);
  }
  .c2 {
    --c: var(--sifa-dashboard-series-2);
  }
  .c3 {
    --c: var(--sifa-dashboard-series-3);
  }
  .c4 {
    --c: var(--sifa-dashboard-series-4);
  }
  .c5 {
    --c: var(--sifa-dashboard-series-5);
  }
  .c6 {
    --c: var(--sifa-dashboard-series-6);
  }
  .c7 {
    --c: var(--sifa-dashboard-series-7);
  }
  .c8 {
    --c: var(--sifa-dashboard-series-8);
  }
  .c9 {
    --c: var(--sifa-dashboard-series-9);
  }
  .c10 {
    --c: var(--sifa-dashboard-series-10);
  }
  .c11 {
    --c: var(--sifa-dashboard-series-11);
  }
  .line {
    stroke: var(--c);
  }
  .fill,
  .marker {
    fill: var(--c);
  }
  .marker {
    stroke: var(--sifa-color-surface);
    stroke-width: 1;
  }
  .chart .bar {
    cursor: pointer;
  }
  .chart .bar[role='img'] {
    cursor: default;
  }
  .chart .bar-label .name {
    text-anchor: end;
  }
  .chart .bar-labels {
    pointer-events: none;
  }
  .chart .bar.hot .fill,
  .chart .bar:focus-visible .fill {
    fill: var(--sifa-color-primary);
  }
  .chart .slice {
    stroke: var(--sifa-color-surface);
    stroke-width: 1.5;
    cursor: pointer;
  }
  .chart .slice.hot,
  .chart .slice:focus-visible {
    stroke: var(--sifa-color-focus);
    stroke-width: 3;
  }
  .chart .region {
    stroke: var(--sifa-color-surface);
    stroke-width: 1;
    fill-rule: evenodd;
    cursor: pointer;
  }
  .region.q0 {
    fill: var(--sifa-dashboard-scale-0);
  }
  .region.q1 {
    fill: var(--sifa-dashboard-scale-1);
  }
  .region.q2 {
    fill: var(--sifa-dashboard-scale-2);
  }
  .region.q3 {
    fill: var(--sifa-dashboard-scale-3);
  }
  .region.q4 {
    fill: var(--sifa-dashboard-scale-4);
  }
  .region.qn {
    fill: var(--sifa-color-surface-alt);
  }
  .swatch .region {
    stroke: var(--sifa-color-border);
    stroke-width: 1;
  }
  .chart .region.hot,
  .chart .region:focus-visible,
  .chart .region.current {
    stroke: var(--sifa-color-focus);
    stroke-width: 2.5;
  }
  .chart .region-name {
    font-size: 11px;
    text-anchor: middle;
    pointer-events: none;
    fill: var(--sifa-color-text);
    paint-order: stroke;
    stroke: var(--sifa-color-surface);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .chart .tip {
    pointer-events: none;
  }
  .chart .tip rect {
    fill: var(--sifa-color-text);
    opacity: 0.92;
  }
  .chart .tip text {
    fill: var(--sifa-color-surface);
  }
  .map-legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
    font-size: var(--sifa-font-size-small);
  }
  .map-legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--sifa-space) / 2) var(--sifa-space);
  }
  /*
   * Mongolian: the dashboard flows vertically (lines top to bottom, following each other left to
   * right); its height is the line length. It grows to the right as far as its content goes and
   * the host scrolls sideways, never the page. Charts stay horizontal, in boxes as wide as the
   * lines are long, so they keep their proportions.
   */
  :host([data-sifa-locale='mn-Mong']) {
    /* The containing block of the screen-reader-only text too, which would otherwise widen the page. */
    position: relative;
    max-inline-size: 100%;
    overflow-x: auto;
    overflow-y: hidden;
  }
  .frame.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-dashboard-vertical-size);
    block-size: max-content;
  }
  .vertical .grid {
    grid-template-columns: minmax(0, 1fr);
    grid-auto-flow: row;
  }
  .vertical .kpis {
    grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
  }
  /* An orthogonal flow needs a definite width: a line's length, less the panel's padding. */
  .vertical .chart-box {
    writing-mode: horizontal-tb;
    inline-size: calc(var(--sifa-dashboard-vertical-size) - 4em);
  }
  .vertical .panel {
    inline-size: auto;
  }
  /* The nested warnings list keeps its own layout; the panel is as wide as it needs. */
  .vertical .panel.warnings {
    overflow: visible;
  }
  /* Big screen (大屏): one screen, no scrolling. The wide layout fixes the frame to the screen's
     height and shares it out: header, pickers and tiles take what they need, the chart panels
     (three columns, two rows) the rest; drill-down tables stay off the wall. */
  .big .items,
  .big .entries,
  .big .table-toggle,
  .big .scroll,
  .big .ranking .more {
    display: none;
  }
  @container (min-width: 60em) {
    .frame.big:not(.vertical) {
      display: flex;
      flex-direction: column;
      block-size: 100vh;
      overflow: hidden;
      gap: var(--sifa-space);
    }
    .frame.big:not(.vertical) > * {
      flex: none;
    }
    .frame.big:not(.vertical) > .grid {
      flex: 1 1 0;
      min-block-size: 0;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-auto-rows: minmax(0, 1fr);
    }
    .big .kpis {
      grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    }
    .big .kpi-value {
      font-size: calc(var(--sifa-font-size-large) * 1.3);
    }
    .big .grid > .panel {
      display: flex;
      flex-direction: column;
      min-block-size: 0;
      overflow: hidden;
    }
    .big .grid > .panel > h3 {
      flex: none;
    }
    .big .chart-box {
      flex: 1 1 0;
      min-block-size: 0;
      display: flex;
    }
    .big .chart-box > .chart,
    .big .map-wrap {
      flex: 1 1 0;
      min-block-size: 0;
      block-size: 100%;
    }
    .big .map-wrap {
      display: flex;
      flex-direction: column;
    }
    .big .map-wrap > .chart {
      flex: 1 1 0;
      min-block-size: 0;
    }
    .big .legend,
    .big .map-legend {
      flex: none;
    }
    .big .ranking-list {
      overflow: hidden;
      min-block-size: 0;
    }
  }
  .vertical .legend .swatch,
  .vertical .map-legend .swatch {
    writing-mode: horizontal-tb;
  }
  .vertical .trail li + li::before {
    content: '›';
  }
`;
