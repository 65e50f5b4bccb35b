/**
 * Static hosting for the demo portal and the built widget bundles: files only from the given
 * folders, no directory listings, no path escapes, cache validators, and a strict CSP on HTML
 * so what we serve proves the widgets work under one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticRoot {
  /** URL prefix, e.g. '/' or '/widgets/'. */
  prefix: string;
  dir: string;
  /**
   * Files whose names change with their content (hashed bundle chunks): served
   * `cache-control: public, max-age=31536000, immutable` instead of revalidated on every use.
   */
  immutable?: boolean;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The script-tag loader (`embed.js`, built by @sifa/components) carries the elements of every
 * plugin it was built with, and `elements.json` beside it says which plugin each needs. This
 * marker in the loader is replaced with the elements whose plugin this server does not have
 * (`tag:plugin,…`), so a page is offered exactly the installed ones and told what is missing
 * (packages/components/src/loader/installed.ts).
 */
export const unavailableElementsMarker = '__SIFA_UNAVAILABLE_ELEMENTS__';

export interface StaticOptions {
  /** The installed plugin ids: revalidated (non-immutable) .js files with the marker get the elements they lack written in. */
  installedPlugins?: readonly string[];
}

/** `tag:plugin,…` of the elements in `dir/elements.json` whose plugin is not installed. */
async function unavailableElements(dir: string, installed: readonly string[]): Promise<string> {
  const text = await readFile(join(dir, 'elements.json'), 'utf8').catch(() => '{}');
  const elements = JSON.parse(text) as Record<string, string | null>;
  return Object.entries(elements)
    .filter(([, plugin]) => plugin !== null && !installed.includes(plugin))
    .map(([tag, plugin]) => `${tag}:${plugin}`)
    .join(',');
}

/** Serves the file for `pathname` if one of the roots has it; false when none does. */
export async function serveStatic(roots: readonly StaticRoot[], req: IncomingMessage, res: ServerResponse, pathname: string, options: StaticOptions = {}): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  for (const root of roots) {
    if (!decoded.startsWith(root.prefix)) continue;
    const base = resolve(root.dir);
    let file = resolve(join(base, decoded.slice(root.prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) continue;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) continue;
    let etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // A loader: small, read whole, the installed plugins written in (and into its validator).
    let body: Buffer | null = null;
    if (options.installedPlugins && !root.immutable && type.startsWith('text/javascript') && info.size < 1_000_000) {
      const text = await readFile(file, 'utf8');
      if (text.includes(unavailableElementsMarker)) {
        body = Buffer.from(text.replaceAll(unavailableElementsMarker, await unavailableElements(dirname(file), options.installedPlugins)));
        etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      }
    }
    const headers: Record<string, string | number> = {
      'content-type': type,
      etag,
      'cache-control': root.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = strictCsp;
      headers['referrer-policy'] = 'strict-origin-when-cross-origin';
    } else {
      // Widget bundles are loaded by host pages on other origins: module scripts need CORS.
      // These files are public; no credentials are ever honoured.
      headers['access-control-allow-origin'] = '*';
      headers['cross-origin-resource-policy'] = 'cross-origin';
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers['content-length'] = body ? body.length : info.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    if (body) res.end(body);
    else createReadStream(file).pipe(res);
    return true;
  }
  return false;
}
