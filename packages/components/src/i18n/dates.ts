/**
 * Dates and times where ICU cannot help: Chromium ships no Mongolian (traditional script) date
 * data, so `Intl.DateTimeFormat('mn-Mong')` falls back to Chinese. For mn-Mong the text is built
 * from the widget's own `dayDate` message ('{year} … {month} … {day}'); other locales use Intl.
 */
import type { Locale } from '@sifa/core';
import { formatDate } from './i18n.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Fills a `{year}`, `{month}`, `{day}` pattern with a local date's parts. */
function dayFromPattern(pattern: string, at: Date): string {
  const parts: Record<string, number> = { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
  return pattern.replace(/\{(year|month|day)\}/g, (_m, name: string) => String(parts[name]));
}

/**
 * An instant as date and time (hours and minutes; with `seconds`, seconds too) in the page's
 * time zone. `mnDayDate` is the widget's Mongolian day pattern, used for mn-Mong.
 */
export function formatDateTime(locale: Locale, value: Date | string, mnDayDate: string, options: { seconds?: boolean } = {}): string {
  if (locale !== 'mn-Mong') return formatDate(locale, value, { dateStyle: 'medium', timeStyle: options.seconds ? 'medium' : 'short' });
  const at = typeof value === 'string' ? new Date(value) : value;
  const time = [at.getHours(), at.getMinutes(), ...(options.seconds ? [at.getSeconds()] : [])].map(pad).join(':');
  return `${dayFromPattern(mnDayDate, at)} ${time}`;
}
