/**
 * Locales Sifa Kit speaks. zh-CN is the default; Mongolian is written in the traditional
 * (vertical) script, tagged `mn-Mong` as BCP 47 requires. No zod here: widgets load this.
 */

export const locales = ['zh-CN', 'en', 'mn-Mong'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** Text in every UI language. `mn` may be absent while no reviewed translation exists. */
export interface LocalizedText {
  zh: string;
  en: string;
  mn?: string | undefined;
}

/** Picks the text for a locale; Mongolian falls back to Chinese, the region's other official script. */
export function pickText(text: LocalizedText, locale: Locale): string {
  if (locale === 'en') return text.en;
  if (locale === 'mn-Mong') return text.mn ?? text.zh;
  return text.zh;
}

/**
 * Resolves a locale from an Accept-Language style header or a tag; unknown tags give the default.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  for (const part of header.split(',')) {
    const tag = part.split(';', 1)[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('mn')) return 'mn-Mong';
  }
  return defaultLocale;
}
