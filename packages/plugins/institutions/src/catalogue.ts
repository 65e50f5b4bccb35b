/**
 * The default lists of institution types and services of the legal-services map. A deployment
 * replaces or extends them through the plugin options (`createInstitutionsPlugin({ types,
 * services })`). Browser-safe plain data.
 *
 * MONGOLIAN: every `mn` title below (the third argument of `t`) is a DRAFT written by a
 * non-speaker from classical Mongolian vocabulary, in traditional script; the comment above each
 * line is its Latin transliteration (`mn draft: …`), for the reviewer. All of them are drafts
 * until a native speaker has checked them (`institutionMnDrafts` lists them).
 */
import type { LocalizedText } from '@sifa/core';
import type { InstitutionService, InstitutionType } from './schemas.js';

const t = (zh: string, en: string, mn?: string): LocalizedText => (mn ? { zh, en, mn } : { zh, en });

/** The types the issue names, each with a map colour distinct from its neighbours in the legend. */
export const defaultInstitutionTypes = [
  // mn draft: olan neyite-yin qagul_i-yin Uiledcilege-yin tob
  { code: 'legal-service-centre', title: t('公共法律服务中心', 'Public legal-service centre', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ'), color: '#b03a2e' },
  // mn draft: olan neyite-yin qagul_i-yin Uiledcilege-yin Ortege
  { code: 'legal-service-station', title: t('公共法律服务站', 'Public legal-service station', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠥᠷᠲᠡᠭᠡ'), color: '#d35400' },
  // mn draft: olan neyite-yin qagul_i-yin Uiledcilege-yin ajil-un OrUge
  { code: 'legal-service-workstation', title: t('公共法律服务工作室', 'Public legal-service workstation', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠠᠵᠢᠯ ᠤᠨ ᠥᠷᠥᠭᠡ'), color: '#b7950b' },
  // mn draft: sigUkU-yin tasug
  { code: 'judicial-office', title: t('司法所', 'Judicial office', 'ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠲᠠᠰᠤᠭ'), color: '#1f4e9c' },
  // mn draft: qagul_i-yin jOblegci-yin gajar
  { code: 'law-firm', title: t('律师事务所', 'Law firm', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠭᠠᠵᠠᠷ'), color: '#6c3483' },
  // mn draft: notari-yin gajar
  { code: 'notary-office', title: t('公证处', 'Notary office', 'ᠨᠣᠲᠠᠷᠢ ᠶᠢᠨ ᠭᠠᠵᠠᠷ'), color: '#117a65' },
  // mn draft: qagul_i-yin tusalamji-yin tob
  { code: 'legal-aid-centre', title: t('法律援助中心', 'Legal-aid centre', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠥᠪ'), color: '#2e86c1' },
  // mn draft: arad-un eblerekUlUl-Un komis
  { code: 'mediation-committee', title: t('人民调解委员会', "People's mediation committee", 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ ᠦᠨ ᠺᠣᠮᠢᠰ'), color: '#239b56' },
  // mn draft: arbitr-un komis
  { code: 'arbitration-commission', title: t('仲裁委员会', 'Arbitration commission', 'ᠠᠷᠪᠢᠲᠷ ᠤᠨ ᠺᠣᠮᠢᠰ'), color: '#5d6d7e' },
  // mn draft: dakin kinalta-yin OrgUdUl damjugulqu gajar
  { code: 'reconsideration-point', title: t('行政复议转递点', 'Administrative reconsideration forwarding point', 'ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠳᠠᠮᠵᠤᠭᠤᠯᠬᠤ ᠭᠠᠵᠠᠷ'), color: '#a04000' },
] as const satisfies readonly InstitutionType[];

export const defaultInstitutionServices = [
  // mn draft: qagul_i-yin jOblelge
  { code: 'consultation', title: t('法律咨询', 'Legal consultation', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ') },
  // mn draft: qagul_i-yin tusalamji
  { code: 'legal-aid', title: t('法律援助', 'Legal aid', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ') },
  // mn draft: arad-un eblerekUlUl
  { code: 'mediation', title: t('人民调解', "People's mediation", 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ') },
  // mn draft: notari batulga
  { code: 'notarisation', title: t('公证', 'Notarisation', 'ᠨᠣᠲᠠᠷᠢ ᠪᠠᠲᠤᠯᠭ᠎ᠠ') },
  // mn draft: qagul_i-yin jOblegci-yin Uiledcilege
  { code: 'lawyer-services', title: t('律师服务', 'Lawyer services', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠦᠶᠢᠯᠡᠴᠢᠯᠡᠭᠡ') },
  // mn draft: dakin kinalta-yin OrgUdUl damjugulqu
  { code: 'reconsideration-forwarding', title: t('行政复议申请转递', 'Forwarding of administrative reconsideration applications', 'ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠳᠠᠮᠵᠤᠭᠤᠯᠬᠤ') },
  // mn draft: neyigem-Un jasal-du medegUlkU
  { code: 'community-correction', title: t('社区矫正报到', 'Community-correction reporting', 'ᠨᠡᠶᠢᠭᠡᠮ ᠦᠨ ᠵᠠᠰᠠᠯ ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
  // mn draft: qagul_i-yin surtaljilga
  { code: 'law-education', title: t('普法宣传', 'Law education', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ') },
  // mn draft: arbitr-un siidbUri
  { code: 'arbitration', title: t('仲裁', 'Arbitration', 'ᠠᠷᠪᠢᠲᠷ ᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ') },
] as const satisfies readonly InstitutionService[];

/** Codes of the types and services whose Mongolian title is a draft (all of them, until reviewed). */
export const institutionMnDrafts: ReadonlySet<string> = new Set([...defaultInstitutionTypes, ...defaultInstitutionServices].filter((x) => 'mn' in x.title).map((x) => x.code));
