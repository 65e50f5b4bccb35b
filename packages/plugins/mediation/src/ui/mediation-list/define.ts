/** Registers <sifa-mediation-list> (side effect): import this file, or load the script-tag bundle. */
import { SifaMediationList } from './sifa-mediation-list.js';

export { SifaMediationList };

if (!customElements.get('sifa-mediation-list')) customElements.define('sifa-mediation-list', SifaMediationList);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-mediation-list': SifaMediationList;
  }
}
