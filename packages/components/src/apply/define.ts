/** Registers <sifa-apply> (side effect): import this file, or load the script-tag bundle. */
import { SifaApply, type ApplyCalls, type ApplySubmittedDetail } from './sifa-apply.js';

export { SifaApply };
export type { ApplyCalls, ApplySubmittedDetail };

if (!customElements.get('sifa-apply')) customElements.define('sifa-apply', SifaApply);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-apply': SifaApply;
  }
  interface HTMLElementEventMap {
    'sifa-apply-submitted': CustomEvent<ApplySubmittedDetail>;
  }
}
