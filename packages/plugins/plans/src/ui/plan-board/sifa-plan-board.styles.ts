/**
 * Styles of <sifa-plan-board>. Logical properties throughout (inline/block), so the same rules
 * lay the board out horizontally and, for Mongolian, in `writing-mode: vertical-lr`. Statuses
 * differ by a glyph and their text as well as by colour; overdue items have a thick start border.
 */
import { css } from 'lit';

export const planBoardStyles = css`
  :host {
    --sifa-plan-board-vertical-size: 40em;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
  }
  :host([data-sifa-locale='mn-Mong']) {
    overflow-x: auto;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
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
  h3,
  h4,
  h5 {
    font-size: var(--sifa-font-size);
  }
  p {
    margin: 0;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .board {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 2);
    padding: calc(var(--sifa-space) * 2);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  /* Mongolian: the whole board flows vertically; its height is the line length. */
  .board.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-plan-board-vertical-size);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }
  .head .period {
    color: var(--sifa-color-text-muted);
  }
  .head .refresh {
    margin-inline-start: auto;
  }

  button {
    min-block-size: var(--sifa-target-size);
    min-inline-size: var(--sifa-target-size);
    padding-block: 2px;
    padding-inline: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--sifa-color-text);
  }
  button:disabled {
    cursor: default;
    opacity: 0.7;
  }
  button.primary {
    background: var(--sifa-color-primary);
    border-color: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
  }
  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--sifa-color-primary);
    text-decoration: underline;
  }
  a {
    color: var(--sifa-color-primary);
  }

  .muted,
  .meta {
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .announce:empty {
    display: none;
  }
  .error,
  .field-error {
    color: var(--sifa-color-danger);
  }
  .warning {
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-warning);
    border-radius: var(--sifa-radius);
    color: var(--sifa-color-warning);
  }
  .badge {
    display: inline-block;
    padding-inline: 6px;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    font-size: var(--sifa-font-size-small);
    font-weight: normal;
    color: var(--sifa-color-text-muted);
  }
  .badge.demo {
    border-style: dashed;
  }

  .overdue-panel,
  .plans {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .overdue-list {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .overdue-item {
    display: flex;
    align-items: flex-start;
    gap: var(--sifa-space);
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-danger);
    border-inline-start-width: 6px;
    border-radius: var(--sifa-radius);
  }
  .overdue-text {
    flex: 1;
  }
  .glyph {
    display: inline-block;
    min-inline-size: 1.2em;
    text-align: center;
    font-weight: bold;
  }
  .overdue-item .glyph,
  .status-overdue .status {
    color: var(--sifa-color-danger);
  }

  /* Collapsed groups (many overdue items, many assignees): a summary line that opens on demand. */
  .overdue-groups {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .overdue-group {
    border: 1px solid var(--sifa-color-danger);
    border-inline-start-width: 6px;
    border-radius: var(--sifa-radius);
  }
  .overdue-group .overdue-list {
    padding: var(--sifa-space);
  }
  .group-toggle {
    display: flex;
    align-items: baseline;
    gap: 0.4em;
    inline-size: 100%;
    border-color: transparent;
    background: transparent;
    text-align: start;
  }
  .group-toggle .meta {
    display: block;
  }
  .assignees-toggle {
    inline-size: auto;
    color: var(--sifa-color-primary);
    text-decoration: underline;
  }
  .overdue-list[hidden],
  .instances[hidden] {
    display: none;
  }

  .plan-list {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 1.5);
  }
  .plan {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
  }
  .plan-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }
  .toggle {
    border-color: transparent;
    background: transparent;
    font-weight: bold;
    text-align: start;
  }
  .plan-body {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    margin-block-start: var(--sifa-space);
  }
  .plan-body[hidden] {
    display: none;
  }

  .bar {
    display: flex;
    align-items: center;
    gap: var(--sifa-space);
  }
  progress {
    inline-size: 12em;
    max-inline-size: 60%;
    block-size: 0.8em;
    accent-color: var(--sifa-color-primary);
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding-block-start: var(--sifa-space);
    border-block-start: 1px solid var(--sifa-color-border);
  }
  .instances {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .instance {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
  }
  .instance.status-overdue {
    border-color: var(--sifa-color-danger);
    border-inline-start-width: 6px;
  }
  .instance.status-done .status {
    color: var(--sifa-color-success);
  }
  .instance.status-behind .status {
    color: var(--sifa-color-warning);
  }
  .who {
    font-weight: bold;
  }

  details > summary {
    cursor: pointer;
    min-block-size: var(--sifa-target-size);
    display: flex;
    align-items: center;
  }
  /* A wide table scrolls inside its own box, never past the widget (screen-reader text positioned in it). */
  .table-scroll {
    position: relative;
    max-inline-size: 100%;
    overflow-x: auto;
  }
  /* Closed: not laid out at all (Chromium keeps the boxes of a closed <details>' content). */
  details:not([open]) > .table-scroll {
    display: none;
  }
  table {
    border-collapse: collapse;
    font-size: var(--sifa-font-size-small);
  }
  th,
  td {
    padding: 2px var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    text-align: start;
  }
  .timeline ol {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding-inline-start: var(--sifa-space);
    border-inline-start: 2px solid var(--sifa-color-border);
  }
  .entry time {
    display: block;
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .entry.escalation {
    color: var(--sifa-color-danger);
  }

  .checked {
    display: flex;
    flex-direction: column;
    gap: 2px;
    align-items: flex-start;
  }
  .check-form {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  .form-title {
    font-weight: bold;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .field input,
  .field textarea {
    padding: 4px;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  .field [aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
  }
  .actions {
    display: flex;
    gap: var(--sifa-space);
  }
`;
