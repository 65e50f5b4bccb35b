/** @sifa/plugin-assessment/server: the server half (Node: drizzle tables, migrations, router, documents, seed). */
export { createAssessmentPlugin, assessmentPluginOptionsSchema, totalScoreIndicator, type AssessmentPluginOptions, type AssessmentRouter } from './plugin.js';
export { assessmentManifest } from '../index.js';
export { assessmentStandards, assessmentStandardVersions } from './schema.js';
export { loadFactsTable, officeOf, type FactsTableRequest } from './facts-table.js';
export { scoreOffices, subtreeOf, scoreOrg, rankingOf, breakdownOf, trendOf, totalsOf, type OfficeScore, type Subtree } from './scores.js';
export { listStandards, getStandard, createStandard, copyStandard, saveDraft, publishDraft } from './standards.js';
export {
  resultNoticeTemplate,
  statisticsTableTemplate,
  analysisReportTemplate,
  renderResultNotice,
  renderStatisticsTable,
  renderAnalysisReport,
  periodLabel,
  type ResultNoticeData,
  type StatisticsTableData,
  type AnalysisReportData,
} from './documents.js';
export type { AssessmentContext } from './context.js';
