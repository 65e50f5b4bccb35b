/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-org-picker>, loaded when the element
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` (all keys) until a native speaker has checked it. Suffixes are joined with
 * U+202F NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR. Org names
 * come from the server; where one has no Mongolian form the element shows the Chinese one,
 * marked lang="zh-CN".
 */
import type { OrgPickerMessageCatalog } from './messages.js';

export const mnMong: OrgPickerMessageCatalog = {
  // bayigullag_a
  label: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  // bayigullag_a-yin ner_e buyu qod-i bicijU qaiqu
  placeholder: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠪᠤᠶᠤ ᠬᠣᠳ ᠢ ᠪᠢᠴᠢᠵᠦ ᠬᠠᠢᠬᠤ',
  // songgoju bolqu bayigullag_a
  options: 'ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  // bayigullag_a-yi aciyalaju bayin_a…
  loading: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // bayigullag_a-yin jagsagalta-yi aciyalaju ese cidaba: {reason}
  loadFailed: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠡᠰᠡ ᠴᠢᠳᠠᠪᠠ: {reason}',
  // serber-tei qolbogdaju cidaqu Ugei
  unreachable: 'ᠰᠧᠷᠸᠧᠷ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ',
  // «{text}»-dU tokiyalduqu bayigullag_a Ugei.
  noMatch: '«{text}» ᠳᠦ ᠲᠣᠬᠢᠶᠠᠯᠳᠤᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃',
  // {count} bayigullag_a-aca songgoju bolun_a.
  matches: '{count} ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠠᠴᠠ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃',
  // basa {count} bui: ilegU bicijU qagsalaqu.
  more: 'ᠪᠠᠰᠠ {count} ᠪᠤᠢ: ᠢᠯᠡᠭᠦᠦ ᠪᠢᠴᠢᠵᠦ ᠬᠠᠪᠴᠢᠭᠯᠠᠬᠤ᠃',
  // jagsagalta-aca nige bayigullag_a songgona uu.
  pickFromList: 'ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠨᠢᠭᠡ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // songgogsan: {name}
  selected: 'ᠰᠣᠩᠭᠣᠭᠰᠠᠨ: {name}',
};
