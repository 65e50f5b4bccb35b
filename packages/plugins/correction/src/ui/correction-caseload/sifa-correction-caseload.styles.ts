/** Styles of <sifa-correction-caseload> (the shared ones in ../shared/styles.ts). */
import { css } from 'lit';
import { correctionBaseStyles } from '../shared/styles.js';

export const caseloadStyles = [
  correctionBaseStyles,
  css`
    :host {
      --sifa-correction-caseload-vertical-size: 40em;
    }
    .frame.vertical {
      writing-mode: vertical-lr;
      block-size: var(--sifa-correction-caseload-vertical-size);
      inline-size: auto;
    }
    .rates-panel,
    .people {
      display: flex;
      flex-direction: column;
      gap: var(--sifa-space);
    }
    .rates {
      display: flex;
      flex-wrap: wrap;
      gap: var(--sifa-space);
    }
    .rate {
      flex: 1 1 9em;
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: var(--sifa-space);
      border: 1px solid var(--sifa-color-border);
      border-radius: var(--sifa-radius);
      background: var(--sifa-color-surface-alt);
    }
    .rate dt {
      color: var(--sifa-color-text-muted);
      font-size: var(--sifa-font-size-small);
    }
    .rate .value {
      font-size: var(--sifa-font-size-large);
      font-weight: bold;
    }
    .rate.ok .glyph {
      color: var(--sifa-color-success);
    }
    .rate.alarm {
      border-color: var(--sifa-color-danger);
      border-inline-start-width: 6px;
    }
    .rate.alarm .glyph,
    .rate.alarm .value,
    .facts .alarm dd {
      color: var(--sifa-color-danger);
    }
    .badge.alarm {
      border-color: var(--sifa-color-danger);
      color: var(--sifa-color-danger);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--sifa-space);
      align-items: flex-end;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .person-list {
      display: flex;
      flex-direction: column;
      gap: var(--sifa-space);
    }
    .person {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--sifa-space);
      padding: var(--sifa-space);
      border: 1px solid var(--sifa-color-border);
      border-radius: var(--sifa-radius);
    }
    .person.selected {
      border-color: var(--sifa-color-primary);
      border-inline-start-width: 6px;
    }
    .person.has-missed {
      border-inline-start: 6px solid var(--sifa-color-danger);
    }
    .person-head {
      flex: 1 1 100%;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em;
    }
    .facts {
      flex: 1 1 20em;
      display: flex;
      flex-wrap: wrap;
      gap: 4px calc(var(--sifa-space) * 2);
      font-size: var(--sifa-font-size-small);
    }
    .facts dt {
      color: var(--sifa-color-text-muted);
    }
    .facts dd {
      font-weight: bold;
    }
  `,
];
