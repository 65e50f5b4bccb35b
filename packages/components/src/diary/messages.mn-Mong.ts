/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-diary>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Word-internal suffixes are joined
 * with U+202F NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR, as
 * the script requires. Diary item titles come from the server; where an item has no Mongolian
 * title the widget shows the Chinese one, marked lang="zh-CN".
 */
import type { DiaryMessageCatalog } from './messages.js';

export const mnMong: DiaryMessageCatalog = {
  // ajil-un edUr-Un temdeglel
  title: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // {month}-un temdeglel-Un liti
  calendar: '{month} ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠨ ᠯᠢᠲᠢ',
  // {year} on-u {month} sar_a
  monthTitle: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ',
  // OmUneki sar_a
  prevMonth: 'ᠥᠮᠦᠨᠡᠬᠢ ᠰᠠᠷ᠎ᠠ',
  // daragaki sar_a
  nextMonth: 'ᠳᠠᠷᠠᠭᠠᠬᠢ ᠰᠠᠷ᠎ᠠ',
  // nigen,qoyar,gurban,dOrben,tabun,jirgugan,edUr
  weekdays: 'ᠨᠢᠭᠡᠨ,ᠬᠣᠶᠠᠷ,ᠭᠤᠷᠪᠠᠨ,ᠳᠥᠷᠪᠡᠨ,ᠲᠠᠪᠤᠨ,ᠵᠢᠷᠭᠤᠭᠠᠨ,ᠡᠳᠦᠷ',
  // garag-un nigen,garag-un qoyar,garag-un gurban,garag-un dOrben,garag-un tabun,garag-un jirgugan,garag-un edUr
  weekdaysLong: 'ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠬᠣᠶᠠᠷ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠭᠤᠷᠪᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠲᠠᠪᠤᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠢᠷᠭᠤᠭᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ',
  // {month} sar_a-yin {day}
  dayDate: '{month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
  // {count} temdeglel bicigdegsen
  dayFilled: '{count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ',
  // bicigdegsen
  legendFilled: 'ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ',
  // ajil-un edUr, temdeglel dutagu
  dayMissing: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ᠂ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠳᠤᠲᠠᠭᠤ',
  // iregedUi
  dayFuture: 'ᠢᠷᠡᠭᠡᠳᠦᠢ',
  // amur_a edUr
  dayRest: 'ᠠᠮᠤᠷ᠎ᠠ ᠡᠳᠦᠷ',
  // OnOdUr
  today: 'ᠥᠨᠥᠳᠦᠷ',
  // tayilburi
  legend: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ',
  // {date}-u temdeglel
  dayTitle: '{date} ᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // ene edUr temdeglel alga.
  noEntries: 'ᠡᠨᠡ ᠡᠳᠦᠷ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭᠠ᠃',
  // iregedUi edUr-tU temdeglel bicijU bolqu Ugei.
  futureDay: 'ᠢᠷᠡᠭᠡᠳᠦᠢ ᠡᠳᠦᠷ ᠲᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // qurdun bicikU
  quickEntry: 'ᠬᠤᠷᠳᠤᠨ ᠪᠢᠴᠢᠬᠦ',
  // sayiqan kereglegsen
  recent: 'ᠰᠠᠶᠢᠬᠠᠨ ᠬᠡᠷᠡᠭᠯᠡᠭᠰᠡᠨ',
  // tagalagsan
  favourites: 'ᠲᠠᠭᠠᠯᠠᠭᠰᠠᠨ',
  // {item}-i tagalaqu
  star: '{item} ᠢ ᠲᠠᠭᠠᠯᠠᠬᠤ',
  // sin_e temdeglel: {item}
  newEntry: 'ᠰᠢᠨ᠎ᠡ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠄ {item}',
  // jasaqu: {item}
  editEntry: 'ᠵᠠᠰᠠᠬᠤ᠄ {item}',
  // qadagalaqu
  save: 'ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ',
  // bolilgaqu
  cancel: 'ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
  // jasaqu
  edit: 'ᠵᠠᠰᠠᠬᠤ',
  // usadqaqu
  remove: 'ᠤᠰᠠᠳᠬᠠᠬᠤ',
  // usadqaqu-ban batulaqu
  confirmRemove: 'ᠤᠰᠠᠳᠬᠠᠬᠤ ᠪᠠᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ',
  // jasaju dakin ilegekU
  resubmit: 'ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠬᠦ',
  // oyilgaba
  dismiss: 'ᠣᠶᠢᠯᠭᠠᠪᠠ',
  // jayilasi Ugei
  required: 'ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ',
  // soNgoqu
  choose: 'ᠰᠣᠩᠭᠣᠬᠤ',
  // ner_e, yeke baga, tOrOl-i anu l temdeglene.
  filesHint: 'ᠨᠡᠷ᠎ᠡ᠂ ᠶᠡᠬᠡ ᠪᠠᠭᠠ᠂ ᠲᠥᠷᠥᠯ ᠢ ᠠᠨᠤ ᠯ ᠲᠡᠮᠳᠡᠭᠯᠡᠨᠡ᠃',
  // {name}-i qasuqu
  removeFile: '{name} ᠢ ᠬᠠᠰᠤᠬᠤ',
  // minut
  minutes: 'ᠮᠢᠨᠤᠲ',
  // {count} jUil-i jasaju dakin qadagalan_a uu.
  fixErrors: '{count} ᠵᠦᠢᠯ ᠢ ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // ilegegdebe
  stateSynced: 'ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ',
  // ene tOkOgerUmji-dU qadagalagdaba, ilegekU-yi kUlijejU bayin_a
  stateLocal: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠂ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // ilegejU bayin_a
  stateSyncing: 'ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // qUliyen abugsan Ugei
  stateRejected: 'ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  // jasabur ilegekU-yi kUlijejU bayin_a
  pendingUpdate: 'ᠵᠠᠰᠠᠪᠤᠷ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // usadqal ilegekU-yi kUlijejU bayin_a
  pendingRemove: 'ᠤᠰᠠᠳᠬᠠᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // jasaqu temdeglel qUliyen abugdagsan Ugei.
  dependencyRejected: 'ᠵᠠᠰᠠᠬᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
  // {time} kUrtel_e jasaju bolon_a
  editableUntil: '{time} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠵᠠᠰᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ',
  // bicigsen: {name}
  by: 'ᠪᠢᠴᠢᠭᠰᠡᠨ᠄ {name}',
  // sUljiy_e-dU qolbogdaba
  online: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠪᠠ',
  // sUljiy_e tasuraba: temdeglel-i ene tOkOgerUmji-dU qadagalaju, daraga anu ilegene.
  offline: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠪᠠ᠄ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ᠂ ᠳᠠᠷᠠᠭᠠ ᠠᠨᠤ ᠢᠯᠡᠭᠡᠨᠡ᠃',
  // {count} temdeglel kUlijejU bayin_a
  pending: '{count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // bUgUde ilegegdebe
  allSynced: 'ᠪᠦᠭᠦᠳᠡ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ',
  // odo ilegekU
  syncNow: 'ᠣᠳᠣ ᠢᠯᠡᠭᠡᠬᠦ',
  // aciyalaju bayin_a…
  loading: 'ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // temdeglel-i aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // ene tOkOgerUmji-dU qadagalagsan-i qaragulju bayin_a.
  showingCached: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠢ ᠬᠠᠷᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // ene tOkOgerUmji-dU qadagalagdaba.
  savedLocally: 'ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃',
  // ta temdeglel-i UjejU bolon_a. bicikU ba jasaqu anu qagul_i-yin tobcuu-yin ajiltan-u ajil.
  readOnly: 'ᠲᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠪᠢᠴᠢᠬᠦ ᠪᠠ ᠵᠠᠰᠠᠬᠤ ᠠᠨᠤ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠣᠪᠴᠤᠤ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠠᠵᠢᠯ᠃',
  // tan-u dangsa temdeglel-i UjekU erke-tei, bicikU jasaqu usadqaqu erke Ugei.
  noWritePermission: 'ᠲᠠᠨ ᠤ ᠳᠠᠨᠭᠰᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ᠂ ᠪᠢᠴᠢᠬᠦ ᠵᠠᠰᠠᠬᠤ ᠤᠰᠠᠳᠬᠠᠬᠤ ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠃',
  // tan-u dangsa temdeglel-i UjekU erke Ugei.
  noReadPermission: 'ᠲᠠᠨ ᠤ ᠳᠠᠨᠭᠰᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠬᠦ ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠃',
  // temdeglel-i UjekU buyu bicikU-yin tula eqlen newtern_e UU.
  signedOut: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠬᠦ ᠪᠤᠶᠤ ᠪᠢᠴᠢᠬᠦ ᠶᠢᠨ ᠲᠤᠯᠠ ᠡᠬᠯᠡᠨ ᠨᠡᠸᠲᠡᠷᠨ᠎ᠡ ᠦᠦ᠃',
  // sUljiy_e-yin tOb-tU qolbogdaju cidagsan Ugei.
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠶᠢᠨ ᠲᠥᠪ ᠲᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
  // {count} temdeglel qUliyen abugdagsan Ugei
  rejectedCount: '{count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  // {item}-i qadagalaba.
  saved: '{item} ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠃',
  // too bicin_e UU.
  errNumber: 'ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // bUkUl too bicin_e UU.
  errWholeNumber: 'ᠪᠦᠬᠦᠯ ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // 0-ece baga bayiju bolqu Ugei.
  errNotNegative: '0 ᠡᠴᠡ ᠪᠠᠭᠠ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  // too keterkei yeke bayin_a.
  errTooLarge: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠶᠡᠬᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // Ug bicin_e UU.
  errText: 'ᠦᠭ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // ene jUil-i bOglekU kereg-tei.
  errRequired: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  // Ug keterkei urtu bayin_a.
  errTooLong: 'ᠦᠭ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠤᠷᠲᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // nige-yi soNgon_a UU.
  errChoice: 'ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠦᠦ᠃',
  // qabsurulta keterkei olan bayin_a.
  errTooManyFiles: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // ene jUil-dU Ugei talbar bayin_a.
  errUnknownField: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠳᠦ ᠦᠭᠡᠢ ᠲᠠᠯᠪᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // ene utga buruu bayin_a.
  errInvalid: 'ᠡᠨᠡ ᠤᠲᠭᠠ ᠪᠤᠷᠤᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  // sitUgen ajil
  partBasic: 'ᠰᠢᠲᠦᠭᠡᠨ ᠠᠵᠢᠯ',
  // dUrim jokiyal
  partInstitutional: 'ᠳᠦᠷᠢᠮ ᠵᠣᠬᠢᠶᠠᠯ',
  // gol ajil
  partKey: 'ᠭᠣᠯ ᠠᠵᠢᠯ',
  // edUr tutum-un ajil
  partDaily: 'ᠡᠳᠦᠷ ᠲᠤᠲᠤᠮ ᠤᠨ ᠠᠵᠢᠯ',
  // tergegUlegci
  partOutstanding: 'ᠲᠡᠷᠭᠡᠭᠦᠯᠡᠭᠴᠢ',
  // sOrOg jagsagalta
  partNegative: 'ᠰᠥᠷᠥᠭ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ',
};
