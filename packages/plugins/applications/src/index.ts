/**
 * @sifa/plugin-applications, common half (browser-safe: no drizzle, no Node APIs): the manifest with
 * its case types (run by the platform's casework engine): `applications.reconsideration`
 * (行政复议申请转递), `applications.legal-aid` (法律援助申请接收转交), `applications.notary` and
 * `applications.arbitration` (公证、仲裁转介); the checks before forwarding a reconsideration
 * application (`reconsiderationChecks`: period, scope, reconsideration first, jurisdiction; their
 * statutory rules as data in rules.ts), the inputs of its own procedures, its output types and
 * `ApplicationsApi` (inferred from the router). The server half is `@sifa/plugin-applications/server`. `<sifa-cases
 * type="applications.reconsideration">` shows the reconsideration cases (`applications.cases.*`),
 * `<sifa-cases type="applications.legal-aid" api="applications.legalAid">` the legal-aid ones
 * (`applications.legalAid.cases.*`; `notary`, `arbitration` alike).
 */
import { z } from 'zod';
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import type { ApplicationsRouter } from './server/router.js';
import { applicationCaseTypes } from './case-types.js';

export * from './case-types.js';
export { reconsiderationPeriod, type ReconsiderationPeriodCheck, type ReconsiderationPeriodInput } from './period.js';
export * from './rules.js';
export {
  reconsiderationChecks,
  reconsiderationCheckCodes,
  periodCheck,
  scopeCheck,
  reconsiderationFirstCheck,
  jurisdictionCheck,
  suggestBody,
  matchRules,
  type ReconsiderationCheckCode,
  type ReconsiderationChecksInput,
  type NegativeListEntry,
  type ReconsiderationBody,
  type BodySuggestion,
  type RuleMatch,
} from './checks.js';
export * from './schemas.js';
export type * from './types.js';

const t = (zh: string, en: string) => ({ zh, en });
const cases = t('件', 'cases');

export const applicationsManifest = definePlugin({
  id: 'applications',
  version: '0.1.0',
  core: '^0.1.0',
  title: t('网上申请与转递', 'Applications and forwarding'),
  description: t(
    '司法所作为行政复议转递代办点接收、转递行政复议申请，出具回执，跟踪复议机关受理、补正和决定；接收并转交法律援助申请，转介公证、仲裁申请；接收的申请即为工作日志中“行政复议代办转递”“法律援助申请接收转交”的数据来源。',
    'The judicial office as a forwarding point for administrative reconsideration (applications received with a receipt, forwarded, the body’s acceptance, corrections and decision tracked), and receiving and passing on legal-aid, notary and arbitration applications; they are what the diary counts under reconsideration forwarding and legal aid.',
  ),
  permissions: [
    { name: 'applications.read', title: t('查看申请', 'Read applications'), roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'applications.work', title: t('办理申请', 'Handle applications'), roles: ['county_admin', 'office_staff'] },
    { name: 'applications.lists', title: t('维护负面清单和行政复议机关名单', 'Edit the negative list and the list of reconsideration bodies'), roles: ['city_admin', 'county_admin'] },
  ],
  errors: {
    /** No such entry of the negative list or the list of bodies in the caller's area. */
    listEntryNotFound: { code: 'NOT_FOUND', details: z.object({ list: z.enum(['negative-list', 'bodies']), id: z.string() }) },
    /** The entry is owned above the caller (readable, not changeable). */
    listEntryInherited: { code: 'FORBIDDEN', details: z.object({ list: z.enum(['negative-list', 'bodies']), id: z.string(), ownerOrgCode: z.string() }) },
    /** Edited against an older revision (someone else changed it meanwhile). */
    listRevisionConflict: { code: 'CONFLICT', details: z.object({ list: z.enum(['negative-list', 'bodies']), id: z.string(), revision: z.int(), currentRevision: z.int() }) },
    /** Lists are kept by the city and the counties, not by offices. */
    listOwnerLevel: { code: 'VALIDATION_FAILED', details: z.object({ orgCode: z.string(), level: z.string() }) },
  },
  contributes: {
    caseTypes: [...applicationCaseTypes],
    metrics: [
      { code: 'applications.reconsideration-received', title: t('接收行政复议申请', 'Reconsideration applications received'), unit: cases },
      { code: 'applications.oral', title: t('口头申请（当场记录）', 'Oral applications written up'), unit: cases },
      { code: 'applications.reconsideration-forwarded', title: t('转递行政复议申请', 'Reconsideration applications forwarded'), unit: cases },
      { code: 'applications.reconsideration-accepted', title: t('复议机关受理', 'Accepted by the body'), unit: cases },
      { code: 'applications.reconsideration-decided', title: t('复议机关作出决定', 'Decided by the body'), unit: cases },
      { code: 'applications.legal-aid-received', title: t('接收法律援助申请', 'Legal-aid applications received'), unit: cases },
      { code: 'applications.legal-aid-forwarded', title: t('转交法律援助申请', 'Legal-aid applications passed on'), unit: cases },
      { code: 'applications.notary-received', title: t('接收公证申请', 'Notary requests received'), unit: cases },
      { code: 'applications.notary-forwarded', title: t('转介公证申请', 'Notary requests referred'), unit: cases },
      { code: 'applications.arbitration-received', title: t('接收仲裁申请', 'Arbitration requests received'), unit: cases },
      { code: 'applications.arbitration-forwarded', title: t('转介仲裁申请', 'Arbitration requests referred'), unit: cases },
    ],
    documentTemplates: [{ code: 'applications.reconsideration-receipt', title: t('行政复议申请接收回执', 'Receipt for a reconsideration application') }],
    // The diary's "行政复议代办转递" item becomes read-only where this plugin is installed: the cases count.
    derivedDiaryItems: [
      { item: 'diary.reconsideration-forwarding', from: t('来自行政复议转递案卷', 'From reconsideration forwarding case files') },
      { item: 'diary.legal-aid', from: t('来自法律援助申请案卷', 'From legal-aid application files') },
    ],
  },
});

/** The procedures under `applications.` (the case procedures under `applications.cases.`, `applications.legalAid.cases.` …), as the server serves them. */
export type ApplicationsApi = ApiOf<ApplicationsRouter, 'applications'>;

/** The details of the applications plugin's declared errors, by name (`applications.listRevisionConflict`). */
export type ApplicationsErrorDetails = PluginErrorDetailsOf<typeof applicationsManifest>;

// `isPluginError(error, 'applications.listRevisionConflict')` narrows to these details wherever this entry is imported.
declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends ApplicationsErrorDetails {}
}
