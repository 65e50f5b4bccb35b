/**
 * Dashboard entry points over the consultation records' own metrics (the diary's entry points over
 * `diary.consultations` count the records too, through the facts each record feeds them). Ids are
 * unique across plugins: the diary's are `consultations`, `people-served` …, these start with
 * `consultation-`. Plain data, browser-safe.
 */
import type { EntryPointDefinitionInput, EntryPointGroupInput, LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const consultationEntryPointGroups: EntryPointGroupInput[] = [{ id: 'consultation-records', title: t('法律咨询记录', 'Legal consultation records') }];

export const consultationEntryPoints: EntryPointDefinitionInput[] = [
  {
    id: 'consultation-records',
    group: 'consultation-records',
    title: t('法律咨询登记与引导', 'Consultations recorded and referred'),
    description: t('法律咨询记录单登记件数、引导分流件数、转人民调解件数和回访件数。', 'Consultation records, referrals, mediation cases opened from them and follow-ups.'),
    metrics: ['consultation.records', 'consultation.referrals', 'consultation.mediation-opened', 'consultation.followed-up'],
    combine: 'each',
    chart: 'line',
  },
  {
    id: 'consultation-channels',
    group: 'consultation-records',
    title: t('法律咨询渠道构成', 'Consultations by channel'),
    description: t('来访、电话、网络、信函、视频咨询各占的比重。', 'The shares of visits, phone calls, online messages, letters and video calls.'),
    metrics: ['consultation.visits', 'consultation.phone-calls', 'consultation.online', 'consultation.letters', 'consultation.video'],
    combine: 'each',
    chart: 'pie',
  },
  {
    id: 'consultation-referral-rate',
    group: 'consultation-records',
    title: t('法律咨询引导分流率', 'Consultations referred'),
    description: t('引导至法律援助、调解、复议、公证、仲裁、诉讼的件数占登记件数的百分比。', 'Referrals (legal aid, mediation, reconsideration, notary, arbitration, litigation) as a percentage of records.'),
    metrics: ['consultation.referrals', 'consultation.records'],
    combine: 'ratio',
    figureTitle: t('引导分流率', 'Referral rate'),
    chart: 'bar',
  },
];
