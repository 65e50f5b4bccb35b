/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-village-advisers-list>, loaded when the widget
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT (the comment above each is its Latin transliteration,
 * for the reviewer) and is listed in `mnDrafts` until a native speaker has checked it (messages.ts:
 * `mnDrafts: 'all'`). A plugin's widget brings its own catalogues like this one: every key of the
 * zh-CN catalogue, in the reader's words; nothing of the Chinese left in it.
 */
import type { VillageAdvisersListMessageCatalog } from './messages.js';

export const mnMong: VillageAdvisersListMessageCatalog = {
  // gacag_a qoriy_a-yin qauli yosun-u jOblegci-yin Uilecilgen
  title: 'ᠭᠠᠴᠠᠭ᠎ᠠ ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠶᠣᠰᠣᠨ ᠤ ᠵᠥᠪᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡ',
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
