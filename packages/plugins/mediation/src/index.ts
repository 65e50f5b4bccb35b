/**
 * @sifa/plugin-mediation, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@sifa/plugin-mediation/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { MediationRouter } from './server/router.js';

export { mediationSchemas, type CreateMediationRecordInput, type ListMediationRecordsInput, type IssueMediationReceiptInput } from './schemas.js';
export type { MediationRecord } from './types.js';

export const mediationManifest = definePlugin({
  id: 'mediation',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '人民调解', en: 'People’s mediation' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: 'mediation.read', title: { zh: '查看人民调解', en: 'Read People’s mediation' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'mediation.write', title: { zh: '登记人民调解', en: 'Record People’s mediation' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: 'mediation.records', title: { zh: '人民调解登记数', en: 'People’s mediation: records' }, unit: { zh: '件', en: 'records' } },
      { code: 'mediation.people', title: { zh: '人民调解服务人数', en: 'People’s mediation: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: 'mediation.receipt', title: { zh: '人民调解登记回执', en: 'People’s mediation receipt' } }],
  },
});

/** The procedures as clients call them (`'mediation.list'` → input, output), inferred from the router. */
export type MediationApi = ApiOf<MediationRouter, 'mediation'>;
