/**
 * What an applicant does after sending, with the number and the secret code (never in a URL):
 * download the receipt and add documents (`publicApplyReceiptPath`, `publicApplyAttachmentPath`
 * of @sifa/core: POST, the credentials in headers), and the view of both; saving files. A chunk of
 * its own, fetched when the result or the progress view is shown: the form's first load stays small.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { publicApplyAttachmentRequest, publicApplyReceiptPath, type Locale, type PublicApplyAttachResult, type PublicApplyDocument, type PublicFormView } from '@sifa/core';
import type { SifaClient } from '../client/client.js';
import { upload } from '../client/upload.js';
import { saveFile } from '../base/save-file.js';
import type { ApplyMessageKey } from './messages.js';

export { saveFile };

/** Saves lines as a text file (Windows line ends: Notepad shows them as lines). */
export function saveText(lines: string[], filename: string): void {
  saveFile(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/plain;charset=utf-8' }), filename);
}

export interface Credentials {
  number: string;
  code: string;
}

/** The receipt's .docx and its file name (from content-disposition). */
export async function downloadReceipt(client: SifaClient, who: Credentials, locale: Locale): Promise<{ blob: Blob; filename: string }> {
  const r = publicApplyAttachmentRequest({ key: '', number: who.number, code: who.code, fileName: '' });
  const credentials = Object.fromEntries(Object.entries(r.headers).filter(([name]) => name.startsWith('x-sifa-application-')));
  return client.withAuthRetry(async (headers) => {
    client.base(); // NOT_CONFIGURED before anything is sent
    const res = await fetch(`${client.config.endpoint}${publicApplyReceiptPath}`, { method: 'POST', credentials: 'omit', headers: { ...headers, ...client.localeHeader(locale), ...credentials } }).catch(() => null);
    if (!res) throw client.toError(0, { error: { message: 'network unreachable', data: { sifaCode: 'NETWORK' } } });
    if (!res.ok) throw client.toError(res.status, await res.json().catch(() => null));
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    return { blob: await res.blob(), filename: encoded ? decodeURIComponent(encoded) : `${who.number}.docx` };
  });
}

/** Sends one document; `onProgress` gets the bytes sent so far. */
export function addDocument(client: SifaClient, who: Credentials, file: File, locale: Locale, onProgress: (sent: number, total: number) => void): Promise<PublicApplyAttachResult> {
  const r = publicApplyAttachmentRequest({ key: '', number: who.number, code: who.code, fileName: file.name || 'document' });
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([name]) => name.startsWith('x-sifa-application-') || name === 'x-sifa-file-name'));
  return upload<PublicApplyAttachResult>(client, r.path as `/${string}`, file, { locale, onProgress, headers });
}

/** What the follow-up view shows and calls (the element keeps the state). */
export interface FollowupView {
  form: PublicFormView;
  /** The application is finished: documents can no longer be added. */
  closed: boolean;
  /** Shown in the progress view (else right after sending). */
  status: boolean;
  documents: PublicApplyDocument[];
  sending: { id: number; name: string; percent: number; error: string }[];
  receiptError: string;
  receiptBusy: boolean;
  t(key: ApplyMessageKey, params?: Record<string, string | number>): string;
  day(value: string): string;
  receipt(): void;
  addDocuments(input: HTMLInputElement): void;
}

/** A file size as people read it: 820 KB, 2.4 MB. */
const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The receipt and the documents of the application shown (documents only while it is open). */
export function renderFollowup(v: FollowupView): TemplateResult {
  const { t, form } = v;
  const docs = form.documents;
  return html`${form.receipt
      ? html`<div class="actions">
          <button type="button" class="secondary" ?disabled=${v.receiptBusy} @click=${() => v.receipt()}>${t('downloadReceipt')}</button>
          ${v.receiptError ? html`<p class="error" role="alert">${v.receiptError}</p>` : nothing}
        </div>`
      : nothing}
    ${docs && (!v.closed || v.documents.length)
      ? html`<section class="docs" aria-labelledby="docs-title">
          <h4 id="docs-title">${t(v.status ? 'statusDocuments' : 'docsSection')}</h4>
          ${v.documents.length
            ? html`<ul class="doc-list">
                ${v.documents.map((d) => html`<li><span class="doc-name">${d.name}</span> <span class="muted">${formatSize(d.bytes)} · ${v.day(d.addedOn)}</span></li>`)}
              </ul>`
            : nothing}
          ${v.closed
            ? nothing
            : html`<p class="help" id="docs-help">${t('docsHelp', { max: Math.floor(docs.maxFileBytes / 1024 / 1024), count: docs.maxFiles })}</p>
                <span class="file-pick">
                  <input id="docs-input" class="file-input" type="file" multiple accept=${docs.accept.join(',')} aria-describedby="docs-help" @change=${(e: Event) => v.addDocuments(e.target as HTMLInputElement)} />
                  <label for="docs-input" class="button-like">${t('docsAdd')}</label>
                </span>
                <div role="status">
                  <ul class="doc-list">
                    ${v.sending.map(
                      (u) => html`<li class=${u.error ? 'error' : ''}>${u.error ? t('docsFailed', { name: u.name, reason: u.error }) : t('docsUploading', { name: u.name })}${u.error ? nothing : html` <progress max="100" .value=${u.percent} aria-label=${u.name}></progress>`}</li>`,
                    )}
                  </ul>
                </div>`}
        </section>`
      : nothing}`;
}
