/**
 * @sifa/plugin-legality-review, common half (browser-safe: no drizzle, no Node APIs): the manifest
 * with the case type `legality-review.case` (合法性审核, run by the platform's casework engine),
 * the inputs of its own procedures, its output types and `LegalityReviewApi` (inferred from the
 * router). The server half is `@sifa/plugin-legality-review/server`; `<sifa-cases
 * type="legality-review.case">` shows the cases.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { LegalityReviewRouter } from './server/router.js';
import { legalityReviewCaseType } from './case-type.js';
import { legalityReviewEntryPointGroups, legalityReviewEntryPoints } from './entry-points.js';

export * from './case-type.js';
export { legalityReviewSchemas, type LegalityReviewStatisticsInput } from './schemas.js';
export type { LegalityReviewStatistics } from './types.js';
export { legalityReviewEntryPoints, legalityReviewEntryPointGroups } from './entry-points.js';

const t = (zh: string, en: string) => ({ zh, en });
const cases = t('件', 'cases');

export const legalityReviewManifest = definePlugin({
  id: 'legality-review',
  version: '0.1.0',
  core: '^0.1.0',
  title: t('合法性审核', 'Legality review'),
  description: t(
    '规范性文件草案、重大行政决策、合同、村规民约和行政执法决定的合法性审核：收件、审核四要点、出具合法性审核意见书、跟踪采纳情况；审核即为工作日志中“合法性审查”的数据来源。',
    'Legality review of draft normative documents, major decisions, contracts, village rules and enforcement decisions: registration, the four review points, the review opinion and whether it was adopted; the reviews are what the diary counts as legality reviews.',
  ),
  permissions: [
    { name: 'legality-review.read', title: t('查看合法性审核', 'Read legality reviews'), roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'legality-review.work', title: t('办理合法性审核', 'Handle legality reviews'), roles: ['county_admin', 'office_staff'] },
  ],
  contributes: {
    caseTypes: [legalityReviewCaseType],
    metrics: [
      { code: 'legality-review.received', title: t('合法性审核收件', 'Legality reviews received'), unit: cases },
      { code: 'legality-review.normative-documents', title: t('规范性文件审核', 'Normative documents received'), unit: cases },
      { code: 'legality-review.major-decisions', title: t('重大行政决策审核', 'Major decisions received'), unit: cases },
      { code: 'legality-review.contracts', title: t('合同审核', 'Contracts received'), unit: cases },
      { code: 'legality-review.village-rules', title: t('村规民约审核', 'Village rules received'), unit: cases },
      { code: 'legality-review.enforcement-decisions', title: t('行政执法决定法制审核', 'Enforcement decisions received'), unit: cases },
      { code: 'legality-review.reviewed', title: t('出具合法性审核意见', 'Review opinions issued'), unit: cases },
      { code: 'legality-review.changes-proposed', title: t('提出修改意见', 'Changes proposed'), unit: t('条', 'items') },
      { code: 'legality-review.adopted', title: t('审核意见采纳', 'Opinions adopted'), unit: cases },
      { code: 'legality-review.partly-adopted', title: t('审核意见部分采纳', 'Opinions partly adopted'), unit: cases },
      { code: 'legality-review.not-adopted', title: t('审核意见未采纳', 'Opinions not adopted'), unit: cases },
    ],
    documentTemplates: [{ code: 'legality-review.opinion', title: t('合法性审核意见书', 'Legality review opinion') }],
    // The diary's "合法性审查" item becomes read-only where this plugin is installed: the cases count.
    derivedDiaryItems: [{ item: 'diary.legality-review', from: t('来自合法性审核案卷', 'From legality review case files') }],
    entryPointGroups: legalityReviewEntryPointGroups,
    entryPoints: legalityReviewEntryPoints,
  },
});

/** The procedures under `legality-review.` (the case procedures under `legality-review.cases.`), as the server serves them. */
export type LegalityReviewApi = ApiOf<LegalityReviewRouter, 'legality-review'>;
