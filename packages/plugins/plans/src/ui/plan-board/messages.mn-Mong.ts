/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-plan-board>, loaded when the widget
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Final -a/-e is written with
 * U+180E MONGOLIAN VOWEL SEPARATOR, as the script requires. Plan, item and org names come from
 * the server; where they have no Mongolian form the widget shows the Chinese one, marked
 * lang="zh-CN".
 */
import type { PlanBoardMessageCatalog } from './messages.js';

export const mnMong: PlanBoardMessageCatalog = {
  // ajil-un tOlOblegee
  title: 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ',
  // {year} on
  periodYear: '{year} ᠣᠨ',
  // {year} on-u {quarter}-dugar ulirel
  periodQuarter: '{year} ᠣᠨ ᠤ {quarter} ᠳᠤᠭᠠᠷ ᠤᠯᠢᠷᠠᠯ',
  // {year} on-u {month} sar_a
  periodMonth: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ',
  // 1,2,3,4
  quarterNames: '1,2,3,4',
  // "{period}" qugucag_a buruγu: on (2026), ulirel (2026-Q4) esekU sar_a (2026-10) bicin_e UU.
  badPeriod: '“{period}” ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠤᠷᠤᠭᠤ᠄ ᠣᠨ (2026)᠂ ᠤᠯᠢᠷᠠᠯ (2026-Q4) ᠡᠰᠡᠬᠦ ᠰᠠᠷ᠎ᠠ (2026-10) ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  // sinecilekU
  refresh: 'ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ',
  // ajil-un tOlOblegee-yi aciyalaju bayin_a…
  loading: 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // ajil-un tOlOblegee-yi aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // {date} kUrtel_e-ki toga
  asOf: '{date} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠬᠢ ᠲᠣᠭ᠎ᠠ',
  // qugucag_a qetUregsen jUil
  overdueTitle: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ',
  // {count} jUil
  overdueCount: '{count} ᠵᠦᠢᠯ',
  // qugucag_a qetUregsen jUil alga.
  noOverdue: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠠᠯᠭᠠ᠃',
  // ecUs-Un edUr {due}, {days} edUr qetUregsen
  overdueLine: 'ᠡᠴᠦᠰ ᠦᠨ ᠡᠳᠦᠷ {due}᠂ {days} ᠡᠳᠦᠷ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ',
  // {org} kinalta kigsen ({level}-dugar jerge)
  escalatedTo: '{org} ᠬᠢᠨᠠᠯᠲᠠ ᠬᠢᠭᠰᠡᠨ ({level} ᠳᠤᠭᠠᠷ ᠵᠡᠷᠭᠡ)',
  // kinalta kigedUi
  notEscalated: 'ᠬᠢᠨᠠᠯᠲᠠ ᠬᠢᠭᠡᠳᠦᠢ',
  // tOlOblegee-dU Ujekü
  showInPlan: 'ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠳᠦ ᠦᠵᠡᠬᠦ',
  // tOlOblegee-nUd
  plansTitle: 'ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠨᠦᠭᠦᠳ',
  // ene qugucag_a-du ajil-un tOlOblegee alga.
  noPlans: 'ᠡᠨᠡ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠠᠯᠭᠠ᠃',
  // jisiy_e
  demo: 'ᠵᠢᠱᠢᠶ᠎ᠡ',
  // degedU-ece
  assigned: 'ᠳᠡᠭᠡᠳᠦ ᠡᠴᠡ',
  // jokiyagsan: {org}
  owner: 'ᠵᠣᠬᠢᠶᠠᠭᠰᠠᠨ᠄ {org}',
  // {total}-aca {done} gUicegdegsen, {overdue} qetUregsen
  planSummary: '{total} ᠠᠴᠠ {done} ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ᠂ {overdue} ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ',
  // "{plan}"-un niyitelig yabuc
  planProgress: '“{plan}” ᠤᠨ ᠨᠡᠶᠢᠲᠡᠯᠢᠭ ᠶᠠᠪᠤᠴ',
  // tOlOblegee-yi aciyalaju bayin_a…
  detailLoading: 'ᠲᠥᠯᠥᠪᠯᠡᠭᠡ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // jorilta-yin toga
  kindMetric: 'ᠵᠣᠷᠢᠯᠲᠠ ᠶᠢᠨ ᠲᠣᠭ᠎ᠠ',
  // temdeglekU
  kindManual: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠬᠦ',
  // jorilta {value}{unit}
  itemTarget: 'ᠵᠣᠷᠢᠯᠲᠠ {value}{unit}',
  // ecUs-Un edUr {date}
  itemDue: 'ᠡᠴᠦᠰ ᠦᠨ ᠡᠳᠦᠷ {date}',
  // toga-yin jorilta: {metric}
  itemMetric: 'ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠵᠣᠷᠢᠯᠲᠠ᠄ {metric}',
  // ajil-un edUr-iyer qubiyarigsan
  itemSplit: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠢᠶᠡᠷ ᠬᠤᠪᠢᠶᠠᠷᠢᠭᠰᠠᠨ',
  // jingin-iyer qubiyarigsan
  itemWeighted: 'ᠵᠢᠩᠭᠢᠨ ᠢᠶᠡᠷ ᠬᠤᠪᠢᠶᠠᠷᠢᠭᠰᠠᠨ',
  // tugagaju ogugedUi.
  noAssignees: 'ᠲᠤᠭᠠᠭᠠᠵᠤ ᠥᠭᠭᠡᠳᠦᠢ᠃',
  // {org}-un yabuc
  progressOf: '{org} ᠤᠨ ᠶᠠᠪᠤᠴ',
  // {value}/{target}{unit} ({percent}%)
  progressValue: '{value}/{target}{unit} ({percent}%)',
  // odo kUrtel_e {value}{unit} bolqu yosotai
  progressExpected: 'ᠣᠳᠣ ᠬᠦᠷᠲᠡᠯ᠎ᠡ {value}{unit} ᠪᠣᠯᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ',
  // yabuc medegdekU Ugei: ene toga-yin nemelte suulgagsan Ugei.
  progressUnknown: 'ᠶᠠᠪᠤᠴ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ᠄ ᠡᠨᠡ ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠮᠡᠯᠲᠡ ᠰᠠᠭᠤᠯᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃',
  // gUicedkegdebe
  statusDone: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠪᠡ',
  // kebiyin
  statusOnTrack: 'ᠬᠡᠪ ᠦᠨ',
  // qocorogsan
  statusBehind: 'ᠬᠣᠴᠣᠷᠣᠭᠰᠠᠨ',
  // {days} edUr qetUregsen
  statusOverdue: '{days} ᠡᠳᠦᠷ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ',
  // ekileged Ugei
  statusNotStarted: 'ᠡᠬᠢᠯᠡᠭᠡᠳᠦᠢ',
  // gUicedkegedUi
  statusOpen: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠡᠳᠦᠢ',
  // jorilta-yin qubiyari
  splitTitle: 'ᠵᠣᠷᠢᠯᠲᠠ ᠶᠢᠨ ᠬᠤᠪᠢᠶᠠᠷᠢ',
  // qugucag_a
  splitPeriod: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ',
  // ajil-un edUr
  splitWorkingDays: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ',
  // jorilta
  splitTarget: 'ᠵᠣᠷᠢᠯᠲᠠ',
  // sitU-yin edUr
  splitMilestone: 'ᠱᠠᠲᠤ ᠶᠢᠨ ᠡᠳᠦᠷ',
  // {month} sar_a
  splitMonth: '{month} ᠰᠠᠷ᠎ᠠ',
  // {week}-dUger garag ({from}–{to})
  splitWeek: '{week} ᠳᠦᠭᠡᠷ ᠭᠠᠷᠠᠭ ({from}–{to})',
  // ajil-un edUr Ugei
  noWorkingDays: 'ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠭᠡᠢ',
  // sanagulga kiged kinalta ({count})
  timelineTitle: 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠬᠢᠭᠡᠳ ᠬᠢᠨᠠᠯᠲᠠ ({count})',
  // sanagulga kinalta alga.
  timelineEmpty: 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠬᠢᠨᠠᠯᠲᠠ ᠠᠯᠭᠠ᠃',
  // {org}-du sanagulba: {when}
  reminderEntry: '{org} ᠳᠤ ᠰᠠᠨᠠᠭᠤᠯᠪᠠ᠄ {when}',
  // ecUs-Un edUr-ece {days} ajil-un edUr-Un emUn_e
  reminderBefore: 'ᠡᠴᠦᠰ ᠦᠨ ᠡᠳᠦᠷ ᠡᠴᠡ {days} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠡᠮᠦᠨ᠎ᠡ',
  // ecUs-Un edUr
  reminderDueDay: 'ᠡᠴᠦᠰ ᠦᠨ ᠡᠳᠦᠷ',
  // arga: {list}
  channels: 'ᠠᠷᠭ᠎ᠠ᠄ {list}',
  // sUljiyen-U medegdel
  channelInApp: 'ᠰᠦᠯᠵᠢᠶᠡᠨ ᠦ ᠮᠡᠳᠡᠭᠳᠡᠯ',
  // sanagulga bicig
  channelLetter: 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠢᠴᠢᠭ',
  channelSms: 'ᠣᠬᠣᠷ ᠮᠡᠳᠡᠭᠡ',
  channelWebhook: 'ᠰᠢᠰᠲ᠋ᠧᠮ ᠦᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ',
  // {issuer} kinalta kibe ({level}-dugar jerge): {days} edUr qetUregsen, {reportBy} kUrtel_e medegUlkU
  escalationEntry: '{issuer} ᠬᠢᠨᠠᠯᠲᠠ ᠬᠢᠪᠡ ({level} ᠳᠤᠭᠠᠷ ᠵᠡᠷᠭᠡ)᠄ {days} ᠡᠳᠦᠷ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ᠂ {reportBy} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ',
  // dugar {number}
  document: 'ᠳᠤᠭᠠᠷ {number}',
  // {number}-i tataqu
  download: '{number} ᠢ ᠲᠠᠲᠠᠬᠤ',
  // tatagdaγsan Ugei: {reason}
  downloadFailed: 'ᠲᠠᠲᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // gUicegdegsen gejU temdeglekU
  checkAction: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ ᠭᠡᠵᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠬᠦ',
  // "{item}"-i gUicegdegsen gejU temdeglekU
  checkTitle: '“{item}” ᠢ ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ ᠭᠡᠵᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠬᠦ',
  // gUicedkegsen bayidal-un tayilburi
  evidence: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠤᠨ ᠲᠠᠶᠢᠯᠪᠤᠷᠢ',
  // gereci bicig-Un ner_e (jayilasi Ugei bisi)
  attachmentName: 'ᠭᠡᠷᠡᠴᠢ ᠪᠢᠴᠢᠭ ᠦᠨ ᠨᠡᠷ᠎ᠡ (ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ ᠪᠢᠰᠢ)',
  // gereci bicig-Un qayig (jayilasi Ugei bisi, https://)
  attachmentUrl: 'ᠭᠡᠷᠡᠴᠢ ᠪᠢᠴᠢᠭ ᠦᠨ ᠬᠠᠶᠢᠭ (ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ ᠪᠢᠰᠢ᠂ https://)',
  // gUicegdegsen-i batulaqu
  submitCheck: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ ᠢ ᠪᠠᠲᠤᠯᠠᠬᠤ',
  // bolilgaqu
  cancel: 'ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
  // {name} {date}-du gUicegdegsen gejU temdeglebe
  checkedBy: '{name} {date} ᠳᠤ ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ ᠭᠡᠵᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ',
  // tayilburi: {text}
  evidenceText: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ᠄ {text}',
  // gereci bicig:
  attachment: 'ᠭᠡᠷᠡᠴᠢ ᠪᠢᠴᠢᠭ᠄ ',
  // temdeg-i qasuqu
  uncheck: 'ᠲᠡᠮᠳᠡᠭ ᠢ ᠬᠠᠰᠤᠬᠤ',
  // "{item}"-i gUicegdegsen gejU temdeglebe.
  checked: '“{item}” ᠢ ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠭᠰᠡᠨ ᠭᠡᠵᠦ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠃',
  // "{item}"-un temdeg-i qasuba.
  unchecked: '“{item}” ᠤᠨ ᠲᠡᠮᠳᠡᠭ ᠢ ᠬᠠᠰᠤᠪᠠ᠃',
  // jasaju dakin ilegen_e UU.
  fixErrors: 'ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃',
  // jayilasi Ugei
  required: 'ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ',
  // gUicedkegsen bayidal-un tayilburi-yi bicin_e UU (1–2000 temdegt).
  evidenceInvalid: 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠤᠨ ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ (1–2000 ᠲᠡᠮᠳᠡᠭᠲᠦ)᠃',
  // gereci bicig-Un qayig-tai bol ner_e-yi bicin_e UU (1–200 temdegt).
  attachmentNameInvalid: 'ᠭᠡᠷᠡᠴᠢ ᠪᠢᠴᠢᠭ ᠦᠨ ᠬᠠᠶᠢᠭ ᠲᠠᠢ ᠪᠣᠯ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ (1–200 ᠲᠡᠮᠳᠡᠭᠲᠦ)᠃',
  // gereci bicig-Un qayig https:// esekU / -aar ekilene.
  attachmentUrlInvalid: 'ᠭᠡᠷᠡᠴᠢ ᠪᠢᠴᠢᠭ ᠦᠨ ᠬᠠᠶᠢᠭ https:// ᠡᠰᠡᠬᠦ / ᠢᠶᠡᠷ ᠡᠬᠢᠯᠡᠨ᠎ᠡ᠃',
  // {count} ayimag qetUregsen, qamug-un urtu {days} edUr
  overdueGroup: '{count} ᠠᠶᠢᠮᠠᠭ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠷᠲᠤ {days} ᠡᠳᠦᠷ',
  // {count} ayimag: {done} gUicedkegdebe, {behind} qocorogsan, {overdue} qetUregsen
  assigneeSummary: '{count} ᠠᠶᠢᠮᠠᠭ᠄ {done} ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠳᠡᠪᠡ᠂ {behind} ᠬᠣᠴᠣᠷᠣᠭᠰᠠᠨ᠂ {overdue} ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ',
  // ayimag buri-yin yabuc-i Ujekü ({count})
  showAssignees: 'ᠠᠶᠢᠮᠠᠭ ᠪᠦᠷᠢ ᠶᠢᠨ ᠶᠠᠪᠤᠴ ᠢ ᠦᠵᠡᠬᠦ ({count})',
  // ayimag buri-yin yabuc-i quriyaqu
  hideAssignees: 'ᠠᠶᠢᠮᠠᠭ ᠪᠦᠷᠢ ᠶᠢᠨ ᠶᠠᠪᠤᠴ ᠢ ᠬᠤᠷᠢᠶᠠᠬᠤ',
  // {year} on-u {month} sar_a-yin {day}
  dayDate: '{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}',
};
