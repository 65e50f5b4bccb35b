/**
 * File uploads to signed-in routes of the Sifa server, kept out of `SifaClient` so that widgets
 * that never upload (the diary's first load is budgeted) carry none of it. XMLHttpRequest, because
 * fetch cannot report upload progress; with a `fetch` of the client or the page configuration (a
 * demo answering from memory) it goes through that and reports only the end.
 */
import { SifaClientError, type SifaClient } from './client.js';
import type { Locale } from '@sifa/core';

export interface UploadOptions {
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  locale?: Locale;
  /** More request headers (a public route's credentials, e.g. an application's number and code). */
  headers?: Record<string, string>;
}

/**
 * Sends a file as the raw body of a POST to a signed-in route of the Sifa server (e.g. a case's
 * attachments, `/plugins/mediation/cases/<id>/attachments?name=…`), with the embed token like
 * any call of `client`, and resolves with the route's JSON answer. `onProgress` gets the bytes
 * sent so far. A refusal comes back as the server's typed error; an abort as sifaCode ABORTED.
 */
export function upload<T = unknown>(client: SifaClient, path: `/${string}`, body: Blob, options: UploadOptions = {}): Promise<T> {
  client.base(); // NOT_CONFIGURED before anything is sent
  return client.withAuthRetry((headers) =>
    sendFile<T>(`${client.config.endpoint}${path}`, body, { ...headers, ...client.localeHeader(options.locale), ...options.headers }, options, client.options.fetch ?? client.config.fetch, (status, parsed) => client.toError(status, parsed)),
  );
}

const aborted = () => new SifaClientError({ message: 'aborted', data: { sifaCode: 'ABORTED' } }, 0);
const unreachable = () => new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0);

async function sendFile<T>(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  options: UploadOptions,
  custom: typeof fetch | undefined,
  toError: (status: number, parsed: unknown) => SifaClientError,
): Promise<T> {
  const all = { ...headers, 'content-type': body.type || 'application/octet-stream' };
  if (custom || typeof XMLHttpRequest === 'undefined') {
    let res: Response;
    try {
      res = await (custom ?? fetch)(url, { method: 'POST', headers: all, body, credentials: 'omit', ...(options.signal ? { signal: options.signal } : {}) });
    } catch {
      throw options.signal?.aborted ? aborted() : unreachable();
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's page.
    }
    if (!res.ok) throw toError(res.status, parsed);
    options.onProgress?.(body.size, body.size);
    return parsed as T;
  }
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(all)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON: a proxy's page.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(body.size, body.size);
        resolve(parsed as T);
      } else reject(toError(xhr.status, parsed));
    };
    xhr.onerror = () => reject(unreachable());
    xhr.onabort = () => reject(aborted());
    if (options.signal?.aborted) {
      reject(aborted());
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
