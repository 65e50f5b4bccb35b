/**
 * @sifa/plugin-correction, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@sifa/plugin-correction/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { CorrectionRouter } from './server/router.js';

export { correctionSchemas, type CreateCorrectionRecordInput, type ListCorrectionRecordsInput, type IssueCorrectionReceiptInput } from './schemas.js';
export type { CorrectionRecord } from './types.js';

export const correctionManifest = definePlugin({
  id: 'correction',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '社区矫正', en: 'Community correction' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: 'correction.read', title: { zh: '查看社区矫正', en: 'Read Community correction' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'correction.write', title: { zh: '登记社区矫正', en: 'Record Community correction' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: 'correction.records', title: { zh: '社区矫正登记数', en: 'Community correction: records' }, unit: { zh: '件', en: 'records' } },
      { code: 'correction.people', title: { zh: '社区矫正服务人数', en: 'Community correction: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: 'correction.receipt', title: { zh: '社区矫正登记回执', en: 'Community correction receipt' } }],
  },
});

/** The procedures as clients call them (`'correction.list'` → input, output), inferred from the router. */
export type CorrectionApi = ApiOf<CorrectionRouter, 'correction'>;
