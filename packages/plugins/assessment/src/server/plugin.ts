/**
 * The assessment plugin's server half: scores, rankings, drill-down and trends computed from
 * facts (`AssessmentApi` in the common entry is inferred from this router), the standards'
 * versions (list, get, copy, save the draft, publish), the result documents (issued through the
 * platform's document service), the `assessment.total-score` indicator for early warnings, and
 * the demo seed.
 * Built only on the public plugin contract: facts through `ctx.facts`, the org tree through
 * `ctx.orgs`, documents through `ctx.documents`.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  createRouter,
  defineServerPlugin,
  scopedProcedure,
  type DocumentBatchStatus,
  type Indicator,
  type IssuedDocument,
  type ScopedServices,
  type SifaContext,
} from '@sifa/core';
import type { AssessmentBreakdown, AssessmentRanking, AssessmentScore, AssessmentStandardSummary, AssessmentStandardVersion, AssessmentTrend } from '../types.js';
import { assessmentManifest, assessmentTemplateCodes } from '../index.js';
import {
  breakdownInputSchema,
  documentsInputSchema,
  rankingInputSchema,
  scoreInputSchema,
  standardsCopyInputSchema,
  standardsCreateInputSchema,
  standardsGetInputSchema,
  standardsListInputSchema,
  standardsPublishInputSchema,
  standardsSaveDraftInputSchema,
  trendInputSchema,
} from '../schemas.js';
import type { AssessmentContext } from './context.js';
import { analysisReportData, childResults, resultNoticeData, statisticsTableData } from './document-data.js';
import { assessmentDocumentTemplates } from './documents.js';
import { breakdownOf, rankingOf, scoreOrg, totalsOf, trendOf } from './scores.js';
import { assessmentStandards, assessmentStandardVersions } from './schema.js';
import { seedDemoStandards } from './seed.js';
import { copyStandard, createStandard, getStandard, listStandards, publishDraft, saveDraft } from './standards.js';

export const assessmentPluginOptionsSchema = z.object({
  /** Seed the DEMO standard for the current and previous year (`sifa seed`, `sifa start --seed`). */
  seedDemo: z.boolean().default(true),
});
export type AssessmentPluginOptions = z.input<typeof assessmentPluginOptionsSchema>;

type ProcedureContext = SifaContext & ScopedServices & { scope: { orgCode: string; orgPath: string } };

function serviceContext(ctx: ProcedureContext): AssessmentContext {
  return {
    db: ctx.db,
    orgs: ctx.orgs,
    facts: ctx.facts,
    audit: ctx.audit,
    documents: ctx.documents,
    actor: ctx.actor,
    scope: ctx.scope,
    locale: ctx.locale,
    now: ctx.platform.now(),
    metrics: ctx.platform.catalog.metrics,
  };
}

/** `assessment.total-score`: an org's total for a period, as `assessment.score` computes it. */
export const totalScoreIndicator: Indicator = {
  code: 'assessment.total-score',
  title: { zh: '考核总分', en: 'Assessment total score' },
  unit: { zh: '分', en: 'points' },
  compute: (scoped, input) =>
    totalsOf(
      { ...scoped, scope: scoped.actor.scope, locale: 'zh-CN', now: scoped.now(), metrics: scoped.catalog.metrics },
      { orgCodes: input.orgCodes, period: input.period },
    ),
};

/** The router mounted under `assessment.` (what `AssessmentApi` is inferred from). */
export type AssessmentRouter = NonNullable<ReturnType<typeof createAssessmentPlugin>['router']>;

export function createAssessmentPlugin(options: AssessmentPluginOptions = {}) {
  const { seedDemo } = assessmentPluginOptionsSchema.parse(options);

  const standards = createRouter({
    /** Standards the caller may see: its subtree's (with drafts) and the published ones of its ancestors. */
    list: scopedProcedure('assessment.read')
      .input(standardsListInputSchema)
      .query(({ ctx, input }): Promise<AssessmentStandardSummary[]> => listStandards(serviceContext(ctx), input)),
    /** A version (default: the published one, else the draft). */
    get: scopedProcedure('assessment.read')
      .input(standardsGetInputSchema)
      .query(({ ctx, input }): Promise<AssessmentStandardVersion> => getStandard(serviceContext(ctx), input)),
    /** A new standard (draft version 1) for a year, owned by the caller's org or one below it. */
    create: scopedProcedure('assessment.manage')
      .input(standardsCreateInputSchema)
      .mutation(({ ctx, input }): Promise<AssessmentStandardVersion> => createStandard(serviceContext(ctx), input)),
    /** A new standard for another year (or owner) from a version of an existing one, as a draft. */
    copy: scopedProcedure('assessment.manage')
      .input(standardsCopyInputSchema)
      .mutation(({ ctx, input }): Promise<AssessmentStandardVersion> => copyStandard(serviceContext(ctx), input)),
    /** Replaces the draft (or starts one, as the next version); published versions never change. */
    saveDraft: scopedProcedure('assessment.manage')
      .input(standardsSaveDraftInputSchema)
      .mutation(({ ctx, input }): Promise<AssessmentStandardVersion> => saveDraft(serviceContext(ctx), input)),
    /** The draft becomes the version scores use. */
    publish: scopedProcedure('assessment.manage')
      .input(standardsPublishInputSchema)
      .mutation(({ ctx, input }): Promise<AssessmentStandardVersion> => publishDraft(serviceContext(ctx), input)),
  });

  const router = createRouter({
    /** An office's, a county's or the city's score for a period, with its rank among its siblings when visible. */
    score: scopedProcedure('assessment.read')
      .input(scoreInputSchema)
      .query(({ ctx, input }): Promise<AssessmentScore> => scoreOrg(serviceContext(ctx), input)),
    /** The children of an org ranked (offices of a county, counties of the city). */
    ranking: scopedProcedure('assessment.read')
      .input(rankingInputSchema)
      .query(({ ctx, input }): Promise<AssessmentRanking> => rankingOf(serviceContext(ctx), input)),
    /** One item of a score with the records (diary entries, business records) behind it. */
    breakdown: scopedProcedure('assessment.read')
      .input(breakdownInputSchema)
      .query(({ ctx, input }): Promise<AssessmentBreakdown> => breakdownOf(serviceContext(ctx), input)),
    /** Totals over the last periods of the same kind. */
    trend: scopedProcedure('assessment.read')
      .input(trendInputSchema)
      .query(({ ctx, input }): Promise<AssessmentTrend> => trendOf(serviceContext(ctx), input)),
    standards,
    /** 考核结果通知书: one per child of `parentOrgCode`, issued in the background by the document service. */
    issueResultNotices: scopedProcedure('assessment.manage')
      .input(documentsInputSchema)
      .mutation(async ({ ctx, input }): Promise<DocumentBatchStatus> => {
        const results = await childResults(serviceContext(ctx), input.parentOrgCode, input.period);
        return ctx.documents.startBatch({
          template: assessmentTemplateCodes.resultNotice,
          issuerOrgCode: results.parent.code,
          bilingual: input.bilingual,
          items: results.results.map((result) => {
            const data = resultNoticeData(results, result);
            return { subjectOrgCode: result.child.node.code, data, entity: { kind: 'assessment.result', id: `${result.child.node.code}/${input.period}/${data.standard.id}@${data.standard.version}` } };
          }),
        });
      }),
    /** 统计表: the scores of every child of `parentOrgCode`. */
    issueStatisticsTable: scopedProcedure('assessment.manage')
      .input(documentsInputSchema)
      .mutation(async ({ ctx, input }): Promise<IssuedDocument> => {
        const results = await childResults(serviceContext(ctx), input.parentOrgCode, input.period);
        return ctx.documents.issue({ template: assessmentTemplateCodes.statisticsTable, issuerOrgCode: results.parent.code, bilingual: input.bilingual, data: statisticsTableData(results) });
      }),
    /** 分析报告: the figures' analysis (spread, top and bottom, changes against the previous period). */
    issueAnalysisReport: scopedProcedure('assessment.manage')
      .input(documentsInputSchema)
      .mutation(async ({ ctx, input }): Promise<IssuedDocument> => {
        const service = serviceContext(ctx);
        const results = await childResults(service, input.parentOrgCode, input.period);
        return ctx.documents.issue({ template: assessmentTemplateCodes.analysisReport, issuerOrgCode: results.parent.code, bilingual: input.bilingual, data: await analysisReportData(service, results) });
      }),
  });

  return defineServerPlugin(assessmentManifest, {
    router,
    tables: [assessmentStandards, assessmentStandardVersions],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    documentTemplates: assessmentDocumentTemplates,
    indicators: [totalScoreIndicator],
    ...(seedDemo ? { seed: seedDemoStandards } : {}),
  });
}
