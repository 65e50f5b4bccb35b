/**
 * Styles of what the form chunk (form.ts) renders in <sifa-diary>: quick entry and the entry
 * form. They come with that chunk, not with the widget's first load, and are added after the
 * widget's own styles (sifa-diary.styles.ts), where they stood in one sheet before: the cascade
 * is the same. Only form.ts imports this module.
 */
import { css } from 'lit';

export const formStyles = css`
  .error,
  .summary {
    color: var(--sifa-color-danger);
  }
  .help {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }

  .quick {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .items {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--sifa-space);
  }
  .item {
    display: inline-flex;
    gap: 2px;
  }
  .star[aria-pressed='true'] {
    color: var(--sifa-color-warning);
    border-color: var(--sifa-color-warning);
  }

  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 1.5);
    padding: calc(var(--sifa-space) * 1.5);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field label {
    font-weight: bold;
  }
  .req {
    font-weight: normal;
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .control {
    display: flex;
    align-items: center;
    gap: var(--sifa-space);
  }
  input,
  select,
  textarea {
    min-block-size: var(--sifa-target-size);
    padding-inline: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  input[type='number'] {
    inline-size: 8em;
  }
  textarea {
    min-block-size: 4.5em;
    inline-size: min(100%, 30em);
  }
  [aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
  }
  .error::before {
    content: '⚠ ';
  }
`;
