/**
 * @sifa/plugin-legality-review, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@sifa/plugin-legality-review/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { LegalityReviewRouter } from './server/router.js';

export { legalityReviewSchemas, type CreateLegalityReviewRecordInput, type ListLegalityReviewRecordsInput, type IssueLegalityReviewReceiptInput } from './schemas.js';
export type { LegalityReviewRecord } from './types.js';

export const legalityReviewManifest = definePlugin({
  id: 'legality-review',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '合法性审核', en: 'Legality review' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: 'legality-review.read', title: { zh: '查看合法性审核', en: 'Read Legality review' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'legality-review.write', title: { zh: '登记合法性审核', en: 'Record Legality review' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: 'legality-review.records', title: { zh: '合法性审核登记数', en: 'Legality review: records' }, unit: { zh: '件', en: 'records' } },
      { code: 'legality-review.people', title: { zh: '合法性审核服务人数', en: 'Legality review: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: 'legality-review.receipt', title: { zh: '合法性审核登记回执', en: 'Legality review receipt' } }],
  },
});

/** The procedures as clients call them (`'legality-review.list'` → input, output), inferred from the router. */
export type LegalityReviewApi = ApiOf<LegalityReviewRouter, 'legality-review'>;
