/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-apply>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Suffixes are joined with U+202F
 * NARROW NO-BREAK SPACE and final -a/-e with U+180E MONGOLIAN VOWEL SEPARATOR. The form's own
 * words come from the server; where one has no Mongolian form the widget shows the Chinese one,
 * marked lang="zh-CN".
 */
import type { ApplyMessageCatalog } from './messages.js';

export const mnMong: ApplyMessageCatalog = {
  // sUljiyen-U OrgUdkel
  titleFallback: "ᠰᠦᠯᠵᠢᠶᠡᠨ ᠦ ᠥᠷᠭᠦᠳᠬᠡᠯ",
  // aciyalaju bayin_a…
  loading: "ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…",
  // aciyalaju cidagsan Ugei: {reason}
  loadFailed: "ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}",
  // sUljiy_e tasuragsan. sUljiy_e-ben sinjilejU dakin oroldun_a uu.
  unreachable: "ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ᠃ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠨ ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠤᠨ᠎ᠠ ᠤᠤ᠃",
  // dakin oroldaqu
  retry: "ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ",
  // OrgUdkel-Un tOrOl-i jaagagsan Ugei: type="applications.reconsideration" metU bicin_e uu.
  noType: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠦᠨ ᠲᠥᠷᠥᠯ ᠢ ᠵᠠᠠᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ type=\"applications.reconsideration\" ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃",
  // ene sayitu ene OrgUdkel-i sUljiyen-degen kUliyen abqu Ugei.
  noForm: "ᠡᠨᠡ ᠰᠠᠶᠢᠲᠤ ᠡᠨᠡ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠳᠡᠭᠡᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠃",
  // yaqu kikU
  modes: "ᠶᠠᠬᠤ ᠬᠢᠬᠦ",
  // OrgUdkel gargaqu
  modeApply: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠭᠠᠷᠭᠠᠬᠤ",
  // yabuca-yi sinjilekU
  modeStatus: "ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ",
  // nigedUger alqum: tan-u sumu, jegeli
  officeSection: "ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠠᠯᠬᠤᠮ᠄ ᠲᠠᠨ ᠤ ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ",
  // tan-u saguju bui buyu kereg bolugsan sumu, jegeli-yi songgon_a uu. tegUni UilecilekU sigUkUi-yin tasag tan-u OrgUdkel-i kUliyen abun_a.
  officeHelp: "ᠲᠠᠨ ᠤ ᠰᠠᠭᠤᠵᠤ ᠪᠤᠢ ᠪᠤᠶᠤ ᠬᠡᠷᠡᠭ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃ ᠲᠡᠭᠦᠨᠢ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠰᠢᠭᠦᠬᠦᠢ ᠶᠢᠨ ᠲᠠᠰᠠᠭ ᠲᠠᠨ ᠤ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ᠃",
  // qosigu, qota, toriy_a
  county: "ᠬᠣᠰᠢᠭᠤ᠂ ᠬᠣᠲᠠ᠂ ᠲᠣᠷᠢᠶ᠎ᠠ",
  // qosigu-yi songgon_a uu
  chooseCounty: "ᠬᠣᠰᠢᠭᠤ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ",
  // sumu, jegeli-yin sigUkUi-yin tasag
  office: "ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ ᠶᠢᠨ ᠰᠢᠭᠦᠬᠦᠢ ᠶᠢᠨ ᠲᠠᠰᠠᠭ",
  // OrgUdkel kUliyen abqu tasag: {office}
  officeFixed: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠲᠠᠰᠠᠭ᠄ {office}",
  // qoyaduGar alqum: OrgUdkel-i bOglekU
  formSection: "ᠬᠣᠶᠠᠳᠤᠭᠠᠷ ᠠᠯᠬᠤᠮ᠄ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ",
  // jayilasi
  requiredMark: "ᠵᠠᠶᠢᠯᠠᠰᠢ",
  // songgomal
  optionalMark: "ᠰᠣᠩᠭᠣᠮᠠᠯ",
  // tiyimU
  yes: "ᠲᠢᠶᠢᠮᠦ",
  // Ugei
  no: "ᠦᠭᠡᠢ",
  // medekU Ugei
  notSure: "ᠮᠡᠳᠡᠬᠦ ᠦᠭᠡᠢ",
  // nige-yi songgon_a uu
  chooseOption: "ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ",
  // {n} dUger kUmUn
  partyN: "{n} ᠳᠦᠭᠡᠷ ᠬᠦᠮᠦᠨ",
  // Uuriga
  partyRole: "ᠦᠤᠷᠢᠭᠠ",
  // OrgUdkel gargagci
  roleApplicant: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠭᠠᠷᠭᠠᠭᠴᠢ",
  // qauli yosun-u tOlOgelegci
  roleRepresentative: "ᠬᠠᠤᠯᠢ ᠶᠣᠰᠣᠨ ᠤ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ",
  // itegemjilegdegsen tOlOgelegci
  roleAgent: "ᠢᠲᠡᠭᠡᠮᠵᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ",
  // ner_e
  partyName: "ᠨᠡᠷ᠎ᠡ",
  // biy_e-yin Unemlekui-yin dugaar
  partyIdNumber: "ᠪᠢᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠬᠤᠢ ᠶᠢᠨ ᠳᠤᠭᠠᠠᠷ",
  // utasu
  partyPhone: "ᠤᠲᠠᠰᠤ",
  // qayig
  partyAddress: "ᠬᠠᠶᠢᠭ",
  // dakin nige kUmUn nemekU
  addParty: "ᠳᠠᠬᠢᠨ ᠨᠢᠭᠡ ᠬᠦᠮᠦᠨ ᠨᠡᠮᠡᠬᠦ",
  // {n} dUger kUmUn-i qasaqu
  removeParty: "{n} ᠳᠦᠭᠡᠷ ᠬᠦᠮᠦᠨ ᠢ ᠬᠠᠰᠠᠬᠤ",
  // gurbaduGar alqum: kUmUn-U medeel-i yakin kereglekU
  consentSection: "ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ ᠠᠯᠬᠤᠮ᠄ ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠡᠯ ᠢ ᠶᠠᠬᠢᠨ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ",
  // degereki-yi unsiju, minu kUmUn-U medeel-i ingjU kereglekU-yi jObsiyerebe
  consentAccept: "ᠳᠡᠭᠡᠷᠡᠬᠢ ᠶᠢ ᠤᠨᠰᠢᠵᠤ᠂ ᠮᠢᠨᠤ ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠡᠯ ᠢ ᠢᠩᠵᠦ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡ",
  // tan-u bicigsen jUil ene tOkOgerUmji-dU qadagalagdaba; OrgUdkel ilegegsen-U daraga arilgan_a.
  draftSaved: "ᠲᠠᠨ ᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ; ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭᠠ ᠠᠷᠢᠯᠭᠠᠨ᠎ᠠ᠃",
  // ene tOkOgerUmji-dU qadagalagsan jUil-i sergegebe.
  draftRestored: "ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠵᠦᠢᠯ ᠢ ᠰᠡᠷᠭᠡᠭᠡᠪᠡ᠃",
  // bicigsen jUil-i arilgaqu
  clearDraft: "ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠢ ᠠᠷᠢᠯᠭᠠᠬᠤ",
  // ene tOkOgerUmji-dU qadagalagsan jUil arilgagdaba.
  draftCleared: "ᠡᠨᠡ ᠲᠥᠬᠥᠭᠡᠷᠦᠮᠵᠢ ᠳᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠵᠦᠢᠯ ᠠᠷᠢᠯᠭᠠᠭᠳᠠᠪᠠ᠃",
  // OrgUdkel ilegekU
  submit: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ",
  // ilegejU bayin_a…
  submitting: "ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ…",
  // ayulgui-yin sinjilge kijU bayin_a, tUr kUlijen_e uu…
  proving: "ᠠᠶᠤᠯᠭᠤᠢ ᠶᠢᠨ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠬᠢᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠲᠦᠷ ᠬᠦᠯᠢᠵᠡᠨ᠎ᠡ ᠤᠤ…",
  // ilegekU-yin emUne {n} jUil-i jasan_a uu:
  errorSummary: "ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢᠨ ᠡᠮᠦᠨᠡ {n} ᠵᠦᠢᠯ ᠢ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠄",
  // ene jUil-i bicin_e uu.
  required: "ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃",
  // nige-yi songgon_a uu.
  requiredChoice: "ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
  // {max} Usug-ece ilegUU bolqu Ugei.
  tooLong: "{max} ᠦᠰᠤᠭ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
  // biy_e-yin Unemlekui-yin dugaar buruu: 18 orong-tai, segUl-Un anu X bolju magad.
  idNumber: "ᠪᠢᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠬᠤᠢ ᠶᠢᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠤᠷᠤᠤ᠄ 18 ᠣᠷᠣᠩ ᠲᠠᠢ᠂ ᠰᠡᠭᠦᠯ ᠦᠨ ᠠᠨᠤ X ᠪᠣᠯᠵᠤ ᠮᠠᠭᠠᠳ᠃",
  // utasu-yin dugaar buruu: gar utasu 11 orong-tai; suugu utasu-du bUs-Un dugaar-i nemen_e, 0476-8888888 metU.
  phone: "ᠤᠲᠠᠰᠤ ᠶᠢᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠤᠷᠤᠤ᠄ ᠭᠠᠷ ᠤᠲᠠᠰᠤ 11 ᠣᠷᠣᠩ ᠲᠠᠢ; ᠰᠤᠤᠭᠤ ᠤᠲᠠᠰᠤ ᠳᠤ ᠪᠦᠰ ᠦᠨ ᠳᠤᠭᠠᠠᠷ ᠢ ᠨᠡᠮᠡᠨ᠎ᠡ᠂ 0476-8888888 ᠮᠡᠲᠦ᠃",
  // edUr-i songgoqu buyu 2026-03-01 metU bicin_e uu.
  date: "ᠡᠳᠦᠷ ᠢ ᠰᠣᠩᠭᠣᠬᠤ ᠪᠤᠶᠤ 2026-03-01 ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃",
  // ene edUr bolju Ugei: sinjilen_e uu.
  futureDate: "ᠡᠨᠡ ᠡᠳᠦᠷ ᠪᠣᠯᠵᠤ ᠦᠭᠡᠢ᠄ ᠰᠢᠨᠵᠢᠯᠡᠨ᠎ᠡ ᠤᠤ᠃",
  // kUmUn-U medeel-i kereglekU tuqai-yi unsiju, jObsiyereju temdeglegsen-U daraga ilegen_e uu.
  consentRequired: "ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠡᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠲᠤᠬᠠᠢ ᠶᠢ ᠤᠨᠰᠢᠵᠤ᠂ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠵᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭᠠ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠤᠤ᠃",
  // sumu, jegeli
  township: "ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ",
  // sumu, jegeli-yi songgon_a uu
  chooseTownship: "ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ",
  // tan-u saguju bui buyu kereg bolugsan sumu, jegeli-yi songgon_a uu.
  townshipRequired: "ᠲᠠᠨ ᠤ ᠰᠠᠭᠤᠵᠤ ᠪᠤᠢ ᠪᠤᠶᠤ ᠬᠡᠷᠡᠭ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
  // {office} tan-u OrgUdkel-i kUliyen abun_a.
  officeServing: "{office} ᠲᠠᠨ ᠤ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ᠃",
  // UilecilekU orcin: {townships}
  officeServes: "ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠣᠷᠴᠢᠨ᠄ {townships}",
  // qetUrkei olan ilegebe: {seconds} sekUnd-Un daraga dakin oroldun_a uu.
  tooMany: "ᠬᠡᠲᠦᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠢᠯᠡᠭᠡᠪᠡ᠄ {seconds} ᠰᠡᠬᠦᠨᠳ ᠦᠨ ᠳᠠᠷᠠᠭᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠤᠨ᠎ᠠ ᠤᠤ᠃",
  // ene jUil buruu bicigdebe.
  invalidValue: "ᠡᠨᠡ ᠵᠦᠢᠯ ᠪᠤᠷᠤᠤ ᠪᠢᠴᠢᠭᠳᠡᠪᠡ᠃",
  // serwer OrgUdkel-i kUliyen abugsan Ugei: {reason}
  refused: "ᠰᠡᠷᠸᠡᠷ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}",
  // OrgUdkel ilegegdebe
  doneTitle: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ",
  // {office} tan-u OrgUdkel-i kUliyen abuba.
  doneLead: "{office} ᠲᠠᠨ ᠤ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠪᠠ᠃",
  // kUliyen abugsan dugaar
  doneNumber: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠳᠤᠭᠠᠠᠷ",
  // sinjilekU kod
  doneCode: "ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠬᠣᠳ",
  // kUliyen abugsan dugaar ba sinjilekU kod-i bicijU abun_a uu: ene qoyar-iyar yabuca-yi kejiy_e ci sinjilejU bolon_a. kod-i ganca ene udag_a UjegUlne, busud-tu bU kele.
  doneKeep: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠠ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠬᠣᠳ ᠢ ᠪᠢᠴᠢᠵᠦ ᠠᠪᠤᠨ᠎ᠠ ᠤᠤ᠄ ᠡᠨᠡ ᠬᠣᠶᠠᠷ ᠢᠶᠠᠷ ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠬᠡᠵᠢᠶ᠎ᠡ ᠴᠢ ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠬᠣᠳ ᠢ ᠭᠠᠨᠴᠠ ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ ᠦᠵᠡᠭᠦᠯᠨᠡ᠂ ᠪᠤᠰᠤᠳ ᠲᠤ ᠪᠦ ᠬᠡᠯᠡ᠃",
  // ilegegsen edUr: {date}
  doneOn: "ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠡᠳᠦᠷ᠄ {date}",
  // ene OrgUdkel-i ta ilegegsen bayin_a
  duplicateTitle: "ᠡᠨᠡ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠲᠠ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠨ᠎ᠠ",
  // adali OrgUdkel-i nige edUr ganca udag_a kUliyen abun_a. tan-u dugaar {number}: tere Uy_e-dU abugsan kod-iyar sinjilen_e uu.
  duplicateText: "ᠠᠳᠠᠯᠢ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢ ᠨᠢᠭᠡ ᠡᠳᠦᠷ ᠭᠠᠨᠴᠠ ᠤᠳᠠᠭ᠎ᠠ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ᠃ ᠲᠠᠨ ᠤ ᠳᠤᠭᠠᠠᠷ {number}᠄ ᠲᠡᠷᠡ ᠦᠶ᠎ᠡ ᠳᠦ ᠠᠪᠤᠭᠰᠠᠨ ᠬᠣᠳ ᠢᠶᠠᠷ ᠰᠢᠨᠵᠢᠯᠡᠨ᠎ᠡ ᠤᠤ᠃",
  // dugaar ba kod-i qadagalaqu
  saveCodes: "ᠳᠤᠭᠠᠠᠷ ᠪᠠ ᠬᠣᠳ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ",
  // sUljiyen-U OrgUdkel: kUliyen abugsan dugaar ba sinjilekU kod
  savedFileIntro: "ᠰᠦᠯᠵᠢᠶᠡᠨ ᠦ ᠥᠷᠭᠦᠳᠬᠡᠯ᠄ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠠ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠬᠣᠳ",
  // barimta-yi tatan abqu
  downloadReceipt: "ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢ ᠲᠠᠲᠠᠨ ᠠᠪᠬᠤ",
  // barimta-yi odo tatan abqu bolomji Ugei: {reason}
  receiptFailed: "ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢ ᠣᠳᠣ ᠲᠠᠲᠠᠨ ᠠᠪᠬᠤ ᠪᠣᠯᠣᠮᠵᠢ ᠦᠭᠡᠢ᠄ {reason}",
  // yabuca-yi sinjilekU
  checkStatus: "ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ",
  // dakin nige OrgUdkel ilegekU
  newApplication: "ᠳᠠᠬᠢᠨ ᠨᠢᠭᠡ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ",
  // yabuca-yi sinjilekU
  statusSection: "ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ",
  // OrgUdkel ilegekU-dU abugsan dugaar ba kod-i oruulun_a uu.
  statusHelp: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠳᠦ ᠠᠪᠤᠭᠰᠠᠨ ᠳᠤᠭᠠᠠᠷ ᠪᠠ ᠬᠣᠳ ᠢ ᠣᠷᠤᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃",
  // kUliyen abugsan dugaar
  statusNumber: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠳᠤᠭᠠᠠᠷ",
  // sinjilekU kod
  statusCode: "ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠬᠣᠳ",
  // 12 Usug ba toga, ABCD-EFGH-JK23 metU
  statusCodeHelp: "12 ᠦᠰᠤᠭ ᠪᠠ ᠲᠣᠭᠠ᠂ ABCD-EFGH-JK23 ᠮᠡᠲᠦ",
  // sinjilekU
  lookUp: "ᠰᠢᠨᠵᠢᠯᠡᠬᠦ",
  // sinjilejU bayin_a…
  lookingUp: "ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ…",
  // OrgUdkel oldagsan Ugei: dugaar ba kod-i sinjilen_e uu.
  statusNotFound: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ ᠳᠤᠭᠠᠠᠷ ᠪᠠ ᠬᠣᠳ ᠢ ᠰᠢᠨᠵᠢᠯᠡᠨ᠎ᠡ ᠤᠤ᠃",
  // sinjilekU kod 12 Usug ba toga-tai, ABCD-EFGH-JK23 metU.
  statusBadCode: "ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠬᠣᠳ 12 ᠦᠰᠤᠭ ᠪᠠ ᠲᠣᠭᠠ ᠲᠠᠢ᠂ ABCD-EFGH-JK23 ᠮᠡᠲᠦ᠃",
  // odo-yin bayidal
  statusState: "ᠣᠳᠣ ᠶᠢᠨ ᠪᠠᠶᠢᠳᠠᠯ",
  // duusugsan
  statusClosed: "ᠳᠤᠤᠰᠤᠭᠰᠠᠨ",
  // yabuju bayin_a
  statusOpen: "ᠶᠠᠪᠤᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ",
  // {date}-dU {office}-dU ilegegdebe
  statusReceived: "{date} ᠳᠦ {office} ᠳᠦ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ",
  // yabuca
  statusSteps: "ᠶᠠᠪᠤᠴᠠ",
  // daraga anu: {title}, {date}-ece emUne
  statusNext: "ᠳᠠᠷᠠᠭᠠ ᠠᠨᠤ᠄ {title}᠂ {date} ᠡᠴᠡ ᠡᠮᠦᠨᠡ",
  // tan-u nemegsen material
  statusDocuments: "ᠲᠠᠨ ᠤ ᠨᠡᠮᠡᠭᠰᠡᠨ ᠮᠠᠲᠡᠷᠢᠠᠯ",
  // material nemekU (songgomal)
  docsSection: "ᠮᠠᠲᠡᠷᠢᠠᠯ ᠨᠡᠮᠡᠬᠦ (ᠰᠣᠩᠭᠣᠮᠠᠯ)",
  // OrgUdkel ba nOtOlgen-U jirug buyu skan-i oruulju bolon_a: PDF, JPG, PNG buyu Word (.docx), nige bUri {max} MB-aca ilegUU Ugei, niyte {count}.
  docsHelp: "ᠥᠷᠭᠦᠳᠬᠡᠯ ᠪᠠ ᠨᠥᠲᠥᠯᠭᠡᠨ ᠦ ᠵᠢᠷᠤᠭ ᠪᠤᠶᠤ ᠰᠬᠠᠨ ᠢ ᠣᠷᠤᠤᠯᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠄ PDF᠂ JPG᠂ PNG ᠪᠤᠶᠤ Word (.docx)᠂ ᠨᠢᠭᠡ ᠪᠦᠷᠢ {max} MB ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠂ ᠨᠢᠶᠲᠡ {count}᠃",
  // oruulqu bicig-i songgoqu
  docsAdd: "ᠣᠷᠤᠤᠯᠬᠤ ᠪᠢᠴᠢᠭ ᠢ ᠰᠣᠩᠭᠣᠬᠤ",
  // {name}-i oruulju bayin_a…
  docsUploading: "{name} ᠢ ᠣᠷᠤᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…",
  // {name} oruulugdagsan Ugei: {reason}
  docsFailed: "{name} ᠣᠷᠤᠤᠯᠤᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ {reason}",
};
