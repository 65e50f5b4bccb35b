/**
 * @sifa/plugin-consultation, common half (browser-safe: no drizzle, no Node APIs): the manifest
 * with the case type `consultation.record` (法律咨询记录单, run by the platform's casework engine),
 * the inputs of its own procedures, its output types and `ConsultationApi` (inferred from the
 * router). The server half is `@sifa/plugin-consultation/server`; `<sifa-cases
 * type="consultation.record">` shows the records.
 */
import { z } from 'zod';
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import type { ConsultationRouter } from './server/router.js';
import { consultationCaseType } from './case-type.js';
import { consultationEntryPointGroups, consultationEntryPoints } from './entry-points.js';

export * from './case-type.js';
export { consultationSchemas, type OpenMediationInput, type ConsultationStatisticsInput } from './schemas.js';
export type { OpenMediationResult, ConsultationStatistics } from './types.js';
export { consultationEntryPoints, consultationEntryPointGroups } from './entry-points.js';

const t = (zh: string, en: string) => ({ zh, en });
const count = t('件', 'records');

export const consultationManifest = definePlugin({
  id: 'consultation',
  version: '0.1.0',
  core: '^0.1.0',
  title: t('法律咨询', 'Legal consultation'),
  description: t(
    '法律咨询记录单：每次咨询一份记录（咨询方式、咨询人、问题、答复、法律依据、引导去向及回访），可转人民调解并带入咨询人信息；记录即为工作日志中“法律咨询”的数据来源。',
    'Consultation records: one per consultation (channel, person, question, answer, legal basis, referral and follow-up); a record can open a mediation case with the person carried over; the records are what the diary counts as legal consultations.',
  ),
  permissions: [
    { name: 'consultation.read', title: t('查看法律咨询记录', 'Read consultation records'), roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'consultation.work', title: t('登记和办理法律咨询', 'Record and handle consultations'), roles: ['county_admin', 'office_staff'] },
  ],
  errors: {
    /** openMediation where no installed plugin runs the case type `mediation.case`. */
    mediationNotInstalled: { code: 'NOT_FOUND', details: z.object({ plugin: z.literal('mediation'), caseType: z.literal('mediation.case') }) },
    /** openMediation for a record whose person cannot become a party: none recorded, or anonymous where the mediation case needs names. */
    personMissing: { code: 'BAD_REQUEST', details: z.object({ id: z.string(), reason: z.enum(['none', 'anonymous']) }) },
    /** openMediation for a record that already opened one. */
    mediationAlreadyOpened: { code: 'CONFLICT', details: z.object({ id: z.string(), mediationCase: z.string() }) },
    /** openMediation by a reader who sees the record masked (another office's record): the person's data stays with its office. */
    notOwnRecord: { code: 'FORBIDDEN', details: z.object({ id: z.string(), orgCode: z.string() }) },
  },
  contributes: {
    caseTypes: [consultationCaseType],
    metrics: [
      { code: 'consultation.records', title: t('法律咨询登记件数', 'Consultations recorded'), unit: count },
      { code: 'consultation.visits', title: t('来访咨询', 'Consultations in person'), unit: count },
      { code: 'consultation.phone-calls', title: t('电话咨询', 'Consultations by phone'), unit: count },
      { code: 'consultation.online', title: t('网络咨询', 'Consultations online'), unit: count },
      { code: 'consultation.letters', title: t('信函咨询', 'Consultations by letter'), unit: count },
      { code: 'consultation.video', title: t('视频咨询', 'Consultations by video'), unit: count },
      { code: 'consultation.referrals', title: t('法律咨询引导分流（按登记日）', 'Consultations referred (by day recorded)'), unit: count, cohortOf: 'consultation.records' },
      { code: 'consultation.mediation-opened', title: t('法律咨询转人民调解', 'Mediation cases opened from consultations'), unit: count },
      { code: 'consultation.followed-up', title: t('法律咨询回访', 'Referrals followed up'), unit: count },
    ],
    documentTemplates: [{ code: 'consultation.record-sheet', title: t('法律咨询记录单', 'Legal consultation record sheet') }],
    // The diary's "法律咨询" item becomes read-only where this plugin is installed: the records count.
    derivedDiaryItems: [{ item: 'diary.consultation', from: t('来自法律咨询记录单', 'From consultation records') }],
    entryPointGroups: consultationEntryPointGroups,
    entryPoints: consultationEntryPoints,
  },
});

/** The procedures under `consultation.` (the case procedures under `consultation.cases.`), as the server serves them. */
export type ConsultationApi = ApiOf<ConsultationRouter, 'consultation'>;

/** The details of the plugin's declared errors, by name (`consultation.mediationNotInstalled` …). */
export type ConsultationErrorDetails = PluginErrorDetailsOf<typeof consultationManifest>;

declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends ConsultationErrorDetails {}
}
