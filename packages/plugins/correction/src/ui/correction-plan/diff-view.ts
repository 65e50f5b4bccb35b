/**
 * The re-generation diff of <sifa-correction-plan>: a chunk of its own, loaded with the first
 * preview (most visits never preview), so the element's first load stays small.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CorrectionPlanMessageKey } from './messages.js';
import type { PreviewView } from './sifa-correction-plan.js';

export interface DiffContext {
  preview: PreviewView;
  busy: boolean;
  t(key: CorrectionPlanMessageKey, params?: Record<string, string | number>): string;
  label(text: { zh: string; en: string; mn?: string | undefined }): string | TemplateResult;
  measureName(id: string): string;
  apply(): void;
  cancel(): void;
}

export function renderDiff({ preview, busy, t, label, measureName, apply, cancel }: DiffContext): TemplateResult {
  const d = preview.diff;
  const nothingChanges = d.added.length === 0 && d.removed.length === 0 && d.overrides.dropped.length === 0;
  const entry = (kind: 'added' | 'removed', glyph: string, e: { label: { zh: string; en: string; mn?: string | undefined }; by: string }) =>
    html`<li data-diff=${kind}><span class="glyph" aria-hidden="true">${glyph}</span> ${label(e.label)}${e.by === 'staff' ? t('diffByStaff') : ''}</li>`;
  return html`<div part="diff" class="diff" role="group" aria-labelledby="diff-title">
    <h4 id="diff-title" tabindex="-1">${t('previewTitle')}</h4>
    ${nothingChanges ? html`<p class="muted">${t('previewNoChange')}</p>` : nothing}
    ${d.added.length ? html`<p class="diff-label">${t('diffAdded')}</p><ul class="diff-list added">${d.added.map((e) => entry('added', '+', e))}</ul>` : nothing}
    ${d.removed.length ? html`<p class="diff-label">${t('diffRemoved')}</p><ul class="diff-list removed">${d.removed.map((e) => entry('removed', '−', e))}</ul>` : nothing}
    ${d.overrides.dropped.map((o) => html`<p class="muted">${t('diffDropped', { measure: measureName(o.measureId) })}</p>`)}
    <p class="muted">${t('diffUnchanged', { count: d.unchanged.length })}</p>
    <div class="actions">
      <button type="button" class="primary" data-action="apply" ?disabled=${busy} @click=${apply}>${t('apply')}</button>
      <button type="button" @click=${cancel}>${t('cancel')}</button>
    </div>
  </div>`;
}
