/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-correction-list>, loaded when the widget
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each, `mn draft: …`, is its Latin transliteration, for the
 * reviewer) and is listed in `mnDrafts` until a native speaker has checked it. Suffixes are joined
 * with U+202F NARROW NO-BREAK SPACE ("-" in the transliteration) and final -a/-e with U+180E
 * MONGOLIAN VOWEL SEPARATOR ("_"). The words are those of the platform's widgets
 * (@sifa/components, messages.mn-Mong.ts). Record titles come from the server as entered.
 */
import type { CorrectionListMessageCatalog } from './messages.js';

export const mnMong: CorrectionListMessageCatalog = {
  // A generic title ("register of records"): `sifa plugin new` takes no Mongolian title, so write
  // the plugin's own here.
  // mn draft: temdeglel-Un bUridkel
  title: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ',
  // mn draft: sinecilekU
  refresh: 'ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ',
  // mn draft: aciyalaju bayin_a…
  loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // mn draft: aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // mn draft: sUljiy_e-yin tOb-tU qolbogdaju cidagsan Ugei.
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠶᠢᠨ ᠲᠥᠪ ᠲᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
  // mn draft: temdeglel alga.
  empty: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭᠠ᠃',
  // mn draft: sayiqan-u temdeglel ({count})
  caption: 'ᠰᠠᠶᠢᠬᠠᠨ ᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ({count})',
  // mn draft: edUr
  day: 'ᠡᠳᠦᠷ',
  // mn draft: jUil
  record: 'ᠵᠦᠢᠯ',
  // mn draft: Uyilecilege abugsan kUmUn
  people: 'ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠠᠪᠤᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ',
  // mn draft: {count} kUmUn
  peopleValue: '{count} ᠬᠦᠮᠦᠨ',
};
