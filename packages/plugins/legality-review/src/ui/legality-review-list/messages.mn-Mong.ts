/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-legality-review-list>, loaded when the widget
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT (the comment above each is its Latin transliteration,
 * for the reviewer) and is listed in `mnDrafts` until a native speaker has checked it. The title
 * is the plugin's Chinese title until a Mongolian one is written.
 */
import type { LegalityReviewListMessageCatalog } from './messages.js';

export const mnMong: LegalityReviewListMessageCatalog = {
  title: '合法性审核',
  // sinecilekU
  refresh: 'ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ',
  // aciyalaju bayin_a…
  loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // serwer-tei qolbogdaju cidaqu Ugei, daraga ni dakin oroldun_a uu.
  unreachable: 'ᠰᠧᠷᠸᠧᠷ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠢ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠤᠨ᠎ᠠ ᠤᠤ᠃',
  // temdeglel alga.
  empty: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭᠠ᠃',
  // sayiqan-u temdeglel ({count})
  caption: 'ᠰᠠᠶᠢᠬᠠᠨ ᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ({count})',
  // edUr
  day: 'ᠡᠳᠦᠷ',
  // kereg
  record: 'ᠬᠡᠷᠡᠭ',
  // U/ilecilgen-U kUmUn
  people: 'ᠦᠢᠯᠡᠴᠢᠯᠭᠡᠨ ᠦ ᠬᠦᠮᠦᠨ',
  // {count} kUmUn
  peopleValue: '{count} ᠬᠦᠮᠦᠨ',
};
