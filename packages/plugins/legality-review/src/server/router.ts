/**
 * The legality review plugin's procedures, mounted under `legality-review.`: the case procedures
 * of `legality-review.case` (`cases.type/list/get/open/transition`, the platform's engine) and
 * `statistics` (figures from the facts the cases recorded).
 */
import { caseworkRouter, createRouter, scopedProcedure, type ScopedServices } from '@sifa/core';
import { legalityReviewCaseTypeCode, legalityReviewKinds, type LegalityReviewKind } from '../case-type.js';
import { legalityReviewSchemas } from '../schemas.js';
import type { LegalityReviewStatistics } from '../types.js';

export const legalityReviewPermissions = { read: 'legality-review.read', work: 'legality-review.work' } as const;

const kindMetric: Record<LegalityReviewKind, string> = {
  'normative-document': 'legality-review.normative-documents',
  'major-decision': 'legality-review.major-decisions',
  contract: 'legality-review.contracts',
  'village-rules': 'legality-review.village-rules',
  'enforcement-decision': 'legality-review.enforcement-decisions',
};

export async function legalityReviewStatistics(scoped: ScopedServices, input: { from: string; to: string; orgCode?: string | undefined }): Promise<LegalityReviewStatistics> {
  const orgCode = input.orgCode ?? scoped.actor.scope.orgCode;
  // An org outside the caller's subtree answers OUT_OF_SCOPE.
  await scoped.orgs.get(orgCode);
  const own = ['received', 'reviewed', 'changes-proposed', 'adopted', 'partly-adopted', 'not-adopted'].map((m) => `legality-review.${m}`);
  const result = await scoped.facts.query({ metrics: [...own, ...Object.values(kindMetric)], orgCode, from: input.from, to: input.to, groupBy: 'total' });
  const value = (metric: string) => result.rows.find((r) => r.metric === metric)?.value ?? 0;
  const [open, overdue] = await Promise.all([
    scoped.cases.list(legalityReviewCaseTypeCode, { orgCode, status: 'open', limit: 1 }),
    scoped.cases.list(legalityReviewCaseTypeCode, { orgCode, status: 'overdue', limit: 1 }),
  ]);
  return {
    orgCode,
    from: input.from,
    to: input.to,
    received: value('legality-review.received'),
    byKind: Object.fromEntries(legalityReviewKinds.map((k) => [k.value, value(kindMetric[k.value])])) as Record<LegalityReviewKind, number>,
    reviewed: value('legality-review.reviewed'),
    changesProposed: value('legality-review.changes-proposed'),
    adopted: value('legality-review.adopted'),
    partlyAdopted: value('legality-review.partly-adopted'),
    notAdopted: value('legality-review.not-adopted'),
    open: open.total,
    overdue: overdue.total,
  };
}

export const legalityReviewRouter = createRouter({
  /** The cases: list, case file, registration (open), steps (transition), the case type as deployed. */
  cases: caseworkRouter(legalityReviewCaseTypeCode, legalityReviewPermissions),

  /** Figures of a period for the caller's subtree or one org in it (facts), and the reviews open and overdue now. */
  statistics: scopedProcedure('legality-review.read')
    .input(legalityReviewSchemas.statistics)
    .query(({ ctx, input }): Promise<LegalityReviewStatistics> => legalityReviewStatistics(ctx, input)),
});

export type LegalityReviewRouter = typeof legalityReviewRouter;
