/**
 * The warnings plugin's server half, built only on the public plugin contract: rules CRUD, the
 * evaluation (on demand: `warnings.evaluate`; on schedule: the `warnings.evaluate` job, 07:00 by
 * default, which the platform's runner claims once per slot so several instances never double
 * it; `sifa jobs run warnings.evaluate` runs it now), the lifecycle steps with their documents
 * and notifications, and reads returning the plugin's domain types (../types.ts; `WarningsApi` in
 * the common entry is inferred from this router). Deadlines and indicators
 * come from other plugins through `ctx.signals`; facts through `ctx.facts`.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  SifaError,
  createRouter,
  pickText,
  defineServerPlugin,
  scopedProcedure,
  type JobContext,
  type JobResult,
  type ScopedServices,
} from '@sifa/core';
import { warningRuleKinds, warningsManifest } from '../index.js';
import type { WarningCatalog, WarningDetail, WarningEvaluationResult, WarningList, WarningRule } from '../types.js';
import {
  warningAssignInputSchema,
  warningCloseInputSchema,
  warningEvaluationInputSchema,
  warningIdInputSchema,
  warningListInputSchema,
  warningNoticeInputSchema,
  warningRespondInputSchema,
  warningRuleInputSchema,
  warningRulesInputSchema,
  warningRuleUpdateSchema,
} from '../schemas.js';
import { warningRules, warnings, warningSteps } from './schema.js';
import { dayIn, isTimeZone } from './calendar-day.js';
import { evaluateWarnings } from './evaluate.js';
import { assign, close, issueNotice, respond, type ActionOptions } from './actions.js';
import { listWarnings, warningDetail, type Viewer } from './views.js';
import { createRule, deleteRule, listRules, updateRule, type RuleContext } from './rules.js';
import { warningDocumentTemplateParts } from './documents.js';
import { seedDemoRules } from './seed.js';

export const warningsPluginOptionsSchema = z.object({
  /** IANA zone whose calendar decides "today" for rules and deadlines. */
  timeZone: z.string().refine(isTimeZone, 'An IANA time zone, e.g. Asia/Shanghai').default('Asia/Shanghai'),
  /** Feedback is due this many working days after a notice or an assignment, unless the step names a day. */
  feedbackWorkingDays: z.int().min(1).max(60).default(10),
  /** Escalate warnings whose feedback is overdue to the next level up (in evaluations). */
  escalation: z.boolean().default(true),
  /** When the evaluation job runs (cron, in the server's time zone). */
  schedule: z.string().min(9).max(120).default('0 7 * * *'),
  /** Seed the demo rules with `sifa seed`. */
  demoRules: z.boolean().default(true),
});
export type WarningsPluginOptions = z.input<typeof warningsPluginOptionsSchema>;

export function createWarningsPlugin(options: WarningsPluginOptions = {}) {
  const o = warningsPluginOptionsSchema.parse(options);
  const actionOptions = (ctx: { locale: ActionOptions['locale']; platform: { now(): Date } }): ActionOptions => ({
    now: ctx.platform.now(),
    locale: ctx.locale,
    timeZone: o.timeZone,
    feedbackWorkingDays: o.feedbackWorkingDays,
  });
  const viewer = (ctx: { actor: ScopedServices['actor']; platform: { now(): Date } }): Viewer => ({ actor: ctx.actor, today: dayIn(ctx.platform.now(), o.timeZone) });
  const ruleContext = (ctx: ScopedServices & { locale: RuleContext['locale']; platform: { now(): Date; catalog: { metrics: RuleContext['metrics'] } } }): RuleContext => ({
    scoped: ctx,
    locale: ctx.locale,
    now: ctx.platform.now(),
    metrics: ctx.platform.catalog.metrics,
  });

  const router = createRouter({
    /** Rule kinds, and the metrics, deadline sources and indicators installed plugins provide. */
    catalog: scopedProcedure('warnings.read').query(({ ctx }): WarningCatalog => {
      const signals = ctx.signals.catalog();
      return {
        kinds: warningRuleKinds.map((k) => ({ kind: k.kind, title: k.title, description: k.description })),
        metrics: [...ctx.platform.catalog.metrics.values()].map((m) => ({ code: m.code, title: m.title, unit: m.unit })),
        deadlineSources: signals.deadlineSources,
        indicators: signals.indicators,
      };
    }),

    /** Warnings in the caller's subtree (or `orgCode`'s): open ones by default, most severe and oldest first. */
    list: scopedProcedure('warnings.read')
      .input(warningListInputSchema)
      .query(async ({ ctx, input }): Promise<WarningList> => {
        const root = input.orgCode ? (await ctx.orgs.get(input.orgCode)).path : ctx.scope.orgPath;
        return listWarnings(ctx.db, root, input, viewer(ctx));
      }),

    /** One warning with its evidence and step timeline (documents included). */
    get: scopedProcedure('warnings.read')
      .input(warningIdInputSchema)
      .query(({ ctx, input }): Promise<WarningDetail> => warningDetail(ctx.db, input.id, viewer(ctx))),

    /** Evaluates now every rule that applies to the subtree (the caller's, or `orgCode`'s) for day `at` (default today). */
    evaluate: scopedProcedure('warnings.manage')
      .input(warningEvaluationInputSchema)
      .mutation(async ({ ctx, input }): Promise<WarningEvaluationResult> => {
        const now = ctx.platform.now();
        const today = dayIn(now, o.timeZone);
        if (input.at && input.at > today) {
          const message = { zh: `评估日期不能晚于今天（${today}）。`, en: `The evaluation day cannot be after today (${today}).` };
          throw new SifaError('VALIDATION_FAILED', { message, issues: [{ path: 'at', message: pickText(message, ctx.locale) }] });
        }
        return evaluateWarnings(ctx, { orgCode: input.orgCode ?? ctx.scope.orgCode, today: input.at ?? today, now, metrics: ctx.platform.catalog.metrics, escalate: o.escalation, timeZone: o.timeZone });
      }),

    issueNotice: scopedProcedure('warnings.manage')
      .input(warningNoticeInputSchema)
      .mutation(({ ctx, input }): Promise<WarningDetail> => issueNotice(ctx, input, actionOptions(ctx))),

    assign: scopedProcedure('warnings.manage')
      .input(warningAssignInputSchema)
      .mutation(({ ctx, input }): Promise<WarningDetail> => assign(ctx, input, actionOptions(ctx))),

    respond: scopedProcedure('warnings.respond')
      .input(warningRespondInputSchema)
      .mutation(({ ctx, input }): Promise<WarningDetail> => respond(ctx, input, actionOptions(ctx))),

    close: scopedProcedure('warnings.manage')
      .input(warningCloseInputSchema)
      .mutation(({ ctx, input }): Promise<WarningDetail> => close(ctx, input, actionOptions(ctx))),

    /** The rules that apply in the subtree (inherited from above, or owned inside it). */
    listRules: scopedProcedure('warnings.read')
      .input(warningRulesInputSchema)
      .query(async ({ ctx, input }): Promise<WarningRule[]> => listRules(ctx.db, await ctx.orgs.get(input.orgCode ?? ctx.scope.orgCode), ctx.actor)),

    createRule: scopedProcedure('warnings.manage')
      .input(warningRuleInputSchema)
      .mutation(({ ctx, input }): Promise<WarningRule> => createRule(ruleContext(ctx), input)),

    updateRule: scopedProcedure('warnings.manage')
      .input(warningRuleUpdateSchema)
      .mutation(({ ctx, input }): Promise<WarningRule> => updateRule(ruleContext(ctx), input)),

    deleteRule: scopedProcedure('warnings.manage')
      .input(warningIdInputSchema)
      .mutation(({ ctx, input }) => deleteRule(ruleContext(ctx), input.id)),
  });

  /** The scheduled evaluation of the whole tree (and the escalation of overdue feedback). */
  const evaluateJob = {
    name: 'evaluate',
    title: { zh: '评估预警规则', en: 'Evaluate warning rules' },
    schedule: o.schedule,
    async run(job: JobContext): Promise<JobResult> {
      const today = dayIn(job.now, o.timeZone);
      // Jobs get no metric catalogue: rules word their warnings with what they saved (RuleLabels).
      const result = await job.runScoped(job.rootOrgCode, (scoped) => evaluateWarnings(scoped, { orgCode: job.rootOrgCode, today, now: job.now, metrics: null, escalate: o.escalation, timeZone: o.timeZone }));
      for (const n of result.notEvaluable) job.log(`rule ${n.ruleId} not evaluable: ${n.reason.en}`);
      if (result.calendarMissing.length) job.log(`holiday data missing for ${result.calendarMissing.join(', ')} (warned to the root org)`);
      return {
        summary: `${today}: ${result.evaluated}/${result.rules} rules evaluated; ${result.raised} raised, ${result.stillOpen} still open, ${result.resolved} resolved (${result.autoClosed} auto-closed), ${result.reopened} reopened, ${result.escalated} escalated; ${result.notEvaluable.length} not evaluable${result.calendarMissing.length ? `; holiday data missing for ${result.calendarMissing.join(', ')}` : ''}`,
        counts: {
          rules: result.rules,
          evaluated: result.evaluated,
          raised: result.raised,
          stillOpen: result.stillOpen,
          resolved: result.resolved,
          autoClosed: result.autoClosed,
          reopened: result.reopened,
          escalated: result.escalated,
          notEvaluable: result.notEvaluable.length,
          calendarMissing: result.calendarMissing.length,
        },
      };
    },
  };

  return defineServerPlugin(warningsManifest, {
    router,
    tables: [warningRules, warnings, warningSteps],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    jobs: [evaluateJob],
    documentTemplates: warningDocumentTemplateParts,
    ...(o.demoRules ? { seed: (ctx) => seedDemoRules(ctx) } : {}),
  });
}

/** The warnings plugin's router (its procedures' inputs and outputs: `WarningsApi` in the common entry). */
export type WarningsRouter = NonNullable<ReturnType<typeof createWarningsPlugin>['router']>;
