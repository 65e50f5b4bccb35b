/**
 * @sifa/plugin-{{id}}, common half (browser-safe: no drizzle, no Node APIs): the manifest, the
 * input schemas, and the types widgets and integrators use. The server half is
 * `@sifa/plugin-{{id}}/server`.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { {{Name}}Router } from './server/router.js';

export { {{name}}Schemas, type Create{{Name}}RecordInput, type List{{Name}}RecordsInput, type Issue{{Name}}ReceiptInput } from './schemas.js';
export type { {{Name}}Record } from './types.js';

export const {{name}}Manifest = definePlugin({
  id: '{{id}}',
  version: '0.1.0',
  core: '{{coreRange}}',
  title: { zh: '{{titleZh}}', en: '{{titleEn}}' },
  permissions: [
    // Row-level security keeps every caller inside their own subtree; these say what they may do there.
    { name: '{{id}}.read', title: { zh: '查看{{titleZh}}', en: 'Read {{titleEn}}' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: '{{id}}.write', title: { zh: '登记{{titleZh}}', en: 'Record {{titleEn}}' }, roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    // Facts of these metrics feed the dashboard, assessments and warnings (see the router's `create`).
    metrics: [
      { code: '{{id}}.records', title: { zh: '{{titleZh}}登记数', en: '{{titleEn}}: records' }, unit: { zh: '件', en: 'records' } },
      { code: '{{id}}.people', title: { zh: '{{titleZh}}服务人数', en: '{{titleEn}}: people served' }, unit: { zh: '人', en: 'people' } },
    ],
    documentTemplates: [{ code: '{{id}}.receipt', title: { zh: '{{titleZh}}登记回执', en: '{{titleEn}} receipt' } }],
  },
});

/** The procedures as clients call them (`'{{id}}.list'` → input, output), inferred from the router. */
export type {{Name}}Api = ApiOf<{{Name}}Router, '{{id}}'>;
