/**
 * Styles of <sifa-org-picker>: a label over a text box whose list opens below it (over what
 * follows, never pushing it), logical properties throughout so Mongolian's vertical layout
 * (inherited from the host's writing mode, or the picker's own) opens it beside the box.
 */
import { css } from 'lit';

export const orgPickerStyles = css`
  :host {
    --sifa-org-picker-list-size: 16em;
    display: block;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .field.vertical {
    font-family: var(--sifa-font-family-mongolian);
  }
  .box {
    position: relative;
  }
  input {
    inline-size: 100%;
    min-block-size: var(--sifa-target-size);
    font: inherit;
    color: inherit;
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: 0 var(--sifa-space);
  }
  input[aria-invalid='true'] {
    border-color: var(--sifa-color-danger);
    border-width: 2px;
  }
  [role='listbox'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(100% + 2px);
    z-index: 10;
    max-block-size: var(--sifa-org-picker-list-size);
    overflow: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    box-shadow: var(--sifa-shadow);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--sifa-space);
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
    min-block-size: var(--sifa-target-size);
    align-items: center;
    cursor: pointer;
  }
  .option:hover {
    background: var(--sifa-color-surface-alt);
  }
  .option.active {
    background: var(--sifa-color-surface-alt);
    outline: 2px solid var(--sifa-color-focus);
    outline-offset: -2px;
  }
  .code {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .note {
    padding: calc(var(--sifa-space) / 2) var(--sifa-space);
    color: var(--sifa-color-text-muted);
  }
  .hint {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .message {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-danger);
  }
`;
