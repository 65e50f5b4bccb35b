/**
 * Messages and formatting per locale. Each element folder defines its catalog with
 * `defineMessages`; zh-CN is complete by type, en and mn-Mong must have the same keys.
 * Mongolian strings that no native speaker has checked are listed in `mnDrafts` and shown
 * with a `data-draft` marker in development builds of the catalog (see tests).
 */
import type { Locale } from '@sifa/core';

export type Catalog<K extends string> = Record<K, string>;

export interface Messages<K extends string> {
  catalogs: { 'zh-CN': Catalog<K>; en: Catalog<K>; 'mn-Mong': Catalog<K> };
  /** Mongolian keys still awaiting review by a native speaker. */
  mnDrafts: ReadonlySet<K>;
  t(locale: Locale, key: K, params?: Record<string, string | number>): string;
}

export function defineMessages<K extends string>(
  catalogs: { 'zh-CN': Catalog<K>; en: Catalog<K>; 'mn-Mong': Catalog<K> },
  options: { mnDrafts: readonly K[] | 'all' },
): Messages<K> {
  const mnDrafts = new Set<K>(options.mnDrafts === 'all' ? (Object.keys(catalogs['mn-Mong']) as K[]) : options.mnDrafts);
  return {
    catalogs,
    mnDrafts,
    t(locale, key, params) {
      const text = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
  };
}

const intlLocale: Record<Locale, string[]> = {
  'zh-CN': ['zh-CN'],
  en: ['en-GB'],
  // Chromium's ICU may lack Mongolian in traditional script; fall back to Mongolian, then Chinese.
  'mn-Mong': ['mn-Mong-CN', 'mn-Mong', 'mn', 'zh-CN'],
};

function supported(locale: Locale): string {
  return Intl.DateTimeFormat.supportedLocalesOf(intlLocale[locale])[0] ?? 'zh-CN';
}

export function formatDate(locale: Locale, value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00` : value) : value;
  return new Intl.DateTimeFormat(supported(locale), options).format(date);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(supported(locale), options).format(value);
}

/** Resolves a `lang` value (any BCP 47 tag) to a Sifa locale, or null when it is not one we speak. */
export function localeOfTag(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (t.startsWith('mn')) return 'mn-Mong';
  if (t.startsWith('en')) return 'en';
  if (t.startsWith('zh')) return 'zh-CN';
  return null;
}
