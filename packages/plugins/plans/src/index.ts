/**
 * @sifa/plugin-plans, common half (browser-safe): the manifest of work plans (工作规划、提醒督办),
 * the zod schemas of its inputs, the working-day split, and the API types widgets and
 * integrators use: the output types (`types.ts`), `PlansApi`, the procedure map inferred from
 * the server's router, and `PlansErrorDetails`, the details of its declared errors. The server half is `@sifa/plugin-plans/server`, the widgets
 * `@sifa/plugin-plans/ui` (`<sifa-plan-board>`).
 */
import { z } from 'zod';
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import type { PlansRouter } from './server/plugin.js';

export * from './schemas.js';
export type * from './types.js';
export { planMessages, pmsg, type PlanMessageKey } from './messages.js';
export {
  apportion,
  calendarWarnings,
  defaultDue,
  dueDateProblem,
  expectedBy,
  isoWeekKey,
  splitTarget,
  subPeriodsOf,
  SplitError,
  type SplitProblem,
  type SplitRequest,
  type SubPeriodRange,
} from './split.js';

/** The procedures under `plans.` (path → type, input, output), as the server serves them. */
export type PlansApi = ApiOf<PlansRouter, 'plans'>;

export const plansManifest = definePlugin({
  id: 'plans',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '工作规划、提醒督办', en: 'Work plans, reminders and escalation' },
  description: {
    zh: '年度、季度、月度工作计划逐级下达；目标按工作日（含法定节假日与调休）自动拆分，完成情况由统计数据自动计算或由承办单位勾选；到期前提醒，逾期由上级督办并生成督办函。',
    en: 'Year, quarter and month work plans assigned down the tree; targets split by working days (public holidays and adjusted working days included), completion measured from facts or checked off by the assignee; reminders before the due date, supervision letters from the level above when overdue.',
  },
  errors: {
    /** An edit made against an older revision of the plan (someone else changed it meanwhile). */
    revisionConflict: {
      code: 'CONFLICT',
      details: z.object({ planId: z.string(), revision: z.int(), currentRevision: z.int() }),
    },
  },
  permissions: [
    {
      name: 'plans.read',
      title: { zh: '查看工作计划', en: 'Read work plans' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
    {
      name: 'plans.manage',
      title: { zh: '制定和下达工作计划', en: 'Make and assign work plans' },
      roles: ['city_admin', 'county_admin'],
    },
    {
      // Every role: an office (or a county, for items assigned to it) marks its own manual items done.
      name: 'plans.check',
      title: { zh: '勾选本单位事项完成情况', en: "Check off the own organisation's items" },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
  contributes: {
    documentTemplates: [
      { code: 'plans.reminder-letter', title: { zh: '工作提醒函', en: 'Work reminder letter' } },
      { code: 'plans.supervision-letter', title: { zh: '工作督办函', en: 'Work supervision letter' } },
    ],
  },
});

/** The details of the plans plugin's declared errors, by name (`plans.revisionConflict`). */
export type PlansErrorDetails = PluginErrorDetailsOf<typeof plansManifest>;

// `isPluginError(error, 'plans.revisionConflict')` narrows to these details wherever this entry is imported.
declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends PlansErrorDetails {}
}
