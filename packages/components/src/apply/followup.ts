/**
 * What an applicant does after sending, with the number and the secret code (never in a URL):
 * download the receipt and add documents (`publicApplyReceiptPath`, `publicApplyAttachmentPath`
 * of @sifa/core: POST, the credentials in headers). A chunk of its own, fetched when the result
 * or the progress view is shown: the form's first load stays small.
 */
import { publicApplyAttachmentRequest, publicApplyReceiptPath, type Locale, type PublicApplyAttachResult } from '@sifa/core';
import type { SifaClient } from '../client/client.js';
import { upload } from '../client/upload.js';

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
