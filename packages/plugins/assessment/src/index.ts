/**
 * @sifa/plugin-assessment, common half (browser-safe: no drizzle, no Node APIs): the manifest of
 * the 1000-point assessment (考核评价), the standard's zod schemas, the pure scoring module and
 * the DEMO standard, and the API types widgets and integrators use: the output types
 * (`types.ts`) and `AssessmentApi`, the procedure map inferred from the server's router. The
 * server half is `@sifa/plugin-assessment/server`, the widgets `@sifa/plugin-assessment/ui`
 * (`<sifa-score-card>`).
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { AssessmentRouter } from './server/plugin.js';

export type * from './types.js';

export { demoStandard, demoStandardItems, demoStandardParts } from './demo-standard.js';
export { scoreStandard, monthsNeeded, segmentsNeeded, commonSegments, metricsOf, round2, type FactsTable, type ComputedScore, type ComputedItem, type MetricAggregation } from './scoring.js';
export {
  assessmentRuleSchema,
  assessmentPartSpecSchema,
  assessmentItemSpecSchema,
  assessmentStandardBodySchema,
  parseStandardBody,
  partKinds,
  type AssessmentStandardBodyInput,
  type AssessmentScoreInput,
  type AssessmentRankingInput,
  type AssessmentBreakdownInput,
  type AssessmentTrendInput,
  type AssessmentStandardsListInput,
  type AssessmentStandardsGetInput,
  type AssessmentStandardsCreateInput,
  type AssessmentStandardsCopyInput,
  type AssessmentStandardsSaveDraftInput,
  type AssessmentStandardsPublishInput,
  type AssessmentDocumentsInput,
} from './schemas.js';
export { assessmentMessages, type AssessmentMessageKey } from './messages.js';

/** The procedures under `assessment.` (path → type, input, output), as the server serves them. */
export type AssessmentApi = ApiOf<AssessmentRouter, 'assessment'>;

export const assessmentTemplateCodes = {
  resultNotice: 'assessment.result-notice',
  statisticsTable: 'assessment.statistics-table',
  analysisReport: 'assessment.analysis-report',
} as const;

export const assessmentManifest = definePlugin({
  id: 'assessment',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '考核评价', en: '1000-point office assessment' },
  description: {
    zh: '司法所千分制考核：考核标准按年度分版本维护，得分全部由工作日志和业务记录产生的事实数据计算，可逐项追溯到具体记录。所附考核标准为示范（非官方标准）。',
    en: 'The 1000-point assessment of judicial offices: versioned yearly standards, scores computed only from the facts diary entries and business records produce, each figure traceable to its records. The bundled standard is a DEMO, not an official one.',
  },
  permissions: [
    {
      name: 'assessment.read',
      title: { zh: '查看考核得分', en: 'Read assessment scores' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
    {
      // The assessors: they keep the standards and issue the result documents; the assessed read.
      name: 'assessment.manage',
      title: { zh: '管理考核标准、发布考核结果', en: 'Manage assessment standards and issue results' },
      roles: ['city_admin', 'county_admin'],
    },
  ],
  contributes: {
    documentTemplates: [
      { code: 'assessment.result-notice', title: { zh: '考核结果通知书', en: 'Assessment result notice' } },
      { code: 'assessment.statistics-table', title: { zh: '考核得分统计表', en: 'Assessment statistics table' } },
      { code: 'assessment.analysis-report', title: { zh: '考核分析报告', en: 'Assessment analysis report' } },
    ],
  },
});
