/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-correction-caseload>, loaded when the
 * widget is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary and is listed in `mnDrafts` until a native speaker has checked it. Office names come
 * from the server; where they have no Mongolian form the widget shows the Chinese one, marked
 * lang="zh-CN".
 */
import type { CaseloadMessageCatalog } from './messages.js';

export const mnMong: CaseloadMessageCatalog = {
  title: 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠳᠤ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ',
  asOf: '{date} ᠬᠦᠷᠲᠡᠯ᠎ᠡ',
  refresh: 'ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ',
  loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  loadFailed: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  ratesTitle: 'ᠭᠣᠣᠯ ᠦᠵᠡᠭᠦᠯᠦᠯᠲᠡ',
  persons: 'ᠬᠦᠮᠦᠨ ᠦ ᠲᠣᠭ᠎ᠠ',
  outOfSupervision: 'ᠬᠢᠨᠠᠯᠲᠠ ᠡᠴᠡ ᠭᠠᠷᠤᠭᠰᠠᠨ',
  missedIntake: 'ᠬᠢᠨᠠᠯᠲᠠ ᠳᠤ ᠣᠷᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  mustBeZero: '0 ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ',
  verificationRate: 'ᠰᠢᠯᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠤᠪᠢ',
  reoffenceRate: 'ᠳᠠᠬᠢᠨ ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠬᠤᠪᠢ',
  ratePeriod: '({from} – {to})',
  noData: 'ᠲᠣᠭ᠎ᠠ ᠦᠭᠡᠢ',
  filters: 'ᠰᠢᠭᠦᠬᠦ',
  filterClass: 'ᠮᠠᠨ᠋ᠠᠭᠠᠯᠠᠯᠲᠠ ᠵᠢᠨ ᠳᠡᠰ',
  filterStage: 'ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ',
  filterOffice: 'ᠲᠠᠰᠤᠭ',
  all: 'ᠪᠦᠭᠦᠳᠡ',
  count: '{count} ᠬᠦᠮᠦᠨ',
  truncated: 'ᠡᠬᠢᠨ ᠦ 500 ᠬᠦᠮᠦᠨ᠃ ᠲᠠᠰᠤᠭ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃',
  empty: 'ᠲᠣᠬᠢᠷᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ᠃',
  personList: 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ',
  kind: 'ᠲᠥᠷᠥᠯ',
  class: 'ᠳᠡᠰ',
  stage: 'ᠱᠠᠲᠤ',
  dueThisWeek: 'ᠡᠨᠡ ᠭᠠᠷᠠᠭ ᠤᠨ ᠠᠵᠢᠯ',
  missed: 'ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠠᠵᠢᠯ',
  score: 'ᠰᠡᠭᠦᠯ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ',
  scoreValue: '{score} ({month})',
  noScore: 'ᠦᠨᠡᠯᠡᠭᠡᠳᠦᠢ',
  noPlan: 'ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠦᠭᠡᠢ',
  open: 'ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠶᠢ ᠦᠵᠡᠬᠦ',
  openFor: '{who} ᠶᠢᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠶᠢ ᠦᠵᠡᠬᠦ',
  selected: 'ᠰᠣᠩᠭᠣᠭᠰᠠᠨ',
  kindControl: 'ᠬᠢᠨᠠᠯᠲᠠ',
  kindProbation: 'ᠲᠦᠳᠬᠡᠯᠵᠡ',
  kindParole: 'ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ',
  kindMedicalParole: 'ᠭᠠᠳᠠᠨ᠎ᠠ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ',
  classStrict: 'ᠴᠢᠩ',
  classNormal: 'ᠡᠩ ᠦᠨ',
  classLenient: 'ᠠᠭᠤᠤ',
  stageIntake: 'ᠡᠬᠢᠯᠡᠯ',
  stageRegular: 'ᠡᠩ ᠦᠨ',
  stageRelease: 'ᠲᠡᠬᠦᠰᠬᠡᠯ',
  stateLostContact: 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  unknown: '—',
  dayDate: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
};
