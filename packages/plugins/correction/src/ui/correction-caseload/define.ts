/** Registers <sifa-correction-caseload> (side effect): import this file, or load the script-tag bundle. */
import { SifaCorrectionCaseload, type CorrectionCaseSelectDetail } from './sifa-correction-caseload.js';

export { SifaCorrectionCaseload };
export type { CorrectionCaseSelectDetail };

if (!customElements.get('sifa-correction-caseload')) customElements.define('sifa-correction-caseload', SifaCorrectionCaseload);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-correction-caseload': SifaCorrectionCaseload;
  }
  interface HTMLElementEventMap {
    'sifa-correction-case-select': CustomEvent<CorrectionCaseSelectDetail>;
  }
}
