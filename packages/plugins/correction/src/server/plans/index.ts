/** The plans part of the correction plugin's server half. */
export { correctionPlansParts } from './router.js';
export { correctionPlansOptionsSchema, evaluationThresholdsSchema, type CorrectionPlansOptions, type EvaluationThresholds } from './options.js';
export { evaluate } from './evaluation.js';
export { slotsFor, periodOf } from './days.js';
export type { PlanView, PreviewView, ProfileView } from './service.js';
export type { TaskView } from './tasks.js';
export type { EvaluationView } from './evaluation.js';
