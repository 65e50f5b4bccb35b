/**
 * Origins: validation of the origins an administrator allows on a key (exact, or a wildcard of
 * exactly one leading label: `https://*.example.gov.cn`), matching a browser's Origin against
 * them, the same-origin test, and the CORS headers of /trpc. A browser request whose Origin is
 * not one of the server's own public origins must carry a publishable key or an embed token
 * whose key allows that origin (request.ts); the CORS headers only tell the browser it may read
 * the answer. Same-origin is decided by the configured public origins, never by the request's
 * Host header, which a client (or a DNS-rebinding page) chooses.
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

const wildcardPrefix = /^(https?):\/\/\*\./i;
/** One DNS label as browsers send it in an Origin (lower case; IDNs in punycode). */
const singleLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The canonical form of an allowed-origin pattern `scheme://*.domain[:port]` (one wildcard label,
 * then at least two labels), or null when `value` is not one. Any other use of `*` is refused.
 */
export function normalizeWildcardOrigin(value: string): string | null {
  const trimmed = value.trim();
  const prefix = wildcardPrefix.exec(trimmed);
  if (!prefix) return null;
  const rest = trimmed.slice(prefix[0].length);
  if (rest.includes('*')) return null;
  // Canonicalise the rest as a host with a stand-in label (lower case, punycode, default port dropped).
  const stand = normalizeOrigin(`${prefix[1]}://wildcard-label.${rest}`);
  if (stand === null) return null;
  const url = new URL(stand);
  const domain = url.hostname.slice('wildcard-label.'.length);
  // At least two labels under the wildcard (`*.cn` would allow a whole country), and a name, not an IP.
  if (domain.split('.').length < 2 || /^[0-9.]+$/.test(domain) || url.hostname.startsWith('[')) return null;
  return `${url.protocol}//*.${domain}${url.port ? `:${url.port}` : ''}`;
}

/** The canonical form of an origin an administrator may allow on a key: exact or a one-label wildcard. */
export function normalizeAllowedOrigin(value: string): string | null {
  if (value.includes('*')) return normalizeWildcardOrigin(value);
  return normalizeOrigin(value);
}

/**
 * True when `origin` (a browser's Origin header) is one of `allowed`: equal to an exact entry, or
 * matching a wildcard entry in scheme, port and every label but the first, which is exactly one
 * label (`https://*.example.gov.cn` allows `https://a.example.gov.cn`, not `https://a.b.example.gov.cn`
 * nor `https://example.gov.cn`).
 */
export function originAllowedBy(allowed: Iterable<string>, origin: string): boolean {
  for (const entry of allowed) {
    if (entry === origin) return true;
    const star = entry.indexOf('://*.');
    if (star < 0) continue;
    const scheme = entry.slice(0, star + 3);
    const suffix = entry.slice(star + 4);
    if (!origin.startsWith(scheme) || !origin.endsWith(suffix) || origin.length <= scheme.length + suffix.length) continue;
    if (singleLabel.test(origin.slice(scheme.length, origin.length - suffix.length))) return true;
  }
  return false;
}

/**
 * The server's own public origins (where its pages are served), given as configured or derived
 * from where it listens. A browser's Origin naming one of them is same-origin; the Host header
 * plays no part.
 */
export type PublicOrigins = ReadonlySet<string>;

/**
 * The public origins of a server listening on `host`:`port` when none are configured: that origin
 * over http and https (a TLS proxy in front on the same host and port), and for a loopback or
 * wildcard address (`0.0.0.0`, `::`) both loopback names, `127.0.0.1` and `localhost`, as a
 * browser on the same machine reaches it. Behind a proxy or on a network name, configure them.
 */
export function derivedPublicOrigins(host: string, port: number): string[] {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const loopbackOrAny = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::', ''].includes(bare);
  const hosts = loopbackOrAny ? ['127.0.0.1', 'localhost', ...(bare === '::1' ? ['[::1]'] : [])] : [bare.includes(':') ? `[${bare}]` : bare];
  return hosts.flatMap((h) => [`http://${h}:${port}`, `https://${h}:${port}`]).map((o) => normalizeOrigin(o) ?? o);
}

/** True when a browser's Origin header names this server itself (one of its public origins). */
export function isSameOrigin(origin: string, publicOrigins: PublicOrigins): boolean {
  return publicOrigins.has(origin);
}

/** The Origin of a cross-origin browser request, or null (no Origin, or one of our own origins). */
export function crossOriginOf(req: IncomingMessage, publicOrigins: PublicOrigins): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  return isSameOrigin(origin, publicOrigins) ? null : origin;
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
