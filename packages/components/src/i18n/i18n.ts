/**
 * Messages and formatting per locale. Each element folder defines its catalog with
 * `defineMessages` (every locale bundled) or `defineLazyMessages` (zh-CN bundled, en and mn-Mong
 * loaded on demand); zh-CN is complete by type, en and mn-Mong must have the same keys.
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

/** Fills `{name}` placeholders; unknown names are left as they are. */
function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
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
      return fill(catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key, params);
    },
  };
}

/** Messages whose en and mn-Mong catalogs are downloaded only when a widget is shown in them. */
export interface LazyMessages<K extends string> {
  /** The catalogs loaded so far (zh-CN always). */
  readonly catalogs: { 'zh-CN': Catalog<K> } & Partial<Record<Locale, Catalog<K>>>;
  /** Mongolian keys still awaiting review by a native speaker (known once mn-Mong is loaded, for 'all'). */
  readonly mnDrafts: ReadonlySet<K>;
  /** True when `locale`'s catalog is here (t() speaks it). */
  has(locale: Locale): boolean;
  /** Fetches `locale`'s catalog once (a failed fetch is tried again on the next call). */
  load(locale: Locale): Promise<Catalog<K>>;
  /** The text in `locale`; Chinese for a catalog not loaded (yet): load it first. */
  t(locale: Locale, key: K, params?: Record<string, string | number>): string;
}

/**
 * Like `defineMessages`, with zh-CN (the default locale) bundled and the other catalogs as
 * loaders, typically `() => import('./messages.en.js').then((m) => m.en)`: bundlers make each
 * a chunk of its own, so a widget's first load carries one language.
 */
export function defineLazyMessages<K extends string>(
  zh: Catalog<K>,
  loaders: { en: () => Promise<Catalog<K>>; 'mn-Mong': () => Promise<Catalog<K>> },
  options: { mnDrafts: readonly K[] | 'all' },
): LazyMessages<K> {
  const catalogs: { 'zh-CN': Catalog<K> } & Partial<Record<Locale, Catalog<K>>> = { 'zh-CN': zh };
  const mnDrafts = new Set<K>(options.mnDrafts === 'all' ? [] : options.mnDrafts);
  const loading = new Map<Locale, Promise<Catalog<K>>>();
  return {
    catalogs,
    mnDrafts,
    has: (locale) => locale in catalogs,
    load(locale) {
      const here = catalogs[locale];
      if (here) return Promise.resolve(here);
      let pending = loading.get(locale);
      if (!pending) {
        pending = loaders[locale as keyof typeof loaders]().then(
          (catalog) => {
            if (locale === 'mn-Mong' && options.mnDrafts === 'all') for (const key of Object.keys(catalog) as K[]) mnDrafts.add(key);
            catalogs[locale] = catalog;
            return catalog;
          },
          (error: unknown) => {
            loading.delete(locale);
            throw error;
          },
        );
        loading.set(locale, pending);
      }
      return pending;
    },
    t(locale, key, params) {
      return fill(catalogs[locale]?.[key] ?? zh[key] ?? key, params);
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
