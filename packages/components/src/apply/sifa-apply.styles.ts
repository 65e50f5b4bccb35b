/**
 * Styles of <sifa-apply>. A single column of generously spaced fields (a citizen's form, not an
 * office tool), logical properties throughout so Mongolian lays out in `writing-mode: vertical-lr`
 * (the host scrolls sideways, never the page). Large targets from the theme's `--sifa-target-size`
 * (48 px in the elderly theme); errors differ by a word, an icon-free border style and colour.
 * No style attributes anywhere (strict CSP).
 */
import { css } from 'lit';

export const applyStyles = css`
  :host {
    --sifa-apply-vertical-size: 36em;
    /* The containing block of the screen-reader-only texts: they never stretch the page. */
    position: relative;
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
    gap: calc(var(--sifa-space) * 1.5);
    padding: calc(var(--sifa-space) * 2);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .frame.vertical {
    writing-mode: vertical-lr;
    block-size: auto;
    inline-size: var(--sifa-apply-vertical-size);
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
    font-size: calc(var(--sifa-font-size-large) * 1.15);
  }
  h3,
  h4 {
    font-size: var(--sifa-font-size-large);
  }
  h5 {
    font-size: var(--sifa-font-size);
  }
  /* Every control shows where focus is (a date field's focus sits in its parts: the ring goes round it). */
  input:focus-within,
  select:focus-visible,
  textarea:focus-visible {
    outline: var(--sifa-focus-ring);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--sifa-focus-ring);
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  form,
  section,
  .status {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 1.5);
    min-inline-size: 0;
  }
  form > section + section {
    padding-block-start: var(--sifa-space);
    border-block-start: 1px solid var(--sifa-color-border);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
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
  input:not([type='checkbox']):not([type='radio']),
  select {
    min-block-size: var(--sifa-target-size);
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 36em;
    padding-inline: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  .vertical input:not([type='checkbox']):not([type='radio']),
  .vertical select,
  .vertical textarea {
    max-inline-size: 24em;
  }
  textarea {
    padding-block: var(--sifa-space);
    resize: block;
    min-block-size: calc(var(--sifa-target-size) * 2.5);
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: calc(var(--sifa-target-size) * 0.6);
    block-size: calc(var(--sifa-target-size) * 0.6);
    margin: 0;
    flex: none;
    accent-color: var(--sifa-color-primary);
  }
  button {
    min-inline-size: var(--sifa-target-size);
    padding-block: 2px;
    padding-inline: calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    cursor: pointer;
  }
  button:hover:not([disabled]) {
    border-color: var(--sifa-color-text);
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  button.primary {
    background: var(--sifa-color-primary);
    border-color: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
    font-weight: 600;
  }
  button.mode[aria-pressed='true'] {
    background: var(--sifa-color-surface-alt);
    border-color: var(--sifa-color-text);
    border-width: 2px;
    font-weight: 600;
  }
  button.link {
    min-block-size: 28px;
    min-inline-size: 0;
    padding: 2px 0;
    border: none;
    background: none;
    color: var(--sifa-color-focus);
    text-decoration: underline;
    text-align: start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-inline-size: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding: var(--sifa-space) calc(var(--sifa-space) * 1.5) calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    min-inline-size: 0;
  }
  fieldset.field {
    gap: var(--sifa-space);
  }
  legend {
    padding-inline: 4px;
  }
  fieldset.party {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    background: var(--sifa-color-surface-alt);
  }
  fieldset.party > button,
  fieldset.parties > button {
    align-self: flex-start;
  }
  .mark {
    font-weight: normal;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .mark.required {
    color: var(--sifa-color-danger);
  }
  .help,
  .muted {
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .intro {
    padding: var(--sifa-space) calc(var(--sifa-space) * 1.5);
    border-inline-start: 4px solid var(--sifa-color-primary);
    background: var(--sifa-color-surface-alt);
  }
  /* The office that receives the application, once a township is chosen. */
  .receiving {
    margin-block: var(--sifa-space) 0;
    padding: calc(var(--sifa-space) * 0.75) var(--sifa-space);
    border-inline-start: 4px solid var(--sifa-color-primary);
    background: var(--sifa-color-surface-alt);
    font-weight: 600;
  }
  .receiving .serves {
    display: block;
    font-weight: normal;
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space) calc(var(--sifa-space) * 2);
  }
  .pair > .field {
    flex: 1 1 14em;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 4px calc(var(--sifa-space) * 3);
  }
  .option,
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--sifa-space);
    min-block-size: var(--sifa-target-size);
    cursor: pointer;
  }
  .option {
    font-weight: normal;
  }
  .check {
    align-items: flex-start;
  }
  .check input {
    margin-block-start: 0.3em;
  }
  .consent {
    max-block-size: 14em;
    overflow: auto;
    padding: var(--sifa-space) calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
  }
  .vertical .consent {
    max-block-size: none;
    max-inline-size: 16em;
  }
  .invalid > input,
  .invalid > select,
  .invalid > textarea,
  fieldset.invalid {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
    border-style: dashed;
  }
  .field-error,
  .error {
    color: var(--sifa-color-danger);
    font-weight: 600;
  }
  .summary {
    padding: var(--sifa-space) calc(var(--sifa-space) * 1.5);
    border: 2px dashed var(--sifa-color-danger);
    border-radius: var(--sifa-radius);
    color: var(--sifa-color-danger);
  }
  .summary ul {
    margin: 4px 0 0;
    padding-inline-start: 1.25em;
  }
  .summary button.link {
    color: var(--sifa-color-danger);
  }
  .draft {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--sifa-space);
    align-items: baseline;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
    align-items: center;
  }
  .done {
    padding: calc(var(--sifa-space) * 1.5);
    border: 2px solid var(--sifa-color-success);
    border-radius: var(--sifa-radius);
  }
  .codes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space) calc(var(--sifa-space) * 4);
    margin: 0;
  }
  .codes dt {
    color: var(--sifa-color-text-muted);
  }
  .codes dd {
    margin: 0;
  }
  .code {
    font-family: ui-monospace, 'Noto Sans Mono', monospace;
    font-size: calc(var(--sifa-font-size-large) * 1.2);
    font-weight: 700;
    letter-spacing: 0.06em;
    overflow-wrap: anywhere;
  }
  .vertical .code {
    text-orientation: upright;
    letter-spacing: 0;
  }
  .keep {
    font-weight: 600;
  }
  .status {
    padding: calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
  }
  .state {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
    align-items: baseline;
  }
  .badge {
    padding-inline: var(--sifa-space);
    border: 1px solid currentColor;
    border-radius: var(--sifa-radius);
    font-size: var(--sifa-font-size-small);
  }
  .state.closed .badge {
    color: var(--sifa-color-success);
  }
  .state.open .badge {
    border-style: dashed;
    color: var(--sifa-color-warning);
  }
  ol.steps {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .when {
    color: var(--sifa-color-text-muted);
  }
  .docs {
    padding-block-start: var(--sifa-space);
    border-block-start: 1px solid var(--sifa-color-border);
  }
  ul.doc-list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  ul.doc-list:empty {
    display: none;
  }
  .doc-name {
    font-weight: 600;
  }
  progress {
    inline-size: 8em;
    max-inline-size: 100%;
    vertical-align: middle;
  }
  [hidden] {
    display: none !important;
  }
`;
