/**
 * @sifa/plugin-applications, common half (browser-safe: no drizzle, no Node APIs): the manifest with
 * the case type `applications.reconsideration` (行政复议申请转递, run by the platform's casework
 * engine), the application-period check (`reconsiderationPeriod`), the inputs of its own procedures
 * and `ApplicationsApi` (inferred from the router). The server half is
 * `@sifa/plugin-applications/server`; `<sifa-cases type="applications.reconsideration">` shows the cases.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { ApplicationsRouter } from './server/router.js';
import { reconsiderationCaseType } from './case-types.js';

export * from './case-types.js';
export { reconsiderationPeriod, type ReconsiderationPeriodCheck, type ReconsiderationPeriodInput } from './period.js';
export { applicationsSchemas, type ReconsiderationPeriodQueryInput } from './schemas.js';

const t = (zh: string, en: string) => ({ zh, en });
const cases = t('件', 'cases');

export const applicationsManifest = definePlugin({
  id: 'applications',
  version: '0.1.0',
  core: '^0.1.0',
  title: t('网上申请与转递', 'Applications and forwarding'),
  description: t(
    '司法所作为行政复议转递代办点接收、转递行政复议申请，出具回执，跟踪复议机关受理、补正和决定；接收的申请即为工作日志中“行政复议代办转递”的数据来源。',
    'The judicial office as a forwarding point for administrative reconsideration: applications received with a receipt, forwarded, and the body’s acceptance, corrections and decision tracked; the applications are what the diary counts under reconsideration forwarding.',
  ),
  permissions: [
    { name: 'applications.read', title: t('查看申请', 'Read applications'), roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'applications.work', title: t('办理申请', 'Handle applications'), roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    caseTypes: [reconsiderationCaseType],
    metrics: [
      { code: 'applications.reconsideration-received', title: t('接收行政复议申请', 'Reconsideration applications received'), unit: cases },
      { code: 'applications.oral', title: t('口头申请（当场记录）', 'Oral applications written up'), unit: cases },
      { code: 'applications.reconsideration-forwarded', title: t('转递行政复议申请', 'Reconsideration applications forwarded'), unit: cases },
      { code: 'applications.reconsideration-accepted', title: t('复议机关受理', 'Accepted by the body'), unit: cases },
      { code: 'applications.reconsideration-decided', title: t('复议机关作出决定', 'Decided by the body'), unit: cases },
    ],
    documentTemplates: [{ code: 'applications.reconsideration-receipt', title: t('行政复议申请接收回执', 'Receipt for a reconsideration application') }],
    // The diary's "行政复议代办转递" item becomes read-only where this plugin is installed: the cases count.
    derivedDiaryItems: [{ item: 'diary.reconsideration-forwarding', from: t('来自行政复议转递案卷', 'From reconsideration forwarding case files') }],
  },
});

/** The procedures under `applications.` (the case procedures under `applications.cases.`), as the server serves them. */
export type ApplicationsApi = ApiOf<ApplicationsRouter, 'applications'>;
