/** Registers <sifa-org-picker> (side effect): import this file, or load the script-tag bundle. */
import { SifaOrgPicker, type OrgChangeDetail } from './sifa-org-picker.js';

export { SifaOrgPicker };
export type { OrgChangeDetail };

if (!customElements.get('sifa-org-picker')) customElements.define('sifa-org-picker', SifaOrgPicker);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-org-picker': SifaOrgPicker;
  }
  interface HTMLElementEventMap {
    'sifa-org-change': CustomEvent<OrgChangeDetail>;
  }
}
