/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-score-card>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Part, item and metric titles come
 * from the server; where they have no Mongolian form the widget shows the Chinese one, marked
 * lang="zh-CN".
 */
import type { ScoreCardMessageCatalog } from './messages.js';

export const mnMong: ScoreCardMessageCatalog = {
  // Unelelte-yin onuga
  title: 'ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠣᠨᠤᠭ᠎ᠠ',
  // {year} on
  periodYear: '{year} ᠣᠨ',
  // {year} on-u {quarter}-dugar ulirail
  periodQuarter: '{year} ᠣᠨ ᠤ {quarter} ᠳᠤᠭᠠᠷ ᠤᠯᠢᠷᠠᠯ',
  // {year} on-u {month} sar_a
  periodMonth: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ',
  // {title} ({version}-dugar qubilbur)
  standard: '{title} ({version} ᠳᠤᠭᠠᠷ ᠬᠤᠪᠢᠯᠪᠤᠷ)',
  // Ulegerci
  demo: 'ᠦᠯᠭᠡᠷᠴᠢ',
  // Ulegerci kemjiy_e-ber bodugsan, alban yosun-u Ur_e dUng bisi.
  demoNote: 'ᠦᠯᠭᠡᠷᠴᠢ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠪᠣᠳᠤᠭᠰᠠᠨ᠂ ᠠᠯᠪᠠᠨ ᠶᠣᠰᠤᠨ ᠤ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠪᠢᠰᠢ᠃',
  // niyt onuga
  total: 'ᠨᠡᠶᠢᠲᠡ ᠣᠨᠤᠭ᠎ᠠ',
  // dUgUrgen onuga {max}
  totalOf: 'ᠳᠦᠭᠦᠷᠭᠡᠨ ᠣᠨᠤᠭ᠎ᠠ {max}',
  // niyt onuga {total}, dUgUrgen onuga {max}
  totalLabel: 'ᠨᠡᠶᠢᠲᠡ ᠣᠨᠤᠭ᠎ᠠ {total}᠂ ᠳᠦᠭᠦᠷᠭᠡᠨ ᠣᠨᠤᠭ᠎ᠠ {max}',
  // sOrOg jagsagalta-bar qoriglagdaju, niyt onuga teg bolba.
  vetoedTotal: 'ᠰᠥᠷᠥᠭ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠪᠠᠷ ᠬᠣᠷᠢᠭᠯᠠᠭᠳᠠᠵᠤ᠂ ᠨᠡᠶᠢᠲᠡ ᠣᠨᠤᠭ᠎ᠠ ᠲᠡᠭ ᠪᠣᠯᠪᠠ᠃',
  // {count} sigUkU-yin gajar-un dundaji onuga
  averageOf: '{count} ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠳᠤᠮᠳᠠᠵᠢ ᠣᠨᠤᠭ᠎ᠠ',
  // {parent}-un {of} nigej-ece {position}-dugar jerge
  rank: '{parent} ᠤᠨ {of} ᠨᠢᠭᠡᠴᠡ ᠡᠴᠡ {position} ᠳᠤᠭᠠᠷ ᠵᠡᠷᠭᠡ',
  // jerge-yi degedU nigej Ujene.
  rankHidden: 'ᠵᠡᠷᠭᠡ ᠶᠢ ᠳᠡᠭᠡᠳᠦ ᠨᠢᠭᠡᠴᠡ ᠦᠵᠡᠨ᠎ᠡ᠃',
  // sUUlci {count} sar_a-yin cigleg
  trendMonth: 'ᠰᠦᠦᠯᠴᠢ {count} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠴᠢᠭᠯᠡᠯ',
  // sUUlci {count} ulirail-un cigleg
  trendQuarter: 'ᠰᠦᠦᠯᠴᠢ {count} ᠤᠯᠢᠷᠠᠯ ᠤᠨ ᠴᠢᠭᠯᠡᠯ',
  // sUUlci {count} on-u cigleg
  trendYear: 'ᠰᠦᠦᠯᠴᠢ {count} ᠣᠨ ᠤ ᠴᠢᠭᠯᠡᠯ',
  // {title}: qamug bagan_a {min}, qamug yeke {max}, sUUlci {last}
  trendSummary: '{title}᠄ ᠬᠠᠮᠤᠭ ᠪᠠᠭ᠎ᠠ {min}᠂ ᠬᠠᠮᠤᠭ ᠶᠡᠬᠡ {max}᠂ ᠰᠦᠦᠯᠴᠢ {last}',
  // cigleg alga
  trendNone: 'ᠴᠢᠭᠯᠡᠯ ᠠᠯᠭ᠎ᠠ',
  // onuga Ugei
  noScore: 'ᠣᠨᠤᠭ᠎ᠠ ᠦᠭᠡᠢ',
  // kesig bUri-yin onuga
  parts: 'ᠬᠡᠰᠡᠭ ᠪᠦᠷᠢ ᠶᠢᠨ ᠣᠨᠤᠭ᠎ᠠ',
  partPoints: '{points} / {max}',
  // +{points} (degedU tal_a {max})
  bonusPoints: '+{points} (ᠳᠡᠭᠡᠳᠦ ᠬᠢᠵᠠᠭᠠᠷ {max})',
  // {points} (degedU tal_a -{max})
  negativePoints: '{points} (ᠳᠡᠭᠡᠳᠦ ᠬᠢᠵᠠᠭᠠᠷ −{max})',
  // qoriglagdaba
  vetoed: 'ᠬᠣᠷᠢᠭᠯᠠᠭᠳᠠᠪᠠ',
  // {part}: jUil-Ud
  items: '{part}᠄ ᠵᠦᠢᠯ ᠦᠳ',
  // jUil
  colItem: 'ᠵᠦᠢᠯ',
  // kemjiy_e
  colCriterion: 'ᠬᠡᠮᠵᠢᠶ᠎ᠡ',
  // biyelelte
  colFigures: 'ᠪᠢᠶᠡᠯᠡᠯᠲᠡ',
  // onuga
  colPoints: 'ᠣᠨᠤᠭ᠎ᠠ',
  // bayidal
  colStatus: 'ᠪᠠᠶᠢᠳᠠᠯ',
  // Undusu
  colRecords: 'ᠦᠨᠳᠦᠰᠦ',
  // temdeglel
  records: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // "{item}"-un temdeglel-i Ujekü
  recordsFor: '“{item}” ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠦᠵᠡᠬᠦ',
  // dUgUrgen
  statusMet: 'ᠳᠦᠭᠦᠷᠭᠡᠨ',
  // qagas
  statusPartial: 'ᠬᠠᠭᠠᠰ',
  // onuga Ugei
  statusMissed: 'ᠣᠨᠤᠭ᠎ᠠ ᠦᠭᠡᠢ',
  // qugucag-a bolugadUi
  statusPending: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠣᠯᠤᠭᠠᠳᠦᠢ',
  // Ugei
  statusClear: 'ᠦᠭᠡᠢ',
  // qasugdaba
  statusDeducted: 'ᠬᠠᠰᠤᠭᠳᠠᠪᠠ',
  // qoriglal
  statusVetoed: 'ᠬᠣᠷᠢᠭᠯᠠᠯ',
  // sar_a bUri
  perMonth: 'ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ',
  // ulirail bUri
  perQuarter: 'ᠤᠯᠢᠷᠠᠯ ᠪᠦᠷᠢ',
  // jil bUri
  perYear: 'ᠵᠢᠯ ᠪᠦᠷᠢ',
  // {value}{unit} × {each} onuga
  figPerOccurrence: '{value}{unit} × {each} ᠣᠨᠤᠭ᠎ᠠ',
  // , jil-Un qemjiy_e-ber ×{factor}
  figScaled: '᠂ ᠵᠢᠯ ᠦᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ×{factor}',
  // , degedU tal_a {max}
  figCap: '᠂ ᠳᠡᠭᠡᠳᠦ ᠬᠢᠵᠠᠭᠠᠷ {max}',
  // {value}{unit}; jorilgo {per} {target}{unit}
  figTarget: '{value}{unit}; ᠵᠣᠷᠢᠯᠭ᠎ᠠ {per} {target}{unit}',
  // , kUrcegsen {met}/{count}
  figWindows: '᠂ ᠬᠦᠷᠴᠡᠭᠰᠡᠨ {met}/{count}',
  // {month} sar_a-yin etegs-te {target}{unit}, odo {value}{unit}
  figDeadline: '{month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠡᠴᠦᠰ ᠲᠦ {target}{unit}᠂ ᠣᠳᠣ {value}{unit}',
  // temdeglel {value}{unit}
  figEvidence: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ {value}{unit}',
  // {count} sar_a-aca {met}-dU temdeglel bui
  figEvidenceMonths: '{count} ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ {met} ᠳᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠪᠤᠢ',
  // {value}{unit} × {each} onuga, degedU tal_a {max} qasuna
  figDeduction: '{value}{unit} × {each} ᠣᠨᠤᠭ᠎ᠠ᠂ ᠳᠡᠭᠡᠳᠦ ᠬᠢᠵᠠᠭᠠᠷ {max} ᠬᠠᠰᠤᠨ᠎ᠠ',
  // {threshold}{unit} kUrbel {target} qoriglagdana, odo {value}{unit}
  figVeto: '{threshold}{unit} ᠬᠦᠷᠪᠡᠯ {target} ᠬᠣᠷᠢᠭᠯᠠᠭᠳᠠᠨ᠎ᠠ᠂ ᠣᠳᠣ {value}{unit}',
  // niyt onuga
  vetoTotal: 'ᠨᠡᠶᠢᠲᠡ ᠣᠨᠤᠭ᠎ᠠ',
  // {total} sigUkU-yin gajar-aca {met} dUgUrgen
  figOffices: '{total} ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠠᠴᠠ {met} ᠳᠦᠭᠦᠷᠭᠡᠨ',
  // {total} sigUkU-yin gajar-aca {count} qasugdaba
  figOfficesDeducted: '{total} ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠠᠴᠠ {count} ᠬᠠᠰᠤᠭᠳᠠᠪᠠ',
  // "{item}"-un Undusu temdeglel
  sources: '“{item}” ᠤᠨ ᠦᠨᠳᠦᠰᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  // niyt {total}, sUUlci {shown}-i Ujegulbe.
  sourcesCount: 'ᠨᠡᠶᠢᠲᠡ {total}᠂ ᠰᠦᠦᠯᠴᠢ {shown} ᠢ ᠦᠵᠡᠭᠦᠯᠪᠡ᠃',
  // niyt {total}.
  sourcesAll: 'ᠨᠡᠶᠢᠲᠡ {total}᠃',
  // edUr
  colDay: 'ᠡᠳᠦᠷ',
  // nigej
  colOrg: 'ᠨᠢᠭᠡᠴᠡ',
  // eki
  colSource: 'ᠡᠭᠦᠰᠪᠦᠷᠢ',
  // toga
  colValue: 'ᠲᠣᠭ᠎ᠠ',
  // ajil-un edUr-Un temdeglel
  sourceDiary: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ',
  sourceCase: 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠳᠠᠩᠰᠠ',
  // sistem-Un qolbolta
  sourceIntegration: 'ᠰᠢᠰᠲ᠋ᠧᠮ ᠦᠨ ᠬᠣᠯᠪᠣᠯᠲᠠ',
  // ene qugucag-a-du temdeglel alga.
  noSources: 'ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠯᠭ᠎ᠠ᠃',
  // jUil-Ud-tU bucaqu
  back: 'ᠵᠦᠢᠯ ᠦᠳ ᠲᠦ ᠪᠤᠴᠠᠬᠤ',
  // onuga-yi bodoju bayin_a…
  loading: 'ᠣᠨᠤᠭ᠎ᠠ ᠶᠢ ᠪᠣᠳᠣᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // temdeglel-i aciyalaju bayin_a…
  loadingSources: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // onuga-yi aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠣᠨᠤᠭ᠎ᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // temdeglel-i aciyalaju cidagsan Ugei: {reason}
  sourcesFailed: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // sUljiy_e tasuragsan
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // "{part}"-i negebe: {count} jUil.
  announceItems: '“{part}” ᠢ ᠨᠡᠭᠡᠭᠡᠪᠡ᠄ {count} ᠵᠦᠢᠯ᠃',
  // "{item}"-un {count} temdeglel aciyalaba.
  announceSources: '“{item}” ᠤᠨ {count} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠠᠴᠢᠶᠠᠯᠠᠪᠠ᠃',
};
