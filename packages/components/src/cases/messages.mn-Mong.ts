/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-cases>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Suffixes are joined with U+202F
 * NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR. Case types,
 * states, steps, fields and legal bases come from the server; where one has no Mongolian form
 * the widget shows the Chinese one, marked lang="zh-CN".
 */
import type { CasesMessageCatalog } from './messages.js';

export const mnMong: CasesMessageCatalog = {
  // kereg
  titleFallback: 'ᠬᠡᠷᠡᠭ',
  // aciyalaju bayin_a…
  loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // sUljiy_e tasuragsan
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // kereg-Un tOrOl-i jaagagsan Ugei: `type="mediation.case"` metU bicin_e uu.
  noType: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠷᠥᠯ ᠢ ᠵᠠᠠᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ type="mediation.case" ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃',

  // kereg-i ilgaqu
  filters: 'ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠭᠠᠬᠤ',
  // bayidal
  filterState: 'ᠪᠠᠶᠢᠳᠠᠯ',
  // bUkU bayidal
  allStates: 'ᠪᠦᠬᠦ ᠪᠠᠶᠢᠳᠠᠯ',
  // sidgel-Un yabuca
  filterStatus: 'ᠰᠢᠳᠭᠡᠯ ᠦᠨ ᠶᠠᠪᠤᠴᠠ',
  // bUkU
  statusAll: 'ᠪᠦᠬᠦ',
  // sidgejU bayigaa
  statusOpen: 'ᠰᠢᠳᠭᠡᠵᠦ ᠪᠠᠶᠢᠭᠠᠠ',
  // qagagdagsan
  statusClosed: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ',
  // bolja oyiratagsan
  statusDueSoon: 'ᠪᠣᠯᠵᠠ ᠣᠶᠢᠷᠠᠲᠠᠭᠰᠠᠨ',
  // bolja Ongeregsen
  statusOverdue: 'ᠪᠣᠯᠵᠠ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // dugaar buyu Uge
  search: 'ᠳᠤᠭᠠᠠᠷ ᠪᠤᠶᠤ ᠦᠭᠡ',
  // kereg-Un dugaar buyu jagsagalta-du garugsan Uge-ber qayin_a (tal-a-yin medege-yi qayiqu Ugei).
  searchHint: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠤᠶᠤ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠭᠠᠷᠤᠭᠰᠠᠨ ᠦᠭᠡ ᠪᠡᠷ ᠬᠠᠶᠢᠨ᠎ᠠ (ᠲᠠᠯ ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠬᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ)᠃',
  // qayiqu
  find: 'ᠬᠠᠶᠢᠬᠤ',
  // ilgal-i arilgaqu
  clearFilters: 'ᠢᠯᠭᠠᠯ ᠢ ᠠᠷᠢᠯᠭᠠᠬᠤ',
  // kereg-Un jagsagalta
  listLabel: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ',
  // niyt {total} kereg
  count: 'ᠨᠢᠶᠲ {total} ᠬᠡᠷᠡᠭ',
  // {from}–{to}, niyt {total} kereg
  range: '{from}–{to}᠂ ᠨᠢᠶᠲ {total} ᠬᠡᠷᠡᠭ',
  // tokiyalduqu kereg Ugei.
  empty: 'ᠲᠣᠬᠢᠶᠠᠯᠳᠤᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃',
  // kereg alga.
  emptyAll: 'ᠬᠡᠷᠡᠭ ᠠᠯᠭᠠ᠃',
  // qagudasu
  pages: 'ᠬᠠᠭᠤᠳᠠᠰᠤ',
  // OmUneki qagudasu
  prevPage: 'ᠥᠮᠦᠨᠡᠬᠢ ᠬᠠᠭᠤᠳᠠᠰᠤ',
  // daraki qagudasu
  nextPage: 'ᠳᠠᠷᠠᠬᠢ ᠬᠠᠭᠤᠳᠠᠰᠤ',
  // {pages}-un {page} dugaar qagudasu
  page: '{pages} ᠤᠨ {page} ᠳᠤᠭᠠᠠᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ',
  // {date} qUliyen abugsan
  openedOn: '{date} ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ',
  // yabuju bayigaa bolja Ugei
  noRunningDeadline: 'ᠶᠠᠪᠤᠵᠤ ᠪᠠᠶᠢᠭᠠᠠ ᠪᠣᠯᠵᠠ ᠦᠭᠡᠢ',

  // {n} ajil-un edUr Ulegsen
  dueInWorking: '{n} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠯᠡᠭᠰᠡᠨ',
  // 1 ajil-un edUr Ulegsen
  dueInWorkingOne: '1 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠯᠡᠭᠰᠡᠨ',
  // {n} edUr Ulegsen
  dueInDays: '{n} ᠡᠳᠦᠷ ᠦᠯᠡᠭᠰᠡᠨ',
  // 1 edUr Ulegsen
  dueInDaysOne: '1 ᠡᠳᠦᠷ ᠦᠯᠡᠭᠰᠡᠨ',
  // OnOdUr bolja duusun_a
  dueToday: 'ᠥᠨᠥᠳᠦᠷ ᠪᠣᠯᠵᠠ ᠳᠤᠤᠰᠤᠨ᠎ᠠ',
  // {n} ajil-un edUr Ongeregsen
  overdueWorking: '{n} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // 1 ajil-un edUr Ongeregsen
  overdueWorkingOne: '1 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // {n} edUr Ongeregsen
  overdueDays: '{n} ᠡᠳᠦᠷ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // 1 edUr Ongeregsen
  overdueDaysOne: '1 ᠡᠳᠦᠷ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // {date} biyelegsen
  metOn: '{date} ᠪᠢᠶᠡᠯᠡᠭᠰᠡᠨ',
  // bolja {date}
  dueOn: 'ᠪᠣᠯᠵᠠ {date}',
  // {days} ajil-un edUr
  periodWorking: '{days} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ',
  // {days} edUr
  periodDays: '{days} ᠡᠳᠦᠷ',
  // {date}-aca ekilen tooculan_a
  startedOn: '{date} ᠠᠴᠠ ᠡᠬᠢᠯᠡᠨ ᠲᠣᠣᠴᠤᠯᠠᠨ᠎ᠠ',
  // Undusulel: {basis}
  basis: 'ᠦᠨᠳᠤᠰᠤᠯᠡᠯ᠄ {basis}',
  // ` `(orun nutug-un togtagal)
  configured: ' (ᠣᠷᠤᠨ ᠨᠤᠲᠤᠭ ᠤᠨ ᠲᠣᠭᠲᠠᠭᠠᠯ)',
  // yabuju bayigaa
  deadlineRunning: 'ᠶᠠᠪᠤᠵᠤ ᠪᠠᠶᠢᠭᠠᠠ',
  // bolja oyiratagsan
  deadlineDueSoon: 'ᠪᠣᠯᠵᠠ ᠣᠶᠢᠷᠠᠲᠠᠭᠰᠠᠨ',
  // bolja Ongeregsen
  deadlineOverdue: 'ᠪᠣᠯᠵᠠ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ',
  // biyelegsen
  deadlineMet: 'ᠪᠢᠶᠡᠯᠡᠭᠰᠡᠨ',

  // kereg-Un jagsagalta-du bucaqu
  back: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠤᠴᠠᠬᠤ',
  // {org} · {date} qUliyen abugsan
  caseMeta: '{org} · {date} ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ',
  // bayidal: {state}
  stateLabel: 'ᠪᠠᠶᠢᠳᠠᠯ᠄ {state}',
  // qagagdagsan
  closedCase: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ',
  // kereg-Un medege
  fieldsTitle: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠮᠡᠳᠡᠭᠡ',
  // qubi kUmUn-U medege-yi dUrim-Un daguu niguculaba; kereg-i sidgekU bayigullag_a l bUren Uje cidan_a.
  masked: 'ᠬᠤᠪᠢ ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠳᠦᠷᠢᠮ ᠦᠨ ᠳᠠᠭᠤᠤ ᠨᠢᠭᠤᠴᠤᠯᠠᠪᠠ᠂ ᠬᠡᠷᠡᠭ ᠢ ᠰᠢᠳᠭᠡᠬᠦ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠯ ᠪᠦᠷᠡᠨ ᠦᠵᠡ ᠴᠢᠳᠠᠨ᠎ᠠ᠃',
  // sidgekU bolja
  deadlinesTitle: 'ᠰᠢᠳᠭᠡᠬᠦ ᠪᠣᠯᠵᠠ',
  // ene kereg-tU bolja Ugei.
  noDeadlines: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠲᠦ ᠪᠣᠯᠵᠠ ᠦᠭᠡᠢ᠃',
  // sidgegsen teUke
  timelineTitle: 'ᠰᠢᠳᠭᠡᠭᠰᠡᠨ ᠲᠡᠦᠬᠡ',
  // recorded {time}
  recordedAt: '{time} ᠳᠤ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ',
  // {from} → {to}
  stateChange: '{from} → {to}',
  // bicig-i tatan abqu
  downloadDocument: 'ᠪᠢᠴᠢᠭ ᠢ ᠲᠠᠲᠠᠨ ᠠᠪᠬᠤ',
  // {title} ({number})
  documentNumbered: '{title} ({number})',
  // tatan abcu cidagsan Ugei: {reason}
  downloadFailed: 'ᠲᠠᠲᠠᠨ ᠠᠪᠴᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // qabsurulta
  attachmentsTitle: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ',
  // qabsurulta alga.
  noAttachments: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠠᠯᠭᠠ᠃',
  // qabsurulta oruulqu
  uploadLabel: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠣᠷᠤᠤᠯᠬᠤ',
  // bicig songgomagca oruulun_a: `PDF`, `PNG`, `JPEG`, `Word (.docx)`, `Excel (.xlsx)` buyu enggin Usug-Un bicig, nige bUri {max} `MB`-aca ilegUU Ugei.
  uploadHint: 'ᠪᠢᠴᠢᠭ ᠰᠣᠨᠭᠭᠣᠮᠠᠭᠴᠠ ᠣᠷᠤᠤᠯᠤᠨ᠎ᠠ᠄ PDF᠂ PNG᠂ JPEG᠂ Word (.docx)᠂ Excel (.xlsx) ᠪᠤᠶᠤ ᠡᠨᠭᠭᠢᠨ ᠦᠰᠤᠭ ᠦᠨ ᠪᠢᠴᠢᠭ᠂ ᠨᠢᠭᠡ ᠪᠦᠷᠢ {max} MB ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠃',
  // “{name}”-i oruulju bayin_a: {percent}%
  uploading: '“{name}” ᠢ ᠣᠷᠤᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠄ {percent}%',
  // “{name}” oruulba.
  uploaded: '“{name}” ᠣᠷᠤᠤᠯᠪᠠ᠃',
  // “{name}”-i oruulju cidagsan Ugei: {reason}
  uploadFailed: '“{name}” ᠢ ᠣᠷᠤᠤᠯᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // oruulqu-yi bolilgaqu
  cancelUpload: 'ᠣᠷᠤᠤᠯᠬᠤ ᠶᠢ ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
  // “{name}”-i oruulqu-yi bolilgaba.
  uploadCancelled: '“{name}” ᠢ ᠣᠷᠤᠤᠯᠬᠤ ᠶᠢ ᠪᠣᠯᠢᠯᠭᠠᠪᠠ᠃',
  // oyilgaba
  dismiss: 'ᠣᠶᠢᠯᠭᠠᠪᠠ',
  // {n} `KB`
  sizeKB: '{n} KB',
  // {n} `MB`
  sizeMB: '{n} MB',
  // {name} {time} oruulba
  uploadedBy: '{name} {time} ᠣᠷᠤᠤᠯᠪᠠ',
  // “{name}”-i tatan abqu
  downloadAttachment: '“{name}” ᠢ ᠲᠠᠲᠠᠨ ᠠᠪᠬᠤ',
  // daraki alqum
  nextTitle: 'ᠳᠠᠷᠠᠬᠢ ᠠᠯᠬᠤᠮ',
  // ta odo sidgekU alqum Ugei.
  noNext: 'ᠲᠠ ᠣᠳᠣ ᠰᠢᠳᠭᠡᠬᠦ ᠠᠯᠬᠤᠮ ᠦᠭᠡᠢ᠃',
  // ene kereg qagagdagsan, daraki alqum Ugei.
  noNextClosed: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ᠂ ᠳᠠᠷᠠᠬᠢ ᠠᠯᠬᠤᠮ ᠦᠭᠡᠢ᠃',
  // daraga anu: {state}
  leadsTo: 'ᠳᠠᠷᠠᠭᠠ ᠠᠨᠤ᠄ {state}',
  // bicig garqu
  issuesDocument: 'ᠪᠢᠴᠢᠭ ᠭᠠᠷᠬᠤ',

  // bOglekU kereg-tei
  required: 'ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ',
  // songgoqu
  choose: 'ᠰᠣᠨᠭᠭᠣᠬᠤ',
  // tiyim
  yes: 'ᠲᠢᠶᠢᠮ',
  // Ugei
  no: 'ᠦᠭᠡᠢ',
  // sidgegsen edUr
  stepDate: 'ᠰᠢᠳᠭᠡᠭᠰᠡᠨ ᠡᠳᠦᠷ',
  // qUliyen abugsan edUr
  openDate: 'ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ',
  // bicikU Ugei bol OnOdUr.
  dateHint: 'ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠥᠨᠥᠳᠦᠷ᠃',
  // tusiyaqu
  submit: 'ᠲᠤᠰᠢᠶᠠᠬᠤ',
  // tusiyaju bayin_a…
  submitting: 'ᠲᠤᠰᠢᠶᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // bolilgaqu
  cancel: 'ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
  // qagaqu
  close: 'ᠬᠠᠭᠠᠬᠤ',
  // {count} jUil-i jasaju dakin tusiyan_a uu.
  fixErrors: '{count} ᠵᠦᠢᠯ ᠢ ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // ene jUil-i bOglekU kereg-tei.
  fieldRequired: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // {max} Usug-ece ilegUU bolqu Ugei.
  tooLong: '{max} ᠦᠰᠤᠭ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // too bicin_e uu.
  notNumber: 'ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃',
  // bUkUl too bicin_e uu.
  notInteger: 'ᠪᠦᠬᠦᠯ ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃',
  // {min}-ece baga bolqu Ugei.
  tooSmall: '{min} ᠡᠴᠡ ᠪᠠᠭᠠ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // {max}-ece yeke bolqu Ugei.
  tooLarge: '{max} ᠡᠴᠡ ᠶᠡᠬᠡ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // jOb edUr bicin_e uu (on-sar_a-edUr).
  badDate: 'ᠵᠥᠪ ᠡᠳᠦᠷ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ (ᠣᠨ ᠰᠠᠷ᠎ᠠ ᠡᠳᠦᠷ)᠃',
  // OnOdUr-ece qojim bolqu Ugei.
  futureDate: 'ᠥᠨᠥᠳᠦᠷ ᠡᠴᠡ ᠬᠣᠵᠢᠮ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // dor_a kemjiy_e {min}.
  tooFew: 'ᠳᠣᠷ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ {min}᠃',
  // deger_e kemjiy_e {max}.
  tooMany: 'ᠳᠡᠭᠡᠷ᠎ᠡ ᠬᠡᠮᠵᠢᠶ᠎ᠡ {max}᠃',
  // bUgUde gar Usug jUrUju edUr-iyen bicikU kereg-tei.
  signAll: 'ᠪᠦᠭᠦᠳᠡ ᠭᠠᠷ ᠦᠰᠤᠭ ᠵᠦᠷᠦᠵᠤ ᠡᠳᠦᠷ ᠢᠶᠡᠨ ᠪᠢᠴᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // gar Usug jUrUgsen edUr-i bicin_e uu.
  signedOnMissing: 'ᠭᠠᠷ ᠦᠰᠤᠭ ᠵᠦᠷᠦᠭᠰᠡᠨ ᠡᠳᠦᠷ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃',
  // nige nemekU
  partiesAdd: 'ᠨᠢᠭᠡ ᠨᠡᠮᠡᠬᠦ',
  // {n} dUgeer
  partyN: '{n} ᠳᠦᠭᠡᠡᠷ',
  // {n} dUgeer-i qasuqu
  partyRemove: '{n} ᠳᠦᠭᠡᠡᠷ ᠢ ᠬᠠᠰᠤᠬᠤ',
  // bayiri
  partyRole: 'ᠪᠠᠶᠢᠷᠢ',
  // ner_e
  partyName: 'ᠨᠡᠷ᠎ᠡ',
  // irgen-U UnemlekU-yin dugaar
  partyIdNumber: 'ᠢᠷᠭᠡᠨ ᠦ ᠦᠨᠡᠮᠯᠡᠬᠦ ᠶᠢᠨ ᠳᠤᠭᠠᠠᠷ',
  // utasu
  partyPhone: 'ᠤᠲᠠᠰᠤ',
  // qayig
  partyAddress: 'ᠬᠠᠶᠢᠭ',
  // ner_e-ben kelekU Ugei (ner_e Ugei)
  partyAnonymous: 'ᠨᠡᠷ᠎ᠡ ᠪᠡᠨ ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ (ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ)',
  // ner_e Ugei
  anonymous: 'ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ',
  // bicigdegsen Ugei.
  noParties: 'ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃',
  // gar Usug jUrUgsen
  signed: 'ᠭᠠᠷ ᠦᠰᠤᠭ ᠵᠦᠷᠦᠭᠰᠡᠨ',
  // gar Usug jUrUgsen edUr
  signedOn: 'ᠭᠠᠷ ᠦᠰᠤᠭ ᠵᠦᠷᠦᠭᠰᠡᠨ ᠡᠳᠦᠷ',
  // {role} {name}
  signerParty: '{role} {name}',
  // {n} dUgeer tal_a
  signerPartyN: '{n} ᠳᠦᠭᠡᠡᠷ ᠲᠠᠯ᠎ᠠ',
  // ene kereg-tU qabsurulta alga: urida “qabsurulta” qesig-tU oruulun_a uu.
  noAttachmentsToPick: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠲᠦ ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠠᠯᠭᠠ᠄ ᠤᠷᠢᠳᠠ “ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ” ᠬᠡᠰᠢᠭ ᠲᠦ ᠣᠷᠤᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃',
  // kereg-i neegsen-U daraga qabsurulta oruulju bolon_a.
  attachmentsAfterOpen: 'ᠬᠡᠷᠡᠭ ᠢ ᠨᠡᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭᠠ ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠣᠷᠤᠤᠯᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃',
  // {n} gar Usug
  signaturesCount: '{n} ᠭᠠᠷ ᠦᠰᠤᠭ',
  // {n} bicig
  filesCount: '{n} ᠪᠢᠴᠢᠭ',
  // sin_e kereg: {step}
  newCase: 'ᠰᠢᠨ᠎ᠡ ᠬᠡᠷᠡᠭ᠄ {step}',
  // bUrtgebe, dugaar {number}.
  opened: 'ᠪᠦᠷᠲᠭᠡᠪᠡ᠂ ᠳᠤᠭᠠᠠᠷ {number}᠃',
  // “{step}” temdeglebe; kereg odo “{state}”.
  done: '“{step}” ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠂ ᠬᠡᠷᠡᠭ ᠣᠳᠣ “{state}”᠃',
  // tusiyagsan Ugei bicigsen jUil-i tan-u sergegebe.
  draftKept: 'ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠢ ᠲᠠᠨ ᠤ ᠰᠡᠷᠭᠡᠭᠡᠪᠡ᠃',
  // tusiyaqu-yin urida kereg OOrcilegdebe: {changes}. tan-u bicigsen jUil doora bayin_a, sinjilejU dakin tusiyan_a uu.
  conflict: 'ᠲᠤᠰᠢᠶᠠᠬᠤ ᠶᠢᠨ ᠤᠷᠢᠳᠠ ᠬᠡᠷᠡᠭ ᠥᠥᠷᠴᠢᠯᠡᠭᠳᠡᠪᠡ᠄ {changes}᠃ ᠲᠠᠨ ᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠳᠣᠣᠷᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // {name} {time}-du “{step}”-i sidgebe
  conflictStep: '{name} {time} ᠳᠤ “{step}” ᠢ ᠰᠢᠳᠭᠡᠪᠡ',
  // bayidal odo “{state}”
  conflictState: 'ᠪᠠᠶᠢᠳᠠᠯ ᠣᠳᠣ “{state}”',
  // kereg-Un bicig sinecilegdebe
  conflictNone: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠪᠢᠴᠢᠭ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ',
  // “{step}”-i odoki bayidal-du sidgejU bolqu Ugei. tan-u bicigsen jUil doora bayin_a.
  conflictGone: '“{step}” ᠢ ᠣᠳᠣᠬᠢ ᠪᠠᠶᠢᠳᠠᠯ ᠳᠤ ᠰᠢᠳᠭᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠲᠠᠨ ᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠳᠣᠣᠷᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // tusiyaju cidagsan Ugei: {reason}
  failed: 'ᠲᠤᠰᠢᠶᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // bicigsen jUil ({n})
  showFields: 'ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ({n})',
  // 1 jUil-i jasaju dakin tusiyan_a uu.
  fixErrorsOne: '1 ᠵᠦᠢᠯ ᠢ ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // ene jUil-i bOglekU kereg-tei.
  caseRequired: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // Ug bicin_e UU.
  caseText: 'ᠦᠭ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // Ug keterkei urtu bayin_a.
  caseTooLong: 'ᠦᠭ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠤᠷᠲᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // too bicin_e UU.
  caseNumber: 'ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // bUkUl too bicin_e UU.
  caseWholeNumber: 'ᠪᠦᠬᠦᠯ ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // too keterkei baga bayin_a.
  caseTooSmall: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠪᠠᠭᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // too keterkei yeke bayin_a.
  caseTooLarge: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠶᠡᠬᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // edUr-i `YYYY-MM-DD` metU bicin_e UU.
  caseDate: 'ᠡᠳᠦᠷ ᠢ YYYY-MM-DD ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // tiyimU buyu Ugei-yi soNgon_a uu.
  caseBoolean: 'ᠲᠢᠶᠢᠮᠦ ᠪᠤᠶᠤ ᠦᠭᠡᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // Ogtegsen soNgolta-aca nige-yi soNgon_a uu.
  caseChoice: 'ᠥᠭᠲᠡᠭᠰᠡᠨ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠠᠴᠠ ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // nige jUil-i dakin soNgoju bolqu Ugei.
  caseDuplicate: 'ᠨᠢᠭᠡ ᠵᠦᠢᠯ ᠢ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // too keterkei olan bayin_a.
  caseTooManyItems: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // too dutagu bayin_a.
  caseTooFewItems: 'ᠲᠣᠣ ᠳᠤᠲᠠᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // tal_a-yi bicin_e UU.
  caseParties: 'ᠲᠠᠯ᠎ᠠ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // tal_a-yin bayiri-yi soNgon_a uu.
  casePartyRole: 'ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠪᠠᠶᠢᠷᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // tal_a-yin ner_e-yi bicin_e UU.
  casePartyName: 'ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // biy_e-yin Unemlekui-yin dugar 18 orun-tai, sinjilekU orun anu jOb bayiqu kereg-tei.
  caseIdNumber: 'ᠪᠢᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠬᠤᠢ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ 18 ᠣᠷᠤᠨ ᠲᠠᠢ᠂ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠣᠷᠤᠨ ᠠᠨᠤ ᠵᠥᠪ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // utasu-yin dugar anu 11 orun-tai gar utasu buyu bUs-Un dugar-tai saguri utasu bayiqu kereg-tei.
  casePhone: 'ᠤᠲᠠᠰᠤ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ ᠠᠨᠤ 11 ᠣᠷᠤᠨ ᠲᠠᠢ ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠤᠶᠤ ᠪᠦᠰ ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ ᠲᠠᠢ ᠰᠠᠭᠤᠷᠢ ᠤᠲᠠᠰᠤ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // gar UsUg-Un bayidal-i bicin_e UU.
  caseSignatures: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠦᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // gar UsUg jirugci anu ene kereg-Un tal_a buyu togtagagsan gar UsUg jirugci bisi.
  caseSigner: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠴᠢ ᠠᠨᠤ ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠠᠯ᠎ᠠ ᠪᠤᠶᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠴᠢ ᠪᠢᠰᠢ᠃',
  // nige kUmUn nige l udag_a gar UsUg jirun_a.
  caseSignedTwice: 'ᠨᠢᠭᠡ ᠬᠦᠮᠦᠨ ᠨᠢᠭᠡ ᠯ ᠤᠳᠠᠭ᠎ᠠ ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠨ᠎ᠠ᠃',
  // gar UsUg jirugagui tal_a buyu jirugci bayin_a.
  caseSignatureMissing: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠠᠭᠤᠢ ᠲᠠᠯ᠎ᠠ ᠪᠤᠶᠤ ᠵᠢᠷᠤᠭᠴᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // ene kereg-tU orugulugsan qabsurulta-aca soNgon_a uu.
  caseAttachment: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠲᠦ ᠣᠷᠤᠭᠤᠯᠤᠭᠰᠠᠨ ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠠᠴᠠ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // edUr OnOdUr-ece qojim bayiju bolqu Ugei.
  caseDayInFuture: 'ᠡᠳᠦᠷ ᠥᠨᠥᠳᠦᠷ ᠡᠴᠡ ᠬᠣᠵᠢᠮ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // edUr ene kereg-Un OmUneki alqum-un edUr-ece emUne bayiju bolqu Ugei.
  caseDayBeforeLast: 'ᠡᠳᠦᠷ ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠦᠨ ᠥᠮᠦᠨᠡᠬᠢ ᠠᠯᠬᠤᠮ ᠤᠨ ᠡᠳᠦᠷ ᠡᠴᠡ ᠡᠮᠦᠨᠡ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // ene alqum-du Ugei talbar bayin_a.
  caseUnknownField: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠳᠤ ᠦᠭᠡᠢ ᠲᠠᠯᠪᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // ene sinjilge-dU aNqarul qandugulqu kereg-tei: UrgUljilen kikU bolbasu siltagan-i bicin_e UU.
  caseCheckReason: 'ᠡᠨᠡ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠳᠦ ᠠᠩᠬᠠᠷᠤᠯ ᠬᠠᠨᠳᠤᠭᠤᠯᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠄ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠢᠬᠦ ᠪᠣᠯᠪᠠᠰᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // ene alqum-i kikU bolqu Ugei.
  caseCheckBlocked: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠬᠢᠬᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // ene alqum-du ene sinjilge Ugei.
  caseCheckUnknown: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠳᠤ ᠡᠨᠡ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠭᠡᠢ᠃',
  // sinjilel-Un sanagulga
  checksTitle: 'ᠰᠢᠨᠵᠢᠯᠡᠯ ᠦᠨ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ',
  // eden sanagulga-ber urid-iyar sinjilene; anggaral xandugulxu-yi urgulji xiixu bol nige nigen-iyer siltagan-i bicine.
  checksIntro: 'ᠡᠳᠡᠨ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠡᠷ ᠤᠷᠢᠳᠠᠴᠢᠯᠠᠨ ᠰᠢᠨᠵᠢᠯᠡᠨ᠎ᠡ᠂ ᠠᠩᠬᠠᠷᠤᠯ ᠬᠠᠨᠳᠤᠭᠤᠯᠬᠤ ᠵᠦᠢᠯ ᠢ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠢᠬᠦ ᠪᠣᠯ ᠨᠢᠭᠡ ᠨᠢᠭᠡᠨ ᠢᠶᠡᠷ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ᠃',
  // sinjilejU bayin_a…
  checksLoading: 'ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // sinjilel-Un sanagulga-yi aciyalaju cidagsan Ugei: {reason}
  checksFailed: 'ᠰᠢᠨᠵᠢᠯᠡᠯ ᠦᠨ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // tengcegsen
  checkPass: 'ᠲᠡᠩᠴᠡᠭᠰᠡᠨ',
  // anggaral xandugulxu
  checkAttention: 'ᠠᠩᠬᠠᠷᠤᠯ ᠬᠠᠨᠳᠤᠭᠤᠯᠬᠤ',
  // medegel
  checkInfo: 'ᠮᠡᠳᠡᠭᠡᠯ',
  // todorxai Ugei
  checkUnknown: 'ᠲᠣᠳᠣᠷᠬᠠᠢ ᠦᠭᠡᠢ',
  // kikU bolqu Ugei
  checkBlocked: 'ᠬᠢᠬᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ',
  // ene alqum-i kikU bolqu Ugei.
  checkBlockedHint: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠬᠢᠬᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // Undusulel: {article}
  checkArticle: 'ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ {article}',
  // sanal: {text}
  checkSuggestion: 'ᠰᠠᠨᠠᠯ᠄ {text}',
  // urgulji xiixu siltagan
  checkReason: 'ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠢᠬᠦ ᠰᠢᠯᠲᠠᠭᠠᠨ',
  // sinjilel-Un sanagulga
  checksRecorded: 'ᠰᠢᠨᠵᠢᠯᠡᠯ ᠦᠨ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ',
  // siltagan: {reason}
  checkReasonRecorded: 'ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ {reason}',
  // ene jUil buruu bicigdebe.
  invalidValue: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠪᠤᠷᠤᠤ ᠪᠢᠴᠢᠭᠳᠡᠪᠡ᠃',
  // ta ene ajil-i sidgekU erke Ugei.
  errForbidden: 'ᠲᠠ ᠡᠨᠡ ᠠᠵᠢᠯ ᠢ ᠰᠢᠳᠭᠡᠬᠦ ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠃',
  // ene kereg oldagsan Ugei, buyu tan-u qariyatu-du Ugei.
  errNotFound: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠪᠤᠶᠤ ᠲᠠᠨ ᠤ ᠬᠠᠷᠢᠶᠠᠲᠤ ᠳᠤ ᠦᠭᠡᠢ᠃',
  // urida orun_a uu.
  errUnauthenticated: 'ᠤᠷᠢᠳᠠ ᠣᠷᠤᠨ᠎ᠠ ᠤᠤ᠃',
  // bicig qetUrkei yeke: qabsurulta nige bUri {max} `MB`-aca ilegUU Ugei.
  errTooLarge: 'ᠪᠢᠴᠢᠭ ᠬᠡᠲᠦᠷᠬᠡᠢ ᠶᠡᠬᠡ᠄ ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠨᠢᠭᠡ ᠪᠦᠷᠢ {max} MB ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠃',
  // ene tOrOl-Un bicig-i qUliyen abqu Ugei: `PDF`, `PNG`, `JPEG`, `Word (.docx)`, `Excel (.xlsx)` buyu enggin Usug-Un bicig l bolon_a.
  errUnsupportedType: 'ᠡᠨᠡ ᠲᠥᠷᠥᠯ ᠦᠨ ᠪᠢᠴᠢᠭ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠄ PDF᠂ PNG᠂ JPEG᠂ Word (.docx)᠂ Excel (.xlsx) ᠪᠤᠶᠤ ᠡᠨᠭᠭᠢᠨ ᠦᠰᠤᠭ ᠦᠨ ᠪᠢᠴᠢᠭ ᠯ ᠪᠣᠯᠣᠨ᠎ᠠ᠃',
  // tOb odo sidgejU cidaqu Ugei, qojim dakin oroldan_a uu.
  errUnavailable: 'ᠲᠥᠪ ᠣᠳᠣ ᠰᠢᠳᠭᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠬᠣᠵᠢᠮ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // tOb ene gUyiltu-yi qUliyen abugsan Ugei.
  errRefused: 'ᠲᠥᠪ ᠡᠨᠡ ᠭᠦᠶᠢᠯᠲᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
};
