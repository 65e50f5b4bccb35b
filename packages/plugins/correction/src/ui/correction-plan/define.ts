/** Registers <sifa-correction-plan> (side effect): import this file, or load the script-tag bundle. */
import { SifaCorrectionPlan, type CorrectionPlanChangeDetail } from './sifa-correction-plan.js';

export { SifaCorrectionPlan };
export type { CorrectionPlanChangeDetail };

if (!customElements.get('sifa-correction-plan')) customElements.define('sifa-correction-plan', SifaCorrectionPlan);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-correction-plan': SifaCorrectionPlan;
  }
  interface HTMLElementEventMap {
    'sifa-correction-plan-change': CustomEvent<CorrectionPlanChangeDetail>;
  }
}
