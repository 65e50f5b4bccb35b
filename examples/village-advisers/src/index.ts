/**
 * @chifeng-justice/plugin-village-advisers, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@chifeng-justice/plugin-village-advisers/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { VillageAdvisersRouter } from './server/router.js';

export { villageAdvisersSchemas, type CreateVillageAdvisersRecordInput, type ListVillageAdvisersRecordsInput, type IssueVillageAdvisersReceiptInput } from './schemas.js';
export type { VillageAdvisersRecord } from './types.js';

export const villageAdvisersManifest = definePlugin({
  id: 'village-advisers',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '村（居）法律顾问服务', en: 'Village legal advisers' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: 'village-advisers.read', title: { zh: '查看村（居）法律顾问服务', en: 'Read Village legal advisers' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'village-advisers.write', title: { zh: '登记村（居）法律顾问服务', en: 'Record Village legal advisers' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: 'village-advisers.records', title: { zh: '村（居）法律顾问服务登记数', en: 'Village legal advisers: records' }, unit: { zh: '件', en: 'records' } },
      { code: 'village-advisers.people', title: { zh: '村（居）法律顾问服务服务人数', en: 'Village legal advisers: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: 'village-advisers.receipt', title: { zh: '村（居）法律顾问服务登记回执', en: 'Village legal advisers receipt' } }],
  },
});

/** The procedures as clients call them (`'village-advisers.list'` → input, output), inferred from the router. */
export type VillageAdvisersApi = ApiOf<VillageAdvisersRouter, 'village-advisers'>;
