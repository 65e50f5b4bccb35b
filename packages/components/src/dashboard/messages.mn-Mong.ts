/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-dashboard>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer; words
 * shared with the score card and warnings catalogs are spelled as there) and is listed in
 * `mnDrafts` until a native speaker has checked it. Entry point, figure and org names come from
 * the server; where they have no Mongolian form the widget shows the Chinese one, marked
 * lang="zh-CN".
 */
import type { DashboardMessageCatalog } from './messages.js';

export const mnMong: DashboardMessageCatalog = {
  // toga barimta-yin bUridgel
  title: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ',
  viewTitle: '{org} · {entry}',
  // toga barimta-yin oroga
  entry: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠣᠷᠣᠭ᠎ᠠ',
  // qugucag_a-yin tOrOl
  periodKind: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠥᠷᠥᠯ',
  // on
  kindYear: 'ᠣᠨ',
  // ulirail
  kindQuarter: 'ᠤᠯᠢᠷᠠᠯ',
  // sar_a
  kindMonth: 'ᠰᠠᠷ᠎ᠠ',
  // bUridgel-Un qugucag_a
  period: 'ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ',
  // {year} on
  periodYear: '{year} ᠣᠨ',
  // {year} on-u {quarter}-dugar ulirail
  periodQuarter: '{year} ᠣᠨ ᠤ {quarter} ᠳᠤᠭᠠᠷ ᠤᠯᠢᠷᠠᠯ',
  // {year} on-u {month} sar_a
  periodMonth: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ',
  // qaricagulqu
  compare: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ',
  // qaricagulqu Ugei
  compareNone: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠦᠭᠡᠢ',
  // emUneki qugucag_a-tai qaricagulqu
  comparePrevious: 'ᠡᠮᠦᠨᠡᠬᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠲᠠᠢ ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ',
  // nidunun-u ijil qugucag_a-tai qaricagulqu
  compareYearAgo: 'ᠨᠢᠳᠤᠨᠤᠨ ᠤ ᠢᠵᠢᠯ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠲᠠᠢ ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ',
  // qaricagulqu qugucag_a: {period}
  comparedWith: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {period}',
  // qaricagulqu: {period}-un ijil edUr-Ud ({from}–{through})
  comparedWithDays: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ᠄ {period} ᠤᠨ ᠢᠵᠢᠯ ᠡᠳᠦᠷ ᠦᠳ ({from}–{through})',
  // {day} kUrtele, ene qugucag_a dagusugsan Ugei
  periodRunning: '{day} ᠬᠦᠷᠲᠡᠯᠡ᠂ ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  // {year} on-u {month} sar_a-yin {day}
  dayDate: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
  // {month} sar_a
  monthShort: '{month} ᠰᠠᠷ᠎ᠠ',
  // bodogsan cag {time}
  computedAt: 'ᠪᠣᠳᠣᠭᠰᠠᠨ ᠴᠠᠭ {time}',
  // bodatu cag
  live: 'ᠪᠣᠳᠠᠲᠤ ᠴᠠᠭ',
  // dakin qolbuju bayin_a… (tasuragdaqu-yin emUneki toga)
  reconnecting: 'ᠳᠠᠬᠢᠨ ᠬᠣᠯᠪᠤᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ… (ᠲᠠᠰᠤᠷᠠᠭᠳᠠᠬᠤ ᠶᠢᠨ ᠡᠮᠦᠨᠡᠬᠢ ᠲᠣᠭ᠎ᠠ)',
  // Excel garqaqu
  exportXlsx: 'Excel ᠭᠠᠷᠭᠠᠬᠤ',
  // CSV garqaqu
  exportCsv: 'CSV ᠭᠠᠷᠭᠠᠬᠤ',
  // garqaju bayin_a…
  exporting: 'ᠭᠠᠷᠭᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // garqaju cidagsan Ugei: {reason}
  exportFailed: 'ᠭᠠᠷᠭᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // yeke delgece
  bigScreen: 'ᠶᠡᠬᠡ ᠳᠡᠯᠭᠡᠴᠡ',
  // yeke delgece-ece garqu
  exitBigScreen: 'ᠶᠡᠬᠡ ᠳᠡᠯᠭᠡᠴᠡ ᠡᠴᠡ ᠭᠠᠷᠬᠤ',
  // egeljilel-i tUr jogsogaqu
  pauseRotation: 'ᠡᠭᠡᠯᠵᠢᠯᠡᠯ ᠢ ᠲᠦᠷ ᠵᠣᠭᠰᠣᠭᠠᠬᠤ',
  // egeljilel-i UrgUljilegUlkU
  resumeRotation: 'ᠡᠭᠡᠯᠵᠢᠯᠡᠯ ᠢ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠭᠦᠯᠬᠦ',
  // {seconds} sekUnd tutum-du oroga-yi solin_a; ajillagsan-du jogsona.
  rotationNote: '{seconds} ᠰᠧᠺᠦ᠋ᠨ᠋ᠳ᠋ ᠲᠤᠲᠤᠮ ᠳᠤ ᠣᠷᠣᠭ᠎ᠠ ᠶᠢ ᠰᠣᠯᠢᠨ᠎ᠠ᠂ ᠠᠵᠢᠯᠯᠠᠭᠰᠠᠨ ᠳᠤ ᠵᠣᠭᠰᠣᠨ᠎ᠠ᠃',
  // sita
  breadcrumb: 'ᠱᠠᠲᠤ',
  // gool UjUlelte
  kpis: 'ᠭᠣᠣᠯ ᠦᠵᠦᠯᠡᠯᠲᠡ',
  // qaricagulqu qugucag_a {value}
  previousValue: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ {value}',
  // {change} degegsilebe
  changeUp: '{change} ᠳᠡᠭᠡᠭᠰᠢᠯᠡᠪᠡ',
  // {change} bagurabe
  changeDown: '{change} ᠪᠠᠭᠤᠷᠠᠪᠠ',
  // ogerecilegdegsen Ugei
  changeFlat: 'ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ',
  // qaricagulqu toga Ugei
  changeNone: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠲᠣᠭ᠎ᠠ ᠦᠭᠡᠢ',
  // {figure}-yin cigleg
  trend: '{figure} ᠶᠢᠨ ᠴᠢᠭᠯᠡᠯ',
  // UjUlelte bUri-yin cigleg
  trendMany: 'ᠦᠵᠦᠯᠡᠯᠲᠡ ᠪᠦᠷᠢ ᠶᠢᠨ ᠴᠢᠭᠯᠡᠯ',
  // doorakhi nigece: {figure}
  breakdown: 'ᠳᠣᠣᠷᠠᠬᠢ ᠨᠢᠭᠡᠴᠡ᠄ {figure}',
  // qosigu sigan: {figure}
  map: 'ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ᠄ {figure}',
  // {figure} (jerge)
  mapLegend: '{figure} (ᠵᠡᠷᠭᠡ)',
  // sigUkU-yin gajar-un jerge: {figure}
  ranking: 'ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠡᠷᠭᠡ᠄ {figure}',
  // {rank}-dugar
  rankOf: '{rank} ᠳᠤᠭᠠᠷ',
  // bUgUde {count}-i UjegUlkU
  rankingAll: 'ᠪᠦᠭᠦᠳᠡ {count} ᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ',
  // emUneki {count}-i UjegUlkU
  rankingTop: 'ᠡᠮᠦᠨᠡᠬᠢ {count} ᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ',
  // jiruq-un UjUlelte
  figure: 'ᠵᠢᠷᠤᠭ ᠤᠨ ᠦᠵᠦᠯᠡᠯᠲᠡ',
  // toga barimta-yin kUsUnUg-i UjegUlkU
  showTable: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠦᠰᠦᠨᠦᠭ ᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ',
  // toga barimta-yin kUsUnUg-i niguqu
  hideTable: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠦᠰᠦᠨᠦᠭ ᠢ ᠨᠢᠭᠤᠬᠤ',
  // {title} (toga barimta-yin kUsUnUg)
  tableCaption: '{title} (ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠦᠰᠦᠨᠦᠭ)',
  // tayilburi
  legend: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ',
  // doorakhi nigece-yi UjekU
  drillHint: 'ᠳᠣᠣᠷᠠᠬᠢ ᠨᠢᠭᠡᠴᠡ ᠶᠢ ᠦᠵᠡᠬᠦ',
  // sigUkU-yin gajar-un toga-yi UjekU
  officeHint: 'ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠦᠵᠡᠬᠦ',
  // jUil-Ud
  items: 'ᠵᠦᠢᠯ ᠦᠳ',
  // "{item}"-un temdeglel
  entries: '“{item}” ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // niyt {total}-aca {from}–{to}
  entriesRange: 'ᠨᠡᠶᠢᠲᠡ {total} ᠠᠴᠠ {from}–{to}',
  // ene qugucag_a-du temdeglel alga.
  noEntries: 'ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭ᠎ᠠ᠃',
  // emUneki nigur
  previousPage: 'ᠡᠮᠦᠨᠡᠬᠢ ᠨᠢᠭᠤᠷ',
  // daragaki nigur
  nextPage: 'ᠳᠠᠷᠠᠭᠠᠬᠢ ᠨᠢᠭᠤᠷ',
  // jUil-Ud-tU bucaqu
  backToItems: 'ᠵᠦᠢᠯ ᠦᠳ ᠲᠦ ᠪᠤᠴᠠᠬᠤ',
  // temdeglel
  records: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // : {item}
  recordsOf: '᠄ {item}',
  // Undusu
  colRecords: 'ᠦᠨᠳᠦᠰᠦ',
  // jUil
  colItem: 'ᠵᠦᠢᠯ',
  // ene qugucag_a
  colValue: 'ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ',
  // qaricagulqu qugucag_a
  colPrevious: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ',
  // ogerecilelte
  colChange: 'ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠯᠲᠡ',
  // nigece
  colOrg: 'ᠨᠢᠭᠡᠴᠡ',
  // cag
  colBucket: 'ᠴᠠᠭ',
  // jerge
  colRank: 'ᠵᠡᠷᠭᠡ',
  // edUr
  colDay: 'ᠡᠳᠦᠷ',
  // egUsbUri
  colSource: 'ᠡᠭᠦᠰᠪᠦᠷᠢ',
  // temdeglel
  colRecord: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // {kind} {ref}
  recordRef: '{kind} {ref}',
  // : {ref}
  recordOf: '᠄ {ref}',
  // temdeglel-i UjekU
  openRecord: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠬᠦ',
  // jUil
  recordItem: 'ᠵᠦᠢᠯ',
  // dugar
  recordNumber: 'ᠳ᠋ᠤᠭᠠᠷ',
  // bicigsen kUmUn
  recordAuthor: 'ᠪᠢᠴᠢᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ',
  // bicigsen cag
  recordSaved: 'ᠪᠢᠴᠢᠭᠰᠡᠨ ᠴᠠᠭ',
  // busud {count}
  ownLevel: ' ᠥᠪᠡᠷ ᠢᠶᠡᠨ',
  ownNote: 'ᠥᠪᠡᠷ ᠢᠶᠡᠨ᠄ ᠳᠣᠣᠷᠠᠬᠢ ᠨᠢᠭᠡᠴᠡ ᠳᠦ ᠪᠢᠰᠢ᠂ ᠡᠨᠡ ᠨᠢᠭᠡᠴᠡ ᠳᠦ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ ᠲᠣᠭ᠎ᠠ ᠂ ᠵᠢᠱᠢᠶᠡ ᠨᠢ ᠨᠢᠭᠤᠴᠠᠯᠠᠭᠰᠠᠨ ᠪᠠᠭ᠎ᠠ ᠨᠠᠰᠤᠨ ᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠳᠠᠩᠰᠠ (ᠵᠦᠪᠬᠡᠨ ᠲᠣᠭ᠎ᠠ)᠃',
  others: 'ᠪᠤᠰᠤᠳ {count}',
  // ajil-un edUr-Un temdeglel
  sourceDiary: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  sourceCase: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠳᠠᠩᠰᠠ',
  // sistem-Un qolbolta
  sourceIntegration: 'ᠰᠢᠰᠲ᠋ᠧᠮ ᠦᠨ ᠬᠣᠯᠪᠣᠯᠲᠠ',
  // sidgekU seremjilel
  warnings: 'ᠰᠢᠳᠭᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ',
  // toga barimta Ugei
  noValue: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ',
  // odoqan-du toga barimta Ugei
  empty: 'ᠣᠳᠣᠬᠠᠨ ᠳᠤ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠦᠭᠡᠢ',
  // UjejU bolqu oroga alga.
  noEntryPoints: 'ᠦᠵᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠣᠷᠣᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃',
  // bUridgel-i aciyalaju bayin_a…
  loading: 'ᠪᠦᠷᠢᠳᠬᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // jiruq-i aciyalaju bayin_a…
  loadingCharts: 'ᠵᠢᠷᠤᠭ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // bUridgel-i aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠪᠦᠷᠢᠳᠬᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // jiruq-i aciyalaju cidagsan Ugei: {reason}
  chartsFailed: 'ᠵᠢᠷᠤᠭ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // temdeglel-i aciyalaju cidagsan Ugei: {reason}
  entriesFailed: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // sUljiy_e tasuragsan
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // {org}-un {period}-un toga-yi UjegUlbe.
  announceView: '{org} ᠤᠨ {period} ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠦᠵᠡᠭᠦᠯᠪᠡ᠃',
  // "{item}"-un {total} temdeglel.
  announceEntries: '“{item}” ᠤᠨ {total} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠃',
  // bUridgel sinecilegdebe.
  announceUpdated: 'ᠪᠦᠷᠢᠳᠬᠡᠯ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ᠃',
};
