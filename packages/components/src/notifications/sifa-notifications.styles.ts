import { css } from 'lit';

export const notificationsStyles = css`
  :host {
    display: inline-block;
    position: relative;
    font-family: var(--sifa-font-family);
    font-size: var(--sifa-font-size);
    line-height: var(--sifa-line-height);
    color: var(--sifa-color-text);
  }
  :host([inline]) {
    display: block;
  }
  .frame {
    position: relative;
  }
  .bell {
    position: relative;
    min-width: var(--sifa-target-size);
    min-height: var(--sifa-target-size);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
    color: var(--sifa-color-text);
    cursor: pointer;
  }
  .badge {
    position: absolute;
    top: -0.4em;
    inset-inline-end: -0.4em;
    min-width: 1.5em;
    padding: 0 0.3em;
    border-radius: 999px;
    background: var(--sifa-color-danger);
    color: #fff;
    font-size: var(--sifa-font-size-small);
    font-weight: 700;
    line-height: 1.5em;
  }
  .panel {
    background: var(--sifa-color-surface);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    box-shadow: var(--sifa-shadow);
    padding: var(--sifa-space);
    width: min(26rem, 92vw);
    max-height: 70vh;
    overflow: auto;
    /* The host page's alignment (a header aligned to its end) must not reach the list's text. */
    text-align: start;
  }
  :host(:not([inline])) .panel {
    position: absolute;
    inset-inline-start: 0;
    top: calc(100% + 0.4rem);
    z-index: 10;
  }
  /* A bell at the end of a header opens its list towards the start. */
  :host([align='end']:not([inline])) .panel {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  /* Where the asked side would leave the screen, the list opens towards the other one. */
  :host(:not([inline])) .flipped .panel {
    inset-inline-start: 0;
    inset-inline-end: auto;
  }
  :host([align='start']:not([inline])) .flipped .panel {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  :host([inline]) .panel {
    width: auto;
    box-shadow: none;
  }
  header {
    display: flex;
    gap: var(--sifa-space);
    align-items: baseline;
    flex-wrap: wrap;
  }
  h2 {
    font-size: var(--sifa-font-size-large);
    margin: 0;
    flex: 1;
  }
  .link {
    background: none;
    border: none;
    padding: 0.25em 0;
    min-height: var(--sifa-target-size);
    color: var(--sifa-color-primary);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-top: 1px solid var(--sifa-color-border);
    padding: 0.5rem 0;
  }
  .item p {
    margin: 0.15rem 0;
  }
  .unread .head strong::before {
    content: '';
    display: inline-block;
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: var(--sifa-color-primary);
    margin-inline-end: 0.4em;
    vertical-align: middle;
  }
  .severity {
    font-size: var(--sifa-font-size-small);
    border: 1px solid currentColor;
    border-radius: var(--sifa-radius);
    padding: 0 0.3em;
    margin-inline-end: 0.4em;
  }
  .warning .severity {
    color: var(--sifa-color-warning);
  }
  .urgent .severity {
    color: var(--sifa-color-danger);
  }
  .body,
  .meta,
  .empty {
    color: var(--sifa-color-text-muted);
  }
  .meta {
    display: flex;
    gap: var(--sifa-space);
    align-items: center;
    flex-wrap: wrap;
    font-size: var(--sifa-font-size-small);
  }
  .error {
    color: var(--sifa-color-danger);
  }
  /* Mongolian: the list flows vertically, lines left to right. */
  .vertical .panel {
    writing-mode: vertical-lr;
    font-family: var(--sifa-font-family-mongolian);
    max-height: none;
    max-width: 92vw;
    height: 26rem;
  }
`;
