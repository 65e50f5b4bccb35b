/**
 * Text the database can store. PostgreSQL refuses U+0000 in `text` and `jsonb`, and a UTF-16
 * surrogate without its pair (U+D800–U+DFFF alone) is not a character at all: JSON may carry one
 * as `"\ud800"`, but neither UTF-8 nor PostgreSQL can hold it. Left to the database, either one
 * fails the statement (a bare INTERNAL, the failed SQL in the log). Refused here instead, as
 * VALIDATION_FAILED naming the field, the character and its position:
 * - `text()` / `textSchema`: the zod string schema for free-form text in a plugin's inputs;
 * - `findUnstorableText(input)`: one pass over a whole raw input (strings, object keys, arrays),
 *   which every procedure runs before its input is parsed (`publicProcedure` in trpc.ts), so a
 *   plugin that forgets the schema is covered too.
 */
import { z } from 'zod';
import { SifaError, type FieldIssue } from './errors.js';
import { pickText, type Locale, type LocalizedText } from './locale.js';

// One native scan: U+0000, a high surrogate not followed by a low one, or a low surrogate not
// preceded by a high one (the character before it is matched too: no lookbehind, which older
// browsers cannot parse). Neither `u` nor `g`: code units, and no state between calls.
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A character of `value` that cannot be stored: its UTF-16 index and code unit. */
export interface UnstorableCharacter {
  /** Index in UTF-16 code units (`value[index]`). */
  index: number;
  /** 0 or the lone surrogate's code unit (0xD800–0xDFFF). */
  codePoint: number;
}

/** The first U+0000 or lone surrogate in `value`, or null when the database can store it all. */
export function findUnstorableCharacter(value: string): UnstorableCharacter | null {
  const match = unstorable.exec(value);
  if (!match) return null;
  // The third alternative also matched the character before the low surrogate.
  const index = match.index + match[0].length - 1;
  return { index, codePoint: value.charCodeAt(index) };
}

/** `U+0000`, `U+D800`: how a message names the character. */
function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The 1-based position a reader counts (characters, a pair counting once) of the code unit at `index`. */
function readerPosition(value: string, index: number): number {
  let position = 1;
  for (let i = 0; i < index; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by its low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    position++;
  }
  return position;
}

/** The field issue's message: which character, at which position, and what to do. */
export function unstorableCharacterMessage(position: number, codePoint: number, inName = false): LocalizedText {
  const name = codePointName(codePoint);
  const what = codePoint === 0 ? { zh: '空字符', en: 'the NUL character' } : { zh: '不成对的代理字符', en: 'an unpaired surrogate' };
  if (inName)
    return {
      zh: `字段名的第 ${position} 个字符是${what.zh}（${name}），不允许使用。`,
      en: `Character ${position} of the field name is ${what.en} (${name}), which is not allowed.`,
      // mn draft: talbar-un ner_e-yin ${position} dugar temdegt anu ${name}, kereglejU bolqu Ugei.
      mn: `ᠲᠠᠯᠪᠠᠷ ᠤᠨ ᠨᠡᠷ᠎ᠡ ᠶᠢᠨ ${position} ᠳ᠋ᠤᠭᠠᠷ ᠲᠡᠮᠳᠡᠭᠲᠦ ᠠᠨᠤ ${name}᠂ ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃`,
    };
  return {
    zh: `第 ${position} 个字符是${what.zh}（${name}），不允许使用，请删除后重新提交。`,
    en: `Character ${position} is ${what.en} (${name}), which is not allowed. Remove it and submit again.`,
    // mn draft: ${position} dugar temdegt anu ${name}, kereglejU bolqu Ugei, arilgagad dakin ilgegen_e UU.
    mn: `${position} ᠳ᠋ᠤᠭᠠᠷ ᠲᠡᠮᠳᠡᠭᠲᠦ ᠠᠨᠤ ${name}᠂ ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠂ ᠠᠷᠢᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃`,
  };
}

/** The error's own message (the field issues say where). */
const unstorableTextSummary: LocalizedText = {
  zh: '提交的文字中含有无法保存的字符（空字符或不成对的代理字符），请删除后重新提交。',
  en: 'The text contains a character that cannot be stored (NUL or an unpaired surrogate). Remove it and submit again.',
  // mn draft: ilgegsen Ug-e dotor_a qadagalaju bolqu Ugei temdegt bayin_a, arilgagad dakin ilgegen_e UU.
  mn: 'ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦᠭᠡ ᠳᠣᠲᠣᠷ᠎ᠠ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ ᠲᠡᠮᠳᠡᠭᠲᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠠᠷᠢᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃',
};

/** Where an unstorable character was found in an input. */
export interface UnstorableText {
  /** Keys and indexes from the input's root to the string (to the object, when `inName`). */
  path: (string | number)[];
  /** True when the character is in an object key (the field's name), not in a value. */
  inName: boolean;
  /** 1-based position in the string, counted as a reader counts characters. */
  position: number;
  codePoint: number;
}

const maxVisits = 1_000_000;

type Frame = { value: unknown; key: string | number | null; parent: Frame | null };

function pathOf(frame: Frame | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f = frame; f && f.key !== null; f = f.parent) path.push(f.key);
  return path.reverse();
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Replaces the characters a path cannot show (in a field name) by U+FFFD. */
function printable(key: string | number): string {
  return typeof key === 'string' ? key.replace(/\0|[\uD800-\uDFFF]/g, '\uFFFD') : String(key);
}

/**
 * Every U+0000 and lone surrogate in `input` (strings, object keys, array items, at any depth;
 * plain objects and arrays only, as JSON gives them), in document order, at most `limit`.
 * One pass without recursion (a deeply nested body cannot overflow the stack) and without
 * serialising: each string is scanned once by one regular expression (cheaper than the
 * JSON.parse that produced the input).
 */
export function findUnstorableText(input: unknown, limit = 10): UnstorableText[] {
  const found: UnstorableText[] = [];
  const note = (value: string, frame: Frame | null, inName: boolean): boolean => {
    const hit = findUnstorableCharacter(value);
    if (!hit) return false;
    found.push({ path: pathOf(frame), inName, position: readerPosition(value, hit.index), codePoint: hit.codePoint });
    return found.length >= limit;
  };
  if (typeof input === 'string') {
    note(input, null, false);
    return found;
  }
  const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null && isPlainContainer(value);
  if (!isContainer(input)) return found;
  // Containers wait on a stack (pushed in reverse, so they are visited in document order); a
  // container's own strings and keys are scanned when it is visited.
  const stack: Frame[] = [{ value: input, key: null, parent: null }];
  // JSON has no cycles; an in-process caller's cyclic object ends the walk here instead of
  // looping (no 1 MiB body holds this many containers). No visited set: it would double the cost.
  for (let visits = 0; stack.length > 0 && visits < maxVisits; visits++) {
    const frame = stack.pop()!;
    const value = frame.value as object;
    const pending = stack.length;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i] as unknown;
        if (typeof item === 'string') {
          if (note(item, { value: item, key: i, parent: frame }, false)) return found;
        } else if (isContainer(item)) stack.push({ value: item, key: i, parent: frame });
      }
    } else {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        const badKey = findUnstorableCharacter(key) !== null;
        const child: Frame = { value: item, key: badKey ? printable(key) : key, parent: frame };
        if (badKey && note(key, child, true)) return found;
        if (typeof item === 'string') {
          if (note(item, child, false)) return found;
        } else if (isContainer(item)) stack.push(child);
      }
    }
    // This container's children in document order: the first pushed is popped last.
    if (stack.length - pending > 1) reverseTail(stack, pending);
  }
  return found;
}

function reverseTail(stack: Frame[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j]!, stack[i]!];
}

/** The field issues for what `findUnstorableText` found, in `locale`. */
export function unstorableTextIssues(found: readonly UnstorableText[], locale: Locale): FieldIssue[] {
  return found.map((f) => ({ path: f.path.join('.'), message: pickText(unstorableCharacterMessage(f.position, f.codePoint, f.inName), locale) }));
}

/** VALIDATION_FAILED for an input holding U+0000 or a lone surrogate, or null when `input` is clean. */
export function unstorableTextError(input: unknown, locale: Locale): SifaError | null {
  const found = findUnstorableText(input);
  if (found.length === 0) return null;
  return new SifaError('VALIDATION_FAILED', {
    message: unstorableTextSummary,
    issues: unstorableTextIssues(found, locale),
    details: { reason: 'unstorable-character' },
  });
}

/** The zod issue params that mark an unstorable character; `fieldIssuesOf` renders them in the reader's language. */
export interface UnstorableTextParams {
  sifaUnstorableText: true;
  position: number;
  codePoint: number;
}

/** True for the params of an issue raised by `text()`. */
export function isUnstorableTextParams(params: unknown): params is UnstorableTextParams {
  return typeof params === 'object' && params !== null && (params as Partial<UnstorableTextParams>).sifaUnstorableText === true;
}

/**
 * A zod string for free-form text that the database can store: refuses U+0000 and lone
 * surrogates (VALIDATION_FAILED at the field: "character 12 is the NUL character (U+0000)…", in
 * the caller's language). Chain as usual: `text().min(1).max(500)`, `text().optional()`.
 */
export function text(): z.ZodString {
  return z.string().check((ctx) => {
    const hit = findUnstorableCharacter(ctx.value);
    if (!hit) return;
    const position = readerPosition(ctx.value, hit.index);
    const params: UnstorableTextParams = { sifaUnstorableText: true, position, codePoint: hit.codePoint };
    ctx.issues.push({ code: 'custom', input: ctx.value, message: unstorableCharacterMessage(position, hit.codePoint).en, params });
  });
}

/** `text()` without further checks. */
export const textSchema = text();
