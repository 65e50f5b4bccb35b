/**
 * A file picker that speaks the widget's language: the native file input's own words ("Choose
 * Files", "No file chosen") follow the browser, not the widget, so the input is transparent over
 * the widget's label, styled as a button; it is still the control that is focused and read out.
 * Markup: `<span class="file-pick"><input class="file-input" type="file" id=x><label for=x class="button-like">…</label></span>`.
 */
import { css } from 'lit';

export const filePickStyles = css`
  .file-pick {
    position: relative;
    display: inline-flex;
    align-self: start;
  }
  .file-input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .button-like {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--sifa-target-size);
    padding-inline: calc(var(--sifa-space) * 1.25);
    border: 1px solid var(--sifa-color-primary);
    border-radius: var(--sifa-radius);
    color: var(--sifa-color-primary);
    background: var(--sifa-color-surface);
    cursor: pointer;
  }
  .file-pick:focus-within .button-like {
    outline: var(--sifa-focus-ring);
    outline-offset: 2px;
  }
  .file-pick:hover .button-like {
    border-color: var(--sifa-color-text);
  }
`;
