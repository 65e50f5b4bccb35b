/** Registers <sifa-plan-board> (side effect): import this file, or load the script-tag bundle. */
import { SifaPlanBoard, type PlanCheckedDetail } from './sifa-plan-board.js';

export { SifaPlanBoard };
export type { PlanCheckedDetail };

if (!customElements.get('sifa-plan-board')) customElements.define('sifa-plan-board', SifaPlanBoard);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-plan-board': SifaPlanBoard;
  }
  interface HTMLElementEventMap {
    'sifa-plan-checked': CustomEvent<PlanCheckedDetail>;
  }
}
