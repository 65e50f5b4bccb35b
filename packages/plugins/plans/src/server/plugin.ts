/**
 * The plans plugin's server half: the procedures `<sifa-plan-board>` and plan editors call
 * (`PlansApi` in the common entry is inferred from this router), the reminder and supervision
 * jobs, the two letters, the `plans.items` deadline source for early warnings, and the demo seed.
 * Built only through the public plugin contract.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  SifaError,
  createRouter,
  defineServerPlugin,
  permittedProcedure,
  pickText,
  scopedProcedure,
  type Locale,
  type PlatformServices,
} from '@sifa/core';
import { plansManifest } from '../index.js';
import type { PlanDetail, PlanInstance, PlanInstanceProgress, PlanOverdueItem, PlanSplit, PlanSummary, PlanTimelineEntry } from '../types.js';
import {
  planAssignInputSchema,
  planCheckInputSchema,
  planCreateInputSchema,
  planRefInputSchema,
  planRemoveInputSchema,
  planScopeInputSchema,
  planUncheckInputSchema,
  planUpdateInputSchema,
  splitInputSchema,
} from '../schemas.js';
import { splitTarget, SplitError } from '../split.js';
import { planEscalations, planInstances, planItems, planReminders, plans } from './schema.js';
import { assignItem, checkInstance, createPlan, removePlan, uncheckInstance, updatePlan, type WriteEnv } from './service.js';
import { listPlans, overdueItems, planDetail, planProgress, planTimeline, type ReadEnv } from './views.js';
import { dayIn, runEscalation, runReminders, type PlansJobOptions } from './jobs.js';
import { reminderLetterTemplate, supervisionLetterTemplate } from './templates.js';
import { plansDeadlineSource } from './deadlines.js';
import { seedDemoPlan } from './seed.js';
import { followCalendarChange } from './calendar-sync.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const offsetsSchema = z
  .array(z.number().int().min(0).max(60))
  .max(10)
  .refine((list) => new Set(list).size === list.length, 'Each offset at most once');

export const plansPluginOptionsSchema = z.object({
  /** IANA zone whose calendar decides what "today" is for due dates and jobs. */
  timeZone: z.string().refine(isTimeZone, 'Not an IANA time zone, e.g. "Asia/Shanghai"').default('Asia/Shanghai'),
  /** Working days before the due date on which the assignee is reminded (0: on the due date). */
  reminderOffsets: offsetsSchema.min(1).default([5, 2, 0]),
  /** Of the reminder offsets, those that also issue a reminder letter (提醒函); none by default. */
  reminderLetterOffsets: offsetsSchema.default([]),
  /** Working days an overdue item may stay open after one supervision before the next level up supervises. */
  escalateAfterWorkingDays: z.number().int().min(1).max(60).default(3),
  /** Working days the supervised org has to report back (stated in the supervision letter). */
  reportWithinWorkingDays: z.number().int().min(1).max(60).default(3),
  /** Supervision goes up the chain to the root of the tree (default) or no higher than the plan's owner. */
  escalateUpTo: z.enum(['root', 'plan-owner']).default('root'),
  /** Cron schedules (server time zone) of the two jobs. */
  schedules: z.object({ reminders: z.string().min(9).default('0 8 * * *'), escalation: z.string().min(9).default('30 8 * * *') }).default({ reminders: '0 8 * * *', escalation: '30 8 * * *' }),
  /** Seed the demo plan (`sifa seed`). */
  demo: z.boolean().default(true),
});
export type PlansPluginOptions = z.input<typeof plansPluginOptionsSchema>;

/** The router mounted under `plans.` (what `PlansApi` is inferred from). */
export type PlansRouter = NonNullable<ReturnType<typeof createPlansPlugin>['router']>;

export function createPlansPlugin(options: PlansPluginOptions = {}) {
  const parsed = plansPluginOptionsSchema.parse(options);
  const unknownLetterOffsets = parsed.reminderLetterOffsets.filter((o) => !parsed.reminderOffsets.includes(o));
  if (unknownLetterOffsets.length) throw new Error(`plans: reminderLetterOffsets ${unknownLetterOffsets.join(', ')} are not among reminderOffsets (${parsed.reminderOffsets.join(', ')}).`);
  const jobOptions: PlansJobOptions = {
    timeZone: parsed.timeZone,
    reminderOffsets: parsed.reminderOffsets,
    reminderLetterOffsets: parsed.reminderLetterOffsets,
    escalateAfterWorkingDays: parsed.escalateAfterWorkingDays,
    reportWithinWorkingDays: parsed.reportWithinWorkingDays,
    escalateUpTo: parsed.escalateUpTo,
  };

  const readEnv = (platform: PlatformServices): ReadEnv => ({
    today: dayIn(parsed.timeZone, platform.now()),
    knownMetric: (code) => platform.catalog.metrics.has(code),
  });
  const writeEnv = (platform: PlatformServices, locale: Locale): WriteEnv => {
    const now = platform.now();
    return {
      now,
      today: dayIn(parsed.timeZone, now),
      locale,
      knownMetric: (code) => platform.catalog.metrics.has(code),
      metrics: new Map([...platform.catalog.metrics].map(([code, m]) => [code, { title: m.title, unit: m.unit }])),
    };
  };

  const router = createRouter({
    /** Plans of the subtree and plans from above with items assigned in it, overlapping `period`, with progress. */
    list: scopedProcedure('plans.read')
      .input(planScopeInputSchema)
      .query(({ ctx, input }): Promise<PlanSummary[]> => listPlans(ctx, readEnv(ctx.platform), input)),

    /** One plan: items, the visible instances with progress, split, checkmark and reminder/supervision timeline. */
    get: scopedProcedure('plans.read')
      .input(planRefInputSchema)
      .query(({ ctx, input }): Promise<PlanDetail> => planDetail(ctx, readEnv(ctx.platform), input)),

    /** Progress of a plan's visible instances (from facts for metric items: batched, one query per parent). */
    progress: scopedProcedure('plans.read')
      .input(planRefInputSchema)
      .query(({ ctx, input }): Promise<PlanInstanceProgress[]> => planProgress(ctx, readEnv(ctx.platform), input)),

    /** Open items past their due date in the subtree, most overdue first, with their supervision level. */
    overdue: scopedProcedure('plans.read')
      .input(planScopeInputSchema)
      .query(({ ctx, input }): Promise<PlanOverdueItem[]> => overdueItems(ctx, readEnv(ctx.platform), input)),

    /** The reminder and supervision log of a plan's visible instances, newest first. */
    reminders: scopedProcedure('plans.read')
      .input(planRefInputSchema)
      .query(({ ctx, input }): Promise<PlanTimelineEntry[]> => planTimeline(ctx, input)),

    /** The split a target would get (before saving): no data is read or written. */
    splitPreview: permittedProcedure('plans.read')
      .input(splitInputSchema)
      .query(({ ctx, input }): PlanSplit => {
        try {
          return splitTarget(ctx.platform.calendar, { period: input.period, target: input.target, mode: input.mode ?? 'even', weights: input.weights, due: input.due });
        } catch (error) {
          if (!(error instanceof SplitError)) throw error;
          throw new SifaError('VALIDATION_FAILED', {
            message: error.problems[0]!.message,
            issues: error.problems.map((p) => ({ path: p.field, message: pickText(p.message, ctx.locale) })),
            details: error.problems[0]!.details ?? {},
          });
        }
      }),

    /** A new plan owned by `orgCode` (default: the caller's org), items assigned as given. */
    create: scopedProcedure('plans.manage')
      .input(planCreateInputSchema)
      .mutation(({ ctx, input }): Promise<PlanDetail> => createPlan(ctx, writeEnv(ctx.platform, ctx.locale), input)),

    /** Changes the title and/or replaces the items (kept items by id keep their instances and history). */
    update: scopedProcedure('plans.manage')
      .input(planUpdateInputSchema)
      .mutation(({ ctx, input }): Promise<PlanDetail> => updatePlan(ctx, writeEnv(ctx.platform, ctx.locale), input)),

    /** Replaces an item's assignees (new ones get instances with their own split targets). */
    assign: scopedProcedure('plans.manage')
      .input(planAssignInputSchema)
      .mutation(({ ctx, input }): Promise<PlanDetail> => assignItem(ctx, writeEnv(ctx.platform, ctx.locale), input)),

    /** Removes a plan, unless letters were issued for it (official records stay on file). */
    remove: scopedProcedure('plans.manage')
      .input(planRemoveInputSchema)
      .mutation(({ ctx, input }): Promise<{ planId: string }> => removePlan(ctx, input)),

    /** The assignee marks its own manual item done, with evidence. */
    check: scopedProcedure('plans.check')
      .input(planCheckInputSchema)
      .mutation(({ ctx, input }): Promise<PlanInstance> => checkInstance(ctx, writeEnv(ctx.platform, ctx.locale), input)),

    /** The assignee withdraws its checkmark. */
    uncheck: scopedProcedure('plans.check')
      .input(planUncheckInputSchema)
      .mutation(({ ctx, input }): Promise<PlanInstance> => uncheckInstance(ctx, writeEnv(ctx.platform, ctx.locale), input)),
  });

  return defineServerPlugin(plansManifest, {
    router,
    tables: [plans, planItems, planInstances, planReminders, planEscalations],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    jobs: [
      {
        name: 'reminders',
        title: { zh: '工作计划到期提醒', en: 'Work plan reminders' },
        schedule: parsed.schedules.reminders,
        run: (ctx) => runReminders(ctx, jobOptions),
      },
      {
        name: 'escalation',
        title: { zh: '工作计划逾期督办', en: 'Work plan supervision of overdue items' },
        schedule: parsed.schedules.escalation,
        run: (ctx) => runEscalation(ctx, jobOptions),
      },
    ],
    documentTemplates: [reminderLetterTemplate, supervisionLetterTemplate],
    deadlineSources: [plansDeadlineSource()],
    // Holidays of a year imported or corrected: open plans move to the new data (re-split).
    onCalendarChange: (ctx) => followCalendarChange(ctx, parsed.timeZone),
    ...(parsed.demo ? { seed: (ctx) => seedDemoPlan(ctx, parsed.timeZone) } : {}),
  });
}
