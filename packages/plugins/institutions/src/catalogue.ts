/**
 * The default lists of institution types and services of the legal-services map. A deployment
 * replaces or extends them through the plugin options (`createInstitutionsPlugin({ types,
 * services })`). Browser-safe plain data. Mongolian titles are left out until a reviewed
 * translation exists (widgets fall back to Chinese, as `pickText` does).
 */
import type { LocalizedText } from '@sifa/core';
import type { InstitutionService, InstitutionType } from './schemas.js';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The types the issue names, each with a map colour distinct from its neighbours in the legend. */
export const defaultInstitutionTypes = [
  { code: 'legal-service-centre', title: t('公共法律服务中心', 'Public legal-service centre'), color: '#b03a2e' },
  { code: 'legal-service-station', title: t('公共法律服务站', 'Public legal-service station'), color: '#d35400' },
  { code: 'legal-service-workstation', title: t('公共法律服务工作室', 'Public legal-service workstation'), color: '#b7950b' },
  { code: 'judicial-office', title: t('司法所', 'Judicial office'), color: '#1f4e9c' },
  { code: 'law-firm', title: t('律师事务所', 'Law firm'), color: '#6c3483' },
  { code: 'notary-office', title: t('公证处', 'Notary office'), color: '#117a65' },
  { code: 'legal-aid-centre', title: t('法律援助中心', 'Legal-aid centre'), color: '#2e86c1' },
  { code: 'mediation-committee', title: t('人民调解委员会', "People's mediation committee"), color: '#239b56' },
  { code: 'arbitration-commission', title: t('仲裁委员会', 'Arbitration commission'), color: '#5d6d7e' },
  { code: 'reconsideration-point', title: t('行政复议转递点', 'Administrative reconsideration forwarding point'), color: '#a04000' },
] as const satisfies readonly InstitutionType[];

export const defaultInstitutionServices = [
  { code: 'consultation', title: t('法律咨询', 'Legal consultation') },
  { code: 'legal-aid', title: t('法律援助', 'Legal aid') },
  { code: 'mediation', title: t('人民调解', "People's mediation") },
  { code: 'notarisation', title: t('公证', 'Notarisation') },
  { code: 'lawyer-services', title: t('律师服务', 'Lawyer services') },
  { code: 'reconsideration-forwarding', title: t('行政复议申请转递', 'Forwarding of administrative reconsideration applications') },
  { code: 'community-correction', title: t('社区矫正报到', 'Community-correction reporting') },
  { code: 'law-education', title: t('普法宣传', 'Law education') },
  { code: 'arbitration', title: t('仲裁', 'Arbitration') },
] as const satisfies readonly InstitutionService[];
