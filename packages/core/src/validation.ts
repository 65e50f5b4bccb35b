/**
 * Turns zod failures into field issues in the caller's language. zod composes its messages at
 * parse time in English; built-in messages are re-rendered in the caller's locale, while a
 * schema's own custom message (a sentence written for the user) is kept as written.
 */
import { z } from 'zod';
import { en as enLocale, zhCN as zhLocale } from 'zod/locales';
import { pickText, type Locale } from './locale.js';
import { catalogMessage } from './messages.js';
import type { FieldIssue } from './errors.js';
import { isUnstorableTextParams, unstorableCharacterMessage } from './text.js';

// Only the two locales we render (importing z.locales would bring all fifty).
const en = enLocale();
const zh = zhLocale();

type Issue = z.core.$ZodIssue;

function withoutReceived(message: string): string {
  return message.replace(/, received .*$/, '').replace(/，实际接收.*$/, '');
}

function localizeIssue(issue: Issue, locale: Locale): string {
  // `text()`: the character and its position, in the reader's language.
  if (issue.code === 'custom' && isUnstorableTextParams(issue.params)) return pickText(unstorableCharacterMessage(issue.params.position, issue.params.codePoint), locale);
  const fromCatalog = catalogMessage(issue.message);
  if (fromCatalog) return pickText(fromCatalog, locale);
  const isDefault = withoutReceived(en.localeError(issue as never) as string) === withoutReceived(issue.message);
  if (!isDefault) return issue.message;
  const text = (locale === 'en' ? en : zh).localeError(issue as never) as string;
  return issue.code === 'invalid_type' ? withoutReceived(text) : text;
}

/** Field issues of a zod error (or null when `error` is not one). */
export function fieldIssuesOf(error: unknown, locale: Locale): FieldIssue[] | null {
  // $ZodError covers both zod classic (procedure inputs) and zod/mini (diary fields) errors.
  if (!(error instanceof z.core.$ZodError)) return null;
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: localizeIssue(issue, locale),
  }));
}
