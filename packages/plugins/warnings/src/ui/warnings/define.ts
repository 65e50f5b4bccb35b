/** Registers <sifa-warnings> (side effect): import this file, or load the script-tag bundle. */
import { SifaWarnings, type WarningChangedDetail, type WarningSelectDetail, type WarningsEvaluatedDetail } from './sifa-warnings.js';

export { SifaWarnings };
export type { WarningSelectDetail, WarningChangedDetail, WarningsEvaluatedDetail };

if (!customElements.get('sifa-warnings')) customElements.define('sifa-warnings', SifaWarnings);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-warnings': SifaWarnings;
  }
  interface HTMLElementEventMap {
    'sifa-warning-select': CustomEvent<WarningSelectDetail>;
    'sifa-warning-changed': CustomEvent<WarningChangedDetail>;
    'sifa-warnings-evaluated': CustomEvent<WarningsEvaluatedDetail>;
  }
}
