/** Mongolian (traditional script) messages of <sifa-notifications>: DRAFTS awaiting review by a native speaker (messages.ts). */
import type { NotificationsMessageCatalog } from './messages.js';

export const mnMong: NotificationsMessageCatalog = {
  title: 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
  open: 'ᠮᠡᠳᠡᠭᠳᠡᠯ᠂ {count} ᠤᠩᠰᠢᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  openNone: 'ᠮᠡᠳᠡᠭᠳᠡᠯ᠂ ᠤᠩᠰᠢᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠨᠢ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ',
  empty: 'ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃',
  markAll: 'ᠪᠦᠭᠦᠳᠡ ᠢ ᠤᠩᠰᠢᠭᠰᠠᠨ ᠪᠣᠯᠭᠠᠬᠤ',
  markRead: 'ᠤᠩᠰᠢᠭᠰᠠᠨ ᠪᠣᠯᠭᠠᠬᠤ',
  unread: 'ᠤᠩᠰᠢᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  document: 'ᠪᠢᠴᠢᠭ ᠪᠠᠭᠤᠯᠭᠠᠬᠤ',
  downloading: 'ᠪᠠᠭᠤᠯᠭᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ…',
  loadFailed: 'ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ: {reason}',
  signIn: 'ᠨᠡᠪᠲᠡᠷᠡᠭᠰᠡᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠦᠵᠡᠨ᠎ᠡ᠃',
  live: 'ᠰᠢᠨ᠎ᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ: {title}',
  retry: 'ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠬᠤ',
  close: 'ᠬᠠᠭᠠᠬᠤ',
  info: 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
  warning: 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ',
  urgent: 'ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ',
  // {year} on-u {month} sar_a-yin {day}
  dayDate: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
};
