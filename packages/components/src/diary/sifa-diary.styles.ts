/**
 * Styles of <sifa-diary>. Written with logical properties (inline/block) throughout, so the same
 * rules lay the widget out horizontally and, for Mongolian, in `writing-mode: vertical-lr`:
 * lines run top to bottom and follow each other left to right, the calendar's weekdays run down
 * and its weeks across. Day states differ by border style and a glyph as well as by colour.
 * What only the form chunk renders (quick entry, the entry form) is styled in form.styles.ts.
 */
import { css } from 'lit';

export const diaryStyles = css`
  :host {
    --sifa-diary-vertical-size: 34em;
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
  h4,
  h5 {
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
  h5 {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  p {
    margin: 0;
  }

  .diary {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 2);
    padding: calc(var(--sifa-space) * 2);
    border: 1px solid var(--sifa-color-border);
    border-radius: var(--sifa-radius);
    background: var(--sifa-color-surface);
  }
  /* Mongolian: the whole widget flows vertically; its height is the line length. */
  .diary.vertical {
    writing-mode: vertical-lr;
    inline-size: var(--sifa-diary-vertical-size);
  }
  /* Day numbers and marks stand upright in one cell, drawn by the CJK/Latin font (Mongolian
     fonts draw Latin glyphs turned for rotated runs). */
  .vertical .num,
  .vertical .mark,
  .vertical .swatch {
    text-combine-upright: all;
    text-orientation: upright;
    font-family: var(--sifa-font-family);
  }
  /* Across a vertical line the cell is as wide as the line height: give "✓1" room. */
  .vertical .day .mark {
    line-height: 1.6;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--sifa-space);
  }
  .status-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
    font-size: var(--sifa-font-size-small);
  }
  .status {
    padding-block: 2px;
    padding-inline: var(--sifa-space);
    border-radius: var(--sifa-radius);
    border: 1px solid var(--sifa-color-border);
  }
  .status.offline {
    border-style: dashed;
    border-color: var(--sifa-color-warning);
    color: var(--sifa-color-warning);
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
  button.primary {
    background: var(--sifa-color-primary);
    border-color: var(--sifa-color-primary);
    color: var(--sifa-color-on-primary);
  }
  button.danger {
    border-color: var(--sifa-color-danger);
    color: var(--sifa-color-danger);
  }
  button:hover {
    border-color: var(--sifa-color-text);
  }

  /* The buttons keep their words whole; on a narrow screen the row wraps instead. */
  .month-nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sifa-space);
  }
  .month-nav button {
    flex: none;
  }
  .month-nav h3 {
    min-inline-size: 8em;
    text-align: center;
  }

  .calendar {
    display: grid;
    grid-template-columns: repeat(7, minmax(var(--sifa-target-size), 1fr));
    gap: 4px;
    max-inline-size: 36em;
  }
  .weekday {
    text-align: center;
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .day {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
    min-block-size: calc(var(--sifa-target-size) * 1.4);
    padding: 2px;
    border-width: 2px;
    line-height: 1.1;
  }
  .day .mark {
    font-size: var(--sifa-font-size-small);
    min-block-size: 1em;
  }
  /* A day and its legend swatch look alike (the swatch's border is solid by default). */
  .day.filled {
    border-style: solid;
  }
  .day.filled,
  .swatch.filled {
    border-color: var(--sifa-color-success);
    background: var(--sifa-color-surface-alt);
  }
  .day.filled .mark,
  .swatch.filled {
    color: var(--sifa-color-success);
  }
  .day.missing,
  .swatch.missing {
    border-style: dashed;
    border-color: var(--sifa-color-danger);
  }
  .day.missing .mark,
  .swatch.missing {
    color: var(--sifa-color-danger);
  }
  .day.missing .mark {
    font-weight: bold;
  }
  .day.future,
  .swatch.future {
    border-style: dotted;
  }
  .day.future {
    cursor: default;
  }
  .day.rest,
  .swatch.rest {
    border-color: transparent;
  }
  .day.future,
  .day.rest {
    color: var(--sifa-color-text-muted);
  }
  .day.today .num {
    text-decoration: underline;
    text-decoration-thickness: 2px;
    font-weight: bold;
  }
  .day[aria-pressed='true'] {
    box-shadow: inset 0 0 0 2px var(--sifa-color-primary);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--sifa-space) * 2);
    font-size: var(--sifa-font-size-small);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  /* The glyph (✓, !) must fit inside: the box is sized by its content area, not its border,
     and never shrinks in the legend's flex line. */
  .swatch {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    box-sizing: content-box;
    inline-size: 1.4em;
    block-size: 1.4em;
    border: 2px solid var(--sifa-color-border);
    line-height: 1;
  }

  .day-panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--sifa-space) * 1.5);
  }
  .entries {
    display: flex;
    flex-direction: column;
    gap: var(--sifa-space);
  }
  .entry {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--sifa-space);
    border: 1px solid var(--sifa-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--sifa-radius);
  }
  /* The entry just saved takes the focus (keyboard users stay where they were working). */
  .entry:focus-visible {
    outline: 3px solid var(--sifa-color-primary);
    outline-offset: 2px;
  }
  .read-only {
    color: var(--sifa-color-text-muted);
  }
  .entry.synced {
    border-inline-start-color: var(--sifa-color-success);
  }
  .entry.local,
  .entry.syncing {
    border-inline-start-style: dashed;
    border-inline-start-color: var(--sifa-color-warning);
  }
  .entry.rejected {
    border-inline-start-style: double;
    border-inline-start-color: var(--sifa-color-danger);
  }
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
    align-items: baseline;
    justify-content: space-between;
    font-weight: bold;
  }
  .badge {
    font-weight: normal;
    font-size: var(--sifa-font-size-small);
    padding-inline: 4px;
    border: 1px solid currentColor;
    border-radius: var(--sifa-radius);
  }
  .badge.synced {
    color: var(--sifa-color-success);
  }
  .badge.local,
  .badge.syncing {
    color: var(--sifa-color-warning);
    border-style: dashed;
  }
  .badge.rejected {
    color: var(--sifa-color-danger);
    border-style: double;
    border-width: 3px;
  }
  .fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px calc(var(--sifa-space) * 2);
    margin: 0;
    font-size: var(--sifa-font-size-small);
  }
  .fields .pair {
    display: contents;
  }
  .fields dt {
    color: var(--sifa-color-text-muted);
  }
  .fields dd {
    margin: 0;
  }
  .reason {
    color: var(--sifa-color-danger);
  }
  .meta {
    font-size: var(--sifa-font-size-small);
    color: var(--sifa-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sifa-space);
  }

  /* Quick entry's and the form's styles come with the form chunk: form.styles.ts. */
`;
