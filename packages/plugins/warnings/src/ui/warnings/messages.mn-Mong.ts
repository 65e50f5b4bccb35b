/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-warnings>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Suffixes are joined with U+202F
 * NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR. Rule titles,
 * summaries and org names come from the server; where one has no Mongolian form the widget
 * shows the Chinese one, marked lang="zh-CN".
 */
import type { WarningsMessageCatalog } from './messages.js';

export const mnMong: WarningsMessageCatalog = {
  // uridcilan seremjilel
  title: 'ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ',
  // sidgekU seremjilel
  titleCompact: 'ᠰᠢᠳᠭᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ',
  // bayidal
  status: 'ᠪᠠᠶᠢᠳᠠᠯ',
  // qagagdagsan Ugei
  statusOpen: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  // qagagdagsan
  statusClosed: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ',
  // bUkU
  statusAll: 'ᠪᠦᠬᠦ',
  // jerge
  severity: 'ᠵᠡᠷᠭᠡ',
  // bUkU jerge
  severityAll: 'ᠪᠦᠬᠦ ᠵᠡᠷᠭᠡ',
  // medegdel
  severityInfo: 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
  // seremjilel
  severityWarning: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ',
  // yaraltai
  severityUrgent: 'ᠶᠠᠷᠠᠯᠲᠠᠢ',
  // niyt {count} seremjilel
  count: 'ᠨᠢᠶᠲ {count} ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ',
  // niyt {count}, {shown}-i qaragulba
  countShown: 'ᠨᠢᠶᠲ {count}᠂ {shown} ᠢ ᠬᠠᠷᠠᠭᠤᠯᠪᠠ',
  // niyt {count}-aca {shown}-i qaragulba.
  countMore: 'ᠨᠢᠶᠲ {count} ᠠᠴᠠ {shown} ᠢ ᠬᠠᠷᠠᠭᠤᠯᠪᠠ᠃',
  // cagana qaragulqu (basa {rest})
  loadMore: 'ᠴᠠᠭᠠᠨ᠎ᠠ ᠬᠠᠷᠠᠭᠤᠯᠬᠤ (ᠪᠠᠰᠠ {rest})',
  // cagana aciyalaju bayin_a…
  loadingMore: 'ᠴᠠᠭᠠᠨ᠎ᠠ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // tokiyalduqu seremjilel Ugei.
  empty: 'ᠲᠣᠬᠢᠶᠠᠯᠳᠤᠬᠤ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠭᠡᠢ᠃',
  // qagagdagsan Ugei seremjilel alga.
  emptyOpen: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠠᠯᠭᠠ᠃',
  // seremjilel-i aciyalaju bayin_a…
  loading: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // seremjilel-i aciyalaju cidagsan Ugei: {reason}
  loadFailed: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // sUljiy_e tasuragsan
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // seremjilel-Un jagsagalta
  list: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ',
  // odo UnelekU
  evaluate: 'ᠣᠳᠣ ᠦᠨᠡᠯᠡᠬᠦ',
  // UnelejU bayin_a…
  evaluating: 'ᠦᠨᠡᠯᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // Unelelt duusba: sin_e {raised}, arilagsan Ugei {open}, arilagsan {resolved}, degegsi medegdegsen {escalated}.
  evaluated: 'ᠦᠨᠡᠯᠡᠯᠲ ᠳᠤᠤᠰᠪᠠ᠄ ᠰᠢᠨ᠎ᠡ {raised}᠂ ᠠᠷᠢᠯᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ {open}᠂ ᠠᠷᠢᠯᠠᠭᠰᠠᠨ {resolved}᠂ ᠳᠡᠭᠡᠭᠰᠢ ᠮᠡᠳᠡᠭᠳᠡᠭᠰᠡᠨ {escalated}᠃',
  // ene dUrim-Ud-i odo UnelejU cidaqu Ugei:
  notEvaluable: 'ᠡᠨᠡ ᠳᠦᠷᠢᠮ ᠦᠳ ᠢ ᠣᠳᠣ ᠦᠨᠡᠯᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠄',
  // medegdel ilegekU-yi kUlijejU bayin_a
  stateRaised: 'ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠵᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // seremjilel-Un qudasu ilegegdebe
  stateNoticeIssued: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠬᠤᠳᠠᠰᠤ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ',
  // dagalgagdaba
  stateAssigned: 'ᠳᠠᠭᠠᠯᠭᠠᠭᠳᠠᠪᠠ',
  // qariu irebe
  stateFeedbackReceived: 'ᠬᠠᠷᠢᠤ ᠢᠷᠡᠪᠡ',
  // degegsi medegdebe
  stateEscalated: 'ᠳᠡᠭᠡᠭᠰᠢ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ',
  // qagagdagsan
  stateClosed: 'ᠬᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ',
  // OnOdUr garba
  ageToday: 'ᠥᠨᠥᠳᠦᠷ ᠭᠠᠷᠪᠠ',
  // {days} edUr-Un emUne garba
  ageDays: '{days} ᠡᠳᠦᠷ ᠦᠨ ᠡᠮᠦᠨᠡ ᠭᠠᠷᠪᠠ',
  // qariu-yin bolja Ongerebe
  overdue: 'ᠬᠠᠷᠢᠤ ᠶᠢᠨ ᠪᠣᠯᠵᠠ ᠥᠨᠭᠡᠷᠡᠪᠡ',
  // qariu-yin bolja {date}
  respondBy: 'ᠬᠠᠷᠢᠤ ᠶᠢᠨ ᠪᠣᠯᠵᠠ {date}',
  // nOkUcel arilba, qagaju bolon_a.
  conditionCleared: 'ᠨᠥᠬᠦᠴᠡᠯ ᠠᠷᠢᠯᠪᠠ᠂ ᠬᠠᠭᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃',
  // nOkUcel arilagsan tula Obersen-iyen qagagdaba
  clearedClosed: 'ᠨᠥᠬᠦᠴᠡᠯ ᠠᠷᠢᠯᠠᠭᠰᠠᠨ ᠲᠤᠯᠠ ᠥᠪᠡᠷᠰᠡᠨ ᠢᠶᠡᠨ ᠬᠠᠭᠠᠭᠳᠠᠪᠠ',
  // seremjilel-Un delgerenggUi
  details: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠳᠡᠯᠭᠡᠷᠡᠨᠭᠭᠦᠢ',
  // delgerenggUi-yi qagaqu
  closeDetails: 'ᠳᠡᠯᠭᠡᠷᠡᠨᠭᠭᠦᠢ ᠶᠢ ᠬᠠᠭᠠᠬᠤ',
  // seremjilegdegsen bayigullag_a
  org: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  // odoki bayidal
  stateLabel: 'ᠣᠳᠣᠬᠢ ᠪᠠᠶᠢᠳᠠᠯ',
  // seremjilel-Un jerge
  severityLabel: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠵᠡᠷᠭᠡ',
  // garugsan cag
  raisedAt: 'ᠭᠠᠷᠤᠭᠰᠠᠨ ᠴᠠᠭ',
  // qariu-yin bolja
  respondByLabel: 'ᠬᠠᠷᠢᠤ ᠶᠢᠨ ᠪᠣᠯᠵᠠ',
  // qariucagci
  assignee: 'ᠬᠠᠷᠢᠤᠴᠠᠭᠴᠢ',
  // degegsi medegdegsen
  escalatedTo: 'ᠳᠡᠭᠡᠭᠰᠢ ᠮᠡᠳᠡᠭᠳᠡᠭᠰᠡᠨ',
  // todorqai bayidal
  evidence: 'ᠲᠣᠳᠣᠷᠬᠠᠢ ᠪᠠᠶᠢᠳᠠᠯ',
  // sidgegsen teUke
  timeline: 'ᠰᠢᠳᠭᠡᠭᠰᠡᠨ ᠲᠡᠦᠬᠡ',
  // bicig
  documents: 'ᠪᠢᠴᠢᠭ',
  // bicig-i tatan abcu cidagsan Ugei: {reason}
  downloadFailed: 'ᠪᠢᠴᠢᠭ ᠢ ᠲᠠᠲᠠᠨ ᠠᠪᠴᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // sistem seremjilel garagaba
  stepRaise: 'ᠰᠢᠰᠲᠡᠮ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠭᠠᠷᠠᠭᠠᠪᠠ',
  // seremjilel-Un qudasu ilegebe
  stepNotice: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠬᠤᠳᠠᠰᠤ ᠢᠯᠡᠭᠡᠪᠡ',
  // dagalgaba
  stepAssign: 'ᠳᠠᠭᠠᠯᠭᠠᠪᠠ',
  // qariu ilegebe
  stepRespond: 'ᠬᠠᠷᠢᠤ ᠢᠯᠡᠭᠡᠪᠡ',
  // qagaba
  stepClose: 'ᠬᠠᠭᠠᠪᠠ',
  // qariu qojidaju, degegsi medegdebe
  stepEscalate: 'ᠬᠠᠷᠢᠤ ᠬᠣᠵᠢᠳᠠᠵᠤ᠂ ᠳᠡᠭᠡᠭᠰᠢ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ',
  // nOkUcel arilju, sistem Obersen-iyen qagaba
  stepAutoClose: 'ᠨᠥᠬᠦᠴᠡᠯ ᠠᠷᠢᠯᠵᠤ᠂ ᠰᠢᠰᠲᠡᠮ ᠥᠪᠡᠷᠰᠡᠨ ᠢᠶᠡᠨ ᠬᠠᠭᠠᠪᠠ',
  // nOkUcel dakin garcu, dakin seremjilebe
  stepReopen: 'ᠨᠥᠬᠦᠴᠡᠯ ᠳᠠᠬᠢᠨ ᠭᠠᠷᠴᠤ᠂ ᠳᠠᠬᠢᠨ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠪᠡ',
  // sistem
  bySystem: 'ᠰᠢᠰᠲᠡᠮ',
  // temdeglel: {note}
  noteLabel: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ᠄ {note}',
  // sidgekU
  actions: 'ᠰᠢᠳᠭᠡᠬᠦ',
  // ta odo ene seremjilel-i sidgekU sitUgei.
  noActions: 'ᠲᠠ ᠣᠳᠣ ᠡᠨᠡ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠢ ᠰᠢᠳᠭᠡᠬᠦ ᠰᠢᠲᠦᠭᠡᠢ᠃',
  // seremjilel-Un qudasu ilegekU
  actionNotice: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠬᠤᠳᠠᠰᠤ ᠢᠯᠡᠭᠡᠬᠦ',
  // dagalgaqu
  actionAssign: 'ᠳᠠᠭᠠᠯᠭᠠᠬᠤ',
  // qariu ilegekU
  actionRespond: 'ᠬᠠᠷᠢᠤ ᠢᠯᠡᠭᠡᠬᠦ',
  // seremjilel-i qagaqu
  actionClose: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠢ ᠬᠠᠭᠠᠬᠤ',
  // Sagardlag_a
  fieldRequirement: 'ᠱᠠᠭᠠᠷᠳᠯᠠᠭ᠎ᠠ',
  // qariu-yin bolja
  fieldRespondBy: 'ᠬᠠᠷᠢᠤ ᠶᠢᠨ ᠪᠣᠯᠵᠠ',
  // bicikU Ugei bol ajil-un edUr-Un togtagsan toga-bar tooculna.
  fieldRespondByHint: 'ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠨ ᠲᠣᠭᠲᠠᠭᠰᠠᠨ ᠲᠣᠭᠠ ᠪᠠᠷ ᠲᠣᠣᠴᠤᠯᠨᠠ᠃',
  // jasabur-un medegdel qamt ilegekU
  fieldRectify: 'ᠵᠠᠰᠠᠪᠤᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠬᠠᠮᠲ ᠢᠯᠡᠭᠡᠬᠦ',
  // jasabur-un Sagardlag_a (mOr tutum nige)
  fieldRequirements: 'ᠵᠠᠰᠠᠪᠤᠷ ᠤᠨ ᠱᠠᠭᠠᠷᠳᠯᠠᠭ᠎ᠠ (ᠮᠥᠷ ᠲᠤᠲᠤᠮ ᠨᠢᠭᠡ)',
  // Undusulel (songgoltu)
  fieldBasis: 'ᠦᠨᠳᠤᠰᠤᠯᠡᠯ (ᠰᠣᠨᠭᠭᠣᠯᠲᠤ)',
  // temdeglel (songgoltu)
  fieldNote: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ (ᠰᠣᠨᠭᠭᠣᠯᠲᠤ)',
  // qariucaqu bayigullag_a
  fieldOrgCode: 'ᠬᠠᠷᠢᠤᠴᠠᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  // seremjilegdegsen bayigullag_a buyu tegUnU dooraki bayigullag_a.
  fieldOrgCodeHint: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠪᠤᠶᠤ ᠲᠡᠭᠦᠨᠦ ᠳᠣᠣᠷᠠᠬᠢ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ᠃',
  // qariucaqu bayigullag_a-yin ner_e-yi bicijU, jagsagalta-aca songgona uu.
  fieldOrgPick: 'ᠬᠠᠷᠢᠤᠴᠠᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠵᠦ᠂ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // qariucagci (songgoltu)
  fieldPerson: 'ᠬᠠᠷᠢᠤᠴᠠᠭᠴᠢ (ᠰᠣᠨᠭᠭᠣᠯᠲᠤ)',
  // dagalgabur
  fieldTask: 'ᠳᠠᠭᠠᠯᠭᠠᠪᠤᠷ',
  // sinjilejU jasagsan bayidal
  fieldText: 'ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠵᠠᠰᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ',
  // arg_a kemjiy_e (mOr tutum nige, songgoltu)
  fieldMeasures: 'ᠠᠷᠭ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ (ᠮᠥᠷ ᠲᠤᠲᠤᠮ ᠨᠢᠭᠡ᠂ ᠰᠣᠨᠭᠭᠣᠯᠲᠤ)',
  // jOblemji (songgoltu, bicibel jOblemji-yin bicig garna)
  fieldAdvice: 'ᠵᠥᠪᠯᠡᠮᠵᠢ (ᠰᠣᠨᠭᠭᠣᠯᠲᠤ᠂ ᠪᠢᠴᠢᠪᠡᠯ ᠵᠥᠪᠯᠡᠮᠵᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠭᠠᠷᠨᠠ)',
  // tusiyaqu
  submit: 'ᠲᠤᠰᠢᠶᠠᠬᠤ',
  // tusiyaju bayin_a…
  submitting: 'ᠲᠤᠰᠢᠶᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // bolilgaqu
  cancel: 'ᠪᠣᠯᠢᠯᠭᠠᠬᠤ',
  // jayilasi Ugei
  required: 'ᠵᠠᠶᠢᠯᠠᠰᠢ ᠦᠭᠡᠢ',
  // jaagsan-u daguu jasaju dakin tusiyan_a uu.
  fixFields: 'ᠵᠠᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠭᠤᠤ ᠵᠠᠰᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ ᠤᠤ᠃',
  // tusiyaju cidagsan Ugei: {reason}
  failed: 'ᠲᠤᠰᠢᠶᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}',
  // seremjilel-Un qudasu ilegegdebe.
  doneNotice: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠬᠤᠳᠠᠰᠤ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ᠃',
  // dagalgagdaba.
  doneAssign: 'ᠳᠠᠭᠠᠯᠭᠠᠭᠳᠠᠪᠠ᠃',
  // qariu tusiyagdaba.
  doneRespond: 'ᠬᠠᠷᠢᠤ ᠲᠤᠰᠢᠶᠠᠭᠳᠠᠪᠠ᠃',
  // seremjilel qagagdaba.
  doneClose: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠬᠠᠭᠠᠭᠳᠠᠪᠠ᠃',
};
