/**
 * Origins: validation of the origins an administrator allows on a key, the same-origin test,
 * and the CORS headers of /trpc. A browser request whose Origin is not the server's own must
 * carry a publishable key or an embed token whose key lists that origin (server.ts); the
 * CORS headers only tell the browser it may read the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The canonical form of an origin (`scheme://host[:port]`, lower case, default port dropped), or
 * null when `value` is not an http(s) origin without path, query, fragment or credentials.
 */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return url.origin;
}

/** True when a browser's Origin header names this server itself (either scheme, same Host). */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  // The Host header as the browser sent it; a TLS proxy in front keeps Host, hence either scheme.
  const h = host.toLowerCase();
  return origin === `http://${h}` || origin === `https://${h}`;
}

/** The Origin of a cross-origin browser request, or null (no Origin, or our own origin). */
export function crossOriginOf(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  return isSameOrigin(origin, req.headers.host) ? null : origin;
}

/** Besides the usual ones, the headers of a public application's document upload (core `public-apply.ts`). */
export const corsAllowHeaders = 'authorization, content-type, last-event-id, x-sifa-key, x-sifa-locale, x-request-id, x-sifa-application-number, x-sifa-application-code, x-sifa-file-name';
export const corsMaxAgeSeconds = 600;

/** Headers every answer to an allowed cross-origin request carries. */
export function setCorsHeaders(res: ServerResponse, origin: string): void {
  res.setHeader('access-control-allow-origin', origin);
  // content-disposition: the file name of a download (documents, receipts); retry-after: how long a refused caller waits.
  res.setHeader('access-control-expose-headers', 'x-request-id, content-disposition, retry-after');
  res.setHeader('vary', 'Origin');
}

/** Answers a preflight: 204 with the CORS grant when `allowed`, else 403 without CORS headers. */
export function answerPreflight(res: ServerResponse, origin: string, allowed: boolean): void {
  if (!allowed) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', vary: 'Origin' });
    res.end('Origin not allowed');
    return;
  }
  res.writeHead(204, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': corsAllowHeaders,
    'access-control-max-age': String(corsMaxAgeSeconds),
    vary: 'Origin',
  });
  res.end();
}
