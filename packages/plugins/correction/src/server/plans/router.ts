/**
 * The plans part's procedures (mounted under `correction.`) and jobs. Reads need
 * `correction.plans.read`, plan changes and evaluation decisions `correction.plans.manage`, tasks
 * `correction.tasks.work`; every procedure runs scoped (row-level security), and every case is
 * checked through the casework engine (`cases.get`: NOT_FOUND outside the caller's scope).
 */
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { createRouter, scopedProcedure, type Locale, type PluginJob, type ScopedServices } from '@sifa/core';
import { dayIn } from './days.js';
import { decideEvaluation, evaluateMonth, listEvaluations, runMonthlyEvaluation } from './evaluation.js';
import { plansConfig, type CorrectionPlansOptions } from './options.js';
import { runRollup } from './rollup.js';
import { applyPlan, generatePlan, getPlan, getProfile, overridePlan, planHistory, previewPlan, reassignMeasure, setProfile, type AfterPlanChange, type Env } from './service.js';
import { completeTask, listTasks, notify, runDailyTasks, syncTasks } from './tasks.js';
import { accountRoles, listExecutors, setExecutor, type AccountRole } from './executors.js';
import { addDays } from './days.js';
import { correctionTasks } from '../schema.js';

const caseRef = z.object({ caseId: z.uuid() });
const reason = z.string().trim().min(1, { error: 'A reason is required / 请填写理由' }).max(500);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const measureId = z.string().min(1).max(80);

export function correctionPlansParts(options: CorrectionPlansOptions = {}) {
  const config = plansConfig(options);
  const envOf = (s: ScopedServices, locale: Locale, at?: Date): Env => ({ config, locale, today: dayIn(config.timeZone, at ?? s.now()) });
  const afterChange: AfterPlanChange = async (s, env, row, plan, catalogue) => {
    await syncTasks(s, env, row, plan, catalogue);
  };

  // The procedures as a record: the plugin's router spreads them beside the casework ones.
  const procedures = {
    profile: createRouter({
      /** The person's conditions (null outside the owning office), revision 0 when none yet. */
      get: scopedProcedure('correction.plans.read').input(caseRef).query(({ ctx, input }) => getProfile(ctx, envOf(ctx, ctx.locale), input)),
      /** Saves every condition (checked against the current catalogue), sealed; `revision`: the one read (0 for a first save). */
      set: scopedProcedure('correction.plans.manage')
        .input(caseRef.extend({ revision: z.int().min(0), conditions: z.record(z.string(), z.unknown()) }))
        .mutation(({ ctx, input }) => setProfile(ctx, envOf(ctx, ctx.locale), input)),
    }),
    plan: createRouter({
      /** One click: a plan from the profile under the current catalogue; its tasks and notifications follow. */
      generate: scopedProcedure('correction.plans.manage').input(caseRef).mutation(({ ctx, input }) => generatePlan(ctx, envOf(ctx, ctx.locale), input, afterChange)),
      /** The current plan (or `planId`, an older one), recomputed and checked, every measure with its reasons. */
      get: scopedProcedure('correction.plans.read')
        .input(caseRef.extend({ planId: z.uuid().optional() }))
        .query(({ ctx, input }) => getPlan(ctx, envOf(ctx, ctx.locale), input)),
      /** Every plan of the case, newest first. */
      history: scopedProcedure('correction.plans.read').input(caseRef).query(({ ctx, input }) => planHistory(ctx, input)),
      /** Re-generation after a profile or catalogue change: the diff and its hash; nothing is written. */
      preview: scopedProcedure('correction.plans.read').input(caseRef).query(({ ctx, input }) => previewPlan(ctx, envOf(ctx, ctx.locale), input)),
      /**
       * Applies the previewed re-generation named by its hash (previewStale if anything changed
       * since). Named `applyPreview`: tRPC reserves `apply` in routers.
       */
      applyPreview: scopedProcedure('correction.plans.manage')
        .input(caseRef.extend({ hash: z.string().min(8).max(64) }))
        .mutation(({ ctx, input }) => applyPlan(ctx, envOf(ctx, ctx.locale), input, afterChange)),
      overrides: createRouter({
        /** Staff add a measure the rules did not choose, or remove one they did; a reason always. */
        add: scopedProcedure('correction.plans.manage')
          .input(caseRef.extend({ revision: z.int().min(1), measureId, action: z.enum(['add', 'remove']), reason }))
          .mutation(({ ctx, input }) => overridePlan(ctx, envOf(ctx, ctx.locale), input, afterChange)),
        /** Withdraws the override on a measure (the rules decide it again); a reason always. */
        remove: scopedProcedure('correction.plans.manage')
          .input(caseRef.extend({ revision: z.int().min(1), measureId, reason }))
          .mutation(({ ctx, input }) => overridePlan(ctx, envOf(ctx, ctx.locale), { ...input, action: 'clear' }, afterChange)),
      }),
      /** Another user becomes responsible for a measure's tasks (open ones move and are notified). */
      reassign: scopedProcedure('correction.plans.manage')
        .input(caseRef.extend({ revision: z.int().min(1), measureId, userId: z.string().min(1).max(80) }))
        .mutation(({ ctx, input }) => reassignMeasure(ctx, envOf(ctx, ctx.locale), input, afterChange)),
    }),
    executors: createRouter({
      /** Who carries out each role accounts carry at an office (default the caller's), its county's officer included. */
      list: scopedProcedure('correction.plans.read')
        .input(z.object({ orgCode: z.string().min(1).max(20).optional() }))
        .query(({ ctx, input }) => listExecutors(ctx, input)),
      /**
       * Sets (`userId: null` clears) the account carrying a role at an office (`county-officer`: at
       * a county); the open tasks of the current plans it concerns move (not measures reassigned by hand).
       */
      set: scopedProcedure('correction.plans.manage')
        .input(z.object({ orgCode: z.string().min(1).max(20), role: z.enum(accountRoles), userId: z.string().min(1).max(80).nullable() }))
        .mutation(({ ctx, input }) => setExecutor(ctx, { config, locale: ctx.locale, notifyMoved: notify }, input)),
    }),
    tasks: createRouter({
      /** Tasks of a case, or mine (`mine: true`), by due day. */
      list: scopedProcedure('correction.plans.read')
        .input(
          z.object({
            caseId: z.uuid().optional(),
            mine: z.boolean().optional(),
            status: z.array(z.enum(['open', 'done', 'missed', 'cancelled'])).optional(),
            dueFrom: day.optional(),
            dueTo: day.optional(),
            limit: z.int().min(1).max(500).default(200),
          }),
        )
        .query(({ ctx, input }) => listTasks(ctx, config, input)),
      /** Marks an open task done today, with a note. */
      complete: scopedProcedure('correction.tasks.work')
        .input(z.object({ taskId: z.uuid(), note: z.string().trim().min(1).max(1000) }))
        .mutation(({ ctx, input }) => completeTask(ctx, envOf(ctx, ctx.locale), input)),
    }),
    evaluation: createRouter({
      /** Evaluates one person for one month (stored; a decided evaluation stays as it is). */
      run: scopedProcedure('correction.plans.manage').input(caseRef.extend({ month })).mutation(({ ctx, input }) => evaluateMonth(ctx, envOf(ctx, ctx.locale), input)),
      list: scopedProcedure('correction.plans.read').input(caseRef).query(({ ctx, input }) => listEvaluations(ctx, input)),
      /** Accept (the case's change-class step) or reject a suggested class change; a reason always. */
      decide: scopedProcedure('correction.plans.manage')
        .input(z.object({ evaluationId: z.uuid(), decision: z.enum(['accept', 'reject']), reason }))
        .mutation(({ ctx, input }) => decideEvaluation(ctx, envOf(ctx, ctx.locale), input)),
    }),
  };
  const router = createRouter(procedures);

  /**
   * The three jobs read sealed (juvenile) files, declared (`readsSealedCases`, shown by `sifa jobs
   * list`): without it a sealed person would get no tasks made or marked missed, no evaluation and
   * no place in any figure. What they write keeps the seal: figures at the county above the office,
   * task notifications to the file's responsible staff only, without the case number.
   */
  const rollupOptions = { intakeWithinWorkingDays: config.intakeWithinWorkingDays, reoffenceTransitions: config.reoffenceTransitions };
  const sealedReason = (what: { zh: string; en: string; mn: string }) => ({ reason: what });
  const jobs: PluginJob[] = [
    {
      name: 'tasks',
      readsSealedCases: sealedReason({
        zh: '封存的未成年人档案也须按计划生成任务、标记逾期；通知只发给其负责人员，不含案号。',
        en: 'Sealed juvenile files get their tasks made and marked missed too; notifications go to their responsible staff only, without the case number.',
        mn: 'ᠨᠢᠭᠤᠴᠠᠯᠠᠭᠰᠠᠨ ᠪᠠᠭ᠎ᠠ ᠨᠠᠰᠤᠨ ᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠠᠵᠢᠯ ᠢ ᠮᠠᠳᠠᠯᠠᠨ᠎ᠠ᠂ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠳᠤ ᠢᠯᠡᠭᠡᠨ᠎ᠡ',
      }),
      title: { zh: '矫正任务：逾期标记与下一周期任务', en: 'Correction tasks: mark missed, make the next period’s', mn: 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠠᠵᠢᠯ' },
      schedule: config.schedules.tasks,
      run: async (ctx) => {
        const today = dayIn(config.timeZone, ctx.now);
        const r = await ctx.runScoped(ctx.rootOrgCode, (s) => runDailyTasks(s, { config, locale: 'zh-CN', today }, today));
        return { summary: `${r.missed} missed, ${r.made} made, ${r.cancelled} cancelled (files closed), ${r.skipped} plans skipped`, counts: r };
      },
    },
    {
      name: 'evaluation',
      readsSealedCases: sealedReason({
        zh: '封存的未成年人也须按月考核；考核结果只有其负责人员可见。',
        en: 'Sealed juveniles are evaluated monthly too; the evaluation is visible to their responsible staff only.',
        mn: 'ᠨᠢᠭᠤᠴᠠᠯᠠᠭᠰᠠᠨ ᠪᠠᠭ᠎ᠠ ᠨᠠᠰᠤᠨ ᠢ ᠰᠠᠷ᠎ᠠ ᠪᠦᠷᠢ ᠦᠨᠡᠯᠡᠨ᠎ᠡ᠂ ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠦᠵᠡᠨ᠎ᠡ',
      }),
      title: { zh: '矫正对象月度考核', en: 'Monthly evaluation of persons under correction', mn: 'ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ' },
      schedule: config.schedules.evaluation,
      run: async (ctx) => {
        const today = dayIn(config.timeZone, ctx.now);
        const previousMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
        const r = await ctx.runScoped(ctx.rootOrgCode, (s) => runMonthlyEvaluation(s, { config, locale: 'zh-CN', today }, previousMonth));
        return { summary: `${previousMonth}: ${r.evaluated} evaluated, ${r.suggestions} class changes suggested`, counts: r };
      },
    },
    {
      name: 'rollup',
      readsSealedCases: sealedReason({
        zh: '封存的未成年人计入其所在司法所上级旗县区的统计（不计入司法所），只计数量。',
        en: 'Sealed juveniles count in the figures of the county above their office (never the office’s), as counts only.',
        mn: 'ᠨᠢᠭᠤᠴᠠᠯᠠᠭᠰᠠᠨ ᠪᠠᠭ᠎ᠠ ᠨᠠᠰᠤᠨ ᠢ ᠬᠣᠰᠢᠭᠤ ᠶᠢᠨ ᠲᠣᠭ᠎ᠠ ᠳᠤ ᠲᠣᠭᠠᠯᠠᠨ᠎ᠠ',
      }),
      title: { zh: '社区矫正日统计', en: 'Community correction daily figures', mn: 'ᠡᠳᠦᠷ ᠦᠨ ᠲᠣᠭ᠎ᠠ' },
      schedule: config.schedules.rollup,
      run: async (ctx) => {
        const today = dayIn(config.timeZone, ctx.now);
        const r = await ctx.runScoped(ctx.rootOrgCode, (s) =>
          runRollup(s, { config, locale: 'zh-CN', today }, today, rollupOptions),
        );
        return { summary: `${today}: ${r.persons} persons in ${r.offices} offices`, counts: r };
      },
    },
  ];
  /**
   * DEMO: each person's profile and, for those with `planFrom`, the plan it calls for as of then,
   * then its history day by day up to `today` as the daily job and the staff would have made it:
   * each period's tasks made as it begins, `doneShare` of a person's tasks done on their due day,
   * the rest missed the day after; and the evaluation of `month` for those with a plan, in the
   * seed's transaction.
   */
  const seedPersons = async (
    s: ScopedServices,
    input: { today: string; month: string; persons: { caseId: string; conditions: Record<string, unknown>; owner?: string | undefined; planFrom?: string; doneShare?: number }[] },
  ) => {
    // Seeded tasks are the demo's history: nobody is notified of them.
    const env = (today: string, owner?: string): Env => ({ config, locale: 'zh-CN', today, notify: false, ...(owner ? { owner } : {}) });
    for (const p of input.persons) {
      await setProfile(s, env(input.today), { caseId: p.caseId, revision: 0, conditions: p.conditions });
      if (p.planFrom) await generatePlan(s, env(p.planFrom, p.owner), { caseId: p.caseId }, afterChange);
    }
    // Which tasks were done: of each measure's n-th task due, in due order, done when ⌈n·share⌉
    // grows (a share of 0.6: done, done, missed, done, missed, …), so every measure shows the
    // person's share, verifications too, and every seed is the same. (In whole percent: 5 × 0.6 is
    // 3.0000000000000004 in floating point, whose ceiling would make the fifth one done too.)
    const share = new Map(input.persons.filter((p) => p.planFrom).map((p) => [p.caseId, Math.round((p.doneShare ?? 0) * 100)]));
    const counted = new Map<string, { due: number; done: number }>();
    const first = input.persons.flatMap((p) => (p.planFrom ? [p.planFrom] : [])).sort()[0];
    for (let day = first ?? input.today; day < input.today; day = addDays(day, 1)) {
      await runDailyTasks(s, env(day), day);
      const dueToday = await s.db
        .select({ id: correctionTasks.id, caseId: correctionTasks.caseId, measure: correctionTasks.measureId })
        .from(correctionTasks)
        .where(and(eq(correctionTasks.status, 'open'), eq(correctionTasks.due, day)))
        .orderBy(asc(correctionTasks.caseId), asc(correctionTasks.measureId), asc(correctionTasks.seq));
      for (const task of dueToday) {
        const done = share.get(task.caseId);
        if (done === undefined) continue;
        const key = `${task.caseId} ${task.measure}`;
        const n = counted.get(key) ?? { due: 0, done: 0 };
        counted.set(key, n);
        n.due++;
        if (Math.ceil((n.due * done) / 100) <= n.done) continue;
        n.done++;
        await completeTask(s, env(day), { taskId: task.id, note: '【示范数据】已按期完成。' });
      }
    }
    await runDailyTasks(s, env(input.today), input.today);
    for (const p of input.persons) if (p.planFrom) await evaluateMonth(s, env(input.today), { caseId: p.caseId, month: input.month });
  };
  /** DEMO: who carries out the roles at `orgCode` (role → account); no plan exists yet, nothing moves. */
  const seedExecutors = async (s: ScopedServices, orgCode: string, map: Partial<Record<AccountRole, string>>) => {
    for (const [role, userId] of Object.entries(map) as [AccountRole, string][]) await setExecutor(s, { config, locale: 'zh-CN' }, { orgCode, role, userId });
  };
  return { router, procedures, jobs, config, seedPersons, seedExecutors };
}
