/**
 * `safeHref` and `safeHrefSchema` (core urls.ts): only https:, http: and relative references
 * become links, judged after the WHATWG URL parser (what the browser does at the click), so the
 * disguises a text check misses (tabs, newlines, leading controls, case, protocol-relative) are
 * judged by their real scheme. Regression for issue 20 F1 (`java<TAB>script:` in a VR hotspot).
 */
import { describe, expect, it } from 'vitest';
import { fieldIssuesOf, isEventHandlerAttributeName, isUrlValuedAttributeName, safeHref, safeHrefSchema } from '@sifa/core';

const refused = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'jav\t\n\ra\tscript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  '\t\n javascript:alert(1)\u0000 ',
  'javascript:alert(1)//https://ok.example/',
  'javascript://https://ok.example/%0aalert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'd\tata:text/html,x',
  'blob:https://ok.example/0d6c5e1c-7c3e-4e38-8f1a-000000000000',
  'file:///etc/passwd',
  'mailto:office@example.gov.cn',
  'tel:+8647612345678',
  'ftp://files.example/',
  'ws://example/',
  'about:blank',
  'x-custom:thing',
  // Character references: literal text to the URL parser (a relative path), but a scheme once
  // the value reaches HTML markup, where they are decoded first.
  'javascript&colon;alert(1)',
  'javascript&COLON;alert(1)',
  'javascript&#58;alert(1)',
  'javascript&#0000058alert(1)',
  'javascript&#x3A;alert(1)',
  'java&Tab;script:alert(1)',
  'java&#9;script:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  'http://[::1',
  'https://exa mple.org/',
  'http://',
];

const allowed: [string, string][] = [
  ['https://example.gov.cn/tours/1', 'https://example.gov.cn/tours/1'],
  ['HTTPS://Example.GOV.cn/x', 'https://example.gov.cn/x'],
  ['http://example.org', 'http://example.org/'],
  ['ht\ttp://example.org/a', 'http://example.org/a'],
  ['  https://example.org/a  ', 'https://example.org/a'],
  ['/tours/{tourId}', '/tours/{tourId}'],
  ['tours/1?x=1#top', 'tours/1?x=1#top'],
  ['../up', '../up'],
  ['?id=7', '?id=7'],
  ['#warning-7', '#warning-7'],
  ['', ''],
  // Protocol-relative: takes the page's scheme, which is http(s) wherever a widget runs.
  ['//evil.example/x', '//evil.example/x'],
  // A backslash is a slash for http(s): still a protocol-relative http(s) address.
  ['\\\\evil.example', '\\\\evil.example'],
  ['/\\evil.example', '/\\evil.example'],
  // A relative path that merely contains a colon later on is not a scheme.
  ['./javascript:alert(1)', './javascript:alert(1)'],
  ['/a/javascript:alert(1)', '/a/javascript:alert(1)'],
  // What the parser ignores is removed, so the string bound is the one judged.
  ['\u0001/tours/1\t', '/tours/1'],
  ['/to\nurs/1', '/tours/1'],
  // References that spell nothing dangerous stay as they are.
  ['/search?a=1&b=2&amp;c=3', '/search?a=1&b=2&amp;c=3'],
  ['https://example.org/?q=&#58;', 'https://example.org/?q=&#58;'],
];

describe('safeHref', () => {
  it.each(refused)('refuses %j', (value) => {
    expect(safeHref(value)).toBeNull();
  });

  it.each(allowed)('allows %j as %j', (value, expected) => {
    expect(safeHref(value)).toBe(expected);
  });

  it('what it returns resolves to http(s) against any http(s) page', () => {
    for (const [value] of allowed) {
      const bound = safeHref(value)!;
      for (const page of ['https://portal.example.org/a/b', 'http://10.0.0.1:8080/']) {
        expect(['https:', 'http:']).toContain(new URL(bound, page).protocol);
        // Identical to what the browser makes of the raw value: nothing was reinterpreted.
        expect(new URL(bound, page).href).toBe(new URL(value, page).href);
      }
    }
  });
});

describe('safeHrefSchema', () => {
  it('accepts http(s) and relative addresses as given', () => {
    expect(safeHrefSchema.parse('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHrefSchema.parse('/tours/{tourId}')).toBe('/tours/{tourId}');
  });

  it('refuses other schemes with a message naming the schemes accepted, in the reader\'s language', () => {
    const result = safeHrefSchema.safeParse('java\tscript:alert(1)');
    expect(result.success).toBe(false);
    const en = fieldIssuesOf(result.error, 'en');
    expect(en).toEqual([{ path: '', message: expect.stringContaining('https:// or http://') }]);
    expect(en![0]!.message).toMatch(/relative/);
    const zh = fieldIssuesOf(result.error, 'zh-CN');
    expect(zh![0]!.message).toMatch(/https:\/\/ 或 http:\/\//);
    const mn = fieldIssuesOf(result.error, 'mn-Mong');
    expect(mn![0]!.message).toMatch(/[\u1800-\u18af]/u);
    for (const value of ['\u0001javascript:x', 'JaVaScRiPt:x', 'data:text/html,x']) expect(safeHrefSchema.safeParse(value).success).toBe(false);
    expect(safeHrefSchema.safeParse(`https://example.org/${'a'.repeat(2000)}`).success).toBe(false);
  });
});

describe('attribute names', () => {
  it('knows which attributes carry an address and which are event handlers', () => {
    for (const name of ['href', 'tour-href', 'detail-href', 'source-href', 'src', 'image-src', 'url', 'more-url', 'uri', 'more-link', 'formaction', 'action', 'TOUR-HREF'])
      expect(isUrlValuedAttributeName(name), name).toBe(true);
    for (const name of ['lang', 'tour', 'org-code', 'hrefs-label', 'source', 'mode']) expect(isUrlValuedAttributeName(name), name).toBe(false);
    for (const name of ['onclick', 'onerror', 'ONLOAD', 'on']) expect(isEventHandlerAttributeName(name), name).toBe(true);
    for (const name of ['org-code', 'mode', 'tone']) expect(isEventHandlerAttributeName(name), name).toBe(false);
  });
});
