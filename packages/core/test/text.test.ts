/**
 * Text the database can store (issue 20, F5): U+0000 and lone surrogates are refused by `text()`
 * and found anywhere in a raw input (values, keys, arrays, deep nesting) by the walk every
 * procedure runs before parsing, with the field's path, the character and its position.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssuesOf, findUnstorableCharacter, findUnstorableText, localizedTextSchema, text, textSchema, unstorableTextError } from '@sifa/core';

describe('findUnstorableCharacter', () => {
  it('finds U+0000 and lone surrogates, and passes paired ones (emoji, rare CJK)', () => {
    expect(findUnstorableCharacter('调解\0成功')).toEqual({ index: 2, codePoint: 0 });
    expect(findUnstorableCharacter('a\uD800')).toEqual({ index: 1, codePoint: 0xd800 });
    expect(findUnstorableCharacter('\uD800b')).toEqual({ index: 0, codePoint: 0xd800 });
    expect(findUnstorableCharacter('ab\uDC00')).toEqual({ index: 2, codePoint: 0xdc00 });
    expect(findUnstorableCharacter('\uDC00')).toEqual({ index: 0, codePoint: 0xdc00 });
    expect(findUnstorableCharacter('\uD800\uD800\uDC00')).toEqual({ index: 0, codePoint: 0xd800 });
    expect(findUnstorableCharacter('\uD83D\uDE00\uDC00')).toEqual({ index: 2, codePoint: 0xdc00 });
    for (const ok of ['', 'plain', '调解成功', '😀 ok', '𠮷野家', '\u0001\uFFFF', '\uD83D\uDE00\uD83D\uDE00']) expect(findUnstorableCharacter(ok)).toBeNull();
  });
});

describe('text()', () => {
  it('refuses U+0000 and a lone surrogate naming the character and its position, in the reader’s language', () => {
    const schema = z.object({ note: text().max(20) });
    expect(schema.parse({ note: '😀 fine' })).toEqual({ note: '😀 fine' });
    const nul = schema.safeParse({ note: '😀ab\0' });
    expect(nul.success).toBe(false);
    // The emoji counts as one character: the NUL is the 4th.
    expect(fieldIssuesOf(nul.error, 'en')).toEqual([{ path: 'note', message: 'Character 4 is the NUL character (U+0000), which is not allowed. Remove it and submit again.' }]);
    expect(fieldIssuesOf(nul.error, 'zh-CN')).toEqual([{ path: 'note', message: '第 4 个字符是空字符（U+0000），不允许使用，请删除后重新提交。' }]);
    const lone = textSchema.safeParse('x\uDFFF');
    expect(fieldIssuesOf(lone.error, 'en')?.[0]?.message).toBe('Character 2 is an unpaired surrogate (U+DFFF), which is not allowed. Remove it and submit again.');
    // Still a string schema: chains as usual.
    expect(text().min(2).safeParse('a').success).toBe(false);
    expect(text().optional().parse(undefined)).toBeUndefined();
  });

  it('guards core’s shared text schemas (localized titles)', () => {
    expect(localizedTextSchema.safeParse({ zh: '标题', en: 'Title' }).success).toBe(true);
    expect(localizedTextSchema.safeParse({ zh: '标\0题', en: 'Title' }).success).toBe(false);
  });
});

describe('findUnstorableText (the walk before every procedure)', () => {
  it('finds values, keys, array items and deep ones, in document order, with their paths', () => {
    const input = { a: 'ok', b: ['x', 'y\0'], c: { 'k\uD800': 1, d: { e: '\uDC00' } }, f: 3, g: null, h: true };
    expect(findUnstorableText(input)).toEqual([
      { path: ['b', 1], inName: false, position: 2, codePoint: 0 },
      { path: ['c', 'k\uFFFD'], inName: true, position: 2, codePoint: 0xd800 },
      { path: ['c', 'd', 'e'], inName: false, position: 1, codePoint: 0xdc00 },
    ]);
    expect(findUnstorableText('\0')).toEqual([{ path: [], inName: false, position: 1, codePoint: 0 }]);
    expect(findUnstorableText({ fine: ['调解', { deep: '😀' }], n: 1 })).toEqual([]);
    expect(findUnstorableText(undefined)).toEqual([]);
  });

  it('survives nesting deeper than the stack and stops at its limit', () => {
    let deep: unknown = '\0';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(1);
    expect(findUnstorableText(Array.from({ length: 50 }, () => '\0'))).toHaveLength(10);
    // An in-process caller's cyclic object ends the walk instead of looping.
    const cyclic: Record<string, unknown> = { note: 'a\0' };
    cyclic.self = cyclic;
    expect(findUnstorableText(cyclic, 1)).toEqual([{ path: ['note'], inName: false, position: 2, codePoint: 0 }]);
    const clean: Record<string, unknown> = { note: 'ok' };
    clean.self = clean;
    expect(findUnstorableText(clean)).toEqual([]);
  });

  it('gives VALIDATION_FAILED with field issues in the caller’s language', () => {
    const error = unstorableTextError({ entry: { text: 'ab\0' } }, 'zh-CN');
    expect(error).toMatchObject({ sifaCode: 'VALIDATION_FAILED', httpStatus: 400, issues: [{ path: 'entry.text', message: '第 3 个字符是空字符（U+0000），不允许使用，请删除后重新提交。' }] });
    expect(unstorableTextError({ entry: { text: 'ab' } }, 'en')).toBeNull();
  });
});
