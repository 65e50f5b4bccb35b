/**
 * Styles of <sifa-warnings>: a toolbar over the list beside the detail (stacked on narrow hosts,
 * by a container query); the compact mode is the list alone. Severity shows as a word in a badge
 * whose border style differs too (never colour alone). Mongolian lays the widget out in
 * `writing-mode: vertical-lr`. No style attributes anywhere (strict CSP).
 */
import { css } from 'lit';

export const warningsStyles = css`
  :host {
    --sifa-warnings-height: 520px;
    --sifa-warnings-vertical-size: 36em;
    container-type: inline-size;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    font-family: var(--sifa-font-family);
    font-size: var(--sifa-font-size);
    line-height: var(--sifa-line-height);
  }
  /*
   * Mongolian: the widget flows vertically and grows to the right as far as its content goes; the
   * host scrolls sideways, never the page. It is the containing block of everything positioned in
   * it too (the screen-reader-only text), which would otherwise widen the page.
   */
  :host([data-sifa-locale='mn-Mong']) {
    position: relative;
    max-inline-size: 100%;
    overflow-x: auto;
    overflow-y: hidden;
  }
  .frame {
    padding: var(--sifa-space);
  }
  .frame.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-warnings-vertical-size);
    font-family: var(--sifa-font-family-mongolian);
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    margin: 0;
  }
  h3 {
    font-size: var(--sifa-font-size-large);
    margin: 0;
  }
  h4 {
    font-size: var(--sifa-font-size);
    margin: var(--sifa-space) 0 calc(var(--sifa-space) / 2);
  }
  p {
    margin: 0 0 calc(var(--sifa-space) / 2);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button,
  input,
  select {
    min-block-size: var(--sifa-target-size);
  }
  button {
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 calc(var(--sifa-space) * 1.5);
    cursor: pointer;
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  button.primary {
    background: var(--sifa-color-primary);
    border-color: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
  }
  input,
  select,
  textarea {
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 var(--sifa-space);
  }
  textarea {
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
    min-block-size: 5em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
  }
  a {
    color: var(--sifa-color-focus);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--sifa-space);
    margin-block-end: var(--sifa-space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--sifa-space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-block-end: var(--sifa-space);
  }
  .field > span {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .toolbar .field {
    margin: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--sifa-space);
    margin-block-end: var(--sifa-space);
  }
  .check input {
    min-block-size: auto;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .hint {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .issue,
  .error {
    color: var(--sifa-color-danger);
  }
  .issue {
    font-size: var(--sifa-font-size-small);
  }
  .evaluation {
    padding: var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-focus);
    background: var(--sifa-color-surface-alt);
    margin-block-end: var(--sifa-space);
  }
  .evaluation ul {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(16em, 2fr) 3fr;
    gap: var(--sifa-space);
    block-size: var(--sifa-warnings-height);
  }
  /* The list alone takes the height it needs (an empty list no blank pane), up to the height. */
  .body.single {
    grid-template-columns: 1fr;
    block-size: auto;
  }
  .body.single .list {
    max-block-size: var(--sifa-warnings-height);
  }
  @container (max-width: 44em) {
    .body {
      grid-template-columns: 1fr;
      grid-template-rows: minmax(12em, 1fr) 2fr;
      block-size: auto;
    }
    .body.single {
      grid-template-rows: auto;
    }
  }
  .side {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  .more {
    flex: none;
    align-self: start;
    margin-block-start: var(--sifa-space);
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
    gap: 2px var(--sifa-space);
    padding: var(--sifa-space);
    border-block-end: 1px solid var(--sifa-color-border);
    cursor: pointer;
  }
  .option.selected {
    background: var(--sifa-color-surface-alt);
    box-shadow: inset 4px 0 0 var(--sifa-color-primary);
  }
  .option .title {
    font-weight: 600;
  }
  .option .org,
  .option .meta {
    grid-column: 2;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .badge {
    display: inline-block;
    align-self: start;
    padding: 0 0.4em;
    border-radius: var(--sifa-radius);
    font-size: var(--sifa-font-size-small);
    white-space: nowrap;
    border: 1px dotted currentColor;
  }
  .badge.info {
    color: var(--sifa-color-text-muted);
  }
  .badge.warning {
    color: var(--sifa-color-warning);
    border-style: solid;
  }
  .badge.urgent {
    color: var(--sifa-color-danger);
    border: 2px double currentColor;
    font-weight: 700;
  }
  .overdue {
    color: var(--sifa-color-danger);
    font-weight: 600;
  }
  .detail {
    overflow: auto;
    min-block-size: 0;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
  }
  .detail-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: var(--sifa-space);
  }
  .detail-head h3:focus {
    outline: none;
  }
  .detail-head h3:focus-visible {
    outline: var(--sifa-focus-ring);
  }
  .close {
    flex: none;
    inline-size: var(--sifa-target-size);
    padding: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px var(--sifa-space);
    margin: var(--sifa-space) 0;
  }
  dt {
    color: var(--sifa-color-text-muted);
  }
  dd {
    margin: 0;
  }
  .cleared {
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-success);
    background: var(--sifa-color-surface-alt);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 2px solid var(--sifa-color-border);
  }
  .timeline > li {
    position: relative;
    padding: 0 0 var(--sifa-space) calc(var(--sifa-space) * 2);
  }
  .timeline > li::before {
    content: '';
    position: absolute;
    inset-inline-start: -7px;
    inset-block-start: 0.45em;
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    background: var(--sifa-color-surface);
    border: 2px solid var(--sifa-color-primary);
  }
  .step-head {
    margin: 0;
  }
  .step-head time,
  .step-by {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .step-text {
    white-space: pre-wrap;
  }
  .docs {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  /*
   * The steps the user may take, and a form's submit row, stay whole in view at the pane's
   * bottom edge while what they follow scrolls (never cut in half by the pane).
   */
  .actions,
  .form .buttons {
    position: sticky;
    /* To the pane's edge: a sticky box keeps clear of the pane's padding, which would show a strip of what scrolls under it. */
    inset-block-end: calc(var(--sifa-space) * -1);
    z-index: 1;
    padding-block: var(--sifa-space);
    background: var(--sifa-color-surface);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
  }
  .form .buttons {
    background: var(--sifa-color-surface-alt);
  }
  .form {
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-primary);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
  }
  .form .buttons {
    display: flex;
    gap: var(--sifa-space);
  }
  .compact-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .compact-list > li + li {
    border-block-start: 1px solid var(--sifa-color-border);
  }
  .compact-item {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--sifa-space);
    inline-size: 100%;
    text-align: start;
    padding: calc(var(--sifa-space) / 2) 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: none;
    cursor: pointer;
  }
  .compact-item .meta {
    grid-column: 2;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  /*
   * Vertical lines are as long as the pane is high: a term and its value side by side would not
   * fit (the value's lines ran out of the pane), so each value follows its term.
   */
  .vertical dl {
    grid-template-columns: minmax(0, 1fr);
  }
  .vertical dd + dt {
    margin-block-start: calc(var(--sifa-space) / 2);
  }
  .vertical .option.selected {
    box-shadow: inset 0 4px 0 var(--sifa-color-primary);
  }
`;
