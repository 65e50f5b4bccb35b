/**
 * Which addresses may become a link (or any URL-valued attribute) built from data: `https:`,
 * `http:` and relative references, judged AFTER the browser's own URL parsing. A check on the
 * raw text is not enough: the WHATWG parser drops tabs and newlines anywhere and C0 controls and
 * spaces at both ends, so `java\tscript:…` or `\u0001javascript:…` is a `javascript:` link to the
 * browser while no regex on the text sees one. Parsing the value exactly as the browser will
 * (`new URL(value, base)`) and looking at the resulting scheme is the only check that agrees with
 * the click. Used by the schemas that store such values (tours) and again by every widget that
 * binds an href, so old or foreign data is checked where it is rendered too.
 */
import { z } from 'zod';
import { defineMessages } from './messages.js';

/** A base no real link resolves against: only relative references take its (https) scheme. */
const parseBase = 'https://base.invalid/';
const allowedProtocols: ReadonlySet<string> = new Set(['https:', 'http:']);

/**
 * The address to bind as an href, or null when it must not become a link: anything whose scheme
 * after URL parsing is not `https:` or `http:` (javascript:, data:, vbscript:, blob:, file:,
 * mailto:, …) and anything the parser refuses. A relative reference (no scheme, including
 * protocol-relative `//host/…`) is kept relative, with what the parser ignores removed (tabs and
 * newlines, C0 controls and spaces at either end); an absolute one comes back normalised.
 */
export function safeHref(value: string): string | null {
  // The value may also reach HTML markup (a page rendered on a server, a copied snippet), where
  // character references are decoded before the URL is parsed: `javascript&colon;…` is a link
  // there. Both readings must be safe.
  if (value.includes('&') && safeParse(decodeCharacterReferences(value)) === null) return null;
  return safeParse(value);
}

function safeParse(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, parseBase);
  } catch {
    return null;
  }
  if (!allowedProtocols.has(url.protocol)) return null;
  // Without a base the parser fails exactly when the value has no scheme of its own.
  if (hasScheme(value)) return url.href;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * The character references that can spell a scheme: numeric ones (`&#58;`, `&#x3A;`, with or
 * without the `;`, as HTML tolerates) and the named colon, tab and newline. No other named
 * reference stands for a letter, a digit, `+`, `-`, `.`, `:` or what the URL parser drops.
 */
function decodeCharacterReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => fromCodePoint(parseInt(dec, 10)))
    .replace(/&(colon|tab|newline);?/gi, (_, name: string) => ({ colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase() as 'colon' | 'tab' | 'newline']);
}

const fromCodePoint = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');

/** Parses without a base (`URL.canParse` is missing from browsers before 2023). */
function hasScheme(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * True for attribute names whose value a browser or widget treats as an address: `href`, `src`,
 * `url`, `uri`, `link`, `action` at the end of the name (`tour-href`, `detail-href`, `source-href`,
 * `image-src`, `formaction` …). Values of such attributes set from data must pass `safeHref`.
 */
export function isUrlValuedAttributeName(name: string): boolean {
  return /(?:href|src|url|uri|link|action)$/i.test(name);
}

/** True for event-handler attribute names (`onclick`, `onerror` …): never set from data. */
export function isEventHandlerAttributeName(name: string): boolean {
  return /^on/i.test(name);
}

const urlMessages = defineMessages('core.urls', {
  safeHref: {
    zh: '链接地址只能是 https:// 或 http:// 开头的网址，或相对地址；不接受 javascript:、data: 等其他协议。',
    en: 'A link must be an https:// or http:// address or a relative address; other schemes (javascript:, data: …) are not accepted.',
    // mn draft: jObken https:// buyu http:// -eer ekilegsen qayig, esebesU qaricaNgui qayig bayiqu kereg-tei; javascript:, data: … jerge busu jang_a-yi kUliyen abqu Ugei.
    mn: 'ᠵᠥᠪᠬᠡᠨ https:// ᠪᠤᠶᠤ http:// ᠡᠡᠷ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠬᠠᠶᠢᠭ᠂ ᠡᠰᠡᠪᠡᠰᠦ ᠬᠠᠷᠢᠴᠠᠩᠭᠤᠢ ᠬᠠᠶᠢᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠂ javascript:᠂ data: … ᠵᠡᠷᠭᠡ ᠪᠤᠰᠤ ᠵᠠᠩ᠎ᠠ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠃',
  },
});

/**
 * A string that may become a link: `safeHref` accepts it. The message (zh/en/mn, in the
 * reader's language through the catalog) names the schemes accepted. The value is kept as given.
 */
export const safeHrefSchema = z
  .string()
  .max(2000)
  .refine((value) => safeHref(value) !== null, { message: urlMessages('safeHref') });
