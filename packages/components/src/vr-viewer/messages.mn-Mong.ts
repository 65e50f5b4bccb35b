/**
 * Mongolian (traditional script, mn-Mong) messages of <sifa-vr-viewer>, loaded when the widget
 * is shown in Mongolian (messages.ts).
 *
 * MONGOLIAN: every string below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary (the comment above each is its Latin transliteration, for the reviewer) and is
 * listed in `mnDrafts` until a native speaker has checked it. Technical words with no settled
 * Mongolian term (VR, WebGL, data-sifa-key, Home) are kept as they are.
 */
import type { VrMessageCatalog } from './messages.js';

export const mnMong: VrMessageCatalog = {
  // VR bUkU dUri
  title: 'VR ᠪᠦᠬᠦ ᠳᠦᠷᠢ',
  // bUkU dUri-yi Uje-gci
  roleDescription: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢ ᠦᠵᠡᠭᠴᠢ',
  // bUkU dUri: {scene}. sumu-tu tobci-bar ergigUlUn Uje, + - tobci-bar tomruga, Home tobci-bar ekin-dU-ben
  viewLabel: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ: {scene}. ᠰᠤᠮᠤ ᠲᠤ ᠲᠣᠪᠴᠢ ᠪᠠᠷ ᠡᠷᠭᠢᠭᠦᠯᠦᠨ ᠦᠵᠡ, + - ᠲᠣᠪᠴᠢ ᠪᠠᠷ ᠲᠣᠮᠤᠷᠭᠠ, Home ᠲᠣᠪᠴᠢ ᠪᠠᠷ ᠡᠬᠢᠨ ᠳᠦ ᠪᠡᠨ',
  // bUkU dUri-yin qabtagai jirug: {scene}
  previewAlt: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢᠨ ᠬᠠᠪᠲᠠᠭᠠᠢ ᠵᠢᠷᠤᠭ: {scene}',
  // bUkU dUri-yi aciyalaju bayin_a…
  loading: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…',
  // jirug aciyalaqu yabuca
  progress: 'ᠵᠢᠷᠤᠭ ᠠᠴᠢᠶᠠᠯᠠᠬᠤ ᠶᠠᠪᠤᠴᠠ',
  // ene kOtOci ergigdekU bUkU dUri-yi Uje-gUlkU bolomji Ugei: qabtagai jirug ba bUkU temdeg-Ud dooraki
  noWebgl: 'ᠡᠨᠡ ᠬᠥᠲᠥᠴᠢ ᠡᠷᠭᠢᠭᠳᠡᠬᠦ ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ: ᠬᠠᠪᠲᠠᠭᠠᠢ ᠵᠢᠷᠤᠭ ᠪᠠ ᠪᠦᠬᠦ ᠲᠡᠮᠳᠡᠭ ᠦᠳ ᠳᠣᠣᠷᠠᠬᠢ',
  // ene ayalal oldaqu Ugei
  tourNotFound: 'ᠡᠨᠡ ᠠᠶᠠᠯᠠᠯ ᠣᠯᠳᠠᠬᠤ ᠦᠭᠡᠢ',
  // bUkU dUri-yin jirug aciyalaju cidaqu Ugei, sUljiye-ben sinjile-gcid dakin oroldun_a uu
  imageFailed: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢᠨ ᠵᠢᠷᠤᠭ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ, ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠨ ᠰᠢᠨᠵᠢᠯᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠤᠨ᠎ᠠ ᠤᠤ',
  // qudas-tu ile tulgagur (data-sifa-key) Ugei
  noKey: 'ᠬᠠᠭᠤᠳᠠᠰᠤ ᠳᠤ ᠢᠯᠡ ᠲᠥᠯᠬᠢᠭᠤᠷ (data-sifa-key) ᠦᠭᠡᠢ',
  // Uje-gUlkU bUkU dUri Ugei (tour, src)
  noSource: 'ᠦᠵᠡᠭᠦᠯᠬᠦ ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠦᠭᠡᠢ (tour, src)',
  // bUkU dUri-yi aciyalaju cidaqu Ugei: {reason}
  loadFailed: 'ᠪᠦᠬᠦ ᠳᠦᠷᠢ ᠶᠢ ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ: {reason}',
  // dakin oroldaqu
  retry: 'ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ',
  // temdeg-Ud
  hotspots: 'ᠲᠡᠮᠳᠡᠭ ᠦᠳ',
  // temdeg-Ud-Un jagsagal
  showList: 'ᠲᠡᠮᠳᠡᠭ ᠦᠳ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯ',
  // "{scene}" dakin temdeg-Ud
  listTitle: '“{scene}” ᠳᠠᠬᠢ ᠲᠡᠮᠳᠡᠭ ᠦᠳ',
  // ene dUri-dU temdeg Ugei
  noHotspots: 'ᠡᠨᠡ ᠳᠦᠷᠢ ᠳᠦ ᠲᠡᠮᠳᠡᠭ ᠦᠭᠡᠢ',
  // qubilbur
  version: 'ᠬᠤᠪᠢᠯᠪᠤᠷ',
  // {version} dUger qubilbur · {date}
  versionOption: '{version} ᠳᠦᠭᠡᠷ ᠬᠤᠪᠢᠯᠪᠤᠷ · {date}',
  // (sine)
  latest: ' (ᠰᠢᠨ᠎ᠡ)',
  // arkiw-un qubilbur: {version} dUger qubilbur ({date})
  archived: 'ᠠᠷᠬᠢᠸ ᠤᠨ ᠬᠤᠪᠢᠯᠪᠤᠷ: {version} ᠳᠦᠭᠡᠷ ᠬᠤᠪᠢᠯᠪᠤᠷ ({date})',
  // utasu-yi daguju ergigUlkU
  gyro: 'ᠤᠲᠠᠰᠤ ᠶᠢ ᠳᠠᠭᠤᠵᠤ ᠡᠷᠭᠢᠭᠦᠯᠬᠦ',
  // qodulgan-u medereg-ci-yi kereglekU jöbsiyeral Ugei
  gyroDenied: 'ᠬᠥᠳᠡᠯᠭᠡᠨ ᠦ ᠮᠡᠳᠡᠷᠡᠭᠴᠢ ᠶᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ ᠦᠭᠡᠢ',
  // bUkU delgegc
  fullscreen: 'ᠪᠦᠬᠦ ᠳᠡᠯᠭᠡᠴ',
  // öbesüben ergikü
  autorotate: 'ᠥᠪᠡᠰᠦᠪᠡᠨ ᠡᠷᠭᠢᠬᠦ',
  // qagaqu
  close: 'ᠬᠠᠭᠠᠬᠤ',
  // Uge-yin bicig
  transcript: 'ᠦᠭᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ',
  // "{scene}" dUri-dU ociqu
  kindScene: '“{scene}” ᠳᠦᠷᠢ ᠳᠦ ᠣᠴᠢᠬᠤ',
  // tayilburi Uje-kU
  kindInfo: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠦᠵᠡᠬᠦ',
  // dagu sonosqu (Uge-yin bicig-tei)
  kindAudio: 'ᠳᠠᠭᠤ ᠰᠣᠨᠣᠰᠬᠤ (ᠦᠭᠡ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠲᠡᠢ)',
  // wideo Uje-kU
  kindVideo: 'ᠸᠢᠳᠧᠣ ᠦᠵᠡᠬᠦ',
  // sine qajasu-dur kolbogesi negegekU
  kindLink: 'ᠰᠢᠨ᠎ᠡ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠳᠤᠷ ᠬᠣᠯᠪᠣᠭᠡᠰᠢ ᠨᠡᠭᠡᠭᠡᠬᠦ',
  // qolbogdaqu Uilcilgege-yi negegekU
  kindWidget: 'ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠦᠢᠯᠡᠴᠢᠯᠭᠡ ᠶᠢ ᠨᠡᠭᠡᠭᠡᠬᠦ',
  // ene bagaji-yi Uje-gUlkU bolomji Ugei
  widgetRefused: 'ᠡᠨᠡ ᠪᠠᠭᠠᠵᠢ ᠶᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ',
  // "{scene}" dUri-dU orugsan
  sceneEntered: '“{scene}” ᠳᠦᠷᠢ ᠳᠦ ᠣᠷᠤᠭᠰᠠᠨ',
  // dUri-nUd
  sceneList: 'ᠳᠦᠷᠢ ᠨᠦᠳ',
};
