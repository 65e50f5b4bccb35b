/**
 * @sifa/plugin-correction/ui: the correction plugin's widgets (Lit elements on @sifa/components).
 * Importing this entry defines every element; `@sifa/plugin-correction/ui/<name>` defines one.
 * The script-tag bundle finds them through package.json `sifa.elements`.
 */
import './correction-plan/define.js';
import './correction-caseload/define.js';

export { SifaCorrectionPlan, type CorrectionPlanChangeDetail } from './correction-plan/sifa-correction-plan.js';
export { SifaCorrectionCaseload, type CorrectionCaseSelectDetail } from './correction-caseload/sifa-correction-caseload.js';
