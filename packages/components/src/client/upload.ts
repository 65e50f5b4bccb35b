/**
 * The sending half of `SifaClient.upload` (a chunk of its own: only pages that upload load it).
 * XMLHttpRequest, because fetch cannot report upload progress; with a `fetch` of the client or the
 * page configuration (a demo answering from memory) it goes through that and reports only the end.
 */
import { SifaClientError, type UploadOptions } from './client.js';

const aborted = () => new SifaClientError({ message: 'aborted', data: { sifaCode: 'ABORTED' } }, 0);
const unreachable = () => new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0);

export async function sendFile<T>(
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
