/** @sifa/plugin-plans/server: the work plans' server half (Node: tables, migrations, router, jobs, letters, deadline source, demo seed). */
export { createPlansPlugin, plansPluginOptionsSchema, type PlansPluginOptions, type PlansRouter } from './plugin.js';
export { plans, planItems, planInstances, planReminders, planEscalations, type PlanRow, type PlanItemRow, type PlanInstanceRow, type PlanReminderRow, type PlanEscalationRow } from './schema.js';
export { reminderLetterTemplate, supervisionLetterTemplate, reminderLetterDataSchema, supervisionLetterDataSchema, periodLabel, dayLabel, type ReminderLetterData, type SupervisionLetterData } from './templates.js';
export { runReminders, runEscalation, supervisionChain, dayIn, type PlansJobOptions } from './jobs.js';
export { demoPlanId } from './seed.js';
export { plansManifest } from '../index.js';
