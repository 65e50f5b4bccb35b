/**
 * @sifa/plugin-consultation, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@sifa/plugin-consultation/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { ConsultationRouter } from './server/router.js';

export { consultationSchemas, type CreateConsultationRecordInput, type ListConsultationRecordsInput, type IssueConsultationReceiptInput } from './schemas.js';
export type { ConsultationRecord } from './types.js';

export const consultationManifest = definePlugin({
  id: 'consultation',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '法律咨询', en: 'Legal consultation' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: 'consultation.read', title: { zh: '查看法律咨询', en: 'Read Legal consultation' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'consultation.write', title: { zh: '登记法律咨询', en: 'Record Legal consultation' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: 'consultation.records', title: { zh: '法律咨询登记数', en: 'Legal consultation: records' }, unit: { zh: '件', en: 'records' } },
      { code: 'consultation.people', title: { zh: '法律咨询服务人数', en: 'Legal consultation: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: 'consultation.receipt', title: { zh: '法律咨询登记回执', en: 'Legal consultation receipt' } }],
  },
});

/** The procedures as clients call them (`'consultation.list'` → input, output), inferred from the router. */
export type ConsultationApi = ApiOf<ConsultationRouter, 'consultation'>;
