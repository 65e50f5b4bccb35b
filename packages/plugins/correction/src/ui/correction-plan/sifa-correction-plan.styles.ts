/** Styles of <sifa-correction-plan> (the shared ones in ../shared/styles.ts). */
import { css } from 'lit';
import { correctionBaseStyles } from '../shared/styles.js';

export const correctionPlanStyles = [
  correctionBaseStyles,
  css`
    :host {
      --sifa-correction-plan-vertical-size: 44em;
      /* Mongolian columns run sideways: they scroll inside the widget, never the page (its
         positioned screen-reader text included: the host is their containing block). */
      position: relative;
      overflow-x: auto;
    }
    /* Mongolian: the whole widget flows vertically; its height is the line length. */
    .frame.vertical {
      writing-mode: vertical-lr;
      /* The column height; a whole plan is many columns wide and scrolls sideways inside the widget. */
      inline-size: var(--sifa-correction-plan-vertical-size);
    }
    .groups,
    .profile-form {
      display: flex;
      flex-wrap: wrap;
      gap: var(--sifa-space);
    }
    .profile-form > .actions,
    .profile-form > .error {
      flex-basis: 100%;
    }
    .group {
      flex: 1 1 18em;
      min-inline-size: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: var(--sifa-space);
      border: 1px solid var(--sifa-color-border);
      border-radius: var(--sifa-radius);
    }
    legend {
      font-weight: bold;
      padding-inline: 4px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .control {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .control select,
    .control input {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .unit {
      color: var(--sifa-color-text-muted);
      white-space: nowrap;
    }
    .values .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      justify-content: space-between;
    }
    .values dt {
      color: var(--sifa-color-text-muted);
    }
    .masked-note .masked {
      font-family: monospace;
      color: var(--sifa-color-text-muted);
    }
    .notice,
    .diff {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: var(--sifa-space);
      border: 1px solid var(--sifa-color-warning);
      border-inline-start-width: 6px;
      border-radius: var(--sifa-radius);
    }
    .notice {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
    }
    .diff-label {
      font-weight: bold;
    }
    .diff-list.added .glyph {
      color: var(--sifa-color-success);
    }
    .diff-list.removed .glyph {
      color: var(--sifa-color-danger);
    }
    .measures {
      display: flex;
      flex-direction: column;
      gap: var(--sifa-space);
    }
    /* Wide screens: measures side by side (a plan has 10–20). */
    .frame:not(.vertical) .measures:not(.removed) {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 26em), 1fr));
      align-items: start;
    }
    .conditions > summary {
      cursor: pointer;
      min-block-size: var(--sifa-target-size);
      display: flex;
      align-items: center;
      font-size: var(--sifa-font-size-small);
    }
    .measure {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: var(--sifa-space);
      border: 1px solid var(--sifa-color-border);
      border-radius: var(--sifa-radius);
      background: var(--sifa-color-surface-alt);
    }
    .measure-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em;
    }
    .why {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding-inline-start: var(--sifa-space);
      border-inline-start: 2px solid var(--sifa-color-border);
    }
    .why-label {
      font-size: var(--sifa-font-size-small);
      font-weight: bold;
    }
    .reasons {
      font-size: var(--sifa-font-size-small);
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .rule {
      font-weight: bold;
    }
    .staff {
      color: var(--sifa-color-warning);
    }
    .task-list {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .task {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 4px var(--sifa-space);
      border: 1px solid var(--sifa-color-border);
      border-radius: var(--sifa-radius);
    }
    .task-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em;
    }
    .task.status-missed {
      border-color: var(--sifa-color-danger);
      border-inline-start-width: 6px;
    }
    .task.status-missed .status,
    .task.status-missed .glyph {
      color: var(--sifa-color-danger);
    }
    .task.status-done .status,
    .task.status-done .glyph {
      color: var(--sifa-color-success);
    }
    .task > button {
      align-self: flex-start;
    }
    .score {
      font-weight: bold;
    }
  `,
];
