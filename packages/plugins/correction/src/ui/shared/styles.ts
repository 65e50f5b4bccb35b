/**
 * Styles both correction widgets share: controls, text, badges, forms. Logical properties
 * throughout (inline/block), so the same rules lay a widget out horizontally and, for Mongolian,
 * in `writing-mode: vertical-lr`. States differ by a glyph and their text as well as by colour.
 */
import { css } from 'lit';

export const correctionBaseStyles = css`
  :host {
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
  }
  :host([data-sifa-locale='mn-Mong']) {
    overflow-x: auto;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
  }
  h3,
  h4 {
    font-size: var(--sifa-font-size);
  }
  p,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .frame {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 2);
    padding: calc(var(--sifa-space) * 2);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
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
  input,
  select,
  textarea {
    min-block-size: var(--sifa-target-size);
    padding: 4px;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
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
  .glyph {
    display: inline-block;
    min-inline-size: 1.2em;
    text-align: center;
    font-weight: bold;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    padding-block-start: var(--sifa-space);
    border-block-start: 1px solid var(--sifa-color-border);
  }
  .form-title {
    font-weight: bold;
  }
  .small-form {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface-alt);
  }
`;
