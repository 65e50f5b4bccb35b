/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-legal-map>, loaded when the widget is
 * shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Institution names and addresses
 * come from the server; where one has no Mongolian form the widget shows the Chinese one,
 * marked lang="zh-CN".
 */
import type { LegalMapMessageCatalog } from './messages.js';

export const mnMong: LegalMapMessageCatalog = {
  // qauli-yin Uiledcilege-yin gajar-un jirug
  title: 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  // qaiqu
  search: 'ᠬᠠᠢᠬᠤ',
  // nere, qayig, Uiledcilege
  searchHint: 'ᠨᠡᠷ᠎ᠡ᠂ ᠬᠠᠶᠢᠭ᠂ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ',
  // bayigullag-a-yin tOrOl
  type: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠦᠷᠦᠯ',
  // bUkU tOrOl
  allTypes: 'ᠪᠦᠬᠦ ᠲᠦᠷᠦᠯ',
  // niyt {count} bayigullag-a
  count: 'ᠨᠡᠶᠢᠲᠡ {count} ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  // tokiyaldaqu bayigullag-a ugei.
  noResults: 'ᠲᠣᠬᠢᠶᠠᠯᠳᠠᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃',
  // bayigullag-a-yin jagsagalta
  list: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ',
  // nadur qamug-un oyir-a
  nearest: 'ᠨᠠᠳᠤᠷ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠶᠢᠷ᠎ᠠ',
  // tany bayiraliy-i olju bayin-a…
  locating: 'ᠲᠠᠨ ᠤ ᠪᠠᠶᠢᠷᠢ ᠶᠢ ᠣᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // {place}-aca qola oyir-a-bar jagsagaba.
  sortedByDistance: '{place} ᠠᠴᠠ ᠬᠣᠯᠠ ᠣᠶᠢᠷ᠎ᠠ ᠪᠠᠷ ᠵᠢᠭᠰᠠᠭᠠᠪᠠ᠃',
  // tany bayiri
  yourPosition: 'ᠲᠠᠨ ᠤ ᠪᠠᠶᠢᠷᠢ',
  // ta ende bayin_a
  youAreHere: 'ᠲᠠ ᠡᠨᠳᠡ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // tany bayiri-yi kereglekU-yi jObSiyeregsen ugei. qosigu-ban songgon-a uu.
  geoDenied: 'ᠲᠠᠨ ᠤ ᠪᠠᠶᠢᠷᠢ ᠶᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠬᠣᠰᠢᠭᠤ ᠪᠠᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // tany bayiri-yi olqu bolomji ugei. qosigu-ban songgon-a uu.
  geoUnavailable: 'ᠲᠠᠨ ᠤ ᠪᠠᠶᠢᠷᠢ ᠶᠢ ᠣᠯᠬᠤ ᠪᠣᠯᠣᠮᠵᠢ ᠦᠭᠡᠢ᠃ ᠬᠣᠰᠢᠭᠤ ᠪᠠᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  // qosigu siyan toyirig
  county: 'ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠲᠣᠭᠣᠷᠢᠭ',
  // songgon-a uu
  chooseCounty: 'ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ',
  // {km} km orcim
  distance: '{km} km ᠣᠷᠴᠢᠮ',
  // gajar-un jirug
  map: 'ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  // gajar-un jirug-i acaalju bayin-a…
  mapLoading: 'ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // ene kOtOci gajar-un jirug-i Uiljikeijü cidaqu ugei (WebGL ugei). jagsagalta-aca qaina uu.
  noWebgl: 'ᠡᠨᠡ ᠬᠥᠲᠥᠴᠢ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠢ ᠦᠵᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ (WebGL ᠦᠭᠡᠢ)᠃ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠬᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠃',
  // gajar-un jirug-i Ujegulju cidaqu ugei: {reason}. jagsagalta-aca qaina uu.
  mapFailed: 'ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠢ ᠦᠵᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ: {reason}᠃ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠬᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠃',
  // bayigullag-a-yi acaalju bayin-a…
  loading: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // bayigullag-a-yi acaalju cidaba ugei: {reason}
  loadFailed: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠪᠠ ᠦᠭᠡᠢ: {reason}',
  // sulziy-e tasuraγsan (the network is cut)
  unreachable: 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // qaaqu
  close: 'ᠬᠠᠭᠠᠬᠤ',
  // bayigullag-a-yin delgerenggui
  details: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳᠡᠯᠭᠡᠷᠡᠩᠭᠦᠢ',
  // qayig
  address: 'ᠬᠠᠶᠢᠭ',
  // utasu
  phone: 'ᠤᠲᠠᠰᠤ',
  // ajil-un caG
  hours: 'ᠠᠵᠢᠯ ᠤᠨ ᠴᠠᠭ',
  // odo ajillaju bayin-a
  openNow: 'ᠣᠳᠣ ᠠᠵᠢᠯᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ',
  // odo ajillaqu ugei
  closedNow: 'ᠣᠳᠣ ᠠᠵᠢᠯᠯᠠᠬᠤ ᠦᠭᠡᠢ',
  // ajil-un caG-i niytelegsen ugei
  noHours: 'ᠠᠵᠢᠯ ᠤᠨ ᠴᠠᠭ ᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ',
  // Uiledcilege
  services: 'ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ',
  // UilecilekU sumu, jegeli
  servesTownships: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ',
  // jam jiguqu
  navigate: 'ᠵᠠᠮ ᠵᠢᠭᠠᠬᠤ',
  // Gaode gajar-un jirug
  amap: 'Gaode ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  // Baidu gajar-un jirug
  baidu: 'Baidu ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  // tngri gajar-un jirug
  tianditu: 'ᠲᠩᠷᠢ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  // VR bUkU talta-yin Ujeljel
  tour: 'VR ᠪᠦᠬᠦ ᠲᠠᠯᠠᠲᠤ ᠦᠵᠡᠯᠭᠡ',
  // oyiralcagu bayiri
  approximate: 'ᠣᠶᠢᠷᠠᠯᠴᠠᠭᠤ ᠪᠠᠶᠢᠷᠢ',
  // garag-un nigen … garag-un edUr
  weekdays: 'ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠬᠣᠶᠠᠷ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠭᠤᠷᠪᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠲᠠᠪᠤᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠢᠷᠭᠤᠭᠠᠨ,ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ',
  // {from}-aca {to} kurtele
  dayRange: '{from} ᠠᠴᠠ {to} ᠬᠦᠷᠲᠡᠯ᠎ᠡ',
  // {count} bayigullag-a, tobciju tomuruulqu
  cluster: '{count} ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ᠂ ᠲᠣᠪᠴᠢᠵᠤ ᠲᠣᠮᠣᠷᠭᠠᠬᠤ',
  // jasag jakirgan-u qubiyari: Ulagan qada qota-yin qosigu siyan
  boundaries: 'ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠬᠤᠪᠢᠶᠠᠷᠢ: ᠤᠯᠠᠭᠠᠨᠬᠠᠳᠠ ᠬᠣᠲᠠ ᠶᠢᠨ ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ',
};
