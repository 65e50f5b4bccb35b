/**
 * Dashboard entry points over the legality reviews' own metrics (the diary's `legality-review`
 * entry point counts them too, through `diary.legality-reviews` / `diary.legality-opinions`). Ids
 * unique across plugins: these start with `legality-review-`. Plain data, browser-safe.
 */
import type { EntryPointDefinitionInput, EntryPointGroupInput, LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const legalityReviewEntryPointGroups: EntryPointGroupInput[] = [{ id: 'legality-review-cases', title: t('合法性审核', 'Legality review') }];

export const legalityReviewEntryPoints: EntryPointDefinitionInput[] = [
  {
    id: 'legality-review-cases',
    group: 'legality-review-cases',
    title: t('合法性审核收件与审结', 'Submissions received and reviewed'),
    description: t('收件数、出具审核意见数和提出的修改意见条数。', 'Submissions received, opinions issued and changes proposed.'),
    metrics: ['legality-review.received', 'legality-review.reviewed', 'legality-review.changes-proposed'],
    combine: 'each',
    chart: 'bar',
  },
  {
    id: 'legality-review-kinds',
    group: 'legality-review-cases',
    title: t('合法性审核类别构成', 'Submissions by kind'),
    description: t('规范性文件、重大行政决策、合同、村规民约、行政执法决定各占的比重。', 'The shares of normative documents, major decisions, contracts, village rules and enforcement decisions.'),
    metrics: ['legality-review.normative-documents', 'legality-review.major-decisions', 'legality-review.contracts', 'legality-review.village-rules', 'legality-review.enforcement-decisions'],
    combine: 'each',
    chart: 'pie',
  },
  {
    id: 'legality-review-adoption',
    group: 'legality-review-cases',
    title: t('审核意见采纳情况', 'Opinions adopted'),
    description: t('审核意见采纳、部分采纳、未采纳的件数。', 'Opinions adopted, partly adopted and not adopted.'),
    metrics: ['legality-review.adopted', 'legality-review.partly-adopted', 'legality-review.not-adopted'],
    combine: 'each',
    chart: 'pie',
  },
];
