/**
 * Styles of <sifa-cases>. Logical properties throughout (inline/block), so the same rules lay the
 * widget out horizontally and, for Mongolian, in `writing-mode: vertical-lr` (lines top to bottom,
 * following each other left to right; the host scrolls sideways, never the page). Wide hosts (a
 * container query on the host's width) show list rows as one line each and the case file in two
 * columns; narrow ones (a phone, 390 px) stack everything. States and deadlines differ by a word
 * and a border style as well as by colour. No style attributes anywhere (strict CSP).
 */
import { css } from 'lit';

export const casesStyles = css`
  :host {
    --sifa-cases-vertical-size: 40em;
    container-type: inline-size;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  :host([data-sifa-locale='mn-Mong']) {
    overflow-x: auto;
  }
  .frame {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    padding: calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .frame.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-cases-vertical-size);
    font-family: var(--sifa-font-family-mongolian);
    overflow-wrap: normal;
  }
  h2,
  h3,
  h4,
  h5 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
  }
  h3 {
    font-size: var(--sifa-font-size-large);
  }
  h4,
  h5 {
    font-size: var(--sifa-font-size);
  }
  h2:focus,
  h3:focus,
  .count:focus,
  .form-error:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  .count:focus-visible,
  .form-error:focus-visible {
    outline: var(--sifa-focus-ring);
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  ul.plain,
  ol.rows,
  ol.timeline,
  .parties-view {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    max-inline-size: 100%;
  }
  button,
  input:not([type='checkbox']),
  select {
    min-block-size: var(--sifa-target-size);
  }
  button {
    min-inline-size: var(--sifa-target-size);
    padding-block: 2px;
    padding-inline: calc(var(--sifa-space) * 1.25);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    cursor: pointer;
  }
  button:hover:not([disabled]) {
    border-color: var(--sifa-color-text);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  button.primary {
    background: var(--sifa-color-primary);
    border-color: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
  }
  button.danger {
    border-color: var(--sifa-color-danger);
    color: var(--sifa-color-danger);
  }
  input:not([type='checkbox']),
  select,
  textarea {
    padding-inline: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    min-inline-size: 0;
  }
  textarea {
    min-block-size: 5em;
    inline-size: 100%;
    padding-block: calc(var(--sifa-space) / 2);
    resize: vertical;
  }
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    flex: none;
  }
  /* Date inputs keep focus in their inner fields: the ring shows on the input all the same. */
  input[type='date']:focus,
  input[type='date']:focus-within {
    outline: var(--sifa-focus-ring);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
  }
  a {
    color: var(--sifa-color-focus);
  }
  .muted,
  .hint,
  .meta {
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .error,
  .issue {
    color: var(--sifa-color-danger);
  }
  .issue {
    font-size: var(--sifa-font-size-small);
  }
  .issue::before,
  .error::before {
    content: '⚠ ';
  }
  .info,
  .notice:not(:empty) {
    padding-block: calc(var(--sifa-space) / 2);
    padding-inline: var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-success);
    background: var(--sifa-color-surface-alt);
  }
  .notice:empty {
    display: none;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }

  /* ---- list ---- */
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
    min-inline-size: 0;
  }
  .field > label,
  .field > legend {
    font-weight: 600;
  }
  .toolbar .field > label {
    font-weight: normal;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .toolbar .grow {
    flex: 1 1 16em;
  }
  .search {
    display: flex;
    gap: 4px;
  }
  .search input {
    flex: 1;
  }
  .count {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .rows {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--sifa-space);
  }
  .row + .row {
    border-block-start: 1px solid var(--sifa-color-border);
  }
  .row-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px var(--sifa-space);
  }
  .row .number,
  .file-head h3 {
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  .row .number {
    text-align: start;
    font-weight: 600;
    border-color: transparent;
    background: none;
    color: var(--sifa-color-focus);
    text-decoration: underline;
    padding-inline: 4px;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 2px calc(var(--sifa-space) * 2);
    margin: 0;
    font-size: var(--sifa-font-size-small);
  }
  .summary .pair {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em;
    min-inline-size: 0;
  }
  :host([data-sifa-locale='zh-CN']) .summary .pair {
    gap: 0;
  }
  /* A long label ("The matter and the reasons") wraps between words and puts its value below, never breaks a word. */
  .summary dt {
    color: var(--sifa-color-text-muted);
    overflow-wrap: normal;
  }
  .summary dt::after {
    content: '：';
  }
  :host([data-sifa-locale='en']) .summary dt::after {
    content: ':';
  }
  .summary dd {
    margin: 0;
  }
  /* Wide: one line per case, the columns aligned across rows (subgrid). */
  @container (min-width: 60em) {
    .frame:not(.vertical) .rows {
      display: grid;
      grid-template-columns: minmax(12em, max-content) minmax(6em, max-content) minmax(0, 1fr) minmax(11em, max-content);
      column-gap: calc(var(--sifa-space) * 2);
    }
    .frame:not(.vertical) .row {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
      row-gap: 2px;
      padding-inline: var(--sifa-space);
    }
    .frame:not(.vertical) .row-head {
      display: contents;
    }
    .frame:not(.vertical) .row .number {
      justify-self: start;
    }
    .frame:not(.vertical) .row .deadline {
      grid-column: 4;
    }
    .frame:not(.vertical) .row .meta {
      grid-column: 1 / -1;
    }
  }
  .badge {
    display: inline-block;
    padding-inline: 0.5em;
    border: 1px solid var(--sifa-color-primary);
    border-radius: var(--sifa-radius);
    color: var(--sifa-color-primary);
    font-size: var(--sifa-font-size-small);
    white-space: nowrap;
    justify-self: start;
  }
  .vertical .badge {
    white-space: normal;
  }
  .badge.closed {
    border-style: dashed;
    color: var(--sifa-color-text-muted);
    border-color: var(--sifa-color-text-muted);
  }
  .deadline {
    font-size: var(--sifa-font-size-small);
  }
  .deadline-title {
    color: var(--sifa-color-text-muted);
  }
  .deadline.due-soon .remaining,
  .deadline-item.due-soon .remaining,
  .badge.due-soon {
    color: var(--sifa-color-warning);
    border-color: var(--sifa-color-warning);
  }
  .deadline.overdue .remaining,
  .deadline-item.overdue .remaining,
  .badge.overdue {
    color: var(--sifa-color-danger);
    border-color: var(--sifa-color-danger);
    font-weight: 700;
  }
  .badge.overdue {
    border-width: 2px;
    border-style: double;
  }
  .badge.met {
    color: var(--sifa-color-success);
    border-color: var(--sifa-color-success);
    border-style: dotted;
  }
  .badge.running {
    color: var(--sifa-color-text);
    border-color: var(--sifa-color-border);
  }
  .empty {
    padding: var(--sifa-space);
    color: var(--sifa-color-text-muted);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }

  /* ---- case file ---- */
  .file {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    min-inline-size: 0;
  }
  .back {
    align-self: start;
  }
  .file-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--sifa-space);
  }
  .file-head .meta {
    flex-basis: 100%;
  }
  .file-body {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    min-inline-size: 0;
  }
  @container (min-width: 60em) {
    .frame:not(.vertical) .file-body {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(16em, 1fr);
      grid-template-rows: auto auto 1fr;
      align-items: start;
    }
    .frame:not(.vertical) .file-body > .next {
      grid-column: 1;
      grid-row: 1;
    }
    .frame:not(.vertical) .file-body > .side {
      grid-column: 2;
      grid-row: 1 / span 3;
    }
    .frame:not(.vertical) .file-body > .fields {
      grid-column: 1;
      grid-row: 2;
    }
    .frame:not(.vertical) .file-body > .timeline-card {
      grid-column: 1;
      grid-row: 3;
    }
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    min-inline-size: 0;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    min-inline-size: 0;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
  }
  .masked {
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-warning);
    background: var(--sifa-color-surface-alt);
    font-size: var(--sifa-font-size-small);
  }
  .pairs {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 4px calc(var(--sifa-space) * 2);
    margin: 0;
  }
  .pairs .pair {
    display: contents;
  }
  .pairs dt {
    color: var(--sifa-color-text-muted);
    max-inline-size: 14em;
  }
  .pairs dd {
    margin: 0;
  }
  .text {
    white-space: pre-wrap;
  }
  .event-fields summary {
    cursor: pointer;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-focus);
    min-block-size: var(--sifa-target-size);
    display: flex;
    align-items: center;
  }
  .pairs.small {
    font-size: var(--sifa-font-size-small);
  }
  @container (max-width: 30em) {
    .pairs {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .pairs dd {
      margin-block-end: var(--sifa-space);
    }
  }
  .vertical .pairs {
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
  }
  .parties-view li + li {
    margin-block-start: 4px;
  }
  .parties-view .role {
    color: var(--sifa-color-text-muted);
  }
  .party-more {
    display: block;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .deadline-list {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .deadline-item {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding-inline-start: var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-border);
  }
  .deadline-item.due-soon {
    border-inline-start-color: var(--sifa-color-warning);
    border-inline-start-style: dashed;
  }
  .deadline-item.overdue {
    border-inline-start-color: var(--sifa-color-danger);
    border-inline-start-style: double;
  }
  .deadline-item.met {
    border-inline-start-color: var(--sifa-color-success);
    border-inline-start-style: dotted;
  }
  .deadline-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--sifa-space);
    align-items: center;
  }
  .basis {
    font-size: var(--sifa-font-size-small);
  }
  .files li,
  .uploads li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px var(--sifa-space);
    padding-block: 4px;
  }
  .files li + li {
    border-block-start: 1px solid var(--sifa-color-border);
  }
  progress {
    inline-size: 10em;
    max-inline-size: 100%;
    accent-color: var(--sifa-color-primary);
  }
  .progress-label {
    flex-basis: 100%;
    font-size: var(--sifa-font-size-small);
  }
  .upload-field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .timeline {
    border-inline-start: 2px solid var(--sifa-color-border);
  }
  .timeline > li {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding-block-end: var(--sifa-space);
    padding-inline-start: calc(var(--sifa-space) * 2);
  }
  .timeline > li::before {
    content: '';
    position: absolute;
    inset-inline-start: -7px;
    inset-block-start: 0.45em;
    inline-size: 12px;
    block-size: 12px;
    border-radius: 50%;
    background: var(--sifa-color-surface);
    border: 2px solid var(--sifa-color-primary);
  }

  /* ---- forms ---- */
  .form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 1.25);
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-primary);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
    min-inline-size: 0;
  }
  .note {
    font-size: var(--sifa-font-size-small);
    padding-inline-start: var(--sifa-space);
    border-inline-start: 3px solid var(--sifa-color-border);
  }
  .req {
    font-weight: normal;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  fieldset {
    margin: 0;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    min-inline-size: 0;
  }
  legend {
    padding-inline: 4px;
    font-weight: 600;
  }
  .group {
    gap: var(--sifa-space);
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 4px calc(var(--sifa-space) * 2);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--sifa-space);
    min-block-size: var(--sifa-target-size);
    cursor: pointer;
    font-weight: normal;
  }
  .check-field .check {
    font-weight: 600;
  }
  .control {
    display: flex;
    align-items: center;
    gap: var(--sifa-space);
  }
  .control input {
    inline-size: 12em;
  }
  /* Wide forms: fields as long as their content needs, not the width of the screen. */
  .form > .field > input:not([type='checkbox']),
  .form > .field > select,
  .form > .field > textarea {
    max-inline-size: 40em;
  }
  .party {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    background: var(--sifa-color-surface);
  }
  .party-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: var(--sifa-space);
  }
  .vertical .party-grid {
    display: flex;
    flex-direction: column;
  }
  .sub > label {
    font-weight: normal;
    font-size: var(--sifa-font-size-small);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  .add-party {
    align-self: start;
  }
  .signers {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .signer {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 4px calc(var(--sifa-space) * 2);
    padding-block-end: 4px;
    border-block-end: 1px dashed var(--sifa-color-border);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
  }

  /* The checks before a step: state in words and a border style, never colour alone. */
  .checks {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 0.5);
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    min-inline-size: 0;
  }
  .checks h6 {
    margin: 0;
    font-size: 1em;
  }
  .check-list,
  .event-checks ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 0.75);
  }
  .step-check {
    padding-inline-start: var(--sifa-space);
    border-inline-start: 3px solid var(--sifa-color-border);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .step-check.attention {
    border-inline-start: 3px double var(--sifa-color-warning);
  }
  .step-check.blocked {
    border-inline-start: 4px solid var(--sifa-color-danger);
  }
  .badge.check-state.blocked {
    color: var(--sifa-color-danger);
    border-color: var(--sifa-color-danger);
    border-width: 2px;
    font-weight: bold;
  }
  .step-check.pass {
    border-inline-start-color: var(--sifa-color-success);
  }
  .step-check p {
    margin: 0.25em 0;
  }
  .check-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
  }
  .badge.check-state.pass {
    color: var(--sifa-color-success);
    border-color: var(--sifa-color-success);
  }
  .badge.check-state.attention {
    color: var(--sifa-color-warning);
    border-color: var(--sifa-color-warning);
    border-width: 2px;
    font-weight: bold;
  }
  .badge.check-state.info,
  .badge.check-state.unknown {
    color: var(--sifa-color-text);
    border-color: var(--sifa-color-text-muted);
    border-style: dashed;
  }
  .explanation,
  .suggestion,
  .event-checks .reason {
    font-size: var(--sifa-font-size-small);
  }
  .event-checks summary {
    cursor: pointer;
    font-size: var(--sifa-font-size-small);
  }
`;
