/**
 * Styles of <sifa-correction-list>. Logical properties throughout (inline/block), so the same rules
 * lay it out horizontally and, for Mongolian, in `writing-mode: vertical-lr`. Colours and sizes
 * come from the theme tokens (light, dark, high-contrast, elderly).
 */
import { css } from 'lit';

export const correctionListStyles = css`
  :host {
    --sifa-correction-list-vertical-size: 30em;
    color: var(--sifa-color-text);
  }
  :host([data-sifa-locale='mn-Mong']) {
    overflow-x: auto;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    line-height: 1.3;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    padding: calc(var(--sifa-space) * 2);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  /* Mongolian: the widget flows vertically; its height is the line length. */
  .list.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-correction-list-vertical-size);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }
  .refresh {
    margin-inline-start: auto;
    min-block-size: var(--sifa-target-size);
    min-inline-size: var(--sifa-target-size);
    padding-inline: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .refresh:hover {
    border-color: var(--sifa-color-text);
  }
  .refresh:disabled {
    cursor: default;
    opacity: 0.7;
  }

  .muted {
    color: var(--sifa-color-text-muted);
  }
  .error {
    color: var(--sifa-color-danger);
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
    padding-block-end: 4px;
  }
  th,
  td {
    padding-block: 4px;
    padding-inline: var(--sifa-space);
    border-block-end: 1px solid var(--sifa-color-border);
    text-align: start;
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
