/** @sifa/plugin-warnings/server: the server half (Node: tables, migrations, router, job, document templates, demo seed). */
export { createWarningsPlugin, warningsPluginOptionsSchema, type WarningsPluginOptions } from './plugin.js';
export { warningRules, warnings, warningSteps, type WarningRuleRow, type WarningRow, type WarningStepRow, type RuleLabels } from './schema.js';
export { evaluateWarnings, type EvaluateOptions } from './evaluate.js';
export { illegalTransition } from './actions.js';
export {
  warningSlip,
  assignmentSlip,
  feedbackSlip,
  rectificationNotice,
  adviceLetter,
  warningRefSchema,
  type WarningRef,
} from './documents.js';
export { demoRules } from './seed.js';
export { demoRuleId } from './rules.js';
export { warningsManifest } from '../index.js';
