/** Registers <sifa-cases> (side effect): import this file, or load the script-tag bundle. */
import { SifaCases, type CaseCalls, type CaseChangedDetail, type CaseOpenedDetail, type CaseSelectDetail } from './sifa-cases.js';

export { SifaCases };
export type { CaseCalls, CaseSelectDetail, CaseOpenedDetail, CaseChangedDetail };

if (!customElements.get('sifa-cases')) customElements.define('sifa-cases', SifaCases);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-cases': SifaCases;
  }
  interface HTMLElementEventMap {
    'sifa-case-select': CustomEvent<CaseSelectDetail>;
    'sifa-case-opened': CustomEvent<CaseOpenedDetail>;
    'sifa-case-changed': CustomEvent<CaseChangedDetail>;
  }
}
