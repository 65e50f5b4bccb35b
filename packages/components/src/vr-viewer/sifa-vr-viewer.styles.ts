/**
 * Styles of <sifa-vr-viewer>: theme tokens only (no colours of its own besides the panorama's
 * backdrop). The panorama is a horizontal picture in every language; for Mongolian the text
 * around it (title, buttons, notices, the hotspot list, dialogs) is written in
 * `writing-mode: vertical-lr`: lines top to bottom, following each other left to right.
 */
import { css } from 'lit';

export const vrViewerStyles = css`
  :host {
    --sifa-vr-viewer-vertical-size: 12em;
  }
  .viewer {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    padding: var(--sifa-space);
  }
  :host(:fullscreen) {
    display: flex;
    flex-direction: column;
    background: var(--sifa-color-surface);
  }
  :host(:fullscreen) .viewer {
    flex: 1;
    min-height: 0;
  }
  :host(:fullscreen) .stage {
    flex: 1;
    height: auto;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  h2 {
    margin: 0;
    font-size: var(--sifa-font-size-large);
  }
  h3 {
    margin: 0 0 var(--sifa-space);
    font-size: var(--sifa-font-size);
  }
  .scene-title {
    font-weight: normal;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }
  button,
  select {
    font: inherit;
    min-height: var(--sifa-target-size);
    min-width: var(--sifa-target-size);
    border-radius: var(--sifa-radius);
    border: 1px solid var(--sifa-color-border);
    background: var(--sifa-color-surface-alt);
    color: var(--sifa-color-text);
    padding: 0 calc(var(--sifa-space) * 1.5);
    cursor: pointer;
  }
  button[aria-pressed='true'],
  button[aria-expanded='true'] {
    background: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
    border-color: var(--sifa-color-primary);
  }
  .stage {
    position: relative;
    height: var(--sifa-vr-viewer-height, 420px);
    overflow: hidden;
    border-radius: var(--sifa-radius);
    background: #000;
    touch-action: none;
  }
  .stage.empty {
    height: auto;
    min-height: var(--sifa-target-size);
    background: var(--sifa-color-surface-alt);
  }
  .view {
    position: absolute;
    inset: 0;
    cursor: grab;
  }
  .view:active {
    cursor: grabbing;
  }
  .view:focus-visible {
    outline-offset: -4px;
  }
  canvas,
  .flat {
    display: block;
    width: 100%;
    height: 100%;
  }
  .flat {
    object-fit: cover;
  }
  .spots {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .spot {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: 4px;
    border-radius: 999px;
    border: 2px solid var(--sifa-color-on-primary);
    background: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
    padding: 0 var(--sifa-space);
    box-shadow: var(--sifa-shadow);
    will-change: transform;
  }
  .spot[hidden] {
    display: none;
  }
  .glyph {
    font-weight: bold;
  }
  .spot .tip {
    max-width: 14em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .loading,
  .progress {
    position: absolute;
    left: var(--sifa-space);
    bottom: var(--sifa-space);
  }
  .loading {
    margin: 0;
    padding: 2px var(--sifa-space);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
  }
  .progress {
    right: var(--sifa-space);
    width: calc(100% - 2 * var(--sifa-space));
    accent-color: var(--sifa-color-primary);
  }
  .error {
    color: var(--sifa-color-danger);
    margin: 0;
  }
  .notice,
  .archived {
    margin: 0;
    color: var(--sifa-color-text-muted);
  }
  .archived {
    color: var(--sifa-color-warning);
  }
  .list ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--sifa-space);
  }
  .list li {
    border-top: 1px solid var(--sifa-color-border);
    padding-top: var(--sifa-space);
  }
  .does {
    display: block;
    color: var(--sifa-color-text-muted);
    font-size: var(--sifa-font-size-small);
  }
  .description {
    margin: 4px 0 0;
  }
  dialog {
    max-width: min(42em, 92vw);
    width: 100%;
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    padding: calc(var(--sifa-space) * 2);
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.5);
  }
  .dialog-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: var(--sifa-space);
  }
  audio,
  video {
    width: 100%;
    margin-top: var(--sifa-space);
  }
  .transcript {
    white-space: pre-line;
  }

  /* Mongolian: vertical text beside and below the (horizontal) panorama. */
  .vertical .bar {
    align-items: start;
  }
  .vertical h2,
  .vertical .tools > *,
  .vertical .notice,
  .vertical .error,
  .vertical .archived,
  .vertical .loading {
    writing-mode: vertical-lr;
    max-block-size: none;
    max-inline-size: var(--sifa-vr-viewer-vertical-size);
  }
  .vertical .tools button,
  .vertical .tools select {
    padding: calc(var(--sifa-space) * 1.5) 0;
  }
  .vertical .list {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-vr-viewer-vertical-size);
    overflow-x: auto;
    max-inline-size: 100%;
  }
  .vertical .list li {
    border-top: none;
    border-left: 1px solid var(--sifa-color-border);
    padding: 0 0 0 var(--sifa-space);
  }
  .vertical dialog {
    writing-mode: vertical-lr;
    width: auto;
    max-width: 92vw;
    inline-size: min(24em, 80vh);
    block-size: auto;
    max-inline-size: 80vh;
    max-block-size: 92vw;
  }
  .vertical audio,
  .vertical video {
    writing-mode: horizontal-tb;
  }
`;
